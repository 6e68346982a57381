// The tray icon: its face and tooltip show racoon's and the gateways' state; its menu connects and
// disconnects each gateway, shows the window and quits. Works with StatusNotifierItem hosts and XEmbed
// trays alike (Qt picks); without any tray the applet lives in its window.
#pragma once

#include "AppletStatus.h"

#include <QMenu>
#include <QObject>
#include <QSystemTrayIcon>
#include <QTimer>

namespace qracoon {

class DaemonMonitor;
class GatewayModel;

class TrayIcon : public QObject
{
    Q_OBJECT

public:
    TrayIcon(GatewayModel& gateways, DaemonMonitor& monitor, QObject* parent = nullptr);

    static bool isSystemTrayAvailable() { return QSystemTrayIcon::isSystemTrayAvailable(); }
    void show() { m_tray.show(); }
    AppletStatus status() const { return m_status; }
    QString toolTip() const { return m_tray.toolTip(); }
    QMenu* menu() { return &m_menu; }
    // Recomputes icon, tooltip and menu (also called once a second for the uptime in the tooltip).
    void update();
    // A notification next to the icon that goes away by itself.
    void notify(const QString& title, const QString& text, bool failure);
    // Takes a notification away before its time (it no longer holds).
    void withdrawNotification();
    // The checkable switches in the menu.
    QAction* notificationsAction() const { return m_notificationsAction; }
    QAction* autostartAction() const { return m_autostartAction; }

Q_SIGNALS:
    void showWindowRequested();
    void quitRequested();
    void addGatewayRequested();
    void editGatewaysRequested();
    void statusChanged(qracoon::AppletStatus status);

private:
    static constexpr int MaxMenuGateways = 12;
    static constexpr int MaxToolTipGateways = 10;

    void syncMenu();
    QString buildToolTip() const;

    GatewayModel& m_gateways;
    DaemonMonitor& m_monitor;
    QSystemTrayIcon m_tray;
    QMenu m_menu;
    QAction* m_statusAction = nullptr;
    QAction* m_noGateways = nullptr;
    QAction* m_moreGateways = nullptr;
    QAction* m_gatewayEnd = nullptr;
    QAction* m_notificationsAction = nullptr;
    QAction* m_autostartAction = nullptr;
    QList<QAction*> m_gatewayActions;
    QTimer m_pendingUpdate;
    AppletStatus m_status = AppletStatus::Disconnected;
    bool m_statusKnown = false;
};

} // namespace qracoon
