// The helper hands PF_KEY dumps to unprivileged users only without key material: every key byte is
// zero, everything else decodes as before, and messages whose keys cannot be located are left out.
#include "SadbTestMessage.h"
#include "core/decode/SadbDumpDecoder.h"
#include "helper/SadbKeyRedactor.h"

#include <QTest>

using namespace qracoon;
using namespace qracoon::helper;
using qracoon::test::SadbTestMessage;
using qracoon::test::v4;
using qracoon::test::v6;

namespace {

const QByteArray AuthKey = QByteArray::fromHex("5a4c3b2a19e8d7c6b5a4938271605f4e3d2c1b0a");
const QByteArray EncKey = QByteArray::fromHex("00112233445566778899aabbccddeeff");

SadbDump decode(const QByteArray& payload)
{
    auto dump = decodeSadbDump(payload.constData(), std::size_t(payload.size()));
    return dump ? std::move(dump).value() : SadbDump{};
}

} // namespace

class TestSadbKeyRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zeroesKeysAndKeepsTheRest()
    {
        const QByteArray payload =
            SadbTestMessage::esp(0x1000, 1, v4(192, 0, 2, 2), v4(192, 0, 2, 1)).bytes() +
            SadbTestMessage::esp(0x2000, 0, v6("2001:db8::1"), v6("2001:db8::2")).bytes();
        QVERIFY(payload.contains(AuthKey));
        QVERIFY(payload.contains(EncKey));

        const QByteArray redacted = SadbKeyRedactor::redact(payload);
        QCOMPARE(redacted.size(), payload.size());
        QVERIFY(!redacted.contains(AuthKey.left(4)));
        QVERIFY(!redacted.contains(EncKey.mid(1, 4)));

        const SadbDump before = decode(payload);
        const SadbDump after = decode(redacted);
        QCOMPARE(after.sas.size(), std::size_t(2));
        QVERIFY(after.rejected.isEmpty());
        for (std::size_t i = 0; i < after.sas.size(); ++i) {
            QCOMPARE(after.sas[i].spi, before.sas[i].spi);
            QCOMPARE(after.sas[i].source, before.sas[i].source);
            QCOMPARE(after.sas[i].destination, before.sas[i].destination);
            QCOMPARE(after.sas[i].reqid, before.sas[i].reqid);
            QCOMPARE(after.sas[i].authKeyBits, before.sas[i].authKeyBits);
            QCOMPARE(after.sas[i].encKeyBits, before.sas[i].encKeyBits);
            QCOMPARE(after.sas[i].authKey, QByteArray(before.sas[i].authKey.size(), '\0'));
            QCOMPARE(after.sas[i].encKey, QByteArray(before.sas[i].encKey.size(), '\0'));
        }
    }

    void dropsMessagesThatDoNotDecode()
    {
        SadbTestMessage duplicateKey(Sadb::SaType::Esp, 2);
        duplicateKey.sa(0x3000)
            .address(Sadb::Ext::AddressSrc, v4(192, 0, 2, 2))
            .address(Sadb::Ext::AddressDst, v4(192, 0, 2, 1))
            .key(Sadb::Ext::KeyEncrypt, EncKey)
            .key(Sadb::Ext::KeyEncrypt, AuthKey);
        const QByteArray payload =
            duplicateKey.bytes() +
            SadbTestMessage::esp(0x1000, 0, v4(192, 0, 2, 2), v4(192, 0, 2, 1)).bytes();
        QCOMPARE(decode(payload).rejected.size(), 1);

        const QByteArray redacted = SadbKeyRedactor::redact(payload);
        QVERIFY(!redacted.contains(AuthKey.left(4)));
        QVERIFY(!redacted.contains(EncKey.mid(1, 4)));
        const SadbDump after = decode(redacted);
        QCOMPARE(after.sas.size(), std::size_t(1));
        QCOMPARE(after.sas[0].spi, 0x1000u);
    }

    void cutShortMessageIsDropped()
    {
        const QByteArray whole = SadbTestMessage::esp(0x1000, 0, v4(192, 0, 2, 2), v4(192, 0, 2, 1)).bytes();
        const QByteArray redacted = SadbKeyRedactor::redact(whole.left(whole.size() - 8));
        QVERIFY(redacted.isEmpty());
    }

    void errorDumpKeepsOnlyItsHeader()
    {
        SadbTestMessage empty(Sadb::SaType::Esp, 0, Sadb::MsgType::Dump, ENOENT);
        const QByteArray payload = empty.key(Sadb::Ext::KeyEncrypt, EncKey).bytes();
        const QByteArray redacted = SadbKeyRedactor::redact(payload);
        QCOMPARE(redacted.size(), qsizetype(sizeof(wire::SadbMsg)));
        const auto dump = decodeSadbDump(redacted.constData(), std::size_t(redacted.size()));
        QVERIFY(dump);
        QVERIFY(dump->sas.empty());
    }

    void tooShortForAHeader()
    {
        QVERIFY(SadbKeyRedactor::redact(QByteArray(15, '\x02')).isEmpty());
        QVERIFY(SadbKeyRedactor::redact(QByteArray()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSadbKeyRedactor)
#include "tst_sadbkeyredactor.moc"
