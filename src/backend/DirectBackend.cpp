#include "DirectBackend.h"

#include "core/client/SourceAddress.h"
#include "core/decode/EventDecoder.h"

#include <QLoggingCategory>
#include <cerrno>
#include <cstring>

Q_LOGGING_CATEGORY(lcDirectBackend, "qracoon.backend.direct", QtInfoMsg)

namespace qracoon {

namespace {

QString systemErrorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The selector vpn-connect sends: the gateway (IPv4 or IPv6) and the local address towards it, whole
// addresses, no ports.
Result<SaSelector> gatewaySelector(const GatewayTarget& target)
{
    const auto destination = SocketAddress::fromText(target.address);
    if (!destination) {
        return Result<SaSelector>::failure(
            DirectBackend::tr("%1 is not an IPv4 or IPv6 address").arg(target.address));
    }
    SaSelector selector;
    selector.dst = *destination;
    const std::uint8_t width = destination->family() == SocketAddress::Family::Inet6 ? 128 : 32;
    selector.prefs = width;
    selector.prefd = width;
    if (target.localAddress.isEmpty()) {
        auto source = sourceAddressToward(*destination);
        if (!source) {
            return Result<SaSelector>::failure(source.error());
        }
        selector.src = *source;
    } else {
        const auto source = SocketAddress::fromText(target.localAddress, destination->family());
        if (!source) {
            return Result<SaSelector>::failure(
                DirectBackend::tr("the local address %1 is not an address of the gateway's family")
                    .arg(target.localAddress));
        }
        selector.src = *source;
    }
    return selector;
}

} // namespace

DirectBackend::DirectBackend(const QString& socketPath, QObject* parent)
    : Backend(parent), m_client(socketPath)
{
    m_client.setTimeout(10000);
}

DirectBackend::~DirectBackend()
{
    unsubscribeEvents();
}

QString DirectBackend::description() const
{
    return tr("admin socket %1").arg(m_client.socketPath());
}

BackendError DirectBackend::errorFromAdmin(const AdminError& error)
{
    using Kind = AdminError::Kind;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::SocketMissing:
    case Kind::ConnectionRefused:
        return BackendError::make(BackendError::Kind::DaemonAbsent,
                                  tr("racoon is not running (%1)").arg(error.message));
    case Kind::PermissionDenied:
        return BackendError::make(
            BackendError::Kind::NotAuthorized,
            tr("You are not allowed to use racoon's admin socket (%1).").arg(error.message));
    case Kind::Timeout:
        return BackendError::make(BackendError::Kind::Timeout, error.message);
    case Kind::MalformedFrame:
    case Kind::ClosedMidFrame:
        return BackendError::make(BackendError::Kind::Protocol, error.message);
    case Kind::SocketPathTooLong:
    case Kind::ConnectFailed:
    case Kind::SendFailed:
    case Kind::ReceiveFailed:
    case Kind::ClosedBeforeReply:
        break;
    }
    return BackendError::make(BackendError::Kind::Failed, error.message);
}

BackendError DirectBackend::errorFromReply(int errorCode)
{
    if (errorCode == -1) {
        return BackendError::make(
            BackendError::Kind::Refused,
            tr("racoon could not start the negotiation: no matching remote section in its "
               "configuration, or the peer cannot be reached"),
            -1);
    }
    const int e = errorCode < 0 ? -errorCode : errorCode;
    return BackendError::make(BackendError::Kind::Refused,
                              tr("racoon refused the request: %1").arg(systemErrorText(e)), e);
}

void DirectBackend::send(RequestId id, AdminRequest request, ReplyHandler onReply)
{
    AdminCall* call = m_client.send(std::move(request), AdminCall::Mode::SingleReply, this);
    auto result = std::make_shared<BackendError>();
    auto replied = std::make_shared<bool>(false);
    connect(call, &AdminCall::frameReceived, this, [=](const AdminFrame& frame) {
        *replied = true;
        *result = frame.isError() ? errorFromReply(frame.errorCode()) : onReply(id, frame);
    });
    connect(call, &AdminCall::finished, this, [=] {
        call->deleteLater();
        finish(id, *replied ? *result : errorFromAdmin(call->error()));
    });
}

void DirectBackend::finishLater(RequestId id, const BackendError& error)
{
    QMetaObject::invokeMethod(
        this, [this, id, error] { finish(id, error); }, Qt::QueuedConnection);
}

