#include "SimState.h"

#include "SimLog.h"

#include <QRandomGenerator>
#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>

namespace qracoon::sim {

namespace {

constexpr std::uint16_t IkePort = 500;
constexpr std::uint16_t NatTraversalPort = 4500;
constexpr std::uint8_t UdpEncapEspInUdp = 2;
constexpr int RetryInterval = 10;        // racoon's retry_interval, seconds
constexpr int WaitPhase2Complete = 30;   // racoon's wait_ph2complete, seconds
constexpr int SweepTick = 50;            // retry_counter * retry_interval: sweep_recvdpkt()
constexpr int KeepaliveTick = 20;        // natt_keepalive interval
constexpr int SoftLifetimePercent = 80;  // PFKEY_SOFT_LIFETIME_RATE
constexpr std::uint64_t PacketSize = 84; // one ping, as in the recorded transcripts
constexpr std::uint8_t ReplayWindow = 4;
constexpr std::uint8_t AuthHmacSha1 = 3;
constexpr std::uint8_t EncryptAesCbc = 12;
constexpr int LoginLength = 31; // racoon's LOGINLEN

bool sameHost(const SocketAddress& a, const SocketAddress& b)
{
    return a.family() == b.family() && a.isIp() && a.bytes() == b.bytes();
}

// racoon's cmpsaddr() accepting CMPSADDR_WILDPORT_MATCH: a port of 0 matches any.
bool matchesWildPort(const SocketAddress& wanted, const SocketAddress& have)
{
    return sameHost(wanted, have) && (wanted.port() == 0 || have.port() == 0 || wanted.port() == have.port());
}

SocketAddress withPort(SocketAddress address, std::uint16_t port)
{
    address.setPort(port);
    return address;
}

SocketAddress anyAddressLike(const SocketAddress& address)
{
    if (address.family() == SocketAddress::Family::Inet6) {
        return SocketAddress::ipv6({});
    }
    return SocketAddress::ipv4({});
}

std::array<std::uint8_t, 8> randomCookie()
{
    std::array<std::uint8_t, 8> cookie{};
    QRandomGenerator::global()->generate(cookie.begin(), cookie.end());
    return cookie;
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, '\0');
    for (char& c : out) {
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    return out;
}

// SPIs below 256 are reserved; message id 0 means "no phase 2".
std::uint32_t randomNonZero()
{
    return QRandomGenerator::global()->bounded(0x100u, 0xffffffffu);
}

SocketAddress ipv4FromHost(std::uint32_t host)
{
    const std::uint32_t net = htonl(host);
    std::array<std::uint8_t, 4> bytes{};
    std::memcpy(bytes.data(), &net, 4);
    return SocketAddress::ipv4(bytes);
}

std::uint32_t hostOrder(const SocketAddress& address)
{
    std::uint32_t net = 0;
    std::memcpy(&net, address.bytes().data(), 4);
    return ntohl(net);
}

QByteArray networkBytes(const SocketAddress& address)
{
    return QByteArray(reinterpret_cast<const char*>(address.bytes().data()), 4);
}

} // namespace

SimState::SimState(SimConfig config, const SimClock& clock, EventHub& events, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock), m_events(events), m_schedule(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SimState::runDue);
    if (m_config.housekeeping) {
        // Created in this order, racoon's two idle timers get ids 1 and 2 (see 05-show-schedule-idle).
        armHousekeeping(SweepTick, 0);
        armHousekeeping(KeepaliveTick, 1);
    }
    armTimer();
}

SimState::~SimState()
{
    m_schedule.clear();
    forgetCredentials();
}

void SimState::forgetCredentials()
{
    for (auto& [name, credentials] : m_remembered) {
        secureWipe(credentials.password.data(), static_cast<std::size_t>(credentials.password.size()));
    }
    m_remembered.clear();
}

void SimState::armHousekeeping(std::int64_t tickSeconds, std::size_t slot)
{
    m_housekeeping[slot] =
        m_schedule.addEntry(tickSeconds, [this, tickSeconds, slot] { armHousekeeping(tickSeconds, slot); });
}

void SimState::armTimer()
{
    if (!m_clock.advancesByItself()) {
        return;
    }
    const auto next = m_schedule.nextDueMs();
    if (!next) {
        m_timer.stop();
        return;
    }
    constexpr std::int64_t maxWait = 3600 * 1000;
    m_timer.start(static_cast<int>(std::clamp<std::int64_t>(*next - m_clock.monotonicMs(), 0, maxWait)));
}

void SimState::runDue()
{
    m_schedule.runDue();
    armTimer();
}

void SimState::reload(SimConfig config)
{
    const bool housekeeping = m_config.housekeeping;
    m_config = std::move(config);
    for (const auto& g : m_bulkGateways) {
        m_config.addGateway(g);
    }
    forgetCredentials();
    if (housekeeping != m_config.housekeeping) {
        if (m_config.housekeeping) {
            armHousekeeping(SweepTick, 0);
            armHousekeeping(KeepaliveTick, 1);
        } else {
            m_schedule.cancel(m_housekeeping[0]);
            m_schedule.cancel(m_housekeeping[1]);
        }
    }
    qCInfo(lcSim).noquote() << tr("configuration reloaded: %1 gateways").arg(m_config.gateways.size());
    armTimer();
}

