#include "Applet.h"

#include "AppletSettings.h"
#include "AutostartFile.h"
#include "GatewayDialog.h"
#include "MainWindow.h"
#include "SecretStore.h"
#include "TrayIcon.h"
#include "XauthDialog.h"
#include "core/config/RacoonConfParser.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QTimer>

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

Applet::Applet(Backend& backend, AppletSettings& settings, SecretStore& secrets, QObject* parent)
    : QObject(parent), m_settings(settings), m_secrets(secrets), m_monitor(backend),
      m_gateways(backend, m_clock), m_isakmpSas(m_clock), m_ipsecSas(m_clock)
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
        m_connectNotices.remove(c);
    });
    m_gateways.setProfiles(m_settings.gateways());
    if (m_settings.gateways().isEmpty()) {
        m_events.addNote(
            tr("No gateways are configured yet: add one with Add… on the Gateways tab, or import "
               "the remote blocks of a racoon.conf. Gateways racoon already has SAs with are "
               "listed anyway."));
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
    connect(m_window.get(), &MainWindow::addGatewayRequested, this, &Applet::addGateway);
    connect(m_window.get(), &MainWindow::editGatewayRequested, this, &Applet::editGateway);
    connect(m_window.get(), &MainWindow::removeGatewayRequested, this, &Applet::removeGateway);
    connect(m_window.get(), &MainWindow::importGatewaysRequested, this, &Applet::importGateways);
    connect(m_tray.get(), &TrayIcon::addGatewayRequested, this, &Applet::addGateway);
    connect(m_tray.get(), &TrayIcon::editGatewaysRequested, this, [this] {
        m_window->showTab(MainWindow::GatewaysTab);
        showWindow();
    });

    m_notifications.setEnabled(m_settings.notificationsEnabled());
    connect(&m_notifications, &NotificationCoalescer::notify, m_tray.get(), &TrayIcon::notify);
    m_tray->notificationsAction()->setChecked(m_notifications.isEnabled());
    connect(m_tray->notificationsAction(), &QAction::toggled, this, [this](bool enabled) {
        m_notifications.setEnabled(enabled);
        m_settings.setNotificationsEnabled(enabled);
    });
    m_tray->autostartAction()->setChecked(AutostartFile().isEnabled());
    connect(m_tray->autostartAction(), &QAction::toggled, this, &Applet::setAutostart);
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
        // A notification, not a dialog: the banner must not stop anything. Right after connecting the
        // "connected" notification carries it.
        if (!lines.isEmpty() && !m_connectNotices.contains(controller)) {
            notify(c, tr("Connected to %1").arg(c.profile().name), lines.join(QStringLiteral("\n\n")), false);
        }
    });
}

void Applet::askCredentials(ConnectionController* controller, const QString& message)
{
    const GatewayProfile& profile = controller->profile();
    // A remembered password is tried once per connect; after a rejection the user is asked.
    if (!profile.rememberPassword || profile.userName.isEmpty() || controller->credentialsRejected()) {
        showCredentialsDialog(controller, message);
        return;
    }
    m_secrets.read(SecretStore::keyFor(profile.address), [this,
                                                          controller =
                                                              QPointer<ConnectionController>(controller),
                                                          message](bool found, QByteArray secret,
                                                                   const QString& error) {
        if (controller.isNull() || controller->state() != ConnectionController::State::AwaitingCredentials) {
            secureWipe(secret.data(), static_cast<std::size_t>(secret.size()));
            return;
        }
        if (!found || secret.isEmpty()) {
            if (!error.isEmpty()) {
                m_events.addNote(
                    tr("Could not read the saved password for %1: %2").arg(controller->profile().name, error),
                    EventLogModel::Severity::Failure);
            }
            showCredentialsDialog(controller, message);
            return;
        }
        m_trace.write(QStringLiteral("keychain %1 used").arg(controller->profile().address));
        XauthCredentials credentials(controller->profile().userName.toUtf8(),
                                     std::string_view(secret.constData(), secret.size()));
        secureWipe(secret.data(), static_cast<std::size_t>(secret.size()));
        controller->provideCredentials(std::move(credentials));
    });
}

