// racoon's phase 1 SAs (SHOW_SA isakmp), joined with the status document's proposal for each.
#pragma once

#include "Clock.h"
#include "KeyedTableModel.h"
#include "core/model/IsakmpSa.h"
#include "core/model/StatusDocument.h"

#include <optional>

namespace qracoon {

class IsakmpSaModel : public KeyedTableModel<IsakmpSa>
{
    Q_OBJECT

public:
    enum Column
    {
        Remote,
        Local,
        State,
        Exchange,
        Side,
        Proposal,
        Established,
        LifetimeLeft,
        Phase2Count,
        Cookies,
        ColumnCount
    };

    explicit IsakmpSaModel(const Clock& clock, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSas(std::vector<IsakmpSa> sas);
    void setStatus(const StatusDocument& status);
    // The lifetimes count down: call once a second.
    void tick();

    // The status document's view of the SA in `row`, if racoon's status listed it.
    std::optional<StatusDocument::Phase1> statusOf(int row) const;
    // "0x" + 32 hex digits, as the status document names a phase 1.
    static QString indexText(const IsakmpSa& sa);
    static QByteArray keyFor(const IsakmpSa& sa);

protected:
    QByteArray keyOf(const IsakmpSa& sa) const override { return keyFor(sa); }

private:
    std::optional<std::int64_t> lifetimeLeft(const IsakmpSa& sa) const;

    const Clock& m_clock;
    QHash<QString, StatusDocument::Phase1> m_status; // by lower-case index
};

} // namespace qracoon
