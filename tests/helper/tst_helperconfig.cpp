// qracoon-helper's configuration: the socket path can only come from a file owned by the helper's
// account and writable by nobody else; anything odd in the file stops the helper.
#include "helper/HelperConfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace qracoon::helper;

class TestHelperConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& text, QFile::Permissions permissions)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size()) {
            return QString();
        }
        file.close();
        file.setPermissions(permissions);
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::addColumn<QString>("socket");
        QTest::addColumn<int>("idle");

        QTest::newRow("empty") << QByteArray() << ""
                               << "" << 60;
        QTest::newRow("comments") << QByteArray("# nothing\n\n   # more\n") << ""
                                  << "" << 60;
        QTest::newRow("all keys") << QByteArray("socket = /run/racoon/racoon.sock\nidle-timeout=5 # short\n"
                                                "request-timeout = 2000\nmax-requests-per-user = 3\n"
                                                "max-subscriptions-per-user = 2\n")
                                  << ""
                                  << "/run/racoon/racoon.sock" << 5;
        QTest::newRow("relative socket") << QByteArray("socket = racoon.sock\n") << "line 1"
                                         << "" << 0;
        QTest::newRow("long socket") << QByteArray("socket = /" + QByteArray(107, 'x') + "\n") << "line 1"
                                     << "" << 0;
        QTest::newRow("unknown key") << QByteArray("\nsockett = /x\n") << "line 2: unknown key"
                                     << "" << 0;
        QTest::newRow("no value") << QByteArray("idle-timeout\n") << "line 1"
                                  << "" << 0;
        QTest::newRow("zero idle") << QByteArray("idle-timeout = 0\n") << "idle-timeout"
                                   << "" << 0;
        QTest::newRow("not a number")
            << QByteArray("max-requests-per-user = many\n") << "max-requests-per-user"
            << "" << 0;
    }
    void parse()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        QFETCH(QString, socket);
        QFETCH(int, idle);
        const auto config = HelperConfig::parse(text);
        if (!error.isEmpty()) {
            QVERIFY(!config);
            QVERIFY2(config.error().contains(error), qPrintable(config.error()));
            return;
        }
        QVERIFY2(config, qPrintable(config.error()));
        QCOMPARE(config->socketPath, socket);
        QCOMPARE(config->idleTimeoutSeconds, idle);
    }

    void allKeysTakeEffect()
    {
        const auto config = HelperConfig::parse("request-timeout = 2000\nmax-requests-per-user = 3\n"
                                                "max-subscriptions-per-user = 2\n");
        QVERIFY(config);
        QCOMPARE(config->requestTimeoutMs, 2000);
        QCOMPARE(config->maxRequestsPerUser, 3);
        QCOMPARE(config->maxSubscriptionsPerUser, 2);
    }

    void missingFileGivesDefaults()
    {
        const auto config = HelperConfig::load(m_dir.filePath(QStringLiteral("absent.conf")), getuid());
        QVERIFY2(config, qPrintable(config.error()));
        QVERIFY(config->socketPath.isEmpty());
        QVERIFY(!config->effectiveSocketPath().isEmpty());
    }

    void loadsOwnedFile()
    {
        const QString path =
            write(QStringLiteral("good.conf"), "socket = /tmp/sim/racoon.sock\n",
                  QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        const auto config = HelperConfig::load(path, getuid());
        QVERIFY2(config, qPrintable(config.error()));
        QCOMPARE(config->effectiveSocketPath(), QStringLiteral("/tmp/sim/racoon.sock"));
    }

    void refusesFileOfAnotherOwner()
    {
        const QString path = write(QStringLiteral("other.conf"), "socket = /tmp/evil.sock\n",
                                   QFile::ReadOwner | QFile::WriteOwner);
        const auto config = HelperConfig::load(path, getuid() + 1);
        QVERIFY(!config);
        QVERIFY2(config.error().contains(QLatin1String("owned by uid")), qPrintable(config.error()));
    }

    void refusesWritableByOthers_data()
    {
        QTest::addColumn<int>("permissions");
        QTest::newRow("group") << int(QFile::ReadOwner | QFile::WriteOwner | QFile::WriteGroup);
        QTest::newRow("others") << int(QFile::ReadOwner | QFile::WriteOwner | QFile::WriteOther);
    }
    void refusesWritableByOthers()
    {
        QFETCH(int, permissions);
        const QString path = write(QStringLiteral("writable.conf"), "socket = /tmp/evil.sock\n",
                                   QFile::Permissions(permissions));
        const auto config = HelperConfig::load(path, getuid());
        QVERIFY(!config);
        QVERIFY2(config.error().contains(QLatin1String("writable")), qPrintable(config.error()));
    }

    void refusesSymlink()
    {
        const QString target = write(QStringLiteral("target.conf"), "socket = /tmp/evil.sock\n",
                                     QFile::ReadOwner | QFile::WriteOwner);
        const QString link = m_dir.filePath(QStringLiteral("link.conf"));
        QVERIFY(QFile::link(target, link));
        QVERIFY(!HelperConfig::load(link, getuid()));
    }

    void refusesDirectory() { QVERIFY(!HelperConfig::load(m_dir.path(), getuid())); }

    void reportsParseErrorsWithPath()
    {
        const QString path =
            write(QStringLiteral("bad.conf"), "socket = relative\n", QFile::ReadOwner | QFile::WriteOwner);
        const auto config = HelperConfig::load(path, getuid());
        QVERIFY(!config);
        QVERIFY2(config.error().startsWith(path), qPrintable(config.error()));
    }
};

QTEST_GUILESS_MAIN(TestHelperConfig)
#include "tst_helperconfig.moc"
