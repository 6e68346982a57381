#include "BackendChoice.h"

#include "backend/DirectBackend.h"
#include "backend/HelperBackend.h"

#include <QDBusConnection>
#include <QFile>
#include <unistd.h>

namespace qracoon {

std::optional<BackendChoice::Mode> BackendChoice::parseMode(const QString& word)
{
    if (word == QLatin1String("auto")) {
        return Mode::Auto;
    }
    if (word == QLatin1String("direct")) {
        return Mode::Direct;
    }
    if (word == QLatin1String("helper")) {
        return Mode::Helper;
    }
    return std::nullopt;
}

bool BackendChoice::mayOpenSocket(const QString& socketPath)
{
    if (::geteuid() == 0) {
        return true;
    }
    return ::access(QFile::encodeName(socketPath).constData(), R_OK | W_OK) == 0;
}

std::unique_ptr<Backend> BackendChoice::create(Mode mode, const QString& socketPath)
{
    const bool helper = mode == Mode::Helper || (mode == Mode::Auto && !mayOpenSocket(socketPath) &&
                                                 QDBusConnection::systemBus().isConnected());
    if (helper) {
        return std::make_unique<HelperBackend>();
    }
    return std::make_unique<DirectBackend>(socketPath);
}

} // namespace qracoon
