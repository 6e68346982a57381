#include "SadbTestMessage.h"
#include "core/decode/EventDecoder.h"
#include "core/decode/ModeCfgDecoder.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace qracoon;
using namespace qracoon::test;

namespace {

QByteArray eventFrame(std::uint32_t code, const SocketAddress& src, const SocketAddress& dst,
                      const QByteArray& attributes = {}, std::uint32_t msgid = 0)
{
    wire::EvtAsync evt{};
    evt.type = code;
    evt.timestamp = 1700000001;
    src.writeTo(evt.ph1src);
    dst.writeTo(evt.ph1dst);
    evt.ph2msgid = msgid;
    QByteArray payload(reinterpret_cast<const char*>(&evt), sizeof evt);
    payload.append(attributes);
    return AdminFrame::encodeReply(AdminCommand::ShowEvt, 0, 0, payload);
}

QByteArray tlv(std::uint16_t type, const QByteArray& value)
{
    QByteArray a;
    a.append(char(type >> 8)).append(char(type & 0xff));
    a.append(char(value.size() >> 8)).append(char(value.size() & 0xff));
    return a + value;
}

QByteArray tv(std::uint16_t type, std::uint16_t value)
{
    QByteArray a;
    const std::uint16_t t = type | 0x8000;
    a.append(char(t >> 8)).append(char(t & 0xff)).append(char(value >> 8)).append(char(value & 0xff));
    return a;
}

// The MODE_CFG frame racoon sent in the real-transcripts step 11-vc.
QByteArray realModeCfgFrame()
{
    QFile file(QStringLiteral(QRACOON_TEST_DATA "/real-transcripts/11-vc.jsonl"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        const QJsonObject event = line.value(QLatin1String("event")).toObject();
        if (event.value(QLatin1String("name")).toString() == QLatin1String("EVT_PHASE1_MODE_CFG")) {
            return QByteArray::fromHex(line.value(QLatin1String("hex")).toString().toLatin1());
        }
    }
    return {};
}

} // namespace

class TestEventDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesEvent()
    {
        const AdminFrame frame(
            eventFrame(EventCode::Phase2Up, v4(192, 0, 2, 10, 4500), v6("2001:db8::5", 500), {}, 0x3c9a0b11));
        const Result<RacoonEvent> event = decodeEvent(frame);
        QVERIFY2(event.ok(), qPrintable(event.error()));
        QCOMPARE(event->code, std::uint32_t(EventCode::Phase2Up));
        QCOMPARE(event->timestamp, std::time_t(1700000001));
        QCOMPARE(event->ph1src, v4(192, 0, 2, 10, 4500));
        QCOMPARE(event->ph1dst, v6("2001:db8::5", 500));
        QCOMPARE(event->ph2msgid, 0x3c9a0b11u);
        QVERIFY(event->attributes.isEmpty());
        QVERIFY(!event->modeCfg);
    }

    void frameSizes_data()
    {
        QTest::addColumn<int>("cut");
        QTest::addColumn<bool>("ok");
        QTest::newRow("complete") << 0 << true;
        QTest::newRow("one-byte-short") << 1 << false;
        QTest::newRow("header-only") << 280 << false;
    }

    void frameSizes()
    {
        QFETCH(int, cut);
        QFETCH(bool, ok);
        QByteArray bytes = eventFrame(EventCode::Phase1Up, {}, {});
        bytes.chop(cut);
        const Result<RacoonEvent> event = decodeEvent(AdminFrame(bytes));
        QCOMPARE(event.ok(), ok);
        if (!ok) {
            QVERIFY2(event.error().contains(QLatin1String("288")), qPrintable(event.error()));
        }
        QVERIFY(!decodeEvent(AdminFrame()).ok());
    }

    void unusualFamilies()
    {
        QByteArray bytes = eventFrame(EventCode::Phase1Up, {}, v4(1, 2, 3, 4));
        bytes[8 + 144] = 7; // ph1dst family 7
        const Result<RacoonEvent> event = decodeEvent(AdminFrame(bytes));
        QVERIFY(event.ok());
        QCOMPARE(event->ph1src.family(), SocketAddress::Family::Unspec);
        QCOMPARE(event->ph1dst.family(), SocketAddress::Family::Other);
    }

