// One gateway's connection, as a state machine fed by the user's commands, racoon's events and the
// periodic SA lists:
//
//   Disconnected --connect--> Connecting --(Xauth needed / rejected)--> AwaitingCredentials
//   AwaitingCredentials --credentials--> Connecting;  --cancel--> Disconnected (half-open SA deleted)
//   Connecting --PHASE1_UP (no Xauth) / XAUTH_SUCCESS / MODE_CFG--> Connected
//   Connecting --failure event or refusal--> Failed
//   Connected --disconnect--> Disconnecting --PHASE1_DOWN or SA gone--> Disconnected
//   any --racoon gone--> Disconnected (with the reason as last error)
//
// When the profile asks for it, a tunnel that drops (DPD timeout, peer delete, racoon restart) is
// connected again after a backoff (2 s doubling to 60 s, reset by a connection), until the user
// disconnects or cancels. A reconnect never reuses a password: it asks for credentials again (the
// applet answers from the keychain only for remembered passwords).
//
// The SA lists are the truth: a "connected" gateway without an established phase 1 becomes
// Disconnected at the next list, and an established phase 1 found in the list (made by racoonctl, or
// before the applet started) makes it Connected.
#pragma once

#include "Clock.h"
#include "GatewayProfile.h"
#include "backend/Backend.h"

#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <optional>

namespace qracoon {

class ConnectionController : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Disconnected,
        Connecting,
        AwaitingCredentials,
        Connected,
        Disconnecting,
        Failed,
    };
    Q_ENUM(State)

    ConnectionController(GatewayProfile profile, Backend& backend, const Clock& clock,
                         QObject* parent = nullptr);

    const GatewayProfile& profile() const { return m_profile; }
    // The gateway's address as racoon's replies spell it (2001:db8::1 however the settings wrote it);
    // the settings' text when it is not an IP address.
    const QString& addressKey() const { return m_addressKey; }
    // The user edited the gateway (same address); a connection in progress goes on.
    void setProfile(const GatewayProfile& profile);
    State state() const { return m_state; }
    static QString stateText(State state);
    // The last failure, in words (empty after a clean connect or disconnect).
    const QString& lastError() const { return m_lastError; }
    // Why the credentials are asked for again ("the gateway rejected ..."); empty on the first round.
    const QString& credentialsMessage() const { return m_credentialsMessage; }
    // The gateway rejected the last login: a remembered password must not be tried again by itself.
    bool credentialsRejected() const { return m_credentialsRejected; }

    static constexpr int FirstReconnectMs = 2000;
    static constexpr int MaxReconnectMs = 60000;
    // For tests: shorter delays.
    void setReconnectDelays(int firstMs, int maxMs);
    // A dropped tunnel is being connected again (an attempt is scheduled or under way).
    bool isReconnecting() const { return m_reconnecting; }
    // The wait before the scheduled attempt, and what is left of it (ms); -1 when none is scheduled.
    int reconnectDelay() const { return m_reconnectTimer.isActive() ? m_reconnectTimer.interval() : -1; }
    int reconnectRemaining() const
    {
        return m_reconnectTimer.isActive() ? m_reconnectTimer.remainingTime() : -1;
    }

    // What the gateway handed out and what racoon reports about the connection.
    const std::optional<QHostAddress>& assignedAddress() const { return m_assignedAddress; }
    const QStringList& dnsServers() const { return m_dns; }
    const QString& banner() const { return m_banner; }
    const QString& defaultDomain() const { return m_domain; }
    const QStringList& splitNetworks() const { return m_splitNetworks; }
    // Seconds connected, 0 when not connected.
    std::int64_t uptime() const;
    std::uint64_t bytesIn() const { return m_bytesIn; }
    std::uint64_t bytesOut() const { return m_bytesOut; }
    // The phase 1 with the gateway, if racoon has one, and its status-document entry.
    const std::optional<IsakmpSa>& isakmpSa() const { return m_isakmpSa; }
    const std::optional<StatusDocument::Phase1>& phase1Status() const { return m_phase1Status; }
    bool hasSa() const { return m_isakmpSa.has_value(); }

    // User commands.
    void connectToGateway();
    void disconnectFromGateway();
    // Answers credentialsRequired(); an empty login counts as cancel.
    void provideCredentials(XauthCredentials credentials);
    void cancelCredentials();

    // What the applet learns about racoon.
    void handleEvent(const RacoonEvent& event);
    void updateIsakmpSas(const std::vector<IsakmpSa>& sas);
    void updateIpsecSas(const std::vector<IpsecSa>& sas);
    // What status reports for this gateway's phase 1 (null: nothing). GatewayModel looks it up by
    // statusIndex(), the phase 1's index as status names it ("0x" and the cookies, lower case).
    void updatePhase1Status(const StatusDocument::Phase1* phase1);
    QString statusIndex() const;
    void handleDaemonState(DaemonState state);

    // True when `address` (any port) is this gateway.
    bool isGateway(const SocketAddress& address) const;
    void parseAddress();

Q_SIGNALS:
    void stateChanged(qracoon::ConnectionController::State state);
    // Anything shown about the gateway changed (addresses, counters, errors).
    void changed();
    // Ask the user for the Xauth login; `message` says why when it is not the first round.
    void credentialsRequired(const QString& message);
    // A pending credentials question is moot (racoon went away, the gateway went down).
    void credentialsWithdrawn();
    // mode-cfg finished: an address, maybe a login banner.
    void configurationReceived();

private:
    void setState(State state);
    void fail(const QString& message);
    void startConnect(const QString& reason);
    void scheduleReconnect();
    void stopReconnecting();
    void attemptReconnect();
    // The tunnel went away without the user asking: says why, and reconnects if the profile wants.
    void dropped(const QString& reason);
    void sendConnect(XauthCredentials credentials);
    void onRequestFinished(Backend::RequestId id, const BackendError& error);
    void becomeConnected();
    void clearConnectionData();
    bool xauthConfirmed() const;

    GatewayProfile m_profile;
    std::optional<SocketAddress> m_host; // the profile's address, when it is one
    QString m_addressKey;
    Backend& m_backend;
    const Clock& m_clock;
    State m_state = State::Disconnected;
    QString m_lastError;
    QString m_credentialsMessage;
    Backend::RequestId m_connectRequest = 0;
    Backend::RequestId m_disconnectRequest = 0;

    std::optional<QHostAddress> m_assignedAddress;
    QStringList m_dns;
    QString m_banner;
    QString m_domain;
    QStringList m_splitNetworks;
    std::time_t m_connectedSince = 0;
    std::uint64_t m_bytesIn = 0;
    std::uint64_t m_bytesOut = 0;
    std::optional<IsakmpSa> m_isakmpSa;
    std::optional<StatusDocument::Phase1> m_phase1Status;
    bool m_xauthSucceeded = false;
    bool m_credentialsRejected = false;
    bool m_reconnecting = false;
    bool m_userDisconnected = false;
    QTimer m_reconnectTimer;
    int m_firstReconnectMs = FirstReconnectMs;
    int m_maxReconnectMs = MaxReconnectMs;
    int m_reconnectDelayMs = FirstReconnectMs;
    DaemonState m_daemonState = DaemonState::Unknown;
};

} // namespace qracoon
