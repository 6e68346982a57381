// qracoon-helper's D-Bus object: org.qracoon.Helper1 at /org/qracoon/Helper1 on the system bus. Each
// method checks its arguments, asks polkit about the sender's unique bus name, then sends one request to
// the racoon socket named in the helper's own configuration and returns racoon's answer. Replies are
// delayed, never blocking: the helper keeps serving others while polkit or racoon think.
//
// Every method that talks to racoon returns racoon's errno first (0 = success, 17 = EEXIST, -1 = racoon's
// generic failure); D-Bus errors (HelperInterface.h) mean the request never got an answer from racoon.
#pragma once

#include "CallerRegistry.h"
#include "HelperConfig.h"
#include "PolkitAuthority.h"
#include "RacoonEventFeed.h"
#include "core/client/AdminClient.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QMultiHash>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace qracoon::helper {

class HelperService : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.qracoon.Helper1")

public:
    HelperService(const HelperConfig& config, const QDBusConnection& bus, QObject* parent = nullptr);
    ~HelperService() override;

    // Exports the object and takes the service name; fails when another helper owns it.
    Result<bool> registerOnBus();

Q_SIGNALS:
    // Nobody called and nobody subscribed for the configured idle time; the name is already released.
    void idle();

    // The D-Bus signals, declared here so that introspection lists them. They are never emitted through
    // Qt: sendToSubscribers() addresses each one to a subscriber, so that only authorized callers see them.
    Q_SCRIPTABLE void Event(uint code, qlonglong timestamp, const QString& localAddress, quint16 localPort,
                            const QString& remoteAddress, quint16 remotePort, uint phase2MessageId,
                            const QByteArray& attributes);
    Q_SCRIPTABLE void DaemonUp();
    Q_SCRIPTABLE void DaemonDown(const QString& reason);

public Q_SLOTS:
    // ESTABLISH_SA isakmp (ESTABLISH_SA_PSK with a login) from `localAddress` (empty: the address that
    // routes to the gateway) to `gateway`. `remoteName` selects a racoon.conf remote block (not with a
    // login).
    Q_SCRIPTABLE int ConnectGateway(const QString& gateway, const QString& localAddress,
                                    const QString& remoteName, const QString& xauthLogin,
                                    const QByteArray& password);
    // DELETE_ALL_SA_DST isakmp.
    Q_SCRIPTABLE int DisconnectGateway(const QString& gateway);
    // ESTABLISH_SA for isakmp, esp or ah; `remoteName` for isakmp only.
    Q_SCRIPTABLE int EstablishSa(const QString& protocol, const QString& source, quint16 sourcePort,
                                 uchar sourcePrefix, const QString& destination, quint16 destinationPort,
                                 uchar destinationPrefix, uchar upperLayerProtocol,
                                 const QString& remoteName);
    Q_SCRIPTABLE int DeleteSa(const QString& protocol, const QString& source, quint16 sourcePort,
                              uchar sourcePrefix, const QString& destination, quint16 destinationPort,
                              uchar destinationPrefix, uchar upperLayerProtocol);
    Q_SCRIPTABLE int FlushSa(const QString& protocol);
    Q_SCRIPTABLE int ReloadConfig();
    Q_SCRIPTABLE int LogoutUser(const QString& login);
    // SHOW_SA: the reply payload as racoon sent it (decode it with core/decode), except that PF_KEY key
    // material is zeroed (SadbKeyRedactor).
    Q_SCRIPTABLE int ShowSa(const QString& protocol, QByteArray& payload);
    Q_SCRIPTABLE int ShowSchedule(QByteArray& payload);
    // STATUS or STATUS_VERBOSE; `format` is "text" or "json".
    Q_SCRIPTABLE int Status(bool verbose, const QString& format, QString& document);
    // GET_SA_CERT: the peer certificate of the phase 1 between the two addresses (usually DER).
    Q_SCRIPTABLE int GetCertificate(const QString& source, const QString& destination,
                                    QByteArray& certificate);
    // Starts the Event/DaemonUp/DaemonDown signals for the caller (until Unsubscribe or it leaves the
    // bus). The current daemon state follows the reply as DaemonUp or DaemonDown once known.
    Q_SCRIPTABLE void Subscribe();
    Q_SCRIPTABLE void Unsubscribe();

private:
    using ReplyBuilder = std::function<QVariantList(const AdminFrame&)>;
    struct PendingRequest;

    // Delays the reply of the current call and runs it through authorization and racoon.
    void handle(const char* action, Result<AdminRequest> request, ReplyBuilder buildReply);
    // Resolves the caller, counts the request, asks polkit; runs `onAuthorized` with the caller's uid or
    // replies with the error. After `onAuthorized` the caller owns the counted request (see finish()).
    void authorize(const QDBusMessage& call, const char* action, std::function<void(uint)> onAuthorized);
    void forward(const std::shared_ptr<PendingRequest>& pending);
    // Sends the reply of a counted request and uncounts it.
    void finish(const QDBusMessage& call, const QDBusMessage& reply);
    QDBusMessage errorReply(const QDBusMessage& call, const char* name, const QString& message) const;
    QDBusMessage adminErrorReply(const QDBusMessage& call, const AdminError& error) const;

    void sendToSubscribers(const char* signal, const QVariantList& arguments, const QStringList& names);
    void sendDaemonState(const QStringList& names);
    void onEvent(const RacoonEvent& event);
    void onCallerVanished(const QString& name);
    void updateFeed();
    void updateIdleTimer();
    void retire();

    HelperConfig m_config;
    QDBusConnection m_bus;
    AdminClient m_client;
    PolkitAuthority m_polkit;
    CallerRegistry m_callers;
    RacoonEventFeed m_feed;
    QTimer m_idleTimer;
    // polkit checks still running, by caller, to cancel them when the caller leaves.
    QMultiHash<QString, QString> m_pendingChecks;
    // Calls whose caller is still being looked up: not yet counted by m_callers, but not idle either.
    int m_unresolvedCalls = 0;
    bool m_retiring = false;
};

} // namespace qracoon::helper
