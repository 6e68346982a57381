#include "HelperBackend.h"

#include "core/decode/ModeCfgDecoder.h"
#include "core/wire/SecureBytes.h"
#include "helper/HelperInterface.h"

#include <QDBusPendingCallWatcher>
#include <QLoggingCategory>
#include <cstring>

Q_LOGGING_CATEGORY(lcHelperBackend, "qracoon.backend.helper")

namespace qracoon {

namespace {

const QString Service = QLatin1String(helper::ServiceName);
const QString Path = QLatin1String(helper::ObjectPath);
const QString Interface = QLatin1String(helper::InterfaceName);

BackendError malformedReply(const QDBusMessage& reply, const char* expected)
{
    return BackendError::make(
        BackendError::Kind::Protocol,
        HelperBackend::tr("qracoon-helper answered %1 with signature \"%2\" instead of \"%3\"")
            .arg(reply.member(), reply.signature(), QLatin1String(expected)));
}

} // namespace

HelperBackend::HelperBackend(const QDBusConnection& bus, QObject* parent)
    : Backend(parent), m_bus(bus), m_helperWatcher(Service, bus, QDBusServiceWatcher::WatchForUnregistration)
{
    connect(&m_helperWatcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
        loseSubscription(BackendError::make(BackendError::Kind::Failed, tr("qracoon-helper stopped")));
    });
}

HelperBackend::~HelperBackend()
{
    unsubscribeEvents();
}

QString HelperBackend::description() const
{
    return tr("qracoon-helper (%1 on the system bus)").arg(Service);
}

BackendError HelperBackend::errorFromDBus(const QString& name, const QString& message)
{
    using Kind = BackendError::Kind;
    if (name == QLatin1String(helper::ErrorName::NotAuthorized) ||
        name == QLatin1String("org.freedesktop.DBus.Error.AccessDenied")) {
        return BackendError::make(Kind::NotAuthorized,
                                  tr("The system policy does not allow this (%1).").arg(message));
    }
    if (name == QLatin1String(helper::ErrorName::DaemonAbsent)) {
        return BackendError::make(Kind::DaemonAbsent, tr("racoon is not running (%1)").arg(message));
    }
    if (name == QLatin1String(helper::ErrorName::Timeout) ||
        name == QLatin1String("org.freedesktop.DBus.Error.NoReply") ||
        name == QLatin1String("org.freedesktop.DBus.Error.Timeout")) {
        return BackendError::make(Kind::Timeout, message);
    }
    if (name == QLatin1String(helper::ErrorName::Protocol)) {
        return BackendError::make(Kind::Protocol, message);
    }
    if (name == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown") ||
        name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn."))) {
        return BackendError::make(Kind::Failed, tr("qracoon-helper is not available: %1").arg(message));
    }
    return BackendError::make(Kind::Failed, tr("qracoon-helper: %1").arg(message));
}

BackendError HelperBackend::errorFromRacoon(int racoonErrno)
{
    if (racoonErrno == -1) {
        return BackendError::make(
            BackendError::Kind::Refused,
            tr("racoon could not start the negotiation: no matching remote section in its "
               "configuration, or the peer cannot be reached"),
            -1);
    }
    const int e = racoonErrno < 0 ? -racoonErrno : racoonErrno;
    return BackendError::make(
        BackendError::Kind::Refused,
        tr("racoon refused the request: %1").arg(QString::fromLocal8Bit(std::strerror(e))), e);
}

BackendError HelperBackend::noBusError() const
{
    return BackendError::make(BackendError::Kind::Failed,
                              tr("qracoon-helper cannot be reached: no connection to the system bus (%1)")
                                  .arg(m_bus.lastError().message()));
}

BackendError HelperBackend::racoonOutcome(const QDBusMessage& reply, const char* signature)
{
    if (reply.signature() != QLatin1String(signature) || reply.arguments().isEmpty()) {
        return malformedReply(reply, signature);
    }
    const int racoonErrno = reply.arguments().constFirst().toInt();
    return racoonErrno == 0 ? BackendError() : errorFromRacoon(racoonErrno);
}

