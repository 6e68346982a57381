// The gateways the user can connect to: those from the settings, then those racoon has SAs with that the
// settings do not name (shown while the SA exists). Each row is a ConnectionController the model owns.
#pragma once

#include "Clock.h"
#include "ConnectionController.h"
#include "GatewayProfile.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace qracoon {

class GatewayModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Address,
        State,
        AssignedAddress,
        Dns,
        Uptime,
        BytesIn,
        BytesOut,
        LastError,
        ColumnCount
    };

    GatewayModel(Backend& backend, const Clock& clock, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setProfiles(const QList<GatewayProfile>& profiles);
    ConnectionController* controller(int row) const { return m_controllers.value(row); }
    ConnectionController* controllerFor(const QString& address) const;
    const QList<ConnectionController*>& controllers() const { return m_controllers; }
    QList<ConnectionController::State> states() const;

    void updateIsakmpSas(const std::vector<IsakmpSa>& sas);
    void updateIpsecSas(const std::vector<IpsecSa>& sas);
    void updateStatus(const StatusDocument& status);
    void handleEvent(const RacoonEvent& event);
    void handleDaemonState(DaemonState state);
    // Uptimes count up: call once a second.
    void tick();

Q_SIGNALS:
    void controllerAdded(qracoon::ConnectionController* controller);
    // Emitted before the controller is deleted.
    void controllerRemoved(qracoon::ConnectionController* controller);
    // Any gateway's state or data changed (the tray's cue to update).
    void gatewaysChanged();

private:
    void add(const GatewayProfile& profile);
    void removeAt(int row);
    void rowChanged(ConnectionController* controller);

    Backend& m_backend;
    const Clock& m_clock;
    QList<ConnectionController*> m_controllers;
    QHash<QString, ConnectionController*> m_byAddress;
};

} // namespace qracoon
