// The backend for users who may not open racoon's socket: every operation is a call to the privileged
// qracoon-helper (org.qracoon.Helper1 on the system bus), which asks polkit and then racoon. Replies are
// decoded with the same core decoders DirectBackend uses, so the applet sees the same values either way
// (except that IPsec key bytes arrive zeroed: the helper does not hand out keys).
#pragma once

#include "Backend.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusServiceWatcher>
#include <functional>

namespace qracoon {

class HelperBackend : public Backend
{
    Q_OBJECT

public:
    // `bus` is the system bus in production; tests pass a private one.
    explicit HelperBackend(const QDBusConnection& bus = QDBusConnection::systemBus(),
                           QObject* parent = nullptr);
    ~HelperBackend() override;

    QString description() const override;
    // How long one call may take, polkit's authentication dialog included.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    RequestId connectGateway(const GatewayTarget& target, XauthCredentials credentials) override;
    RequestId disconnectGateway(const QString& address) override;
    RequestId refreshIsakmpSas() override;
    RequestId refreshIpsecSas() override;
    RequestId refreshStatus() override;

    void subscribeEvents() override;
    void unsubscribeEvents() override;
    bool isSubscribed() const override { return m_subscription != Subscription::None; }

    // Maps a D-Bus error from the helper (or the bus) onto the cases the applet distinguishes.
    static BackendError errorFromDBus(const QString& name, const QString& message);
    // The error for racoon's non-zero errno, as the helper returns it.
    static BackendError errorFromRacoon(int racoonErrno);

private Q_SLOTS:
    void onEventSignal(const QDBusMessage& message);
    void onDaemonUpSignal(const QDBusMessage& message);
    void onDaemonDownSignal(const QDBusMessage& message);

private:
    // Turns a successful reply into the request's outcome (emitting data signals on the way).
    using ReplyHandler = std::function<BackendError(RequestId, const QDBusMessage&)>;

    enum class Subscription
    {
        None,
        Requested, // Subscribe sent or accepted; waiting for DaemonUp or DaemonDown
        Active,    // eventsSubscribed() emitted
    };

    QDBusMessage methodCall(const QString& method, const QVariantList& arguments) const;
    void send(RequestId id, const QDBusMessage& call, ReplyHandler onReply);
    bool connectSignals(bool connect);
    // Ends the subscription on our side and at the helper, then reports `error`.
    void loseSubscription(const BackendError& error);
    BackendError noBusError() const;
    // The racoon errno every helper reply starts with; an error when the reply is not shaped as expected.
    static BackendError racoonOutcome(const QDBusMessage& reply, const char* signature);

    QDBusConnection m_bus;
    QDBusServiceWatcher m_helperWatcher;
    Subscription m_subscription = Subscription::None;
    int m_timeoutMs = 120000;
};

} // namespace qracoon
