// The backend that talks to racoon's admin socket itself: for users who may open the socket (root, or
// a group racoon.conf's `adminsock` grants it to).
#pragma once

#include "Backend.h"
#include "core/client/AdminClient.h"

#include <QPointer>
#include <functional>

namespace qracoon {

class DirectBackend : public Backend
{
    Q_OBJECT

public:
    explicit DirectBackend(const QString& socketPath, QObject* parent = nullptr);
    ~DirectBackend() override;

    QString description() const override;
    const QString& socketPath() const { return m_client.socketPath(); }
    // How long one request may take (connection and reply); the event stream has no limit.
    void setTimeout(int milliseconds) { m_client.setTimeout(milliseconds); }

    RequestId connectGateway(const GatewayTarget& target, XauthCredentials credentials) override;
    RequestId disconnectGateway(const QString& address) override;
    RequestId refreshIsakmpSas() override;
    RequestId refreshIpsecSas() override;
    RequestId refreshStatus() override;

    void subscribeEvents() override;
    void unsubscribeEvents() override;
    bool isSubscribed() const override { return !m_eventCall.isNull(); }

    // Maps a transport failure onto the cases the applet distinguishes.
    static BackendError errorFromAdmin(const AdminError& error);
    // The error for a reply frame with a non-zero errno.
    static BackendError errorFromReply(int errorCode);

private:
    using ReplyHandler = std::function<BackendError(RequestId, const AdminFrame&)>;

    // Sends `request` and finishes `id` when its reply arrived (or failed), after `onReply` ran.
    void send(RequestId id, AdminRequest request, ReplyHandler onReply);
    // Finishes `id` with `error` from the event loop, so the caller has its id before any signal.
    void finishLater(RequestId id, const BackendError& error);

    AdminClient m_client;
    QPointer<AdminCall> m_eventCall;
};

} // namespace qracoon
