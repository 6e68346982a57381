// --event-flood: every versioned SHOW_EVT subscriber gets its own numbered series right after the reply,
// decoded here with the core's event decoder; a subscriber that does not read holds nobody else up; a
// hang-up stops the series; the binary refuses a bad count. Also what racoon does to a listener that stops
// reading when there is no flood: once its socket is full, it is released.
#include "SimHarness.h"
#include "core/decode/EventDecoder.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace qracoon;
using namespace qracoon::sim;

namespace {

constexpr int Small = 2000;
constexpr int Benchmark = 100000; // what the applet's benchmark asks for
constexpr int FrameTimeoutMs = 10000;

QStringList s_log;
QtMessageHandler s_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (context.category != nullptr && qstrcmp(context.category, "racoonsim") == 0) {
        s_log.append(message);
    }
    s_previousHandler(type, context, message);
}

int logged(const QString& text)
{
    int n = 0;
    for (const QString& line : s_log) {
        n += line.contains(text) ? 1 : 0;
    }
    return n;
}

QByteArray bytesOf(const AdminRequest& request)
{
    return QByteArray(request.data(), qsizetype(request.size()));
}

QByteArray showEvent()
{
    return bytesOf(AdminRequest::simple(AdminCommand::ShowEvt));
}

bool expectReply(TestConnection& c, std::uint16_t command, std::uint16_t proto = AdminProto::None)
{
    const auto frame = c.nextFrame();
    return frame && frame->command() == command && frame->proto() == proto && frame->errorCode() == 0 &&
           frame->payloadSize() == 0;
}

// a.b.c.d from a host-order number.
QString dotted(std::uint32_t address)
{
    return QStringLiteral("%1.%2.%3.%4")
        .arg(address >> 24)
        .arg((address >> 16) & 0xff)
        .arg((address >> 8) & 0xff)
        .arg(address & 0xff);
}

// What is wrong with `frame` as event `index` of the series; empty when nothing. A negative
// `timestamp` accepts any.
QString floodMismatch(const AdminFrame& frame, int index, std::int64_t timestamp)
{
    static const std::uint32_t types[] = {EventCode::Phase1Up, EventCode::Phase1ModeCfg, EventCode::Phase2Up,
                                          EventCode::Phase1Down};
    if (frame.command() != AdminCommand::ShowEvt || frame.proto() != AdminProto::None ||
        frame.errorCode() != 0) {
        return QStringLiteral("not an event frame");
    }
    const auto event = decodeEvent(frame);
    if (!event) {
        return event.error();
    }
    const auto number = static_cast<std::uint32_t>(index) + 1;
    const QString remote = dotted((198u << 24 | 18u << 16) + number);
    const std::uint32_t type = types[index % 4];
    if (event->code != type) {
        return QStringLiteral("type 0x%1").arg(event->code, 0, 16);
    }
    if (event->ph1src.toString() != QLatin1String("192.0.2.2") || event->ph1src.port() != 500) {
        return QStringLiteral("source %1[%2]").arg(event->ph1src.toString()).arg(event->ph1src.port());
    }
    if (event->ph1dst.toString() != remote || event->ph1dst.port() != 500) {
        return QStringLiteral("destination %1[%2], expected %3")
            .arg(event->ph1dst.toString())
            .arg(event->ph1dst.port())
            .arg(remote);
    }
    if (event->ph2msgid != (type == EventCode::Phase2Up ? number : 0)) {
        return QStringLiteral("message id %1").arg(event->ph2msgid);
    }
    if (timestamp >= 0 && std::int64_t(event->timestamp) != timestamp) {
        return QStringLiteral("timestamp %1").arg(qint64(event->timestamp));
    }
    if (type != EventCode::Phase1ModeCfg) {
        return event->attributes.isEmpty() && frame.bytes().size() == 288
                   ? QString()
                   : QStringLiteral("%1 bytes of attributes").arg(event->attributes.size());
    }
    if (!event->modeCfg || !event->modeCfg->complete) {
        return QStringLiteral("mode-cfg attributes not decoded");
    }
    const ModeCfg& cfg = *event->modeCfg;
    if (!cfg.ip4Address || cfg.ip4Address->toString() != dotted((10u << 24) + number)) {
        return QStringLiteral("assigned address %1")
            .arg(cfg.ip4Address ? cfg.ip4Address->toString() : QString());
    }
    if (cfg.ip4Dns != QList<QHostAddress>{QHostAddress(QStringLiteral("10.255.255.53"))}) {
        return QStringLiteral("%1 name servers").arg(cfg.ip4Dns.size());
    }
    if (!cfg.ip4Netmask || *cfg.ip4Netmask != QHostAddress(QStringLiteral("255.0.0.0"))) {
        return QStringLiteral("netmask");
    }
    return {};
}

