// HelperBackend's translation of the helper's answers into BackendError, and its behaviour without a
// bus. The calls themselves, against the real helper and polkitd, are in helper_polkit.sh.
#include "backend/HelperBackend.h"
#include "helper/HelperInterface.h"

#include <QSignalSpy>
#include <QTest>
#include <cerrno>

using namespace qracoon;

class TestHelperBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorFromDBus_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");

        using K = BackendError::Kind;
        QTest::newRow("polkit said no")
            << QString::fromLatin1(helper::ErrorName::NotAuthorized) << int(K::NotAuthorized);
        QTest::newRow("bus policy") << "org.freedesktop.DBus.Error.AccessDenied" << int(K::NotAuthorized);
        QTest::newRow("racoon absent")
            << QString::fromLatin1(helper::ErrorName::DaemonAbsent) << int(K::DaemonAbsent);
        QTest::newRow("racoon slow") << QString::fromLatin1(helper::ErrorName::Timeout) << int(K::Timeout);
        QTest::newRow("helper slow") << "org.freedesktop.DBus.Error.NoReply" << int(K::Timeout);
        QTest::newRow("bad frame") << QString::fromLatin1(helper::ErrorName::Protocol) << int(K::Protocol);
        QTest::newRow("bad argument")
            << QString::fromLatin1(helper::ErrorName::InvalidArgument) << int(K::Failed);
        QTest::newRow("limit") << QString::fromLatin1(helper::ErrorName::LimitExceeded) << int(K::Failed);
        QTest::newRow("not installed") << "org.freedesktop.DBus.Error.ServiceUnknown" << int(K::Failed);
        QTest::newRow("cannot start") << "org.freedesktop.DBus.Error.Spawn.ChildExited" << int(K::Failed);
    }
    void errorFromDBus()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        const BackendError error = HelperBackend::errorFromDBus(name, QStringLiteral("detail 42"));
        QCOMPARE(int(error.kind), kind);
        QVERIFY2(error.message.contains(QLatin1String("detail 42")), qPrintable(error.message));
        QCOMPARE(error.racoonErrno, 0);
    }

    void errorFromRacoon_data()
    {
        QTest::addColumn<int>("wire");
        QTest::addColumn<int>("racoonErrno");
        QTest::newRow("EEXIST") << 17 << 17;
        QTest::newRow("negative ENOENT") << -2 << 2;
        QTest::newRow("generic failure") << -1 << -1;
    }
    void errorFromRacoon()
    {
        QFETCH(int, wire);
        QFETCH(int, racoonErrno);
        const BackendError error = HelperBackend::errorFromRacoon(wire);
        QCOMPARE(error.kind, BackendError::Kind::Refused);
        QCOMPARE(error.racoonErrno, racoonErrno);
        QVERIFY(!error.message.isEmpty());
    }

    void withoutBusEveryRequestStillFinishes()
    {
        HelperBackend backend(QDBusConnection(QStringLiteral("none")));
        QSignalSpy finished(&backend, &Backend::requestFinished);
        QSignalSpy lost(&backend, &Backend::eventStreamLost);
        const Backend::RequestId id = backend.refreshStatus();
        const Backend::RequestId connectId =
            backend.connectGateway({QStringLiteral("192.0.2.1"), QByteArray(), QString()},
                                   XauthCredentials(QByteArrayLiteral("labuser"), "labpass"));
        QCOMPARE(finished.size(), 0); // never before the caller has the id
        backend.subscribeEvents();
        QVERIFY(backend.isSubscribed());
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.at(0).at(0).value<Backend::RequestId>(), id);
        QCOMPARE(finished.at(1).at(0).value<Backend::RequestId>(), connectId);
        QCOMPARE(finished.at(0).at(1).value<BackendError>().kind, BackendError::Kind::Failed);
        QTRY_COMPARE(lost.size(), 1);
        QCOMPARE(lost.at(0).at(0).value<BackendError>().kind, BackendError::Kind::Failed);
        QVERIFY(!backend.isSubscribed());
        QVERIFY(!backend.description().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHelperBackend)
#include "tst_helperbackend.moc"
