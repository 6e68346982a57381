// A SHOW_SA/ISAKMP payload: decodePh1Dump, decodeIsakmpSa and the `show-sa isakmp` table (plain and -l).
#include "FuzzCheck.h"
#include "LocalTimeOracle.h"
#include "core/decode/Ph1DumpDecoder.h"
#include "core/format/IsakmpSaTable.h"

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
    const std::size_t records = size / sizeof(wire::Ph1Dump);
    const bool whole = size % sizeof(wire::Ph1Dump) == 0;

    const Result<std::vector<IsakmpSa>> sas = decodePh1Dump(payload, size);
    fuzz::check(sas.ok() == whole, "decodePh1Dump accepts exactly a whole number of records");
    fuzz::check(sas.ok() || !sas.error().isEmpty(), "a failure says why");
    if (sas) {
        fuzz::check(sas->size() == records, "one IsakmpSa per record");
    }
    for (std::size_t i = 0; i <= records; ++i) {
        fuzz::check(decodeIsakmpSa(payload, size, i).ok() == (i < records), "decodeIsakmpSa stays in bounds");
    }

    LocalTimeText times;
    std::string out;
    appendIsakmpSaTable(out, payload, size, 0, times);
    appendIsakmpSaTable(out, payload, size, 1, times);
    if (sas) {
        for (const IsakmpSa& sa : *sas) {
            fuzz::checkLocalTimeText(times, sa.created);
        }
    }
    return 0;
}
