#include "IsakmpSaModel.h"

#include "DisplayText.h"
#include "SortRole.h"

namespace qracoon {

IsakmpSaModel::IsakmpSaModel(const Clock& clock, QObject* parent) : KeyedTableModel(parent), m_clock(clock) {}

int IsakmpSaModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QByteArray IsakmpSaModel::keyFor(const IsakmpSa& sa)
{
    QByteArray key(reinterpret_cast<const char*>(sa.initiatorCookie.data()), 8);
    key.append(reinterpret_cast<const char*>(sa.responderCookie.data()), 8);
    key.append(QByteArray::fromStdString(sa.remote.hostText()));
    return key;
}

QString IsakmpSaModel::indexText(const IsakmpSa& sa)
{
    QByteArray cookies(reinterpret_cast<const char*>(sa.initiatorCookie.data()), 8);
    cookies.append(reinterpret_cast<const char*>(sa.responderCookie.data()), 8);
    return QLatin1String("0x") + QString::fromLatin1(cookies.toHex());
}

void IsakmpSaModel::setSas(std::vector<IsakmpSa> sas)
{
    replaceRows(std::move(sas));
}

void IsakmpSaModel::setStatus(const StatusDocument& status)
{
    // Nothing known before nor now: no need to have every row redrawn.
    if (m_status.isEmpty() && status.phase1.empty()) {
        return;
    }
    m_status.clear();
    for (const StatusDocument::Phase1& phase1 : status.phase1) {
        m_status.insert(phase1.index.toLower(), phase1);
    }
    touchColumn(Proposal);
    touchColumn(LifetimeLeft);
}

void IsakmpSaModel::tick()
{
    touchColumn(LifetimeLeft);
}

std::optional<StatusDocument::Phase1> IsakmpSaModel::statusOf(int row) const
{
    const auto it = m_status.constFind(indexText(at(row)));
    return it == m_status.cend() ? std::nullopt : std::optional<StatusDocument::Phase1>(*it);
}

std::optional<std::int64_t> IsakmpSaModel::lifetimeLeft(const IsakmpSa& sa) const
{
    if (sa.created == 0) {
        return std::nullopt;
    }
    const auto it = m_status.constFind(indexText(sa));
    if (it == m_status.cend() || !it->proposal || it->proposal->lifetimeSeconds <= 0) {
        return std::nullopt;
    }
    return std::max<std::int64_t>(0, it->proposal->lifetimeSeconds - (m_clock.now() - sa.created));
}

QVariant IsakmpSaModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const IsakmpSa& sa = at(index.row());
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == LifetimeLeft || index.column() == Phase2Count) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Cookies) {
        return tr("Initiator cookie : responder cookie");
    }
    if (role == Qt::ToolTipRole && index.column() == Established) {
        return display::dateTime(sa.created);
    }
    if (role != Qt::DisplayRole && role != SortRole) {
        return {};
    }
    const bool sorting = role == SortRole;
    switch (index.column()) {
    case Remote:
        return QString::fromStdString(sa.remote.endpointText());
    case Local:
        return QString::fromStdString(sa.local.endpointText());
    case State:
        return sorting ? QVariant(sa.status) : QVariant(display::phase1State(sa.status));
    case Exchange:
        return display::exchangeType(sa.etype);
    case Side:
        return display::side(sa.side);
    case Proposal: {
        const auto it = m_status.constFind(indexText(sa));
        if (it == m_status.cend() || !it->proposal) {
            return QString();
        }
        const StatusDocument::Phase1Proposal& p = *it->proposal;
        bool numeric = false;
        p.dhGroup.toInt(&numeric);
        const QString group = numeric ? tr("DH %1").arg(p.dhGroup) : p.dhGroup;
        return QStringList{p.encryptionAlgorithm, p.hashAlgorithm, group}.join(QLatin1String(" / "));
    }
    case Established:
        return sorting ? QVariant(qint64(sa.created))
                       : QVariant(display::timeOfDay(sa.created, m_clock.now()));
    case LifetimeLeft: {
        const auto left = lifetimeLeft(sa);
        if (sorting) {
            return qint64(left.value_or(-1));
        }
        return left ? display::duration(*left) : QString();
    }
    case Phase2Count:
        return sa.ph2cnt;
    case Cookies:
        return display::cookiePair(sa.initiatorCookie, sa.responderCookie);
    default:
        return {};
    }
}

QVariant IsakmpSaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Remote:
        return tr("Remote");
    case Local:
        return tr("Local");
    case State:
        return tr("State");
    case Exchange:
        return tr("Exchange");
    case Side:
        return tr("Role");
    case Proposal:
        return tr("Proposal");
    case Established:
        return tr("Established");
    case LifetimeLeft:
        return tr("Lifetime left");
    case Phase2Count:
        return tr("Phase 2");
    case Cookies:
        return tr("Cookies");
    default:
        return {};
    }
}

} // namespace qracoon
