// Replays every recorded step of tests/data/real-transcripts against racoonsim, in the recorded order and
// with the recorded request bytes, and compares each reply and event with what the real racoon sent:
// headers, lengths and payloads byte for byte once timestamps, cookies, SPIs, keys, message ids and pids
// are blanked. The steps share one simulated daemon, as the recorded ones shared one racoon.
#include "SimHarness.h"
#include "Transcript.h"
#include "WireMask.h"

#include <QTest>
#include <functional>

using namespace qracoon;
using namespace qracoon::sim;

namespace {

using Mask = std::function<QByteArray(QByteArray)>;

QByteArray asIs(QByteArray frame)
{
    return frame;
}

// Milliseconds between two recorded frames.
int recordedGap(const QList<double>& times, int from, int to)
{
    return qRound((times[to] - times[from]) * 1000);
}

} // namespace

class TranscriptReplay : public QObject
{
    Q_OBJECT

private:
    // Sends the step's recorded request and checks the first `count` server frames of the recording.
    std::unique_ptr<TestConnection> replay(const Transcript& t, int count, const Mask& mask = asIs)
    {
        auto connection = m_sim->request(t.request());
        expectFrames(*connection, t, 0, count, mask);
        return connection;
    }

    void expectFrames(TestConnection& connection, const Transcript& t, int from, int count, const Mask& mask)
    {
        const QList<QByteArray> expected = t.serverFrames();
        for (int i = from; i < from + count; ++i) {
            const auto frame = connection.nextFrame();
            QVERIFY2(frame, qPrintable(QStringLiteral("%1: frame %2 missing").arg(t.name()).arg(i)));
            QCOMPARE(frame->bytes().size(), expected[i].size());
            QCOMPARE(mask(frame->bytes()).toHex(), mask(expected[i]).toHex());
        }
    }

    // The recorded connection was closed by racoon, or left open until the client hung up.
    void expectEnd(TestConnection& connection, const Transcript& t)
    {
        if (t.firstEof() == QLatin1String("racoon")) {
            QVERIFY2(connection.waitForClose(), qPrintable(t.name()));
        } else {
            QVERIFY2(connection.quietFor(20), qPrintable(t.name()));
        }
    }