// ---------------------------------------------------------------- lookups

Phase1Handle* SimState::mutablePhase1(std::uint64_t id)
{
    const auto it = m_phase1.find(id);
    return it == m_phase1.end() ? nullptr : &it->second;
}

Phase2Handle* SimState::mutablePhase2(std::uint64_t id)
{
    const auto it = m_phase2.find(id);
    return it == m_phase2.end() ? nullptr : &it->second;
}

const Phase1Handle* SimState::phase1(std::uint64_t id) const
{
    const auto it = m_phase1.find(id);
    return it == m_phase1.end() ? nullptr : &it->second;
}

const SadbEntry* SimState::sadbEntry(std::uint64_t id) const
{
    const auto it = m_sadb.find(id);
    return it == m_sadb.end() ? nullptr : &it->second;
}

// racoon's getph1byaddr(): newest first, skipping dying and expired handles.
Phase1Handle* SimState::findPhase1(const SocketAddress& local, const SocketAddress& remote)
{
    for (auto it = m_phase1.rbegin(); it != m_phase1.rend(); ++it) {
        Phase1Handle& p = it->second;
        if (p.status < Phase1Status::Dying && matchesWildPort(local, p.local) &&
            matchesWildPort(remote, p.remote)) {
            return &p;
        }
    }
    return nullptr;
}

Phase1Handle* SimState::findPhase1ToGateway(const GatewayConfig& gateway)
{
    for (auto it = m_phase1.rbegin(); it != m_phase1.rend(); ++it) {
        Phase1Handle& p = it->second;
        if (p.status < Phase1Status::Dying && sameHost(p.remote, gateway.address)) {
            return &p;
        }
    }
    return nullptr;
}

std::vector<const Phase1Handle*> SimState::phase1Handles() const
{
    std::vector<const Phase1Handle*> out;
    out.reserve(m_phase1.size());
    for (auto it = m_phase1.rbegin(); it != m_phase1.rend(); ++it) {
        out.push_back(&it->second);
    }
    return out;
}

std::vector<const Phase2Handle*> SimState::phase2Handles() const
{
    std::vector<const Phase2Handle*> out;
    out.reserve(m_phase2.size());
    for (auto it = m_phase2.rbegin(); it != m_phase2.rend(); ++it) {
        out.push_back(&it->second);
    }
    return out;
}

std::optional<SimState::PolicyMatch> SimState::findPolicy(const SaSelector& selector) const
{
    const auto matches = [&selector](const PolicyConfig& p) {
        return p.local.contains(selector.src) && p.remote.contains(selector.dst);
    };
    for (const DynamicPolicy& d : m_dynamicPolicies) {
        if (matches(d.policy)) {
            return PolicyMatch{d.policy, d.gateway};
        }
    }
    for (const auto& g : m_config.gateways) {
        for (const PolicyConfig& p : g->policies) {
            if (matches(p)) {
                return PolicyMatch{p, g};
            }
        }
    }
    return std::nullopt;
}

SocketAddress SimState::localAddressFor(const SocketAddress& requested, const SocketAddress& remote) const
{
    if (requested.isIp() && requested.family() == remote.family() &&
        requested.bytes() != anyAddressLike(requested).bytes()) {
        return withPort(requested, 0);
    }
    return m_config.local;
}

// ---------------------------------------------------------------- phase 1

SimState::Establishment SimState::establishPhase1(const SaSelector& selector, const QByteArray& remoteName,
                                                  const std::optional<Credentials>& credentials)
{
    if (Phase1Handle* existing = findPhase1(selector.src, selector.dst)) {
        return {existing->status == Phase1Status::Established ? EEXIST : 0, existing->id};
    }
    const auto gateway =
        remoteName.isEmpty() ? m_config.gatewayByAddress(selector.dst) : m_config.gatewayByName(remoteName);
    if (!gateway) {
        qCWarning(lcSim).noquote() << tr("no configuration found for %1").arg(selector.dst.toString());
        return {-1, 0};
    }
    if (credentials) {
        // Kept like racoon keeps them in the remote configuration: later negotiations reuse them.
        const auto old = m_remembered.find(gateway->name);
        if (old != m_remembered.end()) {
            secureWipe(old->second.password.data(), static_cast<std::size_t>(old->second.password.size()));
        }
        m_remembered[gateway->name] = *credentials;
    }
    qCInfo(lcSim).noquote() << tr("accept a request to establish IKE-SA: %1").arg(selector.dst.toString());
    Phase1Handle& p = beginPhase1(gateway, localAddressFor(selector.src, selector.dst), selector.dst, true);
    const std::uint64_t id = p.id;
    armTimer();
    return {0, id};
}

