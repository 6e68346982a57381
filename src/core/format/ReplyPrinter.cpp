#include "ReplyPrinter.h"

#include "EventText.h"
#include "IsakmpSaTable.h"
#include "NumberText.h"
#include "SadbText.h"
#include "ScheduleTable.h"
#include "core/decode/EventDecoder.h"

namespace qracoon {

namespace {

// racoon never answers SHOW_SA/INTERNAL with data (it says ENOTSUP) and the record layout would be a
// daemon-internal structure, so only the header is printed; the reference loops over garbage here
// (§12.2 item 14).
void appendInternalDump(std::string& out, std::size_t size, int verbosity)
{
    if (verbosity > 0) {
        text::appendLiteral(out,
                            "Source                                        Destination                    "
                            "              \n");
    } else {
        text::appendLiteral(out, "Source                 Destination            \n");
    }
    if (size != 0) {
        text::appendLiteral(out, "internal SA dump of ");
        text::appendUnsigned(out, size);
        text::appendLiteral(out, " bytes cannot be decoded\n");
    }
}

} // namespace

bool ReplyPrinter::print(std::string& out, const AdminFrame& frame, const PrintOptions& options)
{
    if (frame.isError() || frame.bytes().size() < qsizetype(sizeof(wire::AdminHeader))) {
        return true;
    }
    const char* payload = frame.payloadData();
    const std::size_t size = frame.payloadSize();
    switch (frame.command()) {
    case AdminCommand::ShowSched: {
        LocalTimeText times;
        appendScheduleTable(out, payload, size, times);
        return true;
    }
    case AdminCommand::ShowEvt: {
        if (size == 0) {
            return true;
        }
        const Result<RacoonEvent> event = decodeEvent(frame);
        if (!event) {
            return false;
        }
        appendEventLine(out, *event);
        return true;
    }
    case AdminCommand::GetSaCert:
        out.append(payload, size);
        return true;
    case AdminCommand::ShowSa:
        switch (frame.proto()) {
        case AdminProto::Isakmp: {
            LocalTimeText times;
            appendIsakmpSaTable(out, payload, size, options.verbosity, times, &options.drain);
            return true;
        }
        case AdminProto::Ipsec:
        case AdminProto::Ah:
        case AdminProto::Esp: {
            LocalTimeText times;
            appendSadbDump(out, payload, size, options.now, times, &options.drain);
            return true;
        }
        case AdminProto::Internal:
            appendInternalDump(out, size, options.verbosity);
            return true;
        default:
            text::appendLiteral(out, "Invalid proto [");
            text::appendUnsigned(out, frame.proto());
            text::appendLiteral(out, "]\n");
            return true;
        }
    case AdminCommand::Status:
    case AdminCommand::StatusVerbose:
        out.append(payload, size);
        out.push_back('\n');
        return true;
    default:
        return true;
    }
}

} // namespace qracoon
