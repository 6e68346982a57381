// racoonctl's runner in-process, against a scripted daemon: what the manual promises beyond the
// reference (show-sa/flush-sa without class, waits that end on failure events, IPv6 gateways, the
// optional family of get-sa-cert, default socket discovery) and the password's handling.
#include "CommandLine.h"
#include "CommandRunner.h"
#include "core/format/ReplyPrinter.h"
#include "core/wire/ReplyEncoder.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <string>
#include <vector>

using namespace qracoon;
using namespace qracoon::cli;

namespace {

// Answers connection i with replies[i] (a list of frames), then closes (or holds when asked).
class ScriptedDaemon : public QObject
{
public:
    explicit ScriptedDaemon(const QString& path)
    {
        m_server.listen(path);
        connectServer();
    }
    QList<QList<QByteArray>> replies;
    bool hold = false;
    QList<QByteArray> requests;

private:
    void connectServer()
    {
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            QLocalSocket* s = m_server.nextPendingConnection();
            const qsizetype index = m_connections++;
            auto* buffer = new QByteArray;
            connect(s, &QObject::destroyed, this, [buffer] { delete buffer; });
            connect(s, &QLocalSocket::readyRead, this, [this, s, index, buffer] {
                buffer->append(s->readAll());
                if (buffer->size() < 8) {
                    return;
                }
                const int len = std::uint8_t(buffer->at(0)) | (std::uint8_t(buffer->at(1)) << 8);
                if (buffer->size() < len || buffer->isEmpty()) {
                    return;
                }
                requests << buffer->left(len);
                buffer->clear();
                for (const QByteArray& frame : replies.value(index)) {
                    s->write(frame);
                }
                s->flush();
                if (!hold) {
                    s->disconnectFromServer();
                }
            });
        });
    }
    QLocalServer m_server;
    qsizetype m_connections = 0;
};

class FixedPassword : public PasswordPrompt
{
public:
    explicit FixedPassword(QByteArray password) : m_password(std::move(password)) {}
    bool ask(const QByteArray&, SecureBytes& password) override
    {
        asked = true;
        password.append(m_password.constData(), std::size_t(m_password.size()));
        return true;
    }
    bool asked = false;

private:
    QByteArray m_password;
};

QByteArray ack(std::uint16_t cmd, std::uint16_t proto, int error = 0)
{
    return AdminFrame::encodeReply(cmd, proto, error, QByteArray());
}

SocketAddress v4(const char* text, std::uint16_t port = 0)
{
    return *SocketAddress::fromText(QString::fromLatin1(text), SocketAddress::Family::Inet, port);
}

struct Run
{
    int status = -1;
    std::string out;
    std::string err;
};

} // namespace

