// A Backend the test drives by hand: it records every operation and finishes it only when told to, so
// the applet's reactions to each outcome can be checked one at a time.
#pragma once

#include "backend/Backend.h"

#include <QString>
#include <vector>

namespace qracoon::test {

class FakeBackend : public Backend
{
    Q_OBJECT

public:
    struct Call
    {
        QString kind; // connect, disconnect, isakmp, ipsec, status
        RequestId id = 0;
        GatewayTarget target;
        QByteArray login;
        QByteArray password;
        QString address;
    };

    QString description() const override { return QStringLiteral("fake backend"); }

    RequestId connectGateway(const GatewayTarget& target, XauthCredentials credentials) override;
    RequestId disconnectGateway(const QString& address) override;
    RequestId refreshIsakmpSas() override { return record(QStringLiteral("isakmp")).id; }
    RequestId refreshIpsecSas() override { return record(QStringLiteral("ipsec")).id; }
    RequestId refreshStatus() override { return record(QStringLiteral("status")).id; }
    void subscribeEvents() override;
    void unsubscribeEvents() override { m_subscribed = false; }
    bool isSubscribed() const override { return m_subscribed; }

    // Test controls.
    std::vector<Call> calls;
    int subscribeCount = 0;
    int count(const QString& kind) const;
    const Call* last(const QString& kind) const;
    void finish(RequestId id, const BackendError& error = {});
    void fail(RequestId id, BackendError::Kind kind, const QString& message, int racoonErrno = 0);
    void acceptSubscription();
    void loseStream(BackendError::Kind kind);
    void push(const RacoonEvent& event) { Q_EMIT eventReceived(event); }
    void answerIsakmp(RequestId id, const std::vector<IsakmpSa>& sas);
    void answerIpsec(RequestId id, const std::vector<IpsecSa>& sas);
    void answerStatus(RequestId id, const StatusDocument& status);
    // Finishes every open refresh with `error` (racoon gone, say).
    void failRefreshes(BackendError::Kind kind);
    void forceDaemonState(DaemonState state) { setDaemonState(state); }

private:
    Call& record(const QString& kind);
    std::vector<RequestId> m_open;
    bool m_subscribed = false;
};

} // namespace qracoon::test
