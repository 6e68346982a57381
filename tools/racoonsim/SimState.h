// What racoon knows: phase 1 and phase 2 handles with racoon's statuses, the kernel's SADB entries, the
// scheduler, the security policies, and the negotiations in flight. Every admin command that changes
// something goes through here; events go out through the EventHub.
#pragma once

#include "EventHub.h"
#include "SimClock.h"
#include "SimConfig.h"
#include "SimSchedule.h"
#include "core/wire/AdminRequest.h"
#include "core/wire/ReplyEncoder.h"

#include <QObject>
#include <QTimer>
#include <array>
#include <map>
#include <memory>
#include <optional>

namespace qracoon::sim {

// racoon's PHASE1ST_* and PHASE2ST_* values (handler.h).
namespace Phase1Status {
enum : int
{
    Start = 1,
    Msg1Sent = 3,
    Established = 9,
    Dying = 10,
    Expired = 11,
};
} // namespace Phase1Status

namespace Phase2Status {
enum : int
{
    Status2 = 2,
    Msg1Sent = 5,
    Established = 9,
    Expired = 10,
};
} // namespace Phase2Status

struct Phase1Handle
{
    std::uint64_t id = 0;
    std::shared_ptr<const GatewayConfig> gateway;
    std::array<std::uint8_t, 8> initiatorCookie{};
    std::array<std::uint8_t, 8> responderCookie{};
    int status = Phase1Status::Start;
    SocketAddress local;      // with the IKE port
    SocketAddress remote;     // with the IKE port
    std::int64_t created = 0; // UNIX seconds, 0 until established
    int phase2Count = 0;
    bool proposalChosen = false;
    bool ready = false; // established, Xauth passed and mode-cfg received: quick mode may start
    QByteArray xauthLogin;
    std::optional<SocketAddress> assignedAddress; // from mode-cfg
    int dpdFails = 0;
    // racoon's own scheduler entries (scr, sce, dpd_r_u) and racoonsim's delay for the peer's next answer.
    SimSchedule::Handle resendTimer = 0;
    SimSchedule::Handle expireTimer = 0;
    SimSchedule::Handle dpdTimer = 0;
    SimSchedule::Handle stepTimer = 0;
    SimSchedule::Handle behaviourTimer = 0;
};

struct Phase2Handle
{
    std::uint64_t id = 0;
    std::uint64_t phase1 = 0;        // the bound phase 1, 0 when unbound
    std::uint64_t awaitedPhase1 = 0; // the phase 1 being negotiated for this phase 2
    std::shared_ptr<const GatewayConfig> gateway;
    std::uint32_t messageId = 0;
    int status = Phase2Status::Status2;
    std::uint8_t satype = Sadb::SaType::Esp;
    bool tunnel = true;
    SocketAddress src; // SA endpoints: the tunnel ends, or the hosts in transport mode
    SocketAddress dst;
    int sourcePrefix = 32; // of the policy, as status prints the selector
    int destinationPrefix = 32;
    SaSelector request; // what ESTABLISH_SA asked for, to find this handle again
    std::uint32_t spiIn = 0;
    std::uint32_t spiOut = 0;
    std::uint64_t inboundSa = 0;
    std::uint64_t outboundSa = 0;
    std::int64_t quickModeStartMs = 0;
    SimSchedule::Handle resendTimer = 0;
    SimSchedule::Handle expireTimer = 0;
    SimSchedule::Handle stepTimer = 0;
};

// An SA in the simulated kernel: the dump record with what changes over time computed at dump time.
struct SadbEntry
{
    SadbRecord record;
    std::int64_t addedMs = 0;       // wall clock
    std::int64_t trafficFromMs = 0; // 0: no traffic yet
    std::int64_t softSeconds = 0;
    std::int64_t hardSeconds = 0;
};

struct Credentials
{
    QByteArray login;
    QByteArray password;
};

class SimState : public QObject
{
    Q_OBJECT

public:
    // The result of an ESTABLISH_SA: an errno for the reply and the handle a successful versioned request
    // subscribes to (0: none).
    struct Establishment
    {
        int error = 0;
        std::uint64_t handle = 0;
    };

    SimState(SimConfig config, const SimClock& clock, EventHub& events, QObject* parent = nullptr);
    ~SimState() override;

    const SimConfig& config() const { return m_config; }
    const SimClock& clock() const { return m_clock; }
    SimSchedule& schedule() { return m_schedule; }
    const SimSchedule& schedule() const { return m_schedule; }

    // Replaces the configuration (reload-config, SIGHUP). SAs already negotiated stay.
    void reload(SimConfig config);
    // Adds `count` gateways in 198.18.0.0/15, each with an established phase 1 and an ESP phase 2.
    void addBulk(int count);
    // How many gateways --bulk can number, and the address of the one at `index` (0-based):
    // 198.18.0.0 + 1 + index.
    static constexpr int BulkMax = 131070;
    static SocketAddress bulkAddress(int index);
    // The attribute list of a gateway's mode-cfg reply, with the address it assigned (if any).
    static QByteArray modeCfgAttributes(const GatewayConfig& gateway,
                                        const std::optional<SocketAddress>& assigned);

