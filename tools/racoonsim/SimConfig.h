// racoonsim's configuration: the local address, the gateways it pretends to talk to and the timing of
// their answers. The file format is described in README.md ("Configuration file").
#pragma once

#include "Subnet.h"
#include "core/Result.h"
#include "core/wire/SocketAddress.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <memory>
#include <vector>

namespace qracoon::sim {

// How a gateway answers a phase 1 negotiation.
enum class GatewayBehaviour
{
    Accept,
    NoResponse,
    NoProposal,
    AuthFailed,
    DpdTimeoutAfter, // accepts, then stops answering DPD after `behaviourSeconds`
    PeerDeleteAfter, // accepts, then deletes the phase 1 after `behaviourSeconds`
};

// A security policy: traffic from `local` to `remote` is protected by an SA with the gateway.
struct PolicyConfig
{
    Subnet local;
    Subnet remote;
    bool tunnel = true;
};

struct XauthUser
{
    QByteArray login;
    QByteArray password;
};

struct GatewayConfig
{
    SocketAddress address;
    QByteArray name;  // the racoon.conf remote block name (establish-sa -n NAME)
    QString identity; // the peer identity status prints once phase 1 is up
    GatewayBehaviour behaviour = GatewayBehaviour::Accept;
    int behaviourSeconds = 0;
    bool aggressive = false;
    bool xauth = false;
    std::vector<XauthUser> users;
    bool modeCfg = false; // set by `pool`
    Subnet pool;
    std::uint32_t netmask = 0; // network order
    std::vector<SocketAddress> dns;
    std::vector<SocketAddress> wins;
    std::vector<Subnet> splitNetworks;
    QByteArray domain;
    QByteArray banner;
    QByteArray applicationVersion = QByteArrayLiteral("racoon / IPsec-tools");
    QByteArray certificate; // DER bytes get-sa-cert returns once phase 1 is up; empty: no certificate
    std::vector<PolicyConfig> policies;
    bool dpd = true;
    int dpdInterval = 20;
    bool natTraversal = false;
    int lifetime = 28800;     // phase 1, seconds
    int ipsecLifetime = 3600; // phase 2, seconds

    bool acceptsCredentials(const QByteArray& login, const QByteArray& password) const;
};

// Delays between the steps of a negotiation, in milliseconds (defaults measured on the real transcripts).
struct SimTiming
{
    int phase1 = 120;  // ESTABLISH_SA reply -> PHASE1_UP (or the phase 1 failure)
    int xauth = 40;    // PHASE1_UP -> XAUTH_SUCCESS/FAILED
    int modeCfg = 10;  // Xauth result (or PHASE1_UP without Xauth) -> MODE_CFG
    int teardown = 25; // XAUTH_FAILED -> phase 1 removed
    int phase2 = 150;  // quick mode start -> PHASE2_UP
    int giveUp = 5000; // phase 1 start -> PHASE1_NO_RESPONSE for a silent gateway
};

class SimConfig
{
public:
    SocketAddress local;
    SimTiming timing;
    bool housekeeping = true; // racoon's two periodic timers, so the schedule is never empty
    int trafficPerSecond = 1; // packets of 84 bytes per second and direction on each established SA
    std::uint32_t pid = 0;    // sadb_msg_pid in SADB dumps; 0: racoonsim's own pid
    std::vector<std::shared_ptr<const GatewayConfig>> gateways;

    // `baseDirectory` resolves relative certificate paths.
    static Result<SimConfig> parse(const QByteArray& text, const QString& baseDirectory);
    static Result<SimConfig> load(const QString& path);

    std::shared_ptr<const GatewayConfig> gatewayByAddress(const SocketAddress& address) const;
    std::shared_ptr<const GatewayConfig> gatewayByName(const QByteArray& name) const;
    void addGateway(std::shared_ptr<const GatewayConfig> gateway);

private:
    QHash<QByteArray, qsizetype> m_byAddress; // key: address bytes and family
};

} // namespace qracoon::sim
