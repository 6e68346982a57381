// One entry of racoon's scheduler as SHOW_SCHED lists it (ADMIN-PROTOCOL.md §7.2).
#pragma once

#include <ctime>

namespace qracoon {

struct ScheduleEntry
{
    std::time_t xtime = 0;   // expiry on the daemon's monotonic clock
    long id = 0;             // scheduler counter
    std::time_t created = 0; // UNIX seconds
    std::time_t tick = 0;    // relative timeout in seconds
};

} // namespace qracoon
