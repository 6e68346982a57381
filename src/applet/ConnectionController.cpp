#include "ConnectionController.h"

#include "core/format/EventText.h"

#include <algorithm>
#include <cerrno>

namespace qracoon {

ConnectionController::ConnectionController(GatewayProfile profile, Backend& backend, const Clock& clock,
                                           QObject* parent)
    : QObject(parent), m_profile(std::move(profile)), m_backend(backend), m_clock(clock)
{
    parseAddress();
    connect(&m_backend, &Backend::requestFinished, this, &ConnectionController::onRequestFinished);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ConnectionController::attemptReconnect);
}

void ConnectionController::setReconnectDelays(int firstMs, int maxMs)
{
    m_firstReconnectMs = firstMs;
    m_maxReconnectMs = maxMs;
    m_reconnectDelayMs = firstMs;
}

void ConnectionController::setProfile(const GatewayProfile& profile)
{
    m_profile = profile;
    parseAddress();
    if (!m_profile.reconnect) {
        stopReconnecting();
    }
    Q_EMIT changed();
}

QString ConnectionController::stateText(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting…");
    case State::AwaitingCredentials:
        return tr("Waiting for login");
    case State::Connected:
        return tr("Connected");
    case State::Disconnecting:
        return tr("Disconnecting…");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

std::int64_t ConnectionController::uptime() const
{
    if (m_state != State::Connected || m_connectedSince == 0) {
        return 0;
    }
    return std::max<std::int64_t>(0, m_clock.now() - m_connectedSince);
}

void ConnectionController::parseAddress()
{
    m_host = SocketAddress::fromText(m_profile.address);
    if (m_host && !m_host->isIp()) {
        m_host.reset();
    }
    m_addressKey = m_host ? m_host->toString() : m_profile.address;
}

bool ConnectionController::isGateway(const SocketAddress& address) const
{
    // Compared as addresses, not as text: this runs for every SA of every refresh.
    return address.isIp() && m_host && address.family() == m_host->family() &&
           address.bytes() == m_host->bytes();
}

void ConnectionController::connectToGateway()
{
    if (m_state != State::Disconnected && m_state != State::Failed) {
        return;
    }
    stopReconnecting();
    m_userDisconnected = false;
    startConnect(QString());
}

void ConnectionController::startConnect(const QString& reason)
{
    if (m_state != State::Disconnected && m_state != State::Failed) {
        return;
    }
    m_lastError.clear();
    m_credentialsMessage = reason;
    m_credentialsRejected = false;
    m_xauthSucceeded = false;
    if (m_profile.xauth) {
        setState(State::AwaitingCredentials);
        Q_EMIT credentialsRequired(m_credentialsMessage);
        return;
    }
    sendConnect({});
}

void ConnectionController::disconnectFromGateway()
{
    stopReconnecting();
    m_userDisconnected = true;
    if (m_state == State::AwaitingCredentials) {
        cancelCredentials();
        return;
    }
    if (m_state == State::Disconnecting ||
        (m_state != State::Connected && m_state != State::Connecting && !hasSa())) {
        return;
    }
    m_lastError.clear();
    setState(State::Disconnecting);
    m_disconnectRequest = m_backend.disconnectGateway(m_profile.address);
}

void ConnectionController::provideCredentials(XauthCredentials credentials)
{
    if (m_state != State::AwaitingCredentials) {
        credentials.wipe();
        return;
    }
    if (credentials.isEmpty()) {
        cancelCredentials();
        return;
    }
    sendConnect(std::move(credentials));
}

void ConnectionController::cancelCredentials()
{
    if (m_state != State::AwaitingCredentials) {
        return;
    }
    stopReconnecting();
    m_userDisconnected = true;
    // A phase 1 whose Xauth failed may still be there: cancelling must not leave it half open.
    if (hasSa()) {
        m_backend.disconnectGateway(m_profile.address);
    }
    m_credentialsMessage.clear();
    clearConnectionData();
    setState(State::Disconnected);
}

void ConnectionController::sendConnect(XauthCredentials credentials)
{
    setState(State::Connecting);
    GatewayTarget target;
    target.address = m_profile.address;
    target.remoteName = m_profile.remoteName;
    target.localAddress = m_profile.localAddress;
    m_connectRequest = m_backend.connectGateway(target, std::move(credentials));
}

void ConnectionController::onRequestFinished(Backend::RequestId id, const BackendError& error)
{
    if (id == 0) {
        return;
    }
    if (id == m_connectRequest) {
        m_connectRequest = 0;
        if (m_state != State::Connecting || !error.isError()) {
            return;
        }
        if (error.kind == BackendError::Kind::Refused && error.racoonErrno == EEXIST) {
            // racoon already has an established phase 1 with the gateway.
            becomeConnected();
            return;
        }
        fail(error.message);
    } else if (id == m_disconnectRequest) {
        m_disconnectRequest = 0;
        if (m_state != State::Disconnecting || !error.isError()) {
            return;
        }
        m_lastError = error.message;
        if (hasSa()) {
            setState(State::Connected);
        } else {
            clearConnectionData();
            setState(State::Disconnected);
        }
        Q_EMIT changed();
    }
}

void ConnectionController::handleEvent(const RacoonEvent& event)
{
    if (!isGateway(event.ph1dst)) {
        return;
    }
    switch (event.code) {
    case EventCode::Phase1Up:
        if (m_state == State::Connecting && !m_profile.xauth) {
            becomeConnected();
        }
        break;
    case EventCode::Phase1XauthSuccess:
        m_xauthSucceeded = true;
        if (m_state == State::Connecting) {
            becomeConnected();
        }
        break;
    case EventCode::Phase1XauthFailed:
        m_xauthSucceeded = false;
        if (m_state == State::Connecting || m_state == State::Connected) {
            clearConnectionData();
            // racoon deletes the phase 1 itself; deleting it now keeps the next try from joining it.
            m_backend.disconnectGateway(m_profile.address);
            m_credentialsMessage =
                tr("The gateway rejected the user name or password. Check them and try again.");
            m_credentialsRejected = true;
            setState(State::AwaitingCredentials);
            Q_EMIT credentialsRequired(m_credentialsMessage);
        }
        break;
    case EventCode::Phase1ModeCfg:
        if (event.modeCfg) {
            const ModeCfg& cfg = *event.modeCfg;
            m_assignedAddress = cfg.ip4Address;
            m_dns.clear();
            for (const QHostAddress& dns : cfg.ip4Dns) {
                m_dns.append(dns.toString());
            }
            m_banner = cfg.banner.trimmed();
            m_domain = cfg.defaultDomain;
            m_splitNetworks.clear();
            for (const auto& list : {cfg.ip4Subnets, cfg.splitInclude}) {
                for (const ModeCfg::Network& net : list) {
                    m_splitNetworks.append(
                        net.prefixLength >= 0
                            ? QStringLiteral("%1/%2").arg(net.address.toString()).arg(net.prefixLength)
                            : net.address.toString());
                }
            }
        }
        if (m_state == State::Connecting) {
            becomeConnected();
        }
        Q_EMIT changed();
        Q_EMIT configurationReceived();
        break;
    case EventCode::Phase1Down:
    case EventCode::Phase1PeerDeleted:
    case EventCode::Phase1DpdTimeout:
        if (m_state == State::Disconnecting) {
            clearConnectionData();
            setState(State::Disconnected);
        } else if (m_state == State::Connected) {
            dropped(event.code == EventCode::Phase1Down ? tr("The gateway closed the connection.")
                                                        : eventDescription(event));
        } else if (m_state == State::Connecting) {
            fail(eventDescription(event));
        }
        break;
    case EventCode::Phase1NoResponse:
    case EventCode::Phase1NoProposal:
    case EventCode::Phase1AuthFailed:
        if (m_state == State::Connecting) {
            fail(eventDescription(event));
        }
        break;
    default:
        break;
    }
}

bool ConnectionController::xauthConfirmed() const
{
    if (!m_profile.xauth || m_xauthSucceeded) {
        return true;
    }
    return m_phase1Status && m_phase1Status->xauth && m_phase1Status->xauth->state == QLatin1String("ok");
}

void ConnectionController::updateIsakmpSas(const std::vector<IsakmpSa>& sas)
{
    std::optional<IsakmpSa> found;
    for (const IsakmpSa& sa : sas) {
        if (!isGateway(sa.remote)) {
            continue;
        }
        // Prefer the established phase 1 (a rekey briefly shows two), then the newest.
        if (!found || (sa.isEstablished() && !found->isEstablished()) ||
            (sa.isEstablished() == found->isEstablished() && sa.created > found->created)) {
            found = sa;
        }
    }
    const bool saChanged = found != m_isakmpSa;
    m_isakmpSa = found;
    if (!found) {
        m_phase1Status.reset();
        if (m_state == State::Connected) {
            dropped(tr("racoon no longer has a connection to the gateway."));
        } else if (m_state == State::Disconnecting) {
            clearConnectionData();
            setState(State::Disconnected);
        }
        if (saChanged) {
            Q_EMIT changed();
        }
        return;
    }
    if (found->isEstablished() && xauthConfirmed() &&
        (m_state == State::Disconnected || m_state == State::Connecting)) {
        becomeConnected();
    }
    if (m_state == State::Connected && found->created != 0) {
        m_connectedSince = found->created;
    }
    // A refresh that brings nothing new stays quiet: with thousands of gateways, a signal per gateway per
    // refresh is what would make the window slow.
    if (saChanged) {
        Q_EMIT changed();
    }
}

void ConnectionController::updateIpsecSas(const std::vector<IpsecSa>& sas)
{
    std::uint64_t in = 0;
    std::uint64_t out = 0;
    for (const IpsecSa& sa : sas) {
        if (isGateway(sa.source)) {
            in += sa.current.bytes;
        } else if (isGateway(sa.destination)) {
            out += sa.current.bytes;
        }
    }
    if (in != m_bytesIn || out != m_bytesOut) {
        m_bytesIn = in;
        m_bytesOut = out;
        Q_EMIT changed();
    }
}

QString ConnectionController::statusIndex() const
{
    if (!m_isakmpSa) {
        return {};
    }
    const QByteArray cookies =
        QByteArray(reinterpret_cast<const char*>(m_isakmpSa->initiatorCookie.data()), 8) +
        QByteArray(reinterpret_cast<const char*>(m_isakmpSa->responderCookie.data()), 8);
    return QLatin1String("0x") + QString::fromLatin1(cookies.toHex());
}

void ConnectionController::updatePhase1Status(const StatusDocument::Phase1* found)
{
    const bool had = m_phase1Status.has_value();
    m_phase1Status = found != nullptr ? std::optional<StatusDocument::Phase1>(*found) : std::nullopt;
    if (found != nullptr && found->modeCfg && !m_assignedAddress && !found->modeCfg->addr4.isEmpty()) {
        // Started before the applet (or its mode-cfg event was missed): take what status knows.
        m_assignedAddress = QHostAddress(found->modeCfg->addr4);
        m_dns = found->modeCfg->dns4;
        m_splitNetworks = found->modeCfg->splitInclude;
    }
    if (m_isakmpSa && m_isakmpSa->isEstablished() && xauthConfirmed() &&
        (m_state == State::Disconnected || m_state == State::Connecting)) {
        becomeConnected();
    }
    // Status without this gateway, before and now: nothing to show.
    if (found != nullptr || had) {
        Q_EMIT changed();
    }
}

void ConnectionController::handleDaemonState(DaemonState state)
{
    const DaemonState previous = m_daemonState;
    m_daemonState = state;
    if (state == DaemonState::Running || state == DaemonState::Unknown) {
        // racoon is back: a waiting reconnect need not sit out its backoff.
        if (state == DaemonState::Running && previous != DaemonState::Running &&
            m_reconnectTimer.isActive()) {
            m_reconnectTimer.start(m_firstReconnectMs);
        }
        return;
    }
    m_isakmpSa.reset();
    m_phase1Status.reset();
    if (m_state == State::Disconnected || m_state == State::Failed) {
        clearConnectionData();
        Q_EMIT changed();
        return;
    }
    const bool wasAsking = m_state == State::AwaitingCredentials;
    const bool wasUp = m_state == State::Connected || m_state == State::Connecting;
    const QString reason =
        state == DaemonState::Absent ? tr("racoon stopped.") : tr("You are not allowed to talk to racoon.");
    m_connectRequest = 0;
    m_disconnectRequest = 0;
    m_credentialsMessage.clear();
    if (wasUp && (m_state == State::Connected || m_reconnecting)) {
        dropped(reason);
    } else {
        m_lastError = reason;
        clearConnectionData();
        setState(State::Disconnected);
    }
    if (wasAsking) {
        Q_EMIT credentialsWithdrawn();
    }
}

void ConnectionController::becomeConnected()
{
    stopReconnecting();
    m_lastError.clear();
    m_credentialsMessage.clear();
    if (m_connectedSince == 0) {
        m_connectedSince = m_isakmpSa && m_isakmpSa->created != 0 ? m_isakmpSa->created : m_clock.now();
    }
    setState(State::Connected);
}

void ConnectionController::fail(const QString& message)
{
    m_lastError = message;
    clearConnectionData();
    // Scheduled first, so whoever reacts to Failed already sees when the next attempt comes.
    if (m_reconnecting) {
        scheduleReconnect();
    }
    setState(State::Failed);
}

void ConnectionController::dropped(const QString& reason)
{
    m_lastError = reason;
    clearConnectionData();
    // A list from before the user's disconnect can briefly show the tunnel again; its end is no drop.
    if (m_profile.reconnect && !m_userDisconnected) {
        scheduleReconnect();
    }
    setState(State::Disconnected);
}

void ConnectionController::scheduleReconnect()
{
    m_reconnecting = true;
    m_reconnectTimer.start(m_reconnectDelayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, m_maxReconnectMs);
}

void ConnectionController::stopReconnecting()
{
    m_reconnecting = false;
    m_reconnectTimer.stop();
    m_reconnectDelayMs = m_firstReconnectMs;
}

void ConnectionController::attemptReconnect()
{
    if (!m_reconnecting) {
        return;
    }
    if (m_daemonState == DaemonState::Absent || m_daemonState == DaemonState::NotAuthorized) {
        scheduleReconnect();
        return;
    }
    if (m_state != State::Disconnected && m_state != State::Failed) {
        return;
    }
    startConnect(tr("The connection to %1 dropped. Log in again to reconnect.").arg(m_profile.name));
}

void ConnectionController::clearConnectionData()
{
    m_assignedAddress.reset();
    m_dns.clear();
    m_banner.clear();
    m_domain.clear();
    m_splitNetworks.clear();
    m_connectedSince = 0;
    m_bytesIn = 0;
    m_bytesOut = 0;
}

void ConnectionController::setState(State state)
{
    if (state == m_state) {
        Q_EMIT changed();
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
    Q_EMIT changed();
}

} // namespace qracoon
