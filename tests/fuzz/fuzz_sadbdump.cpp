// A SHOW_SA (ESP) payload of PF_KEY messages: the walk, every message view, decodeSadbDump, and the
// setkey-style printout through ReplyPrinter (a payload over 65527 bytes travels as a long reply).
#include "FuzzCheck.h"
#include "LocalTimeOracle.h"
#include "core/decode/SadbDumpDecoder.h"
#include "core/decode/SadbDumpWalker.h"
#include "core/format/ReplyPrinter.h"

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

    SadbDumpWalker walker(payload, size);
    std::size_t messages = 0;
    std::size_t previous = 0;
    while (const std::optional<SadbMessageView> view = walker.next()) {
        fuzz::check(walker.offset() < size, "a message starts inside the payload");
        fuzz::check(messages == 0 || walker.offset() > previous, "the walk moves forward");
        fuzz::check(view->size() <= size - walker.offset(), "a message ends inside the payload");
        fuzz::check(view->problemOffset() <= size - walker.offset(),
                    "a problem is located inside the message");
        const Result<IpsecSa> sa = decodeIpsecSa(*view);
        if (view->decodeProblem() != SadbMessageView::Problem::None) {
            fuzz::check(!sa.ok(), "a message with a decode problem is refused");
            fuzz::check(!view->describeProblem().isEmpty(), "a refused message is explained");
        }
        previous = walker.offset();
        ++messages;
    }
    // A message advances by sadb_msg_len * 8 bytes, as in the reference, even when that is shorter than
    // sadb_msg itself (the message is then printed as invalid and the walk goes on).
    fuzz::check(messages <= size / 8 + 1, "at most one message per 8 bytes");

    const Result<SadbDump> dump = decodeSadbDump(payload, size);
    if (dump) {
        fuzz::check(dump->sas.size() + static_cast<std::size_t>(dump->rejected.size()) <= messages,
                    "no more SAs and rejections than messages");
    }

    const AdminFrame frame(AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Esp, 0, payload, size));
    PrintOptions options;
    options.now = 1700000000;
    std::string out;
    fuzz::check(ReplyPrinter::print(out, frame, options), "an SA dump always prints");
    return 0;
}
