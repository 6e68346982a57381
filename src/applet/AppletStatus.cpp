#include "AppletStatus.h"

#include <QCoreApplication>
#include <QHash>

namespace qracoon {

AppletStatus statusOf(ConnectionController::State state)
{
    using State = ConnectionController::State;
    switch (state) {
    case State::Connected:
        return AppletStatus::Connected;
    case State::Connecting:
    case State::AwaitingCredentials:
    case State::Disconnecting:
        return AppletStatus::Connecting;
    case State::Failed:
        return AppletStatus::Error;
    case State::Disconnected:
        break;
    }
    return AppletStatus::Disconnected;
}

AppletStatus overallStatus(DaemonState daemon, const QList<ConnectionController::State>& gateways)
{
    if (daemon == DaemonState::Absent || daemon == DaemonState::NotAuthorized) {
        return AppletStatus::Absent;
    }
    AppletStatus result = AppletStatus::Disconnected;
    for (const ConnectionController::State state : gateways) {
        const AppletStatus s = statusOf(state);
        if (s == AppletStatus::Connected) {
            return s;
        }
        if (s == AppletStatus::Connecting ||
            (s == AppletStatus::Error && result == AppletStatus::Disconnected)) {
            result = s;
        }
    }
    return result;
}

QString statusName(AppletStatus status)
{
    switch (status) {
    case AppletStatus::Absent:
        return QStringLiteral("absent");
    case AppletStatus::Disconnected:
        return QStringLiteral("disconnected");
    case AppletStatus::Connecting:
        return QStringLiteral("connecting");
    case AppletStatus::Connected:
        return QStringLiteral("connected");
    case AppletStatus::Error:
        return QStringLiteral("error");
    }
    return {};
}

QIcon statusIcon(AppletStatus status)
{
    // One QIcon per status, shared: every fresh QIcon would parse and render its SVG again, and the
    // gateway list asks for an icon per row on each paint.
    static QHash<int, QIcon>* cache = nullptr;
    if (cache == nullptr) {
        cache = new QHash<int, QIcon>;
        // Dropped with the application, while the platform's pixmap cache still exists; a later
        // application starts a new one.
        qAddPostRoutine([] {
            delete cache;
            cache = nullptr;
        });
    }
    auto it = cache->find(int(status));
    if (it == cache->end()) {
        it = cache->insert(int(status),
                           QIcon(QStringLiteral(":/icons/qracoon-%1.svg").arg(statusName(status))));
    }
    return *it;
}

QString statusText(AppletStatus status)
{
    switch (status) {
    case AppletStatus::Absent:
        return QCoreApplication::translate("AppletStatus", "racoon is not running");
    case AppletStatus::Disconnected:
        return QCoreApplication::translate("AppletStatus", "Not connected");
    case AppletStatus::Connecting:
        return QCoreApplication::translate("AppletStatus", "Connecting");
    case AppletStatus::Connected:
        return QCoreApplication::translate("AppletStatus", "Connected");
    case AppletStatus::Error:
        return QCoreApplication::translate("AppletStatus", "Connection failed");
    }
    return {};
}

} // namespace qracoon
