// The kernel's IPsec SAs as racoon dumps them (SHOW_SA ipsec).
#pragma once

#include "Clock.h"
#include "KeyedTableModel.h"
#include "core/model/IpsecSa.h"

#include <optional>

namespace qracoon {

class IpsecSaModel : public KeyedTableModel<IpsecSa>
{
    Q_OBJECT

public:
    enum Column
    {
        Source,
        Destination,
        Protocol,
        Spi,
        Mode,
        Encryption,
        Authentication,
        State,
        Bytes,
        LifetimeLeft,
        ColumnCount
    };

    explicit IpsecSaModel(const Clock& clock, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSas(std::vector<IpsecSa> sas);
    void tick();

    // Seconds until the hard lifetime ends, if the SA has one.
    std::optional<std::int64_t> lifetimeLeft(const IpsecSa& sa) const;
    static QByteArray keyFor(const IpsecSa& sa);

protected:
    QByteArray keyOf(const IpsecSa& sa) const override { return keyFor(sa); }

private:
    const Clock& m_clock;
};

} // namespace qracoon
