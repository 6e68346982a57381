// NotificationCoalescer on a hand-moved clock: the first notification at once, a burst summed up once
// the quiet window ends, sources independent, and the off switch.
#include "applet/NotificationCoalescer.h"

#include <QSignalSpy>
#include <QTest>

using namespace qracoon;

namespace {

struct Fixture
{
    qint64 now = 1000;
    NotificationCoalescer coalescer;
    QSignalSpy shown{&coalescer, &NotificationCoalescer::notify};

    Fixture()
    {
        coalescer.setClock([this] { return now; });
    }
    QString text(int i) const { return shown.at(i).at(1).toString(); }
    QString title(int i) const { return shown.at(i).at(0).toString(); }
};

const QString Lab = QStringLiteral("192.0.2.1");
const QString Branch = QStringLiteral("198.51.100.1");

} // namespace

class TestNotificationCoalescer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstGoesOutAtOnce()
    {
        Fixture f;
        f.coalescer.post(Lab, QStringLiteral("Connected to Lab"), QStringLiteral("up"), false);
        QCOMPARE(f.shown.count(), 1);
        QCOMPARE(f.title(0), QStringLiteral("Connected to Lab"));
        QCOMPARE(f.shown.at(0).at(2).toBool(), false);
        // Well after the window: again at once.
        f.now += NotificationCoalescer::DefaultWindowMs;
        f.coalescer.post(Lab, QStringLiteral("Disconnected from Lab"), QStringLiteral("bye"), false);
        QCOMPARE(f.shown.count(), 2);
    }

    void flappingIsSummarized()
    {
        Fixture f;
        f.coalescer.post(Lab, QStringLiteral("Connected to Lab"), QStringLiteral("up"), false);
        // A tunnel flapping every second for 9 seconds.
        for (int i = 0; i < 9; ++i) {
            f.now += 1000;
            const bool down = i % 2 == 0;
            f.coalescer.post(
                Lab, down ? QStringLiteral("Disconnected from Lab") : QStringLiteral("Connected to Lab"),
                down ? QStringLiteral("DPD timeout") : QStringLiteral("up"), down);
        }
        QCOMPARE(f.shown.count(), 1);
        QCOMPARE(f.coalescer.heldCount(), 9);
        f.coalescer.deliverDue(); // window not over yet
        QCOMPARE(f.shown.count(), 1);
        f.now = 1000 + NotificationCoalescer::DefaultWindowMs;
        f.coalescer.deliverDue();
        QCOMPARE(f.shown.count(), 2);
        // The newest state, how many were held, and a warning since a failure was among them.
        QCOMPARE(f.title(1), QStringLiteral("Disconnected from Lab"));
        QVERIFY(f.text(1).startsWith(QLatin1String("DPD timeout\n")));
        QVERIFY(f.text(1).contains(QLatin1String("9")));
        QCOMPARE(f.shown.at(1).at(2).toBool(), true);
        QCOMPARE(f.coalescer.heldCount(), 0);
        f.coalescer.deliverDue();
        QCOMPARE(f.shown.count(), 2);
    }

    void singleHeldOneIsShownAsIs()
    {
        Fixture f;
        f.coalescer.post(Lab, QStringLiteral("Connected to Lab"), QStringLiteral("up"), false);
        f.now += 500;
        f.coalescer.post(Lab, QStringLiteral("Disconnected from Lab"), QStringLiteral("bye"), false);
        f.now += NotificationCoalescer::DefaultWindowMs;
        f.coalescer.deliverDue();
        QCOMPARE(f.shown.count(), 2);
        QCOMPARE(f.text(1), QStringLiteral("bye"));
    }

    void sourcesAreIndependent()
    {
        Fixture f;
        f.coalescer.post(Lab, QStringLiteral("a"), QString(), false);
        f.coalescer.post(Branch, QStringLiteral("b"), QString(), false);
        f.coalescer.post(Lab, QStringLiteral("c"), QString(), false);
        QCOMPARE(f.shown.count(), 2);
        QCOMPARE(f.title(1), QStringLiteral("b"));
    }

    void timerDeliversWithRealTime()
    {
        NotificationCoalescer coalescer;
        coalescer.setWindow(50);
        QSignalSpy shown(&coalescer, &NotificationCoalescer::notify);
        coalescer.post(Lab, QStringLiteral("a"), QString(), false);
        coalescer.post(Lab, QStringLiteral("b"), QString(), true);
        QCOMPARE(shown.count(), 1);
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(shown.at(1).at(0).toString(), QStringLiteral("b"));
    }

    void switchedOff()
    {
        Fixture f;
        f.coalescer.post(Lab, QStringLiteral("a"), QString(), false);
        f.coalescer.post(Lab, QStringLiteral("b"), QString(), false);
        f.coalescer.setEnabled(false);
        f.coalescer.post(Lab, QStringLiteral("c"), QString(), false);
        f.now += NotificationCoalescer::DefaultWindowMs;
        f.coalescer.deliverDue();
        QCOMPARE(f.shown.count(), 1);
        f.coalescer.setEnabled(true);
        f.coalescer.post(Lab, QStringLiteral("d"), QString(), false);
        QCOMPARE(f.shown.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestNotificationCoalescer)
#include "tst_notificationcoalescer.moc"
