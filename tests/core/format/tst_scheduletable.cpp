#include "core/format/ScheduleTable.h"
#include "core/wire/WireLayout.h"

#include <QTest>

using namespace qracoon;

namespace {

QByteArray recordOf(std::time_t xtime, long id, std::time_t created, std::time_t tick)
{
    const wire::SchedDump r{xtime, id, created, tick};
    return QByteArray(reinterpret_cast<const char*>(&r), sizeof r);
}

const QByteArray Header = "index    tick     xtime    created\n";

} // namespace

class TestScheduleTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        tzset();
    }

    void table_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QByteArray() << Header;
        QTest::newRow("one") << recordOf(183745, 14, 1700000000 - 120, 30)
                             << Header + "14       30       183745   2023-11-14 22:11:20\n";
        QTest::newRow("created-zero-is-printed")
            << recordOf(5, 1, 0, 20) << Header + "1        20       5        1970-01-01 00:00:00\n";
        QTest::newRow("long-and-negative-numbers-are-not-cut")
            << recordOf(-5, 1234567890123, 1700000000, -42)
            << Header + "1234567890123 -42      -5       2023-11-14 22:13:20\n";
        QTest::newRow("invalid-length-before-header")
            << recordOf(1, 2, 1700000000, 3) + QByteArray(8, '\0')
            << "invalid length 40\n" + Header + "2        3        1        2023-11-14 22:13:20\n";
        QTest::newRow("only-partial") << QByteArray(31, '\x01') << "invalid length 31\n" + Header;
    }

    void table()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, expected);
        LocalTimeText times;
        std::string out;
        appendScheduleTable(out, payload.constData(), std::size_t(payload.size()), times);
        QCOMPARE(QByteArray(out.data(), qsizetype(out.size())), expected);
    }
};

QTEST_GUILESS_MAIN(TestScheduleTable)
#include "tst_scheduletable.moc"
