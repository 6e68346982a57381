// Which way the applet reaches racoon: its admin socket directly, or qracoon-helper on the system bus.
#pragma once

#include "backend/Backend.h"

#include <QString>
#include <memory>
#include <optional>

namespace qracoon {

class BackendChoice
{
public:
    enum class Mode
    {
        Auto,   // the socket when this user may open it, otherwise the helper
        Direct, // always the socket
        Helper, // always the helper
    };

    static std::optional<Mode> parseMode(const QString& word);
    // The helper when `mode` asks for it, or in Auto mode when `socketPath` is not ours to open (racoon's
    // default is root-only) and a system bus is there; the socket otherwise.
    static std::unique_ptr<Backend> create(Mode mode, const QString& socketPath);
    static bool mayOpenSocket(const QString& socketPath);
};

} // namespace qracoon
