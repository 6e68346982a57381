#include "Backend.h"

#include "core/decode/Ph1DumpDecoder.h"
#include "core/decode/SadbDumpDecoder.h"
#include "core/decode/StatusDecoder.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBackend, "qracoon.backend")

namespace qracoon {

Backend::Backend(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<qracoon::BackendError>();
    qRegisterMetaType<qracoon::DaemonState>();
}

Backend::~Backend() = default;

void Backend::setDaemonState(DaemonState state)
{
    if (state == m_daemonState) {
        return;
    }
    m_daemonState = state;
    Q_EMIT daemonStateChanged(state);
}

void Backend::noteOutcome(const BackendError& error)
{
    switch (error.kind) {
    case BackendError::Kind::None:
    case BackendError::Kind::Refused:
    case BackendError::Kind::Protocol:
        // racoon answered, whatever it said.
        setDaemonState(DaemonState::Running);
        break;
    case BackendError::Kind::DaemonAbsent:
        setDaemonState(DaemonState::Absent);
        break;
    case BackendError::Kind::NotAuthorized:
        setDaemonState(DaemonState::NotAuthorized);
        break;
    case BackendError::Kind::Timeout:
    case BackendError::Kind::Failed:
        break;
    }
}

void Backend::finish(RequestId id, const BackendError& error)
{
    noteOutcome(error);
    if (error.isError()) {
        qCDebug(lcBackend) << description() << "request" << id << "failed:" << error.message;
    }
    Q_EMIT requestFinished(id, error);
}

BackendError Backend::deliverIsakmpSas(RequestId id, const char* payload, std::size_t size)
{
    const auto sas = decodePh1Dump(payload, size);
    if (!sas) {
        return BackendError::make(BackendError::Kind::Protocol, sas.error());
    }
    Q_EMIT isakmpSasReceived(id, *sas);
    return {};
}

BackendError Backend::deliverIpsecSas(RequestId id, const char* payload, std::size_t size)
{
    const auto dump = decodeSadbDump(payload, size);
    if (!dump) {
        return BackendError::make(BackendError::Kind::Protocol, dump.error());
    }
    Q_EMIT ipsecSasReceived(id, dump->sas, dump->rejected);
    return {};
}

BackendError Backend::deliverStatus(RequestId id, const QByteArray& json)
{
    const auto status = decodeStatusJson(json);
    if (!status) {
        return BackendError::make(BackendError::Kind::Protocol, status.error());
    }
    Q_EMIT statusReceived(id, *status);
    return {};
}

} // namespace qracoon
