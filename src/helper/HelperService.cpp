#include "HelperService.h"

#include "HelperArguments.h"
#include "HelperInterface.h"
#include "SadbKeyRedactor.h"
#include "core/client/SourceAddress.h"
#include "core/wire/SecureBytes.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHelper, "qracoon.helper", QtInfoMsg)

namespace qracoon::helper {

namespace {

// The password arrives in a QByteArray that QtDBus shares with the message it decoded; overwriting
// the shared bytes wipes every Qt-side copy (libdbus's own buffer is beyond reach).
void wipeShared(const QByteArray& bytes)
{
    if (!bytes.isEmpty()) {
        secureWipe(const_cast<char*>(bytes.constData()), std::size_t(bytes.size()));
    }
}

QVariantList errnoOnly(const AdminFrame& frame)
{
    return {frame.errorCode()};
}

QVariantList errnoAndBytes(const AdminFrame& frame)
{
    return {frame.errorCode(), frame.isError() ? QByteArray() : frame.payload()};
}

Result<AdminRequest> invalidRequest(const QString& message)
{
    return Result<AdminRequest>::failure(message);
}

template <typename T> Result<AdminRequest> invalidRequest(const Result<T>& failed)
{
    return Result<AdminRequest>::failure(failed.error());
}

HelperArguments::SelectorText selectorText(const QString& source, quint16 sourcePort, uchar sourcePrefix,
                                           const QString& destination, quint16 destinationPort,
                                           uchar destinationPrefix, uchar upperLayerProtocol)
{
    HelperArguments::SelectorText text;
    text.source = source;
    text.sourcePort = sourcePort;
    text.sourcePrefix = sourcePrefix;
    text.destination = destination;
    text.destinationPort = destinationPort;
    text.destinationPrefix = destinationPrefix;
    text.upperLayerProtocol = upperLayerProtocol;
    return text;
}

} // namespace

struct HelperService::PendingRequest
{
    QDBusMessage call;
    AdminRequest request;
    ReplyBuilder buildReply;
};

HelperService::HelperService(const HelperConfig& config, const QDBusConnection& bus, QObject* parent)
    : QObject(parent), m_config(config), m_bus(bus), m_client(config.effectiveSocketPath()), m_polkit(bus),
      m_callers(bus, config.maxRequestsPerUser, config.maxSubscriptionsPerUser), m_feed(m_client)
{
    m_client.setTimeout(config.requestTimeoutMs);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(config.idleTimeoutSeconds * 1000);
    connect(&m_idleTimer, &QTimer::timeout, this, &HelperService::retire);
    connect(&m_callers, &CallerRegistry::activityChanged, this, &HelperService::updateIdleTimer);
    connect(&m_callers, &CallerRegistry::callerVanished, this, &HelperService::onCallerVanished);
    connect(&m_feed, &RacoonEventFeed::eventReceived, this, &HelperService::onEvent);
    connect(&m_feed, &RacoonEventFeed::daemonUp, this, [this] { sendDaemonState(m_callers.subscribers()); });
    connect(&m_feed, &RacoonEventFeed::daemonDown, this,
            [this] { sendDaemonState(m_callers.subscribers()); });
    m_idleTimer.start();
}

HelperService::~HelperService() = default;

Result<bool> HelperService::registerOnBus()
{
    if (!m_bus.registerObject(QLatin1String(ObjectPath), this,
                              QDBusConnection::ExportScriptableSlots |
                                  QDBusConnection::ExportScriptableSignals)) {
        return Result<bool>::failure(
            tr("cannot export %1: %2").arg(QLatin1String(ObjectPath), m_bus.lastError().message()));
    }
    if (!m_bus.registerService(QLatin1String(ServiceName))) {
        return Result<bool>::failure(tr("cannot own %1 (is another qracoon-helper running?): %2")
                                         .arg(QLatin1String(ServiceName), m_bus.lastError().message()));
    }
    qCInfo(lcHelper).noquote() << QStringLiteral("serving %1 for racoon socket %2 (pid %3)")
                                      .arg(QLatin1String(ServiceName), m_client.socketPath())
                                      .arg(QCoreApplication::applicationPid());
    return true;
}

// ---- methods

int HelperService::ConnectGateway(const QString& gateway, const QString& localAddress,
                                  const QString& remoteName, const QString& xauthLogin,
                                  const QByteArray& password)
{
    const auto build = [&]() -> Result<AdminRequest> {
        const auto selector =
            HelperArguments::gatewaySelector(gateway, localAddress, sourceAddressToward);
        if (!selector) {
            return invalidRequest(selector);
        }
        const auto name = HelperArguments::remoteName(QStringLiteral("remoteName"), remoteName);
        if (!name) {
            return invalidRequest(name);
        }
        if (xauthLogin.isEmpty()) {
            if (!password.isEmpty()) {
                return invalidRequest(HelperArguments::invalid(QStringLiteral("password"),
                                                               tr("must be empty when xauthLogin is")));
            }
            return AdminRequest::establish(AdminProto::Isakmp, *selector, *name);
        }
        const auto login = HelperArguments::xauthLogin(QStringLiteral("xauthLogin"), xauthLogin);
        if (!login) {
            return invalidRequest(login);
        }
        if (!name->isEmpty()) {
            return invalidRequest(
                HelperArguments::invalid(QStringLiteral("remoteName"),
                                         tr("racoon takes no remote name together with Xauth credentials")));
        }
        const QString problem = HelperArguments::passwordProblem(QStringLiteral("password"), password);
        if (!problem.isEmpty()) {
            return invalidRequest(problem);
        }
        return AdminRequest::establishWithCredentials(
            AdminProto::Isakmp, *selector, *login,
            std::string_view(password.constData(), std::size_t(password.size())));
    };
    Result<AdminRequest> request = build();
    wipeShared(password);
    handle(Action::Connect, std::move(request), errnoOnly);
    return 0;
}

int HelperService::DisconnectGateway(const QString& gateway)
{
    const auto selector = HelperArguments::disconnectSelector(gateway);
    handle(Action::Disconnect,
           selector ? AdminRequest::withIndexes(AdminCommand::DeleteAllSaDst, AdminProto::Isakmp, *selector)
                    : invalidRequest(selector),
           errnoOnly);
    return 0;
}

int HelperService::EstablishSa(const QString& protocol, const QString& source, quint16 sourcePort,
                               uchar sourcePrefix, const QString& destination, quint16 destinationPort,
                               uchar destinationPrefix, uchar upperLayerProtocol, const QString& remoteName)
{
    const auto build = [&]() -> Result<AdminRequest> {
        const auto proto = HelperArguments::protocol(QStringLiteral("protocol"), protocol,
                                                     HelperArguments::ProtocolSet::NegotiableSas);
        if (!proto) {
            return invalidRequest(proto);
        }
        const auto selector =
            HelperArguments::selector(selectorText(source, sourcePort, sourcePrefix, destination,
                                                   destinationPort, destinationPrefix, upperLayerProtocol));
        if (!selector) {
            return invalidRequest(selector);
        }
        const auto name = HelperArguments::remoteName(QStringLiteral("remoteName"), remoteName);
        if (!name) {
            return invalidRequest(name);
        }
        if (!name->isEmpty() && *proto != AdminProto::Isakmp) {
            return invalidRequest(HelperArguments::invalid(QStringLiteral("remoteName"),
                                                           tr("only isakmp SAs take a remote name")));
        }
        return AdminRequest::establish(*proto, *selector, *name);
    };
    handle(Action::EstablishSa, build(), errnoOnly);
    return 0;
}

int HelperService::DeleteSa(const QString& protocol, const QString& source, quint16 sourcePort,
                            uchar sourcePrefix, const QString& destination, quint16 destinationPort,
                            uchar destinationPrefix, uchar upperLayerProtocol)
{
    const auto build = [&]() -> Result<AdminRequest> {
        const auto proto = HelperArguments::protocol(QStringLiteral("protocol"), protocol,
                                                     HelperArguments::ProtocolSet::NegotiableSas);
        if (!proto) {
            return invalidRequest(proto);
        }
        const auto selector =
            HelperArguments::selector(selectorText(source, sourcePort, sourcePrefix, destination,
                                                   destinationPort, destinationPrefix, upperLayerProtocol));
        if (!selector) {
            return invalidRequest(selector);
        }
        return AdminRequest::withIndexes(AdminCommand::DeleteSa, *proto, *selector);
    };
    handle(Action::DeleteSa, build(), errnoOnly);
    return 0;
}

int HelperService::FlushSa(const QString& protocol)
{
    const auto proto = HelperArguments::protocol(QStringLiteral("protocol"), protocol,
                                                 HelperArguments::ProtocolSet::SaClasses);
    handle(Action::FlushSa,
           proto ? AdminRequest::simple(AdminCommand::FlushSa, *proto) : invalidRequest(proto), errnoOnly);
    return 0;
}

int HelperService::ReloadConfig()
{
    handle(Action::ReloadConfig, AdminRequest::simple(AdminCommand::ReloadConf), errnoOnly);
    return 0;
}

int HelperService::LogoutUser(const QString& login)
{
    const auto bytes = HelperArguments::logoutLogin(QStringLiteral("login"), login);
    handle(Action::LogoutUser, bytes ? AdminRequest::logoutUser(*bytes) : invalidRequest(bytes), errnoOnly);
    return 0;
}

int HelperService::ShowSa(const QString& protocol, QByteArray& payload)
{
    Q_UNUSED(payload) // sent in the delayed reply
    const auto proto = HelperArguments::protocol(QStringLiteral("protocol"), protocol,
                                                 HelperArguments::ProtocolSet::SaClasses);
    const bool pfkey = proto && *proto != AdminProto::Isakmp;
    handle(Action::ReadState,
           proto ? AdminRequest::simple(AdminCommand::ShowSa, *proto) : invalidRequest(proto),
           [pfkey](const AdminFrame& frame) -> QVariantList {
               if (frame.isError()) {
                   return {frame.errorCode(), QByteArray()};
               }
               return {frame.errorCode(), pfkey ? SadbKeyRedactor::redact(frame.payload()) : frame.payload()};
           });
    return 0;
}

int HelperService::ShowSchedule(QByteArray& payload)
{
    Q_UNUSED(payload) // sent in the delayed reply
    handle(Action::ReadState, AdminRequest::simple(AdminCommand::ShowSched), errnoAndBytes);
    return 0;
}

int HelperService::Status(bool verbose, const QString& format, QString& document)
{
    Q_UNUSED(document) // sent in the delayed reply
    const auto proto = HelperArguments::statusFormat(QStringLiteral("format"), format);
    handle(Action::ReadState,
           proto ? AdminRequest::simple(verbose ? AdminCommand::StatusVerbose : AdminCommand::Status, *proto)
                 : invalidRequest(proto),
           [](const AdminFrame& frame) -> QVariantList {
               return {frame.errorCode(), frame.isError() ? QString() : QString::fromUtf8(frame.payload())};
           });
    return 0;
}

int HelperService::GetCertificate(const QString& source, const QString& destination, QByteArray& certificate)
{
    Q_UNUSED(certificate) // sent in the delayed reply
    const auto build = [&]() -> Result<AdminRequest> {
        const auto family = SocketAddress::fromText(source);
        const quint8 width = family && family->family() == SocketAddress::Family::Inet6 ? 128 : 32;
        const auto selector =
            HelperArguments::selector(selectorText(source, 0, width, destination, 0, width, 0));
        if (!selector) {
            return invalidRequest(selector);
        }
        return AdminRequest::withIndexes(AdminCommand::GetSaCert, AdminProto::Isakmp, *selector);
    };
    handle(Action::ReadState, build(), errnoAndBytes);
    return 0;
}

void HelperService::Subscribe()
{
    setDelayedReply(true);
    const QDBusMessage call = message();
    authorize(call, Action::ReadState, [this, call](uint uid) {
        const QString name = call.service();
        if (m_retiring) {
            // The name is released: signals from this process would no longer reach the subscriber.
            finish(call,
                   errorReply(call, ErrorName::Failed, tr("qracoon-helper is exiting; subscribe again")));
            return;
        }
        switch (m_callers.subscribe(name, uid)) {
        case CallerRegistry::Subscription::LimitReached:
            finish(call, errorReply(call, ErrorName::LimitExceeded,
                                    tr("uid %1 already has the most event subscriptions allowed (%2)")
                                        .arg(uid)
                                        .arg(m_config.maxSubscriptionsPerUser)));
            return;
        case CallerRegistry::Subscription::CallerGone:
            finish(call, errorReply(call, ErrorName::Failed, tr("the caller left the bus")));
            return;
        case CallerRegistry::Subscription::Added:
            qCInfo(lcHelper).noquote() << "subscriber" << name << "added";
            break;
        case CallerRegistry::Subscription::AlreadySubscribed:
            break;
        }
        finish(call, call.createReply());
        updateFeed();
        sendDaemonState({name});
    });
}

void HelperService::Unsubscribe()
{
    if (m_callers.unsubscribe(message().service())) {
        qCInfo(lcHelper).noquote() << "subscriber" << message().service() << "removed";
        updateFeed();
    }
}

// ---- the path of a request

void HelperService::handle(const char* action, Result<AdminRequest> request, ReplyBuilder buildReply)
{
    setDelayedReply(true);
    const QDBusMessage call = message();
    if (!request) {
        qCInfo(lcHelper).noquote()
            << QStringLiteral("%1 from %2 rejected: %3").arg(call.member(), call.service(), request.error());
        m_bus.send(errorReply(call, ErrorName::InvalidArgument, request.error()));
        return;
    }
    auto pending = std::make_shared<PendingRequest>();
    pending->call = call;
    pending->request = std::move(request).value();
    pending->buildReply = std::move(buildReply);
    authorize(call, action, [this, pending](uint) { forward(pending); });
}

void HelperService::authorize(const QDBusMessage& call, const char* action,
                              std::function<void(uint)> onAuthorized)
{
    m_idleTimer.stop();
    ++m_unresolvedCalls;
    const QString caller = call.service();
    m_callers.resolveUser(caller, this, [=](std::optional<uint> uid) {
        --m_unresolvedCalls;
        if (!uid) {
            m_bus.send(errorReply(call, ErrorName::Failed, tr("the caller is not on the bus")));
            updateIdleTimer();
            return;
        }
        if (!m_callers.beginRequest(caller, *uid)) {
            qCWarning(lcHelper).noquote()
                << QStringLiteral("%1 from %2 (uid %3): too many requests in flight")
                       .arg(call.member(), caller)
                       .arg(*uid);
            m_bus.send(errorReply(call, ErrorName::LimitExceeded,
                                  tr("uid %1 already has the most requests in flight allowed (%2)")
                                      .arg(*uid)
                                      .arg(m_config.maxRequestsPerUser)));
            updateIdleTimer();
            return;
        }
        auto cancellationId = std::make_shared<QString>();
        *cancellationId = m_polkit.check(
            caller, QLatin1String(action), call.isInteractiveAuthorizationAllowed(), this,
            [=](const PolkitAuthority::Answer& answer) {
                m_pendingChecks.remove(caller, *cancellationId);
                if (!answer.isAuthorized()) {
                    qCInfo(lcHelper).noquote() << QStringLiteral("%1 from %2 (uid %3) denied for %4: %5")
                                                      .arg(call.member(), caller)
                                                      .arg(*uid)
                                                      .arg(QLatin1String(action), answer.message);
                    finish(call,
                           errorReply(
                               call, ErrorName::NotAuthorized,
                               tr("not authorized to %1: %2").arg(QLatin1String(action), answer.message)));
                    return;
                }
                qCInfo(lcHelper).noquote() << QStringLiteral("%1 from %2 (uid %3) authorized for %4")
                                                  .arg(call.member(), caller)
                                                  .arg(*uid)
                                                  .arg(QLatin1String(action));
                onAuthorized(*uid);
            });
        m_pendingChecks.insert(caller, *cancellationId);
    });
}

void HelperService::forward(const std::shared_ptr<PendingRequest>& pending)
{
    AdminCall* adminCall = m_client.send(std::move(pending->request), AdminCall::Mode::SingleReply, this);
    auto reply = std::make_shared<QDBusMessage>();
    connect(adminCall, &AdminCall::frameReceived, this, [pending, reply](const AdminFrame& frame) {
        *reply = pending->call.createReply(pending->buildReply(frame));
        if (frame.isError()) {
            qCInfo(lcHelper).noquote() << QStringLiteral("%1 from %2: racoon answered errno %3")
                                              .arg(pending->call.member(), pending->call.service())
                                              .arg(frame.errorCode());
        }
    });
    connect(adminCall, &AdminCall::finished, this, [this, adminCall, pending, reply] {
        adminCall->deleteLater();
        if (reply->type() == QDBusMessage::ReplyMessage) {
            finish(pending->call, *reply);
            return;
        }
        qCWarning(lcHelper).noquote()
            << QStringLiteral("%1 from %2 failed: %3")
                   .arg(pending->call.member(), pending->call.service(), adminCall->error().message);
        finish(pending->call, adminErrorReply(pending->call, adminCall->error()));
    });
}

void HelperService::finish(const QDBusMessage& call, const QDBusMessage& reply)
{
    m_bus.send(reply);
    m_callers.endRequest(call.service());
}

QDBusMessage HelperService::errorReply(const QDBusMessage& call, const char* name,
                                       const QString& message) const
{
    return call.createErrorReply(QLatin1String(name), message);
}

QDBusMessage HelperService::adminErrorReply(const QDBusMessage& call, const AdminError& error) const
{
    using Kind = AdminError::Kind;
    switch (error.kind) {
    case Kind::SocketMissing:
    case Kind::ConnectionRefused:
        return errorReply(call, ErrorName::DaemonAbsent, error.message);
    case Kind::Timeout:
        return errorReply(call, ErrorName::Timeout, error.message);
    case Kind::MalformedFrame:
    case Kind::ClosedMidFrame:
        return errorReply(call, ErrorName::Protocol, error.message);
    case Kind::None:
    case Kind::SocketPathTooLong:
    case Kind::PermissionDenied:
    case Kind::ConnectFailed:
    case Kind::SendFailed:
    case Kind::ReceiveFailed:
    case Kind::ClosedBeforeReply:
        break;
    }
    return errorReply(call, ErrorName::Failed, error.message);
}

// ---- events

void HelperService::sendToSubscribers(const char* signal, const QVariantList& arguments,
                                      const QStringList& names)
{
    // Unicast signals are queued by the bus per receiver: one that does not read never holds up the others.
    for (const QString& name : names) {
        QDBusMessage message = QDBusMessage::createTargetedSignal(
            name, QLatin1String(ObjectPath), QLatin1String(InterfaceName), QLatin1String(signal));
        message.setArguments(arguments);
        m_bus.send(message);
    }
}

void HelperService::sendDaemonState(const QStringList& names)
{
    switch (m_feed.state()) {
    case RacoonEventFeed::State::Up:
        sendToSubscribers(SignalName::DaemonUp, {}, names);
        break;
    case RacoonEventFeed::State::Down:
        sendToSubscribers(SignalName::DaemonDown, {m_feed.downReason()}, names);
        break;
    case RacoonEventFeed::State::Stopped:
    case RacoonEventFeed::State::Connecting:
        // The feed reports to every subscriber once it knows.
        break;
    }
}

void HelperService::onEvent(const RacoonEvent& event)
{
    const auto host = [](const SocketAddress& address) {
        return address.isNull() ? QString() : address.toString();
    };
    sendToSubscribers(SignalName::Event,
                      {uint(event.code), qlonglong(event.timestamp), host(event.ph1src),
                       QVariant::fromValue(quint16(event.ph1src.port())), host(event.ph1dst),
                       QVariant::fromValue(quint16(event.ph1dst.port())), uint(event.ph2msgid),
                       event.attributes},
                      m_callers.subscribers());
}

void HelperService::onCallerVanished(const QString& name)
{
    qCInfo(lcHelper).noquote() << "caller" << name << "left the bus";
    const QStringList checks = m_pendingChecks.values(name);
    for (const QString& id : checks) {
        m_polkit.cancel(id);
    }
    updateFeed();
}

void HelperService::updateFeed()
{
    if (m_callers.subscribers().isEmpty()) {
        m_feed.stop();
    } else {
        m_feed.start();
    }
}

// ---- idle exit

void HelperService::updateIdleTimer()
{
    const bool idleNow = m_callers.isIdle() && m_unresolvedCalls == 0;
    if (m_retiring) {
        if (idleNow) {
            Q_EMIT idle();
        }
        return;
    }
    if (idleNow) {
        if (!m_idleTimer.isActive()) {
            m_idleTimer.start();
        }
    } else {
        m_idleTimer.stop();
    }
}

void HelperService::retire()
{
    if (!m_callers.isIdle() || m_unresolvedCalls != 0) {
        return;
    }
    qCInfo(lcHelper).noquote() << QStringLiteral("idle for %1 s: exiting").arg(m_config.idleTimeoutSeconds);
    m_retiring = true;
    // Released first, so a new call starts a fresh helper instead of reaching this one as it exits;
    // calls that arrived before the release are answered first.
    m_bus.unregisterService(QLatin1String(ServiceName));
    QMetaObject::invokeMethod(this, &HelperService::updateIdleTimer, Qt::QueuedConnection);
}

} // namespace qracoon::helper