    void modeCfgOnlyForModeCfgEvents()
    {
        const QByteArray attrs = tlv(ModeCfgAttr::InternalIp4Address, QByteArray::fromHex("0a080017"));
        const auto up = decodeEvent(AdminFrame(eventFrame(EventCode::Phase1Up, {}, {}, attrs)));
        QVERIFY(up.ok());
        QCOMPARE(up->attributes, attrs);
        QVERIFY(!up->modeCfg);
        const auto cfg = decodeEvent(AdminFrame(eventFrame(EventCode::Phase1ModeCfg, {}, {}, attrs)));
        QVERIFY(cfg.ok());
        QVERIFY(cfg->modeCfg);
        QCOMPARE(cfg->modeCfg->ip4Address, QHostAddress(QStringLiteral("10.8.0.23")));
    }

    void realGatewayModeCfg()
    {
        const QByteArray frame = realModeCfgFrame();
        QVERIFY(!frame.isEmpty());
        const Result<RacoonEvent> event = decodeEvent(AdminFrame(frame));
        QVERIFY2(event.ok(), qPrintable(event.error()));
        QCOMPARE(event->ph1dst, v4(192, 0, 2, 1, 500));
        QVERIFY(event->modeCfg);
        const ModeCfg& cfg = *event->modeCfg;
        QVERIFY(cfg.complete);
        QCOMPARE(cfg.attributes.size(), std::size_t(9));
        QCOMPARE(cfg.ip4Address, QHostAddress(QStringLiteral("10.99.99.1")));
        QCOMPARE(cfg.ip4Netmask, QHostAddress(QStringLiteral("255.255.255.0")));
        QCOMPARE(cfg.ip4Dns, QList<QHostAddress>{QHostAddress(QStringLiteral("10.99.0.53"))});
        QCOMPARE(cfg.ip4Nbns, QList<QHostAddress>{QHostAddress(QStringLiteral("10.99.0.53"))});
        QCOMPARE(
            cfg.banner,
            QStringLiteral("Welcome to the racoon lab gateway (192.0.2.1). Real racoon, real PF_KEY.\n"));
        QCOMPARE(cfg.defaultDomain, QStringLiteral("lab.example"));
        QCOMPARE(cfg.splitDns, QStringList{QStringLiteral("lab.example")});
        QCOMPARE(cfg.splitInclude.size(), 1);
        QCOMPARE(cfg.splitInclude.front().address, QHostAddress(QStringLiteral("10.99.0.0")));
        QCOMPARE(cfg.splitInclude.front().netmask, QHostAddress(QStringLiteral("255.255.255.0")));
        QCOMPARE(cfg.splitInclude.front().prefixLength, 24);
        QCOMPARE(cfg.applicationVersion, QStringLiteral("racoon / IPsec-tools"));
    }