Phase1Handle& SimState::beginPhase1(std::shared_ptr<const GatewayConfig> gateway, const SocketAddress& local,
                                    const SocketAddress& remote, bool negotiate)
{
    Phase1Handle& p = m_phase1[m_nextId];
    p.id = m_nextId++;
    p.gateway = std::move(gateway);
    p.initiatorCookie = randomCookie();
    p.status = Phase1Status::Msg1Sent;
    p.local = withPort(local, IkePort);
    p.remote = withPort(remote, IkePort);
    if (!negotiate) {
        return p;
    }
    const std::uint64_t id = p.id;
    armPhase1Resend(id);
    const SimTiming& t = m_config.timing;
    switch (p.gateway->behaviour) {
    case GatewayBehaviour::NoResponse:
        p.stepTimer =
            m_schedule.addDelay(t.giveUp, [this, id] { failPhase1(id, EventCode::Phase1NoResponse); });
        break;
    case GatewayBehaviour::NoProposal:
        p.stepTimer =
            m_schedule.addDelay(t.phase1, [this, id] { failPhase1(id, EventCode::Phase1NoProposal); });
        break;
    case GatewayBehaviour::AuthFailed:
        p.stepTimer =
            m_schedule.addDelay(t.phase1, [this, id] { failPhase1(id, EventCode::Phase1AuthFailed); });
        break;
    default:
        p.stepTimer = m_schedule.addDelay(t.phase1, [this, id] { phase1Answered(id); });
        break;
    }
    return p;
}

void SimState::armPhase1Resend(std::uint64_t id)
{
    Phase1Handle* p = mutablePhase1(id);
    if (p == nullptr || p->status >= Phase1Status::Established) {
        return;
    }
    p->resendTimer = m_schedule.addEntry(RetryInterval, [this, id] { armPhase1Resend(id); });
}

void SimState::failPhase1(std::uint64_t id, std::uint32_t event)
{
    Phase1Handle* p = mutablePhase1(id);
    if (p == nullptr) {
        return;
    }
    qCInfo(lcSim).noquote() << tr("phase 1 with %1 failed (event 0x%2)")
                                   .arg(QString::fromStdString(p->remote.endpointText()))
                                   .arg(event, 4, 16, QLatin1Char('0'));
    m_events.phase1Event(id, p->local, p->remote, event);
    dropPhase1(id);
}

void SimState::setEstablished(Phase1Handle& p)
{
    p.status = Phase1Status::Established;
    p.created = m_clock.wallSeconds();
    p.responderCookie = randomCookie();
    p.proposalChosen = true;
    if (p.gateway->natTraversal) {
        p.local.setPort(NatTraversalPort);
        p.remote.setPort(NatTraversalPort);
    }
    m_schedule.cancel(p.resendTimer);
    const std::uint64_t id = p.id;
    p.expireTimer = m_schedule.addEntry(std::int64_t{p.gateway->lifetime} * SoftLifetimePercent / 100,
                                        [this, id] { expirePhase1Soft(id); });
    if (p.gateway->dpd) {
        armDpd(id);
    }
}

void SimState::phase1Answered(std::uint64_t id)
{
    Phase1Handle* p = mutablePhase1(id);
    if (p == nullptr) {
        return;
    }
    setEstablished(*p);
    qCInfo(lcSim).noquote() << tr("ISAKMP-SA established %1-%2")
                                   .arg(QString::fromStdString(p->local.endpointText()),
                                        QString::fromStdString(p->remote.endpointText()));
    const GatewayConfig& g = *p->gateway;
    m_events.phase1Event(id, p->local, p->remote, EventCode::Phase1Up);
    if (!g.modeCfg) {
        // racoon announces "mode configuration done" at once when the remote uses none.
        m_events.phase1Event(id, p->local, p->remote, EventCode::Phase1ModeCfg);
    }
    if (g.behaviour == GatewayBehaviour::DpdTimeoutAfter ||
        g.behaviour == GatewayBehaviour::PeerDeleteAfter) {
        const std::uint32_t event = g.behaviour == GatewayBehaviour::DpdTimeoutAfter
                                        ? EventCode::Phase1DpdTimeout
                                        : EventCode::Phase1PeerDeleted;
        p->behaviourTimer = m_schedule.addDelay(std::int64_t{g.behaviourSeconds} * 1000, [this, id, event] {
            if (Phase1Handle* q = mutablePhase1(id)) {
                if (event == EventCode::Phase1DpdTimeout) {
                    q->dpdFails = 5;
                }
                m_events.phase1Event(id, q->local, q->remote, event);
                purgePhase1(id);
            }
        });
    }
    if (g.xauth) {
        p->stepTimer = m_schedule.addDelay(m_config.timing.xauth, [this, id] { checkXauth(id); });
    } else if (g.modeCfg) {
        p->stepTimer = m_schedule.addDelay(m_config.timing.modeCfg, [this, id] { receiveModeCfg(id); });
    } else {
        phase1Ready(id);
    }
}