    std::unique_ptr<SimHarness> m_sim;
    std::unique_ptr<TestConnection> m_showEventConnect;
    std::unique_ptr<TestConnection> m_showEventDisconnect;

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimHarness>();
        QVERIFY(m_sim->isListening());
    }

    void idleStatus_data()
    {
        QTest::addColumn<QString>("step");
        QTest::newRow("text") << QStringLiteral("01-status-idle");
        QTest::newRow("json") << QStringLiteral("02-status-json-idle");
    }
    void idleStatus()
    {
        QFETCH(QString, step);
        const Transcript t(step);
        QVERIFY(t.isValid());
        auto c = replay(t, 1, WireMask::status);
        QVERIFY(c->waitForClose());
    }

    void idleShowSaIsakmp()
    {
        const Transcript t(QStringLiteral("03-show-sa-isakmp-idle"));
        auto c = replay(t, 1);
        expectEnd(*c, t);
    }

    void idleShowSaEsp()
    {
        // A successful reply carrying one bare sadb_msg whose own errno is ENOENT.
        const Transcript t(QStringLiteral("04-show-sa-esp-idle"));
        auto c = replay(t, 1, WireMask::sadbDump);
        QVERIFY(c->waitForClose());
    }

    void idleShowSchedule()
    {
        // Two idle timers, ids 2 and 1, ticks 20 and 50, expiring at the recorded monotonic times.
        const Transcript t(QStringLiteral("05-show-schedule-idle"));
        auto c = replay(t, 1, WireMask::schedule);
        QVERIFY(c->waitForClose());
    }

    void showEventSubscribes()
    {
        const Transcript t(QStringLiteral("10-show-event-connect"));
        m_showEventConnect = replay(t, 1);
        QVERIFY(m_showEventConnect->quietFor(20));
    }

    void vpnConnectWithXauth()
    {
        const Transcript t(QStringLiteral("11-vc"));
        const Transcript events(QStringLiteral("10-show-event-connect"));
        const QList<double> times = t.serverTimes();
        auto c = replay(t, 1);

        // PHASE1_UP, XAUTH_SUCCESS, MODE_CFG, each only once the recorded delay has passed.
        const int delays[] = {recordedGap(times, 0, 1), recordedGap(times, 1, 2), recordedGap(times, 2, 3)};
        const SimTiming& timing = m_sim->state->config().timing;
        QVERIFY(qAbs(timing.phase1 - delays[0]) <= 15);
        QVERIFY(qAbs(timing.xauth - delays[1]) <= 15);
        QVERIFY(qAbs(timing.modeCfg - delays[2]) <= 15);
        const int configured[] = {timing.phase1, timing.xauth, timing.modeCfg};
        for (int step = 0; step < 3; ++step) {
            m_sim->advance(configured[step] - 1);
            QVERIFY(c->quietFor(5));
            m_sim->advance(1);
            expectFrames(*c, t, step + 1, 1, WireMask::event);
            expectFrames(*m_showEventConnect, events, step + 1, 1, WireMask::event);
        }
        c->close(); // racoonctl hangs up once it has MODE_CFG
    }

    void showSaIsakmpConnected_data()
    {
        QTest::addColumn<QString>("step");
        QTest::newRow("plain") << QStringLiteral("12-show-sa-isakmp");
        QTest::newRow("-l") << QStringLiteral("13-l-show-sa-isakmp");
    }
    void showSaIsakmpConnected()
    {
        QFETCH(QString, step);
        const Transcript t(step);
        auto c = replay(t, 1, WireMask::phase1Dump);
        expectEnd(*c, t);
    }

    void establishEsp()
    {
        // Not recorded on its own: the establish-sa that produced PHASE2_UP in the show-event recording.
        SaSelector s;
        s.src = *SocketAddress::fromText(QStringLiteral("10.99.99.1"));
        s.dst = *SocketAddress::fromText(QStringLiteral("10.99.0.0"));
        s.prefd = 24;
        const AdminRequest request = AdminRequest::withIndexes(AdminCommand::EstablishSa, AdminProto::Esp, s);
        auto c = m_sim->request(QByteArray(request.data(), qsizetype(request.size())));
        const auto reply = c->nextFrame();
        QVERIFY(reply);
        QCOMPARE(reply->bytes().toHex(), QByteArray("0800020200000202"));
        m_sim->advance(m_sim->state->config().timing.phase2);
        const auto up = c->nextFrame();
        QVERIFY(up);
        const Transcript events(QStringLiteral("10-show-event-connect"));
        QCOMPARE(WireMask::event(up->bytes()).toHex(), WireMask::event(events.serverFrames()[4]).toHex());
        expectFrames(*m_showEventConnect, events, 4, 1, WireMask::event);
        // Three pings' worth of traffic by the time of the recorded show-sa.
        m_sim->advance(3000);
    }

    void showSaIpsecConnected_data()
    {
        QTest::addColumn<QString>("step");
        QTest::newRow("esp") << QStringLiteral("17-show-sa-esp");
        QTest::newRow("-l esp") << QStringLiteral("18-l-show-sa-esp");
        QTest::newRow("ipsec") << QStringLiteral("19-show-sa-ipsec");
    }
    void showSaIpsecConnected()
    {
        QFETCH(QString, step);
        const Transcript t(step);
        auto c = replay(t, 1, WireMask::sadbDump);
        QVERIFY(c->waitForClose());
    }

    void statusConnected_data()
    {
        QTest::addColumn<QString>("step");
        QTest::newRow("text") << QStringLiteral("21-status");
        QTest::newRow("-v") << QStringLiteral("22-status-v");
        QTest::newRow("json") << QStringLiteral("23-status-json");
        QTest::newRow("-v json") << QStringLiteral("24-status-v-json");
    }
    void statusConnected()
    {
        QFETCH(QString, step);
        const Transcript t(step);
        auto c = replay(t, 1, WireMask::status);
        expectEnd(*c, t);
    }

    void vpnDisconnect()
    {
        const Transcript listen(QStringLiteral("40-show-event-disconnect"));
        m_showEventDisconnect = replay(listen, 1);

        // The reply first, then PHASE1_DOWN on the same connection, which stays a global listener.
        const Transcript t(QStringLiteral("41-vd"));
        auto c = replay(t, 2, WireMask::event);
        expectFrames(*m_showEventDisconnect, listen, 1, 1, WireMask::event);
        QVERIFY(m_showEventConnect->nextFrame());
        QVERIFY(c->quietFor(20));
        QVERIFY(!c->isClosed());
    }

    void flushIsakmp()
    {
        const Transcript t(QStringLiteral("52-flush-sa-isakmp"));
        auto c = replay(t, 1);
        expectEnd(*c, t);
    }

    void wrongPassword()
    {
        const Transcript listen(QStringLiteral("70-show-event-wrong-password"));
        auto events = replay(listen, 1);
        const Transcript t(QStringLiteral("71-vc-wrong-password"));
        auto c = replay(t, 1);
        const SimTiming& timing = m_sim->state->config().timing;
        m_sim->advance(timing.phase1);
        expectFrames(*c, t, 1, 1, WireMask::event);
        m_sim->advance(timing.xauth);
        expectFrames(*c, t, 2, 1, WireMask::event);
        expectFrames(*events, listen, 1, 2, WireMask::event);
        // racoon then deletes the phase 1 without PHASE1_DOWN, closing the vc connection first.
        QCOMPARE(t.firstEof(), QStringLiteral("racoon"));
        QVERIFY(c->quietFor(5));
        m_sim->advance(timing.teardown);
        QVERIFY(c->waitForClose());
        QVERIFY(events->quietFor(20));
        QVERIFY(m_sim->state->phase1Handles().empty());
    }

    void reloadConfig()
    {
        const Transcript t(QStringLiteral("90-reload-config"));
        const int before = m_sim->reloads;
        auto c = replay(t, 1);
        expectEnd(*c, t);
        QTRY_COMPARE(m_sim->reloads, before + 1);
    }

    void cleanupTestCase()
    {
        m_showEventConnect.reset();
        m_showEventDisconnect.reset();
        m_sim.reset();
    }
};

QTEST_GUILESS_MAIN(TranscriptReplay)
#include "tst_transcripts.moc"