    void modeCfgAttributes()
    {
        QByteArray ip6 = QByteArray::fromHex("20010db8000000000000000000000017");
        const QByteArray attrs =
            tlv(ModeCfgAttr::InternalIp4Address, QByteArray::fromHex("0a000001")) +
            tlv(ModeCfgAttr::InternalIp4Address, QByteArray::fromHex("0a000002")) + // a later one overrides
            tlv(ModeCfgAttr::InternalIp4Dns, QByteArray::fromHex("0a000035")) +
            tlv(ModeCfgAttr::InternalIp4Dns, QByteArray::fromHex("0a000036")) +
            tlv(ModeCfgAttr::InternalIp4Subnet, QByteArray::fromHex("ac100000fff00000")) +
            tlv(ModeCfgAttr::InternalIp6Address, ip6 + char(64)) + tlv(ModeCfgAttr::InternalIp6Dns, ip6) +
            tlv(ModeCfgAttr::InternalIp6Subnet, ip6 + char(48)) +
            tlv(ModeCfgAttr::InternalAddressExpiry, QByteArray::fromHex("00000e10")) +
            tv(ModeCfgAttr::UnitySavePasswd, 1) + tv(ModeCfgAttr::UnityPfs, 0) +
            tv(ModeCfgAttr::UnityNattPort, 4500) +
            tlv(ModeCfgAttr::UnitySplitDns, QByteArray("a.example,b.example")) +
            tlv(ModeCfgAttr::UnitySplitInclude, QByteArray::fromHex("0a000000ff000000000000000000") +
                                                    QByteArray::fromHex("c0a80000ffff00000000000000000000")) +
            tlv(ModeCfgAttr::UnityLocalLan, QByteArray::fromHex("c0a80100ff00ff00000000000000")) +
            tlv(0x7fff, QByteArray("unknown"));
        const ModeCfg cfg = decodeModeCfg(attrs.constData(), std::size_t(attrs.size()));
        QVERIFY(cfg.complete);
        QCOMPARE(cfg.attributes.size(), std::size_t(16));
        QCOMPARE(cfg.ip4Address, QHostAddress(QStringLiteral("10.0.0.2")));
        QCOMPARE(cfg.ip4Dns.size(), 2);
        QCOMPARE(cfg.ip4Subnets.size(), 1);
        QCOMPARE(cfg.ip4Subnets.front().prefixLength, 12);
        QCOMPARE(cfg.ip6Address, QHostAddress(QStringLiteral("2001:db8::17")));
        QCOMPARE(cfg.ip6PrefixLength, 64);
        QCOMPARE(cfg.ip6Dns.size(), 1);
        QCOMPARE(cfg.ip6Subnets.front().prefixLength, 48);
        QCOMPARE(cfg.addressExpirySeconds, std::optional<std::uint32_t>(3600));
        QCOMPARE(cfg.savePassword, std::optional<bool>(true));
        QCOMPARE(cfg.pfs, std::optional<bool>(false));
        QCOMPARE(cfg.natTPort, std::optional<std::uint16_t>(4500));
        QCOMPARE(cfg.splitDns, (QStringList{QStringLiteral("a.example"), QStringLiteral("b.example")}));
        QCOMPARE(cfg.splitInclude.size(), 2);
        QCOMPARE(cfg.splitInclude.at(0).prefixLength, 8);
        QCOMPARE(cfg.splitInclude.at(1).address, QHostAddress(QStringLiteral("192.168.0.0")));
        QCOMPARE(cfg.splitInclude.at(1).prefixLength, 16);
        QCOMPARE(cfg.localLan.size(), 1);
        QCOMPARE(cfg.localLan.front().prefixLength, -1); // 255.0.255.0 is not contiguous
        QCOMPARE(cfg.attributes.back().type, std::uint16_t(0x7fff));
        QCOMPARE(cfg.attributes.back().value, QByteArray("unknown"));
        QCOMPARE(cfg.attributes.at(9).basic, true);
        QCOMPARE(cfg.attributes.at(9).basicValue, std::uint16_t(1));
    }

    void brokenAttributeLists_data()
    {
        QTest::addColumn<QByteArray>("attributes");
        QTest::addColumn<bool>("complete");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("hasAddress");
        const QByteArray address = tlv(ModeCfgAttr::InternalIp4Address, QByteArray::fromHex("0a080017"));
        QTest::newRow("empty") << QByteArray() << true << 0 << false;
        QTest::newRow("stray-bytes") << address + QByteArray::fromHex("8001") << false << 1 << true;
        QTest::newRow("long-attribute-too-long")
            << address + QByteArray::fromHex("7000 0010 414243") << false << 1 << true;
        QTest::newRow("short-address")
            << tlv(ModeCfgAttr::InternalIp4Address, QByteArray::fromHex("0a08")) << true << 1 << false;
        QTest::newRow("zero-length") << tlv(ModeCfgAttr::UnityBanner, {}) << true << 1 << false;
    }

    void brokenAttributeLists()
    {
        QFETCH(QByteArray, attributes);
        QFETCH(bool, complete);
        QFETCH(int, count);
        QFETCH(bool, hasAddress);
        const std::vector<char> copy(attributes.begin(), attributes.end());
        const ModeCfg cfg = decodeModeCfg(copy.data(), copy.size());
        QCOMPARE(cfg.complete, complete);
        QCOMPARE(int(cfg.attributes.size()), count);
        QCOMPARE(cfg.ip4Address.has_value(), hasAddress);
    }
};

QTEST_GUILESS_MAIN(TestEventDecoder)
#include "tst_eventdecoder.moc"
