// LocalTimeText must give exactly what localtime_r + ctime/strftime give, in every zone, across
// transitions, leap seconds and historical offsets, however its caches are hit.
#include "core/format/LocalTimeText.h"

#include <QTest>
#include <cstring>
#include <ctime>
#include <random>
#include <vector>

using namespace qracoon;

namespace {

QByteArray referenceCtimeField(std::time_t t)
{
    if (t == 0) {
        return QByteArray(20, ' ');
    }
    std::tm tm{};
    char buffer[64];
    if (localtime_r(&t, &tm) == nullptr || asctime_r(&tm, buffer) == nullptr) {
        return QByteArray(20, '?');
    }
    return QByteArray(buffer + 4, qsizetype(std::min<std::size_t>(20, std::strlen(buffer + 4))));
}

QByteArray referenceDateTime(std::time_t t)
{
    std::tm tm{};
    char buffer[64];
    if (localtime_r(&t, &tm) == nullptr) {
        return QByteArray(19, '?');
    }
    return QByteArray(buffer, qsizetype(std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &tm)));
}

std::vector<std::time_t> sampleTimes()
{
    std::vector<std::time_t> times;
    // Every 53 minutes over two years around recent DST changes, seconds around them, old LMT eras.
    for (std::time_t t = 1679000000; t < 1679000000 + 2 * 365 * 86400; t += 53 * 60 + 13) {
        times.push_back(t);
    }
    for (const std::time_t change :
         {1679792400L, 1698541200L, 1711846800L, 1730595600L, 1680361200L, 1696089600L}) {
        for (std::time_t t = change - 1900; t < change + 1900; t += 3) {
            times.push_back(t);
        }
    }
    for (std::time_t t = -2840140800L; t < -1000000000L; t += 86400 * 3 + 977) {
        times.push_back(t);
    }
    for (const std::time_t leap : {1483228799L, 1483228800L, 1483228826L, 1483228827L, 1483228828L}) {
        for (std::time_t t = leap - 5; t < leap + 5; ++t) {
            times.push_back(t);
        }
    }
    std::mt19937_64 random(7);
    for (int i = 0; i < 4000; ++i) {
        times.push_back(static_cast<std::time_t>(random() % (std::uint64_t(1) << 36)) -
                        (std::time_t(1) << 35));
    }
    return times;
}

} // namespace

class TestLocalTimeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase()
    {
        qputenv("TZ", "UTC");
        tzset();
    }

    void matchesTheCLibrary_data()
    {
        QTest::addColumn<QByteArray>("zone");
        for (const char* zone :
             {"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
              "Europe/Amsterdam", "America/St_Johns", "right/UTC", "right/Europe/Berlin",
              "CET-1CEST,M3.5.0,M10.5.0/3", "<+0545>-5:45", "NZST-12NZDT,M9.5.0,M4.1.0/3"}) {
            QTest::newRow(zone) << QByteArray(zone);
        }
    }

    void matchesTheCLibrary()
    {
        QFETCH(QByteArray, zone);
        qputenv("TZ", zone);
        tzset();
        LocalTimeText times;
        for (const std::time_t t : sampleTimes()) {
            const std::string_view ctime = times.ctimeField(t);
            const std::string_view dateTime = times.dateTime(t);
            const QByteArray gotCtime(ctime.data(), qsizetype(ctime.size()));
            const QByteArray gotDateTime(dateTime.data(), qsizetype(dateTime.size()));
            if (gotCtime != referenceCtimeField(t) || gotDateTime != referenceDateTime(t)) {
                QFAIL(qPrintable(QStringLiteral("t=%1: %2 / %3, expected %4 / %5")
                                     .arg(qint64(t))
                                     .arg(QString::fromLatin1(gotCtime), QString::fromLatin1(gotDateTime),
                                          QString::fromLatin1(referenceCtimeField(t)),
                                          QString::fromLatin1(referenceDateTime(t)))));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLocalTimeText)
#include "tst_localtimetext.moc"
