#include "GatewayModel.h"

#include "AppletStatus.h"
#include "DisplayText.h"
#include "SortRole.h"

#include <QHash>
#include <QSet>

namespace qracoon {

GatewayModel::GatewayModel(Backend& backend, const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent), m_backend(backend), m_clock(clock)
{}

int GatewayModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_controllers.size());
}

int GatewayModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void GatewayModel::setProfiles(const QList<GatewayProfile>& profiles)
{
    // Gateways that stay keep their controller, so editing one does not drop its connection.
    QSet<QString> wanted;
    for (const GatewayProfile& profile : profiles) {
        wanted.insert(profile.address);
    }
    for (int row = rowCount() - 1; row >= 0; --row) {
        const ConnectionController* c = m_controllers.at(row);
        if (!c->profile().discovered && !wanted.contains(c->profile().address)) {
            removeAt(row);
        }
    }
    for (const GatewayProfile& profile : profiles) {
        if (ConnectionController* c = controllerFor(profile.address)) {
            c->setProfile(profile);
        } else {
            add(profile);
        }
    }
}

ConnectionController* GatewayModel::controllerFor(const QString& address) const
{
    // Keyed by the address as racoon spells it, so that any spelling of an IPv6 address finds its row.
    const std::optional<SocketAddress> parsed = SocketAddress::fromText(address);
    return m_byAddress.value(parsed && parsed->isIp() ? parsed->toString() : address);
}

QList<ConnectionController::State> GatewayModel::states() const
{
    QList<ConnectionController::State> result;
    for (const ConnectionController* c : m_controllers) {
        result.append(c->state());
    }
    return result;
}

void GatewayModel::add(const GatewayProfile& profile)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    auto* controller = new ConnectionController(profile, m_backend, m_clock, this);
    m_controllers.append(controller);
    m_byAddress.insert(controller->addressKey(), controller);
    endInsertRows();
    connect(controller, &ConnectionController::changed, this, [this, controller] { rowChanged(controller); });
    Q_EMIT controllerAdded(controller);
    Q_EMIT gatewaysChanged();
}

void GatewayModel::removeAt(int row)
{
    ConnectionController* controller = m_controllers.at(row);
    Q_EMIT controllerRemoved(controller);
    beginRemoveRows({}, row, row);
    m_controllers.removeAt(row);
    m_byAddress.remove(controller->addressKey());
    endRemoveRows();
    controller->disconnect(this);
    controller->deleteLater();
    Q_EMIT gatewaysChanged();
}

void GatewayModel::rowChanged(ConnectionController* controller)
{
    // From the end: a gateway just added (a first refresh adds thousands) is found at once.
    const int row = static_cast<int>(m_controllers.lastIndexOf(controller));
    if (row >= 0) {
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        Q_EMIT gatewaysChanged();
    }
}

void GatewayModel::updateIsakmpSas(const std::vector<IsakmpSa>& sas)
{
    // Each controller gets only its gateway's SAs: with thousands of gateways, handing every controller
    // the whole list would make a refresh quadratic.
    QHash<QString, std::vector<IsakmpSa>> byRemote;
    QStringList remotes; // in racoon's order, for the rows of gateways the settings do not name
    for (const IsakmpSa& sa : sas) {
        if (!sa.remote.isIp()) {
            continue;
        }
        const QString address = sa.remote.toString();
        std::vector<IsakmpSa>& list = byRemote[address];
        if (list.empty()) {
            remotes.append(address);
        }
        list.push_back(sa);
    }
    const std::vector<IsakmpSa> none;
    const auto sasOf = [&](const QString& address) -> const std::vector<IsakmpSa>& {
        const auto it = byRemote.constFind(address);
        return it == byRemote.cend() ? none : *it;
    };
    for (ConnectionController* c : std::as_const(m_controllers)) {
        c->updateIsakmpSas(sasOf(c->addressKey()));
    }
    for (const QString& address : std::as_const(remotes)) {
        if (!m_byAddress.contains(address)) {
            GatewayProfile profile;
            profile.name = address;
            profile.address = address;
            profile.discovered = true;
            add(profile);
            m_controllers.last()->updateIsakmpSas(sasOf(address));
        }
    }
    for (int row = rowCount() - 1; row >= 0; --row) {
        const ConnectionController* c = m_controllers.at(row);
        const auto state = c->state();
        if (c->profile().discovered && !byRemote.contains(c->addressKey()) &&
            (state == ConnectionController::State::Disconnected ||
             state == ConnectionController::State::Failed)) {
            removeAt(row);
        }
    }
}

