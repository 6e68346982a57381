// A SHOW_SCHED payload: decodeSchedule and the `show-schedule` table.
#include "FuzzCheck.h"
#include "LocalTimeOracle.h"
#include "core/decode/ScheduleDecoder.h"
#include "core/format/ScheduleTable.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace qracoon;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::useZoneWithDst();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const char* payload = reinterpret_cast<const char*>(data);
    const Result<std::vector<ScheduleEntry>> entries = decodeSchedule(payload, size);
    fuzz::check(entries.ok() == (size % sizeof(wire::SchedDump) == 0),
                "decodeSchedule accepts exactly a whole number of records");
    if (entries) {
        fuzz::check(entries->size() == size / sizeof(wire::SchedDump), "one ScheduleEntry per record");
    }

    LocalTimeText times;
    std::string out;
    appendScheduleTable(out, payload, size, times);
    if (entries) {
        for (const ScheduleEntry& entry : *entries) {
            fuzz::checkLocalTimeText(times, entry.created);
            fuzz::checkLocalTimeText(times, entry.xtime);
            fuzz::checkLocalTimeText(times, entry.tick);
        }
    }
    return 0;
}
