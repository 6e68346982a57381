#include "Ph1DumpDecoder.h"

#include <QCoreApplication>
#include <algorithm>

namespace qracoon {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("qracoon", text);
}

} // namespace

IsakmpSa isakmpSaFromWire(const wire::Ph1Dump& record)
{
    IsakmpSa sa;
    std::copy(std::begin(record.initiatorCookie), std::end(record.initiatorCookie),
              sa.initiatorCookie.begin());
    std::copy(std::begin(record.responderCookie), std::end(record.responderCookie),
              sa.responderCookie.begin());
    sa.status = record.status;
    sa.side = record.side;
    sa.remote = SocketAddress::fromStorage(record.remote);
    sa.local = SocketAddress::fromStorage(record.local);
    sa.version = record.version;
    sa.etype = record.etype;
    sa.created = record.created;
    sa.ph2cnt = record.ph2cnt;
    return sa;
}

Result<IsakmpSa> decodeIsakmpSa(const char* payload, std::size_t size, std::size_t index)
{
    wire::Ph1Dump record{};
    const std::size_t offset = index * sizeof record;
    if (index > size / sizeof record || !wire::readStruct(payload, size, offset, record)) {
        return Result<IsakmpSa>::failure(
            tr("phase 1 record %1 at offset %2 does not fit in the %3-byte reply")
                .arg(index)
                .arg(offset)
                .arg(size));
    }
    return isakmpSaFromWire(record);
}

Result<std::vector<IsakmpSa>> decodePh1Dump(const char* payload, std::size_t size)
{
    if (size % sizeof(wire::Ph1Dump) != 0) {
        return Result<std::vector<IsakmpSa>>::failure(tr("the phase 1 list of %1 bytes is not a whole number "
                                                         "of %2-byte records: %3 stray bytes at offset %4")
                                                          .arg(size)
                                                          .arg(sizeof(wire::Ph1Dump))
                                                          .arg(size % sizeof(wire::Ph1Dump))
                                                          .arg(size - size % sizeof(wire::Ph1Dump)));
    }
    std::vector<IsakmpSa> sas;
    sas.reserve(size / sizeof(wire::Ph1Dump));
    for (std::size_t i = 0; i < size / sizeof(wire::Ph1Dump); ++i) {
        sas.push_back(*decodeIsakmpSa(payload, size, i));
    }
    return sas;
}

} // namespace qracoon
