// The item role the applet's table models answer with sortable raw values (numbers, times), so a
// QSortFilterProxyModel sorts "9 s" before "10 s".
#pragma once

#include <Qt>

namespace qracoon {

constexpr int SortRole = Qt::UserRole + 100;

} // namespace qracoon
