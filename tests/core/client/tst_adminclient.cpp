// AdminClient against an in-process QLocalServer that misbehaves the ways a socket can: frames split at
// every byte, several frames in one write, hang-ups mid-frame, silence, missing and refused sockets.
#include "core/client/AdminClient.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace qracoon;

namespace {

QByteArray reply(std::uint16_t cmd, std::uint16_t proto, const QByteArray& payload, int error = 0)
{
    return AdminFrame::encodeReply(cmd, proto, error, payload);
}

// Serves one connection: reads one request frame, then runs `script` with the socket.
class ScriptedServer : public QObject
{
public:
    using Script = std::function<void(QLocalSocket*)>;

    ScriptedServer(const QString& path, Script script) : m_script(std::move(script))
    {
        m_server.listen(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            QLocalSocket* s = m_server.nextPendingConnection();
            connect(s, &QLocalSocket::readyRead, this, [this, s] {
                m_request.append(s->readAll());
                if (m_request.size() >= 8 && !m_answered) {
                    const auto len =
                        std::uint16_t(std::uint8_t(m_request[0]) | (std::uint8_t(m_request[1]) << 8));
                    if (m_request.size() >= len) {
                        m_answered = true;
                        m_script(s);
                    }
                }
            });
        });
    }
    QByteArray request() const { return m_request; }

private:
    QLocalServer m_server;
    Script m_script;
    QByteArray m_request;
    bool m_answered = false;
};

void writeInPieces(QLocalSocket* s, const QByteArray& bytes, int pieceSize)
{
    for (qsizetype i = 0; i < bytes.size(); i += pieceSize) {
        s->write(bytes.mid(i, pieceSize));
        s->flush();
        QTest::qWait(1);
    }
}

} // namespace

class TestAdminClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void singleReplySplitAnywhere_data()
    {
        QTest::addColumn<int>("pieceSize");
        QTest::addColumn<int>("payloadSize");
        for (int piece : {1, 3, 7, 8, 9, 4096}) {
            QTest::addRow("piece %d, short", piece) << piece << 304;
        }
        QTest::addRow("one write, long reply") << 1 << 0; // marker: no split, long reply
        QTest::addRow("long reply split") << 65536 << 200000;
    }
    void singleReplySplitAnywhere()
    {
        QFETCH(int, pieceSize);
        QFETCH(int, payloadSize);
        const int size = payloadSize == 0 ? 300000 : payloadSize;
        QByteArray payload(size, '\0');
        for (int i = 0; i < size; ++i) {
            payload[i] = char(i * 7);
        }
        const QByteArray frame = reply(AdminCommand::ShowSa, AdminProto::Isakmp, payload);
        const QString path = m_dir.filePath(QStringLiteral("s.sock"));
        ScriptedServer server(path, [&](QLocalSocket* s) {
            if (payloadSize == 0) {
                s->write(frame);
            } else {
                writeInPieces(s, frame, pieceSize);
            }
            s->disconnectFromServer();
        });
        AdminClient client(path);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ShowSa, AdminProto::Isakmp));
        QList<AdminFrame> frames;
        connect(call, &AdminCall::frameReceived, this, [&](const AdminFrame& f) { frames << f; });
        QVERIFY(call->waitForFinished());
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].payload(), payload);
        QCOMPARE(frames[0].isLongReply(), 8 + size > 0xffff);
        QCOMPARE(frames[0].command(), std::uint16_t(AdminCommand::ShowSa));
        QCOMPARE(server.request(), QByteArray::fromHex("08000181"
                                                       "0100ff01"));
    }

    void streamOfCoalescedFrames()
    {
        const QByteArray ack = reply(AdminCommand::ShowEvt, 0, {});
        QByteArray events;
        for (int i = 0; i < 5; ++i) {
            events += reply(AdminCommand::ShowEvt, 0, QByteArray(280, char(i)));
        }
        const QString path = m_dir.filePath(QStringLiteral("e.sock"));
        ScriptedServer server(path, [&](QLocalSocket* s) {
            // The ack, all events and the start of the next in one write, the rest byte by byte.
            const QByteArray tail = reply(AdminCommand::ShowEvt, 0, QByteArray(280, 'z'));
            s->write(ack + events + tail.left(3));
            s->flush();
            QTimer::singleShot(20, s, [s, tail] {
                writeInPieces(s, tail.mid(3), 1);
                s->disconnectFromServer();
            });
        });
        AdminClient client(path);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ShowEvt));
        QCOMPARE(call->mode(), AdminCall::Mode::Stream);
        QList<AdminFrame> frames;
        connect(call, &AdminCall::frameReceived, this, [&](const AdminFrame& f) { frames << f; });
        QVERIFY(!call->waitForFinished());
        QCOMPARE(frames.size(), 7);
        QCOMPARE(frames.last().payload(), QByteArray(280, 'z'));
        QCOMPARE(call->error().kind, AdminError::Kind::ClosedBeforeReply);
    }

    // A burst of frames that arrived together is handed out in slices: once a slice has used its time, the
    // event loop gets a turn (here: a zero timer posted from a slow handler runs before the next frame),
    // so a GUI stays responsive under an event flood. A hang-up is reported after the waiting frames.
    void streamBurstYieldsToTheEventLoop()
    {
        const QString path = m_dir.filePath(QStringLiteral("b.sock"));
        ScriptedServer server(path, [&](QLocalSocket* s) {
            QByteArray burst = reply(AdminCommand::ShowEvt, 0, {});
            for (int i = 0; i < 3; ++i) {
                burst += reply(AdminCommand::ShowEvt, 0, QByteArray(280, char('a' + i)));
            }
            s->write(burst);
            s->flush();
            s->disconnectFromServer();
        });
        AdminClient client(path);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ShowEvt));
        QList<AdminFrame> frames;
        int framesWhenTimerRan = -1;
        connect(call, &AdminCall::frameReceived, this, [&](const AdminFrame& f) {
            frames << f;
            if (frames.size() == 2) {
                QTimer::singleShot(0, this, [&] { framesWhenTimerRan = int(frames.size()); });
                // Longer than a slice (5 ms): the rest must wait for the next turn of the event loop.
                QElapsedTimer busy;
                busy.start();
                while (busy.elapsed() < 8) {
                }
            }
        });
        QVERIFY(!call->waitForFinished());
        QCOMPARE(frames.size(), 4);
        QCOMPARE(frames.last().payload(), QByteArray(280, 'c'));
        QCOMPARE(framesWhenTimerRan, 2);
        QCOMPARE(call->error().kind, AdminError::Kind::ClosedBeforeReply);
    }

    void cancelStopsTheStream()
    {
        const QString path = m_dir.filePath(QStringLiteral("c.sock"));
        ScriptedServer server(path, [&](QLocalSocket* s) {
            s->write(reply(AdminCommand::ShowEvt, 0, {}) +
                     reply(AdminCommand::ShowEvt, 0, QByteArray(280, 'a')) +
                     reply(AdminCommand::ShowEvt, 0, QByteArray(280, 'b')));
        });
        AdminClient client(path);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ShowEvt));
        int seen = 0;
        connect(call, &AdminCall::frameReceived, this, [&](const AdminFrame&) {
            if (++seen == 2) {
                call->cancel();
            }
        });
        QVERIFY(call->waitForFinished());
        QCOMPARE(seen, 2);
        QVERIFY(call->isFinished());
    }

    void closedMidFrame()
    {
        const QString path = m_dir.filePath(QStringLiteral("m.sock"));
        const QByteArray frame = reply(AdminCommand::ShowSa, AdminProto::Esp, QByteArray(1000, 'x'));
        ScriptedServer server(path, [&](QLocalSocket* s) {
            s->write(frame.left(500));
            s->flush();
            s->disconnectFromServer();
        });
        AdminClient client(path);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ShowSa, AdminProto::Esp));
        QVERIFY(!call->waitForFinished());
        QCOMPARE(call->error().kind, AdminError::Kind::ClosedMidFrame);
        QVERIFY(call->error().message.contains(QLatin1String("500 of 1008")));
    }

    void closedInsideHeader()
    {
        const QString path = m_dir.filePath(QStringLiteral("h.sock"));
        ScriptedServer server(path, [&](QLocalSocket* s) {
            s->write(QByteArray::fromHex("0800"));
            s->flush();
            s->disconnectFromServer();
        });
        AdminClient client(path);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ReloadConf));
        QVERIFY(!call->waitForFinished());
        QCOMPARE(call->error().kind, AdminError::Kind::ClosedMidFrame);
    }

    void closedWithoutReply()
    {
        const QString path = m_dir.filePath(QStringLiteral("n.sock"));
        ScriptedServer server(path, [&](QLocalSocket* s) { s->disconnectFromServer(); });
        AdminClient client(path);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ShowSched));
        QVERIFY(!call->waitForFinished());
        QCOMPARE(call->error().kind, AdminError::Kind::ClosedBeforeReply);
        QCOMPARE(call->error().message,
                 QStringLiteral("racoon closed the admin connection before sending a reply header (EOF)"));
    }

    void headerBelowEightBytesIsRejected()
    {
        const QString path = m_dir.filePath(QStringLiteral("z.sock"));
        ScriptedServer server(path,
                              [&](QLocalSocket* s) { s->write(QByteArray::fromHex("0000010100000000")); });
        AdminClient client(path);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ShowSa, AdminProto::Isakmp));
        QVERIFY(!call->waitForFinished());
        QCOMPARE(call->error().kind, AdminError::Kind::MalformedFrame);
    }

    void errorReply()
    {
        const QString path = m_dir.filePath(QStringLiteral("r.sock"));
        ScriptedServer server(path, [&](QLocalSocket* s) {
            s->write(reply(AdminCommand::GetSaCert, AdminProto::Isakmp, {}, ENOENT));
        });
        AdminClient client(path);
        AdminCall* call =
            client.send(AdminRequest::withIndexes(AdminCommand::GetSaCert, AdminProto::Isakmp, {}));
        AdminFrame got;
        connect(call, &AdminCall::frameReceived, this, [&](const AdminFrame& f) { got = f; });
        QVERIFY(call->waitForFinished());
        QCOMPARE(got.errorCode(), ENOENT);
        QVERIFY(got.isError());
    }

    void timeout()
    {
        const QString path = m_dir.filePath(QStringLiteral("t.sock"));
        ScriptedServer server(path, [](QLocalSocket*) {});
        AdminClient client(path);
        client.setTimeout(200);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ReloadConf));
        QVERIFY(!call->waitForFinished());
        QCOMPARE(call->error().kind, AdminError::Kind::Timeout);
    }

    void missingSocket()
    {
        AdminClient client(m_dir.filePath(QStringLiteral("absent.sock")));
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ReloadConf));
        QVERIFY(!call->waitForFinished());
        QCOMPARE(call->error().kind, AdminError::Kind::SocketMissing);
        QVERIFY(call->error().meansDaemonAbsent());
        QVERIFY(
            call->error().message.contains(QLatin1String("No such file or directory (is racoon running?)")));
    }

    void refusedSocket()
    {
        // A socket file that nobody listens on: what a crashed racoon leaves behind.
        const QByteArray path = QFile::encodeName(m_dir.filePath(QStringLiteral("dead.sock")));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        std::memcpy(a.sun_path, path.constData(), std::size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
        AdminClient client(QFile::decodeName(path));
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ReloadConf));
        QVERIFY(!call->waitForFinished());
        ::close(fd);
        QCOMPARE(call->error().kind, AdminError::Kind::ConnectionRefused);
    }

    void permissionDenied()
    {
        const QString path = m_dir.filePath(QStringLiteral("p.sock"));
        ScriptedServer server(path, [](QLocalSocket*) {});
        QFile::setPermissions(path, QFileDevice::ReadOwner);
        // root opens any socket: take an unprivileged identity for the connect, as a desktop user has.
        const bool root = ::geteuid() == 0;
        if (root) {
            QCOMPARE(::seteuid(65534), 0);
        }
        AdminClient client(path);
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ReloadConf));
        const bool ok = call->waitForFinished();
        if (root) {
            QCOMPARE(::seteuid(0), 0);
        }
        QVERIFY(!ok);
        QCOMPARE(call->error().kind, AdminError::Kind::PermissionDenied);
    }

    void pathTooLong()
    {
        AdminClient client(QStringLiteral("/tmp/") + QString(200, QLatin1Char('x')));
        AdminCall* call = client.send(AdminRequest::simple(AdminCommand::ReloadConf));
        QVERIFY(!call->waitForFinished());
        QCOMPARE(call->error().kind, AdminError::Kind::SocketPathTooLong);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestAdminClient)
#include "tst_adminclient.moc"