QDBusMessage HelperBackend::methodCall(const QString& method, const QVariantList& arguments) const
{
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, method);
    call.setArguments(arguments);
    // polkit may ask the user (through the desktop's authentication agent) for administrator actions.
    call.setInteractiveAuthorizationAllowed(true);
    return call;
}

void HelperBackend::send(RequestId id, const QDBusMessage& call, ReplyHandler onReply)
{
    if (!m_bus.isConnected()) {
        // A call on a closed connection never finishes: report it (after returning the id) instead.
        const BackendError error = noBusError();
        QMetaObject::invokeMethod(
            this, [this, id, error] { finish(id, error); }, Qt::QueuedConnection);
        return;
    }
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, m_timeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, id, watcher, onReply = std::move(onReply)](QDBusPendingCallWatcher*) {
                watcher->deleteLater();
                const QDBusMessage reply = watcher->reply();
                if (reply.type() == QDBusMessage::ErrorMessage) {
                    finish(id, errorFromDBus(reply.errorName(), reply.errorMessage()));
                    return;
                }
                finish(id, onReply(id, reply));
            });
}

Backend::RequestId HelperBackend::connectGateway(const GatewayTarget& target, XauthCredentials credentials)
{
    const RequestId id = nextRequestId();
    const std::string_view secret = credentials.password();
    const QByteArray password(secret.data(), qsizetype(secret.size()));
    // As with the socket, a remote name is only sent without Xauth credentials (racoon takes none then).
    const QDBusMessage call =
        methodCall(QStringLiteral("ConnectGateway"),
                   {target.address, target.localAddress,
                    credentials.isEmpty() ? QString::fromUtf8(target.remoteName) : QString(),
                    QString::fromUtf8(credentials.login()), password});
    credentials.wipe();
    send(id, call, [](RequestId, const QDBusMessage& reply) { return racoonOutcome(reply, "i"); });
    // The message shares these bytes with `password`; overwriting them in place wipes every Qt-side copy.
    if (!password.isEmpty()) {
        secureWipe(const_cast<char*>(password.constData()), std::size_t(password.size()));
    }
    return id;
}

Backend::RequestId HelperBackend::disconnectGateway(const QString& address)
{
    const RequestId id = nextRequestId();
    send(id, methodCall(QStringLiteral("DisconnectGateway"), {address}),
         [](RequestId, const QDBusMessage& reply) { return racoonOutcome(reply, "i"); });
    return id;
}

Backend::RequestId HelperBackend::refreshIsakmpSas()
{
    const RequestId id = nextRequestId();
    send(id, methodCall(QStringLiteral("ShowSa"), {QStringLiteral("isakmp")}),
         [this](RequestId requestId, const QDBusMessage& reply) {
             const BackendError outcome = racoonOutcome(reply, "iay");
             if (outcome.isError()) {
                 return outcome;
             }
             const QByteArray payload = reply.arguments().at(1).toByteArray();
             return deliverIsakmpSas(requestId, payload.constData(), std::size_t(payload.size()));
         });
    return id;
}

Backend::RequestId HelperBackend::refreshIpsecSas()
{
    const RequestId id = nextRequestId();
    send(id, methodCall(QStringLiteral("ShowSa"), {QStringLiteral("ipsec")}),
         [this](RequestId requestId, const QDBusMessage& reply) {
             const BackendError outcome = racoonOutcome(reply, "iay");
             if (outcome.isError()) {
                 return outcome;
             }
             const QByteArray payload = reply.arguments().at(1).toByteArray();
             return deliverIpsecSas(requestId, payload.constData(), std::size_t(payload.size()));
         });
    return id;
}

Backend::RequestId HelperBackend::refreshStatus()
{
    const RequestId id = nextRequestId();
    send(id, methodCall(QStringLiteral("Status"), {true, QStringLiteral("json")}),
         [this](RequestId requestId, const QDBusMessage& reply) {
             const BackendError outcome = racoonOutcome(reply, "is");
             if (outcome.isError()) {
                 return outcome;
             }
             return deliverStatus(requestId, reply.arguments().at(1).toString().toUtf8());
         });
    return id;
}