void GatewayModel::updateIpsecSas(const std::vector<IpsecSa>& sas)
{
    QHash<QString, std::vector<IpsecSa>> byPeer;
    for (const IpsecSa& sa : sas) {
        const QString source = sa.source.isIp() ? sa.source.toString() : QString();
        const QString destination = sa.destination.isIp() ? sa.destination.toString() : QString();
        if (!source.isEmpty()) {
            byPeer[source].push_back(sa);
        }
        if (!destination.isEmpty() && destination != source) {
            byPeer[destination].push_back(sa);
        }
    }
    const std::vector<IpsecSa> none;
    for (ConnectionController* c : std::as_const(m_controllers)) {
        const auto it = byPeer.constFind(c->addressKey());
        c->updateIpsecSas(it == byPeer.cend() ? none : *it);
    }
}

void GatewayModel::updateStatus(const StatusDocument& status)
{
    QHash<QString, const StatusDocument::Phase1*> byIndex;
    for (const StatusDocument::Phase1& phase1 : status.phase1) {
        byIndex.insert(phase1.index.toLower(), &phase1);
    }
    for (ConnectionController* c : std::as_const(m_controllers)) {
        const QString index = c->statusIndex();
        c->updatePhase1Status(index.isEmpty() ? nullptr : byIndex.value(index));
    }
}

void GatewayModel::handleEvent(const RacoonEvent& event)
{
    // An event concerns the gateway it names (ConnectionController::handleEvent ignores the others).
    if (event.ph1dst.isIp()) {
        if (ConnectionController* c = m_byAddress.value(event.ph1dst.toString())) {
            c->handleEvent(event);
        }
    }
}

void GatewayModel::handleDaemonState(DaemonState state)
{
    for (ConnectionController* c : std::as_const(m_controllers)) {
        c->handleDaemonState(state);
    }
    if (state != DaemonState::Running) {
        updateIsakmpSas({});
    }
}

void GatewayModel::tick()
{
    // One signal per run of connected gateways rather than one per row.
    int runStart = -1;
    for (int row = 0; row <= rowCount(); ++row) {
        const bool connected =
            row < rowCount() && m_controllers.at(row)->state() == ConnectionController::State::Connected;
        if (connected && runStart < 0) {
            runStart = row;
        } else if (!connected && runStart >= 0) {
            Q_EMIT dataChanged(index(runStart, Uptime), index(row - 1, Uptime));
            runStart = -1;
        }
    }
}

QVariant GatewayModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ConnectionController& c = *m_controllers.at(index.row());
    const bool connected = c.state() == ConnectionController::State::Connected;
    switch (role) {
    case Qt::DecorationRole:
        return index.column() == State ? QVariant(statusIcon(statusOf(c.state()))) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Uptime || index.column() == BytesIn || index.column() == BytesOut) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Name && c.profile().discovered) {
            return tr("Not in the settings: racoon has an SA with this gateway.");
        }
        if (index.column() == LastError || index.column() == State) {
            return c.lastError().isEmpty() ? QVariant() : QVariant(c.lastError());
        }
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sorting = role == SortRole;
    switch (index.column()) {
    case Name:
        return c.profile().name;
    case Address:
        return c.profile().address;
    case State:
        return sorting ? QVariant(static_cast<int>(c.state()))
                       : QVariant(ConnectionController::stateText(c.state()));
    case AssignedAddress:
        return c.assignedAddress() ? c.assignedAddress()->toString() : QString();
    case Dns:
        return c.dnsServers().join(QLatin1String(", "));
    case Uptime:
        if (sorting) {
            return qint64(c.uptime());
        }
        return connected ? display::duration(c.uptime()) : QString();
    case BytesIn:
        if (sorting) {
            return qulonglong(c.bytesIn());
        }
        return connected ? display::bytes(c.bytesIn()) : QString();
    case BytesOut:
        if (sorting) {
            return qulonglong(c.bytesOut());
        }
        return connected ? display::bytes(c.bytesOut()) : QString();
    case LastError:
        return c.lastError();
    default:
        return {};
    }
}

QVariant GatewayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Name:
        return tr("Gateway");
    case Address:
        return tr("Address");
    case State:
        return tr("State");
    case AssignedAddress:
        return tr("Assigned address");
    case Dns:
        return tr("DNS");
    case Uptime:
        return tr("Connected for");
    case BytesIn:
        return tr("Received");
    case BytesOut:
        return tr("Sent");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

} // namespace qracoon
