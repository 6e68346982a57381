// Decodes a SHOW_SCHED reply: an array of 32-byte scheddump records (ADMIN-PROTOCOL.md §7.2).
#pragma once

#include "core/Result.h"
#include "core/model/ScheduleEntry.h"
#include "core/wire/WireLayout.h"

#include <cstddef>
#include <vector>

namespace qracoon {

ScheduleEntry scheduleEntryFromWire(const wire::SchedDump& record);

// Every record; fails, naming the offset, when the payload is not a whole number of records.
Result<std::vector<ScheduleEntry>> decodeSchedule(const char* payload, std::size_t size);

} // namespace qracoon
