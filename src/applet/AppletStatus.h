// The five faces of the tray icon, and which one a gateway state or the whole applet shows.
#pragma once

#include "ConnectionController.h"

#include <QIcon>
#include <QList>

namespace qracoon {

enum class AppletStatus
{
    Absent,       // racoon is not running (or may not be talked to)
    Disconnected, // racoon runs, no gateway is connected
    Connecting,   // a gateway is connecting or waits for a login
    Connected,    // at least one gateway is connected
    Error,        // the last attempt failed
};

AppletStatus statusOf(ConnectionController::State state);
// Connected wins over Connecting, which wins over Error and Disconnected; racoon's absence over all.
AppletStatus overallStatus(DaemonState daemon, const QList<ConnectionController::State>& gateways);
QIcon statusIcon(AppletStatus status);
QString statusText(AppletStatus status);
// "absent", "disconnected", ... (the icon file names, and the words the state trace writes).
QString statusName(AppletStatus status);

} // namespace qracoon