Backend::RequestId DirectBackend::connectGateway(const GatewayTarget& target, XauthCredentials credentials)
{
    const RequestId id = nextRequestId();
    const auto selector = gatewaySelector(target);
    if (!selector) {
        credentials.wipe();
        finishLater(id, BackendError::make(BackendError::Kind::Failed, selector.error()));
        return id;
    }
    auto request = credentials.isEmpty()
                       ? AdminRequest::establish(AdminProto::Isakmp, *selector, target.remoteName)
                       : AdminRequest::establishWithCredentials(AdminProto::Isakmp, *selector,
                                                                credentials.login(), credentials.password());
    credentials.wipe();
    if (!request) {
        finishLater(id, BackendError::make(BackendError::Kind::Failed, request.error()));
        return id;
    }
    // Only the acknowledgement is read here: the phase 1's events also reach the global subscription.
    send(id, std::move(request).value(), [](RequestId, const AdminFrame&) { return BackendError(); });
    return id;
}

Backend::RequestId DirectBackend::disconnectGateway(const QString& address)
{
    const RequestId id = nextRequestId();
    const auto destination = SocketAddress::fromText(address);
    if (!destination) {
        finishLater(id, BackendError::make(BackendError::Kind::Failed,
                                           tr("%1 is not an IPv4 or IPv6 address").arg(address)));
        return id;
    }
    SaSelector selector;
    // The unspecified address of the gateway's family: racoon only reads the destination.
    selector.src = destination->family() == SocketAddress::Family::Inet6 ? SocketAddress::ipv6({})
                                                                         : SocketAddress::ipv4({0, 0, 0, 0});
    selector.prefs = selector.prefd = destination->family() == SocketAddress::Family::Inet6 ? 128 : 32;
    selector.dst = *destination;
    send(id, AdminRequest::withIndexes(AdminCommand::DeleteAllSaDst, AdminProto::Isakmp, selector),
         [](RequestId, const AdminFrame&) { return BackendError(); });
    return id;
}

Backend::RequestId DirectBackend::refreshIsakmpSas()
{
    const RequestId id = nextRequestId();
    send(id, AdminRequest::simple(AdminCommand::ShowSa, AdminProto::Isakmp),
         [this](RequestId requestId, const AdminFrame& frame) {
             return deliverIsakmpSas(requestId, frame.payloadData(), frame.payloadSize());
         });
    return id;
}

Backend::RequestId DirectBackend::refreshIpsecSas()
{
    const RequestId id = nextRequestId();
    send(id, AdminRequest::simple(AdminCommand::ShowSa, AdminProto::Ipsec),
         [this](RequestId requestId, const AdminFrame& frame) {
             return deliverIpsecSas(requestId, frame.payloadData(), frame.payloadSize());
         });
    return id;
}

Backend::RequestId DirectBackend::refreshStatus()
{
    const RequestId id = nextRequestId();
    send(id, AdminRequest::simple(AdminCommand::StatusVerbose, StatusFormat::Json),
         [this](RequestId requestId, const AdminFrame& frame) {
             return deliverStatus(requestId, frame.payload());
         });
    return id;
}

void DirectBackend::subscribeEvents()
{
    if (m_eventCall) {
        return;
    }
    AdminCall* call =
        m_client.send(AdminRequest::simple(AdminCommand::ShowEvt), AdminCall::Mode::Stream, this);
    m_eventCall = call;
    connect(call, &AdminCall::frameReceived, this, [this, call](const AdminFrame& frame) {
        if (frame.isError()) {
            const BackendError error = errorFromReply(frame.errorCode());
            call->disconnect(this);
            call->cancel();
            call->deleteLater();
            m_eventCall.clear();
            noteOutcome(error);
            Q_EMIT eventStreamLost(error);
            return;
        }
        if (call->framesReceived() == 1) {
            setDaemonState(DaemonState::Running);
            Q_EMIT eventsSubscribed();
        }
        if (frame.payloadSize() == 0) {
            return;
        }
        const auto event = decodeEvent(frame);
        if (!event) {
            qCWarning(lcDirectBackend) << "ignoring an event racoon sent:" << event.error();
            return;
        }
        if (event->code == EventCode::RacoonQuit) {
            setDaemonState(DaemonState::Absent);
        }
        Q_EMIT eventReceived(*event);
    });
    connect(call, &AdminCall::finished, this, [this, call] {
        call->deleteLater();
        m_eventCall.clear();
        BackendError error = errorFromAdmin(call->error());
        if (error.kind == BackendError::Kind::Failed && call->framesReceived() > 0) {
            error.message = tr("racoon closed the event stream");
        }
        noteOutcome(error);
        Q_EMIT eventStreamLost(error);
    });
}

void DirectBackend::unsubscribeEvents()
{
    if (AdminCall* call = m_eventCall.data()) {
        call->disconnect(this);
        call->cancel();
        call->deleteLater();
        m_eventCall.clear();
    }
}

} // namespace qracoon
