// DaemonMonitor: subscription with backoff, resynchronisation, and forgetting SAs when racoon is gone.
#include "FakeBackend.h"
#include "TestValues.h"
#include "applet/DaemonMonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace qracoon;
using namespace qracoon::test;

class TestDaemonMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startSubscribesAndRefreshes()
    {
        FakeBackend backend;
        DaemonMonitor monitor(backend);
        monitor.start();
        QCOMPARE(backend.subscribeCount, 1);
        QCOMPARE(backend.count(QStringLiteral("isakmp")), 1);
        QCOMPARE(backend.count(QStringLiteral("ipsec")), 1);
        QCOMPARE(backend.count(QStringLiteral("status")), 1);
        // No second request of a kind while one is on its way.
        monitor.refreshNow();
        QCOMPARE(backend.count(QStringLiteral("isakmp")), 1);

        QSignalSpy lists(&monitor, &DaemonMonitor::isakmpSasChanged);
        backend.answerIsakmp(backend.last(QStringLiteral("isakmp"))->id, {isakmpSa("192.0.2.1", 1)});
        QCOMPARE(lists.count(), 1);
        monitor.refreshNow();
        QCOMPARE(backend.count(QStringLiteral("isakmp")), 2);
    }

    void resubscribesWithBackoff()
    {
        FakeBackend backend;
        DaemonMonitor monitor(backend);
        monitor.setRefreshInterval(60000);
        monitor.start();
        backend.acceptSubscription();
        QCOMPARE(monitor.daemonState(), DaemonState::Running);

        QSignalSpy states(&monitor, &DaemonMonitor::daemonStateChanged);
        QSignalSpy lists(&monitor, &DaemonMonitor::isakmpSasChanged);
        backend.loseStream(BackendError::Kind::Failed);
        // The loss triggers an immediate check; racoon is gone.
        backend.failRefreshes(BackendError::Kind::DaemonAbsent);
        QCOMPARE(monitor.daemonState(), DaemonState::Absent);
        QVERIFY(states.count() >= 1);
        QVERIFY(!lists.isEmpty());
        QVERIFY(lists.last().at(0).value<std::vector<IsakmpSa>>().empty());

        // Each failed attempt doubles the delay, up to the maximum.
        const int expected[] = {500, 1000, 2000, 2000};
        for (const int delay : expected) {
            const int before = backend.subscribeCount;
            QTRY_COMPARE_WITH_TIMEOUT(backend.subscribeCount, before + 1, DaemonMonitor::MaxRetryMs + 500);
            backend.loseStream(BackendError::Kind::DaemonAbsent);
            QCOMPARE(monitor.retryDelay(), delay);
        }
        // racoon is back: the next attempt succeeds, the delay resets, the lists are fetched again.
        const int before = backend.subscribeCount;
        const int refreshes = backend.count(QStringLiteral("isakmp"));
        QTRY_COMPARE_WITH_TIMEOUT(backend.subscribeCount, before + 1, DaemonMonitor::MaxRetryMs + 500);
        QSignalSpy subscribed(&monitor, &DaemonMonitor::subscribed);
        backend.failRefreshes(BackendError::Kind::DaemonAbsent);
        backend.acceptSubscription();
        QCOMPARE(subscribed.count(), 1);
        QCOMPARE(monitor.retryDelay(), DaemonMonitor::FirstRetryMs);
        QCOMPARE(monitor.daemonState(), DaemonState::Running);
        QVERIFY(backend.count(QStringLiteral("isakmp")) > refreshes);
    }

    void answeringRefreshEndsBackoffEarly()
    {
        FakeBackend backend;
        DaemonMonitor monitor(backend);
        monitor.setRefreshInterval(60000);
        monitor.start();
        backend.loseStream(BackendError::Kind::DaemonAbsent);
        backend.failRefreshes(BackendError::Kind::DaemonAbsent);
        const int before = backend.subscribeCount;
        // A refresh reaches racoon before the retry timer fires: subscribe at once.
        monitor.refreshNow();
        backend.answerIsakmp(backend.last(QStringLiteral("isakmp"))->id, {});
        QCOMPARE(backend.subscribeCount, before + 1);
    }

    void eventsTriggerRefresh()
    {
        FakeBackend backend;
        DaemonMonitor monitor(backend);
        monitor.setRefreshInterval(60000);
        monitor.start();
        backend.failRefreshes(BackendError::Kind::Timeout);
        QSignalSpy events(&monitor, &DaemonMonitor::eventReceived);
        const int before = backend.count(QStringLiteral("isakmp"));
        backend.push(racoonEvent(EventCode::Phase1Up));
        backend.push(racoonEvent(EventCode::Phase2Up));
        QCOMPARE(events.count(), 2);
        // Both events are covered by one refresh shortly after.
        QTRY_COMPARE(backend.count(QStringLiteral("isakmp")), before + 1);
        QTest::qWait(100);
        QCOMPARE(backend.count(QStringLiteral("isakmp")), before + 1);
    }

    void staleAnswersAreIgnored()
    {
        FakeBackend backend;
        DaemonMonitor monitor(backend);
        monitor.start();
        QSignalSpy lists(&monitor, &DaemonMonitor::isakmpSasChanged);
        // An answer to a request the monitor did not make (another client of the backend).
        Q_EMIT backend.isakmpSasReceived(9999, {isakmpSa("192.0.2.1", 1)});
        QCOMPARE(lists.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDaemonMonitor)
#include "tst_daemonmonitor.moc"
