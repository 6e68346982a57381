#include "SadbTestMessage.h"
#include "core/decode/SadbMessageView.h"

#include <QTest>
#include <vector>

using namespace qracoon;
using namespace qracoon::test;
using Problem = SadbMessageView::Problem;
using LayoutError = SadbMessageView::LayoutError;

Q_DECLARE_METATYPE(qracoon::SadbMessageView::Problem)
Q_DECLARE_METATYPE(qracoon::SadbMessageView::LayoutError)

namespace {

SadbTestMessage espBase(std::uint8_t satype = Sadb::SaType::Esp, std::uint8_t type = Sadb::MsgType::Dump)
{
    SadbTestMessage m(satype, 0, type);
    m.sa(0x1234)
        .address(Sadb::Ext::AddressSrc, v4(192, 0, 2, 10))
        .address(Sadb::Ext::AddressDst, v4(203, 0, 113, 5));
    return m;
}

// Parses from a heap copy of exactly `available` bytes, so that a read past them is caught by ASan.
struct Parsed
{
    explicit Parsed(const QByteArray& bytes, qsizetype available = -1)
        : buffer(bytes.begin(), bytes.begin() + (available < 0 ? bytes.size() : available)),
          view(buffer.data(), buffer.size())
    {}
    std::vector<std::uint8_t> buffer;
    SadbMessageView view;
};

} // namespace