void SimState::checkXauth(std::uint64_t id)
{
    Phase1Handle* p = mutablePhase1(id);
    if (p == nullptr) {
        return;
    }
    const GatewayConfig& g = *p->gateway;
    const auto remembered = m_remembered.find(g.name);
    const bool known = remembered != m_remembered.end();
    p->xauthLogin = known ? remembered->second.login : QByteArray();
    if (known && g.acceptsCredentials(remembered->second.login, remembered->second.password)) {
        qCInfo(lcSim).noquote() << tr("Xauth of user \"%1\" succeeded").arg(QString::fromUtf8(p->xauthLogin));
        m_events.phase1Event(id, p->local, p->remote, EventCode::Phase1XauthSuccess);
        if (Phase1Handle* q = mutablePhase1(id); q != nullptr && g.modeCfg) {
            q->stepTimer = m_schedule.addDelay(m_config.timing.modeCfg, [this, id] { receiveModeCfg(id); });
        } else {
            phase1Ready(id);
        }
        return;
    }
    qCInfo(lcSim).noquote() << tr("Xauth of user \"%1\" failed").arg(QString::fromUtf8(p->xauthLogin));
    m_events.phase1Event(id, p->local, p->remote, EventCode::Phase1XauthFailed);
    // The gateway refuses; racoon then deletes the phase 1 without announcing PHASE1_DOWN.
    if (Phase1Handle* q = mutablePhase1(id)) {
        q->stepTimer = m_schedule.addDelay(m_config.timing.teardown, [this, id] { dropPhase1(id); });
    }
}

std::optional<SocketAddress> SimState::leaseAddress(const GatewayConfig& gateway) const
{
    const std::uint32_t network = hostOrder(gateway.pool.address());
    const std::uint32_t size = std::uint32_t{1} << (32 - gateway.pool.prefixLength());
    for (std::uint32_t host = 1; host + 1 < size; ++host) {
        const SocketAddress candidate = ipv4FromHost(network + host);
        const bool taken = std::any_of(m_phase1.begin(), m_phase1.end(), [&](const auto& entry) {
            return entry.second.assignedAddress && sameHost(*entry.second.assignedAddress, candidate);
        });
        if (!taken) {
            return candidate;
        }
    }
    return std::nullopt;
}

// In the order the recorded racoon gateway sends them.
QByteArray SimState::modeCfgAttributes(const GatewayConfig& g, const std::optional<SocketAddress>& assigned)
{
    QByteArray out;
    if (assigned) {
        ReplyEncoder::appendAttribute(out, ModeCfgAttr::InternalIp4Address, networkBytes(*assigned));
    }
    ReplyEncoder::appendAttribute(out, ModeCfgAttr::InternalIp4Netmask,
                                  QByteArray(reinterpret_cast<const char*>(&g.netmask), 4));
    for (const SocketAddress& dns : g.dns) {
        ReplyEncoder::appendAttribute(out, ModeCfgAttr::InternalIp4Dns, networkBytes(dns));
    }
    for (const SocketAddress& wins : g.wins) {
        ReplyEncoder::appendAttribute(out, ModeCfgAttr::InternalIp4Nbns, networkBytes(wins));
    }
    if (!g.banner.isEmpty()) {
        ReplyEncoder::appendAttribute(out, ModeCfgAttr::UnityBanner, g.banner);
    }
    if (!g.domain.isEmpty()) {
        ReplyEncoder::appendAttribute(out, ModeCfgAttr::UnityDefDomain, g.domain);
        ReplyEncoder::appendAttribute(out, ModeCfgAttr::UnitySplitDns, g.domain + '\0');
    }
    if (!g.splitNetworks.empty()) {
        // Cisco Unity ACL entries: address, mask, then protocol and ports (all zero: any).
        QByteArray acl;
        for (const Subnet& net : g.splitNetworks) {
            const std::uint32_t mask = net.ipv4Mask();
            acl.append(networkBytes(net.address()));
            acl.append(reinterpret_cast<const char*>(&mask), 4);
            acl.append(6, '\0');
        }
        ReplyEncoder::appendAttribute(out, ModeCfgAttr::UnitySplitInclude, acl);
    }
    if (!g.applicationVersion.isEmpty()) {
        ReplyEncoder::appendAttribute(out, ModeCfgAttr::ApplicationVersion, g.applicationVersion);
    }
    return out;
}

void SimState::receiveModeCfg(std::uint64_t id)
{
    Phase1Handle* p = mutablePhase1(id);
    if (p == nullptr) {
        return;
    }
    const GatewayConfig& g = *p->gateway;
    p->assignedAddress = leaseAddress(g);
    if (!p->assignedAddress) {
        qCWarning(lcSim).noquote() << tr("the address pool %1 is exhausted").arg(g.pool.toString());
    } else {
        qCInfo(lcSim).noquote() << tr("mode-cfg: %1 bound to %2")
                                       .arg(p->assignedAddress->toString(), QString::fromUtf8(p->xauthLogin));
        // What racoon's phase1-up script installs: the assigned address to every split network.
        for (const Subnet& net : g.splitNetworks) {
            m_dynamicPolicies.push_back(
                {PolicyConfig{Subnet(*p->assignedAddress, 32), net, true}, p->gateway, id});
        }
    }
    m_events.phase1Event(id, p->local, p->remote, EventCode::Phase1ModeCfg,
                         modeCfgAttributes(g, p->assignedAddress));
    phase1Ready(id);
}

