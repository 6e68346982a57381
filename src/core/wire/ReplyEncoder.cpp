#include "ReplyEncoder.h"

#include "AdminFrame.h"

#include <arpa/inet.h>
#include <cerrno>

namespace qracoon {

namespace {

constexpr std::size_t SadbAlign = 8;

std::size_t padded(std::size_t size)
{
    return (size + SadbAlign - 1) / SadbAlign * SadbAlign;
}

template <typename T> void appendStruct(QByteArray& out, const T& value)
{
    static_assert(std::is_trivially_copyable_v<T>);
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void appendZeros(QByteArray& out, std::size_t count)
{
    out.append(static_cast<qsizetype>(count), '\0');
}

std::uint16_t units(std::size_t bytes)
{
    return static_cast<std::uint16_t>(bytes / SadbAlign);
}

void appendLifetime(QByteArray& out, std::uint16_t type, const SadbLifetimeValues& values)
{
    wire::SadbLifetime ext;
    std::memset(&ext, 0, sizeof ext);
    ext.ext.len = units(sizeof ext);
    ext.ext.type = type;
    ext.allocations = values.allocations;
    ext.bytes = values.bytes;
    ext.addtime = values.addtime;
    ext.usetime = values.usetime;
    appendStruct(out, ext);
}

void appendAddress(QByteArray& out, std::uint16_t type, const SocketAddress& address,
                   std::uint8_t prefixLength, std::uint8_t proto)
{
    const std::size_t sockaddrSize = padded(address.sockaddrLength());
    wire::SadbAddress ext;
    std::memset(&ext, 0, sizeof ext);
    ext.ext.len = units(sizeof ext + sockaddrSize);
    ext.ext.type = type;
    ext.proto = proto;
    ext.prefixlen = prefixLength;
    appendStruct(out, ext);
    const qsizetype at = out.size();
    appendZeros(out, sockaddrSize);
    if (sockaddrSize != 0) {
        address.writeSockaddr(reinterpret_cast<std::uint8_t*>(out.data() + at));
    }
}

void appendKey(QByteArray& out, std::uint16_t type, const QByteArray& key)
{
    const std::size_t keySize = padded(static_cast<std::size_t>(key.size()));
    wire::SadbKey ext;
    std::memset(&ext, 0, sizeof ext);
    ext.ext.len = units(sizeof ext + keySize);
    ext.ext.type = type;
    ext.bits = static_cast<std::uint16_t>(key.size() * 8);
    appendStruct(out, ext);
    out.append(key);
    appendZeros(out, keySize - static_cast<std::size_t>(key.size()));
}

void appendNatPort(QByteArray& out, std::uint16_t type, std::uint16_t port)
{
    wire::SadbXNatTPort ext;
    std::memset(&ext, 0, sizeof ext);
    ext.ext.len = units(sizeof ext);
    ext.ext.type = type;
    ext.port = htons(port);
    appendStruct(out, ext);
}

} // namespace

void ReplyEncoder::appendPhase1(QByteArray& out, const Ph1DumpRecord& record)
{
    wire::Ph1Dump pd;
    std::memset(&pd, 0, sizeof pd); // padding included: racoon's buffer is zeroed too
    std::memcpy(pd.initiatorCookie, record.initiatorCookie.data(), sizeof pd.initiatorCookie);
    std::memcpy(pd.responderCookie, record.responderCookie.data(), sizeof pd.responderCookie);
    pd.status = record.status;
    pd.side = record.side;
    record.remote.writeTo(pd.remote);
    record.local.writeTo(pd.local);
    pd.version = record.version;
    pd.etype = record.exchangeType;
    pd.created = static_cast<std::time_t>(record.created);
    pd.ph2cnt = record.ph2Count;
    appendStruct(out, pd);
}

QByteArray ReplyEncoder::phase1Dump(const std::vector<Ph1DumpRecord>& records)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(records.size() * Ph1DumpSize));
    for (const Ph1DumpRecord& r : records) {
        appendPhase1(out, r);
    }
    return out;
}

QByteArray ReplyEncoder::scheduleDump(const std::vector<SchedDumpRecord>& records)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(records.size() * SchedDumpSize));
    for (const SchedDumpRecord& r : records) {
        wire::SchedDump sd{};
        sd.xtime = static_cast<std::time_t>(r.xtime);
        sd.id = r.id;
        sd.created = static_cast<std::time_t>(r.created);
        sd.tick = static_cast<std::time_t>(r.tick);
        appendStruct(out, sd);
    }
    return out;
}

QByteArray ReplyEncoder::eventPayload(std::uint32_t type, std::int64_t timestamp,
                                      const SocketAddress& phase1Source,
                                      const SocketAddress& phase1Destination, std::uint32_t phase2MessageId,
                                      const QByteArray& attributes)
{
    wire::EvtAsync evt;
    std::memset(&evt, 0, sizeof evt);
    evt.type = type;
    evt.timestamp = static_cast<std::time_t>(timestamp);
    phase1Source.writeTo(evt.ph1src);
    phase1Destination.writeTo(evt.ph1dst);
    evt.ph2msgid = phase2MessageId;
    QByteArray out;
    out.reserve(static_cast<qsizetype>(sizeof evt) + attributes.size());
    appendStruct(out, evt);
    out.append(attributes);
    return out;
}

QByteArray ReplyEncoder::eventFrame(std::uint32_t type, std::int64_t timestamp,
                                    const SocketAddress& phase1Source, const SocketAddress& phase1Destination,
                                    std::uint32_t phase2MessageId, const QByteArray& attributes)
{
    return AdminFrame::encodeReply(
        AdminCommand::ShowEvt, AdminProto::None, 0,
        eventPayload(type, timestamp, phase1Source, phase1Destination, phase2MessageId, attributes));
}