    Establishment establishPhase1(const SaSelector& selector, const QByteArray& remoteName,
                                  const std::optional<Credentials>& credentials);
    Establishment establishPhase2(std::uint16_t proto, const SaSelector& selector);
    // DELETE_SA: purges every phase 1 between the two addresses.
    void deletePhase1(const SaSelector& selector);
    bool hasPhase1To(const SocketAddress& destination) const;
    // DELETE_ALL_SA_DST's teardown, after the caller has replied and subscribed.
    void purgeAllTo(const SocketAddress& destination);
    int logoutUser(const QByteArray& login);
    void flushPhase1();
    // FLUSH_SA for ipsec/ah/esp: the kernel drops those SAs and racoon drops every phase 2 handle.
    void flushSadb(std::uint8_t satype);
    // GET_SA_CERT: ENOENT when no such phase 1, else the certificate (empty when there is none).
    Establishment certificate(const SaSelector& selector, QByteArray& out) const;

    std::vector<Ph1DumpRecord> phase1Dump() const;
    // The SHOW_SA payload for an SADB satype (Unspec: all): the dump or the bare ENOENT message.
    QByteArray sadbDump(std::uint8_t satype);
    std::size_t sadbCount() const { return m_sadb.size(); }

    // Handles newest first, as racoon's lists hold them.
    std::vector<const Phase1Handle*> phase1Handles() const;
    std::vector<const Phase2Handle*> phase2Handles() const;
    const Phase1Handle* phase1(std::uint64_t id) const;
    const SadbEntry* sadbEntry(std::uint64_t id) const;

    // Runs what is due; with a clock that advances by itself a timer does this.
    void runDue();

private:
    struct DynamicPolicy
    {
        PolicyConfig policy;
        std::shared_ptr<const GatewayConfig> gateway;
        std::uint64_t phase1 = 0; // installed with this phase 1's mode-cfg address, removed with it
    };
    struct PolicyMatch
    {
        PolicyConfig policy;
        std::shared_ptr<const GatewayConfig> gateway;
    };

    Phase1Handle* findPhase1(const SocketAddress& local, const SocketAddress& remote);
    Phase1Handle* findPhase1ToGateway(const GatewayConfig& gateway);
    Phase1Handle* mutablePhase1(std::uint64_t id);
    Phase2Handle* mutablePhase2(std::uint64_t id);
    std::optional<PolicyMatch> findPolicy(const SaSelector& selector) const;
    SocketAddress localAddressFor(const SocketAddress& requested, const SocketAddress& remote) const;

    Phase1Handle& beginPhase1(std::shared_ptr<const GatewayConfig> gateway, const SocketAddress& local,
                              const SocketAddress& remote, bool negotiate);
    void setEstablished(Phase1Handle& phase1);
    void phase1Answered(std::uint64_t id);
    void failPhase1(std::uint64_t id, std::uint32_t event);
    void checkXauth(std::uint64_t id);
    void receiveModeCfg(std::uint64_t id);
    void phase1Ready(std::uint64_t id);
    void armPhase1Resend(std::uint64_t id);
    void armDpd(std::uint64_t id);
    void expirePhase1Soft(std::uint64_t id);
    std::optional<SocketAddress> leaseAddress(const GatewayConfig& gateway) const;

    Phase2Handle& createPhase2(std::shared_ptr<const GatewayConfig> gateway, std::uint8_t satype,
                               const PolicyConfig& policy, const SaSelector& request,
                               const SocketAddress& local);
    void startQuickMode(std::uint64_t phase2, std::uint64_t phase1);
    void armPhase2Resend(std::uint64_t id);
    void setPhase2Established(Phase2Handle& phase2);
    void completePhase2(std::uint64_t id);

    // racoon's purge_remote(): the SAs between the peers and their phase 2 handles, then PHASE1_DOWN.
    void purgePhase1(std::uint64_t id);
    // remph1()/delph1() without an announcement (negotiation failures, flush); the kernel keeps the SAs.
    void dropPhase1(std::uint64_t id);
    void releasePhase1(std::uint64_t id);
    void removePhase2(std::uint64_t id, bool deleteSas);
    void refreshSadb();
    std::uint64_t addSa(const Phase2Handle& phase2, bool inbound, std::int64_t addedMs,
                        std::int64_t trafficFromMs);
    void armHousekeeping(std::int64_t tickSeconds, std::size_t slot);
    void armTimer();
    void forgetCredentials();

    SimConfig m_config;
    const SimClock& m_clock;
    EventHub& m_events;
    SimSchedule m_schedule;
    QTimer m_timer;
    std::uint64_t m_nextId = 1;
    std::map<std::uint64_t, Phase1Handle> m_phase1;
    std::map<std::uint64_t, Phase2Handle> m_phase2;
    std::map<std::uint64_t, SadbEntry> m_sadb; // creation order; the kernel dumps the newest first
    std::vector<DynamicPolicy> m_dynamicPolicies;
    // Xauth credentials given with an ESTABLISH_SA_PSK, kept per gateway as racoon keeps them in its
    // remote configuration, for later negotiations (establish-sa esp starting a phase 1).
    std::map<QByteArray, Credentials> m_remembered;
    std::vector<std::shared_ptr<const GatewayConfig>> m_bulkGateways;
    SimSchedule::Handle m_housekeeping[2] = {0, 0};
};

} // namespace qracoon::sim
