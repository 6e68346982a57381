#include "TrayIcon.h"

#include "DaemonMonitor.h"
#include "DisplayText.h"
#include "GatewayModel.h"

namespace qracoon {

TrayIcon::TrayIcon(GatewayModel& gateways, DaemonMonitor& monitor, QObject* parent)
    : QObject(parent), m_gateways(gateways), m_monitor(monitor)
{
    m_statusAction = m_menu.addAction(QString());
    m_statusAction->setEnabled(false);
    m_menu.addSeparator();
    m_noGateways = m_menu.addAction(tr("No gateways configured"));
    m_noGateways->setEnabled(false);
    m_moreGateways = m_menu.addAction(QString());
    m_moreGateways->setVisible(false);
    connect(m_moreGateways, &QAction::triggered, this, &TrayIcon::editGatewaysRequested);
    m_gatewayEnd = m_menu.addSeparator();
    connect(m_menu.addAction(tr("&Add Gateway…")), &QAction::triggered, this, &TrayIcon::addGatewayRequested);
    connect(m_menu.addAction(tr("&Edit Gateways…")), &QAction::triggered, this,
            &TrayIcon::editGatewaysRequested);
    m_menu.addSeparator();
    m_notificationsAction = m_menu.addAction(tr("Show &Notifications"));
    m_notificationsAction->setCheckable(true);
    m_autostartAction = m_menu.addAction(tr("Start at &Login"));
    m_autostartAction->setCheckable(true);
    m_menu.addSeparator();
    connect(m_menu.addAction(tr("Show &Window")), &QAction::triggered, this, &TrayIcon::showWindowRequested);
    connect(m_menu.addAction(tr("&Quit")), &QAction::triggered, this, &TrayIcon::quitRequested);
    m_tray.setContextMenu(&m_menu);
    connect(&m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            Q_EMIT showWindowRequested();
        }
    });
    // A refresh can change hundreds of gateways at once: one update once they are all done.
    m_pendingUpdate.setSingleShot(true);
    m_pendingUpdate.setInterval(0);
    connect(&m_pendingUpdate, &QTimer::timeout, this, &TrayIcon::update);
    connect(&m_gateways, &GatewayModel::gatewaysChanged, &m_pendingUpdate, qOverload<>(&QTimer::start));
    connect(&m_monitor, &DaemonMonitor::daemonStateChanged, &m_pendingUpdate, qOverload<>(&QTimer::start));
    update();
}

void TrayIcon::update()
{
    m_pendingUpdate.stop();
    const AppletStatus status = overallStatus(m_monitor.daemonState(), m_gateways.states());
    if (!m_statusKnown || status != m_status) {
        m_status = status;
        m_statusKnown = true;
        m_tray.setIcon(statusIcon(status));
        Q_EMIT statusChanged(status);
    }
    m_tray.setToolTip(buildToolTip());
    syncMenu();
}

QString TrayIcon::buildToolTip() const
{
    QStringList lines{tr("qracoon: %1").arg(statusText(m_status))};
    if (m_monitor.daemonState() == DaemonState::Absent ||
        m_monitor.daemonState() == DaemonState::NotAuthorized) {
        return lines.join(QLatin1Char('\n'));
    }
    using State = ConnectionController::State;
    int unlisted = 0;
    for (const ConnectionController* c : m_gateways.controllers()) {
        if (c->state() == State::Disconnected) {
            continue;
        }
        // The first line is the overall status.
        if (lines.size() > MaxToolTipGateways) {
            ++unlisted;
            continue;
        }
        switch (c->state()) {
        case State::Connected:
            lines.append(
                c->assignedAddress()
                    ? tr("%1: connected as %2 for %3")
                          .arg(c->profile().name, c->assignedAddress()->toString(),
                               display::duration(c->uptime()))
                    : tr("%1: connected for %2").arg(c->profile().name, display::duration(c->uptime())));
            break;
        case State::Failed:
            lines.append(tr("%1: %2").arg(c->profile().name, c->lastError()));
            break;
        case State::Disconnected:
            break;
        default:
            lines.append(tr("%1: %2").arg(c->profile().name, ConnectionController::stateText(c->state())));
            break;
        }
    }
    if (unlisted > 0) {
        lines.append(tr("Other gateways: %n", nullptr, unlisted));
    }
    return lines.join(QLatin1Char('\n'));
}

void TrayIcon::syncMenu()
{
    const bool reachable = m_monitor.daemonState() != DaemonState::Absent &&
                           m_monitor.daemonState() != DaemonState::NotAuthorized;
    m_statusAction->setText(statusText(m_status));
    const QIcon overall = statusIcon(m_status);
    if (m_statusAction->icon().cacheKey() != overall.cacheKey()) {
        m_statusAction->setIcon(overall);
    }

    // The settings' gateways come first; beyond a menu's worth the rest are in the window.
    const QList<ConnectionController*> controllers = m_gateways.controllers().mid(0, MaxMenuGateways);
    const qsizetype unlisted = m_gateways.controllers().size() - controllers.size();
    m_moreGateways->setVisible(unlisted > 0);
    if (unlisted > 0) {
        m_moreGateways->setText(tr("Other Gateways (%n)…", nullptr, int(unlisted)));
    }
    while (m_gatewayActions.size() > controllers.size()) {
        delete m_gatewayActions.takeLast();
    }
    while (m_gatewayActions.size() < controllers.size()) {
        auto* action = new QAction(&m_menu);
        m_menu.insertAction(m_moreGateways, action);
        connect(action, &QAction::triggered, this, [this, action] {
            ConnectionController* c = m_gateways.controllerFor(action->data().toString());
            if (c == nullptr) {
                return;
            }
            using State = ConnectionController::State;
            if (c->state() == State::Disconnected || c->state() == State::Failed) {
                c->connectToGateway();
            } else {
                c->disconnectFromGateway();
            }
        });
        m_gatewayActions.append(action);
    }
    m_noGateways->setVisible(controllers.isEmpty());

    using State = ConnectionController::State;
    for (int i = 0; i < controllers.size(); ++i) {
        const ConnectionController* c = controllers.at(i);
        QAction* action = m_gatewayActions.at(i);
        // A '&' in a name is text, not a menu accelerator.
        const QString name = QString(c->profile().name).replace(QLatin1Char('&'), QLatin1String("&&"));
        action->setData(c->profile().address);
        const QIcon icon = statusIcon(statusOf(c->state()));
        if (action->icon().cacheKey() != icon.cacheKey()) {
            action->setIcon(icon);
        }
        switch (c->state()) {
        case State::Disconnected:
        case State::Failed:
            action->setText(tr("Connect to %1").arg(name));
            break;
        case State::Connecting:
        case State::AwaitingCredentials:
            action->setText(tr("Cancel Connecting to %1").arg(name));
            break;
        case State::Connected:
            action->setText(tr("Disconnect from %1").arg(name));
            break;
        case State::Disconnecting:
            action->setText(tr("Disconnecting from %1…").arg(name));
            break;
        }
        action->setEnabled(reachable && c->state() != State::Disconnecting);
    }
}

void TrayIcon::withdrawNotification()
{
    // An empty message hides the current one (QSystemTrayIcon has no other way).
    m_tray.showMessage(QString(), QString(), QSystemTrayIcon::NoIcon, 0);
}

void TrayIcon::notify(const QString& title, const QString& text, bool failure)
{
    m_tray.showMessage(title, text, failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
}

} // namespace qracoon
