#include "FakeBackend.h"

#include <algorithm>

namespace qracoon::test {

FakeBackend::Call& FakeBackend::record(const QString& kind)
{
    Call call;
    call.kind = kind;
    call.id = nextRequestId();
    calls.push_back(call);
    m_open.push_back(call.id);
    return calls.back();
}

Backend::RequestId FakeBackend::connectGateway(const GatewayTarget& target, XauthCredentials credentials)
{
    Call& call = record(QStringLiteral("connect"));
    call.target = target;
    call.login = credentials.login();
    call.password = QByteArray(credentials.password().data(), qsizetype(credentials.password().size()));
    credentials.wipe();
    return call.id;
}

Backend::RequestId FakeBackend::disconnectGateway(const QString& address)
{
    Call& call = record(QStringLiteral("disconnect"));
    call.address = address;
    return call.id;
}

void FakeBackend::subscribeEvents()
{
    ++subscribeCount;
    m_subscribed = true;
}

int FakeBackend::count(const QString& kind) const
{
    return static_cast<int>(
        std::count_if(calls.begin(), calls.end(), [&](const Call& c) { return c.kind == kind; }));
}

const FakeBackend::Call* FakeBackend::last(const QString& kind) const
{
    for (auto it = calls.rbegin(); it != calls.rend(); ++it) {
        if (it->kind == kind) {
            return &*it;
        }
    }
    return nullptr;
}

void FakeBackend::finish(RequestId id, const BackendError& error)
{
    m_open.erase(std::remove(m_open.begin(), m_open.end(), id), m_open.end());
    noteOutcome(error);
    Q_EMIT requestFinished(id, error);
}

void FakeBackend::fail(RequestId id, BackendError::Kind kind, const QString& message, int racoonErrno)
{
    BackendError error;
    error.kind = kind;
    error.message = message;
    error.racoonErrno = racoonErrno;
    finish(id, error);
}

void FakeBackend::acceptSubscription()
{
    setDaemonState(DaemonState::Running);
    Q_EMIT eventsSubscribed();
}

void FakeBackend::loseStream(BackendError::Kind kind)
{
    m_subscribed = false;
    BackendError error;
    error.kind = kind;
    error.message = QStringLiteral("stream lost");
    noteOutcome(error);
    Q_EMIT eventStreamLost(error);
}

void FakeBackend::answerIsakmp(RequestId id, const std::vector<IsakmpSa>& sas)
{
    Q_EMIT isakmpSasReceived(id, sas);
    finish(id);
}

void FakeBackend::answerIpsec(RequestId id, const std::vector<IpsecSa>& sas)
{
    Q_EMIT ipsecSasReceived(id, sas, {});
    finish(id);
}

void FakeBackend::answerStatus(RequestId id, const StatusDocument& status)
{
    Q_EMIT statusReceived(id, status);
    finish(id);
}

void FakeBackend::failRefreshes(BackendError::Kind kind)
{
    const std::vector<RequestId> open = m_open;
    for (const Call& call : calls) {
        if (std::find(open.begin(), open.end(), call.id) != open.end() &&
            (call.kind == QLatin1String("isakmp") || call.kind == QLatin1String("ipsec") ||
             call.kind == QLatin1String("status"))) {
            fail(call.id, kind, QStringLiteral("refresh failed"));
        }
    }
}

} // namespace qracoon::test
