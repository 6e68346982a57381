// ConnectionController: the per-gateway state machine, driven through a FakeBackend.
#include "FakeBackend.h"
#include "TestValues.h"
#include "applet/ConnectionController.h"

#include <QSignalSpy>
#include <QTest>
#include <cerrno>

using namespace qracoon;
using namespace qracoon::test;
using State = ConnectionController::State;

class TestConnectionController : public QObject
{
    Q_OBJECT

private:
    static GatewayProfile lab(bool xauth)
    {
        GatewayProfile p;
        p.name = QStringLiteral("Lab");
        p.address = QStringLiteral("192.0.2.1");
        p.remoteName = "lab-gateway";
        p.xauth = xauth;
        p.userName = QStringLiteral("labuser");
        return p;
    }

private Q_SLOTS:
    void connectsWithoutXauthOnPhase1Up()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(false), backend, clock);
        QSignalSpy states(&c, &ConnectionController::stateChanged);
        c.connectToGateway();
        QCOMPARE(c.state(), State::Connecting);
        const auto* call = backend.last(QStringLiteral("connect"));
        QVERIFY(call != nullptr);
        QCOMPARE(call->target.address, QStringLiteral("192.0.2.1"));
        QCOMPARE(call->target.remoteName, QByteArray("lab-gateway"));
        QVERIFY(call->login.isEmpty());
        backend.finish(call->id);
        QCOMPARE(c.state(), State::Connecting);
        c.handleEvent(racoonEvent(EventCode::Phase1Up, "198.51.100.1")); // another gateway
        QCOMPARE(c.state(), State::Connecting);
        c.handleEvent(racoonEvent(EventCode::Phase1Up));
        QCOMPARE(c.state(), State::Connected);
        QCOMPARE(c.uptime(), 0);
        clock.advance(42);
        QCOMPARE(c.uptime(), 42);
        QCOMPARE(states.count(), 2);
    }

    void xauthRoundsAndModeCfg()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(true), backend, clock);
        QSignalSpy asked(&c, &ConnectionController::credentialsRequired);
        QSignalSpy configured(&c, &ConnectionController::configurationReceived);
        c.connectToGateway();
        QCOMPARE(c.state(), State::AwaitingCredentials);
        QCOMPARE(asked.count(), 1);
        QVERIFY(asked.at(0).at(0).toString().isEmpty());
        QCOMPARE(backend.count(QStringLiteral("connect")), 0);

        // First round: rejected. The dialog is asked again, with a reason, and the half-open SA deleted.
        c.provideCredentials(XauthCredentials("labuser", "wrong"));
        QCOMPARE(c.state(), State::Connecting);
        QCOMPARE(backend.last(QStringLiteral("connect"))->login, QByteArray("labuser"));
        QCOMPARE(backend.last(QStringLiteral("connect"))->password, QByteArray("wrong"));
        c.handleEvent(racoonEvent(EventCode::Phase1Up));
        QCOMPARE(c.state(), State::Connecting); // Xauth still to come
        c.handleEvent(racoonEvent(EventCode::Phase1XauthFailed));
        QCOMPARE(c.state(), State::AwaitingCredentials);
        QCOMPARE(asked.count(), 2);
        QVERIFY(!asked.at(1).at(0).toString().isEmpty());
        QCOMPARE(backend.last(QStringLiteral("disconnect"))->address, QStringLiteral("192.0.2.1"));
        c.handleEvent(racoonEvent(EventCode::Phase1Down)); // racoon's own teardown: ignored while asking
        QCOMPARE(c.state(), State::AwaitingCredentials);

        // Second round: accepted.
        c.provideCredentials(XauthCredentials("labuser", "labpass"));
        QCOMPARE(backend.count(QStringLiteral("connect")), 2);
        c.handleEvent(racoonEvent(EventCode::Phase1Up));
        c.handleEvent(racoonEvent(EventCode::Phase1XauthSuccess));
        QCOMPARE(c.state(), State::Connected);
        QVERIFY(c.lastError().isEmpty());
        c.handleEvent(modeCfgEvent("192.0.2.1", "10.99.99.1", QStringLiteral("Welcome\n")));
        QCOMPARE(configured.count(), 1);
        QCOMPARE(c.assignedAddress()->toString(), QStringLiteral("10.99.99.1"));
        QCOMPARE(c.dnsServers(), QStringList{QStringLiteral("10.99.0.53")});
        QCOMPARE(c.banner(), QStringLiteral("Welcome"));
    }

    void cancellingLeavesNothingHalfOpen_data()
    {
        QTest::addColumn<bool>("saExists");
        QTest::newRow("no SA yet") << false;
        QTest::newRow("half-open SA") << true;
    }

    void cancellingLeavesNothingHalfOpen()
    {
        QFETCH(bool, saExists);
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(true), backend, clock);
        c.connectToGateway();
        if (saExists) {
            c.updateIsakmpSas({isakmpSa("192.0.2.1", 1, 9)});
            QCOMPARE(c.state(), State::AwaitingCredentials); // Xauth not confirmed: not connected
        }
        c.cancelCredentials();
        QCOMPARE(c.state(), State::Disconnected);
        QCOMPARE(backend.count(QStringLiteral("disconnect")), saExists ? 1 : 0);
        QCOMPARE(backend.count(QStringLiteral("connect")), 0);
        // A late answer from a dialog is ignored.
        c.provideCredentials(XauthCredentials("labuser", "late"));
        QCOMPARE(backend.count(QStringLiteral("connect")), 0);
    }

    void failures_data()
    {
        QTest::addColumn<std::uint32_t>("code");
        QTest::newRow("no response") << std::uint32_t(EventCode::Phase1NoResponse);
        QTest::newRow("no proposal") << std::uint32_t(EventCode::Phase1NoProposal);
        QTest::newRow("auth failed") << std::uint32_t(EventCode::Phase1AuthFailed);
    }

    void failures()
    {
        QFETCH(std::uint32_t, code);
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(false), backend, clock);
        c.connectToGateway();
        c.handleEvent(racoonEvent(code));
        QCOMPARE(c.state(), State::Failed);
        QVERIFY(!c.lastError().isEmpty());
        // Failed is not a dead end.
        c.connectToGateway();
        QCOMPARE(c.state(), State::Connecting);
        QVERIFY(c.lastError().isEmpty());
    }

    void refusedAndAlreadyEstablished_data()
    {
        QTest::addColumn<int>("racoonErrno");
        QTest::addColumn<int>("expected");
        QTest::newRow("EEXIST: already up") << EEXIST << int(State::Connected);
        QTest::newRow("-1: no remote") << -1 << int(State::Failed);
        QTest::newRow("EINVAL") << EINVAL << int(State::Failed);
    }

    void refusedAndAlreadyEstablished()
    {
        QFETCH(int, racoonErrno);
        QFETCH(int, expected);
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(false), backend, clock);
        c.connectToGateway();
        backend.fail(backend.last(QStringLiteral("connect"))->id, BackendError::Kind::Refused,
                     QStringLiteral("refused"), racoonErrno);
        QCOMPARE(int(c.state()), expected);
    }

    void neverStaleConnected()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(false), backend, clock);
        // An SA made elsewhere (racoonctl, before the applet started) makes the gateway connected.
        c.updateIsakmpSas({isakmpSa("192.0.2.1", 1, 9, 1500)});
        QCOMPARE(c.state(), State::Connected);
        QCOMPARE(c.uptime(), 500);
        // The SA disappears without any event: the next list says so.
        c.updateIsakmpSas({isakmpSa("198.51.100.1", 3, 9)});
        QCOMPARE(c.state(), State::Disconnected);
        QVERIFY(!c.lastError().isEmpty());
    }

    void xauthGatewayConnectedFromStatus()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(true), backend, clock);
        const IsakmpSa sa = isakmpSa("192.0.2.1", 1, 9);
        c.updateIsakmpSas({sa});
        QCOMPARE(c.state(), State::Disconnected); // Xauth unknown yet
        StatusDocument status;
        status.phase1.push_back(statusPhase1(sa, QStringLiteral("reqsent")));
        // The model finds a gateway's phase 1 in status by this index.
        QCOMPARE(c.statusIndex(), status.phase1.front().index);
        c.updatePhase1Status(&status.phase1.front());
        QCOMPARE(c.state(), State::Disconnected);
        StatusDocument::Phase1 ok = statusPhase1(sa, QStringLiteral("ok"));
        StatusDocument::ModeCfg cfg;
        cfg.addr4 = QStringLiteral("10.99.99.7");
        ok.modeCfg = cfg;
        c.updatePhase1Status(&ok);
        QCOMPARE(c.state(), State::Connected);
        QCOMPARE(c.assignedAddress()->toString(), QStringLiteral("10.99.99.7"));
    }

    void daemonGone_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("daemon");
        QTest::newRow("connected, racoon quits") << int(State::Connected) << int(DaemonState::Absent);
        QTest::newRow("asking, racoon quits") << int(State::AwaitingCredentials) << int(DaemonState::Absent);
        QTest::newRow("connecting, not authorized")
            << int(State::Connecting) << int(DaemonState::NotAuthorized);
    }

    void daemonGone()
    {
        QFETCH(int, from);
        QFETCH(int, daemon);
        FakeBackend backend;
        ManualClock clock;
        const bool xauth = from == int(State::AwaitingCredentials);
        ConnectionController c(lab(xauth), backend, clock);
        QSignalSpy withdrawn(&c, &ConnectionController::credentialsWithdrawn);
        c.connectToGateway();
        if (from == int(State::Connected)) {
            c.handleEvent(racoonEvent(EventCode::Phase1Up));
        }
        QCOMPARE(int(c.state()), from);
        c.handleDaemonState(static_cast<DaemonState>(daemon));
        QCOMPARE(c.state(), State::Disconnected);
        QVERIFY(!c.lastError().isEmpty());
        QVERIFY(!c.hasSa());
        QCOMPARE(withdrawn.count(), xauth ? 1 : 0);
    }

    void disconnectWaitsForPhase1Down()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(false), backend, clock);
        c.connectToGateway();
        c.handleEvent(racoonEvent(EventCode::Phase1Up));
        c.updateIsakmpSas({isakmpSa("192.0.2.1", 1, 9)});
        c.disconnectFromGateway();
        QCOMPARE(c.state(), State::Disconnecting);
        backend.finish(backend.last(QStringLiteral("disconnect"))->id);
        QCOMPARE(c.state(), State::Disconnecting);
        c.handleEvent(racoonEvent(EventCode::Phase1Down));
        QCOMPARE(c.state(), State::Disconnected);
        QVERIFY(c.lastError().isEmpty());
    }

    void unexpectedDownIsExplained()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(false), backend, clock);
        c.connectToGateway();
        c.handleEvent(racoonEvent(EventCode::Phase1Up));
        c.handleEvent(racoonEvent(EventCode::Phase1DpdTimeout));
        QCOMPARE(c.state(), State::Disconnected);
        QVERIFY(c.lastError().contains(QLatin1String("dead peer"), Qt::CaseInsensitive));
    }

    void countsBytesPerDirection()
    {
        FakeBackend backend;
        ManualClock clock;
        ConnectionController c(lab(false), backend, clock);
        c.updateIpsecSas({ipsecSa("192.0.2.1", "192.0.2.2", 1, 1000),
                          ipsecSa("192.0.2.2", "192.0.2.1", 2, 300),
                          ipsecSa("198.51.100.1", "192.0.2.2", 3, 5000)});
        QCOMPARE(c.bytesIn(), 1000u);
        QCOMPARE(c.bytesOut(), 300u);
    }
};

QTEST_GUILESS_MAIN(TestConnectionController)
#include "tst_connectioncontroller.moc"
