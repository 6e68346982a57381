// The whole applet (offscreen, so without a tray: it lives in its window) against the racoonsim
// process: Xauth with a rejected first round, mode-cfg, a gateway without Xauth, a silent gateway,
// disconnect, racoonsim killed and restarted.
#include "InMemorySecretStore.h"
#include "applet/Applet.h"
#include "applet/AppletSettings.h"
#include "applet/MainWindow.h"
#include "applet/XauthDialog.h"
#include "backend/DirectBackend.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace qracoon;
using State = ConnectionController::State;

class TestAppletRacoonsim : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_sim;

    QString socketPath() const { return m_dir.filePath(QStringLiteral("racoon.sock")); }

    bool startSim()
    {
        m_sim.setProgram(QStringLiteral(RACOONSIM_BINARY));
        m_sim.setArguments({QStringLiteral("--socket"), socketPath(), QStringLiteral("--config"),
                            m_dir.filePath(QStringLiteral("sim.conf"))});
        m_sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_sim.start();
        return m_sim.waitForStarted() && QTest::qWaitFor([&] { return QFile::exists(socketPath()); }, 5000);
    }

    static void answer(Applet& applet, ConnectionController* c, const char* password)
    {
        XauthDialog* dialog = applet.credentialsDialog(c);
        QVERIFY(dialog != nullptr);
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
        QTest::keyClicks(edit, QString::fromLatin1(password));
        QTest::keyClick(edit, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The demo gateways, answering quickly; the silent one gives up after 400 ms.
        QFile demo(QStringLiteral(RACOONSIM_SOURCE_DIR "/demo.conf"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QByteArray config = demo.readAll();
        config.replace("give-up = 5000", "give-up = 400");
        config.replace("certificate = demo-gateway.der\n", "");
        // Tunnels that drop a second after they come up.
        config += "\n[gateway 198.51.100.20]\nname = flaky-dpd\nbehaviour = dpd-timeout-after 1\n"
                  "\n[gateway 198.51.100.21]\nname = flaky-peer\nbehaviour = peer-delete-after 1\n"
                  "\n[gateway 198.51.100.22]\nname = flaky-xauth\nxauth = yes\nuser = u:otp-1\n"
                  "behaviour = dpd-timeout-after 1\n";
        QFile out(m_dir.filePath(QStringLiteral("sim.conf")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(config);
    }

    void cleanupTestCase()
    {
        m_sim.kill();
        m_sim.waitForFinished();
    }

    void connectKillRestart()
    {
        QVERIFY(startSim());
        AppletSettings settings(m_dir.filePath(QStringLiteral("qracoon.conf")));
        GatewayProfile lab;
        lab.name = QStringLiteral("Lab");
        lab.address = QStringLiteral("192.0.2.1");
        lab.xauth = true;
        lab.userName = QStringLiteral("labuser");
        GatewayProfile branch;
        branch.name = QStringLiteral("Branch");
        branch.address = QStringLiteral("198.51.100.1");
        branch.remoteName = "branch-office";
        GatewayProfile silent;
        silent.name = QStringLiteral("Silent");
        silent.address = QStringLiteral("203.0.113.1");
        settings.setGateways({lab, branch, silent});

        DirectBackend backend(socketPath());
        test::InMemorySecretStore secrets;
        Applet applet(backend, settings, secrets);
        applet.start(false);
        QVERIFY(applet.window().isVisible()); // no tray offscreen: the window is the applet
        QTRY_COMPARE(applet.monitor().daemonState(), DaemonState::Running);
        QTRY_VERIFY(applet.monitor().isSubscribed());

        ConnectionController* labC = applet.gateways().controllerFor(lab.address);
        ConnectionController* branchC = applet.gateways().controllerFor(branch.address);
        ConnectionController* silentC = applet.gateways().controllerFor(silent.address);
        QVERIFY(labC && branchC && silentC);

        // Xauth: a wrong password first, then the right one.
        labC->connectToGateway();
        QCOMPARE(labC->state(), State::AwaitingCredentials);
        answer(applet, labC, "wrong");
        QTRY_VERIFY(applet.credentialsDialog(labC) != nullptr);
        QVERIFY(!applet.credentialsDialog(labC)->message().isEmpty());
        answer(applet, labC, "labpass");
        QTRY_COMPARE(labC->state(), State::Connected);
        QTRY_VERIFY(labC->assignedAddress().has_value());
        QVERIFY(labC->assignedAddress()->toString().startsWith(QLatin1String("10.99.99.")));
        QVERIFY(labC->banner().contains(QLatin1String("lab gateway")));
        QTRY_COMPARE(applet.isakmpSas().rowCount(), 1);
        QTRY_VERIFY(labC->phase1Status().has_value());

        // A site-to-site gateway without Xauth, and one that never answers.
        branchC->connectToGateway();
        silentC->connectToGateway();
        QTRY_COMPARE(branchC->state(), State::Connected);
        QTRY_COMPARE(silentC->state(), State::Failed);
        QVERIFY(silentC->lastError().contains(QLatin1String("does not respond"), Qt::CaseInsensitive));
        QTRY_COMPARE(applet.isakmpSas().rowCount(), 2);

        labC->disconnectFromGateway();
        QTRY_COMPARE(labC->state(), State::Disconnected);
        QVERIFY(labC->lastError().isEmpty());
        QTRY_COMPARE(applet.isakmpSas().rowCount(), 1);

        // racoon dies: within two seconds nothing is connected and no SA is shown.
        QElapsedTimer timer;
        timer.start();
        m_sim.kill();
        m_sim.waitForFinished();
        QTRY_COMPARE_WITH_TIMEOUT(applet.monitor().daemonState(), DaemonState::Absent, 2000);
        QCOMPARE(branchC->state(), State::Disconnected);
        QVERIFY(!branchC->lastError().isEmpty());
        QCOMPARE(applet.isakmpSas().rowCount(), 0);
        QVERIFY(timer.elapsed() < 2000);

        // racoon is back: the applet resubscribes and can connect again.
        QVERIFY(startSim());
        QTRY_COMPARE_WITH_TIMEOUT(applet.monitor().daemonState(), DaemonState::Running, 4000);
        QTRY_VERIFY_WITH_TIMEOUT(applet.monitor().isSubscribed(), 4000);
        branchC->connectToGateway();
        QTRY_COMPARE(branchC->state(), State::Connected);
        QTRY_COMPARE(applet.isakmpSas().rowCount(), 1);
    }

    void reconnectsDroppedTunnels()
    {
        if (m_sim.state() != QProcess::Running) {
            QVERIFY(startSim());
        }
        AppletSettings settings(m_dir.filePath(QStringLiteral("reconnect.conf")));
        QList<GatewayProfile> profiles;
        for (const char* address : {"198.51.100.20", "198.51.100.21", "198.51.100.22"}) {
            GatewayProfile p;
            p.address = QString::fromLatin1(address);
            p.name = p.address;
            p.reconnect = true;
            profiles.append(p);
        }
        profiles[2].xauth = true;
        profiles[2].userName = QStringLiteral("u");
        settings.setGateways(profiles);
        DirectBackend backend(socketPath());
        test::InMemorySecretStore secrets;
        Applet applet(backend, settings, secrets);
        QSignalSpy shown(&applet.notifications(), &NotificationCoalescer::notify);
        applet.start(false);
        QTRY_VERIFY(applet.monitor().isSubscribed());

        for (int i = 0; i < 2; ++i) {
            ConnectionController* c = applet.gateways().controllerFor(profiles.at(i).address);
            c->setReconnectDelays(200, 1000);
            c->connectToGateway();
            QTRY_COMPARE(c->state(), State::Connected);
            // Down after a second (DPD timeout / peer delete), up again after the backoff.
            QTRY_VERIFY_WITH_TIMEOUT(c->isReconnecting(), 4000);
            QVERIFY(!c->lastError().isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Connected, 4000);
            QVERIFY(!c->isReconnecting());
            c->disconnectFromGateway();
            QTRY_COMPARE(c->state(), State::Disconnected);
            QVERIFY(!c->isReconnecting());
        }
        // Each gateway's ups and downs: one notification at once, the rest held for a summary.
        QTRY_VERIFY(applet.notifications().heldCount() > 0);
        for (int i = 0; i < 2; ++i) {
            int forGateway = 0;
            for (const QList<QVariant>& n : std::as_const(shown)) {
                forGateway += n.at(0).toString().contains(profiles.at(i).address) ? 1 : 0;
            }
            QCOMPARE(forGateway, 1);
        }

        // With Xauth and no remembered password the reconnect asks; it never resends the code.
        ConnectionController* x = applet.gateways().controllerFor(profiles.at(2).address);
        x->setReconnectDelays(200, 1000);
        x->connectToGateway();
        answer(applet, x, "otp-1");
        QTRY_COMPARE(x->state(), State::Connected);
        QTRY_COMPARE_WITH_TIMEOUT(x->state(), State::AwaitingCredentials, 4000);
        QTRY_VERIFY(applet.credentialsDialog(x) != nullptr);
        QVERIFY(applet.credentialsDialog(x)->message().contains(QLatin1String("dropped")));
        QTest::qWait(500);
        QCOMPARE(x->state(), State::AwaitingCredentials);
        QVERIFY(!x->hasSa()); // nothing was sent to the gateway
        applet.credentialsDialog(x)->reject();
        QCOMPARE(x->state(), State::Disconnected);
        QVERIFY(!x->isReconnecting());
    }
};

QTEST_MAIN(TestAppletRacoonsim)
#include "tst_applet_racoonsim.moc"