class TestSadbMessageView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdicts_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("available"); // -1: the whole message
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<Problem>("decodeProblem");
        QTest::addColumn<LayoutError>("layout");

        const QByteArray valid = espBase().sa2(Sadb::Mode::Tunnel, 1).bytes();
        QTest::newRow("valid") << valid << -1 << Problem::None << Problem::None << LayoutError::None;
        QTest::newRow("valid-ipv6") << SadbTestMessage(Sadb::SaType::Esp)
                                           .sa(1)
                                           .address(Sadb::Ext::AddressSrc, v6("2001:db8::10"))
                                           .address(Sadb::Ext::AddressDst, v6("2001:db8:ffff::5"))
                                           .sa2(1, 2)
                                           .bytes()
                                    << -1 << Problem::None << Problem::None << LayoutError::None;
        QTest::newRow("header-only") << SadbTestMessage().bytes() << -1 << Problem::None << Problem::None
                                     << LayoutError::None;
        QTest::newRow("short-header") << valid << 10 << Problem::InvalidSadbMessage
                                      << Problem::InvalidSadbMessage << LayoutError::ShortHeader;
        QTest::newRow("truncated") << valid << int(valid.size() - 8) << Problem::InvalidSadbMessage
                                   << Problem::InvalidSadbMessage << LayoutError::MessageOverrun;
        QTest::newRow("msg-len-zero") << espBase().lengthUnits(0).bytes() << -1 << Problem::InvalidSadbMessage
                                      << Problem::InvalidSadbMessage << LayoutError::MessageTooShort;
        QTest::newRow("msg-len-one") << espBase().lengthUnits(1).bytes() << -1 << Problem::InvalidSadbMessage
                                     << Problem::InvalidSadbMessage << LayoutError::MessageTooShort;
        QTest::newRow("msg-len-oversized")
            << espBase().lengthUnits(200).bytes() << -1 << Problem::InvalidSadbMessage
            << Problem::InvalidSadbMessage << LayoutError::MessageOverrun;
        QTest::newRow("zero-length-extension")
            << espBase().extension(Sadb::Ext::XSa2, QByteArray(12, '\0'), 0).bytes() << -1
            << Problem::InvalidSadbMessage << Problem::InvalidSadbMessage << LayoutError::ExtensionZeroLength;
        QTest::newRow("oversized-extension")
            << espBase().extension(Sadb::Ext::XSa2, QByteArray(12, '\0'), 9).bytes() << -1
            << Problem::InvalidSadbMessage << Problem::InvalidSadbMessage << LayoutError::ExtensionOverrun;
        QTest::newRow("sa-too-short")
            << SadbTestMessage().extension(Sadb::Ext::Sa, QByteArray(4, '\0')).bytes() << -1
            << Problem::InvalidSadbMessage << Problem::InvalidSadbMessage << LayoutError::ExtensionTooShort;
        QTest::newRow("lifetime-too-short")
            << SadbTestMessage().extension(Sadb::Ext::LifetimeCurrent, QByteArray(20, '\0')).bytes() << -1
            << Problem::InvalidSadbMessage << Problem::InvalidSadbMessage << LayoutError::ExtensionTooShort;
        {
            QByteArray inet6Header;
            inet6Header.append(char(0)).append(char(128)).append(2, '\0').append(char(10)).append('\0');
            inet6Header.append(QByteArray(14, '\0'));
            QTest::newRow("inet6-address-too-short")
                << SadbTestMessage().extension(Sadb::Ext::AddressSrc, inet6Header).bytes() << -1
                << Problem::InvalidSadbMessage << Problem::InvalidSadbMessage
                << LayoutError::ExtensionTooShort;
        }
        QTest::newRow("unknown-type-26")
            << espBase().extension(Sadb::Ext::XFilter, QByteArray(12, 'x')).sa2(2, 1).bytes() << -1
            << Problem::InvalidExtensionType << Problem::None << LayoutError::None;
        QTest::newRow("unknown-type-beyond-table")
            << espBase().extension(200, QByteArray(4, 'x')).sa2(2, 1).bytes() << -1
            << Problem::InvalidExtensionType << Problem::None << LayoutError::None;
        QTest::newRow("kmprivate") << espBase().extension(Sadb::Ext::XKmPrivate, QByteArray(4, 'x')).bytes()
                                   << -1 << Problem::InvalidExtensionType << Problem::None
                                   << LayoutError::None;
        QTest::newRow("type-zero") << espBase().extension(0, QByteArray(4, 'x')).bytes() << -1
                                   << Problem::InvalidExtensionType << Problem::None << LayoutError::None;
        QTest::newRow("unknown-then-broken")
            << espBase()
                   .extension(26, QByteArray(4, 'x'))
                   .extension(Sadb::Ext::XSa2, QByteArray(12, '\0'), 0)
                   .bytes()
            << -1 << Problem::InvalidExtensionType << Problem::InvalidSadbMessage
            << LayoutError::ExtensionZeroLength;
        QTest::newRow("duplicate-sa") << espBase().sa(0x99).bytes() << -1 << Problem::InvalidExtensionType
                                      << Problem::InvalidExtensionType << LayoutError::None;
        QTest::newRow("version-1") << espBase().version(1).bytes() << -1 << Problem::InvalidVersion
                                   << Problem::InvalidVersion << LayoutError::None;
        QTest::newRow("type-25") << espBase(Sadb::SaType::Esp, 25).bytes() << -1
                                 << Problem::InvalidMessageType << Problem::InvalidMessageType
                                 << LayoutError::None;
        QTest::newRow("satype-rsvp") << espBase(5).bytes() << -1 << Problem::NotSupported
                                     << Problem::NotSupported << LayoutError::None;
        QTest::newRow("satype-4") << espBase(4).bytes() << -1 << Problem::InvalidSaType
                                  << Problem::InvalidSaType << LayoutError::None;
        QTest::newRow("satype-12") << espBase(12).bytes() << -1 << Problem::InvalidSaType
                                   << Problem::InvalidSaType << LayoutError::None;
        QTest::newRow("unspec-get") << espBase(0, Sadb::MsgType::Get).bytes() << -1 << Problem::InvalidSaType
                                    << Problem::InvalidSaType << LayoutError::None;
        QTest::newRow("unspec-dump") << espBase(0).bytes() << -1 << Problem::None << Problem::None
                                     << LayoutError::None;
        QTest::newRow("esp-spddump") << espBase(Sadb::SaType::Esp, 18).bytes() << -1 << Problem::InvalidSaType
                                     << Problem::InvalidSaType << LayoutError::None;
        QTest::newRow("ah-new-mapping")
            << espBase(Sadb::SaType::Ah, 23).bytes() << -1 << Problem::InvalidSaType << Problem::InvalidSaType
            << LayoutError::None;
        QTest::newRow("satype-1-promisc")
            << espBase(1, 11).bytes() << -1 << Problem::None << Problem::None << LayoutError::None;
        QTest::newRow("bad-satype-spdflush")
            << espBase(77, 19).bytes() << -1 << Problem::None << Problem::None << LayoutError::None;
        QTest::newRow("protocol-mismatch")
            << SadbTestMessage()
                   .address(Sadb::Ext::AddressSrc, v4(192, 0, 2, 1), 32, 6)
                   .address(Sadb::Ext::AddressDst, v4(192, 0, 2, 2), 32, 17)
                   .bytes()
            << -1 << Problem::ProtocolMismatch << Problem::ProtocolMismatch << LayoutError::None;
        QTest::newRow("family-mismatch")
            << SadbTestMessage()
                   .address(Sadb::Ext::AddressSrc, v4(192, 0, 2, 1))
                   .address(Sadb::Ext::AddressDst, v6("2001:db8::1"))
                   .bytes()
            << -1 << Problem::FamilyMismatch << Problem::FamilyMismatch << LayoutError::None;
        QTest::newRow("wrong-family")
            << SadbTestMessage()
                   .addressOfFamily(Sadb::Ext::AddressSrc, 1)
                   .addressOfFamily(Sadb::Ext::AddressDst, 1)
                   .bytes()
            << -1 << Problem::InvalidAddressFamily << Problem::InvalidAddressFamily << LayoutError::None;
        QTest::newRow("wrong-family-src-only")
            << SadbTestMessage().addressOfFamily(Sadb::Ext::AddressSrc, 1).bytes() << -1 << Problem::None
            << Problem::None << LayoutError::None;
    }

    void verdicts()
    {
        QFETCH(QByteArray, message);
        QFETCH(int, available);
        QFETCH(Problem, problem);
        QFETCH(Problem, decodeProblem);
        QFETCH(LayoutError, layout);
        const Parsed parsed(message, available);
        QCOMPARE(parsed.view.problem(), problem);
        QCOMPARE(parsed.view.decodeProblem(), decodeProblem);
        QCOMPARE(parsed.view.layoutError(), layout);
        QCOMPARE(parsed.view.describeProblem().isEmpty(), decodeProblem == Problem::None);
    }

    void advanceFollowsMessageLength()
    {
        const QByteArray m = espBase().sa2(2, 1).bytes();
        QCOMPARE(Parsed(m).view.advance(), std::size_t(m.size()));
        QCOMPARE(Parsed(espBase().lengthUnits(0).bytes()).view.advance(), std::size_t(0));
        QCOMPARE(Parsed(espBase().lengthUnits(200).bytes()).view.advance(), std::size_t(0));
        QCOMPARE(Parsed(m, 8).view.hasHeader(), false);
    }

    void ipv6Addresses()
    {
        const Parsed p(SadbTestMessage()
                           .address(Sadb::Ext::AddressSrc, v6("fe80::1", 500))
                           .address(Sadb::Ext::AddressDst, v6("2001:db8::5", 4500), 64)
                           .bytes());
        QCOMPARE(p.view.problem(), Problem::None);
        QCOMPARE(p.view.address(Sadb::Ext::AddressSrc).address, v6("fe80::1", 500));
        QCOMPARE(p.view.address(Sadb::Ext::AddressDst).address, v6("2001:db8::5", 4500));
        QCOMPARE(p.view.address(Sadb::Ext::AddressDst).prefixLength, 64);
        QCOMPARE(p.view.addressFamily(Sadb::Ext::AddressDst), std::uint16_t(WireFamily::Inet6));
    }

    void unknownExtensionsKeepTheRest()
    {
        const Parsed p(espBase()
                           .extension(26, QByteArray(20, 'x'))
                           .extension(99, {})
                           .sa2(Sadb::Mode::Tunnel, 77)
                           .bytes());
        QCOMPARE(p.view.unknownExtensions(), 2);
        QVERIFY(p.view.has(Sadb::Ext::XSa2));
        QCOMPARE(p.view.sa2().reqid, 77u);
        QVERIFY(!p.view.has(26));
        QVERIFY(!p.view.has(99));
    }

    void accessors()
    {
        const Parsed p(SadbTestMessage(Sadb::SaType::Esp, 7)
                           .reserved(3)
                           .sa(0xc2a5e01f, 64, Sadb::SaState::Dying, 2, 3, 0x40)
                           .address(Sadb::Ext::AddressSrc, v4(192, 0, 2, 10, 4500), 24, 17)
                           .address(Sadb::Ext::AddressDst, v4(203, 0, 113, 5, 500), 16, 17)
                           .natTType(2)
                           .natTPort(Sadb::Ext::XNatTSport, 4500)
                           .natTPort(Sadb::Ext::XNatTDport, 4501)
                           .address(Sadb::Ext::XNatTOa, v4(10, 0, 0, 1))
                           .lifetime(Sadb::Ext::LifetimeCurrent, 3, 5242880, 1700000000, 1700000600)
                           .identity(Sadb::Ext::IdentitySrc, 3, "gw.example")
                           .sa2(Sadb::Mode::Transport, 16385, 9)
                           .bytes());
        QCOMPARE(p.view.problem(), Problem::None);
        QCOMPARE(p.view.header().seq, 7u);
        QCOMPARE(p.view.header().reserved, 3);
        QCOMPARE(p.view.sa().replay, 64);
        QCOMPARE(p.view.sa().flags, 0x40u);
        QCOMPARE(p.view.sa2().sequence, 9u);
        const auto src = p.view.address(Sadb::Ext::AddressSrc);
        QCOMPARE(src.prefixLength, 24);
        QCOMPARE(src.proto, 17);
        QCOMPARE(src.address, v4(192, 0, 2, 10, 4500));
        QCOMPARE(p.view.address(Sadb::Ext::AddressDst).address, v4(203, 0, 113, 5, 500));
        QCOMPARE(p.view.addressFamily(Sadb::Ext::AddressDst), std::uint16_t(WireFamily::Inet));
        QCOMPARE(p.view.natTType().type, 2);
        QCOMPARE(p.view.natTPort(Sadb::Ext::XNatTSport), 4500);
        QCOMPARE(p.view.natTPort(Sadb::Ext::XNatTDport), 4501);
        QCOMPARE(p.view.address(Sadb::Ext::XNatTOa).address, v4(10, 0, 0, 1));
        const wire::SadbLifetime current = p.view.lifetime(Sadb::Ext::LifetimeCurrent);
        QCOMPARE(current.allocations, 3u);
        QCOMPARE(current.bytes, 5242880u);
        QCOMPARE(current.addtime, 1700000000u);
        QCOMPARE(current.usetime, 1700000600u);
        QCOMPARE(p.view.lifetime(Sadb::Ext::LifetimeHard).addtime, 0u);
        QCOMPARE(p.view.identity(Sadb::Ext::IdentitySrc).type, 3);
        QCOMPARE(p.view.identity(Sadb::Ext::IdentitySrc).text, std::string_view("gw.example"));
        QCOMPARE(p.view.extension(Sadb::Ext::XNatTType).size(), std::size_t(8));
        QVERIFY(p.view.extension(Sadb::Ext::KeyAuth).empty());
    }

    void keyIsBoundedByTheExtension_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("shown");
        QTest::newRow("exact") << QByteArray(20, 'k') << 160 << 20;
        QTest::newRow("bits-shorter") << QByteArray(20, 'k') << 64 << 8;
        QTest::newRow("bits-not-whole-bytes") << QByteArray(20, 'k') << 70 << 8;
        QTest::newRow("bits-beyond-extension") << QByteArray(20, 'k') << 4096 << 20 + 4; // padding included
        QTest::newRow("empty") << QByteArray() << 0 << 0;
    }

    void keyIsBoundedByTheExtension()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, bits);
        QFETCH(int, shown);
        const Parsed p(SadbTestMessage().key(Sadb::Ext::KeyAuth, key, bits).bytes());
        const SadbMessageView::Key k = p.view.key(Sadb::Ext::KeyAuth);
        QCOMPARE(int(k.bits), bits);
        QCOMPARE(int(k.size), shown);
        QVERIFY(k.data + k.size <= p.buffer.data() + p.buffer.size());
    }

    void securityContextIsBounded_data()
    {
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<int>("declared");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("nul-terminated") << QByteArray("system_u:object_r:ipsec_spd_t:s0", 33) << 33
                                        << QByteArray("system_u:object_r:ipsec_spd_t:s0");
        QTest::newRow("no-nul-fills-extension") << QByteArray("abcdefgh") << 8 << QByteArray("abcdefgh");
        QTest::newRow("declared-beyond-extension") << QByteArray("abcdefgh") << 400 << QByteArray("abcdefgh");
        QTest::newRow("declared-shorter") << QByteArray("abcdefgh") << 3 << QByteArray("abc");
    }

    void securityContextIsBounded()
    {
        QFETCH(QByteArray, context);
        QFETCH(int, declared);
        QFETCH(QByteArray, text);
        const Parsed p(SadbTestMessage().securityContext(1, 2, context, declared).bytes());
        const auto ctx = p.view.securityContext();
        QCOMPARE(ctx.alg, 1);
        QCOMPARE(ctx.doi, 2);
        QCOMPARE(int(ctx.declaredLength), declared);
        QCOMPARE(QByteArray(ctx.text.data(), qsizetype(ctx.text.size())), text);
    }

    void describeProblemNamesTheOffset()
    {
        const Parsed p(espBase().extension(Sadb::Ext::XSa2, QByteArray(12, '\0'), 0).bytes());
        // header 16 + SA 16 + two IPv4 addresses of 24 bytes
        QVERIFY2(p.view.describeProblem().contains(QLatin1String("offset 80")),
                 qPrintable(p.view.describeProblem()));
        QVERIFY(p.view.describeProblem().contains(QLatin1String("type 19")));
        const Parsed dup(espBase().sa(1).bytes());
        QVERIFY(dup.view.describeProblem().contains(QLatin1String("duplicate")));
    }

    void problemTexts()
    {
        QCOMPARE(SadbMessageView::problemText(Problem::InvalidSadbMessage), "Invalid sadb message");
        QCOMPARE(SadbMessageView::problemText(Problem::InvalidExtensionType), "Invalid extension type");
        QCOMPARE(SadbMessageView::problemText(Problem::InvalidVersion), "Invalid version");
        QCOMPARE(SadbMessageView::problemText(Problem::InvalidMessageType), "Invalid message type");
        QCOMPARE(SadbMessageView::problemText(Problem::InvalidSaType), "Invalid SA type");
        QCOMPARE(SadbMessageView::problemText(Problem::NotSupported), "Not supported");
        QCOMPARE(SadbMessageView::problemText(Problem::ProtocolMismatch), "Protocol mismatch");
        QCOMPARE(SadbMessageView::problemText(Problem::FamilyMismatch), "Family mismatch");
        QCOMPARE(SadbMessageView::problemText(Problem::InvalidAddressFamily), "Invalid address family");
    }
};

QTEST_GUILESS_MAIN(TestSadbMessageView)
#include "tst_sadbmessageview.moc"
