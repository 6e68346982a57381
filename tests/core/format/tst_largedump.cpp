// Decoding and printing a 10,000-SA dump (a long reply) yields 10,000 records, in order.
#include "../decode/SadbTestMessage.h"
#include "core/decode/SadbDumpDecoder.h"
#include "core/format/ReplyPrinter.h"

#include <QTest>

using namespace qracoon;
using namespace qracoon::test;

class TestLargeDump : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenThousandSas()
    {
        constexpr std::uint32_t Count = 10000;
        QByteArray payload;
        for (std::uint32_t i = 0; i < Count; ++i) {
            const std::uint32_t seq = Count - 1 - i;
            payload +=
                SadbTestMessage::esp(0xc0000000 + i, seq,
                                     v4(198, 51, std::uint8_t(100 + i / 250), std::uint8_t(i % 250)),
                                     v4(203, 0, 113, 1))
                    .lifetime(Sadb::Ext::LifetimeCurrent, i, std::uint64_t(i) * 1500, 1700000000 + i % 60, 0)
                    .lifetime(Sadb::Ext::LifetimeHard, 0, 0, 28800, 0)
                    .bytes();
        }
        const QByteArray frameBytes =
            AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Esp, 0, payload);
        const AdminFrame frame(frameBytes);
        QVERIFY(frame.isLongReply());

        const Result<SadbDump> dump = decodeSadbDump(frame.payloadData(), frame.payloadSize());
        QVERIFY2(dump.ok(), qPrintable(dump.error()));
        QCOMPARE(dump->sas.size(), std::size_t(Count));
        QVERIFY(dump->rejected.isEmpty());
        QCOMPARE(dump->sas.front().spi, 0xc0000000u);
        QCOMPARE(dump->sas.back().spi, 0xc0000000u + Count - 1);
        QCOMPARE(dump->sas.back().sadbSeq, 0u);

        PrintOptions options;
        options.now = 1700000100;
        std::string out;
        QVERIFY(ReplyPrinter::print(out, frame, options));
        const QByteArray text(out.data(), qsizetype(out.size()));
        QCOMPARE(text.count("\tsadb_seq="), qsizetype(Count));
        QCOMPARE(text.count("\tesp mode=tunnel spi="), qsizetype(Count));
        QCOMPARE(text.count("\tallocated: "), qsizetype(Count));
        QVERIFY(text.startsWith("198.51.100.0 203.0.113.1 \n\tesp mode=tunnel spi=3221225472(0xc0000000)"));
        QVERIFY(text.endsWith("\tsadb_seq=0 pid=4242 refcnt=0\n"));
    }
};

QTEST_GUILESS_MAIN(TestLargeDump)
#include "tst_largedump.moc"
