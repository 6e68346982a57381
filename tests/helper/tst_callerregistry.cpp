// Per-user bounds and forgetting callers that left the bus. Run on a connection that is not connected:
// the registry's bookkeeping needs no bus, and NameOwnerChanged is delivered by hand.
#include "helper/CallerRegistry.h"

#include <QSignalSpy>
#include <QTest>

using namespace qracoon::helper;

class TestCallerRegistry : public QObject
{
    Q_OBJECT

private:
    static void nameLeft(CallerRegistry& registry, const QString& name)
    {
        QVERIFY(QMetaObject::invokeMethod(&registry, "onNameOwnerChanged", Q_ARG(QString, name),
                                          Q_ARG(QString, name), Q_ARG(QString, QString())));
    }

private Q_SLOTS:
    void requestsAreBoundedPerUser()
    {
        CallerRegistry registry(QDBusConnection(QStringLiteral("none")), 2, 2);
        QSignalSpy activity(&registry, &CallerRegistry::activityChanged);
        QVERIFY(registry.isIdle());
        QVERIFY(registry.beginRequest(QStringLiteral(":1.1"), 1000));
        QVERIFY(registry.beginRequest(QStringLiteral(":1.2"), 1000));
        QVERIFY(!registry.beginRequest(QStringLiteral(":1.3"), 1000));
        QVERIFY(registry.beginRequest(QStringLiteral(":1.4"), 1001));
        QCOMPARE(registry.requestsInFlight(), 3);
        QCOMPARE(activity.size(), 3);
        registry.endRequest(QStringLiteral(":1.1"));
        QVERIFY(registry.beginRequest(QStringLiteral(":1.3"), 1000));
        registry.endRequest(QStringLiteral(":1.2"));
        registry.endRequest(QStringLiteral(":1.3"));
        registry.endRequest(QStringLiteral(":1.4"));
        registry.endRequest(QStringLiteral(":1.4")); // one too many: ignored
        QCOMPARE(registry.requestsInFlight(), 0);
        QVERIFY(registry.isIdle());
    }

    void subscriptionsAreBoundedPerUser()
    {
        CallerRegistry registry(QDBusConnection(QStringLiteral("none")), 4, 2);
        using S = CallerRegistry::Subscription;
        QCOMPARE(registry.subscribe(QStringLiteral(":1.1"), 1000), S::Added);
        QCOMPARE(registry.subscribe(QStringLiteral(":1.1"), 1000), S::AlreadySubscribed);
        QCOMPARE(registry.subscribe(QStringLiteral(":1.2"), 1000), S::Added);
        QCOMPARE(registry.subscribe(QStringLiteral(":1.3"), 1000), S::LimitReached);
        QCOMPARE(registry.subscribe(QStringLiteral(":1.4"), 1001), S::Added);
        QCOMPARE(registry.subscribers().size(), 3);
        QVERIFY(!registry.isIdle());
        QVERIFY(registry.unsubscribe(QStringLiteral(":1.1")));
        QVERIFY(!registry.unsubscribe(QStringLiteral(":1.1")));
        QCOMPARE(registry.subscribe(QStringLiteral(":1.3"), 1000), S::Added);
    }

    void callerThatLeavesIsForgotten()
    {
        CallerRegistry registry(QDBusConnection(QStringLiteral("none")), 4, 4);
        QSignalSpy vanished(&registry, &CallerRegistry::callerVanished);
        QCOMPARE(registry.subscribe(QStringLiteral(":1.1"), 1000), CallerRegistry::Subscription::Added);
        QVERIFY(registry.beginRequest(QStringLiteral(":1.2"), 1000));
        nameLeft(registry, QStringLiteral(":1.1"));
        nameLeft(registry, QStringLiteral(":1.2"));
        nameLeft(registry, QStringLiteral(":1.99")); // never a caller: nothing happens
        QCOMPARE(vanished.size(), 2);
        QVERIFY(registry.subscribers().isEmpty());
        // Its request still ends normally, but a vanished caller cannot subscribe any more.
        QCOMPARE(registry.subscribe(QStringLiteral(":1.2"), 1000), CallerRegistry::Subscription::CallerGone);
        registry.endRequest(QStringLiteral(":1.2"));
        QVERIFY(registry.isIdle());
    }

    void knownCallerResolvesWithoutTheBus()
    {
        CallerRegistry registry(QDBusConnection(QStringLiteral("none")), 4, 4);
        QVERIFY(registry.beginRequest(QStringLiteral(":1.5"), 1234));
        std::optional<uint> known;
        std::optional<uint> unknown = 1;
        int answers = 0;
        registry.resolveUser(QStringLiteral(":1.5"), this, [&](std::optional<uint> uid) {
            known = uid;
            ++answers;
        });
        registry.resolveUser(QStringLiteral(":1.6"), this, [&](std::optional<uint> uid) {
            unknown = uid;
            ++answers;
        });
        QVERIFY(QTest::qWaitFor([&] { return answers == 2; }, 5000));
        QCOMPARE(known, std::optional<uint>(1234));
        QVERIFY(!unknown);
    }
};

QTEST_GUILESS_MAIN(TestCallerRegistry)
#include "tst_callerregistry.moc"