void Applet::showCredentialsDialog(ConnectionController* controller, const QString& message)
{
    QPointer<XauthDialog>& dialog = m_dialogs[controller];
    if (dialog.isNull()) {
        dialog = new XauthDialog;
        XauthDialog* d = dialog.data();
        connect(d, &QDialog::accepted, controller, [this, controller, d] {
            XauthCredentials credentials = d->takeCredentials();
            const GatewayProfile& p = controller->profile();
            // Saved only for the login the profile names: that is the one a later connect uses.
            if (p.rememberPassword && credentials.login() == p.userName.toUtf8()) {
                QByteArray secret(credentials.password().data(), qsizetype(credentials.password().size()));
                const QString name = p.name;
                m_secrets.write(SecretStore::keyFor(p.address), secret, [this, name](const QString& error) {
                    if (!error.isEmpty()) {
                        m_events.addNote(tr("Could not save the password for %1: %2").arg(name, error),
                                         EventLogModel::Severity::Failure);
                    }
                });
                secureWipe(secret.data(), static_cast<std::size_t>(secret.size()));
            }
            controller->provideCredentials(std::move(credentials));
        });
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
        if (!m_autoConnected) {
            m_autoConnected = true;
            for (ConnectionController* c : m_gateways.controllers()) {
                if (c->profile().connectAtStart) {
                    c->connectToGateway();
                }
            }
        }
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
    const auto retryText = [&c] {
        const int seconds = (c.reconnectRemaining() + 999) / 1000;
        return c.isReconnecting() && seconds >= 0
                   ? QLatin1Char('\n') + tr("Trying again in %n second(s).", nullptr, seconds)
                   : QString();
    };
    if (previous == ConnectionController::State::Connected &&
        state != ConnectionController::State::Connected) {
        if (c.lastError().isEmpty()) {
            notify(c, tr("Disconnected from %1").arg(c.profile().name), tr("The VPN connection is closed."),
                   false);
        } else {
            notify(c, tr("Disconnected from %1").arg(c.profile().name), c.lastError() + retryText(), true);
            m_window->showNote(tr("Disconnected from %1: %2").arg(c.profile().name, c.lastError()));
        }
    }
    if (state == ConnectionController::State::Failed) {
        m_events.addNote(tr("Connecting to %1 failed: %2").arg(c.profile().name, c.lastError()),
                         EventLogModel::Severity::Failure);
        notify(c, tr("Could not connect to %1").arg(c.profile().name), c.lastError() + retryText(), true);
    } else if (state == ConnectionController::State::Connected) {
        m_window->showNote(tr("Connected to %1.").arg(c.profile().name));
        // The mode-cfg that usually comes with a connection is handled in this same turn: wait for it.
        m_connectNotices.insert(controller);
        QTimer::singleShot(0, controller, [this, controller] { notifyConnected(controller); });
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

void Applet::notify(const ConnectionController& controller, const QString& title, const QString& text,
                    bool failure)
{
    m_notifications.post(controller.profile().address, title, text, failure);
}

void Applet::notifyConnected(ConnectionController* controller)
{
    if (!m_connectNotices.remove(controller) ||
        controller->state() != ConnectionController::State::Connected) {
        return;
    }
    QStringList lines;
    if (controller->assignedAddress()) {
        lines.append(tr("Your address is %1.").arg(controller->assignedAddress()->toString()));
    }
    if (!controller->banner().isEmpty()) {
        lines.append(controller->banner());
    }
    if (lines.isEmpty()) {
        lines.append(tr("The VPN connection is up."));
    }
    notify(*controller, tr("Connected to %1").arg(controller->profile().name),
           lines.join(QStringLiteral("\n\n")), false);
}

void Applet::setAutostart(bool enabled)
{
    QString error;
    if (!AutostartFile().setEnabled(enabled, &error)) {
        m_events.addNote(tr("Could not change the autostart setting: %1").arg(error),
                         EventLogModel::Severity::Failure);
        const QSignalBlocker block(m_tray->autostartAction());
        m_tray->autostartAction()->setChecked(!enabled);
    }
}

GatewayDialog* Applet::gatewayDialog() const
{
    GatewayDialog* dialog = m_gatewayDialog.data();
    return dialog != nullptr && dialog->isVisible() ? dialog : nullptr;
}

void Applet::addGateway()
{
    openGatewayDialog({}, QString());
}

void Applet::editGateway(const QString& address)
{
    const ConnectionController* c = m_gateways.controllerFor(address);
    if (c == nullptr) {
        return;
    }
    // Editing a gateway found in racoon's SAs saves it as a new one.
    openGatewayDialog(c->profile(), c->profile().discovered ? QString() : address);
}

void Applet::openGatewayDialog(const GatewayProfile& profile, const QString& previousAddress)
{
    delete m_gatewayDialog.data();
    auto* dialog = new GatewayDialog(m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_gatewayDialog = dialog;
    QStringList taken;
    for (const GatewayProfile& g : m_settings.gateways()) {
        if (g.address != previousAddress) {
            taken.append(g.address);
        }
    }
    dialog->setProfile(profile);
    if (previousAddress.isEmpty() && !profile.address.isEmpty()) {
        dialog->setWindowTitle(tr("Add Gateway"));
    }
    dialog->setTakenAddresses(taken);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, previousAddress] { saveGateway(previousAddress, dialog->profile()); });
    dialog->open();
}

void Applet::saveGateway(const QString& previousAddress, const GatewayProfile& profile)
{
    QList<GatewayProfile> list = m_settings.gateways();
    bool replaced = false;
    for (GatewayProfile& g : list) {
        if (!previousAddress.isEmpty() && g.address == previousAddress) {
            g = profile;
            replaced = true;
        }
    }
    if (!replaced) {
        list.append(profile);
    }
    m_settings.setGateways(list);
    // A password kept under the old address, or no longer to be remembered, goes.
    if (!previousAddress.isEmpty() && previousAddress != profile.address) {
        m_secrets.remove(SecretStore::keyFor(previousAddress), {});
    }
    if (!profile.rememberPassword) {
        m_secrets.remove(SecretStore::keyFor(profile.address), {});
    }
    m_gateways.setProfiles(m_settings.gateways());
    m_trace.write(QStringLiteral("gateway %1 saved").arg(profile.address));
}

void Applet::removeGateway(const QString& address)
{
    const ConnectionController* c = m_gateways.controllerFor(address);
    if (c == nullptr || c->profile().discovered) {
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove Gateway"),
                                tr("Remove the gateway %1 (%2) and its saved password?")
                                    .arg(c->profile().name.toHtmlEscaped(), address),
                                QMessageBox::Yes | QMessageBox::Cancel, m_window.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, address] { forgetGateway(address); });
    box->open();
}

void Applet::forgetGateway(const QString& address)
{
    QList<GatewayProfile> list = m_settings.gateways();
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&address](const GatewayProfile& g) { return g.address == address; }),
               list.end());
    m_settings.setGateways(list);
    m_secrets.remove(SecretStore::keyFor(address), [this, address](const QString& error) {
        if (!error.isEmpty()) {
            m_events.addNote(tr("Could not remove the saved password for %1: %2").arg(address, error),
                             EventLogModel::Severity::Failure);
        }
    });
    m_gateways.setProfiles(list);
    m_trace.write(QStringLiteral("gateway %1 removed").arg(address));
}