void SimState::phase1Ready(std::uint64_t id)
{
    Phase1Handle* p = mutablePhase1(id);
    if (p == nullptr) {
        return;
    }
    p->ready = true;
    std::vector<std::uint64_t> waiting;
    for (const auto& [key, phase2] : m_phase2) {
        if (phase2.awaitedPhase1 == id) {
            waiting.push_back(key);
        }
    }
    for (const std::uint64_t phase2 : waiting) {
        startQuickMode(phase2, id);
    }
}

void SimState::armDpd(std::uint64_t id)
{
    if (Phase1Handle* p = mutablePhase1(id)) {
        p->dpdTimer = m_schedule.addEntry(p->gateway->dpdInterval, [this, id] { armDpd(id); });
    }
}

void SimState::expirePhase1Soft(std::uint64_t id)
{
    Phase1Handle* p = mutablePhase1(id);
    if (p == nullptr) {
        return;
    }
    p->status = Phase1Status::Dying;
    p->expireTimer =
        m_schedule.addEntry(std::int64_t{p->gateway->lifetime} * (100 - SoftLifetimePercent) / 100,
                            [this, id] { purgePhase1(id); });
}

// ---------------------------------------------------------------- phase 2

Phase2Handle& SimState::createPhase2(std::shared_ptr<const GatewayConfig> gateway, std::uint8_t satype,
                                     const PolicyConfig& policy, const SaSelector& request,
                                     const SocketAddress& local)
{
    Phase2Handle& q = m_phase2[m_nextId];
    q.id = m_nextId++;
    q.gateway = std::move(gateway);
    q.satype = satype;
    q.tunnel = policy.tunnel;
    q.request = request;
    // Tunnel mode: the SA runs between the tunnel ends; transport mode: between the hosts themselves.
    q.src = policy.tunnel ? withPort(local, 0) : withPort(request.src, 0);
    q.dst = policy.tunnel ? withPort(q.gateway->address, 0) : withPort(request.dst, 0);
    q.sourcePrefix = policy.local.prefixLength();
    q.destinationPrefix = policy.remote.prefixLength();
    return q;
}

SimState::Establishment SimState::establishPhase2(std::uint16_t proto, const SaSelector& selector)
{
    const std::uint8_t satype = proto == AdminProto::Ah ? Sadb::SaType::Ah : Sadb::SaType::Esp;
    const auto match = findPolicy(selector);
    if (!match) {
        qCInfo(lcSim).noquote() << tr("no outbound policy found: %1/%2 -> %3/%4")
                                       .arg(selector.src.toString())
                                       .arg(selector.prefs)
                                       .arg(selector.dst.toString())
                                       .arg(selector.prefd);
        return {ENOENT, 0};
    }
    for (const auto& [key, q] : m_phase2) {
        if (q.satype == satype && q.status < Phase2Status::Expired && sameHost(q.request.src, selector.src) &&
            sameHost(q.request.dst, selector.dst)) {
            return {q.status == Phase2Status::Established ? EEXIST : 0, key};
        }
    }
    Phase1Handle* p = findPhase1ToGateway(*match->gateway);
    const SocketAddress local = p != nullptr ? withPort(p->local, 0) : m_config.local;
    Phase2Handle& q = createPhase2(match->gateway, satype, match->policy, selector, local);
    const std::uint64_t id = q.id;
    if (p == nullptr) {
        const auto remembered = m_remembered.find(match->gateway->name);
        p = &beginPhase1(match->gateway, local, match->gateway->address, true);
        if (remembered == m_remembered.end() && match->gateway->xauth) {
            qCInfo(lcSim).noquote()
                << tr("no Xauth credentials known for %1 yet").arg(match->gateway->address.toString());
        }
    }
    if (p->ready) {
        startQuickMode(id, p->id);
    } else {
        q.awaitedPhase1 = p->id;
    }
    armTimer();
    return {0, id};
}

void SimState::startQuickMode(std::uint64_t phase2, std::uint64_t phase1)
{
    Phase2Handle* q = mutablePhase2(phase2);
    Phase1Handle* p = mutablePhase1(phase1);
    if (q == nullptr || p == nullptr) {
        return;
    }
    q->awaitedPhase1 = 0;
    q->phase1 = phase1;
    ++p->phase2Count;
    q->messageId = randomNonZero();
    q->status = Phase2Status::Msg1Sent;
    q->spiIn = randomNonZero();
    q->quickModeStartMs = m_clock.wallMs();
    armPhase2Resend(phase2);
    q->expireTimer = m_schedule.addEntry(WaitPhase2Complete, [this, phase2] { removePhase2(phase2, false); });
    q->stepTimer = m_schedule.addDelay(m_config.timing.phase2, [this, phase2] { completePhase2(phase2); });
}