// Reads the `count` events of a flood; empty when they all arrived as they should.
QString receiveFlood(TestConnection& c, int count, std::int64_t timestamp)
{
    for (int i = 0; i < count; ++i) {
        const auto frame = c.nextFrame(FrameTimeoutMs);
        if (!frame) {
            return QStringLiteral("only %1 of %2 events arrived").arg(i).arg(count);
        }
        const QString mismatch = floodMismatch(*frame, i, timestamp);
        if (!mismatch.isEmpty()) {
            return QStringLiteral("event %1: %2").arg(i).arg(mismatch);
        }
    }
    return {};
}

std::int64_t simSeconds()
{
    return ManualClock::StartWallMs / 1000;
}

// A subscriber that sends its request and then never reads.
int stalledSubscriber(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || std::size_t(native.size()) >= sizeof address.sun_path) {
        return -1;
    }
    std::memcpy(address.sun_path, native.constData(), std::size_t(native.size()));
    const QByteArray request = showEvent();
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        ::write(fd, request.constData(), std::size_t(request.size())) != request.size()) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

class EventFloodTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { s_previousHandler = qInstallMessageHandler(captureLog); }
    void cleanupTestCase() { qInstallMessageHandler(s_previousHandler); }
    void init() { s_log.clear(); }

    void floodFollowsTheReply()
    {
        SimHarness sim;
        QVERIFY(sim.isListening());
        sim.handler->setEventFlood(Small);
        auto c = sim.request(showEvent());
        QVERIFY(expectReply(*c, AdminCommand::ShowEvt));
        const QString problem = receiveFlood(*c, Small, simSeconds());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(c->quietFor(50));
        QVERIFY(!c->isClosed());
        QCOMPARE(logged(QStringLiteral("event flood: sending 2000 events to connection")), 1);
        QCOMPARE(logged(QStringLiteral("event flood: all 2000 events written to connection")), 1);

        // The connection then listens as any other.
        sim.events.genericEvent(EventCode::RacoonQuit);
        const auto quit = c->nextFrame();
        QVERIFY(quit);
        QCOMPARE(decodeEvent(*quit)->code, std::uint32_t(EventCode::RacoonQuit));
        QCOMPARE(sim.events.globalCount(), std::size_t(1));
    }

    void laterEventsFollowTheWholeFlood()
    {
        SimHarness sim;
        sim.handler->setEventFlood(Benchmark);
        auto c = sim.request(showEvent());
        // Something happens while most of the flood is still to be written.
        QCOMPARE(logged(QStringLiteral("events written")), 0);
        sim.events.genericEvent(EventCode::RacoonQuit);
        QVERIFY(expectReply(*c, AdminCommand::ShowEvt));
        const QString problem = receiveFlood(*c, Benchmark, simSeconds());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto quit = c->nextFrame();
        QVERIFY(quit);
        QCOMPARE(decodeEvent(*quit)->code, std::uint32_t(EventCode::RacoonQuit));
        QVERIFY(c->quietFor(20));
    }

    void everySubscriberGetsItsOwnFlood()
    {
        SimHarness sim;
        sim.handler->setEventFlood(Small);
        auto first = sim.request(showEvent());
        auto second = sim.request(showEvent());
        for (TestConnection* c : {first.get(), second.get()}) {
            QVERIFY(expectReply(*c, AdminCommand::ShowEvt));
            const QString problem = receiveFlood(*c, Small, simSeconds());
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        sim.advance(5000);
        auto third = sim.request(showEvent());
        QVERIFY(expectReply(*third, AdminCommand::ShowEvt));
        const QString problem = receiveFlood(*third, Small, simSeconds() + 5);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Nobody gets another's series.
        QVERIFY(first->quietFor(50));
        QVERIFY(second->quietFor(0));
        QVERIFY(third->quietFor(0));
        QCOMPARE(logged(QStringLiteral("event flood: all 2000 events written")), 3);
        QCOMPARE(sim.events.globalCount(), std::size_t(3));
    }

    void onlyShowEventSubscribersAreFlooded()
    {
        SimHarness sim;
        sim.handler->setEventFlood(Small);
        sim.state->addBulk(1);
        // The unversioned poll: an empty reply, then the connection closes.
        wire::AdminHeader poll{8, AdminCommand::ShowEvt, 0, 0};
        auto polled = sim.request(QByteArray(reinterpret_cast<const char*>(&poll), sizeof poll));
        QVERIFY(expectReply(*polled, AdminCommand::ShowEvt));
        QVERIFY(polled->waitForClose());
        // vpn-disconnect listens globally, but only for its teardown.
        SaSelector s;
        s.src = *SocketAddress::fromText(QStringLiteral("0.0.0.0"));
        s.dst = *SocketAddress::fromText(QStringLiteral("198.18.0.1"));
        auto disconnect = sim.request(
            bytesOf(AdminRequest::withIndexes(AdminCommand::DeleteAllSaDst, AdminProto::Isakmp, s)));
        QVERIFY(expectReply(*disconnect, AdminCommand::DeleteAllSaDst, AdminProto::Isakmp));
        const auto down = disconnect->nextFrame();
        QVERIFY(down);
        QCOMPARE(decodeEvent(*down)->code, std::uint32_t(EventCode::Phase1Down));
        QVERIFY(disconnect->quietFor(50));
        QCOMPARE(logged(QStringLiteral("event flood")), 0);
    }

    // racoon sends events with MSG_DONTWAIT and releases a listener whose socket is full: the listener
    // that stopped reading loses its subscription and connection (after the events that fitted), the one
    // that reads keeps both and misses nothing.
    void fullListenerIsReleasedLikeRacoon()
    {
        SimHarness sim;
        const int stalled = stalledSubscriber(sim.socketPath());
        QVERIFY(stalled >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(sim.events.globalCount(), std::size_t(1), 2000);
        auto reader = sim.request(showEvent());
        QVERIFY(expectReply(*reader, AdminCommand::ShowEvt));
        QCOMPARE(sim.events.globalCount(), std::size_t(2));

        const SocketAddress local =
            *SocketAddress::fromText(QStringLiteral("192.0.2.2"), SocketAddress::Family::Inet, 500);
        const SocketAddress remote =
            *SocketAddress::fromText(QStringLiteral("192.0.2.1"), SocketAddress::Family::Inet, 500);
        int sent = 0;
        int received = 0;
        while (sim.events.globalCount() == 2 && sent < 50000) {
            for (int i = 0; i < 20; ++i, ++sent) {
                sim.events.phase1Event(1, local, remote, EventCode::Phase1Up);
            }
            // The reader reads everything that came, as a client should.
            while (received < sent) {
                const auto frame = reader->nextFrame(FrameTimeoutMs);
                QVERIFY(frame);
                QCOMPARE(frame->command(), std::uint16_t(AdminCommand::ShowEvt));
                ++received;
            }
        }
        QCOMPARE(sim.events.globalCount(), std::size_t(1));
        QCOMPARE(logged(QStringLiteral("listener released")), 1);
        QVERIFY(sent > 20);
        QCOMPARE(received, sent);
        QVERIFY(!reader->isClosed());

        // The stalled listener finds the events that fitted, then the end of the stream.
        qint64 bytes = 0;
        for (;;) {
            char buffer[65536];
            const ssize_t n = ::read(stalled, buffer, sizeof buffer);
            if (n <= 0) {
                QCOMPARE(n, ssize_t(0));
                break;
            }
            bytes += n;
        }
        ::close(stalled);
        QVERIFY(bytes > 0);
        QTRY_COMPARE_WITH_TIMEOUT(sim.server->connectionCount(), std::size_t(1), 5000);
    }

    void stalledSubscriberHoldsNobodyUp()
    {
        SimHarness sim;
        sim.handler->setEventFlood(Benchmark);
        const int stalled = stalledSubscriber(sim.socketPath());
        QVERIFY(stalled >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(sim.events.globalCount(), std::size_t(1), 2000);
        QTest::qWait(100); // long enough to write the whole flood, were it not paced

        QElapsedTimer timer;
        timer.start();
        auto status = sim.request(bytesOf(AdminRequest::simple(AdminCommand::Status)));
        const auto reply = status->nextFrame();
        QVERIFY(reply);
        QCOMPARE(reply->command(), std::uint16_t(AdminCommand::Status));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));

        auto reader = sim.request(showEvent());
        QVERIFY(expectReply(*reader, AdminCommand::ShowEvt));
        const QString problem = receiveFlood(*reader, Benchmark, simSeconds());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Only the reader's flood was written in full: the stalled one waits for its socket to drain.
        QCOMPARE(logged(QStringLiteral("events written")), 1);

        // Its hang-up stops its flood.
        ::close(stalled);
        QTRY_COMPARE_WITH_TIMEOUT(sim.server->connectionCount(), std::size_t(1), 5000);
        QCOMPARE(logged(QStringLiteral("of 100000 events; stopped")), 1);
        QCOMPARE(sim.events.globalCount(), std::size_t(1));
        QVERIFY(reader->quietFor(20));
        QVERIFY(!reader->isClosed());
    }

    void theBinaryFloods()
    {
        QTemporaryDir dir;
        const QString socket = dir.filePath(QStringLiteral("racoon.sock"));
        QProcess racoonsim;
        racoonsim.start(QStringLiteral(RACOONSIM_BINARY),
                        {QStringLiteral("--socket"), socket, QStringLiteral("--event-flood"),
                         QString::number(Benchmark)});
        QByteArray log;
        const auto logContains = [&](const char* text) {
            log += racoonsim.readAllStandardError();
            return log.contains(text);
        };
        QTRY_VERIFY_WITH_TIMEOUT(logContains("listening on"), 10000);
        const std::int64_t before = QDateTime::currentSecsSinceEpoch();
        TestConnection c(socket);
        QVERIFY(c.isConnected());
        c.send(showEvent());
        QVERIFY(expectReply(c, AdminCommand::ShowEvt));
        const QString problem = receiveFlood(c, Benchmark, -1);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(c.quietFor(50));
        QTRY_VERIFY_WITH_TIMEOUT(logContains("all 100000 events written"), 5000);
        QVERIFY(logContains("event flood: sending 100000 events"));

        // The events are stamped with racoonsim's clock.
        TestConnection again(socket);
        again.send(showEvent());
        QVERIFY(expectReply(again, AdminCommand::ShowEvt));
        const auto event = again.nextFrame();
        QVERIFY(event);
        QVERIFY(floodMismatch(*event, 0, -1).isEmpty());
        const std::int64_t stamp = decodeEvent(*event)->timestamp;
        QVERIFY(stamp >= before && stamp <= QDateTime::currentSecsSinceEpoch());
        again.close();
        racoonsim.terminate();
        QVERIFY(racoonsim.waitForFinished(10000));
        QCOMPARE(racoonsim.exitCode(), 0);
    }

    void badCountIsAUsageError_data()
    {
        QTest::addColumn<QString>("count");
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("negative") << QStringLiteral("-5");
        QTest::newRow("too many") << QStringLiteral("131071");
        QTest::newRow("not a number") << QStringLiteral("lots");
    }
    void badCountIsAUsageError()
    {
        QFETCH(QString, count);
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(RACOONSIM_BINARY),
                {QStringLiteral("--event-flood"), count, QStringLiteral("--socket"),
                 dir.filePath(QStringLiteral("s"))});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("--event-flood needs a number from 1 to 131070"), err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("s"))));
    }

    void largestCountIsAccepted()
    {
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(RACOONSIM_BINARY),
                {QStringLiteral("--event-flood"), QStringLiteral("131070"), QStringLiteral("--socket"),
                 dir.filePath(QStringLiteral("s"))});
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log += p.readAllStandardError()).contains("listening on") ||
                                     p.state() == QProcess::NotRunning,
                                 10000);
        QCOMPARE(p.state(), QProcess::Running);
        p.terminate();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(EventFloodTest)
#include "tst_eventflood.moc"
