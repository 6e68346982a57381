// racoonsim's admin protocol beyond the recorded steps: racoon's error replies, malformed requests, who
// gets which event and when connections close, the legacy polled events, each gateway behaviour,
// lifetimes and traffic, flushes, certificates and shutdown.
#include "SimHarness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <cerrno>

using namespace qracoon;
using namespace qracoon::sim;

namespace {

SocketAddress address(const char* text)
{
    return *SocketAddress::fromText(QString::fromLatin1(text));
}

SaSelector selector(const char* src, const char* dst, std::uint8_t prefs = 32, std::uint8_t prefd = 32)
{
    SaSelector s;
    s.src = address(src);
    s.dst = address(dst);
    s.prefs = prefs;
    s.prefd = prefd;
    return s;
}

QByteArray bytesOf(const AdminRequest& request)
{
    return QByteArray(request.data(), qsizetype(request.size()));
}

QByteArray simple(std::uint16_t command, std::uint16_t proto = AdminProto::None)
{
    return bytesOf(AdminRequest::simple(command, proto));
}

QByteArray indexed(std::uint16_t command, std::uint16_t proto, const SaSelector& s)
{
    return bytesOf(AdminRequest::withIndexes(command, proto, s));
}

QByteArray connectRequest(const char* gateway, const char* login = "labuser",
                          const char* password = "labpass")
{
    return bytesOf(AdminRequest::establishWithCredentials(AdminProto::Isakmp, selector("192.0.2.2", gateway),
                                                          login, password)
                       .value());
}

QByteArray header(std::uint16_t length, std::uint16_t command, std::uint16_t third, std::uint16_t proto)
{
    wire::AdminHeader h{length, command, third, proto};
    return QByteArray(reinterpret_cast<const char*>(&h), sizeof h);
}

std::uint32_t eventType(const AdminFrame& frame)
{
    wire::EvtAsync evt{};
    wire::readStruct(frame.payloadData(), frame.payloadSize(), 0, evt);
    return evt.type;
}

// Reads frames until `count` arrived and returns their event types (0 for a frame without event).
QList<std::uint32_t> eventTypes(TestConnection& c, int count)
{
    QList<std::uint32_t> types;
    for (int i = 0; i < count; ++i) {
        const auto frame = c.nextFrame();
        if (!frame) {
            break;
        }
        types.append(frame->payloadSize() >= sizeof(wire::EvtAsync) ? eventType(*frame) : 0);
    }
    return types;
}

// Reads the reply and checks its header.
bool expectReply(TestConnection& c, std::uint16_t command, std::uint16_t proto, int error)
{
    const auto frame = c.nextFrame();
    if (!frame) {
        qWarning("no reply");
        return false;
    }
    if (frame->command() != command || frame->proto() != proto || frame->errorCode() != error) {
        qWarning("reply cmd 0x%04x proto 0x%04x errno %d", frame->command(), frame->proto(),
                 frame->errorCode());
        return false;
    }
    return true;
}

QByteArray payloadOf(SimHarness& sim, const QByteArray& request)
{
    auto c = sim.request(request);
    const auto frame = c->nextFrame();
    return frame ? frame->payload() : QByteArray("<no reply>");
}

QJsonObject statusJson(SimHarness& sim, bool verbose)
{
    const QByteArray payload = payloadOf(
        sim, simple(verbose ? AdminCommand::StatusVerbose : AdminCommand::Status, StatusFormat::Json));
    return QJsonDocument::fromJson(payload).object();
}

// Walks an SADB dump; returns the messages' (satype, state, bytes) or an empty list on a layout error.
struct SaSummary
{
    int satype = -1;
    int state = -1;
    std::uint64_t bytes = 0;
    std::uint32_t seq = 0;
    bool proxy = false;
    bool encryptKey = false;
    int mode = -1;
};

QList<SaSummary> walkSadb(const QByteArray& payload)
{
    QList<SaSummary> out;
    const auto size = std::size_t(payload.size());
    std::size_t at = 0;
    wire::SadbMsg msg{};
    while (wire::readStruct(payload.constData(), size, at, msg)) {
        if (msg.len < 2 || at + msg.len * 8u > size || msg.errnum != 0) {
            return {};
        }
        SaSummary s;
        s.satype = msg.satype;
        s.seq = msg.seq;
        for (std::size_t ext = at + sizeof msg; ext < at + msg.len * 8u;) {
            wire::SadbExt e{};
            if (!wire::readStruct(payload.constData(), size, ext, e) || e.len == 0) {
                return {};
            }
            if (e.type == Sadb::Ext::Sa) {
                wire::SadbSa sa{};
                wire::readStruct(payload.constData(), size, ext, sa);
                s.state = sa.state;
            } else if (e.type == Sadb::Ext::LifetimeCurrent) {
                wire::SadbLifetime lt{};
                wire::readStruct(payload.constData(), size, ext, lt);
                s.bytes = lt.bytes;
            } else if (e.type == Sadb::Ext::AddressProxy) {
                s.proxy = true;
            } else if (e.type == Sadb::Ext::KeyEncrypt) {
                s.encryptKey = true;
            } else if (e.type == Sadb::Ext::XSa2) {
                wire::SadbXSa2 sa2{};
                wire::readStruct(payload.constData(), size, ext, sa2);
                s.mode = sa2.mode;
            }
            ext += e.len * 8u;
        }
        out.append(s);
        at += msg.len * 8u;
        if (msg.seq == 0) {
            break;
        }
    }
    return out;
}

const QByteArray ConfigHead =
    "[global]\nlocal = 192.0.2.2\n[timing]\nphase1 = 100\nxauth = 40\nmode-cfg = 10\n"
    "teardown = 25\nphase2 = 150\ngive-up = 3000\n";

// Connects to the lab gateway and lets the whole exchange happen; returns the vc connection.
std::unique_ptr<TestConnection> connectLab(SimHarness& sim)
{
    auto vc = sim.request(connectRequest("192.0.2.1"));
    sim.advance(120);
    sim.advance(40);
    sim.advance(10);
    return vc;
}

class RecordingSubscriber : public EventSubscriber
{
public:
    RecordingSubscriber(QList<QString>& log, QString name) : m_log(log), m_name(std::move(name)) {}
    void deliverEvent(const QByteArray&) override { m_log.append(m_name); }
    void endSubscription() override { m_log.append(m_name + QStringLiteral(" ends")); }

private:
    QList<QString>& m_log;
    QString m_name;
};

} // namespace

class ProtocolTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("command"); // -1: closed without a reply
        QTest::addColumn<int>("proto");
        QTest::addColumn<int>("error");
        const QByteArray indexes =
            indexed(AdminCommand::DeleteSa, AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.1")).mid(8);
        const auto withPayload = [](std::uint16_t command, std::uint16_t proto, const QByteArray& payload) {
            return header(std::uint16_t(8 + payload.size()), std::uint16_t(command | AdminFlagVersion), 1,
                          proto) +
                   payload;
        };
        QTest::newRow("length below the header") << header(4, 0x8103, 1, 0) << -1 << 0 << 0;
        QTest::newRow("length zero") << header(0, 0x8103, 1, 0) << -1 << 0 << 0;
        QTest::newRow("never completed") << header(0xffff, 0x8101, 1, 0x01ff) << -1 << 0 << 0;
        QTest::newRow("unknown command") << header(8, 0x8999, 1, 0) << 0x0999 << 0 << ENOTSUP;
        QTest::newRow("privilege separation command") << header(8, 0x8801, 1, 0) << 0x0801 << 0 << ENOTSUP;
        QTest::newRow("show-sa internal")
            << simple(AdminCommand::ShowSa, AdminProto::Internal) << 0x0101 << 0x0301 << ENOTSUP;
        QTest::newRow("show-sa unknown proto")
            << simple(AdminCommand::ShowSa, 0x1234) << 0x0101 << 0x1234 << ENOTSUP;
        QTest::newRow("flush-sa internal")
            << simple(AdminCommand::FlushSa, AdminProto::Internal) << 0x0102 << 0x0301 << ENOTSUP;
        QTest::newRow("flush-sa no proto") << simple(AdminCommand::FlushSa) << 0x0102 << 0 << ENOTSUP;
        QTest::newRow("delete-sa short indexes")
            << withPayload(AdminCommand::DeleteSa, AdminProto::Isakmp, "0123456789") << 0x0201 << 0x01ff
            << EINVAL;
        QTest::newRow("delete-all-sa-dst no indexes")
            << simple(AdminCommand::DeleteAllSaDst, AdminProto::Isakmp) << 0x0204 << 0x01ff << EINVAL;
        QTest::newRow("get-sa-cert esp")
            << withPayload(AdminCommand::GetSaCert, AdminProto::Esp, indexes) << 0x0206 << 0x0202 << ENOTSUP;
        QTest::newRow("get-sa-cert short")
            << withPayload(AdminCommand::GetSaCert, AdminProto::Isakmp, "x") << 0x0206 << 0x01ff << EINVAL;
        QTest::newRow("get-sa-cert no phase 1")
            << withPayload(AdminCommand::GetSaCert, AdminProto::Isakmp, indexes) << 0x0206 << 0x01ff
            << ENOENT;
        QTest::newRow("establish-sa short")
            << withPayload(AdminCommand::EstablishSa, AdminProto::Isakmp, "abc") << 0x0202 << 0x01ff
            << EINVAL;
        QTest::newRow("establish-sa internal")
            << withPayload(AdminCommand::EstablishSa, AdminProto::Internal, indexes) << 0x0202 << 0x0301
            << ENOTSUP;
        QTest::newRow("establish-sa ipsec")
            << withPayload(AdminCommand::EstablishSa, AdminProto::Ipsec, indexes) << 0x0202 << 0x02ff
            << ENOTSUP;
        wire::AdminPsk psk{wire::IdTypeUserFqdn, std::size_t(1) << 40, 2};
        QTest::newRow("psk lengths beyond the frame")
            << withPayload(AdminCommand::EstablishSaPsk, AdminProto::Isakmp,
                           indexes + QByteArray(reinterpret_cast<const char*>(&psk), sizeof psk) + "a\0b\0")
            << 0x0203 << 0x01ff << EINVAL;
        QTest::newRow("psk block truncated")
            << withPayload(AdminCommand::EstablishSaPsk, AdminProto::Isakmp, indexes + "abcd") << 0x0203
            << 0x01ff << EINVAL;
        QTest::newRow("no remote configuration")
            << indexed(AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.99"))
            << 0x0202 << 0x01ff << -1;
        QTest::newRow("unknown remote name")
            << bytesOf(
                   AdminRequest::establish(AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.1"), "nosuch")
                       .value())
            << 0x0202 << 0x01ff << -1;
        QTest::newRow("no policy") << indexed(AdminCommand::EstablishSa, AdminProto::Esp,
                                              selector("192.0.2.2", "192.0.2.99"))
                                   << 0x0202 << 0x0202 << ENOENT;
        QTest::newRow("login too long")
            << withPayload(AdminCommand::LogoutUser, 0, QByteArray(32, 'u')) << 0x0205 << 0 << 0;
        QTest::newRow("payload where none is expected")
            << withPayload(AdminCommand::ShowSa, AdminProto::Isakmp, "junk") << 0x0101 << 0x01ff << 0;
        QTest::newRow("status unknown format") << simple(AdminCommand::Status, 7) << 0x0103 << 7 << 0;
    }
    void malformed()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, command);
        QFETCH(int, proto);
        QFETCH(int, error);
        SimHarness sim;
        auto c = sim.request(request);
        if (command >= 0) {
            QVERIFY(expectReply(*c, std::uint16_t(command), std::uint16_t(proto), error));
        }
        QVERIFY(c->waitForClose());
        if (command < 0) {
            QCOMPARE(c->received().size(), 0);
        }
        QTRY_COMPARE(sim.server->connectionCount(), std::size_t(0));
        // Still serving.
        auto next = sim.request(simple(AdminCommand::ShowSa, AdminProto::Isakmp));
        QVERIFY(expectReply(*next, AdminCommand::ShowSa, AdminProto::Isakmp, 0));
    }

    void hangUpMidRequest()
    {
        SimHarness sim;
        auto c = sim.connect();
        c->send(simple(AdminCommand::Status).left(5));
        QTRY_COMPARE(sim.server->connectionCount(), std::size_t(1));
        c->close();
        QTRY_COMPARE(sim.server->connectionCount(), std::size_t(0));
    }

    void requestInPieces()
    {
        SimHarness sim;
        sim.server->setRequestTimeout(10000);
        auto c = sim.connect();
        const QByteArray request = connectRequest("192.0.2.1");
        for (const char byte : request) {
            c->send(QByteArray(1, byte));
            QTest::qWait(1);
        }
        QVERIFY(expectReply(*c, AdminCommand::EstablishSaPsk, AdminProto::Isakmp, 0));
    }

    void emptyScheduleIsEnomem()
    {
        SimHarness sim(ConfigHead + "[global]\nhousekeeping = no\n");
        auto c = sim.request(simple(AdminCommand::ShowSched));
        QVERIFY(expectReply(*c, AdminCommand::ShowSched, 0, ENOMEM));
        QVERIFY(c->waitForClose());
        QCOMPARE(c->received().size(), 8);
    }

    void scheduleListsNegotiationTimers()
    {
        SimHarness sim;
        auto vc = connectLab(sim);
        const QByteArray payload = payloadOf(sim, simple(AdminCommand::ShowSched));
        QCOMPARE(payload.size() % 32, 0);
        QList<qint64> ticks;
        qint64 previous = 0;
        for (qsizetype at = 0; at < payload.size(); at += 32) {
            wire::SchedDump d{};
            wire::readStruct(payload.constData(), std::size_t(payload.size()), std::size_t(at), d);
            QVERIFY(d.xtime >= previous); // in firing order
            previous = d.xtime;
            ticks.append(d.tick);
        }
        // Housekeeping (20, 50), DPD (20) and the phase 1 soft lifetime (80% of 28800).
        std::sort(ticks.begin(), ticks.end());
        QCOMPARE(ticks, (QList<qint64>{20, 20, 50, 23040}));
    }

    void eexist()
    {
        SimHarness sim;
        auto first = sim.request(connectRequest("192.0.2.1"));
        QVERIFY(expectReply(*first, AdminCommand::EstablishSaPsk, AdminProto::Isakmp, 0));
        // While negotiating, a second request joins the same phase 1 and gets its events.
        auto second = sim.request(connectRequest("192.0.2.1"));
        QVERIFY(expectReply(*second, AdminCommand::EstablishSaPsk, AdminProto::Isakmp, 0));
        sim.advance(120);
        QCOMPARE(eventTypes(*second, 1), QList<std::uint32_t>{EventCode::Phase1Up});
        QCOMPARE(eventTypes(*first, 1), QList<std::uint32_t>{EventCode::Phase1Up});
        // Once established: EEXIST and the connection closes.
        auto third = sim.request(connectRequest("192.0.2.1"));
        QVERIFY(expectReply(*third, AdminCommand::EstablishSaPsk, AdminProto::Isakmp, EEXIST));
        QVERIFY(third->waitForClose());
        QCOMPARE(sim.state->phase1Handles().size(), std::size_t(1));
    }

    void remoteName()
    {
        SimHarness sim;
        // The name picks the remote block whatever the destination's own configuration.
        auto c = sim.request(bytesOf(
            AdminRequest::establish(AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.1"), "branch-office")
                .value()));
        QVERIFY(expectReply(*c, AdminCommand::EstablishSa, AdminProto::Isakmp, 0));
        sim.advance(120);
        QCOMPARE(eventTypes(*c, 2), (QList<std::uint32_t>{EventCode::Phase1Up, EventCode::Phase1ModeCfg}));
        QCOMPARE(sim.state->phase1Handles().front()->gateway->name, QByteArray("branch-office"));
    }

    void unversionedRequestsDoNotSubscribe()
    {
        SimHarness sim;
        QByteArray request =
            indexed(AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "198.51.100.1"));
        request[3] = 0x02; // ac_cmd 0x0202 without the version flag
        request[4] = 0;
        auto c = sim.request(request);
        QVERIFY(expectReply(*c, AdminCommand::EstablishSa, AdminProto::Isakmp, 0));
        QVERIFY(c->waitForClose());
        sim.advance(120);
        QCOMPARE(sim.state->phase1Handles().front()->status, int(Phase1Status::Established));
    }

    void legacyPolledEvents()
    {
        SimHarness sim;
        QByteArray poll = header(8, AdminCommand::ShowEvt, 0, 0);
        auto first = sim.request(poll);
        QVERIFY(expectReply(*first, AdminCommand::ShowEvt, 0, 0));
        QVERIFY(first->waitForClose());
        QCOMPARE(first->received().size(), 8);

        auto vc = connectLab(sim);
        const int expected[] = {1, 3, 4}; // racoon's old numbers: PHASE1_UP, XAUTH_SUCCESS, ISAKMP_CFG_DONE
        for (const int type : expected) {
            auto c = sim.request(poll);
            const auto frame = c->nextFrame();
            QVERIFY(frame);
            wire::EvtDump dump{};
            QVERIFY(wire::readStruct(frame->payloadData(), frame->payloadSize(), 0, dump));
            QCOMPARE(dump.type, type);
            QCOMPARE(dump.len, frame->payloadSize());
            QCOMPARE(SocketAddress::fromStorage(dump.dst).toString(), QStringLiteral("192.0.2.1"));
            QVERIFY(c->waitForClose());
        }
        // The version flag with ac_version 0 still polls.
        auto last = sim.request(header(8, AdminCommand::ShowEvt | AdminFlagVersion, 0, 0));
        QVERIFY(expectReply(*last, AdminCommand::ShowEvt, 0, 0));
        QVERIFY(last->waitForClose());
        QCOMPARE(last->received().size(), 8);
    }

    void legacyQueueOverflows()
    {
        ManualClock clock;
        EventHub hub(clock);
        hub.genericEvent(EventCode::RacoonQuit); // not recorded: nobody polled yet
        QVERIFY(hub.pollLegacyEvent().isEmpty());
        for (int i = 0; i < 40; ++i) {
            hub.genericEvent(EventCode::RacoonQuit);
        }
        QList<int> types;
        for (QByteArray record = hub.pollLegacyEvent(); !record.isEmpty(); record = hub.pollLegacyEvent()) {
            wire::EvtDump dump{};
            wire::readStruct(record.constData(), std::size_t(record.size()), 0, dump);
            types.append(dump.type);
        }
        QCOMPARE(types.size(), 33);
        QCOMPARE(types.count(10), 32);
        QCOMPARE(types.last(), 12);
    }

    void broadcastOrder()
    {
        ManualClock clock;
        EventHub hub(clock);
        QList<QString> log;
        RecordingSubscriber a(log, QStringLiteral("global-old"));
        RecordingSubscriber b(log, QStringLiteral("global-new"));
        RecordingSubscriber p1(log, QStringLiteral("phase1"));
        RecordingSubscriber p2(log, QStringLiteral("phase2"));
        RecordingSubscriber other(log, QStringLiteral("other-phase1"));
        hub.subscribeGlobal(&a);
        hub.subscribeGlobal(&b);
        hub.subscribePhase1(7, &p1);
        hub.subscribePhase1(8, &other);
        hub.subscribePhase2(9, &p2);
        hub.phase2Event(9, 7, {}, {}, 1, EventCode::Phase2Up);
        QCOMPARE(log, (QStringList{QStringLiteral("phase2"), QStringLiteral("phase1"),
                                   QStringLiteral("global-new"), QStringLiteral("global-old")}));
        log.clear();
        hub.genericEvent(EventCode::RacoonQuit);
        QCOMPARE(log, (QStringList{QStringLiteral("global-new"), QStringLiteral("global-old")}));
        log.clear();
        hub.releasePhase1(7);
        QCOMPARE(log, QStringList{QStringLiteral("phase1 ends")});
        QCOMPARE(hub.subscriberCount(), std::size_t(4));
        hub.unsubscribe(&a);
        hub.releaseAll();
        QCOMPARE(log.size(), 4);
        QCOMPARE(hub.subscriberCount(), std::size_t(0));
    }

    void inputAfterTheRequestEndsSubscriptions()
    {
        SimHarness sim;
        auto together = sim.request(simple(AdminCommand::ShowEvt) + "x");
        QVERIFY(expectReply(*together, AdminCommand::ShowEvt, 0, 0));
        QVERIFY(together->waitForClose());

        auto later = sim.request(simple(AdminCommand::ShowEvt));
        QVERIFY(expectReply(*later, AdminCommand::ShowEvt, 0, 0));
        QVERIFY(later->quietFor(20));
        QCOMPARE(sim.events.globalCount(), std::size_t(1));
        later->send("x");
        QVERIFY(later->waitForClose());
        QCOMPARE(sim.events.globalCount(), std::size_t(0));
    }

    void deleteSa()
    {
        SimHarness sim;
        auto vc = connectLab(sim);
        QCOMPARE(eventTypes(*vc, 4).size(), 4);
        auto events = sim.request(simple(AdminCommand::ShowEvt));
        QVERIFY(expectReply(*events, AdminCommand::ShowEvt, 0, 0));
        auto c =
            sim.request(indexed(AdminCommand::DeleteSa, AdminProto::Esp, selector("192.0.2.2", "192.0.2.1")));
        QVERIFY(expectReply(*c, AdminCommand::DeleteSa, AdminProto::Esp, 0));
        QVERIFY(c->waitForClose());
        QCOMPARE(eventTypes(*events, 1), QList<std::uint32_t>{EventCode::Phase1Down});
        // The vc connection listened to that phase 1: PHASE1_DOWN, then racoon closes it.
        QCOMPARE(eventTypes(*vc, 1), QList<std::uint32_t>{EventCode::Phase1Down});
        QVERIFY(vc->waitForClose());
        QVERIFY(sim.state->phase1Handles().empty());
    }

    void vpnDisconnectWithoutSa()
    {
        SimHarness sim;
        auto c = sim.request(
            indexed(AdminCommand::DeleteAllSaDst, AdminProto::Isakmp, selector("0.0.0.0", "192.0.2.1")));
        QVERIFY(expectReply(*c, AdminCommand::DeleteAllSaDst, AdminProto::Isakmp, 0));
        QVERIFY(c->waitForClose());
    }

    void logoutUser()
    {
        SimHarness sim;
        auto vc = connectLab(sim);
        auto events = sim.request(simple(AdminCommand::ShowEvt));
        QVERIFY(expectReply(*events, AdminCommand::ShowEvt, 0, 0));
        auto other = sim.request(bytesOf(AdminRequest::logoutUser("someoneelse").value()));
        QVERIFY(expectReply(*other, AdminCommand::LogoutUser, 0, 0));
        QCOMPARE(sim.state->phase1Handles().size(), std::size_t(1));
        auto c = sim.request(bytesOf(AdminRequest::logoutUser("labuser").value()));
        QVERIFY(expectReply(*c, AdminCommand::LogoutUser, 0, 0));
        QCOMPARE(eventTypes(*events, 1), QList<std::uint32_t>{EventCode::Phase1Down});
        QVERIFY(sim.state->phase1Handles().empty());
    }

    void certificates()
    {
        SimHarness sim;
        const QByteArray branch =
            indexed(AdminCommand::GetSaCert, AdminProto::Isakmp, selector("192.0.2.2", "198.51.100.1"));
        auto none = sim.request(branch);
        QVERIFY(expectReply(*none, AdminCommand::GetSaCert, AdminProto::Isakmp, ENOENT));

        auto es = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "198.51.100.1")));
        // Not yet established: no certificate received yet, an empty success.
        QCOMPARE(payloadOf(sim, branch), QByteArray());
        sim.advance(120);
        QFile der(QStringLiteral(RACOONSIM_SOURCE_DIR "/demo-gateway.der"));
        QVERIFY(der.open(QIODevice::ReadOnly));
        QCOMPARE(payloadOf(sim, branch), der.readAll());

        // The lab gateway authenticates with a pre-shared key: no certificate.
        auto vc = connectLab(sim);
        auto c = sim.request(
            indexed(AdminCommand::GetSaCert, AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.1")));
        QVERIFY(expectReply(*c, AdminCommand::GetSaCert, AdminProto::Isakmp, 0));
        QCOMPARE(c->received().size(), 8);
    }

    void longCertificate()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("big.der")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray big(70000, 'c');
        file.write(big);
        file.close();
        SimHarness sim(ConfigHead + "[gateway 192.0.2.1]\ncertificate = " + file.fileName().toUtf8() + "\n");
        auto es = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.1")));
        sim.advance(100);
        auto c = sim.request(
            indexed(AdminCommand::GetSaCert, AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.1")));
        const auto frame = c->nextFrame();
        QVERIFY(frame);
        QVERIFY(frame->isLongReply());
        QCOMPARE(frame->payload(), big);
    }

    void siteToSite()
    {
        SimHarness sim;
        auto es = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "198.51.100.1")));
        QVERIFY(expectReply(*es, AdminCommand::EstablishSa, AdminProto::Isakmp, 0));
        sim.advance(120);
        // No mode-cfg on this remote: racoon reports "mode configuration done" at once, without attributes.
        const auto up = es->nextFrame();
        const auto modeCfg = es->nextFrame();
        QVERIFY(up && modeCfg);
        QCOMPARE(eventType(*up), std::uint32_t(EventCode::Phase1Up));
        QCOMPARE(eventType(*modeCfg), std::uint32_t(EventCode::Phase1ModeCfg));
        QCOMPARE(modeCfg->bytes().size(), 288);

        auto tunnel = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Esp, selector("192.0.2.2", "10.20.1.1")));
        QVERIFY(expectReply(*tunnel, AdminCommand::EstablishSa, AdminProto::Esp, 0));
        auto transport = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Ah, selector("192.0.2.2", "198.51.100.1")));
        QVERIFY(expectReply(*transport, AdminCommand::EstablishSa, AdminProto::Ah, 0));
        sim.advance(150);
        QCOMPARE(eventTypes(*tunnel, 1), QList<std::uint32_t>{EventCode::Phase2Up});
        QCOMPARE(eventTypes(*transport, 1), QList<std::uint32_t>{EventCode::Phase2Up});
        // The phase 1's listener hears its phase 2 events too.
        QCOMPARE(eventTypes(*es, 2), (QList<std::uint32_t>{EventCode::Phase2Up, EventCode::Phase2Up}));

        auto again = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Esp, selector("192.0.2.2", "10.20.1.1")));
        QVERIFY(expectReply(*again, AdminCommand::EstablishSa, AdminProto::Esp, EEXIST));

        const QList<SaSummary> ah = walkSadb(payloadOf(sim, simple(AdminCommand::ShowSa, AdminProto::Ah)));
        QCOMPARE(ah.size(), 2);
        for (const SaSummary& s : ah) {
            QCOMPARE(s.satype, int(Sadb::SaType::Ah));
            QCOMPARE(s.mode, int(Sadb::Mode::Transport));
            QVERIFY(!s.proxy);
            QVERIFY(!s.encryptKey);
        }
        const QList<SaSummary> all =
            walkSadb(payloadOf(sim, simple(AdminCommand::ShowSa, AdminProto::Ipsec)));
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.last().seq, 0u);
        QCOMPARE(all.first().seq, 3u);

        const QJsonObject status = statusJson(sim, true);
        QCOMPARE(status.value(QLatin1String("phase1"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("remote_id")),
                 QJsonValue(QStringLiteral("branch.example")));
        const QJsonArray phase2 = status.value(QLatin1String("phase2")).toArray();
        QCOMPARE(phase2.size(), 2);
        const QJsonObject newest = phase2.first().toObject();
        QCOMPARE(newest.value(QLatin1String("protocol")).toString(), QStringLiteral("AH"));
        QCOMPARE(newest.value(QLatin1String("encmode")).toString(), QStringLiteral("Transport"));
        const QJsonObject proposal = newest.value(QLatin1String("proposal")).toObject();
        QVERIFY(proposal.value(QLatin1String("encryption_algorithm")).isNull());
        QCOMPARE(proposal.value(QLatin1String("authentication_algorithm")).toString(),
                 QStringLiteral("hmac-sha1"));
        QCOMPARE(sim.state->phase1Handles().front()->phase2Count, 2);
    }

    void establishEspStartsPhase1()
    {
        SimHarness sim;
        auto events = sim.request(simple(AdminCommand::ShowEvt));
        QVERIFY(expectReply(*events, AdminCommand::ShowEvt, 0, 0));
        auto esp = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Esp, selector("192.0.2.2", "10.20.9.9")));
        QVERIFY(expectReply(*esp, AdminCommand::EstablishSa, AdminProto::Esp, 0));
        sim.advance(120);
        QVERIFY(esp->quietFor(5)); // phase 1 events go to its own listeners, not this phase 2's
        QCOMPARE(eventTypes(*events, 2),
                 (QList<std::uint32_t>{EventCode::Phase1Up, EventCode::Phase1ModeCfg}));
        sim.advance(150);
        QCOMPARE(eventTypes(*esp, 1), QList<std::uint32_t>{EventCode::Phase2Up});
        QCOMPARE(eventTypes(*events, 1), QList<std::uint32_t>{EventCode::Phase2Up});
    }

    void phase2WaitsForModeCfg()
    {
        SimHarness sim;
        auto vc = sim.request(connectRequest("192.0.2.1"));
        sim.advance(120);
        // The mode-cfg address does not exist yet, so neither does the policy from it.
        auto early = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Esp, selector("10.99.99.1", "10.99.0.0", 32, 24)));
        QVERIFY(expectReply(*early, AdminCommand::EstablishSa, AdminProto::Esp, ENOENT));
        sim.advance(50);
        auto esp = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Esp, selector("10.99.99.1", "10.99.0.0", 32, 24)));
        QVERIFY(expectReply(*esp, AdminCommand::EstablishSa, AdminProto::Esp, 0));
        sim.advance(150);
        QCOMPARE(eventTypes(*esp, 1), QList<std::uint32_t>{EventCode::Phase2Up});
    }

    void behaviours_data()
    {
        QTest::addColumn<QByteArray>("gateway");
        QTest::addColumn<int>("wait");
        QTest::addColumn<QList<std::uint32_t>>("events");
        QTest::newRow("no-response") << QByteArray("behaviour = no-response\n") << 3000
                                     << QList<std::uint32_t>{EventCode::Phase1NoResponse};
        QTest::newRow("no-proposal") << QByteArray("behaviour = no-proposal\n") << 100
                                     << QList<std::uint32_t>{EventCode::Phase1NoProposal};
        QTest::newRow("auth-failed") << QByteArray("behaviour = auth-failed\n") << 100
                                     << QList<std::uint32_t>{EventCode::Phase1AuthFailed};
        QTest::newRow("dpd-timeout-after")
            << QByteArray("behaviour = dpd-timeout-after 5\n") << 5100
            << QList<std::uint32_t>{EventCode::Phase1Up, EventCode::Phase1ModeCfg,
                                    EventCode::Phase1DpdTimeout, EventCode::Phase1Down};
        QTest::newRow("peer-delete-after")
            << QByteArray("behaviour = peer-delete-after 3\n") << 3100
            << QList<std::uint32_t>{EventCode::Phase1Up, EventCode::Phase1ModeCfg,
                                    EventCode::Phase1PeerDeleted, EventCode::Phase1Down};
        QTest::newRow("xauth without credentials")
            << QByteArray("xauth = yes\nuser = a:b\n") << 200
            << QList<std::uint32_t>{EventCode::Phase1Up, EventCode::Phase1ModeCfg,
                                    EventCode::Phase1XauthFailed};
    }
    void behaviours()
    {
        QFETCH(QByteArray, gateway);
        QFETCH(int, wait);
        QFETCH(QList<std::uint32_t>, events);
        SimHarness sim(ConfigHead + "[gateway 192.0.2.1]\n" + gateway);
        auto es = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.1")));
        QVERIFY(expectReply(*es, AdminCommand::EstablishSa, AdminProto::Isakmp, 0));
        // Negotiating: racoon's status shows the addresses with ports until identities are exchanged.
        const QJsonObject phase1 =
            statusJson(sim, false).value(QLatin1String("phase1")).toArray().first().toObject();
        QCOMPARE(phase1.value(QLatin1String("state")).toString(), QStringLiteral("msg1sent"));
        QCOMPARE(phase1.value(QLatin1String("remote_id")).toString(), QStringLiteral("192.0.2.1[500]"));
        QVERIFY(!phase1.contains(QLatin1String("proposal")));
        for (int elapsed = 0; elapsed < wait; elapsed += 50) {
            sim.advance(50);
        }
        QCOMPARE(eventTypes(*es, int(events.size())), events);
        if (events.last() == EventCode::Phase1XauthFailed) {
            sim.advance(25);
        }
        // The handle is gone and its listener's connection with it.
        QVERIFY(es->waitForClose());
        QVERIFY(sim.state->phase1Handles().empty());
    }

    void lifetimesAndTraffic()
    {
        SimHarness sim(ConfigHead +
                       "[global]\ntraffic = 2\n[gateway 192.0.2.1]\nlifetime = 200\nipsec-lifetime = 100\n"
                       "policy = 192.0.2.2/32 10.0.0.0/8\n");
        auto esp = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Esp, selector("192.0.2.2", "10.1.1.1")));
        QVERIFY(expectReply(*esp, AdminCommand::EstablishSa, AdminProto::Esp, 0));
        sim.advance(100);
        sim.advance(150);
        QCOMPARE(eventTypes(*esp, 1), QList<std::uint32_t>{EventCode::Phase2Up});
        const QByteArray espDump = simple(AdminCommand::ShowSa, AdminProto::Esp);
        sim.advance(10000);
        QList<SaSummary> sas = walkSadb(payloadOf(sim, espDump));
        QCOMPARE(sas.size(), 2);
        QCOMPARE(sas[0].bytes, std::uint64_t(20 * 84)); // two packets a second for ten seconds
        QCOMPARE(sas[0].state, int(Sadb::SaState::Mature));
        sim.advance(10000);
        QCOMPARE(walkSadb(payloadOf(sim, espDump))[0].bytes, std::uint64_t(40 * 84));
        sim.advance(60000); // past the soft lifetime (80 s)
        sas = walkSadb(payloadOf(sim, espDump));
        QCOMPARE(sas.size(), 2);
        QCOMPARE(sas[0].state, int(Sadb::SaState::Dying));
        sim.advance(20000); // past the hard lifetime: the kernel drops the SAs, racoon the phase 2
        QCOMPARE(payloadOf(sim, espDump).toHex().left(8), QByteArray("020a0203"));
        QVERIFY(esp->waitForClose());
        QCOMPARE(statusJson(sim, true).value(QLatin1String("phase2")).toArray().size(), 0);
        // The phase 1 goes dying at 80% of its lifetime and down at the end.
        auto events = sim.request(simple(AdminCommand::ShowEvt));
        QVERIFY(expectReply(*events, AdminCommand::ShowEvt, 0, 0));
        sim.advance(61000);
        QCOMPARE(sim.state->phase1Handles().front()->status, int(Phase1Status::Dying));
        sim.advance(40000);
        QCOMPARE(eventTypes(*events, 1), QList<std::uint32_t>{EventCode::Phase1Down});
        QVERIFY(sim.state->phase1Handles().empty());
    }

    void flush_data()
    {
        QTest::addColumn<int>("proto");
        QTest::addColumn<int>("espLeft");
        QTest::addColumn<int>("ahLeft");
        QTest::newRow("esp") << int(AdminProto::Esp) << 0 << 2;
        QTest::newRow("ah") << int(AdminProto::Ah) << 2 << 0;
        QTest::newRow("ipsec") << int(AdminProto::Ipsec) << 0 << 0;
        QTest::newRow("isakmp") << int(AdminProto::Isakmp) << 2 << 2;
    }
    void flush()
    {
        QFETCH(int, proto);
        QFETCH(int, espLeft);
        QFETCH(int, ahLeft);
        SimHarness sim;
        auto es = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "198.51.100.1")));
        sim.advance(120);
        auto esp = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Esp, selector("192.0.2.2", "10.20.1.1")));
        auto ah = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Ah, selector("192.0.2.2", "198.51.100.1")));
        sim.advance(150);
        QCOMPARE(eventTypes(*esp, 2), (QList<std::uint32_t>{0, EventCode::Phase2Up}));
        QCOMPARE(eventTypes(*ah, 2), (QList<std::uint32_t>{0, EventCode::Phase2Up}));
        auto events = sim.request(simple(AdminCommand::ShowEvt));
        QVERIFY(expectReply(*events, AdminCommand::ShowEvt, 0, 0));

        auto c = sim.request(simple(AdminCommand::FlushSa, std::uint16_t(proto)));
        QVERIFY(expectReply(*c, AdminCommand::FlushSa, std::uint16_t(proto), 0));
        QCOMPARE(walkSadb(payloadOf(sim, simple(AdminCommand::ShowSa, AdminProto::Esp))).size(), espLeft);
        QCOMPARE(walkSadb(payloadOf(sim, simple(AdminCommand::ShowSa, AdminProto::Ah))).size(), ahLeft);
        // Every flush drops all phase 2 handles, closing their listeners; none announces anything.
        QVERIFY(esp->waitForClose());
        QVERIFY(ah->waitForClose());
        QCOMPARE(statusJson(sim, true).value(QLatin1String("phase2")).toArray().size(), 0);
        QCOMPARE(sim.state->phase1Handles().empty(), proto == AdminProto::Isakmp);
        QVERIFY(events->quietFor(20));
    }

    void emptyDumps_data()
    {
        QTest::addColumn<int>("proto");
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("ah") << int(AdminProto::Ah) << QByteArray("020a020202000000");
        QTest::newRow("ipsec") << int(AdminProto::Ipsec) << QByteArray("020a020002000000");
    }
    void emptyDumps()
    {
        QFETCH(int, proto);
        QFETCH(QByteArray, payload);
        SimHarness sim;
        auto c = sim.request(simple(AdminCommand::ShowSa, std::uint16_t(proto)));
        const auto frame = c->nextFrame();
        QVERIFY(frame);
        QCOMPARE(frame->errorCode(), 0);
        QCOMPARE(frame->payload().toHex().left(16), payload);
        QCOMPARE(frame->payloadSize(), std::size_t(16));
    }

    void statusWhileNegotiatingPhase2()
    {
        SimHarness sim;
        auto es = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Esp, selector("192.0.2.2", "10.20.1.1")));
        const QByteArray text = payloadOf(sim, simple(AdminCommand::StatusVerbose));
        QVERIFY2(
            text.contains("Phase 2: 0x00000000\n  phase1:         (unbound)\n  state:          status2  "
                          "protocol: unknown  mode: Any\n  spi:            in=(pending) out=(pending)\n"
                          "  selector:       192.0.2.2/32 -> 198.51.100.1/16  proto=any sport=any dport=any\n"
                          "  reqid:          in=0 out=0  ok=no\n"),
            text.constData());
        const QJsonObject phase2 =
            statusJson(sim, true).value(QLatin1String("phase2")).toArray().first().toObject();
        QVERIFY(phase2.value(QLatin1String("spi_in")).isNull());
        QVERIFY(phase2.value(QLatin1String("phase1_index")).isNull());
        QVERIFY(!phase2.contains(QLatin1String("proposal")));
    }

    void shutdownSendsRacoonQuit()
    {
        SimHarness sim;
        auto global = sim.request(simple(AdminCommand::ShowEvt));
        QVERIFY(expectReply(*global, AdminCommand::ShowEvt, 0, 0));
        auto vc = sim.request(connectRequest("192.0.2.1"));
        QVERIFY(expectReply(*vc, AdminCommand::EstablishSaPsk, AdminProto::Isakmp, 0));
        QSignalSpy drained(sim.server.get(), &AdminServer::drained);
        sim.server->shutdown();
        // racoon's evt_generic(): global listeners only; the per-SA ones are simply closed.
        QCOMPARE(eventTypes(*global, 1), QList<std::uint32_t>{EventCode::RacoonQuit});
        QVERIFY(global->waitForClose());
        QVERIFY(vc->waitForClose());
        QTRY_COMPARE(drained.count(), 1);
        QVERIFY(!QFile::exists(sim.socketPath()));
    }

    void reloadKeepsNegotiatedSas()
    {
        SimHarness sim;
        auto vc = connectLab(sim);
        auto config = SimConfig::parse(ConfigHead + "[gateway 192.0.2.7]\n", QString());
        QVERIFY(config);
        sim.state->reload(std::move(config).value());
        QCOMPARE(sim.state->phase1Handles().size(), std::size_t(1));
        auto c = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "192.0.2.7")));
        QVERIFY(expectReply(*c, AdminCommand::EstablishSa, AdminProto::Isakmp, 0));
        auto gone = sim.request(
            indexed(AdminCommand::EstablishSa, AdminProto::Isakmp, selector("192.0.2.2", "198.51.100.1")));
        QVERIFY(expectReply(*gone, AdminCommand::EstablishSa, AdminProto::Isakmp, -1));
    }

    void randomRequestsNeverCrash()
    {
        SimHarness sim;
        QRandomGenerator rng(20261204);
        const std::uint16_t commands[] = {0x0001, 0x0002, 0x0003, 0x0101, 0x0102, 0x0103, 0x0104, 0x0201,
                                          0x0202, 0x0203, 0x0204, 0x0205, 0x0206, 0x0801, 0x7fff};
        const std::uint16_t protos[] = {0, 1, 0x01ff, 0x02ff, 0x0201, 0x0202, 0x0301, 0xffff};
        const char* const hosts[] = {"192.0.2.1",  "192.0.2.2", "198.51.100.1", "203.0.113.1",
                                     "10.99.99.1", "10.99.0.0", "10.20.1.1",    "0.0.0.0"};
        for (int i = 0; i < 3000; ++i) {
            QByteArray payload;
            const int shape = rng.bounded(4);
            if (shape > 0) {
                payload = indexed(0, 0,
                                  selector(hosts[rng.bounded(8)], hosts[rng.bounded(8)], 32,
                                           std::uint8_t(rng.bounded(33))))
                              .mid(8);
            }
            if (shape > 1) {
                wire::AdminPsk psk{wire::IdTypeUserFqdn, std::size_t(rng.bounded(12)),
                                   std::size_t(rng.bounded(12))};
                payload.append(reinterpret_cast<const char*>(&psk), sizeof psk);
            }
            const int junk = rng.bounded(shape == 0 ? 300 : 24);
            for (int j = 0; j < junk; ++j) {
                payload.append(char(rng.bounded(256)));
            }
            const std::uint16_t command =
                std::uint16_t(commands[rng.bounded(15)] | (rng.bounded(4) ? 0x8000 : 0));
            const QByteArray frame = header(std::uint16_t(8 + payload.size()), command,
                                            std::uint16_t(rng.bounded(3)), protos[rng.bounded(8)]) +
                                     payload;
            RequestOutcome out = sim.handler->handle(frame);
            QVERIFY(out.reply.size() >= 8);
            if (out.afterSubscribing) {
                out.afterSubscribing();
            }
            if (out.afterReply) {
                out.afterReply();
            }
            if (rng.bounded(10) == 0) {
                sim.clock.advance(rng.bounded(3000));
                sim.state->runDue();
            }
        }
        QVERIFY(sim.reloads > 0);
        auto c = sim.request(simple(AdminCommand::Status));
        QVERIFY(expectReply(*c, AdminCommand::Status, 0, 0));
    }

    void passwordsAreNeverLogged()
    {
        static QByteArray captured;
        captured.clear();
        const QtMessageHandler previous =
            qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString& message) {
                captured += message.toUtf8() + '\n';
            });
        {
            SimHarness sim;
            auto right = connectLab(sim);
            auto wrong = sim.request(connectRequest("192.0.2.1", "labuser", "not-the-password"));
            auto other = sim.request(connectRequest("198.51.100.1", "someone", "secret-word"));
            sim.advance(200);
        }
        qInstallMessageHandler(previous);
        QVERIFY(captured.contains("labuser"));
        QVERIFY(!captured.contains("labpass"));
        QVERIFY(!captured.contains("not-the-password"));
        QVERIFY(!captured.contains("secret-word"));
    }
};

QTEST_GUILESS_MAIN(ProtocolTest)
#include "tst_protocol.moc"
