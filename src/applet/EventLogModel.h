// The event log: racoon's pushed events in readable words, and what the applet itself noticed (racoon
// stopped, came back, a reply it could not read). Newest last; beyond a limit the oldest entries go, a
// tenth of the limit at a time.
#pragma once

#include "core/model/RacoonEvent.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QString>
#include <deque>

namespace qracoon {

class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        Message,
        Peer,
        Local,
        ColumnCount
    };

    enum class Severity
    {
        Information,
        Success,
        Failure,
    };

    struct Entry
    {
        QDateTime time;
        QString message;
        QString peer;
        QString local;
        Severity severity = Severity::Information;
    };

    static constexpr int DefaultLimit = 5000;

    explicit EventLogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setLimit(int entries);
    void addEvent(const RacoonEvent& event);
    void addNote(const QString& message, Severity severity = Severity::Information,
                 const QDateTime& time = QDateTime::currentDateTime());
    void clear();
    const Entry& entry(int row) const { return m_entries.at(static_cast<std::size_t>(row)); }

    // Tab-separated lines, one per row, for the clipboard.
    QString text(const QList<int>& rows) const;
    static Severity severityOf(std::uint32_t eventCode);

private:
    void append(Entry entry);
    QIcon severityIcon(Severity severity) const;

    std::deque<Entry> m_entries;
    int m_limit = DefaultLimit;
    mutable QHash<int, QIcon> m_icons;
};

} // namespace qracoon
