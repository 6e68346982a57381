#include "IsakmpSaTable.h"

#include "NumberText.h"
#include "core/decode/Ph1DumpDecoder.h"

#include <algorithm>

namespace qracoon {

void appendFixedAddress(std::string& out, const SocketAddress& address, int width)
{
    std::string host;
    std::string port;
    if (address.isIp()) {
        address.appendHost(host);
        text::appendUnsigned(port, address.port());
    } else {
        host = "(invalid)";
        port = "(inv)";
    }
    const std::size_t start = out.size();
    const std::size_t hostRoom = static_cast<std::size_t>(std::max(0, width - int(port.size()) - 1));
    out.append(host, 0, std::min(host.size(), hostRoom));
    out.push_back('.');
    out += port;
    const std::size_t used = out.size() - start;
    if (used < std::size_t(width)) {
        out.append(std::size_t(width) - used, ' ');
    } else {
        out.resize(start + std::size_t(width));
    }
}

void appendIsakmpSaHeader(std::string& out, int verbosity)
{
    if (verbosity <= 0) {
        text::appendLiteral(out, "Destination            Cookies                           Created\n");
    } else if (verbosity == 1) {
        text::appendLiteral(out, "Destination            Cookies                           ST S  V E Created "
                                 "            Phase2\n");
    } else {
        text::appendLiteral(out,
                            "Source                                        Destination                      "
                            "             Cookies                           ST S  V E Created             "
                            "Phase2\n");
    }
}

void appendIsakmpSaRow(std::string& out, const IsakmpSa& sa, int verbosity, LocalTimeText& times)
{
    static constexpr const char* ExchangeLetters[] = {"", "B", "M", "U", "A", "I"};
    if (verbosity >= 2) {
        appendFixedAddress(out, sa.local, 45);
        out.push_back(' ');
    }
    appendFixedAddress(out, sa.remote, verbosity >= 2 ? 45 : 22);
    out.push_back(' ');
    for (const std::uint8_t byte : sa.initiatorCookie) {
        text::appendHexByte(out, byte);
    }
    out.push_back(':');
    for (const std::uint8_t byte : sa.responderCookie) {
        text::appendHexByte(out, byte);
    }
    out.push_back(' ');
    if (verbosity >= 1) {
        text::appendRightAligned(out, sa.status, 2);
        out.push_back(' ');
        out.push_back(sa.side == IsakmpSa::Initiator ? 'I' : 'R');
        out.push_back(' ');
        text::appendHexRightAligned2(out, sa.version);
        out.push_back(' ');
        // etype >= 6 has no letter and the column vanishes, separator included (pinned by the vectors).
        if (sa.etype < std::size(ExchangeLetters)) {
            out += ExchangeLetters[sa.etype];
            out.push_back(' ');
        }
    }
    if (sa.created != 0) {
        out += times.dateTime(sa.created);
    } else {
        out.append(19, ' ');
    }
    out.push_back(' ');
    if (verbosity >= 1) {
        text::appendRightAligned(out, sa.ph2cnt, 6);
        out.push_back(' ');
    }
    out.push_back('\n');
}

void appendIsakmpSaTable(std::string& out, const char* payload, std::size_t size, int verbosity,
                         LocalTimeText& times, const TextDrain* drain)
{
    constexpr std::size_t RecordSize = sizeof(wire::Ph1Dump);
    appendIsakmpSaHeader(out, verbosity);
    if (size % RecordSize != 0) {
        text::appendLiteral(out, "invalid length ");
        text::appendUnsigned(out, size);
        out.push_back('\n');
    }
    for (std::size_t offset = 0; offset + RecordSize <= size; offset += RecordSize) {
        wire::Ph1Dump record{};
        wire::readStruct(payload, size, offset, record);
        appendIsakmpSaRow(out, isakmpSaFromWire(record), verbosity, times);
        if (drain != nullptr) {
            drain->atRecordBoundary(out);
        }
    }
}

} // namespace qracoon
