// DirectBackend against a scripted admin socket: the requests it sends, how it decodes replies, and how
// transport failures become the applet's error kinds.
#include "backend/DirectBackend.h"
#include "core/wire/ReplyEncoder.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <functional>

using namespace qracoon;

Q_DECLARE_METATYPE(std::vector<qracoon::IsakmpSa>)

namespace {

// Answers each connection with what `reply` returns for the request it read; keeps the socket open when
// `keepOpen` (event streams) until the test closes it.
class ScriptedRacoon : public QObject
{
public:
    explicit ScriptedRacoon(const QString& path)
    {
        QLocalServer::removeServer(path);
        QVERIFY(m_server.listen(path));
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket* s = m_server.nextPendingConnection()) {
                connect(s, &QLocalSocket::readyRead, this, [this, s] { onRead(s); });
            }
        });
    }

    std::function<QByteArray(const QByteArray& request)> reply;
    bool keepOpen = false;
    QList<QByteArray> requests;
    QList<QLocalSocket*> open;

private:
    void onRead(QLocalSocket* s)
    {
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        if (buffer.size() < 8) {
            return;
        }
        const auto length =
            static_cast<std::uint16_t>(std::uint8_t(buffer[0]) | std::uint8_t(buffer[1]) << 8);
        if (buffer.size() < length) {
            return;
        }
        requests.append(buffer.left(length));
        s->write(reply(buffer.left(length)));
        s->flush();
        if (keepOpen) {
            open.append(s);
        } else {
            s->disconnectFromServer();
        }
    }

    QLocalServer m_server;
    QHash<QLocalSocket*, QByteArray> m_buffers;
};

std::uint16_t commandOf(const QByteArray& request)
{
    return static_cast<std::uint16_t>(std::uint8_t(request[2]) | std::uint8_t(request[3]) << 8) & 0x7fff;
}

SocketAddress ip(const char* text)
{
    return *SocketAddress::fromText(QString::fromLatin1(text));
}

} // namespace

class TestDirectBackend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString socketPath() const { return m_dir.filePath(QStringLiteral("racoon.sock")); }

    // Runs until `id` finishes and returns its error.
    static BackendError await(Backend& backend, Backend::RequestId id)
    {
        BackendError result;
        bool done = false;
        QObject context;
        QObject::connect(&backend, &Backend::requestFinished, &context,
                         [&](Backend::RequestId finished, const BackendError& error) {
                             if (finished == id) {
                                 result = error;
                                 done = true;
                             }
                         });
        if (!QTest::qWaitFor([&] { return done; }, 5000)) {
            BackendError timeout;
            timeout.kind = BackendError::Kind::Failed;
            timeout.message = QStringLiteral("test timed out");
            return timeout;
        }
        return result;
    }