void SimState::armPhase2Resend(std::uint64_t id)
{
    Phase2Handle* q = mutablePhase2(id);
    if (q == nullptr || q->status >= Phase2Status::Established) {
        return;
    }
    q->resendTimer = m_schedule.addEntry(RetryInterval, [this, id] { armPhase2Resend(id); });
}

std::uint64_t SimState::addSa(const Phase2Handle& q, bool inbound, std::int64_t addedMs,
                              std::int64_t trafficFromMs)
{
    SadbEntry e;
    SadbRecord& r = e.record;
    r.satype = q.satype;
    r.spi = inbound ? q.spiIn : q.spiOut;
    r.replay = ReplayWindow;
    r.authAlgorithm = AuthHmacSha1;
    r.authKey = randomBytes(20);
    if (q.satype == Sadb::SaType::Esp) {
        r.encryptAlgorithm = EncryptAesCbc;
        r.encryptKey = randomBytes(32);
    }
    r.src = inbound ? q.dst : q.src;
    r.dst = inbound ? q.src : q.dst;
    r.prefixLength = q.src.family() == SocketAddress::Family::Inet6 ? 128 : 32;
    r.mode = q.tunnel ? Sadb::Mode::Tunnel : Sadb::Mode::Transport;
    if (q.tunnel) {
        r.proxy = anyAddressLike(q.src);
    }
    if (q.gateway->natTraversal && q.satype == Sadb::SaType::Esp) {
        r.natType = UdpEncapEspInUdp;
        r.natSourcePort = NatTraversalPort;
        r.natDestinationPort = NatTraversalPort;
    }
    e.hardSeconds = q.gateway->ipsecLifetime;
    e.softSeconds = e.hardSeconds * SoftLifetimePercent / 100;
    r.hard = SadbLifetimeValues{0, 0, static_cast<std::uint64_t>(e.hardSeconds), 0};
    r.soft = SadbLifetimeValues{0, 0, static_cast<std::uint64_t>(e.softSeconds), 0};
    e.addedMs = addedMs;
    e.trafficFromMs = trafficFromMs;
    const std::uint64_t id = m_nextId++;
    m_sadb.emplace(id, std::move(e));
    return id;
}

void SimState::setPhase2Established(Phase2Handle& q)
{
    q.status = Phase2Status::Established;
    q.spiOut = randomNonZero();
    m_schedule.cancel(q.resendTimer);
    m_schedule.cancel(q.expireTimer);
    const std::uint64_t id = q.id;
    q.expireTimer = m_schedule.addEntry(q.gateway->ipsecLifetime, [this, id] { removePhase2(id, false); });
    // racoon adds the inbound SA when quick mode starts (GETSPI) and the outbound one when it completes.
    const std::int64_t now = m_clock.wallMs();
    q.inboundSa = addSa(q, true, q.quickModeStartMs, now);
    q.outboundSa = addSa(q, false, now, now);
}

void SimState::completePhase2(std::uint64_t id)
{
    Phase2Handle* q = mutablePhase2(id);
    if (q == nullptr) {
        return;
    }
    setPhase2Established(*q);
    const Phase1Handle* p = phase1(q->phase1);
    qCInfo(lcSim).noquote() << tr("IPsec-SA established: %1 -> %2 spi in 0x%3 out 0x%4")
                                   .arg(q->src.toString(), q->dst.toString())
                                   .arg(q->spiIn, 8, 16, QLatin1Char('0'))
                                   .arg(q->spiOut, 8, 16, QLatin1Char('0'));
    m_events.phase2Event(id, q->phase1, p != nullptr ? p->local : SocketAddress(),
                         p != nullptr ? p->remote : SocketAddress(), q->messageId, EventCode::Phase2Up);
}

// ---------------------------------------------------------------- teardown

void SimState::removePhase2(std::uint64_t id, bool deleteSas)
{
    Phase2Handle* q = mutablePhase2(id);
    if (q == nullptr) {
        return;
    }
    if (Phase1Handle* p = mutablePhase1(q->phase1)) {
        --p->phase2Count;
    }
    if (deleteSas) {
        m_sadb.erase(q->inboundSa);
        m_sadb.erase(q->outboundSa);
    }
    m_schedule.cancel(q->resendTimer);
    m_schedule.cancel(q->expireTimer);
    m_schedule.cancel(q->stepTimer);
    m_phase2.erase(id);
    m_events.releasePhase2(id);
}

