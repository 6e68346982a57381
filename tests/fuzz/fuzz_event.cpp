// A SHOW_EVT payload (evt_async plus mode-config attributes): decodeEventPayload, the event line, the
// vpn-connect summary and the readable description; and the same bytes as a bare attribute list.
#include "FuzzCheck.h"
#include "core/decode/EventDecoder.h"
#include "core/decode/ModeCfgDecoder.h"
#include "core/format/EventText.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace qracoon;

namespace {

void printEvent(const RacoonEvent& event)
{
    std::string out;
    appendEventLine(out, event);
    fuzz::check(!out.empty() && out.back() == '\n', "an event line ends in a newline");
    PrintOptions pipe;
    appendModeCfgSummary(out, event, pipe);
    PrintOptions terminal;
    terminal.stdoutIsTty = true;
    terminal.terminalWidth = 1 + static_cast<int>(event.code % 200);
    appendModeCfgSummary(out, event, terminal);
    fuzz::check(!eventDescription(event).isEmpty(), "every event has a description");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const char* payload = reinterpret_cast<const char*>(data);

    const Result<RacoonEvent> event = decodeEventPayload(payload, size);
    fuzz::check(event.ok() == (size >= sizeof(wire::EvtAsync)), "an event needs exactly evt_async");
    if (event) {
        fuzz::check(static_cast<std::size_t>(event->attributes.size()) == size - sizeof(wire::EvtAsync),
                    "the attributes are the bytes after evt_async");
        printEvent(*event);
    }

    const ModeCfg modeCfg = decodeModeCfg(payload, size);
    std::size_t consumed = 0;
    for (const ModeCfg::Attribute& a : modeCfg.attributes) {
        consumed += 4 + (a.basic ? 0 : static_cast<std::size_t>(a.value.size()));
    }
    fuzz::check(consumed <= size, "attributes never claim more bytes than the list has");
    fuzz::check(!modeCfg.complete || consumed == size, "a complete list is consumed to its end");

    RacoonEvent modeCfgEvent;
    modeCfgEvent.code = EventCode::Phase1ModeCfg;
    modeCfgEvent.attributes = QByteArray(payload, static_cast<qsizetype>(size));
    modeCfgEvent.modeCfg = modeCfg;
    printEvent(modeCfgEvent);
    return 0;
}
