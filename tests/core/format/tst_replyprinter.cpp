#include "../decode/SadbTestMessage.h"
#include "core/decode/EventDecoder.h"
#include "core/decode/SadbDumpDecoder.h"
#include "core/format/EventText.h"
#include "core/format/ReplyPrinter.h"

#include <QTest>
#include <random>

using namespace qracoon;
using namespace qracoon::test;

namespace {

QByteArray printed(const QByteArray& frameBytes, bool* ok = nullptr, int verbosity = 0)
{
    PrintOptions options;
    options.verbosity = verbosity;
    std::string out = "kept:";
    const bool result = ReplyPrinter::print(out, AdminFrame(frameBytes), options);
    if (ok != nullptr) {
        *ok = result;
    }
    return QByteArray(out.data(), qsizetype(out.size())).mid(5);
}

QByteArray reply(std::uint16_t command, std::uint16_t proto, const QByteArray& payload = {},
                 int errorCode = 0)
{
    return AdminFrame::encodeReply(command, proto, errorCode, payload);
}

QByteArray eventPayload(std::uint32_t code)
{
    wire::EvtAsync evt{};
    evt.type = code;
    return QByteArray(reinterpret_cast<const char*>(&evt), sizeof evt);
}

} // namespace

class TestReplyPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        tzset();
    }

    void dispatch_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("verbosity");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray cert = QByteArray::fromHex("308202da0629") + QByteArray("\0\n\xff", 3);
        QTest::newRow("cert-raw") << reply(AdminCommand::GetSaCert, AdminProto::Isakmp, cert) << 0 << true
                                  << cert;
        QTest::newRow("cert-empty") << reply(AdminCommand::GetSaCert, AdminProto::Isakmp) << 0 << true
                                    << QByteArray();
        QTest::newRow("status") << reply(AdminCommand::Status, 0, "racoon status") << 0 << true
                                << QByteArray("racoon status\n");
        QTest::newRow("status-verbose-empty")
            << reply(AdminCommand::StatusVerbose, 1) << 0 << true << QByteArray("\n");
        QTest::newRow("sched") << reply(AdminCommand::ShowSched, 0) << 0 << true
                               << QByteArray("index    tick     xtime    created\n");
        QTest::newRow("isakmp-l2")
            << reply(AdminCommand::ShowSa, AdminProto::Isakmp) << 2 << true
            << QByteArray("Source                                        Destination          "
                          "                         Cookies                           ST S  V E "
                          "Created             Phase2\n");
        QTest::newRow("esp-empty-sad") << reply(AdminCommand::ShowSa, AdminProto::Esp,
                                                SadbTestMessage(3, 0, Sadb::MsgType::Dump, 2).bytes())
                                       << 0 << true << QByteArray("No SAD entries.\n");
        QTest::newRow("ah") << reply(AdminCommand::ShowSa, AdminProto::Ah,
                                     SadbTestMessage(2, 0, 5, 2).bytes())
                            << 0 << true << QByteArray("No entry.\n");
        QTest::newRow("ipsec") << reply(AdminCommand::ShowSa, AdminProto::Ipsec,
                                        SadbTestMessage(0, 0, 10, 1).bytes())
                               << 0 << true << QByteArray("Operation not permitted.\n");
        QTest::newRow("invalid-proto")
            << reply(AdminCommand::ShowSa, 0x0203) << 0 << true << QByteArray("Invalid proto [515]\n");
        QTest::newRow("invalid-proto-zero")
            << reply(AdminCommand::ShowSa, 0) << 0 << true << QByteArray("Invalid proto [0]\n");
        QTest::newRow("internal-empty") << reply(AdminCommand::ShowSa, AdminProto::Internal) << 0 << true
                                        << QByteArray("Source                 Destination            \n");
        QTest::newRow("internal-data-l1")
            << reply(AdminCommand::ShowSa, AdminProto::Internal, QByteArray(100, 'x')) << 1 << true
            << QByteArray("Source                                        Destination                         "
                          "         \n"
                          "internal SA dump of 100 bytes cannot be decoded\n");
        QTest::newRow("event") << reply(AdminCommand::ShowEvt, 0, eventPayload(EventCode::RacoonQuit)) << 0
                               << true << QByteArray("Racoon terminated : anonymous -> anonymous\n");
        QTest::newRow("event-empty") << reply(AdminCommand::ShowEvt, 0) << 0 << true << QByteArray();
        QTest::newRow("event-short") << reply(AdminCommand::ShowEvt, 0, eventPayload(1).left(279)) << 0
                                     << false << QByteArray();
        QTest::newRow("event-one-byte") << reply(AdminCommand::ShowEvt, 0, "x") << 0 << false << QByteArray();
        QTest::newRow("reload-ack") << reply(AdminCommand::ReloadConf, 0) << 0 << true << QByteArray();
        QTest::newRow("flush-ack") << reply(AdminCommand::FlushSa, AdminProto::Esp) << 0 << true
                                   << QByteArray();
        QTest::newRow("establish-ack")
            << reply(AdminCommand::EstablishSa, AdminProto::Isakmp) << 0 << true << QByteArray();
        QTest::newRow("unknown-command") << reply(0x0777, 0, "payload") << 0 << true << QByteArray();
        QTest::newRow("error-reply") << reply(AdminCommand::Status, 0, "ignored", 12) << 0 << true
                                     << QByteArray();
        QTest::newRow("error-event") << reply(AdminCommand::ShowEvt, 0, "x", 17) << 0 << true << QByteArray();
    }

    void dispatch()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, verbosity);
        QFETCH(bool, ok);
        QFETCH(QByteArray, expected);
        bool result = !ok;
        QCOMPARE(printed(frame, &result, verbosity), expected);
        QCOMPARE(result, ok);
    }

    // Mutated replies of every kind: whatever the bytes, printing and decoding stay inside the frame (run
    // under ASan/UBSan to make that check meaningful).
    void mutatedRepliesStayInBounds()
    {
        QByteArray dump;
        for (std::uint32_t i = 4; i > 0; --i) {
            dump += SadbTestMessage::esp(i, i - 1, v4(192, 0, 2, 10), v6("2001:db8::1"))
                        .lifetime(Sadb::Ext::LifetimeCurrent, 1, 2, 1700000000, 1700000001)
                        .natTType(2)
                        .address(Sadb::Ext::XNatTOa, v4(10, 0, 0, 1))
                        .securityContext(1, 1, "ctx")
                        .bytes();
        }
        const QByteArray event = eventPayload(EventCode::Phase1ModeCfg) +
                                 QByteArray::fromHex("000100040a0800177000000548656c6c6f");
        const struct
        {
            std::uint16_t command;
            std::uint16_t proto;
            QByteArray payload;
        } seeds[] = {{AdminCommand::ShowSa, AdminProto::Esp, dump},
                     {AdminCommand::ShowSa, AdminProto::Ipsec, dump},
                     {AdminCommand::ShowSa, AdminProto::Isakmp, QByteArray(608, '\x02')},
                     {AdminCommand::ShowSched, 0, QByteArray(64, '\x7f')},
                     {AdminCommand::ShowEvt, 0, event}};
        std::mt19937 random(12345);
        PrintOptions options;
        options.now = 1700000100;
        for (const auto& seed : seeds) {
            for (int round = 0; round < 400; ++round) {
                QByteArray payload = seed.payload;
                const int flips = 1 + int(random() % 8);
                for (int f = 0; f < flips; ++f) {
                    payload[qsizetype(random() % std::uint32_t(payload.size()))] = char(random());
                }
                payload.truncate(qsizetype(random() % std::uint32_t(payload.size() + 1)));
                const AdminFrame frame(reply(seed.command, seed.proto, payload));
                std::string out;
                ReplyPrinter::print(out, frame, options);
                (void)decodeSadbDump(frame.payloadData(), frame.payloadSize());
                if (const Result<RacoonEvent> e = decodeEvent(frame)) {
                    appendModeCfgSummary(out, *e, options);
                }
            }
        }
    }

    void longReplies()
    {
        QByteArray status(70000, 'j');
        QCOMPARE(printed(reply(AdminCommand::Status, 1, status)), status + "\n");

        QByteArray sas;
        for (std::uint32_t i = 500; i > 0; --i) {
            sas += SadbTestMessage::esp(i, i - 1, v4(192, 0, 2, 10), v4(203, 0, 113, 5)).bytes();
        }
        const QByteArray frame = reply(AdminCommand::ShowSa, AdminProto::Esp, sas);
        QVERIFY(AdminFrame(frame).isLongReply());
        const QByteArray text = printed(frame);
        QCOMPARE(text.count("\tsadb_seq="), 500);
        QVERIFY(text.endsWith("\tsadb_seq=0 pid=4242 refcnt=0\n"));
    }
};

QTEST_GUILESS_MAIN(TestReplyPrinter)
#include "tst_replyprinter.moc"