void Applet::importGateways()
{
    const QString path = QFileDialog::getOpenFileName(m_window.get(), tr("Import racoon.conf"),
                                                      QStringLiteral("/etc/racoon/racoon.conf"),
                                                      tr("racoon configuration (*.conf);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    const QStringList report = importRacoonConf(path);
    auto* box = new QMessageBox(QMessageBox::Information, tr("Import racoon.conf"), report.value(0),
                                QMessageBox::Ok, m_window.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (report.size() > 1) {
        box->setInformativeText(tr("Skipped:"));
        box->setDetailedText(report.mid(1).join(QLatin1Char('\n')));
    }
    box->open();
}

QStringList Applet::importRacoonConf(const QString& path)
{
    const RacoonConfImport result = RacoonConfParser::parseFile(path);
    QList<GatewayProfile> list = m_settings.gateways();
    QStringList report = result.messages;
    int added = 0;
    for (const RacoonRemote& remote : result.remotes) {
        const bool known = std::any_of(list.cbegin(), list.cend(), [&remote](const GatewayProfile& g) {
            return g.address == remote.address;
        });
        if (known) {
            report.append(
                tr("line %1: %2 is already configured; kept as it is").arg(remote.line).arg(remote.address));
            continue;
        }
        GatewayProfile profile;
        profile.address = remote.address;
        profile.name = remote.name;
        // A block named by its address is found by racoon from the address alone.
        if (remote.name != remote.address) {
            profile.remoteName = remote.name.toUtf8();
        }
        profile.xauth = !remote.xauthLogin.isEmpty();
        profile.userName = remote.xauthLogin;
        list.append(profile);
        ++added;
    }
    m_settings.setGateways(list);
    m_gateways.setProfiles(list);
    for (const QString& line : std::as_const(report)) {
        m_events.addNote(tr("Import of %1: %2").arg(path, line));
    }
    report.prepend(tr("Imported %n gateway(s) from %1.", nullptr, added).arg(path));
    return report;
}

} // namespace qracoon
