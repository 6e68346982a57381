#include "IpsecSaModel.h"

#include "DisplayText.h"
#include "SortRole.h"

namespace qracoon {

IpsecSaModel::IpsecSaModel(const Clock& clock, QObject* parent) : KeyedTableModel(parent), m_clock(clock) {}

int IpsecSaModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QByteArray IpsecSaModel::keyFor(const IpsecSa& sa)
{
    // An SA is identified by its SPI, protocol and destination (RFC 4301 §4.1).
    QByteArray key;
    key.append(static_cast<char>(sa.satype));
    key.append(reinterpret_cast<const char*>(&sa.spi), sizeof sa.spi);
    key.append(QByteArray::fromStdString(sa.destination.hostText()));
    return key;
}

void IpsecSaModel::setSas(std::vector<IpsecSa> sas)
{
    replaceRows(std::move(sas));
}

void IpsecSaModel::tick()
{
    touchColumn(LifetimeLeft);
}

std::optional<std::int64_t> IpsecSaModel::lifetimeLeft(const IpsecSa& sa) const
{
    if (!sa.has(Sadb::Ext::LifetimeHard) || sa.hard.addtime == 0 || sa.current.addtime == 0) {
        return std::nullopt;
    }
    const std::int64_t age = m_clock.now() - static_cast<std::int64_t>(sa.current.addtime);
    return std::max<std::int64_t>(0, static_cast<std::int64_t>(sa.hard.addtime) - age);
}

QVariant IpsecSaModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const IpsecSa& sa = at(index.row());
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Bytes || index.column() == LifetimeLeft) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole) {
        return {};
    }
    const bool sorting = role == SortRole;
    switch (index.column()) {
    case Source:
        return sa.source.toString();
    case Destination:
        return sa.destination.toString();
    case Protocol:
        return display::ipsecProtocol(sa.satype);
    case Spi:
        return sorting ? QVariant(sa.spi) : QVariant(display::spi(sa.spi));
    case Mode:
        return display::ipsecMode(sa.mode);
    case Encryption:
        return display::encryptionAlgorithm(sa.satype, sa.encAlg);
    case Authentication:
        return display::authenticationAlgorithm(sa.authAlg);
    case State:
        return display::ipsecState(sa.state);
    case Bytes:
        return sorting ? QVariant(qulonglong(sa.current.bytes)) : QVariant(display::bytes(sa.current.bytes));
    case LifetimeLeft: {
        const auto left = lifetimeLeft(sa);
        if (sorting) {
            return qint64(left.value_or(-1));
        }
        return left ? display::duration(*left) : QString();
    }
    default:
        return {};
    }
}

QVariant IpsecSaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Source:
        return tr("Source");
    case Destination:
        return tr("Destination");
    case Protocol:
        return tr("Protocol");
    case Spi:
        return tr("SPI");
    case Mode:
        return tr("Mode");
    case Encryption:
        return tr("Encryption");
    case Authentication:
        return tr("Authentication");
    case State:
        return tr("State");
    case Bytes:
        return tr("Bytes");
    case LifetimeLeft:
        return tr("Lifetime left");
    default:
        return {};
    }
}

} // namespace qracoon
