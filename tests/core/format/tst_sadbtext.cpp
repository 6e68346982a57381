#include "../decode/SadbTestMessage.h"
#include "core/format/LocalTimeText.h"
#include "core/format/SadbText.h"

#include <QTest>
#include <limits>
#include <vector>

using namespace qracoon;
using namespace qracoon::test;

namespace {

constexpr std::time_t Now = 1796415207; // Dec  4 20:13:27 2026 UTC

QByteArray print(const QByteArray& payload, std::time_t now = Now)
{
    // A heap copy of exactly the payload, so that a read beyond it is caught by ASan.
    const std::vector<char> copy(payload.begin(), payload.end());
    LocalTimeText times;
    std::string out;
    appendSadbDump(out, copy.data(), copy.size(), now, times);
    return QByteArray(out.data(), qsizetype(out.size()));
}

SadbTestMessage ah(std::uint32_t seq = 0)
{
    SadbTestMessage m(Sadb::SaType::Ah, seq);
    m.sa(8000, 32, Sadb::SaState::Mature, 5, 0)
        .address(Sadb::Ext::AddressSrc, v4(192, 0, 2, 10))
        .address(Sadb::Ext::AddressDst, v4(198, 51, 100, 7))
        .key(Sadb::Ext::KeyAuth, QByteArray::fromHex("000102030405060708090a0b0c0d0e0f"))
        .sa2(Sadb::Mode::Transport, 0);
    return m;
}

const QByteArray AhText = "192.0.2.10 198.51.100.7 \n"
                          "\tah mode=transport spi=8000(0x00001f40) reqid=0(0x00000000)\n"
                          "\tA: hmac-sha256  00010203 04050607 08090a0b 0c0d0e0f\n"
                          "\tseq=0x00000000 replay=32 flags=0x00000000 state=mature \n";

} // namespace

