#include "../decode/SadbTestMessage.h"
#include "core/format/IsakmpSaTable.h"

#include <QTest>

using namespace qracoon;
using namespace qracoon::test;

namespace {

IsakmpSa sa(const SocketAddress& remote, const SocketAddress& local = {})
{
    IsakmpSa s;
    for (std::uint8_t i = 0; i < 8; ++i) {
        s.initiatorCookie[i] = std::uint8_t(0x10 + i);
        s.responderCookie[i] = std::uint8_t(0xa0 + i);
    }
    s.status = 9;
    s.side = IsakmpSa::Initiator;
    s.remote = remote;
    s.local = local;
    s.version = 0x10;
    s.etype = 2;
    s.created = 1700000000;
    s.ph2cnt = 2;
    return s;
}

QByteArray row(const IsakmpSa& s, int verbosity)
{
    LocalTimeText times;
    std::string out;
    appendIsakmpSaRow(out, s, verbosity, times);
    return QByteArray(out.data(), qsizetype(out.size()));
}

QByteArray fixed(const SocketAddress& a, int width)
{
    std::string out;
    appendFixedAddress(out, a, width);
    return QByteArray(out.data(), qsizetype(out.size()));
}

QByteArray payloadOf(const IsakmpSa& s)
{
    wire::Ph1Dump r{};
    std::copy(s.initiatorCookie.begin(), s.initiatorCookie.end(), r.initiatorCookie);
    std::copy(s.responderCookie.begin(), s.responderCookie.end(), r.responderCookie);
    r.status = s.status;
    r.side = s.side;
    s.remote.writeTo(r.remote);
    s.local.writeTo(r.local);
    r.version = s.version;
    r.etype = s.etype;
    r.created = s.created;
    r.ph2cnt = s.ph2cnt;
    return QByteArray(reinterpret_cast<const char*>(&r), sizeof r);
}

} // namespace

class TestIsakmpSaTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        tzset();
    }

    void fixedAddress_data()
    {
        QTest::addColumn<SocketAddress>("address");
        QTest::addColumn<int>("width");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("v4") << v4(192, 0, 2, 10, 500) << 22 << QByteArray("192.0.2.10.500        ");
        QTest::newRow("v6-cut") << v6("2001:db8:85a3:1234:5678:abcd:ef01:2345", 4500) << 22
                                << QByteArray("2001:db8:85a3:123.4500");
        QTest::newRow("v6-wide") << v6("2001:db8:85a3:1234:5678:abcd:ef01:2345", 4500) << 45
                                 << QByteArray("2001:db8:85a3:1234:5678:abcd:ef01:2345.4500  ");
        QTest::newRow("exact-fit") << v4(198, 51, 100, 255, 65535) << 20
                                   << QByteArray("198.51.100.255.65535");
        QTest::newRow("mapped") << v6("::ffff:192.0.2.1", 500) << 22 << QByteArray("::ffff:192.0.2.1.500  ");
        QTest::newRow("unspec") << SocketAddress() << 22 << QByteArray("(invalid).(inv)       ");
        QTest::newRow("narrow") << v4(192, 0, 2, 10, 500) << 5 << QByteArray("1.500");
    }

    void fixedAddress()
    {
        QFETCH(SocketAddress, address);
        QFETCH(int, width);
        QFETCH(QByteArray, expected);
        QCOMPARE(fixed(address, width), expected);
    }

    void rows_data()
    {
        QTest::addColumn<IsakmpSa>("sa");
        QTest::addColumn<int>("verbosity");
        QTest::addColumn<QByteArray>("expected");
        const IsakmpSa base = sa(v4(203, 0, 113, 5, 4500), v4(192, 0, 2, 10, 4500));
        QTest::newRow("l0")
            << base << 0
            << QByteArray("203.0.113.5.4500       1011121314151617:a0a1a2a3a4a5a6a7 2023-11-14 22:13:20 \n");
        QTest::newRow("l1") << base << 1
                            << QByteArray(
                                   "203.0.113.5.4500       1011121314151617:a0a1a2a3a4a5a6a7  9 I 10 M "
                                   "2023-11-14 22:13:20      2 \n");
        QTest::newRow("l2") << base << 2
                            << QByteArray(
                                   "192.0.2.10.4500                               203.0.113.5.4500         "
                                   "                     1011121314151617:a0a1a2a3a4a5a6a7  9 I 10 M "
                                   "2023-11-14 22:13:20      2 \n");
        QTest::newRow("l5-like-l2") << base << 5 << row(base, 2);
        IsakmpSa odd = base;
        odd.status = -3;
        odd.side = 7;
        odd.version = 0x01;
        odd.etype = 0;
        odd.created = 0;
        odd.ph2cnt = -1234567;
        QTest::newRow("odd-values")
            << odd << 1
            << QByteArray("203.0.113.5.4500       1011121314151617:a0a1a2a3a4a5a6a7 -3 R  1  "
                          "                    -1234567 \n");
        IsakmpSa quick = base;
        quick.etype = 32;
        quick.version = 0xff;
        QTest::newRow("etype-without-letter")
            << quick << 1
            << QByteArray("203.0.113.5.4500       1011121314151617:a0a1a2a3a4a5a6a7  9 I ff 2023-11-14 "
                          "22:13:20      2 \n");
        IsakmpSa informational = base;
        informational.etype = 5;
        QTest::newRow("etype-5") << informational << 1
                                 << QByteArray(
                                        "203.0.113.5.4500       1011121314151617:a0a1a2a3a4a5a6a7  9 I 10 I "
                                        "2023-11-14 22:13:20      2 \n");
        IsakmpSa unknown = base;
        unknown.remote = SocketAddress();
        QTest::newRow("unknown-remote-l0")
            << unknown << 0
            << QByteArray("(invalid).(inv)        1011121314151617:a0a1a2a3a4a5a6a7 2023-11-14 22:13:20 \n");
    }

    void rows()
    {
        QFETCH(IsakmpSa, sa);
        QFETCH(int, verbosity);
        QFETCH(QByteArray, expected);
        QCOMPARE(row(sa, verbosity), expected);
    }

    void table_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("verbosity");
        QTest::addColumn<QByteArray>("expected");
        const IsakmpSa one = sa(v4(203, 0, 113, 5, 500));
        const QByteArray header0 = "Destination            Cookies                           Created\n";
        const QByteArray row0 = row(one, 0);
        QTest::newRow("empty") << QByteArray() << 0 << header0;
        QTest::newRow("two") << payloadOf(one) + payloadOf(one) << 0 << header0 + row0 + row0;
        QTest::newRow("partial-record")
            << payloadOf(one) + QByteArray(152, '\0') << 0 << header0 + "invalid length 456\n" + row0;
        QTest::newRow("only-partial") << QByteArray(10, '\0') << 0 << header0 + "invalid length 10\n";
        QTest::newRow("header-l1")
            << QByteArray() << 1
            << QByteArray("Destination            Cookies                           ST S  V E "
                          "Created             Phase2\n");
    }

    void table()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, verbosity);
        QFETCH(QByteArray, expected);
        LocalTimeText times;
        std::string out;
        appendIsakmpSaTable(out, payload.constData(), std::size_t(payload.size()), verbosity, times);
        QCOMPARE(QByteArray(out.data(), qsizetype(out.size())), expected);
    }
};

Q_DECLARE_METATYPE(qracoon::IsakmpSa)
Q_DECLARE_METATYPE(qracoon::SocketAddress)

QTEST_GUILESS_MAIN(TestIsakmpSaTable)
#include "tst_isakmpsatable.moc"
