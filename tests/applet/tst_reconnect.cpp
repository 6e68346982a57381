// Reconnecting a dropped tunnel: ConnectionController's backoff through a FakeBackend (short delays), and
// the rule that a reconnect never reuses a password typed into the dialog.
#include "FakeBackend.h"
#include "TestValues.h"
#include "applet/ConnectionController.h"

#include <QSignalSpy>
#include <QTest>

using namespace qracoon;
using namespace qracoon::test;
using State = ConnectionController::State;

namespace {

constexpr int FirstMs = 40;
constexpr int MaxMs = 160;

GatewayProfile branch(bool reconnect, bool xauth = false)
{
    GatewayProfile p;
    p.name = QStringLiteral("Branch");
    p.address = QStringLiteral("192.0.2.1");
    p.reconnect = reconnect;
    p.xauth = xauth;
    p.userName = QStringLiteral("labuser");
    return p;
}

void bringUp(ConnectionController& c, FakeBackend& backend)
{
    if (c.state() == State::AwaitingCredentials) {
        c.provideCredentials(XauthCredentials("labuser", "one-time-123456"));
    }
    QCOMPARE(c.state(), State::Connecting);
    backend.finish(backend.last(QStringLiteral("connect"))->id);
    c.handleEvent(racoonEvent(EventCode::Phase1Up));
    if (c.profile().xauth) {
        c.handleEvent(racoonEvent(EventCode::Phase1XauthSuccess));
    }
    QCOMPARE(c.state(), State::Connected);
}

} // namespace

class TestReconnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropsAreReconnected_data()
    {
        QTest::addColumn<std::uint32_t>("code");
        QTest::newRow("DPD timeout") << std::uint32_t(EventCode::Phase1DpdTimeout);
        QTest::newRow("peer delete") << std::uint32_t(EventCode::Phase1PeerDeleted);
        QTest::newRow("phase 1 down") << std::uint32_t(EventCode::Phase1Down);
    }

    void dropsAreReconnected()
    {
        QFETCH(std::uint32_t, code);
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(branch(true), backend, clock);
        c.setReconnectDelays(FirstMs, MaxMs);
        c.handleDaemonState(DaemonState::Running);
        c.connectToGateway();
        bringUp(c, backend);

        c.handleEvent(racoonEvent(code));
        QCOMPARE(c.state(), State::Disconnected);
        QVERIFY(!c.lastError().isEmpty());
        QVERIFY(c.isReconnecting());
        QCOMPARE(c.reconnectDelay(), FirstMs);
        QCOMPARE(backend.count(QStringLiteral("connect")), 1);
        QTRY_COMPARE(backend.count(QStringLiteral("connect")), 2);
        QCOMPARE(c.state(), State::Connecting);
        bringUp(c, backend);
        QVERIFY(!c.isReconnecting());
    }

    void backoffDoublesAndResets()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(branch(true), backend, clock);
        c.setReconnectDelays(FirstMs, MaxMs);
        c.handleDaemonState(DaemonState::Running);
        c.connectToGateway();
        bringUp(c, backend);
        c.handleEvent(racoonEvent(EventCode::Phase1DpdTimeout));

        // Every failed attempt waits twice as long, up to the maximum.
        QList<int> delays;
        for (int attempt = 0; attempt < 4; ++attempt) {
            delays.append(c.reconnectDelay());
            QTRY_COMPARE(c.state(), State::Connecting);
            c.handleEvent(racoonEvent(EventCode::Phase1NoResponse));
            QCOMPARE(c.state(), State::Failed);
            QVERIFY(c.isReconnecting());
        }
        delays.append(c.reconnectDelay());
        QCOMPARE(delays, (QList<int>{FirstMs, 2 * FirstMs, MaxMs, MaxMs, MaxMs}));
        // Success resets the backoff: the next drop waits the first delay again.
        QTRY_COMPARE(c.state(), State::Connecting);
        bringUp(c, backend);
        c.handleEvent(racoonEvent(EventCode::Phase1PeerDeleted));
        QCOMPARE(c.reconnectDelay(), FirstMs);
    }

    void userDisconnectIsNotUndone()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(branch(true), backend, clock);
        c.setReconnectDelays(FirstMs, MaxMs);
        c.connectToGateway();
        bringUp(c, backend);
        c.disconnectFromGateway();
        c.handleEvent(racoonEvent(EventCode::Phase1Down));
        QCOMPARE(c.state(), State::Disconnected);
        QVERIFY(!c.isReconnecting());
        QTest::qWait(3 * FirstMs);
        QCOMPARE(backend.count(QStringLiteral("connect")), 1);

        // Disconnect while a reconnect waits: it is called off.
        c.connectToGateway();
        bringUp(c, backend);
        c.handleEvent(racoonEvent(EventCode::Phase1DpdTimeout));
        QVERIFY(c.isReconnecting());
        c.disconnectFromGateway();
        QVERIFY(!c.isReconnecting());
        QTest::qWait(3 * FirstMs);
        QCOMPARE(backend.count(QStringLiteral("connect")), 2);
    }

    void withoutTheSettingNothingHappens()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(branch(false), backend, clock);
        c.setReconnectDelays(FirstMs, MaxMs);
        c.connectToGateway();
        bringUp(c, backend);
        c.handleEvent(racoonEvent(EventCode::Phase1DpdTimeout));
        QVERIFY(!c.isReconnecting());
        QTest::qWait(3 * FirstMs);
        QCOMPARE(backend.count(QStringLiteral("connect")), 1);
    }

    void oneTimeCodeIsNotReplayed()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(branch(true, true), backend, clock);
        c.setReconnectDelays(FirstMs, MaxMs);
        QSignalSpy asked(&c, &ConnectionController::credentialsRequired);
        c.connectToGateway();
        bringUp(c, backend);
        QCOMPARE(backend.last(QStringLiteral("connect"))->password, QByteArray("one-time-123456"));

        c.handleEvent(racoonEvent(EventCode::Phase1DpdTimeout));
        // The reconnect asks for a login again, saying why, and sends nothing by itself.
        QTRY_COMPARE(c.state(), State::AwaitingCredentials);
        QCOMPARE(asked.count(), 2);
        QVERIFY(asked.at(1).at(0).toString().contains(QLatin1String("dropped")));
        QVERIFY(!c.credentialsRejected());
        QTest::qWait(3 * FirstMs);
        QCOMPARE(backend.count(QStringLiteral("connect")), 1);
        QCOMPARE(asked.count(), 2);
        // Cancelling the question ends the reconnecting.
        c.cancelCredentials();
        QVERIFY(!c.isReconnecting());
        QCOMPARE(c.state(), State::Disconnected);
    }

    void racoonRestartWaitsForRacoon()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(branch(true), backend, clock);
        c.setReconnectDelays(FirstMs, MaxMs);
        c.handleDaemonState(DaemonState::Running);
        c.connectToGateway();
        bringUp(c, backend);
        c.handleDaemonState(DaemonState::Absent);
        QCOMPARE(c.state(), State::Disconnected);
        QVERIFY(c.isReconnecting());
        // No attempt while racoon is away, however long it stays away.
        QTest::qWait(4 * FirstMs);
        QCOMPARE(backend.count(QStringLiteral("connect")), 1);
        QVERIFY(c.isReconnecting());
        c.handleDaemonState(DaemonState::Running);
        QTRY_COMPARE(backend.count(QStringLiteral("connect")), 2);
    }
};

QTEST_GUILESS_MAIN(TestReconnect)
#include "tst_reconnect.moc"
