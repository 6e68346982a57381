// The whole applet around one Backend: the daemon monitor, the models, the window, the tray icon and the
// Xauth dialogs, wired together. main() only chooses the backend and starts this.
#pragma once

#include "Clock.h"
#include "DaemonMonitor.h"
#include "EventLogModel.h"
#include "GatewayModel.h"
#include "IpsecSaModel.h"
#include "IsakmpSaModel.h"
#include "NotificationCoalescer.h"
#include "StateTrace.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <memory>

namespace qracoon {

class AppletSettings;
class GatewayDialog;
class MainWindow;
class SecretStore;
class TrayIcon;
class XauthDialog;

class Applet : public QObject
{
    Q_OBJECT

public:
    // Remembered passwords live in `secrets`.
    Applet(Backend& backend, AppletSettings& settings, SecretStore& secrets, QObject* parent = nullptr);
    ~Applet() override;

    // Starts watching racoon. The window opens when asked to, or when there is no tray to live in.
    void start(bool showWindow);
    void showWindow();
    // Ends the applet (the tray's and the window's Quit): emits quitRequested().
    void quit();

    DaemonMonitor& monitor() { return m_monitor; }
    GatewayModel& gateways() { return m_gateways; }
    IsakmpSaModel& isakmpSas() { return m_isakmpSas; }
    IpsecSaModel& ipsecSas() { return m_ipsecSas; }
    EventLogModel& events() { return m_events; }
    MainWindow& window() { return *m_window; }
    TrayIcon& tray() { return *m_tray; }
    NotificationCoalescer& notifications() { return m_notifications; }
    // The Xauth dialog currently asking for `controller`'s login, if any.
    XauthDialog* credentialsDialog(const ConnectionController* controller) const;

    // The gateway editor: these open dialogs (GatewayDialog, a confirmation, a file chooser) ...
    void addGateway();
    void editGateway(const QString& address);
    void removeGateway(const QString& address);
    void importGateways();
    // The gateway dialog while it is open.
    GatewayDialog* gatewayDialog() const;
    // ... and end here. `previousAddress` is empty for a new gateway.
    void saveGateway(const QString& previousAddress, const GatewayProfile& profile);
    // Removes the gateway from the settings, and its remembered password.
    void forgetGateway(const QString& address);
    // Adds the remote blocks of a racoon.conf that are not configured yet; returns the report (first
    // line: how many were imported, then what was skipped and why).
    QStringList importRacoonConf(const QString& path);

Q_SIGNALS:
    void quitRequested();

private:
    void watch(ConnectionController* controller);
    void askCredentials(ConnectionController* controller, const QString& message);
    void showCredentialsDialog(ConnectionController* controller, const QString& message);
    void openGatewayDialog(const GatewayProfile& profile, const QString& previousAddress);
    void notify(const ConnectionController& controller, const QString& title, const QString& text,
                bool failure);
    void notifyConnected(ConnectionController* controller);
    void setAutostart(bool enabled);
    void withdrawCredentials(ConnectionController* controller);
    void onDaemonState(DaemonState state);
    void onGatewayState(ConnectionController* controller, ConnectionController::State state);
    void tick();
    void traceRows();

    AppletSettings& m_settings;
    SecretStore& m_secrets;
    Clock m_clock;
    DaemonMonitor m_monitor;
    GatewayModel m_gateways;
    IsakmpSaModel m_isakmpSas;
    IpsecSaModel m_ipsecSas;
    EventLogModel m_events;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    QHash<const ConnectionController*, QPointer<XauthDialog>> m_dialogs;
    QHash<const ConnectionController*, ConnectionController::State> m_shownStates;
    // Gateways whose "connected" notification waits for the mode-cfg that may come with it.
    QSet<const ConnectionController*> m_connectNotices;
    QPointer<GatewayDialog> m_gatewayDialog;
    NotificationCoalescer m_notifications;
    bool m_autoConnected = false;
    QTimer m_tickTimer;
    StateTrace m_trace;
    DaemonState m_lastDaemonState = DaemonState::Unknown;
    int m_tracedIsakmpRows = 0;
    int m_tracedIpsecRows = 0;
};

} // namespace qracoon