class TestSadbText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        tzset();
    }

    void messages_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("ah") << ah().bytes() << AhText + "\tsadb_seq=0 pid=4242 refcnt=0\n";
        QTest::newRow("refcnt") << ah().reserved(7).bytes() << AhText + "\tsadb_seq=0 pid=4242 refcnt=7\n";

        QTest::newRow("esp-natt-oa")
            << SadbTestMessage(Sadb::SaType::Esp, 0)
                   .sa(0xc2a5e01f, 32, Sadb::SaState::Mature, 3, 12)
                   .address(Sadb::Ext::AddressSrc, v4(192, 0, 2, 10))
                   .address(Sadb::Ext::AddressDst, v4(203, 0, 113, 5))
                   .key(Sadb::Ext::KeyEncrypt, QByteArray::fromHex("00112233445566778899aabbccddeeff"))
                   .sa2(Sadb::Mode::Tunnel, 16385)
                   .natTType(2)
                   .natTPort(Sadb::Ext::XNatTSport, 4500)
                   .natTPort(Sadb::Ext::XNatTDport, 4501)
                   .address(Sadb::Ext::XNatTOa, v4(10, 0, 0, 9))
                   .bytes()
            << QByteArray("192.0.2.10[4500] 203.0.113.5[4501] \n"
                          "\tesp-udp mode=tunnel spi=3265650719(0xc2a5e01f) reqid=16385(0x00004001)\n"
                          "\tNAT OA=10.0.0.9\n"
                          "\tE: aes-cbc  00112233 44556677 8899aabb ccddeeff\n"
                          "\tseq=0x00000000 replay=32 flags=0x00000000 state=mature \n"
                          "\tsadb_seq=0 pid=4242 refcnt=0\n");

        QTest::newRow("natt-type-zero-ignored") << ah().natTType(0)
                                                       .natTPort(Sadb::Ext::XNatTSport, 4500)
                                                       .address(Sadb::Ext::XNatTOa, v4(1, 2, 3, 4))
                                                       .bytes()
                                                << AhText + "\tsadb_seq=0 pid=4242 refcnt=0\n";
        QTest::newRow("ah-natt") << ah().natTType(2).natTPort(Sadb::Ext::XNatTDport, 4500).bytes()
                                 << QByteArray(
                                        "192.0.2.10 198.51.100.7[4500] \n"
                                        "\tnatt+ah mode=transport spi=8000(0x00001f40) reqid=0(0x00000000)\n"
                                        "\tA: hmac-sha256  00010203 04050607 08090a0b 0c0d0e0f\n"
                                        "\tseq=0x00000000 replay=32 flags=0x00000000 state=mature \n"
                                        "\tsadb_seq=0 pid=4242 refcnt=0\n");

        // The corrected IPComp line (§12.2 item 12): a newline after "C: <alg> ".
        QTest::newRow("ipcomp") << SadbTestMessage(Sadb::SaType::IpComp, 0)
                                       .sa(20001, 0, Sadb::SaState::Mature, 0, 2, 0x80)
                                       .address(Sadb::Ext::AddressSrc, v4(192, 0, 2, 10))
                                       .address(Sadb::Ext::AddressDst, v4(203, 0, 113, 5))
                                       .key(Sadb::Ext::KeyEncrypt, QByteArray(8, 'x'))
                                       .sa2(Sadb::Mode::Tunnel, 16385)
                                       .bytes()
                                << QByteArray(
                                       "192.0.2.10 203.0.113.5 \n"
                                       "\tipcomp mode=tunnel spi=20001(0x00004e21) reqid=16385(0x00004001)\n"
                                       "\tC: deflate \n"
                                       "\tseq=0x00000000 replay=0 flags=0x00000080 state=mature \n"
                                       "\tsadb_seq=0 pid=4242 refcnt=0\n");

        QTest::newRow("unknown-numbers")
            << SadbTestMessage(Sadb::SaType::Esp, 0)
                   .sa(1, 255, 9, 77, 20, 0xffffffff)
                   .address(Sadb::Ext::AddressSrc, v6("2001:db8::10"))
                   .address(Sadb::Ext::AddressDst, v6("2001:db8::5"))
                   .key(Sadb::Ext::KeyEncrypt, QByteArray(4, '\x01'))
                   .key(Sadb::Ext::KeyAuth, QByteArray())
                   .sa2(7, 0xffffffff, 0xdeadbeef)
                   .bytes()
            << QByteArray("2001:db8::10 2001:db8::5 \n"
                          "\tesp mode=7 spi=1(0x00000001) reqid=4294967295(0xffffffff)\n"
                          "\tE: 20  01010101\n"
                          "\tA: 77 \n"
                          "\tseq=0xdeadbeef replay=255 flags=0xffffffff state=9 \n"
                          "\tsadb_seq=0 pid=4242 refcnt=0\n");
        QTest::newRow("satype-names")
            << SadbTestMessage(0, 0)
                   .sa(1)
                   .address(Sadb::Ext::AddressSrc, v4(1, 1, 1, 1))
                   .address(Sadb::Ext::AddressDst, v4(2, 2, 2, 2))
                   .sa2(0, 0)
                   .bytes()
            << QByteArray("1.1.1.1 2.2.2.2 \n"
                          "\tunspec mode=any spi=1(0x00000001) reqid=0(0x00000000)\n"
                          "\tseq=0x00000000 replay=32 flags=0x00000000 state=mature \n"
                          "\tsadb_seq=0 pid=4242 refcnt=0\n");

        // 36 bytes: a newline before byte 32, no tab on the continuation.
        QTest::newRow("long-key")
            << SadbTestMessage(Sadb::SaType::Ah, 0)
                   .sa(2, 0, 1, 7, 0)
                   .address(Sadb::Ext::AddressSrc, v4(1, 1, 1, 1))
                   .address(Sadb::Ext::AddressDst, v4(2, 2, 2, 2))
                   .key(Sadb::Ext::KeyAuth,
                        QByteArray::fromHex(
                            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223"))
                   .sa2(1, 0)
                   .bytes()
            << QByteArray("1.1.1.1 2.2.2.2 \n"
                          "\tah mode=transport spi=2(0x00000002) reqid=0(0x00000000)\n"
                          "\tA: hmac-sha512  00010203 04050607 08090a0b 0c0d0e0f 10111213 14151617 "
                          "18191a1b 1c1d1e1f\n 20212223\n"
                          "\tseq=0x00000000 replay=0 flags=0x00000000 state=mature \n"
                          "\tsadb_seq=0 pid=4242 refcnt=0\n");
        // sadb_key_bits claims 4096 bits: only the 8 bytes the extension holds are shown (§12.2 item 10).
        QTest::newRow("key-bits-beyond-extension")
            << SadbTestMessage(Sadb::SaType::Ah, 0)
                   .sa(2, 0, 1, 3, 0)
                   .address(Sadb::Ext::AddressSrc, v4(1, 1, 1, 1))
                   .address(Sadb::Ext::AddressDst, v4(2, 2, 2, 2))
                   .key(Sadb::Ext::KeyAuth, QByteArray::fromHex("0102030405060708"), 4096)
                   .sa2(1, 0)
                   .bytes()
            << QByteArray("1.1.1.1 2.2.2.2 \n"
                          "\tah mode=transport spi=2(0x00000002) reqid=0(0x00000000)\n"
                          "\tA: hmac-sha1  01020304 05060708\n"
                          "\tseq=0x00000000 replay=0 flags=0x00000000 state=mature \n"
                          "\tsadb_seq=0 pid=4242 refcnt=0\n");

        QTest::newRow("lifetimes")
            << ah().lifetime(Sadb::Ext::LifetimeCurrent, 3, 5242880, 1700000000, 1700000600)
                   .lifetime(Sadb::Ext::LifetimeHard, 7, 1073741824, 28800, 100)
                   .lifetime(Sadb::Ext::LifetimeSoft, 6, 858993459, 23040, 80)
                   .bytes()
            << AhText + "\tcreated: Nov 14 22:13:20 2023\tcurrent: Dec  4 20:13:27 2026\n"
                        "\tdiff: 96415207(s)\thard: 28800(s)\tsoft: 23040(s)\n"
                        "\tlast: Nov 14 22:23:20 2023\thard: 100(s)\tsoft: 80(s)\n"
                        "\tcurrent: 5242880(bytes)\thard: 1073741824(bytes)\tsoft: 858993459(bytes)\n"
                        "\tallocated: 3\thard: 7\tsoft: 6\n"
                        "\tsadb_seq=0 pid=4242 refcnt=0\n";
        QTest::newRow("lifetime-current-only-zero")
            << ah().lifetime(Sadb::Ext::LifetimeCurrent, 0, 0, 0, 0).bytes()
            << AhText + "\tcreated:                     \tcurrent: Dec  4 20:13:27 2026\n"
                        "\tdiff: 0(s)\thard: 0(s)\tsoft: 0(s)\n"
                        "\tlast:                     \thard: 0(s)\tsoft: 0(s)\n"
                        "\tcurrent: 0(bytes)\thard: 0(bytes)\tsoft: 0(bytes)\n"
                        "\tallocated: 0\thard: 0\tsoft: 0\n"
                        "\tsadb_seq=0 pid=4242 refcnt=0\n";
        // Created after `now`: the reference's unsigned subtraction wraps around. Byte counts go through a
        // double; 2^64-1 rounds up to 2^64.
        QTest::newRow("lifetime-future-and-huge")
            << ah().lifetime(Sadb::Ext::LifetimeCurrent, 0, 0xffffffffffffffffULL, Now + 10, 0)
                   .lifetime(Sadb::Ext::LifetimeHard, 0, (1ULL << 53) + 1, 0, 0)
                   .bytes()
            << AhText +
                   "\tcreated: Dec  4 20:13:37 2026\tcurrent: Dec  4 20:13:27 2026\n"
                   "\tdiff: 18446744073709551606(s)\thard: 0(s)\tsoft: 0(s)\n"
                   "\tlast:                     \thard: 0(s)\tsoft: 0(s)\n"
                   "\tcurrent: 18446744073709551616(bytes)\thard: 9007199254740992(bytes)\tsoft: 0(bytes)\n"
                   "\tallocated: 0\thard: 0\tsoft: 0\n"
                   "\tsadb_seq=0 pid=4242 refcnt=0\n";
        QTest::newRow("hard-without-current") << ah().lifetime(Sadb::Ext::LifetimeHard, 1, 2, 3, 4).bytes()
                                              << AhText + "\tsadb_seq=0 pid=4242 refcnt=0\n";

        QTest::newRow("security-context")
            << ah().securityContext(1, 2, QByteArray("system_u:object_r:ipsec_spd_t:s0", 33)).bytes()
            << AhText +
                   "\tsecurity context doi: 2\n\tsecurity context algorithm: 1\n"
                   "\tsecurity context length: 33\n\tsecurity context: system_u:object_r:ipsec_spd_t:s0\n"
                   "\tsadb_seq=0 pid=4242 refcnt=0\n";
        QTest::newRow("security-context-unterminated")
            << ah().securityContext(1, 2, QByteArray("abcdefgh"), 300).bytes()
            << AhText + "\tsecurity context doi: 2\n\tsecurity context algorithm: 1\n"
                        "\tsecurity context length: 300\n\tsecurity context: abcdefgh\n"
                        "\tsadb_seq=0 pid=4242 refcnt=0\n";

        QTest::newRow("no-src")
            << SadbTestMessage().sa(1).address(Sadb::Ext::AddressDst, v4(1, 1, 1, 1)).bytes()
            << QByteArray("no ADDRESS_SRC extension.\n");
        QTest::newRow("no-dst")
            << SadbTestMessage().sa(1).address(Sadb::Ext::AddressSrc, v4(1, 1, 1, 1)).bytes()
            << QByteArray("1.1.1.1  no ADDRESS_DST extension.\n");
        QTest::newRow("no-sa") << SadbTestMessage()
                                      .address(Sadb::Ext::AddressSrc, v4(1, 1, 1, 1))
                                      .address(Sadb::Ext::AddressDst, v4(2, 2, 2, 2))
                                      .sa2(1, 1)
                                      .bytes()
                               << QByteArray("1.1.1.1 2.2.2.2 no SA extension.\n");
        QTest::newRow("no-sa2") << SadbTestMessage()
                                       .sa(1)
                                       .address(Sadb::Ext::AddressSrc, v4(1, 1, 1, 1))
                                       .address(Sadb::Ext::AddressDst, v4(2, 2, 2, 2))
                                       .bytes()
                                << QByteArray("1.1.1.1 2.2.2.2 no SA2 extension.\n");
        QTest::newRow("src-of-unknown-family")
            << SadbTestMessage().addressOfFamily(Sadb::Ext::AddressSrc, 1).bytes()
            << QByteArray("(invalid)  no ADDRESS_DST extension.\n");

        QTest::newRow("invalid-version") << ah().version(1).bytes() << QByteArray("Invalid version\n");
        QTest::newRow("invalid-message-type")
            << SadbTestMessage(Sadb::SaType::Esp, 0, 30).bytes() << QByteArray("Invalid message type\n");
        QTest::newRow("invalid-satype") << SadbTestMessage(4, 0).bytes() << QByteArray("Invalid SA type\n");
        QTest::newRow("not-supported") << SadbTestMessage(6, 0).bytes() << QByteArray("Not supported\n");
        QTest::newRow("unknown-extension")
            << ah().extension(26, QByteArray(4, 'x')).bytes() << QByteArray("Invalid extension type\n");
        QTest::newRow("duplicate-extension")
            << ah().sa2(1, 1).bytes() << QByteArray("Invalid extension type\n");
        QTest::newRow("zero-length-extension")
            << ah().extension(19, QByteArray(4, 'x'), 0).bytes() << QByteArray("Invalid sadb message\n");
        QTest::newRow("protocol-mismatch") << SadbTestMessage()
                                                  .address(Sadb::Ext::AddressSrc, v4(1, 1, 1, 1), 32, 6)
                                                  .address(Sadb::Ext::AddressDst, v4(2, 2, 2, 2), 32, 17)
                                                  .bytes()
                                           << QByteArray("Protocol mismatch\n");
        QTest::newRow("family-mismatch") << SadbTestMessage()
                                                .address(Sadb::Ext::AddressSrc, v4(1, 1, 1, 1))
                                                .address(Sadb::Ext::AddressDst, v6("::1"))
                                                .bytes()
                                         << QByteArray("Family mismatch\n");
        QTest::newRow("invalid-family") << SadbTestMessage()
                                               .addressOfFamily(Sadb::Ext::AddressSrc, 7)
                                               .addressOfFamily(Sadb::Ext::AddressDst, 7)
                                               .bytes()
                                        << QByteArray("Invalid address family\n");
    }

    void messages()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, expected);
        QCOMPARE(print(payload), expected);
    }

    void firstMessageErrno_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("errnum");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("dump-enoent") << int(Sadb::MsgType::Dump) << 2 << QByteArray("No SAD entries.\n");
        QTest::newRow("get-enoent") << int(Sadb::MsgType::Get) << 2 << QByteArray("No entry.\n");
        QTest::newRow("delete-enoent") << int(Sadb::MsgType::Delete) << 2 << QByteArray("No entry.\n");
        QTest::newRow("other-enoent") << 3 << 2 << QByteArray();
        QTest::newRow("eperm") << int(Sadb::MsgType::Dump) << 1 << QByteArray("Operation not permitted.\n");
        QTest::newRow("enomem") << int(Sadb::MsgType::Dump) << 12 << QByteArray("Cannot allocate memory.\n");
        QTest::newRow("unknown-errno")
            << int(Sadb::MsgType::Dump) << 200 << QByteArray("Unknown error 200.\n");
    }

    void firstMessageErrno()
    {
        QFETCH(int, type);
        QFETCH(int, errnum);
        QFETCH(QByteArray, expected);
        // Only the first message's errno counts; what follows is not printed.
        const QByteArray payload =
            SadbTestMessage(Sadb::SaType::Esp, 1, std::uint8_t(type), std::uint8_t(errnum)).bytes() +
            ah().bytes();
        QCOMPARE(print(payload), expected);
    }

    void walk_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray one = AhText + "\tsadb_seq=1 pid=4242 refcnt=0\n";
        const QByteArray zero = AhText + "\tsadb_seq=0 pid=4242 refcnt=0\n";
        QTest::newRow("empty-payload") << QByteArray() << QByteArray();
        QTest::newRow("short-payload") << QByteArray(8, '\x02') << QByteArray("Invalid sadb message\n");
        QTest::newRow("stops-after-seq-0") << ah(1).bytes() + ah(0).bytes() + ah(5).bytes() << one + zero;
        QTest::newRow("ends-without-seq-0") << ah(1).bytes() << one;
        QTest::newRow("msg-len-zero")
            << ah(1).bytes() + ah(3).lengthUnits(0).bytes() + ah(0).bytes() << one + "Invalid sadb message\n";
        QTest::newRow("msg-len-beyond-payload")
            << ah(1).bytes() + ah(3).lengthUnits(1000).bytes() << one + "Invalid sadb message\n";
        QTest::newRow("trailing-partial-message")
            << ah(1).bytes() + ah(0).bytes().left(30) << one + "Invalid sadb message\n";
        QTest::newRow("bad-message-in-the-middle")
            << ah(2).bytes() + ah(1).version(9).bytes() + ah(0).bytes()
            << AhText + "\tsadb_seq=2 pid=4242 refcnt=0\nInvalid version\n" + zero;
    }

    void walk()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, expected);
        QCOMPARE(print(payload), expected);
    }

    void keyHexDump_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("0") << 0 << QByteArray();
        QTest::newRow("1") << 1 << QByteArray(" 00");
        QTest::newRow("5") << 5 << QByteArray(" 00010203 04");
        QTest::newRow("32")
            << 32 << QByteArray(" 00010203 04050607 08090a0b 0c0d0e0f 10111213 14151617 18191a1b 1c1d1e1f");
        QTest::newRow("65")
            << 65
            << QByteArray(" 00010203 04050607 08090a0b 0c0d0e0f 10111213 14151617 18191a1b 1c1d1e1f\n"
                          " 20212223 24252627 28292a2b 2c2d2e2f 30313233 34353637 38393a3b 3c3d3e3f\n"
                          " 40");
    }

    void keyHexDump()
    {
        QFETCH(int, size);
        QFETCH(QByteArray, expected);
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
        for (int i = 0; i < size; ++i) {
            bytes[std::size_t(i)] = std::uint8_t(i);
        }
        std::string out;
        appendKeyHexDump(out, bytes.data(), bytes.size());
        QCOMPARE(QByteArray(out.data(), qsizetype(out.size())), expected);
    }

    void ctimeField_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("zero") << qint64(0) << QByteArray("                    ");
        QTest::newRow("two-digit-day") << qint64(1700000000) << QByteArray("Nov 14 22:13:20 2023");
        QTest::newRow("one-digit-day") << qint64(Now) << QByteArray("Dec  4 20:13:27 2026");
        QTest::newRow("before-1970") << qint64(-1) << QByteArray("Dec 31 23:59:59 1969");
        QTest::newRow("year-999") << qint64(-30641760000) << QByteArray("Jan  1 00:00:00 999\n");
        QTest::newRow("year-10000") << qint64(253402300800) << QByteArray("Jan  1 00:00:00 1000");
        QTest::newRow("no-local-time") << std::numeric_limits<qint64>::max() << QByteArray(20, '?');
    }

    void ctimeField()
    {
        QFETCH(qint64, time);
        QFETCH(QByteArray, expected);
        LocalTimeText times;
        const std::string_view first = times.ctimeField(std::time_t(time));
        QCOMPARE(QByteArray(first.data(), qsizetype(first.size())), expected);
        const std::string_view cached = times.ctimeField(std::time_t(time));
        QCOMPARE(QByteArray(cached.data(), qsizetype(cached.size())), expected);
    }

    void cacheKeepsDistinctTimesApart()
    {
        LocalTimeText times;
        // Many distinct values share cache slots; every lookup must still give its own text.
        for (std::time_t t = 1700000000; t < 1700000000 + 5000; t += 7) {
            std::tm tm{};
            gmtime_r(&t, &tm);
            char expected[32];
            std::strftime(expected, sizeof expected, "%Y-%m-%d %H:%M:%S", &tm);
            QCOMPARE(QByteArray(times.dateTime(t).data(), qsizetype(times.dateTime(t).size())),
                     QByteArray(expected));
        }
    }
};

QTEST_GUILESS_MAIN(TestSadbText)
#include "tst_sadbtext.moc"
