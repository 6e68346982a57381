// A request frame as racoonsim receives it: AdminRequest::decode, decodeIndexes on its payload, the -d
// hex dump, and re-encoding the decoded selector, which must give the same selector back.
#include "FuzzCheck.h"
#include "core/format/HexDump.h"
#include "core/wire/AdminRequest.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace qracoon;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const char* bytes = reinterpret_cast<const char*>(data);
    const Result<AdminRequest> request = AdminRequest::decode(bytes, size);
    if (!request) {
        fuzz::check(!request.error().isEmpty(), "a refused request is explained");
        return 0;
    }
    fuzz::check(request->size() == size, "a request keeps all its bytes");
    for (const ByteRange& secret : request->secretRanges()) {
        fuzz::check(secret.offset <= size && secret.length <= size - secret.offset,
                    "secrets lie inside the frame");
    }
    std::string out;
    appendRequestHexDump(out, *request);

    const char* payload = request->data() + sizeof(wire::AdminHeader);
    const std::size_t payloadSize = size - sizeof(wire::AdminHeader);
    const Result<SaSelector> selector = decodeIndexes(payload, payloadSize);
    fuzz::check(selector.ok() == (payloadSize >= sizeof(wire::AdminIndexes)), "indexes need 264 bytes");
    if (!selector || !selector->src.isIp() || !selector->dst.isIp()) {
        return 0;
    }
    const AdminRequest again = AdminRequest::withIndexes(request->command(), request->proto(), *selector);
    const Result<SaSelector> decoded =
        decodeIndexes(again.data() + sizeof(wire::AdminHeader), again.size() - sizeof(wire::AdminHeader));
    fuzz::check(decoded.ok(), "re-encoded indexes decode");
    fuzz::check(decoded->src == selector->src && decoded->dst == selector->dst &&
                    decoded->prefs == selector->prefs && decoded->prefd == selector->prefd &&
                    decoded->ulProto == selector->ulProto,
                "indexes survive a round trip");
    return 0;
}
