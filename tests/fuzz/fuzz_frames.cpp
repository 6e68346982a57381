// A byte stream from racoon cut into frames by FrameReader, in reads of varying size, each frame printed
// by ReplyPrinter as racoonctl would (every command and protocol, long replies included).
// Input: byte 0 = print options (bits 0-1 the -l count, bit 2 stdout is a tty), byte 1 = read size
// (0: the whole stream in one read, n: reads of n * 37 bytes), then the stream.
#include "FuzzCheck.h"
#include "LocalTimeOracle.h"
#include "core/format/ReplyPrinter.h"
#include "core/wire/AdminFrame.h"

#include <algorithm>
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
    if (size < 2) {
        return 0;
    }
    PrintOptions options;
    options.verbosity = data[0] & 3;
    options.stdoutIsTty = (data[0] & 4) != 0;
    options.now = 1700000000;
    const std::size_t readSize = data[1] == 0 ? size : std::size_t(data[1]) * 37;
    const char* stream = reinterpret_cast<const char*>(data) + 2;
    const std::size_t streamSize = size - 2;

    FrameReader reader;
    std::size_t appended = 0;
    std::size_t framed = 0;
    bool failed = false;
    std::string out;
    while (!failed && appended < streamSize) {
        const std::size_t piece = std::min(readSize, streamSize - appended);
        reader.append(stream + appended, static_cast<qsizetype>(piece));
        appended += piece;
        for (;;) {
            AdminFrame frame;
            QString error;
            const FrameReader::Status status = reader.next(frame, error);
            if (status == FrameReader::Status::NeedMore) {
                break;
            }
            if (status == FrameReader::Status::Error) {
                fuzz::check(!error.isEmpty(), "a stream error is explained");
                QString again;
                fuzz::check(reader.next(frame, again) == FrameReader::Status::Error,
                            "a failed reader stays failed");
                failed = true;
                break;
            }
            fuzz::check(frame.bytes().size() >= qsizetype(sizeof(wire::AdminHeader)),
                        "a frame holds its header");
            framed += static_cast<std::size_t>(frame.bytes().size());
            fuzz::check(framed <= appended, "frames hold only bytes that were read");
            ReplyPrinter::print(out, frame, options);
            out.clear();
        }
    }
    if (!failed) {
        fuzz::check(framed + static_cast<std::size_t>(reader.pendingBytes()) == appended,
                    "every byte read is either framed or pending");
    }
    return 0;
}
