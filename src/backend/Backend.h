// The applet's only way to racoon: asynchronous operations and the daemon's event stream, so the GUI
// never touches sockets or wire bytes. DirectBackend talks to the admin socket itself; HelperBackend
// asks the privileged qracoon-helper over D-Bus. Both must behave the same way as described here.
#pragma once

#include "BackendError.h"
#include "XauthCredentials.h"
#include "core/model/IpsecSa.h"
#include "core/model/IsakmpSa.h"
#include "core/model/RacoonEvent.h"
#include "core/model/StatusDocument.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <vector>

namespace qracoon {

// What the backend last learned about racoon from any operation or from the event stream.
enum class DaemonState
{
    Unknown,       // nothing tried yet
    Running,       // the last operation reached racoon
    Absent,        // no socket, nobody listening, or racoon said it quits
    NotAuthorized, // racoon is there but this user may not talk to it
};

// The VPN gateway a connect request is for.
struct GatewayTarget
{
    QString address; // numeric IPv4 address of the peer ("192.0.2.1"), as vpn-connect sends it
    // racoon.conf `remote` block to use; empty: racoon finds it by address. Not sent with Xauth
    // credentials: ESTABLISH_SA_PSK has no room for it, so racoon then also goes by address.
    QByteArray remoteName;
    QString localAddress; // numeric; empty: the backend uses the address that routes to `address`
};

class Backend : public QObject
{
    Q_OBJECT

public:
    // Identifies one operation in requestFinished() and the data signals; never 0.
    using RequestId = quint64;

    explicit Backend(QObject* parent = nullptr);
    ~Backend() override;

    // Says where the backend talks to, for the details pane ("admin socket /run/racoon/racoon.sock").
    virtual QString description() const = 0;
    DaemonState daemonState() const { return m_daemonState; }

    // Each operation returns at once. Every RequestId ends with exactly one requestFinished() (error
    // kind None on success); data signals for the same id come before it.

    // Asks racoon to negotiate phase 1 with the gateway (ESTABLISH_SA isakmp, or ESTABLISH_SA_PSK when
    // `credentials` has a login). Finishes when racoon acknowledged the request; Refused with EEXIST
    // means the phase 1 is already up. Progress arrives as events (PHASE1_UP, XAUTH_*, MODE_CFG,
    // failures). The backend wipes the credentials once the request is encoded.
    virtual RequestId connectGateway(const GatewayTarget& target, XauthCredentials credentials) = 0;
    // Deletes every SA with the gateway (DELETE_ALL_SA_DST isakmp); PHASE1_DOWN events follow.
    virtual RequestId disconnectGateway(const QString& address) = 0;
    // SHOW_SA isakmp -> isakmpSasReceived(); SHOW_SA ipsec -> ipsecSasReceived(); STATUS_VERBOSE in
    // JSON -> statusReceived().
    virtual RequestId refreshIsakmpSas() = 0;
    virtual RequestId refreshIpsecSas() = 0;
    virtual RequestId refreshStatus() = 0;

    // Opens the global event subscription (SHOW_EVT): eventsSubscribed() once racoon accepted it, then
    // eventReceived() per event until eventStreamLost(). The backend does not retry by itself: the
    // caller decides when to subscribe again (the applet backs off while racoon is away).
    virtual void subscribeEvents() = 0;
    virtual void unsubscribeEvents() = 0;
    virtual bool isSubscribed() const = 0;

Q_SIGNALS:
    void daemonStateChanged(qracoon::DaemonState state);
    void requestFinished(qracoon::Backend::RequestId id, const qracoon::BackendError& error);
    void isakmpSasReceived(qracoon::Backend::RequestId id, const std::vector<qracoon::IsakmpSa>& sas);
    // `rejected`: one sentence per SADB message that could not be decoded (the others are in `sas`).
    void ipsecSasReceived(qracoon::Backend::RequestId id, const std::vector<qracoon::IpsecSa>& sas,
                          const QStringList& rejected);
    void statusReceived(qracoon::Backend::RequestId id, const qracoon::StatusDocument& status);
    void eventsSubscribed();
    void eventReceived(const qracoon::RacoonEvent& event);
    // The subscription ended: racoon went away, hung up, or sent something undecodable.
    void eventStreamLost(const qracoon::BackendError& error);

protected:
    RequestId nextRequestId() { return ++m_lastRequestId; }
    // Implementations call this after every operation outcome; it emits daemonStateChanged() on change.
    void setDaemonState(DaemonState state);
    // Updates the daemon state from an error (DaemonAbsent, NotAuthorized) or a success.
    void noteOutcome(const BackendError& error);
    // Ends request `id`: notes its outcome for the daemon state and emits requestFinished().
    void finish(RequestId id, const BackendError& error);
    // A refresh reply's payload, however it travelled: decoded and announced with the data signal, or
    // the decoder's complaint as a Protocol error.
    BackendError deliverIsakmpSas(RequestId id, const char* payload, std::size_t size);
    BackendError deliverIpsecSas(RequestId id, const char* payload, std::size_t size);
    BackendError deliverStatus(RequestId id, const QByteArray& json);

private:
    DaemonState m_daemonState = DaemonState::Unknown;
    RequestId m_lastRequestId = 0;
};

} // namespace qracoon

Q_DECLARE_METATYPE(qracoon::DaemonState)
