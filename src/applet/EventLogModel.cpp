#include "EventLogModel.h"

#include "SortRole.h"
#include "core/format/EventText.h"

#include <QApplication>
#include <QStyle>

namespace qracoon {

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

EventLogModel::Severity EventLogModel::severityOf(std::uint32_t eventCode)
{
    switch (eventCode) {
    case EventCode::Phase1Up:
    case EventCode::Phase1ModeCfg:
    case EventCode::Phase1XauthSuccess:
    case EventCode::Phase2Up:
        return Severity::Success;
    case EventCode::RacoonQuit:
    case EventCode::Phase1NoResponse:
    case EventCode::Phase1NoProposal:
    case EventCode::Phase1AuthFailed:
    case EventCode::Phase1DpdTimeout:
    case EventCode::Phase1XauthFailed:
    case EventCode::Phase2NoPhase1:
    case EventCode::Phase2NoResponse:
        return Severity::Failure;
    default:
        return Severity::Information;
    }
}

void EventLogModel::addEvent(const RacoonEvent& event)
{
    Entry entry;
    entry.time =
        event.timestamp != 0 ? QDateTime::fromSecsSinceEpoch(event.timestamp) : QDateTime::currentDateTime();
    entry.message = eventDescription(event);
    // A log line starts like a sentence, whatever the description's first word.
    if (!entry.message.isEmpty()) {
        entry.message[0] = entry.message.at(0).toUpper();
    }
    if (!event.ph1dst.isNull()) {
        entry.peer = event.ph1dst.toString();
    }
    if (!event.ph1src.isNull()) {
        entry.local = event.ph1src.toString();
    }
    entry.severity = severityOf(event.code);
    append(std::move(entry));
}

void EventLogModel::addNote(const QString& message, Severity severity, const QDateTime& time)
{
    Entry entry;
    entry.time = time;
    entry.message = message;
    entry.severity = severity;
    append(std::move(entry));
}

void EventLogModel::append(Entry entry)
{
    // The oldest entries go a tenth of the limit at a time: removing the first row for every new event
    // would make each view re-map all its rows per event, which a burst of events cannot afford.
    if (m_limit > 0 && static_cast<int>(m_entries.size()) >= m_limit + m_limit / 10) {
        const int excess = static_cast<int>(m_entries.size()) - m_limit + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + excess);
        endRemoveRows();
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
}

QIcon EventLogModel::severityIcon(Severity severity) const
{
    // Loaded once: the style hands out a new icon, decoded again from its image, on every call.
    if (m_icons.isEmpty()) {
        QStyle* style = QApplication::style();
        m_icons.insert(int(Severity::Failure), style->standardIcon(QStyle::SP_MessageBoxWarning));
        m_icons.insert(int(Severity::Success), style->standardIcon(QStyle::SP_DialogApplyButton));
        m_icons.insert(int(Severity::Information), style->standardIcon(QStyle::SP_MessageBoxInformation));
    }
    return m_icons.value(int(severity));
}

void EventLogModel::setLimit(int entries)
{
    m_limit = entries;
    if (m_limit > 0 && static_cast<int>(m_entries.size()) > m_limit) {
        const int excess = static_cast<int>(m_entries.size()) - m_limit;
        beginRemoveRows({}, 0, excess - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + excess);
        endRemoveRows();
    }
}

void EventLogModel::clear()
{
    if (m_entries.empty()) {
        return;
    }
    beginRemoveRows({}, 0, rowCount() - 1);
    m_entries.clear();
    endRemoveRows();
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entry& e = entry(index.row());
    if (role == Qt::DecorationRole && index.column() == Message) {
        return severityIcon(e.severity);
    }
    if (role == SortRole && index.column() == Time) {
        return e.time;
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case Time:
        return e.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Message:
        return e.message;
    case Peer:
        return e.peer;
    case Local:
        return e.local;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Time:
        return tr("Time");
    case Message:
        return tr("Event");
    case Peer:
        return tr("Peer");
    case Local:
        return tr("Local address");
    default:
        return {};
    }
}

QString EventLogModel::text(const QList<int>& rows) const
{
    QStringList lines;
    for (const int row : rows) {
        if (row < 0 || row >= rowCount()) {
            continue;
        }
        const Entry& e = entry(row);
        QStringList fields{e.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.message};
        if (!e.peer.isEmpty() || !e.local.isEmpty()) {
            fields << e.peer << e.local;
        }
        lines.append(fields.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + (lines.isEmpty() ? QString() : QStringLiteral("\n"));
}

} // namespace qracoon