void SimState::releasePhase1(std::uint64_t id)
{
    Phase1Handle* p = mutablePhase1(id);
    if (p == nullptr) {
        return;
    }
    for (const SimSchedule::Handle h :
         {p->resendTimer, p->expireTimer, p->dpdTimer, p->stepTimer, p->behaviourTimer}) {
        m_schedule.cancel(h);
    }
    std::vector<std::uint64_t> leftovers;
    for (const auto& [key, q] : m_phase2) {
        if (q.phase1 == id || q.awaitedPhase1 == id) {
            leftovers.push_back(key);
        }
    }
    for (const std::uint64_t q : leftovers) {
        removePhase2(q, false);
    }
    m_dynamicPolicies.erase(std::remove_if(m_dynamicPolicies.begin(), m_dynamicPolicies.end(),
                                           [id](const DynamicPolicy& d) { return d.phase1 == id; }),
                            m_dynamicPolicies.end());
    m_phase1.erase(id);
    m_events.releasePhase1(id);
}

void SimState::dropPhase1(std::uint64_t id)
{
    releasePhase1(id);
    armTimer();
}

void SimState::purgePhase1(std::uint64_t id)
{
    Phase1Handle* p = mutablePhase1(id);
    if (p == nullptr) {
        return;
    }
    p->status = Phase1Status::Expired;
    const SocketAddress local = p->local;
    const SocketAddress remote = p->remote;
    std::vector<std::uint64_t> doomed;
    for (const auto& [key, entry] : m_sadb) {
        const SadbRecord& r = entry.record;
        if ((sameHost(r.src, local) && sameHost(r.dst, remote)) ||
            (sameHost(r.src, remote) && sameHost(r.dst, local))) {
            doomed.push_back(key);
        }
    }
    for (const std::uint64_t sa : doomed) {
        m_sadb.erase(sa);
        for (const auto& [key, q] : m_phase2) {
            if (q.inboundSa == sa || q.outboundSa == sa) {
                removePhase2(key, true);
                break;
            }
        }
    }
    qCInfo(lcSim).noquote() << tr("ISAKMP-SA deleted %1-%2")
                                   .arg(QString::fromStdString(local.endpointText()),
                                        QString::fromStdString(remote.endpointText()));
    m_events.phase1Event(id, local, remote, EventCode::Phase1Down);
    releasePhase1(id);
    armTimer();
}

void SimState::deletePhase1(const SaSelector& selector)
{
    std::vector<std::uint64_t> matching;
    for (auto it = m_phase1.rbegin(); it != m_phase1.rend(); ++it) {
        if (matchesWildPort(selector.src, it->second.local) &&
            matchesWildPort(selector.dst, it->second.remote)) {
            matching.push_back(it->first);
        }
    }
    for (const std::uint64_t id : matching) {
        purgePhase1(id);
    }
}

bool SimState::hasPhase1To(const SocketAddress& destination) const
{
    return std::any_of(m_phase1.begin(), m_phase1.end(), [&](const auto& entry) {
        return entry.second.status < Phase1Status::Dying && matchesWildPort(destination, entry.second.remote);
    });
}

void SimState::purgeAllTo(const SocketAddress& destination)
{
    for (;;) {
        std::uint64_t found = 0;
        for (auto it = m_phase1.rbegin(); it != m_phase1.rend(); ++it) {
            if (it->second.status < Phase1Status::Dying && matchesWildPort(destination, it->second.remote)) {
                found = it->first;
                break;
            }
        }
        if (found == 0) {
            return;
        }
        purgePhase1(found);
    }
}

int SimState::logoutUser(const QByteArray& login)
{
    std::vector<std::uint64_t> matching;
    for (const auto& [key, p] : m_phase1) {
        if (p.status < Phase1Status::Expired && !p.xauthLogin.isEmpty() &&
            p.xauthLogin.left(LoginLength) == login.left(LoginLength)) {
            matching.push_back(key);
        }
    }
    for (const std::uint64_t id : matching) {
        purgePhase1(id);
    }
    qCInfo(lcSim).noquote()
        << tr("deleted %1 SA for user \"%2\"").arg(matching.size()).arg(QString::fromUtf8(login));
    return static_cast<int>(matching.size());
}

void SimState::flushPhase1()
{
    std::vector<std::uint64_t> all;
    for (const auto& [key, p] : m_phase1) {
        all.push_back(key);
    }
    for (const std::uint64_t id : all) {
        releasePhase1(id);
    }
    armTimer();
}

void SimState::flushSadb(std::uint8_t satype)
{
    for (auto it = m_sadb.begin(); it != m_sadb.end();) {
        it = (satype == Sadb::SaType::Unspec || it->second.record.satype == satype) ? m_sadb.erase(it)
                                                                                    : std::next(it);
    }
    std::vector<std::uint64_t> all;
    for (const auto& [key, q] : m_phase2) {
        all.push_back(key);
    }
    for (const std::uint64_t id : all) {
        removePhase2(id, false);
    }
    armTimer();
}

SimState::Establishment SimState::certificate(const SaSelector& selector, QByteArray& out) const
{
    out.clear();
    for (auto it = m_phase1.rbegin(); it != m_phase1.rend(); ++it) {
        const Phase1Handle& p = it->second;
        if (p.status < Phase1Status::Dying && matchesWildPort(selector.src, p.local) &&
            matchesWildPort(selector.dst, p.remote)) {
            if (p.status == Phase1Status::Established) {
                out = p.gateway->certificate;
            }
            return {0, p.id};
        }
    }
    return {ENOENT, 0};
}

