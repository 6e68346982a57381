// End to end: the racoonctl binary against the racoonsim binary, for every command, a VPN connect with
// Xauth and mode-cfg, a wrong password, a disconnect, an event stream and each of racoonsim's faults.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result
{
    int status = -1;
    QByteArray out;
    QByteArray err;
};

class Simulator
{
public:
    Simulator(const QString& socketPath, const QStringList& extra = {})
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(RACOONSIM_BINARY),
                        QStringList{QStringLiteral("--socket"), socketPath} + extra);
        m_process.waitForStarted();
        for (int i = 0; i < 200 && !QFileInfo(socketPath).exists(); ++i) {
            QTest::qWait(10);
        }
    }
    ~Simulator()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    QByteArray log() { return m_process.readAllStandardError(); }
    QProcess& process() { return m_process; }

private:
    QProcess m_process;
};

} // namespace

class TestRacoonctlAgainstRacoonsim : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_socket;

    Result racoonctl(const QStringList& words, const QByteArray& input = {}, const QString& socket = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(RACOONCTL_BINARY),
                QStringList{QStringLiteral("-s"), socket.isEmpty() ? m_socket : socket} + words);
        p.waitForStarted();
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_socket = m_dir.filePath(QStringLiteral("racoon.sock"));
    }

    void idleDaemon()
    {
        Simulator sim(m_socket);
        Result r = racoonctl({QStringLiteral("status")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.startsWith("racoon status at "));
        QVERIFY(r.out.contains("(no phase 1 SAs)"));

        r = racoonctl({QStringLiteral("show-sa"), QStringLiteral("isakmp")});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out, QByteArray("Destination            Cookies                           Created\n"));

        r = racoonctl({QStringLiteral("ss"), QStringLiteral("esp")});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out, QByteArray("No SAD entries.\n"));

        r = racoonctl({QStringLiteral("sc")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.startsWith("index    tick     xtime    created\n"));

        for (const QString& word : {QStringLiteral("rc"), QStringLiteral("fs")}) {
            r = racoonctl({word});
            QCOMPARE(r.status, 0);
        }
        r = racoonctl({QStringLiteral("lu"), QStringLiteral("labuser")});
        QCOMPARE(r.status, 0);
        r = racoonctl({QStringLiteral("ss"), QStringLiteral("internal")});
        QCOMPARE(r.status, 1);
        r = racoonctl({QStringLiteral("gc"), QStringLiteral("192.0.2.2"), QStringLiteral("192.0.2.1")});
        QCOMPARE(r.status, 1); // no phase 1: ENOENT
        QVERIFY(r.err.contains("no phase 1"));
    }

    void connectWithXauthThenDisconnect()
    {
        Simulator sim(m_socket);
        QProcess events;
        events.start(QStringLiteral(RACOONCTL_BINARY),
                     {QStringLiteral("-s"), m_socket, QStringLiteral("show-event")});
        QVERIFY(events.waitForStarted());
        QTest::qWait(200);

        Result r = racoonctl({QStringLiteral("vc"), QStringLiteral("-u"), QStringLiteral("labuser"),
                              QStringLiteral("192.0.2.1")},
                             "labpass\n");
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.startsWith("Bound to address 10.99.99."), r.out.constData());
        QVERIFY(r.out.contains("Welcome to the racoon lab gateway"));

        r = racoonctl({QStringLiteral("vc"), QStringLiteral("192.0.2.1")});
        QCOMPARE(r.status, 0); // already established: EEXIST counts as success

        r = racoonctl({QStringLiteral("-l"), QStringLiteral("ss"), QStringLiteral("isakmp")});
        QCOMPARE(r.status, 0);
        QVERIFY(QRegularExpression(
                    QStringLiteral("\n192\\.0\\.2\\.1\\.500 +[0-9a-f]{16}:[0-9a-f]{16}  9 I 10 M "))
                    .match(QString::fromLatin1(r.out))
                    .hasMatch());

        r = racoonctl(
            {QStringLiteral("status"), QStringLiteral("-v"), QStringLiteral("-f"), QStringLiteral("json")});
        QCOMPARE(r.status, 0);
        const QJsonObject status = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(status.value(QLatin1String("schema_version")).toString(), QStringLiteral("2.0"));
        const QJsonArray phase1 = status.value(QLatin1String("phase1")).toArray();
        QCOMPARE(phase1.size(), 1);
        QCOMPARE(phase1[0].toObject().value(QLatin1String("state")).toString(),
                 QStringLiteral("established"));
        QVERIFY(status.contains(QLatin1String("phase2")));

        r = racoonctl(
            {QStringLiteral("get-sa-cert"), QStringLiteral("192.0.2.2"), QStringLiteral("192.0.2.1")});
        QCOMPARE(r.status, 0); // a gateway without certificate: empty output

        r = racoonctl({QStringLiteral("vd"), QStringLiteral("192.0.2.1")});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out, QByteArray("Phase 1 deleted : 192.0.2.2[500] -> 192.0.2.1[500]\n"));

        r = racoonctl({QStringLiteral("ss"), QStringLiteral("isakmp")});
        QCOMPARE(r.out, QByteArray("Destination            Cookies                           Created\n"));

        events.terminate();
        events.waitForFinished();
        const QByteArray stream = events.readAllStandardOutput();
        QVERIFY2(stream.contains("Phase 1 established : 192.0.2.2[500] -> 192.0.2.1[500]\n"),
                 stream.constData());
        QVERIFY(stream.contains("Phase 1 Xauth succeeded : "));
        QVERIFY(stream.contains("Phase 1 mode configuration done : "));
        QVERIFY(stream.contains("Phase 1 deleted : 192.0.2.2[500] -> 192.0.2.1[500]\n"));
        QVERIFY(stream.indexOf("Phase 1 established") < stream.indexOf("Phase 1 deleted"));
        QVERIFY(!sim.log().contains("labpass"));
    }

    void wrongPassword()
    {
        Simulator sim(m_socket);
        const Result r = racoonctl({QStringLiteral("vc"), QStringLiteral("-u"), QStringLiteral("labuser"),
                                    QStringLiteral("192.0.2.1")},
                                   "wrong\n");
        QCOMPARE(r.status, 1);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.contains("Xauth"), r.err.constData());
    }

    void siteToSiteAndCertificate()
    {
        Simulator sim(m_socket);
        // A site-to-site gateway without Xauth or mode-cfg.
        Result r;
        r = racoonctl({QStringLiteral("es"), QStringLiteral("isakmp"), QStringLiteral("inet"),
                       QStringLiteral("192.0.2.2"), QStringLiteral("198.51.100.1")});
        QCOMPARE(r.status, 0);
        QTest::qWait(400);
        r = racoonctl({QStringLiteral("gc"), QStringLiteral("192.0.2.2"), QStringLiteral("198.51.100.1")});
        QCOMPARE(r.status, 0);
        QFile der(QStringLiteral(RACOONSIM_SOURCE_DIR "/demo-gateway.der"));
        QVERIFY(der.open(QIODevice::ReadOnly));
        QCOMPARE(r.out, der.readAll());

        r = racoonctl({QStringLiteral("es"), QStringLiteral("-w"), QStringLiteral("esp"),
                       QStringLiteral("inet"), QStringLiteral("192.0.2.2/32"), QStringLiteral("10.20.0.0/16"),
                       QStringLiteral("any")});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.startsWith("Phase 2 established : "), r.out.constData());
        r = racoonctl({QStringLiteral("ss"), QStringLiteral("esp")});
        QVERIFY2(r.out.contains("\tesp mode=tunnel spi="), r.out.constData());
        r = racoonctl({QStringLiteral("ds"), QStringLiteral("isakmp"), QStringLiteral("inet"),
                       QStringLiteral("192.0.2.2"), QStringLiteral("198.51.100.1")});
        QCOMPARE(r.status, 0);
        r = racoonctl({QStringLiteral("es"), QStringLiteral("esp"), QStringLiteral("inet"),
                       QStringLiteral("192.0.2.2"), QStringLiteral("192.0.2.99")});
        QCOMPARE(r.status, 1); // no policy: ENOENT
    }

    void unansweredGateway()
    {
        Simulator sim(m_socket);
        const Result r = racoonctl({QStringLiteral("vc"), QStringLiteral("203.0.113.1")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains("not respond"), r.err.constData());
    }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("close mid reply")
            << QStringLiteral("close-mid-reply") << 1 << QStringLiteral("middle of a frame");
        QTest::newRow("delayed replies") << QStringLiteral("delay-replies=300") << 0 << QString();
        QTest::newRow("split bytes") << QStringLiteral("split-bytes") << 0 << QString();
        QTest::newRow("garbage frame")
            << QStringLiteral("garbage-frame") << 1 << QStringLiteral("8-byte header");
    }
    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(int, status);
        QFETCH(QString, message);
        Simulator sim(m_socket, {QStringLiteral("--fault"), fault});
        const Result r = racoonctl({QStringLiteral("status")});
        QCOMPARE(r.status, status);
        if (status == 0) {
            QVERIFY(r.out.startsWith("racoon status at "));
        } else {
            QVERIFY2(r.err.contains(message.toLatin1()), r.err.constData());
        }
    }

    void daemonDies()
    {
        Simulator sim(m_socket, {QStringLiteral("--fault"), QStringLiteral("die-after=1")});
        Result r = racoonctl({QStringLiteral("ss"), QStringLiteral("isakmp")});
        QCOMPARE(r.status, 0);
        QVERIFY(sim.process().waitForFinished(5000));
        r = racoonctl({QStringLiteral("ss"), QStringLiteral("isakmp")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains("Connection refused (is racoon running?)"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestRacoonctlAgainstRacoonsim)
#include "tst_racoonctl_racoonsim.moc"
