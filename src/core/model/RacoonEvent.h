// One event racoon pushed on a subscribed admin connection (ADMIN-PROTOCOL.md §8).
#pragma once

#include "ModeCfg.h"
#include "core/wire/SocketAddress.h"

#include <QByteArray>
#include <cstdint>
#include <ctime>
#include <optional>

namespace qracoon {

struct RacoonEvent
{
    std::uint32_t code = 0; // EventCode
    std::time_t timestamp = 0;
    SocketAddress ph1src; // local end of the phase 1; Unspec when unknown
    SocketAddress ph1dst; // the peer
    std::uint32_t ph2msgid = 0;
    QByteArray attributes;          // the raw bytes after evt_async (mode-cfg attributes)
    std::optional<ModeCfg> modeCfg; // decoded for PHASE1_MODE_CFG only
};

} // namespace qracoon
