#include "SadbTestMessage.h"
#include "core/decode/SadbDumpDecoder.h"
#include "core/decode/SadbDumpWalker.h"

#include <QTest>
#include <vector>

using namespace qracoon;
using namespace qracoon::test;

namespace {

QByteArray dumpOf(std::initializer_list<SadbTestMessage> messages)
{
    QByteArray out;
    for (const SadbTestMessage& m : messages) {
        out.append(m.bytes());
    }
    return out;
}

SadbTestMessage esp(std::uint32_t spi, std::uint32_t seq)
{
    return SadbTestMessage::esp(spi, seq, v4(192, 0, 2, 10), v4(203, 0, 113, 5));
}

std::vector<std::uint32_t> walkSeqs(const QByteArray& payload)
{
    const std::vector<char> copy(payload.begin(), payload.end());
    SadbDumpWalker walker(copy.data(), copy.size());
    std::vector<std::uint32_t> seqs;
    while (const auto view = walker.next()) {
        seqs.push_back(view->hasHeader() ? view->header().seq : 0xffffffff);
    }
    return seqs;
}

} // namespace

class TestSadbDumpDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walkIsBoundedByThePayload_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QList<quint32>>("seqs");
        QTest::newRow("empty") << QByteArray() << QList<quint32>{};
        QTest::newRow("stops-after-seq-0")
            << dumpOf({esp(1, 2), esp(2, 1), esp(3, 0), esp(4, 5)}) << QList<quint32>{2, 1, 0};
        QTest::newRow("ends-without-seq-0") << dumpOf({esp(1, 2), esp(2, 1)}) << QList<quint32>{2, 1};
        QTest::newRow("msg-len-zero-with-seq")
            << dumpOf({esp(1, 3), esp(2, 2).lengthUnits(0), esp(3, 0)}) << QList<quint32>{3, 2};
        QTest::newRow("msg-len-beyond-payload")
            << dumpOf({esp(1, 3), esp(2, 2).lengthUnits(4000)}) << QList<quint32>{3, 2};
        QTest::newRow("trailing-partial-header")
            << dumpOf({esp(1, 3)}) + QByteArray(6, '\x02') << QList<quint32>{3, 0xffffffff};
        QTest::newRow("short-payload") << QByteArray(5, '\0') << QList<quint32>{0xffffffff};
    }

    void walkIsBoundedByThePayload()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QList<quint32>, seqs);
        const std::vector<std::uint32_t> got = walkSeqs(payload);
        QCOMPARE(QList<quint32>(got.begin(), got.end()), seqs);
    }

    void walkerReportsOffsets()
    {
        const QByteArray payload = dumpOf({esp(1, 2), esp(2, 0)});
        SadbDumpWalker walker(payload.constData(), std::size_t(payload.size()));
        QVERIFY(walker.next());
        QCOMPARE(walker.index(), 0);
        QCOMPARE(walker.offset(), std::size_t(0));
        QVERIFY(walker.next());
        QCOMPARE(walker.index(), 1);
        QCOMPARE(walker.offset(), std::size_t(payload.size() / 2));
        QVERIFY(!walker.next());
        QVERIFY(!walker.next());
    }

    void decodesEveryField()
    {
        const QByteArray payload =
            SadbTestMessage(Sadb::SaType::Esp, 0)
                .reserved(2)
                .sa(0xc2a5e01f, 32, Sadb::SaState::Mature, 3, 12, 0x80)
                .lifetime(Sadb::Ext::LifetimeHard, 0, 1000, 28800, 0)
                .lifetime(Sadb::Ext::LifetimeSoft, 0, 800, 23040, 0)
                .lifetime(Sadb::Ext::LifetimeCurrent, 3, 5242880, 1700000000, 1700000600)
                .address(Sadb::Ext::AddressSrc, v4(192, 0, 2, 10, 4500), 24, 17)
                .address(Sadb::Ext::AddressDst, v4(203, 0, 113, 5, 4500), 16, 17)
                .address(Sadb::Ext::AddressProxy, v4(0, 0, 0, 0))
                .key(Sadb::Ext::KeyAuth, QByteArray::fromHex("5a4c3b2a19e8d7c6b5a4938271605f4e3d2c1b0a"))
                .key(Sadb::Ext::KeyEncrypt, QByteArray::fromHex("00112233445566778899aabbccddeeff"))
                .identity(Sadb::Ext::IdentityDst, 2, "peer.example")
                .sa2(Sadb::Mode::Tunnel, 16385, 5)
                .natTType(2)
                .natTPort(Sadb::Ext::XNatTSport, 4500)
                .natTPort(Sadb::Ext::XNatTDport, 4501)
                .address(Sadb::Ext::XNatTOa, v4(10, 1, 2, 3))
                .securityContext(1, 1, "ctx")
                .extension(Sadb::Ext::XFilter, QByteArray(4, 'f'))
                .bytes();
        const Result<SadbDump> dump = decodeSadbDump(payload.constData(), std::size_t(payload.size()));
        QVERIFY2(dump.ok(), qPrintable(dump.error()));
        QCOMPARE(dump->rejected, QStringList());
        QCOMPARE(dump->sas.size(), std::size_t(1));
        const IpsecSa& sa = dump->sas.front();
        QCOMPARE(sa.messageType, Sadb::MsgType::Dump);
        QCOMPARE(sa.satype, Sadb::SaType::Esp);
        QCOMPARE(sa.reserved, 2);
        QCOMPARE(sa.sadbSeq, 0u);
        QCOMPARE(sa.sadbPid, 4242u);
        QCOMPARE(sa.spi, 0xc2a5e01fu);
        QCOMPARE(sa.replay, 32);
        QCOMPARE(sa.state, Sadb::SaState::Mature);
        QCOMPARE(sa.authAlg, 3);
        QCOMPARE(sa.encAlg, 12);
        QCOMPARE(sa.flags, 0x80u);
        QCOMPARE(sa.mode, Sadb::Mode::Tunnel);
        QCOMPARE(sa.sequence, 5u);
        QCOMPARE(sa.reqid, 16385u);
        QCOMPARE(sa.source, v4(192, 0, 2, 10, 4500));
        QCOMPARE(sa.destination, v4(203, 0, 113, 5, 4500));
        QCOMPARE(sa.sourcePrefix, 24);
        QCOMPARE(sa.destinationPrefix, 16);
        QCOMPARE(sa.upperLayerProtocol, 17);
        QCOMPARE(sa.proxy, v4(0, 0, 0, 0));
        QCOMPARE(sa.authKey, QByteArray::fromHex("5a4c3b2a19e8d7c6b5a4938271605f4e3d2c1b0a"));
        QCOMPARE(sa.authKeyBits, 160);
        QCOMPARE(sa.encKey, QByteArray::fromHex("00112233445566778899aabbccddeeff"));
        QCOMPARE(sa.encKeyBits, 128);
        QCOMPARE(sa.current.allocations, 3u);
        QCOMPARE(sa.current.bytes, 5242880u);
        QCOMPARE(sa.current.addtime, 1700000000u);
        QCOMPARE(sa.current.usetime, 1700000600u);
        QCOMPARE(sa.hard.addtime, 28800u);
        QCOMPARE(sa.hard.bytes, 1000u);
        QCOMPARE(sa.soft.addtime, 23040u);
        QCOMPARE(sa.destinationIdentity.type, 2);
        QCOMPARE(sa.destinationIdentity.text, QByteArray("peer.example"));
        QVERIFY(!sa.has(Sadb::Ext::IdentitySrc));
        QVERIFY(sa.usesNatT());
        QCOMPARE(sa.natTSourcePort, 4500);
        QCOMPARE(sa.natTDestinationPort, 4501);
        QCOMPARE(sa.natTOriginalAddress, v4(10, 1, 2, 3));
        QCOMPARE(sa.securityContext.context, QByteArray("ctx"));
        QCOMPARE(sa.securityContext.declaredLength, 3);
        QCOMPARE(sa.unknownExtensions, 1);
        QVERIFY(sa.has(Sadb::Ext::Sa));
        QVERIFY(sa.has(Sadb::Ext::XSecCtx));
        QVERIFY(!sa.has(Sadb::Ext::XFilter));
    }

    void emptySadIsAnEmptyDump()
    {
        const QByteArray payload = SadbTestMessage(Sadb::SaType::Esp, 0, Sadb::MsgType::Dump, 2).bytes();
        const Result<SadbDump> dump = decodeSadbDump(payload.constData(), std::size_t(payload.size()));
        QVERIFY(dump.ok());
        QVERIFY(dump->sas.empty());
        QVERIFY(dump->rejected.isEmpty());
    }

    void otherErrnoIsAFailure()
    {
        const QByteArray payload = SadbTestMessage(Sadb::SaType::Esp, 0, Sadb::MsgType::Dump, 1).bytes();
        const Result<SadbDump> dump = decodeSadbDump(payload.constData(), std::size_t(payload.size()));
        QVERIFY(!dump.ok());
        QVERIFY2(dump.error().contains(QLatin1String("Operation not permitted")), qPrintable(dump.error()));
    }

    void emptyPayloadIsAFailure() { QVERIFY(!decodeSadbDump(nullptr, 0).ok()); }

    void badMessagesAreRejectedOneByOne()
    {
        const QByteArray payload = dumpOf({esp(1, 3), esp(2, 2).version(3), esp(3, 1).sa(9),
                                           esp(4, 0).extension(5, QByteArray(4, 'x'), 0)});
        const Result<SadbDump> dump = decodeSadbDump(payload.constData(), std::size_t(payload.size()));
        QVERIFY(dump.ok());
        QCOMPARE(dump->sas.size(), std::size_t(1));
        QCOMPARE(dump->sas.front().spi, 1u);
        QCOMPARE(dump->rejected.size(), 3);
        const qsizetype messageSize = esp(1, 3).bytes().size();
        QVERIFY2(dump->rejected.at(0).contains(QStringLiteral("message 2 at offset %1").arg(messageSize)),
                 qPrintable(dump->rejected.at(0)));
        QVERIFY(dump->rejected.at(0).contains(QLatin1String("version 3")));
        QVERIFY(dump->rejected.at(1).contains(QLatin1String("duplicate")));
        QVERIFY(dump->rejected.at(2).contains(QLatin1String("length 0")));
    }

    void truncatedDumpKeepsWhatCameBefore()
    {
        QByteArray payload = dumpOf({esp(1, 2), esp(2, 1), esp(3, 0)});
        payload.chop(40);
        const Result<SadbDump> dump = decodeSadbDump(payload.constData(), std::size_t(payload.size()));
        QVERIFY(dump.ok());
        QCOMPARE(dump->sas.size(), std::size_t(2));
        QCOMPARE(dump->rejected.size(), 1);
        QVERIFY(dump->rejected.front().contains(QLatin1String("runs past the end")));
    }

    void decodeRefusesABrokenView()
    {
        const QByteArray m = esp(1, 0).version(1).bytes();
        const SadbMessageView view(reinterpret_cast<const std::uint8_t*>(m.constData()),
                                   std::size_t(m.size()));
        const Result<IpsecSa> sa = decodeIpsecSa(view);
        QVERIFY(!sa.ok());
        QVERIFY(!sa.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSadbDumpDecoder)
#include "tst_sadbdumpdecoder.moc"
