// The daemon's side of the admin port: the payloads racoon sends (ph1dump records, the schedule, events
// with their mode-cfg attributes, PF_KEY SADB_DUMP messages), built from the structs in WireLayout.h.
// racoonsim and the tests use it; racoonctl only ever decodes these.
#pragma once

#include "AdminCodes.h"
#include "SocketAddress.h"
#include "WireLayout.h"

#include <QByteArray>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace qracoon {

struct Ph1DumpRecord
{
    std::array<std::uint8_t, 8> initiatorCookie{};
    std::array<std::uint8_t, 8> responderCookie{};
    int status = 0;
    int side = 0;
    SocketAddress remote;
    SocketAddress local;
    std::uint8_t version = 0x10;
    std::uint8_t exchangeType = 2;
    std::int64_t created = 0;
    int ph2Count = 0;
};

struct SchedDumpRecord
{
    std::int64_t xtime = 0;
    long id = 0;
    std::int64_t created = 0;
    std::int64_t tick = 0;
};

struct SadbLifetimeValues
{
    std::uint32_t allocations = 0;
    std::uint64_t bytes = 0;
    std::uint64_t addtime = 0;
    std::uint64_t usetime = 0;
};

// One SA as the Linux kernel dumps it; the extensions are written in the kernel's order.
struct SadbRecord
{
    std::uint8_t satype = Sadb::SaType::Esp;
    std::uint32_t spi = 0; // host order here, network order on the wire
    std::uint8_t replay = 0;
    std::uint8_t state = Sadb::SaState::Mature;
    std::uint8_t authAlgorithm = 0;
    std::uint8_t encryptAlgorithm = 0;
    std::uint32_t flags = 0;
    std::optional<SadbLifetimeValues> hard;
    std::optional<SadbLifetimeValues> soft;
    std::optional<SadbLifetimeValues> current;
    SocketAddress src;
    SocketAddress dst;
    std::uint8_t prefixLength = 32;
    std::uint8_t addressProto = 0;
    // The selector the kernel reports as ADDRESS_PROXY when it differs from the SA's endpoints (tunnel mode).
    std::optional<SocketAddress> proxy;
    std::uint8_t proxyPrefixLength = 0;
    std::uint8_t proxyProto = 0xff;
    QByteArray authKey;
    QByteArray encryptKey;
    std::uint8_t mode = Sadb::Mode::Tunnel;
    std::uint32_t sequence = 0;
    std::uint32_t reqid = 0;
    std::uint8_t natType = 0; // NAT-T encapsulation; the port extensions follow when it is not 0
    std::uint16_t natSourcePort = 0;
    std::uint16_t natDestinationPort = 0;
};

class ReplyEncoder
{
public:
    static constexpr std::size_t Ph1DumpSize = sizeof(wire::Ph1Dump);
    static constexpr std::size_t SchedDumpSize = sizeof(wire::SchedDump);

    // SHOW_SA isakmp: consecutive ph1dump records (none gives an empty payload).
    static void appendPhase1(QByteArray& out, const Ph1DumpRecord& record);
    static QByteArray phase1Dump(const std::vector<Ph1DumpRecord>& records);

    // SHOW_SCHED: consecutive scheddump records.
    static QByteArray scheduleDump(const std::vector<SchedDumpRecord>& records);

    // A pushed event: evt_async followed by the attribute list (PHASE1_MODE_CFG only).
    static QByteArray eventPayload(std::uint32_t type, std::int64_t timestamp,
                                   const SocketAddress& phase1Source, const SocketAddress& phase1Destination,
                                   std::uint32_t phase2MessageId, const QByteArray& attributes = {});
    // The whole pushed frame: header (ADMIN_SHOW_EVT, errno 0, proto 0) and eventPayload().
    static QByteArray eventFrame(std::uint32_t type, std::int64_t timestamp,
                                 const SocketAddress& phase1Source, const SocketAddress& phase1Destination,
                                 std::uint32_t phase2MessageId, const QByteArray& attributes = {});
    // The reply payload to an unversioned SHOW_EVT: one struct evtdump with racoon's old event number.
    static QByteArray legacyEventRecord(int legacyType, std::int64_t timestamp, const SocketAddress& source,
                                        const SocketAddress& destination, const QByteArray& attributes = {});

    // ISAKMP data attributes in network order: TLV (variable value) and TV (16-bit value, bit 15 set).
    static void appendAttribute(QByteArray& out, std::uint16_t type, const QByteArray& value);
    static void appendBasicAttribute(QByteArray& out, std::uint16_t type, std::uint16_t value);

    // One SADB_DUMP message; `seq` counts down to 0, which marks the last message of a dump.
    static void appendSadbMessage(QByteArray& out, const SadbRecord& record, std::uint32_t seq,
                                  std::uint32_t pid);
    // Upper bound of appendSadbMessage's output, for reserving large dumps.
    static std::size_t sadbMessageSizeHint(const SadbRecord& record);
    // What the kernel answers a dump with no SA of `satype`: a bare sadb_msg carrying errno ENOENT.
    static QByteArray emptySadbDump(std::uint8_t satype, std::uint32_t pid);
};

} // namespace qracoon