QByteArray ReplyEncoder::legacyEventRecord(int legacyType, std::int64_t timestamp,
                                           const SocketAddress& source, const SocketAddress& destination,
                                           const QByteArray& attributes)
{
    wire::EvtDump dump;
    std::memset(&dump, 0, sizeof dump);
    dump.len = sizeof dump + static_cast<std::size_t>(attributes.size());
    source.writeTo(dump.src);
    destination.writeTo(dump.dst);
    dump.timestamp = static_cast<std::time_t>(timestamp);
    dump.type = legacyType;
    QByteArray out;
    appendStruct(out, dump);
    out.append(attributes);
    return out;
}

void ReplyEncoder::appendAttribute(QByteArray& out, std::uint16_t type, const QByteArray& value)
{
    const std::uint16_t header[2] = {htons(static_cast<std::uint16_t>(type & 0x7fff)),
                                     htons(static_cast<std::uint16_t>(value.size()))};
    out.append(reinterpret_cast<const char*>(header), sizeof header);
    out.append(value);
}

void ReplyEncoder::appendBasicAttribute(QByteArray& out, std::uint16_t type, std::uint16_t value)
{
    const std::uint16_t header[2] = {htons(static_cast<std::uint16_t>(type | 0x8000)), htons(value)};
    out.append(reinterpret_cast<const char*>(header), sizeof header);
}

std::size_t ReplyEncoder::sadbMessageSizeHint(const SadbRecord& record)
{
    constexpr std::size_t addressMax = sizeof(wire::SadbAddress) + 32;
    return sizeof(wire::SadbMsg) + sizeof(wire::SadbSa) + 3 * sizeof(wire::SadbLifetime) + 3 * addressMax +
           2 * sizeof(wire::SadbKey) + padded(static_cast<std::size_t>(record.authKey.size())) +
           padded(static_cast<std::size_t>(record.encryptKey.size())) + sizeof(wire::SadbXSa2) +
           sizeof(wire::SadbXNatTType) + 2 * sizeof(wire::SadbXNatTPort);
}

void ReplyEncoder::appendSadbMessage(QByteArray& out, const SadbRecord& record, std::uint32_t seq,
                                     std::uint32_t pid)
{
    const qsizetype start = out.size();
    wire::SadbMsg msg;
    std::memset(&msg, 0, sizeof msg);
    msg.version = Sadb::Version;
    msg.type = Sadb::MsgType::Dump;
    msg.satype = record.satype;
    msg.seq = seq;
    msg.pid = pid;
    appendStruct(out, msg); // length patched below

    wire::SadbSa sa;
    std::memset(&sa, 0, sizeof sa);
    sa.ext.len = units(sizeof sa);
    sa.ext.type = Sadb::Ext::Sa;
    sa.spi = htonl(record.spi);
    sa.replay = record.replay;
    sa.state = record.state;
    sa.auth = record.authAlgorithm;
    sa.encrypt = record.encryptAlgorithm;
    sa.flags = record.flags;
    appendStruct(out, sa);

    if (record.hard) {
        appendLifetime(out, Sadb::Ext::LifetimeHard, *record.hard);
    }
    if (record.soft) {
        appendLifetime(out, Sadb::Ext::LifetimeSoft, *record.soft);
    }
    if (record.current) {
        appendLifetime(out, Sadb::Ext::LifetimeCurrent, *record.current);
    }
    appendAddress(out, Sadb::Ext::AddressSrc, record.src, record.prefixLength, record.addressProto);
    appendAddress(out, Sadb::Ext::AddressDst, record.dst, record.prefixLength, record.addressProto);
    if (record.proxy) {
        appendAddress(out, Sadb::Ext::AddressProxy, *record.proxy, record.proxyPrefixLength,
                      record.proxyProto);
    }
    if (!record.authKey.isEmpty()) {
        appendKey(out, Sadb::Ext::KeyAuth, record.authKey);
    }
    if (!record.encryptKey.isEmpty()) {
        appendKey(out, Sadb::Ext::KeyEncrypt, record.encryptKey);
    }

    wire::SadbXSa2 sa2;
    std::memset(&sa2, 0, sizeof sa2);
    sa2.ext.len = units(sizeof sa2);
    sa2.ext.type = Sadb::Ext::XSa2;
    sa2.mode = record.mode;
    sa2.sequence = record.sequence;
    sa2.reqid = record.reqid;
    appendStruct(out, sa2);

    if (record.natType != 0) {
        wire::SadbXNatTType nat;
        std::memset(&nat, 0, sizeof nat);
        nat.ext.len = units(sizeof nat);
        nat.ext.type = Sadb::Ext::XNatTType;
        nat.type = record.natType;
        appendStruct(out, nat);
        appendNatPort(out, Sadb::Ext::XNatTSport, record.natSourcePort);
        appendNatPort(out, Sadb::Ext::XNatTDport, record.natDestinationPort);
    }

    const std::uint16_t length = units(static_cast<std::size_t>(out.size() - start));
    std::memcpy(out.data() + start + offsetof(wire::SadbMsg, len), &length, sizeof length);
}

QByteArray ReplyEncoder::emptySadbDump(std::uint8_t satype, std::uint32_t pid)
{
    wire::SadbMsg msg;
    std::memset(&msg, 0, sizeof msg);
    msg.version = Sadb::Version;
    msg.type = Sadb::MsgType::Dump;
    msg.errnum = ENOENT;
    msg.satype = satype;
    msg.len = units(sizeof msg);
    msg.pid = pid;
    QByteArray out;
    appendStruct(out, msg);
    return out;
}

} // namespace qracoon
