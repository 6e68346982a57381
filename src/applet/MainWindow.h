// The window: Gateways, ISAKMP SAs, IPsec SAs and Events tabs over sortable, filterable views of the
// models, and a details pane for the selected row.
#pragma once

#include "backend/Backend.h"

#include <QMainWindow>
#include <QTimer>
#include <memory>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QLabel;

namespace Ui {
class MainWindow;
}

namespace qracoon {

class GatewayModel;
class IsakmpSaModel;
class IpsecSaModel;
class EventLogModel;
class ConnectionController;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab
    {
        GatewaysTab,
        IsakmpTab,
        IpsecTab,
        EventsTab,
    };

    MainWindow(GatewayModel& gateways, IsakmpSaModel& isakmpSas, IpsecSaModel& ipsecSas,
               EventLogModel& events, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Closing the window hides it while a tray icon can bring it back; otherwise closing quits.
    void setHideOnClose(bool hide) { m_hideOnClose = hide; }
    // The application is quitting: Qt closes every window first, and this one must not refuse.
    void prepareForQuit() { m_quitting = true; }
    void setDaemonState(DaemonState state, const QString& backendDescription);
    void showTab(Tab tab);
    Tab currentTab() const;
    // A transient note in the status bar (a banner arrived, a gateway connected).
    void showNote(const QString& text);

    // For tests and the tray: the views and the details text.
    QTableView* view(Tab tab) const;
    QSortFilterProxyModel* proxy(Tab tab) const;
    QString detailsHtml() const;
    ConnectionController* selectedGateway() const;
    void selectGateway(const QString& address);

    // The events shown (filtered, sorted) and selected, as text; all shown rows when none is selected.
    QString selectedEventsText() const;

Q_SIGNALS:
    void quitRequested();
    // The gateway editor's buttons; `address` is the selected gateway's.
    void addGatewayRequested();
    void editGatewayRequested(const QString& address);
    void removeGatewayRequested(const QString& address);
    void importGatewaysRequested();
    void visibilityChanged(bool visible);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QSortFilterProxyModel* makeProxy(QAbstractItemModel& model, QTableView* view, QLineEdit* filter);
    void updateDetails();
    void updateGatewayButtons();
    void copyEvents();

    std::unique_ptr<Ui::MainWindow> m_ui;
    GatewayModel& m_gateways;
    IsakmpSaModel& m_isakmpSas;
    IpsecSaModel& m_ipsecSas;
    EventLogModel& m_events;
    QSortFilterProxyModel* m_gatewayProxy = nullptr;
    QSortFilterProxyModel* m_isakmpProxy = nullptr;
    QSortFilterProxyModel* m_ipsecProxy = nullptr;
    QSortFilterProxyModel* m_eventProxy = nullptr;
    QLabel* m_daemonLabel = nullptr;
    QTimer m_followEvents;
    QString m_shownDetails;
    bool m_hideOnClose = false;
    bool m_quitting = false;
    bool m_daemonReachable = true;
};

} // namespace qracoon
