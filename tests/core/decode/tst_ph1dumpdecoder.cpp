#include "SadbTestMessage.h"
#include "core/decode/Ph1DumpDecoder.h"

#include <QTest>

using namespace qracoon;
using namespace qracoon::test;

namespace {

wire::Ph1Dump record(std::uint8_t firstCookieByte, const SocketAddress& remote, const SocketAddress& local)
{
    wire::Ph1Dump r{};
    for (int i = 0; i < 8; ++i) {
        r.initiatorCookie[i] = std::uint8_t(firstCookieByte + i);
        r.responderCookie[i] = std::uint8_t(0xf0 + i);
    }
    r.status = 9;
    r.side = 1;
    remote.writeTo(r.remote);
    local.writeTo(r.local);
    r.version = 0x10;
    r.etype = 4;
    r.created = 1700000000;
    r.ph2cnt = 2;
    return r;
}

QByteArray bytesOf(std::initializer_list<wire::Ph1Dump> records)
{
    QByteArray out;
    for (const wire::Ph1Dump& r : records) {
        out.append(reinterpret_cast<const char*>(&r), sizeof r);
    }
    return out;
}

} // namespace

class TestPh1DumpDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesRecords()
    {
        const QByteArray payload = bytesOf({record(1, v4(203, 0, 113, 5, 4500), v4(192, 0, 2, 10, 4500)),
                                            record(0x10, v6("2001:db8::5", 500), v6("2001:db8::10", 500))});
        const auto sas = decodePh1Dump(payload.constData(), std::size_t(payload.size()));
        QVERIFY2(sas.ok(), qPrintable(sas.error()));
        QCOMPARE(sas->size(), std::size_t(2));
        const IsakmpSa& a = sas->at(0);
        QCOMPARE(a.initiatorCookie[0], 1);
        QCOMPARE(a.initiatorCookie[7], 8);
        QCOMPARE(a.responderCookie[7], 0xf7);
        QCOMPARE(a.status, 9);
        QVERIFY(a.isEstablished());
        QCOMPARE(a.side, int(IsakmpSa::Responder));
        QCOMPARE(a.remote, v4(203, 0, 113, 5, 4500));
        QCOMPARE(a.local, v4(192, 0, 2, 10, 4500));
        QCOMPARE(a.version, 0x10);
        QCOMPARE(a.etype, 4);
        QCOMPARE(a.created, std::time_t(1700000000));
        QCOMPARE(a.ph2cnt, 2);
        QCOMPARE(sas->at(1).remote, v6("2001:db8::5", 500));
    }

    void sizes_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("records");
        QTest::newRow("empty") << 0 << true << 0;
        QTest::newRow("one") << 304 << true << 1;
        QTest::newRow("three") << 912 << true << 3;
        QTest::newRow("truncated") << 456 << false << 0;
        QTest::newRow("short") << 10 << false << 0;
        QTest::newRow("oversized-by-one") << 305 << false << 0;
    }

    void sizes()
    {
        QFETCH(int, size);
        QFETCH(bool, ok);
        QFETCH(int, records);
        QByteArray payload;
        while (payload.size() < size) {
            payload.append(bytesOf({record(1, v4(198, 51, 100, 1, 500), {})}));
        }
        payload.truncate(size);
        const auto sas = decodePh1Dump(payload.constData(), std::size_t(payload.size()));
        QCOMPARE(sas.ok(), ok);
        if (ok) {
            QCOMPARE(int(sas->size()), records);
        } else {
            QVERIFY2(sas.error().contains(QStringLiteral("offset %1").arg(size - size % 304)),
                     qPrintable(sas.error()));
        }
    }

    void singleRecordIsBoundsChecked()
    {
        const QByteArray payload = bytesOf({record(1, v4(198, 51, 100, 1, 500), {})}) + QByteArray(100, '\0');
        QVERIFY(decodeIsakmpSa(payload.constData(), std::size_t(payload.size()), 0).ok());
        QVERIFY(!decodeIsakmpSa(payload.constData(), std::size_t(payload.size()), 1).ok());
        QVERIFY(!decodeIsakmpSa(payload.constData(), std::size_t(payload.size()), std::size_t(-1) / 2).ok());
    }

    void wrongFamiliesAreKept()
    {
        wire::Ph1Dump r = record(1, {}, {});
        const std::uint16_t family = 1;
        std::memcpy(r.remote.bytes, &family, 2);
        const IsakmpSa sa = isakmpSaFromWire(r);
        QCOMPARE(sa.remote.family(), SocketAddress::Family::Other);
        QCOMPARE(sa.local.family(), SocketAddress::Family::Unspec);
    }
};

QTEST_GUILESS_MAIN(TestPh1DumpDecoder)
#include "tst_ph1dumpdecoder.moc"