private Q_SLOTS:
    void isakmpSasAreDecoded()
    {
        ScriptedRacoon racoon(socketPath());
        Ph1DumpRecord record;
        record.initiatorCookie.fill(0x11);
        record.status = 9;
        record.remote = ip("192.0.2.1");
        record.local = ip("192.0.2.2");
        record.created = 1700000000;
        racoon.reply = [&](const QByteArray&) {
            return AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Isakmp, 0,
                                           ReplyEncoder::phase1Dump({record, record}));
        };
        DirectBackend backend(socketPath());
        QSignalSpy sas(&backend, &Backend::isakmpSasReceived);
        QSignalSpy states(&backend, &Backend::daemonStateChanged);
        const auto id = backend.refreshIsakmpSas();
        QVERIFY(!await(backend, id).isError());
        QCOMPARE(sas.count(), 1);
        const auto list = sas.at(0).at(1).value<std::vector<IsakmpSa>>();
        QCOMPARE(list.size(), std::size_t(2));
        QCOMPARE(list[0].remote.toString(), QStringLiteral("192.0.2.1"));
        QCOMPARE(backend.daemonState(), DaemonState::Running);
        QCOMPARE(states.count(), 1);
        QCOMPARE(commandOf(racoon.requests.at(0)), std::uint16_t(AdminCommand::ShowSa));
    }

    void replyErrors_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("racoonErrno");
        QTest::newRow("EEXIST") << AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Isakmp, EEXIST)
                                << int(BackendError::Kind::Refused) << EEXIST;
        QTest::newRow("generic -1") << AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Isakmp, -1)
                                    << int(BackendError::Kind::Refused) << -1;
        QTest::newRow("truncated records")
            << AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Isakmp, 0, QByteArray(100, '\0'))
            << int(BackendError::Kind::Protocol) << 0;
        QTest::newRow("hang-up without reply") << QByteArray() << int(BackendError::Kind::Failed) << 0;
    }

    void replyErrors()
    {
        QFETCH(QByteArray, reply);
        QFETCH(int, kind);
        QFETCH(int, racoonErrno);
        ScriptedRacoon racoon(socketPath());
        racoon.reply = [&](const QByteArray&) { return reply; };
        DirectBackend backend(socketPath());
        const BackendError error = await(backend, backend.refreshIsakmpSas());
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.racoonErrno, racoonErrno);
        QVERIFY(!error.message.isEmpty());
    }

    void connectSendsCredentialsOnce()
    {
        ScriptedRacoon racoon(socketPath());
        racoon.reply = [](const QByteArray& request) {
            return AdminFrame::encodeReply(commandOf(request), AdminProto::Isakmp, 0);
        };
        DirectBackend backend(socketPath());
        GatewayTarget target;
        target.address = QStringLiteral("192.0.2.1");
        target.localAddress = QStringLiteral("192.0.2.2");
        QVERIFY(!await(backend, backend.connectGateway(target, XauthCredentials("labuser", "labpass")))
                     .isError());
        const QByteArray request = racoon.requests.at(0);
        QCOMPARE(commandOf(request), std::uint16_t(AdminCommand::EstablishSaPsk));
        QVERIFY(request.endsWith(QByteArray("labuser\0labpass\0", 16)));
        const auto selector = decodeIndexes(request.constData() + 8, std::size_t(request.size() - 8));
        QVERIFY(selector.ok());
        QCOMPARE(selector->src.toString(), QStringLiteral("192.0.2.2"));
        QCOMPARE(selector->dst.toString(), QStringLiteral("192.0.2.1"));

        // Without credentials, with the remote's name.
        target.remoteName = "lab-gateway";
        QVERIFY(!await(backend, backend.connectGateway(target, {})).isError());
        QCOMPARE(commandOf(racoon.requests.at(1)), std::uint16_t(AdminCommand::EstablishSa));
        QVERIFY(racoon.requests.at(1).endsWith(QByteArray("lab-gateway\0", 12)));

        QVERIFY(!await(backend, backend.disconnectGateway(QStringLiteral("192.0.2.1"))).isError());
        QCOMPARE(commandOf(racoon.requests.at(2)), std::uint16_t(AdminCommand::DeleteAllSaDst));
    }

    void invalidAddressFailsWithoutConnecting()
    {
        ScriptedRacoon racoon(socketPath());
        racoon.reply = [](const QByteArray&) { return QByteArray(); };
        DirectBackend backend(socketPath());
        GatewayTarget target;
        target.address = QStringLiteral("vpn.example.com");
        const BackendError error = await(backend, backend.connectGateway(target, XauthCredentials("u", "p")));
        QCOMPARE(error.kind, BackendError::Kind::Failed);
        QVERIFY(error.message.contains(QLatin1String("vpn.example.com")));
        QVERIFY(racoon.requests.isEmpty());
    }

    void missingSocketMeansAbsent()
    {
        DirectBackend backend(m_dir.filePath(QStringLiteral("nobody-here.sock")));
        QSignalSpy states(&backend, &Backend::daemonStateChanged);
        const BackendError error = await(backend, backend.refreshStatus());
        QCOMPARE(error.kind, BackendError::Kind::DaemonAbsent);
        QCOMPARE(backend.daemonState(), DaemonState::Absent);
        QCOMPARE(states.count(), 1);
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("adminKind");
        QTest::addColumn<int>("expected");
        using K = AdminError::Kind;
        using B = BackendError::Kind;
        QTest::newRow("missing") << int(K::SocketMissing) << int(B::DaemonAbsent);
        QTest::newRow("refused") << int(K::ConnectionRefused) << int(B::DaemonAbsent);
        QTest::newRow("permission") << int(K::PermissionDenied) << int(B::NotAuthorized);
        QTest::newRow("timeout") << int(K::Timeout) << int(B::Timeout);
        QTest::newRow("malformed") << int(K::MalformedFrame) << int(B::Protocol);
        QTest::newRow("closed") << int(K::ClosedBeforeReply) << int(B::Failed);
    }

    void errorMapping()
    {
        QFETCH(int, adminKind);
        QFETCH(int, expected);
        AdminError error;
        error.kind = static_cast<AdminError::Kind>(adminKind);
        error.message = QStringLiteral("x");
        QCOMPARE(int(DirectBackend::errorFromAdmin(error).kind), expected);
    }

    void statusJson()
    {
        ScriptedRacoon racoon(socketPath());
        racoon.reply = [](const QByteArray& request) {
            return AdminFrame::encodeReply(
                commandOf(request), 1, 0,
                QByteArray(
                    R"({"schema_version":"2.0","timestamp":"2026-12-04T10:00:00Z","phase1":[],"phase2":[]})"));
        };
        DirectBackend backend(socketPath());
        QSignalSpy status(&backend, &Backend::statusReceived);
        QVERIFY(!await(backend, backend.refreshStatus()).isError());
        QCOMPARE(status.count(), 1);
        QCOMPARE(commandOf(racoon.requests.at(0)), std::uint16_t(AdminCommand::StatusVerbose));
    }

    void eventStream()
    {
        ScriptedRacoon racoon(socketPath());
        racoon.keepOpen = true;
        racoon.reply = [](const QByteArray&) { return AdminFrame::encodeReply(AdminCommand::ShowEvt, 0, 0); };
        DirectBackend backend(socketPath());
        QSignalSpy subscribed(&backend, &Backend::eventsSubscribed);
        QSignalSpy events(&backend, &Backend::eventReceived);
        QSignalSpy lost(&backend, &Backend::eventStreamLost);
        backend.subscribeEvents();
        QVERIFY(backend.isSubscribed());
        QTRY_COMPARE(subscribed.count(), 1);
        QLocalSocket* s = racoon.open.at(0);
        s->write(
            ReplyEncoder::eventFrame(EventCode::Phase1Up, 1700000000, ip("192.0.2.2"), ip("192.0.2.1"), 0));
        s->write(ReplyEncoder::eventFrame(EventCode::RacoonQuit, 1700000001, {}, {}, 0));
        QTRY_COMPARE(events.count(), 2);
        QCOMPARE(events.at(0).at(0).value<RacoonEvent>().code, std::uint32_t(EventCode::Phase1Up));
        QCOMPARE(backend.daemonState(), DaemonState::Absent); // racoon said it quits
        s->disconnectFromServer();
        QTRY_COMPARE(lost.count(), 1);
        QVERIFY(!backend.isSubscribed());
        QCOMPARE(commandOf(racoon.requests.at(0)), std::uint16_t(AdminCommand::ShowEvt));
    }

    void unsubscribeIsQuiet()
    {
        ScriptedRacoon racoon(socketPath());
        racoon.keepOpen = true;
        racoon.reply = [](const QByteArray&) { return AdminFrame::encodeReply(AdminCommand::ShowEvt, 0, 0); };
        DirectBackend backend(socketPath());
        QSignalSpy subscribed(&backend, &Backend::eventsSubscribed);
        QSignalSpy lost(&backend, &Backend::eventStreamLost);
        backend.subscribeEvents();
        QTRY_COMPARE(subscribed.count(), 1);
        backend.unsubscribeEvents();
        QVERIFY(!backend.isSubscribed());
        QTest::qWait(50);
        QCOMPARE(lost.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDirectBackend)
#include "tst_directbackend.moc"