bool HelperBackend::connectSignals(bool connect)
{
    const auto change = [this, connect](const char* name, const char* slot) {
        return connect ? m_bus.connect(Service, Path, Interface, QLatin1String(name), this, slot)
                       : m_bus.disconnect(Service, Path, Interface, QLatin1String(name), this, slot);
    };
    return change(helper::SignalName::Event, SLOT(onEventSignal(QDBusMessage))) &&
           change(helper::SignalName::DaemonUp, SLOT(onDaemonUpSignal(QDBusMessage))) &&
           change(helper::SignalName::DaemonDown, SLOT(onDaemonDownSignal(QDBusMessage)));
}

void HelperBackend::subscribeEvents()
{
    if (m_subscription != Subscription::None) {
        return;
    }
    m_subscription = Subscription::Requested;
    if (!m_bus.isConnected() || !connectSignals(true)) {
        const BackendError error =
            m_bus.isConnected()
                ? BackendError::make(
                      BackendError::Kind::Failed,
                      tr("cannot receive qracoon-helper's signals: %1").arg(m_bus.lastError().message()))
                : noBusError();
        QMetaObject::invokeMethod(
            this, [this, error] { loseSubscription(error); }, Qt::QueuedConnection);
        return;
    }
    auto* watcher = new QDBusPendingCallWatcher(
        m_bus.asyncCall(methodCall(QStringLiteral("Subscribe"), {}), m_timeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher](QDBusPendingCallWatcher*) {
        watcher->deleteLater();
        const QDBusMessage reply = watcher->reply();
        if (reply.type() == QDBusMessage::ErrorMessage && m_subscription == Subscription::Requested) {
            loseSubscription(errorFromDBus(reply.errorName(), reply.errorMessage()));
        }
    });
}

void HelperBackend::unsubscribeEvents()
{
    if (m_subscription == Subscription::None) {
        return;
    }
    m_subscription = Subscription::None;
    connectSignals(false);
    QDBusMessage call = methodCall(QStringLiteral("Unsubscribe"), {});
    // Never start a helper just to say goodbye to it.
    call.setAutoStartService(false);
    m_bus.send(call);
}

void HelperBackend::loseSubscription(const BackendError& error)
{
    if (m_subscription == Subscription::None) {
        return;
    }
    unsubscribeEvents();
    noteOutcome(error);
    Q_EMIT eventStreamLost(error);
}

void HelperBackend::onDaemonUpSignal(const QDBusMessage&)
{
    if (m_subscription != Subscription::Requested) {
        return;
    }
    m_subscription = Subscription::Active;
    setDaemonState(DaemonState::Running);
    Q_EMIT eventsSubscribed();
}

void HelperBackend::onDaemonDownSignal(const QDBusMessage& message)
{
    const QString reason =
        message.arguments().isEmpty() ? QString() : message.arguments().constFirst().toString();
    loseSubscription(
        BackendError::make(BackendError::Kind::DaemonAbsent, tr("racoon is not running (%1)").arg(reason)));
}

void HelperBackend::onEventSignal(const QDBusMessage& message)
{
    if (m_subscription != Subscription::Active) {
        return;
    }
    const QVariantList args = message.arguments();
    if (message.signature() != QLatin1String("uxsqsquay") || args.size() != 8) {
        qCWarning(lcHelperBackend) << "ignoring an Event signal with signature" << message.signature();
        return;
    }
    const auto address = [](const QVariant& host, const QVariant& port) {
        const QString text = host.toString();
        const auto parsed = text.isEmpty() ? std::nullopt
                                           : SocketAddress::fromText(text, SocketAddress::Family::Unspec,
                                                                     std::uint16_t(port.toUInt()));
        return parsed.value_or(SocketAddress());
    };
    RacoonEvent event;
    event.code = args.at(0).toUInt();
    event.timestamp = std::time_t(args.at(1).toLongLong());
    event.ph1src = address(args.at(2), args.at(3));
    event.ph1dst = address(args.at(4), args.at(5));
    event.ph2msgid = args.at(6).toUInt();
    event.attributes = args.at(7).toByteArray();
    if (event.code == EventCode::Phase1ModeCfg) {
        event.modeCfg = decodeModeCfg(event.attributes.constData(), std::size_t(event.attributes.size()));
    }
    if (event.code == EventCode::RacoonQuit) {
        setDaemonState(DaemonState::Absent);
    }
    Q_EMIT eventReceived(event);
}

} // namespace qracoon
