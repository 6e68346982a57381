// A table model over a list of values that racoon reports again and again: each refresh is applied as
// removals, in-place updates and appends keyed by identity (cookies, SPI), never as a reset, so views
// keep their selection, current row and scroll position.
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <vector>

namespace qracoon {

template <typename T> class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    const T& at(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }
    const std::vector<T>& rows() const { return m_rows; }
    // The row of the value with this key, -1 if there is none.
    int rowOfKey(const QByteArray& key) const
    {
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (keyOf(m_rows[i]) == key) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }

protected:
    virtual QByteArray keyOf(const T& value) const = 0;

    void replaceRows(std::vector<T> fresh)
    {
        QHash<QByteArray, std::size_t> freshIndex;
        freshIndex.reserve(static_cast<qsizetype>(fresh.size()));
        for (std::size_t i = 0; i < fresh.size(); ++i) {
            freshIndex.insert(keyOf(fresh[i]), i);
        }
        // Removals from the end, one call per contiguous run.
        int row = static_cast<int>(m_rows.size()) - 1;
        while (row >= 0) {
            if (freshIndex.contains(keyOf(m_rows[static_cast<std::size_t>(row)]))) {
                --row;
                continue;
            }
            const int last = row;
            while (row > 0 && !freshIndex.contains(keyOf(m_rows[static_cast<std::size_t>(row - 1)]))) {
                --row;
            }
            beginRemoveRows({}, row, last);
            m_rows.erase(m_rows.begin() + row, m_rows.begin() + last + 1);
            endRemoveRows();
            --row;
        }
        // Updates in place; views hear only of the rows that changed, one signal per contiguous run, so a
        // sorted or filtered view does not re-examine thousands of unchanged rows on every refresh.
        std::vector<bool> used(fresh.size(), false);
        int runStart = -1;
        for (std::size_t r = 0; r < m_rows.size(); ++r) {
            T& existing = m_rows[r];
            const std::size_t i = freshIndex.value(keyOf(existing));
            used[i] = true;
            const bool changed = existing != fresh[i];
            if (changed) {
                existing = std::move(fresh[i]);
                if (runStart < 0) {
                    runStart = static_cast<int>(r);
                }
            } else if (runStart >= 0) {
                Q_EMIT dataChanged(index(runStart, 0), index(static_cast<int>(r) - 1, columnCount() - 1));
                runStart = -1;
            }
        }
        if (runStart >= 0) {
            Q_EMIT dataChanged(index(runStart, 0), index(rowCount() - 1, columnCount() - 1));
        }
        // Appends, in the order racoon listed them.
        std::vector<T> added;
        for (std::size_t i = 0; i < fresh.size(); ++i) {
            if (!used[i] && freshIndex.value(keyOf(fresh[i])) == i) {
                added.push_back(std::move(fresh[i]));
            }
        }
        if (!added.empty()) {
            const int first = rowCount();
            beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
            for (T& value : added) {
                m_rows.push_back(std::move(value));
            }
            endInsertRows();
        }
    }

    // Signals that time-dependent columns changed (lifetimes, uptimes) without new data.
    void touchColumn(int column)
    {
        if (!m_rows.empty()) {
            Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column));
        }
    }

private:
    std::vector<T> m_rows;
};

} // namespace qracoon
