// Each fault switch: the reply cut in half, delayed, sent one byte at a time, replaced by a malformed
// frame, and the daemon dying after a number of requests.
#include "SimHarness.h"

#include <QTest>

using namespace qracoon;
using namespace qracoon::sim;

namespace {

QByteArray bytesOf(const AdminRequest& request)
{
    return QByteArray(request.data(), qsizetype(request.size()));
}

const QByteArray ShowSaEsp = bytesOf(AdminRequest::simple(AdminCommand::ShowSa, AdminProto::Esp));
const QByteArray ShowEvt = bytesOf(AdminRequest::simple(AdminCommand::ShowEvt));
// The idle reply to show-sa esp: 8 bytes of header and a bare 16-byte sadb_msg.
constexpr int IdleEspReplySize = 24;

} // namespace

class FaultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void switches_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::newRow("close-mid-reply") << "close-mid-reply" << true;
        QTest::newRow("delay-replies") << "delay-replies=250" << true;
        QTest::newRow("split-bytes") << "split-bytes" << true;
        QTest::newRow("garbage-frame") << "garbage-frame" << true;
        QTest::newRow("die-after") << "die-after=3" << true;
        QTest::newRow("delay without value") << "delay-replies" << false;
        QTest::newRow("die-after zero") << "die-after=0" << false;
        QTest::newRow("value on a flag") << "split-bytes=2" << false;
        QTest::newRow("unknown") << "explode" << false;
    }
    void switches()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        FaultInjector faults;
        const auto result = faults.enable(spec);
        QCOMPARE(result.ok(), valid);
        QCOMPARE(faults.any(), valid);
        if (!valid) {
            QVERIFY(result.error().contains(spec));
        }
    }

    void closeMidReply()
    {
        SimHarness sim;
        sim.faults.setCloseMidReply(true);
        auto c = sim.request(ShowSaEsp);
        QVERIFY(c->waitForClose());
        QCOMPARE(c->received().size(), IdleEspReplySize / 2);
        QVERIFY(!c->nextFrame(10));
    }

    void delayReplies()
    {
        SimHarness sim;
        sim.faults.setReplyDelayMs(300);
        auto c = sim.request(ShowEvt);
        QVERIFY(c->quietFor(150));
        // An event raised meanwhile queues behind the delayed reply.
        sim.events.genericEvent(EventCode::RacoonQuit);
        const auto reply = c->nextFrame(1000);
        QVERIFY(reply);
        QCOMPARE(reply->bytes().size(), 8);
        const auto event = c->nextFrame();
        QVERIFY(event);
        QCOMPARE(event->bytes().size(), 288);
    }

    void splitBytes()
    {
        SimHarness sim;
        sim.faults.setSplitBytes(true);
        auto c = sim.request(ShowSaEsp);
        const auto frame = c->nextFrame(3000);
        QVERIFY(frame);
        QCOMPARE(frame->bytes().size(), IdleEspReplySize);
        QCOMPARE(frame->payload().left(4).toHex(), QByteArray("020a0203"));
        QVERIFY2(c->readCount() > 2, qPrintable(QString::number(c->readCount())));
        QVERIFY(c->waitForClose());

        // Events are dribbled out too, and still follow the reply in order.
        auto vc = sim.request(bytesOf(AdminRequest::establishWithCredentials(
                                          AdminProto::Isakmp,
                                          SaSelector{*SocketAddress::fromText(QStringLiteral("192.0.2.2")),
                                                     *SocketAddress::fromText(QStringLiteral("192.0.2.1"))},
                                          "labuser", "labpass")
                                          .value()));
        QVERIFY(vc->nextFrame(3000));
        sim.advance(120);
        const auto up = vc->nextFrame(5000);
        QVERIFY(up);
        QCOMPARE(up->command(), std::uint16_t(AdminCommand::ShowEvt));
        QCOMPARE(up->bytes().size(), 288);
    }

    void garbageFrame()
    {
        SimHarness sim;
        sim.faults.setGarbageFrame(true);
        auto c = sim.request(ShowSaEsp);
        QTRY_VERIFY(c->isClosed());
        QVERIFY(!c->nextFrame(10));
        QVERIFY(!c->streamError().isEmpty());
        wire::AdminHeader h{};
        QVERIFY(wire::readStruct(c->received().constData(), std::size_t(c->received().size()), 0, h));
        QCOMPARE(h.len, std::uint16_t(3));
        QCOMPARE(h.cmd, std::uint16_t(AdminCommand::ShowSa));
    }

    void dieAfter()
    {
        SimHarness sim;
        int deaths = 0;
        sim.faults.setDieAfter(2);
        sim.faults.setDieAction([&deaths] { ++deaths; });
        auto first = sim.request(ShowSaEsp);
        QVERIFY(first->nextFrame());
        QVERIFY(first->waitForClose());
        QCOMPARE(deaths, 0);
        auto second = sim.request(ShowSaEsp);
        QVERIFY(second->nextFrame());
        QTRY_COMPARE(deaths, 1);
    }
};

QTEST_GUILESS_MAIN(FaultTest)
#include "tst_faults.moc"
