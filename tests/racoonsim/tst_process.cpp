// The racoonsim binary: command line, socket ownership and permissions, real-time event delays, SIGHUP,
// SIGTERM with RACOON_QUIT, the die-after fault, and a log that never shows a password.
#include "TestConnection.h"
#include "core/wire/AdminRequest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace qracoon;
using namespace qracoon::sim;

namespace {

QByteArray bytesOf(const AdminRequest& request)
{
    return QByteArray(request.data(), qsizetype(request.size()));
}

SaSelector selector(const char* src, const char* dst)
{
    SaSelector s;
    s.src = *SocketAddress::fromText(QString::fromLatin1(src));
    s.dst = *SocketAddress::fromText(QString::fromLatin1(dst));
    return s;
}

QByteArray demoConfig()
{
    QFile file(QStringLiteral(RACOONSIM_SOURCE_DIR "/demo.conf"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A running racoonsim on a socket in its own temporary directory.
struct Daemon
{
    QTemporaryDir directory;
    QProcess process;
    QString socket = directory.filePath(QStringLiteral("run/racoon.sock"));
    QByteArray log;

    bool start(QStringList arguments)
    {
        arguments << QStringLiteral("--socket") << socket;
        process.setProgram(QStringLiteral(RACOONSIM_BINARY));
        process.setArguments(arguments);
        process.start();
        if (!process.waitForStarted()) {
            return false;
        }
        // The socket is ready once racoonsim says so (its owner and mode are set just before).
        (void)QTest::qWaitFor(
            [this] { return logContains("listening on") || process.state() != QProcess::Running; }, 10000);
        return isSocket() && process.state() == QProcess::Running;
    }

    bool isSocket() const
    {
        struct stat st
        {
        };
        return stat(QFile::encodeName(socket).constData(), &st) == 0 && S_ISSOCK(st.st_mode);
    }

    bool logContains(const char* text)
    {
        log += process.readAllStandardError();
        return log.contains(text);
    }

    std::unique_ptr<TestConnection> request(const QByteArray& frame)
    {
        auto c = std::make_unique<TestConnection>(socket);
        c->send(frame);
        return c;
    }

    bool finish(int* exitCode)
    {
        if (process.state() != QProcess::NotRunning && !process.waitForFinished(10000)) {
            return false;
        }
        *exitCode = process.exitCode();
        return process.exitStatus() == QProcess::NormalExit;
    }

    ~Daemon()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
    }
};

} // namespace

class ProcessTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help()
    {
        QProcess p;
        p.start(QStringLiteral(RACOONSIM_BINARY), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        for (const char* option :
             {"--socket", "--owner", "--group", "--mode", "--config", "--bulk", "--event-flood", "--fault",
              "close-mid-reply", "delay-replies=MS", "split-bytes", "garbage-frame", "die-after=N"}) {
            QVERIFY2(out.contains(option), option);
        }
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("unknown fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("explode")}
                                       << QStringLiteral("unknown fault");
        QTest::newRow("bad mode") << QStringList{QStringLiteral("--mode"), QStringLiteral("rw")}
                                  << QStringLiteral("--mode");
        QTest::newRow("bad bulk") << QStringList{QStringLiteral("--bulk"), QStringLiteral("-3")}
                                  << QStringLiteral("--bulk");
        QTest::newRow("unknown user")
            << QStringList{QStringLiteral("--owner"), QStringLiteral("no-such-user-here")}
            << QStringLiteral("unknown user");
        QTest::newRow("missing config")
            << QStringList{QStringLiteral("--config"), QStringLiteral("/nonexistent.conf")}
            << QStringLiteral("/nonexistent.conf");
        QTest::newRow("positional") << QStringList{QStringLiteral("extra")} << QStringLiteral("extra");
    }
    void badCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(RACOONSIM_BINARY),
                arguments + QStringList{QStringLiteral("--socket"), dir.filePath(QStringLiteral("s.sock"))});
        QVERIFY(p.waitForFinished());
        QVERIFY(p.exitCode() != 0);
        const QString err = QString::fromLocal8Bit(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("s.sock"))));
    }

    void badConfigurationFile()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("bad.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[global]\nlocal = 192.0.2.2\n[gateway 192.0.2.1]\nbehaviour = sulk\n");
        file.close();
        QProcess p;
        p.start(QStringLiteral(RACOONSIM_BINARY),
                {QStringLiteral("--config"), file.fileName(), QStringLiteral("--socket"),
                 dir.filePath(QStringLiteral("s.sock"))});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("line 4"));
    }

    void refusesToReplaceAFile()
    {
        Daemon d;
        QDir().mkpath(QFileInfo(d.socket).absolutePath());
        QFile plain(d.socket);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        QVERIFY(!d.start({}));
        int code = -1;
        QVERIFY(d.finish(&code));
        QCOMPARE(code, 2);
        QVERIFY(d.logContains("not a socket"));
    }

    void socketPermissions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<uint>("mode");
        QTest::newRow("default") << QStringList{} << 0600u;
        QTest::newRow("0660") << QStringList{QStringLiteral("--mode"), QStringLiteral("0660")} << 0660u;
        const passwd* pw = getpwuid(getuid());
        const group* gr = getgrgid(getgid());
        QTest::newRow("owner and group by name")
            << QStringList{QStringLiteral("--owner"), QString::fromLocal8Bit(pw->pw_name),
                           QStringLiteral("--group"), QString::fromLocal8Bit(gr->gr_name),
                           QStringLiteral("--mode"),  QStringLiteral("660")}
            << 0660u;
        QTest::newRow("group by id") << QStringList{QStringLiteral("--group"), QString::number(getgid())}
                                     << 0600u;
    }
    void socketPermissions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(uint, mode);
        Daemon d;
        QVERIFY(d.start(arguments));
        struct stat st
        {
        };
        QCOMPARE(stat(QFile::encodeName(d.socket).constData(), &st), 0);
        QVERIFY(S_ISSOCK(st.st_mode));
        QCOMPARE(uint(st.st_mode & 07777), mode);
        QCOMPARE(st.st_uid, getuid());
        QCOMPARE(st.st_gid, getgid());
    }

    void connectInRealTime()
    {
        Daemon d;
        QVERIFY(d.start({}));
        QElapsedTimer timer;
        timer.start();
        auto vc = d.request(bytesOf(AdminRequest::establishWithCredentials(AdminProto::Isakmp,
                                                                           selector("192.0.2.2", "192.0.2.1"),
                                                                           "labuser", "labpass")
                                        .value()));
        QVERIFY(vc->nextFrame());
        QList<qint64> arrivals;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(vc->nextFrame(3000));
            arrivals.append(timer.elapsed());
        }
        // Recorded: 120, 42 and 11 ms apart. Generous upper bounds for a loaded machine.
        // (The test notices arrivals only every few milliseconds, hence the slack.)
        QVERIFY2(arrivals[0] >= 110 && arrivals[0] < 1000, qPrintable(QString::number(arrivals[0])));
        QVERIFY2(arrivals[2] - arrivals[0] >= 40, qPrintable(QString::number(arrivals[2] - arrivals[0])));
        vc->close();

        int code = -1;
        ::kill(pid_t(d.process.processId()), SIGTERM);
        QVERIFY(d.finish(&code));
        QCOMPARE(code, 0);
        QVERIFY(d.logContains("labuser"));
        QVERIFY(!d.logContains("labpass"));
    }

    void sigtermSendsRacoonQuit()
    {
        Daemon d;
        QVERIFY(d.start({}));
        auto events = d.request(bytesOf(AdminRequest::simple(AdminCommand::ShowEvt)));
        QVERIFY(events->nextFrame());
        ::kill(pid_t(d.process.processId()), SIGTERM);
        const auto quit = events->nextFrame(5000);
        QVERIFY(quit);
        QCOMPARE(quit->bytes().size(), 288);
        wire::EvtAsync evt{};
        QVERIFY(wire::readStruct(quit->payloadData(), quit->payloadSize(), 0, evt));
        QCOMPARE(evt.type, std::uint32_t(EventCode::RacoonQuit));
        QVERIFY(events->waitForClose(5000));
        int code = -1;
        QVERIFY(d.finish(&code));
        QCOMPARE(code, 0);
        QVERIFY(!QFile::exists(d.socket));
    }

    void sighupRereadsTheConfiguration()
    {
        Daemon d;
        const QString path = d.directory.filePath(QStringLiteral("sim.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(demoConfig().replace("demo-gateway.der", RACOONSIM_SOURCE_DIR "/demo-gateway.der"));
        file.close();
        QVERIFY(d.start({QStringLiteral("--config"), path}));
        const QByteArray request = bytesOf(AdminRequest::withIndexes(
            AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.50")));
        auto before = d.request(request);
        auto reply = before->nextFrame();
        QVERIFY(reply);
        QCOMPARE(reply->errorCode(), -1);

        QVERIFY(file.open(QIODevice::Append));
        file.write("\n[gateway 192.0.2.50]\nname = added-later\n");
        file.close();
        ::kill(pid_t(d.process.processId()), SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT(d.logContains("configuration reloaded"), 5000);
        auto after = d.request(request);
        reply = after->nextFrame();
        QVERIFY(reply);
        QCOMPARE(reply->errorCode(), 0);
    }

    void dieAfter()
    {
        Daemon d;
        QVERIFY(d.start({QStringLiteral("--fault"), QStringLiteral("die-after=2")}));
        const QByteArray status = bytesOf(AdminRequest::simple(AdminCommand::Status));
        for (int i = 0; i < 2; ++i) {
            auto c = d.request(status);
            QVERIFY(c->nextFrame());
        }
        int code = -1;
        QVERIFY(d.finish(&code));
        QCOMPARE(code, 70);
        // Like a crash: the socket file stays behind and nobody answers on it.
        QVERIFY(QFile::exists(d.socket));
        TestConnection dead(d.socket);
        QVERIFY(!dead.isConnected());
    }

    void faultSwitchesReachTheServer()
    {
        Daemon d;
        QVERIFY(d.start({QStringLiteral("--fault"), QStringLiteral("delay-replies=300"),
                         QStringLiteral("--fault"), QStringLiteral("split-bytes")}));
        QElapsedTimer timer;
        timer.start();
        auto c = d.request(bytesOf(AdminRequest::simple(AdminCommand::ShowSa, AdminProto::Esp)));
        const auto frame = c->nextFrame(5000);
        QVERIFY(frame);
        QVERIFY(timer.elapsed() >= 290);
        QVERIFY(c->readCount() > 2);
    }
};

QTEST_GUILESS_MAIN(ProcessTest)
#include "tst_process.moc"
