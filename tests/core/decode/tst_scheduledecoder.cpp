#include "core/decode/ScheduleDecoder.h"

#include <QTest>

using namespace qracoon;

class TestScheduleDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesRecords()
    {
        // From the show_schedule vector: two of its four records.
        const QByteArray payload =
            QByteArray::fromHex("c1cd0200000000000e0000000000000088f05365000000001e00000000000000"
                                "59db0200000000000f0000000000000000f1536500000000100e000000000000");
        const auto entries = decodeSchedule(payload.constData(), std::size_t(payload.size()));
        QVERIFY2(entries.ok(), qPrintable(entries.error()));
        QCOMPARE(entries->size(), std::size_t(2));
        QCOMPARE(entries->at(0).xtime, std::time_t(183745));
        QCOMPARE(entries->at(0).id, 14L);
        QCOMPARE(entries->at(0).created, std::time_t(1700000000 - 120));
        QCOMPARE(entries->at(0).tick, std::time_t(30));
        QCOMPARE(entries->at(1).id, 15L);
        QCOMPARE(entries->at(1).tick, std::time_t(3600));
    }

    void sizes_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty") << 0 << true;
        QTest::newRow("two") << 64 << true;
        QTest::newRow("truncated") << 40 << false;
        QTest::newRow("short") << 31 << false;
    }

    void sizes()
    {
        QFETCH(int, size);
        QFETCH(bool, ok);
        const QByteArray payload(size, '\x01');
        const auto entries = decodeSchedule(payload.constData(), std::size_t(payload.size()));
        QCOMPARE(entries.ok(), ok);
        if (ok) {
            QCOMPARE(int(entries->size()), size / 32);
        } else {
            QVERIFY(entries.error().contains(QStringLiteral("offset %1").arg(size - size % 32)));
        }
    }
};

QTEST_GUILESS_MAIN(TestScheduleDecoder)
#include "tst_scheduledecoder.moc"
