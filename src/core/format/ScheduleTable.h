// The `show-schedule` table exactly as the reference prints it (ADMIN-PROTOCOL.md §10.2).
#pragma once

#include "LocalTimeText.h"
#include "core/model/ScheduleEntry.h"

#include <cstddef>
#include <string>

namespace qracoon {

void appendScheduleRow(std::string& out, const ScheduleEntry& entry, LocalTimeText& times);
// `invalid length <n>` for a partial record (before the header), the header and every complete record.
void appendScheduleTable(std::string& out, const char* payload, std::size_t size, LocalTimeText& times);

} // namespace qracoon
