// ReplyEncoder rebuilds frames recorded from the real racoon byte for byte when given the recorded values
// (cookies, timestamps, SPIs, keys, pid).
#include "Transcript.h"
#include "core/wire/AdminFrame.h"
#include "core/wire/ReplyEncoder.h"

#include <QTest>

using namespace qracoon;
using namespace qracoon::sim;

namespace {

SocketAddress address(const char* text, std::uint16_t port = 0)
{
    return *SocketAddress::fromText(QString::fromLatin1(text), SocketAddress::Family::Unspec, port);
}

std::array<std::uint8_t, 8> cookie(const char* hex)
{
    const QByteArray bytes = QByteArray::fromHex(hex);
    std::array<std::uint8_t, 8> out{};
    std::memcpy(out.data(), bytes.constData(), 8);
    return out;
}

constexpr std::int64_t Connected = 1796415202; // the recorded phase 1's timestamps

QByteArray labAttributes()
{
    QByteArray a;
    ReplyEncoder::appendAttribute(a, ModeCfgAttr::InternalIp4Address, QByteArray::fromHex("0a636301"));
    ReplyEncoder::appendAttribute(a, ModeCfgAttr::InternalIp4Netmask, QByteArray::fromHex("ffffff00"));
    ReplyEncoder::appendAttribute(a, ModeCfgAttr::InternalIp4Dns, QByteArray::fromHex("0a630035"));
    ReplyEncoder::appendAttribute(a, ModeCfgAttr::InternalIp4Nbns, QByteArray::fromHex("0a630035"));
    ReplyEncoder::appendAttribute(
        a, ModeCfgAttr::UnityBanner,
        QByteArrayLiteral("Welcome to the racoon lab gateway (192.0.2.1). Real racoon, real PF_KEY.\n"));
    ReplyEncoder::appendAttribute(a, ModeCfgAttr::UnityDefDomain, QByteArrayLiteral("lab.example"));
    ReplyEncoder::appendAttribute(a, ModeCfgAttr::UnitySplitDns, QByteArray("lab.example\0", 12));
    ReplyEncoder::appendAttribute(a, ModeCfgAttr::UnitySplitInclude,
                                  QByteArray::fromHex("0a630000ffffff00000000000000"));
    ReplyEncoder::appendAttribute(a, ModeCfgAttr::ApplicationVersion,
                                  QByteArrayLiteral("racoon / IPsec-tools"));
    return a;
}

SadbRecord recordedSa(bool outbound)
{
    SadbRecord r;
    r.satype = Sadb::SaType::Esp;
    r.spi = outbound ? 0x09597e2a : 0x0447a6dd;
    r.replay = 4;
    r.authAlgorithm = 3;
    r.encryptAlgorithm = 12;
    r.hard = SadbLifetimeValues{0, 0, 3600, 0};
    r.soft = SadbLifetimeValues{0, 0, 2880, 0};
    r.current = SadbLifetimeValues{3, 252, outbound ? 0x6b131ee5u : 0x6b131ee4u, 0x6b131ee5};
    r.src = address(outbound ? "192.0.2.2" : "192.0.2.1");
    r.dst = address(outbound ? "192.0.2.1" : "192.0.2.2");
    r.proxy = address("0.0.0.0");
    r.authKey = QByteArray::fromHex(outbound ? "d5c52cd69429e9bb66a1fc87ca09a8b6b90df6a9"
                                             : "8edc5fe1c6dd200441863d8b174b8952957bc5e2");
    r.encryptKey =
        QByteArray::fromHex(outbound ? "a26447b8183b646477f86e0c3e3b1062adcea9fd21273877f763934424e3a2a6"
                                     : "f4c12562d56c5b6b4280d71098f64e5084363f674103ae96465d81f17d496721");
    return r;
}

} // namespace

class ReplyEncoderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phase1Dump()
    {
        Ph1DumpRecord r;
        r.initiatorCookie = cookie("75c0feed80c48685");
        r.responderCookie = cookie("47155570d4bd4959");
        r.status = 9;
        r.remote = address("192.0.2.1", 500);
        r.local = address("192.0.2.2", 500);
        r.created = Connected;
        const QByteArray frame = AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Isakmp, 0,
                                                         ReplyEncoder::phase1Dump({r}));
        QCOMPARE(frame.toHex(),
                 Transcript(QStringLiteral("12-show-sa-isakmp")).serverFrames().value(0).toHex());
        QCOMPARE(ReplyEncoder::phase1Dump({}).size(), 0);
    }

    void events_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<int>("frame");
        QTest::addColumn<uint>("type");
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<uint>("messageId");
        QTest::addColumn<bool>("attributes");
        QTest::newRow("PHASE1_UP") << QStringLiteral("11-vc") << 1 << uint(EventCode::Phase1Up)
                                   << qint64(Connected) << 0u << false;
        QTest::newRow("XAUTH_SUCCESS") << QStringLiteral("11-vc") << 2 << uint(EventCode::Phase1XauthSuccess)
                                       << qint64(Connected) << 0u << false;
        QTest::newRow("MODE_CFG") << QStringLiteral("11-vc") << 3 << uint(EventCode::Phase1ModeCfg)
                                  << qint64(Connected) << 0u << true;
        QTest::newRow("PHASE2_UP") << QStringLiteral("10-show-event-connect") << 4
                                   << uint(EventCode::Phase2Up) << qint64(1796415205) << 1557230261u << false;
    }
    void events()
    {
        QFETCH(QString, step);
        QFETCH(int, frame);
        QFETCH(uint, type);
        QFETCH(qint64, timestamp);
        QFETCH(uint, messageId);
        QFETCH(bool, attributes);
        const QByteArray built =
            ReplyEncoder::eventFrame(type, timestamp, address("192.0.2.2", 500), address("192.0.2.1", 500),
                                     messageId, attributes ? labAttributes() : QByteArray());
        QCOMPARE(built.toHex(), Transcript(step).serverFrames().value(frame).toHex());
    }

    void sadbDump()
    {
        QByteArray payload;
        ReplyEncoder::appendSadbMessage(payload, recordedSa(true), 1, 158);
        ReplyEncoder::appendSadbMessage(payload, recordedSa(false), 0, 158);
        const QByteArray frame = AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Esp, 0, payload);
        QCOMPARE(frame.toHex(), Transcript(QStringLiteral("17-show-sa-esp")).serverFrames().value(0).toHex());
        QVERIFY(std::size_t(payload.size()) <= 2 * ReplyEncoder::sadbMessageSizeHint(recordedSa(true)));
    }

    void emptySadbDump()
    {
        const QByteArray frame = AdminFrame::encodeReply(AdminCommand::ShowSa, AdminProto::Esp, 0,
                                                         ReplyEncoder::emptySadbDump(Sadb::SaType::Esp, 158));
        QCOMPARE(frame.toHex(),
                 Transcript(QStringLiteral("04-show-sa-esp-idle")).serverFrames().value(0).toHex());
    }

    void natTraversalExtensions()
    {
        SadbRecord r = recordedSa(true);
        r.natType = 2;
        r.natSourcePort = 4500;
        r.natDestinationPort = 4500;
        QByteArray plain;
        QByteArray nat;
        ReplyEncoder::appendSadbMessage(plain, recordedSa(true), 0, 1);
        ReplyEncoder::appendSadbMessage(nat, r, 0, 1);
        // Type, sport and dport follow SA2, 8 bytes each, ports in network order.
        QCOMPARE(nat.size(), plain.size() + 24);
        QCOMPARE(nat.right(24).toHex(), QByteArray("010014000200000001001500119400000100160011940000"));
        QCOMPARE(quint8(nat[4]), quint8(nat.size() / 8));
    }

    void schedule()
    {
        const std::vector<SchedDumpRecord> records = {{26, 2, 1796415205, 20}, {56, 1, 1796415205, 50}};
        const QByteArray frame = AdminFrame::encodeReply(AdminCommand::ShowSched, AdminProto::None, 0,
                                                         ReplyEncoder::scheduleDump(records));
        QCOMPARE(frame.toHex(),
                 Transcript(QStringLiteral("05-show-schedule-idle")).serverFrames().value(0).toHex());
    }

    void legacyEventRecord()
    {
        const QByteArray attributes("\x00\x01\x00\x04\x0a\x63\x63\x01", 8);
        const QByteArray record = ReplyEncoder::legacyEventRecord(4, Connected, address("192.0.2.2", 500),
                                                                  address("192.0.2.1", 500), attributes);
        QCOMPARE(record.size(), 288);
        wire::EvtDump dump{};
        QVERIFY(wire::readStruct(record.constData(), std::size_t(record.size()), 0, dump));
        QCOMPARE(dump.len, std::size_t(288));
        QCOMPARE(dump.type, 4);
        QCOMPARE(std::int64_t(dump.timestamp), Connected);
        QCOMPARE(SocketAddress::fromStorage(dump.dst), address("192.0.2.1", 500));
        QCOMPARE(record.right(8), attributes);
    }

    void basicAttribute()
    {
        QByteArray out;
        ReplyEncoder::appendBasicAttribute(out, ModeCfgAttr::UnitySavePasswd, 1);
        QCOMPARE(out.toHex(), QByteArray("f0010001"));
    }
};

QTEST_GUILESS_MAIN(ReplyEncoderTest)
#include "tst_replyencoder.moc"
