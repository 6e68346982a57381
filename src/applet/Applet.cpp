#include "Applet.h"

#include "AppletSettings.h"
#include "MainWindow.h"
#include "TrayIcon.h"
#include "XauthDialog.h"

namespace qracoon {

namespace {

QString stateName(ConnectionController::State state)
{
    using State = ConnectionController::State;
    switch (state) {
    case State::Disconnected:
        return QStringLiteral("disconnected");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::AwaitingCredentials:
        return QStringLiteral("awaiting-credentials");
    case State::Connected:
        return QStringLiteral("connected");
    case State::Disconnecting:
        return QStringLiteral("disconnecting");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString daemonName(DaemonState state)
{
    switch (state) {
    case DaemonState::Unknown:
        return QStringLiteral("unknown");
    case DaemonState::Running:
        return QStringLiteral("running");
    case DaemonState::Absent:
        return QStringLiteral("absent");
    case DaemonState::NotAuthorized:
        return QStringLiteral("not-authorized");
    }
    return {};
}

} // namespace

Applet::Applet(Backend& backend, AppletSettings& settings, QObject* parent)
    : QObject(parent), m_settings(settings), m_monitor(backend), m_gateways(backend, m_clock),
      m_isakmpSas(m_clock), m_ipsecSas(m_clock)
{
    m_window = std::make_unique<MainWindow>(m_gateways, m_isakmpSas, m_ipsecSas, m_events);
    m_window->setDaemonState(DaemonState::Unknown, backend.description());
    m_window->restoreGeometry(m_settings.windowGeometry());
    m_tray = std::make_unique<TrayIcon>(m_gateways, m_monitor);

    connect(&m_gateways, &GatewayModel::controllerAdded, this, &Applet::watch);
    connect(&m_gateways, &GatewayModel::controllerRemoved, this, [this](ConnectionController* c) {
        withdrawCredentials(c);
        delete m_dialogs.take(c).data();
        m_shownStates.remove(c);
    });
    m_gateways.setProfiles(m_settings.gateways());
    if (m_settings.gateways().isEmpty()) {
        m_events.addNote(tr("No gateways are configured yet; add them to the [gateways] section of %1. "
                            "Gateways racoon already has SAs with are listed anyway.")
                             .arg(m_settings.fileName()));
    }
    for (const QString& problem : m_settings.invalidEntries()) {
        m_events.addNote(tr("Settings: %1").arg(problem), EventLogModel::Severity::Failure);
    }

    connect(&m_monitor, &DaemonMonitor::daemonStateChanged, this, &Applet::onDaemonState);
    connect(&m_monitor, &DaemonMonitor::isakmpSasChanged, this, [this](const std::vector<IsakmpSa>& sas) {
        m_gateways.updateIsakmpSas(sas);
        m_isakmpSas.setSas(sas);
        traceRows();
    });
    connect(&m_monitor, &DaemonMonitor::ipsecSasChanged, this, [this](const std::vector<IpsecSa>& sas) {
        m_gateways.updateIpsecSas(sas);
        m_ipsecSas.setSas(sas);
        traceRows();
    });
    connect(&m_monitor, &DaemonMonitor::statusChanged, this, [this](const StatusDocument& status) {
        m_gateways.updateStatus(status);
        m_isakmpSas.setStatus(status);
    });
    connect(&m_monitor, &DaemonMonitor::eventReceived, this, [this](const RacoonEvent& event) {
        m_events.addEvent(event);
        m_gateways.handleEvent(event);
    });
    connect(&m_monitor, &DaemonMonitor::subscribed, this,
            [this] { m_trace.write(QStringLiteral("subscribed")); });
    connect(&m_monitor, &DaemonMonitor::problem, this,
            [this](const QString& message) { m_events.addNote(message, EventLogModel::Severity::Failure); });

    connect(m_tray.get(), &TrayIcon::showWindowRequested, this, &Applet::showWindow);
    connect(m_tray.get(), &TrayIcon::quitRequested, this, &Applet::quit);
    connect(m_tray.get(), &TrayIcon::statusChanged, this, [this](AppletStatus status) {
        m_window->setWindowIcon(statusIcon(status));
        m_trace.write(QStringLiteral("status %1").arg(statusName(status)));
    });
    connect(m_window.get(), &MainWindow::quitRequested, this, &Applet::quit);
    m_monitor.setRefreshInterval(DaemonMonitor::BackgroundRefreshMs);
    connect(m_window.get(), &MainWindow::visibilityChanged, this, [this](bool visible) {
        m_monitor.setRefreshInterval(visible ? DaemonMonitor::DefaultRefreshMs
                                             : DaemonMonitor::BackgroundRefreshMs);
        if (visible) {
            m_monitor.refreshNow();
        }
    });

    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &Applet::tick);
}

Applet::~Applet()
{
    m_settings.setWindowGeometry(m_window->saveGeometry());
    for (const QPointer<XauthDialog>& dialog : std::as_const(m_dialogs)) {
        delete dialog.data();
    }
}

void Applet::start(bool showWindow)
{
    const bool tray = TrayIcon::isSystemTrayAvailable();
    m_trace.write(tray ? QStringLiteral("tray available") : QStringLiteral("tray unavailable"));
    // Shown even without a tray now: Qt puts it in place when a tray appears later.
    m_tray->show();
    m_window->setHideOnClose(tray);
    m_monitor.start();
    m_tickTimer.start();
    if (showWindow || !tray) {
        this->showWindow();
    }
}

void Applet::showWindow()
{
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    m_trace.write(QStringLiteral("window shown"));
}

void Applet::quit()
{
    m_window->prepareForQuit();
    m_trace.write(QStringLiteral("quit"));
    Q_EMIT quitRequested();
}

XauthDialog* Applet::credentialsDialog(const ConnectionController* controller) const
{
    XauthDialog* dialog = m_dialogs.value(controller).data();
    return dialog != nullptr && dialog->isVisible() ? dialog : nullptr;
}

void Applet::watch(ConnectionController* controller)
{
    connect(controller, &ConnectionController::stateChanged, this,
            [this, controller](ConnectionController::State state) { onGatewayState(controller, state); });
    connect(controller, &ConnectionController::credentialsRequired, this,
            [this, controller](const QString& message) { askCredentials(controller, message); });
    connect(controller, &ConnectionController::credentialsWithdrawn, this,
            [this, controller] { withdrawCredentials(controller); });
    connect(controller, &ConnectionController::configurationReceived, this, [this, controller] {
        const ConnectionController& c = *controller;
        QStringList lines;
        if (c.assignedAddress()) {
            lines.append(tr("Your address is %1.").arg(c.assignedAddress()->toString()));
            m_trace.write(QStringLiteral("gateway %1 address %2")
                              .arg(c.profile().address, c.assignedAddress()->toString()));
        }
        if (!c.banner().isEmpty()) {
            lines.append(c.banner());
            m_window->showNote(tr("%1: %2").arg(c.profile().name, c.banner().simplified()));
        }
        // A notification, not a dialog: the banner must not stop anything.
        if (!lines.isEmpty()) {
            m_tray->notify(tr("Connected to %1").arg(c.profile().name), lines.join(QStringLiteral("\n\n")),
                           false);
        }
    });
}

void Applet::askCredentials(ConnectionController* controller, const QString& message)
{
    QPointer<XauthDialog>& dialog = m_dialogs[controller];
    if (dialog.isNull()) {
        dialog = new XauthDialog;
        XauthDialog* d = dialog.data();
        connect(d, &QDialog::accepted, controller,
                [controller, d] { controller->provideCredentials(d->takeCredentials()); });
        connect(d, &QDialog::rejected, controller, &ConnectionController::cancelCredentials);
        connect(d, &QDialog::finished, this, [this, controller] {
            m_trace.write(QStringLiteral("dialog %1 hidden").arg(controller->profile().address));
        });
    }
    dialog->prepare(controller->profile().name, controller->profile().userName, message);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    m_trace.write(
        QStringLiteral("dialog %1 shown%2")
            .arg(controller->profile().address, message.isEmpty() ? QString() : QStringLiteral(" retry")));
}

void Applet::withdrawCredentials(ConnectionController* controller)
{
    XauthDialog* dialog = m_dialogs.value(controller).data();
    if (dialog != nullptr && dialog->isVisible()) {
        // The controller has moved on, so the rejection this causes is ignored.
        dialog->reject();
    }
}

void Applet::onDaemonState(DaemonState state)
{
    m_trace.write(QStringLiteral("daemon %1").arg(daemonName(state)));
    m_window->setDaemonState(state, m_monitor.backend().description());
    m_gateways.handleDaemonState(state);
    if (state == m_lastDaemonState) {
        return;
    }
    const DaemonState previous = m_lastDaemonState;
    m_lastDaemonState = state;
    switch (state) {
    case DaemonState::Running:
        m_events.addNote(previous == DaemonState::Absent
                             ? tr("racoon is running again.")
                             : tr("Connected to racoon (%1).").arg(m_monitor.backend().description()));
        break;
    case DaemonState::Absent:
        m_events.addNote(tr("racoon is not running (%1).").arg(m_monitor.backend().description()),
                         EventLogModel::Severity::Failure);
        m_window->showNote(tr("racoon is not running."));
        break;
    case DaemonState::NotAuthorized:
        m_events.addNote(
            tr("You are not allowed to talk to racoon (%1).").arg(m_monitor.backend().description()),
            EventLogModel::Severity::Failure);
        break;
    case DaemonState::Unknown:
        break;
    }
}

void Applet::onGatewayState(ConnectionController* controller, ConnectionController::State state)
{
    const ConnectionController& c = *controller;
    m_trace.write(
        QStringLiteral("gateway %1 %2%3")
            .arg(c.profile().address, stateName(state),
                 c.assignedAddress() ? QLatin1Char(' ') + c.assignedAddress()->toString() : QString()));
    const ConnectionController::State previous =
        m_shownStates.value(controller, ConnectionController::State::Disconnected);
    m_shownStates.insert(controller, state);
    if (previous == ConnectionController::State::Connected &&
        state != ConnectionController::State::Connected) {
        // "Connected to ..." must not linger; an unexpected end says why.
        if (c.lastError().isEmpty()) {
            m_tray->withdrawNotification();
        } else {
            m_tray->notify(tr("Disconnected from %1").arg(c.profile().name), c.lastError(), true);
            m_window->showNote(tr("Disconnected from %1: %2").arg(c.profile().name, c.lastError()));
        }
    }
    if (state == ConnectionController::State::Failed) {
        m_events.addNote(tr("Connecting to %1 failed: %2").arg(c.profile().name, c.lastError()),
                         EventLogModel::Severity::Failure);
        m_tray->notify(tr("Could not connect to %1").arg(c.profile().name), c.lastError(), true);
    } else if (state == ConnectionController::State::Connected) {
        m_window->showNote(tr("Connected to %1.").arg(c.profile().name));
        // Opening the window next shows the gateway that just connected.
        if (!m_window->isVisible()) {
            m_window->selectGateway(c.profile().address);
        }
    }
}

void Applet::traceRows()
{
    if (m_isakmpSas.rowCount() != m_tracedIsakmpRows) {
        m_tracedIsakmpRows = m_isakmpSas.rowCount();
        m_trace.write(QStringLiteral("rows isakmp %1").arg(m_tracedIsakmpRows));
    }
    if (m_ipsecSas.rowCount() != m_tracedIpsecRows) {
        m_tracedIpsecRows = m_ipsecSas.rowCount();
        m_trace.write(QStringLiteral("rows ipsec %1").arg(m_tracedIpsecRows));
    }
}

void Applet::tick()
{
    m_gateways.tick();
    m_isakmpSas.tick();
    m_ipsecSas.tick();
    m_tray->update();
}

} // namespace qracoon
