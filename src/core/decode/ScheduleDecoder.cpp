#include "ScheduleDecoder.h"

#include <QCoreApplication>

namespace qracoon {

ScheduleEntry scheduleEntryFromWire(const wire::SchedDump& record)
{
    return ScheduleEntry{record.xtime, record.id, record.created, record.tick};
}

Result<std::vector<ScheduleEntry>> decodeSchedule(const char* payload, std::size_t size)
{
    constexpr std::size_t RecordSize = sizeof(wire::SchedDump);
    if (size % RecordSize != 0) {
        return Result<std::vector<ScheduleEntry>>::failure(
            QCoreApplication::translate("ScheduleDecoder",
                                        "the schedule list of %1 bytes is not a whole number of "
                                        "%2-byte records: %3 stray bytes at offset %4")
                .arg(size)
                .arg(RecordSize)
                .arg(size % RecordSize)
                .arg(size - size % RecordSize));
    }
    std::vector<ScheduleEntry> entries;
    entries.reserve(size / RecordSize);
    for (std::size_t offset = 0; offset < size; offset += RecordSize) {
        wire::SchedDump record{};
        wire::readStruct(payload, size, offset, record);
        entries.push_back(scheduleEntryFromWire(record));
    }
    return entries;
}

} // namespace qracoon
