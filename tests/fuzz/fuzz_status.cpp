// A STATUS/STATUS_VERBOSE JSON document: decodeStatusJson.
#include "FuzzCheck.h"
#include "core/decode/StatusDecoder.h"

#include <cstddef>
#include <cstdint>

using namespace qracoon;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Result<StatusDocument> document = decodeStatusJson(json);
    fuzz::check(document.ok() || !document.error().isEmpty(), "a refused document is explained");
    return 0;
}
