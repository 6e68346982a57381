#include "ScheduleTable.h"

#include "NumberText.h"
#include "core/decode/ScheduleDecoder.h"

namespace qracoon {

void appendScheduleRow(std::string& out, const ScheduleEntry& entry, LocalTimeText& times)
{
    text::appendLeftAligned(out, entry.id, 8);
    out.push_back(' ');
    text::appendLeftAligned(out, entry.tick, 8);
    out.push_back(' ');
    text::appendLeftAligned(out, entry.xtime, 8);
    out.push_back(' ');
    out += times.dateTime(entry.created);
    out.push_back('\n');
}

void appendScheduleTable(std::string& out, const char* payload, std::size_t size, LocalTimeText& times)
{
    constexpr std::size_t RecordSize = sizeof(wire::SchedDump);
    if (size % RecordSize != 0) {
        text::appendLiteral(out, "invalid length ");
        text::appendUnsigned(out, size);
        out.push_back('\n');
    }
    text::appendLiteral(out, "index    tick     xtime    created\n");
    for (std::size_t offset = 0; offset + RecordSize <= size; offset += RecordSize) {
        wire::SchedDump record{};
        wire::readStruct(payload, size, offset, record);
        appendScheduleRow(out, scheduleEntryFromWire(record), times);
    }
}

} // namespace qracoon