// ---------------------------------------------------------------- dumps

std::vector<Ph1DumpRecord> SimState::phase1Dump() const
{
    std::vector<Ph1DumpRecord> out;
    out.reserve(m_phase1.size());
    for (auto it = m_phase1.rbegin(); it != m_phase1.rend(); ++it) {
        const Phase1Handle& p = it->second;
        Ph1DumpRecord r;
        r.initiatorCookie = p.initiatorCookie;
        r.responderCookie = p.responderCookie;
        r.status = p.status;
        r.side = 0;
        r.remote = p.remote;
        r.local = p.local;
        r.version = 0x10;
        r.exchangeType = p.gateway->aggressive ? 4 : 2;
        r.created = p.created;
        r.ph2Count = p.phase2Count;
        out.push_back(r);
    }
    return out;
}

// The kernel drops an SA at its hard lifetime by itself.
void SimState::refreshSadb()
{
    const std::int64_t now = m_clock.wallMs();
    for (auto it = m_sadb.begin(); it != m_sadb.end();) {
        it = now - it->second.addedMs >= it->second.hardSeconds * 1000 ? m_sadb.erase(it) : std::next(it);
    }
}

QByteArray SimState::sadbDump(std::uint8_t satype)
{
    refreshSadb();
    const std::int64_t now = m_clock.wallMs();
    std::vector<SadbEntry*> selected;
    std::size_t sizeHint = 0;
    for (auto it = m_sadb.rbegin(); it != m_sadb.rend(); ++it) {
        if (satype == Sadb::SaType::Unspec || it->second.record.satype == satype) {
            selected.push_back(&it->second);
            sizeHint += ReplyEncoder::sadbMessageSizeHint(it->second.record);
        }
    }
    if (selected.empty()) {
        return ReplyEncoder::emptySadbDump(satype, m_config.pid);
    }
    QByteArray out;
    out.reserve(static_cast<qsizetype>(sizeHint));
    auto seq = static_cast<std::uint32_t>(selected.size());
    for (SadbEntry* e : selected) {
        SadbRecord& r = e->record;
        std::uint64_t packets = 0;
        if (e->trafficFromMs > 0 && now > e->trafficFromMs) {
            packets = static_cast<std::uint64_t>(now - e->trafficFromMs) *
                      static_cast<std::uint64_t>(m_config.trafficPerSecond) / 1000;
        }
        SadbLifetimeValues current;
        current.allocations = static_cast<std::uint32_t>(packets);
        current.bytes = packets * PacketSize;
        current.addtime = static_cast<std::uint64_t>(e->addedMs / 1000);
        current.usetime = packets > 0 ? static_cast<std::uint64_t>(e->trafficFromMs / 1000) : 0;
        r.current = current;
        r.state = now - e->addedMs >= e->softSeconds * 1000 ? Sadb::SaState::Dying : Sadb::SaState::Mature;
        ReplyEncoder::appendSadbMessage(out, r, --seq, m_config.pid);
    }
    return out;
}

// ---------------------------------------------------------------- bulk

SocketAddress SimState::bulkAddress(int index)
{
    // 198.18.0.0/15 is reserved for benchmarks (RFC 2544): BulkMax usable addresses.
    constexpr std::uint32_t base = (198u << 24) | (18u << 16);
    return ipv4FromHost(base + static_cast<std::uint32_t>(index) + 1);
}

void SimState::addBulk(int count)
{
    count = std::clamp(count, 0, BulkMax);
    const std::int64_t now = m_clock.wallMs();
    for (int i = 0; i < count; ++i) {
        auto g = std::make_shared<GatewayConfig>();
        g->address = bulkAddress(i);
        g->name = "bulk-" + QByteArray::number(i + 1);
        g->identity = g->address.toString();
        g->dpd = false;
        const PolicyConfig policy{
            Subnet(m_config.local, m_config.local.family() == SocketAddress::Family::Inet ? 32 : 128),
            Subnet(g->address, 32), true};
        g->policies.push_back(policy);
        m_bulkGateways.push_back(g);
        m_config.addGateway(g);

        Phase1Handle& p = beginPhase1(g, m_config.local, g->address, false);
        setEstablished(p);
        p.ready = true;
        SaSelector selector;
        selector.src = m_config.local;
        selector.dst = g->address;
        Phase2Handle& q = createPhase2(g, Sadb::SaType::Esp, policy, selector, m_config.local);
        q.phase1 = p.id;
        ++p.phase2Count;
        q.messageId = randomNonZero();
        q.spiIn = randomNonZero();
        q.quickModeStartMs = now;
        setPhase2Established(q);
    }
    qCInfo(lcSim).noquote()
        << tr("bulk: %1 gateways with an established phase 1 and phase 2 (%2 SADB entries)")
               .arg(count)
               .arg(m_sadb.size());
    armTimer();
}

} // namespace qracoon::sim
