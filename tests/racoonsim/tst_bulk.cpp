// --bulk: 50,000 gateways give 100,000 SADB entries; show-sa esp then answers with a long reply of tens of
// megabytes that ends with sequence number 0, and every other dump scales with it.
#include "SimHarness.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace qracoon;
using namespace qracoon::sim;

namespace {

QByteArray simple(std::uint16_t command, std::uint16_t proto = AdminProto::None)
{
    const AdminRequest r = AdminRequest::simple(command, proto);
    return QByteArray(r.data(), qsizetype(r.size()));
}

constexpr int Gateways = 50000;

} // namespace

class BulkTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimHarness>();
        QVERIFY(m_sim->isListening());
        QElapsedTimer timer;
        timer.start();
        m_sim->state->addBulk(Gateways);
        qInfo("bulk setup: %lld ms", timer.elapsed());
        QCOMPARE(m_sim->state->sadbCount(), std::size_t(2 * Gateways));
    }

    void showSaEspIsALongReply()
    {
        QElapsedTimer timer;
        timer.start();
        auto c = m_sim->request(simple(AdminCommand::ShowSa, AdminProto::Esp));
        const auto frame = c->nextFrame(60000);
        QVERIFY(frame);
        qInfo("show-sa esp: %lld bytes in %lld ms", qint64(frame->bytes().size()), timer.elapsed());
        QVERIFY(frame->isLongReply());
        QCOMPARE(frame->errorCode(), 0);
        QVERIFY(frame->bytes().size() > 20 * 1024 * 1024);
        wire::AdminHeader h{};
        wire::readStruct(frame->bytes().constData(), std::size_t(frame->bytes().size()), 0, h);
        QCOMPARE(std::size_t(h.len) + (std::size_t(h.third) << 16), std::size_t(frame->bytes().size()));

        // 100,000 messages, each as long as it says, sequence numbers counting down to 0.
        const char* data = frame->payloadData();
        const std::size_t size = frame->payloadSize();
        std::size_t at = 0;
        std::uint32_t expectedSeq = 2 * Gateways;
        int messages = 0;
        wire::SadbMsg msg{};
        while (wire::readStruct(data, size, at, msg)) {
            QCOMPARE(msg.version, std::uint8_t(Sadb::Version));
            QCOMPARE(msg.type, std::uint8_t(Sadb::MsgType::Dump));
            QCOMPARE(msg.seq, --expectedSeq);
            QVERIFY(msg.len > 2);
            at += std::size_t(msg.len) * 8;
            ++messages;
        }
        QCOMPARE(messages, 2 * Gateways);
        QCOMPARE(at, size);
        QVERIFY(c->waitForClose(10000));
    }

    void otherDumpsScale()
    {
        auto isakmp = m_sim->request(simple(AdminCommand::ShowSa, AdminProto::Isakmp));
        const auto phase1 = isakmp->nextFrame(30000);
        QVERIFY(phase1);
        QVERIFY(phase1->isLongReply());
        QCOMPARE(phase1->payloadSize(), std::size_t(Gateways) * sizeof(wire::Ph1Dump));

        auto schedule = m_sim->request(simple(AdminCommand::ShowSched));
        const auto sched = schedule->nextFrame(30000);
        QVERIFY(sched);
        QVERIFY(sched->payloadSize() >= std::size_t(2 * Gateways) * sizeof(wire::SchedDump));

        auto status = m_sim->request(simple(AdminCommand::StatusVerbose, StatusFormat::Json));
        const auto document = status->nextFrame(30000);
        QVERIFY(document);
        QVERIFY(document->isLongReply());
        const QJsonObject json = QJsonDocument::fromJson(document->payload()).object();
        QCOMPARE(json.value(QLatin1String("phase1")).toArray().size(), Gateways + 0);
        QCOMPARE(json.value(QLatin1String("phase2")).toArray().size(), Gateways + 0);
    }

    void disconnectOneBulkGateway()
    {
        SaSelector s;
        s.src = *SocketAddress::fromText(QStringLiteral("0.0.0.0"));
        s.dst = *SocketAddress::fromText(QStringLiteral("198.18.0.77"));
        const AdminRequest r = AdminRequest::withIndexes(AdminCommand::DeleteAllSaDst, AdminProto::Isakmp, s);
        auto c = m_sim->request(QByteArray(r.data(), qsizetype(r.size())));
        QVERIFY(c->nextFrame());
        const auto down = c->nextFrame();
        QVERIFY(down);
        QCOMPARE(down->bytes().size(), 288);
        QCOMPARE(m_sim->state->sadbCount(), std::size_t(2 * Gateways - 2));
    }

    void cleanupTestCase() { m_sim.reset(); }

private:
    std::unique_ptr<SimHarness> m_sim;
};

QTEST_GUILESS_MAIN(BulkTest)
#include "tst_bulk.moc"
