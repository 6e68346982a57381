#include "../decode/SadbTestMessage.h"
#include "core/format/HexDump.h"

#include <QTest>

using namespace qracoon;
using namespace qracoon::test;

namespace {

QByteArray dump(const AdminRequest& request)
{
    std::string out;
    appendRequestHexDump(out, request);
    return QByteArray(out.data(), qsizetype(out.size()));
}

} // namespace

class TestHexDump : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eightByteRequest()
    {
        QCOMPARE(dump(AdminRequest::simple(AdminCommand::ShowSa, AdminProto::Isakmp)),
                 QByteArray(" 08000181 0100ff01\n"));
    }

    void lineBreaks()
    {
        SaSelector selector;
        selector.src = v4(192, 0, 2, 10);
        selector.dst = v4(203, 0, 113, 5);
        const AdminRequest request =
            AdminRequest::withIndexes(AdminCommand::DeleteSa, AdminProto::Isakmp, selector);
        const QByteArray text = dump(request);
        const QList<QByteArray> lines = text.split('\n');
        QCOMPARE(lines.size(), 10); // 272 bytes: 8 full lines of 32, one of 16, then the final newline
        QCOMPARE(lines.at(0),
                 QByteArray(" 10010182 0100ff01 20200000 00000000 02000000 c000020a 00000000 00000000"));
        QCOMPARE(lines.at(8), QByteArray(" 00000000 00000000 00000000 00000000"));
        QVERIFY(lines.at(9).isEmpty());
        QCOMPARE(text.count(' '), 272 / 4);
    }

    void passwordIsRedacted()
    {
        SaSelector selector;
        selector.src = v4(192, 0, 2, 10);
        selector.dst = v4(203, 0, 113, 5);
        const Result<AdminRequest> request = AdminRequest::establishWithCredentials(
            AdminProto::Isakmp, selector, QByteArray("alice@example.com"), std::string_view("s3cret"));
        QVERIFY(request.ok());
        const QByteArray text = dump(*request);
        QCOMPARE(text.count('*'), 12);
        QVERIFY(!text.contains("733363726574")); // "s3cret"
        QVERIFY(!QByteArray(text).replace(' ', "").replace('\n', "").contains("733363"));
        // The identity and the NUL after the password are shown.
        QVERIFY(text.contains("616c6963"));
        QVERIFY(text.endsWith("**\n 00\n")); // byte 320 starts a new line
    }

    void decodedRequestKeepsItsSecrets()
    {
        const QByteArray frame = QByteArray::fromHex(
            "41010382 0100ff01 20200000 00000000 02000000 c000020a" + QByteArray(240, '0') +
            "02000000 cb007105" + QByteArray(240, '0') +
            "02000000 00000000 12000000 00000000 07000000 00000000" +
            QByteArray("alice@example.com").toHex() + "00" + QByteArray("s3cret").toHex() + "00");
        const Result<AdminRequest> request =
            AdminRequest::decode(frame.constData(), std::size_t(frame.size()));
        QVERIFY2(request.ok(), qPrintable(request.error()));
        QCOMPARE(dump(*request).count('*'), 12);
    }
};

QTEST_GUILESS_MAIN(TestHexDump)
#include "tst_hexdump.moc"
