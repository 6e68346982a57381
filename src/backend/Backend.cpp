#include "Backend.h"

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

} // namespace qracoon