class TestCommandRunner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString socketPath() const { return m_dir.filePath(QStringLiteral("racoon.sock")); }

    Run run(QStringList arguments, PasswordPrompt* prompt = nullptr, const QStringList& defaults = {})
    {
        const ParseOutcome parsed = parseCommandLine(arguments, QStringLiteral("racoonctl"));
        Run r;
        if (!parsed.invocation) {
            r.status = parsed.exitCode;
            r.err = parsed.stderrText.toStdString();
            return r;
        }
        StringOutputSink out;
        StringOutputSink err;
        FixedPassword none(QByteArray{});
        CommandRunner runner(out, err, prompt ? *prompt : none, QStringLiteral("racoonctl"));
        runner.setTimeout(5000);
        runner.setClock([] { return std::time_t(1700000000); });
        if (!defaults.isEmpty()) {
            runner.setDefaultSocketPaths(defaults);
        }
        r.status = runner.run(*parsed.invocation);
        r.out = out.text();
        r.err = parsed.stderrText.toStdString() + err.text();
        return r;
    }
    QStringList withSocket(QStringList words) const
    {
        return QStringList{QStringLiteral("-s"), socketPath()} + words;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("TZ", "UTC");
    }

    void showSaWithoutClassAsksForBoth()
    {
        ScriptedDaemon daemon(socketPath());
        Ph1DumpRecord ph1;
        ph1.initiatorCookie = {1, 2, 3, 4, 5, 6, 7, 8};
        ph1.status = 9;
        ph1.remote = v4("203.0.113.5", 500);
        ph1.local = v4("192.0.2.10", 500);
        ph1.created = 1700000000;
        daemon.replies << QList<QByteArray>{AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Isakmp,
                                                                    0, ReplyEncoder::phase1Dump({ph1}))}
                       << QList<QByteArray>{
                              AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Ipsec, 0,
                                                      ReplyEncoder::emptySadbDump(Sadb::SaType::Unspec, 42))};
        const Run r = run(withSocket({QStringLiteral("show-sa")}));
        QCOMPARE(r.status, 0);
        QCOMPARE(daemon.requests.size(), 2);
        QCOMPARE(daemon.requests[0].toHex(), QByteArray("08000181"
                                                        "0100ff01"));
        QCOMPARE(daemon.requests[1].toHex(), QByteArray("08000181"
                                                        "0100ff02"));
        QCOMPARE(QByteArray::fromStdString(r.out),
                 QByteArray("Destination            Cookies                           Created\n"
                            "203.0.113.5.500        0102030405060708:0000000000000000 2023-11-14 22:13:20 \n"
                            "No SAD entries.\n"));
    }

    // A long dump leaves racoonctl in pieces as it is printed (never all of it in memory at once), and the
    // pieces add up to exactly the text printed in one go.
    void longDumpIsWrittenInPieces()
    {
        class RecordingSink : public OutputSink
        {
        public:
            void write(std::string_view bytes) override
            {
                text.append(bytes);
                sizes.push_back(bytes.size());
            }
            std::string text;
            std::vector<std::size_t> sizes;
        };
        ScriptedDaemon daemon(socketPath());
        std::vector<Ph1DumpRecord> records(5000);
        for (std::size_t i = 0; i < records.size(); ++i) {
            records[i].initiatorCookie = {1, 2, 3, 4, 5, 6, std::uint8_t(i >> 8), std::uint8_t(i)};
            records[i].status = 9;
            records[i].remote = v4("203.0.113.5", 500);
            records[i].local = v4("192.0.2.10", 500);
            records[i].created = 1700000000;
        }
        const QByteArray reply = AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Isakmp, 0,
                                                         ReplyEncoder::phase1Dump(records));
        daemon.replies << QList<QByteArray>{reply};
        const ParseOutcome parsed = parseCommandLine(
            withSocket({QStringLiteral("show-sa"), QStringLiteral("isakmp")}), QStringLiteral("racoonctl"));
        QVERIFY(parsed.invocation);
        RecordingSink out;
        StringOutputSink err;
        FixedPassword none(QByteArray{});
        CommandRunner runner(out, err, none, QStringLiteral("racoonctl"));
        runner.setTimeout(5000);
        QCOMPARE(runner.run(*parsed.invocation), 0);

        std::string whole;
        PrintOptions options;
        QVERIFY(ReplyPrinter::print(whole, AdminFrame(reply), options));
        QCOMPARE(out.text.size(), whole.size());
        QVERIFY(out.text == whole);
        QVERIFY2(out.sizes.size() >= 5, qPrintable(QString::number(out.sizes.size())));
        for (const std::size_t size : out.sizes) {
            QVERIFY(size < TextDrain{}.threshold + 200);
        }
    }

    void flushSaWithoutClassNamesTheFailedHalf()
    {
        ScriptedDaemon daemon(socketPath());
        daemon.replies << QList<QByteArray>{ack(AdminCommand::FlushSa, AdminProto::Isakmp)}
                       << QList<QByteArray>{ack(AdminCommand::FlushSa, AdminProto::Ipsec, EPERM)};
        const Run r = run(withSocket({QStringLiteral("fs")}));
        QCOMPARE(r.status, 1);
        QCOMPARE(daemon.requests.size(), 2);
        QCOMPARE(daemon.requests[0].toHex(), QByteArray("08000281"
                                                        "0100ff01"));
        QCOMPARE(daemon.requests[1].toHex(), QByteArray("08000281"
                                                        "0100ff02"));
        QVERIFY2(QString::fromStdString(r.err).contains(QLatin1String("IPsec SAs")), r.err.c_str());
        QVERIFY(!QString::fromStdString(r.err).contains(QLatin1String("ISAKMP SAs")));
    }

    void waitEndsOnFailureEvent_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<std::uint16_t>("ackCommand");
        QTest::addColumn<std::uint32_t>("event");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("vc xauth failed")
            << QStringList{QStringLiteral("vc"), QStringLiteral("-u"), QStringLiteral("alice"),
                           QStringLiteral("127.0.0.1")}
            << std::uint16_t(AdminCommand::EstablishSaPsk) << std::uint32_t(EventCode::Phase1XauthFailed)
            << QStringLiteral("Xauth");
        QTest::newRow("vc no response")
            << QStringList{QStringLiteral("vc"), QStringLiteral("127.0.0.1")}
            << std::uint16_t(AdminCommand::EstablishSa) << std::uint32_t(EventCode::Phase1NoResponse)
            << QStringLiteral("respon");
        QTest::newRow("es -w esp phase 2 no response")
            << QStringList{QStringLiteral("es"),   QStringLiteral("-w"),       QStringLiteral("esp"),
                           QStringLiteral("inet"), QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2")}
            << std::uint16_t(AdminCommand::EstablishSa) << std::uint32_t(EventCode::Phase2NoResponse)
            << QStringLiteral("hase 2");
        QTest::newRow("es -w isakmp dpd")
            << QStringList{QStringLiteral("es"),       QStringLiteral("isakmp"),   QStringLiteral("inet"),
                           QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"), QStringLiteral("-w")}
            << std::uint16_t(AdminCommand::EstablishSa) << std::uint32_t(EventCode::Phase1DpdTimeout)
            << QStringLiteral("dead");
    }
    void waitEndsOnFailureEvent()
    {
        QFETCH(QStringList, words);
        QFETCH(std::uint16_t, ackCommand);
        QFETCH(std::uint32_t, event);
        QFETCH(QString, mentions);
        if (words.contains(QStringLiteral("-w")) && words.last() == QStringLiteral("-w")) {
            // the manual's option order: options before saopts, in any order
            words.removeLast();
            words.insert(1, QStringLiteral("-w"));
        }
        ScriptedDaemon daemon(socketPath());
        daemon.hold = true;
        daemon.replies << QList<QByteArray>{
            ack(ackCommand, AdminProto::Isakmp),
            ReplyEncoder::eventFrame(EventCode::Phase1Up, 1, v4("127.0.0.1", 500), v4("127.0.0.1", 500), 0),
            ReplyEncoder::eventFrame(event, 2, v4("127.0.0.1", 500), v4("127.0.0.1", 500), 0)};
        FixedPassword password("wrong");
        const Run r = run(withSocket(words), &password);
        QCOMPARE(r.status, 1);
        QCOMPARE(r.out, std::string());
        QVERIFY2(QString::fromStdString(r.err).contains(mentions), r.err.c_str());
    }

    void passwordNeverInHexdump()
    {
        ScriptedDaemon daemon(socketPath());
        daemon.replies << QList<QByteArray>{ack(AdminCommand::EstablishSaPsk, AdminProto::Isakmp, EEXIST)};
        FixedPassword password("s3cretpw");
        const Run r =
            run(withSocket({QStringLiteral("-d"), QStringLiteral("es"), QStringLiteral("-u"),
                            QStringLiteral("alice"), QStringLiteral("isakmp"), QStringLiteral("inet"),
                            QStringLiteral("192.0.2.10"), QStringLiteral("203.0.113.5")})
                    .mid(0),
                &password);
        QVERIFY(password.asked);
        QCOMPARE(r.status, 0); // EEXIST: already established
        QVERIFY(!r.out.empty());
        const QByteArray hex = QByteArray("s3cretpw").toHex();
        QVERIFY(r.out.find(hex.constData()) == std::string::npos);
        QVERIFY(r.out.find("73336372") == std::string::npos); // "s3cr" as the dump groups it
        QVERIFY(r.out.find("****") != std::string::npos);
        QCOMPARE(daemon.requests.size(), 1);
        QVERIFY(daemon.requests[0].contains("s3cretpw")); // but racoon gets it
    }

    void ipv6GatewayForVpnConnect()
    {
        ScriptedDaemon daemon(socketPath());
        daemon.replies << QList<QByteArray>{ack(AdminCommand::DeleteAllSaDst, AdminProto::Isakmp, EEXIST)};
        const Run r = run(withSocket({QStringLiteral("vd"), QStringLiteral("2001:db8::5")}));
        QCOMPARE(r.status, 0);
        QCOMPARE(daemon.requests.size(), 1);
        const QByteArray req = daemon.requests[0];
        const Result<SaSelector> sel = decodeIndexes(req.constData() + 8, std::size_t(req.size() - 8));
        QVERIFY(sel.ok());
        QCOMPARE(sel->dst.family(), SocketAddress::Family::Inet6);
        QCOMPARE(QString::fromStdString(sel->dst.hostText()), QStringLiteral("2001:db8::5"));
    }

    void getSaCertInfersTheFamily()
    {
        ScriptedDaemon daemon(socketPath());
        daemon.replies << QList<QByteArray>{AdminFrame::encodeReply(
            AdminCommand::GetSaCert, AdminProto::Isakmp, 0, QByteArray("\x30\x82\x01", 3))};
        const Run r = run(withSocket(
            {QStringLiteral("get-sa-cert"), QStringLiteral("2001:db8::10"), QStringLiteral("2001:db8::5")}));
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out, std::string("\x30\x82\x01", 3));
        const Result<SaSelector> sel =
            decodeIndexes(daemon.requests[0].constData() + 8, std::size_t(daemon.requests[0].size() - 8));
        QCOMPARE(sel->src.family(), SocketAddress::Family::Inet6);

        const Run mixed = run(
            withSocket({QStringLiteral("gc"), QStringLiteral("192.0.2.1"), QStringLiteral("2001:db8::5")}));
        QCOMPARE(mixed.status, 1);
        QVERIFY(!mixed.err.empty());
    }

    void defaultSocketIsTheFirstThatExists()
    {
        ScriptedDaemon daemon(socketPath());
        daemon.replies << QList<QByteArray>{ack(AdminCommand::ReloadConf, 0)};
        const QString absent = m_dir.filePath(QStringLiteral("absent.sock"));
        const Run r = run({QStringLiteral("rc")}, nullptr, {absent, socketPath()});
        QCOMPARE(r.status, 0);
        QCOMPARE(daemon.requests.size(), 1);

        const Run none =
            run({QStringLiteral("rc")}, nullptr, {absent, m_dir.filePath(QStringLiteral("b.sock"))});
        QCOMPARE(none.status, 1);
        const QString err = QString::fromStdString(none.err);
        QVERIFY2(err.contains(absent) && err.contains(QLatin1String("-s")), none.err.c_str());
    }

    void daemonErrorsAreExplained()
    {
        ScriptedDaemon daemon(socketPath());
        daemon.replies << QList<QByteArray>{ack(AdminCommand::ShowSched, 0, ENOMEM)};
        const Run r = run(withSocket({QStringLiteral("sc")}));
        QCOMPARE(r.status, 1);
        QCOMPARE(r.out, std::string());
        QVERIFY2(QString::fromStdString(r.err).contains(QLatin1String("nothing is scheduled")),
                 r.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCommandRunner)
#include "tst_commandrunner.moc"
