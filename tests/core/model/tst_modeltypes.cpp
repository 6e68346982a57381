#include "core/model/IpsecSa.h"
#include "core/model/IsakmpSa.h"
#include "core/model/ModeCfg.h"
#include "core/model/RacoonEvent.h"
#include "core/model/ScheduleEntry.h"
#include "core/model/StatusDocument.h"

#include <QTest>
#include <functional>
#include <vector>

using namespace qracoon;

class TestModelTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The applet redraws a row only when its SA compares unequal: a field left out of operator== would be
    // a change the window never shows.
    void ipsecSaEqualityCoversEveryField()
    {
        IpsecSa base;
        base.source = *SocketAddress::fromText(QStringLiteral("192.0.2.1"), SocketAddress::Family::Inet, 0);
        base.destination =
            *SocketAddress::fromText(QStringLiteral("192.0.2.2"), SocketAddress::Family::Inet, 0);
        const SocketAddress other =
            *SocketAddress::fromText(QStringLiteral("198.51.100.7"), SocketAddress::Family::Inet, 4500);
        const std::vector<std::function<void(IpsecSa&)>> edits = {
            [](IpsecSa& s) { s.messageType = 14; },
            [](IpsecSa& s) { s.satype = 3; },
            [](IpsecSa& s) { s.reserved = 1; },
            [](IpsecSa& s) { s.sadbSeq = 1; },
            [](IpsecSa& s) { s.sadbPid = 1; },
            [](IpsecSa& s) { s.spi = 1; },
            [](IpsecSa& s) { s.replay = 1; },
            [](IpsecSa& s) { s.state = 1; },
            [](IpsecSa& s) { s.authAlg = 1; },
            [](IpsecSa& s) { s.encAlg = 1; },
            [](IpsecSa& s) { s.flags = 1; },
            [](IpsecSa& s) { s.mode = 1; },
            [](IpsecSa& s) { s.sequence = 1; },
            [](IpsecSa& s) { s.reqid = 1; },
            [&](IpsecSa& s) { s.source = other; },
            [&](IpsecSa& s) { s.destination = other; },
            [&](IpsecSa& s) { s.proxy = other; },
            [](IpsecSa& s) { s.sourcePrefix = 1; },
            [](IpsecSa& s) { s.destinationPrefix = 1; },
            [](IpsecSa& s) { s.upperLayerProtocol = 1; },
            [](IpsecSa& s) { s.authKey = "k"; },
            [](IpsecSa& s) { s.encKey = "k"; },
            [](IpsecSa& s) { s.authKeyBits = 1; },
            [](IpsecSa& s) { s.encKeyBits = 1; },
            [](IpsecSa& s) { s.current.allocations = 1; },
            [](IpsecSa& s) { s.current.bytes = 1; },
            [](IpsecSa& s) { s.current.addtime = 1; },
            [](IpsecSa& s) { s.current.usetime = 1; },
            [](IpsecSa& s) { s.hard.bytes = 1; },
            [](IpsecSa& s) { s.hard.addtime = 1; },
            [](IpsecSa& s) { s.soft.allocations = 1; },
            [](IpsecSa& s) { s.soft.usetime = 1; },
            [](IpsecSa& s) { s.sourceIdentity.type = 1; },
            [](IpsecSa& s) { s.sourceIdentity.id = 1; },
            [](IpsecSa& s) { s.sourceIdentity.text = "a"; },
            [](IpsecSa& s) { s.destinationIdentity.text = "b"; },
            [](IpsecSa& s) { s.natTType = 1; },
            [](IpsecSa& s) { s.natTSourcePort = 1; },
            [](IpsecSa& s) { s.natTDestinationPort = 1; },
            [&](IpsecSa& s) { s.natTOriginalAddress = other; },
            [](IpsecSa& s) { s.securityContext.alg = 1; },
            [](IpsecSa& s) { s.securityContext.doi = 1; },
            [](IpsecSa& s) { s.securityContext.declaredLength = 1; },
            [](IpsecSa& s) { s.securityContext.context = "c"; },
            [](IpsecSa& s) { s.extensions = 1; },
            [](IpsecSa& s) { s.unknownExtensions = 1; },
        };
        QVERIFY(base == IpsecSa(base));
        for (std::size_t i = 0; i < edits.size(); ++i) {
            IpsecSa edited = base;
            edits[i](edited);
            QVERIFY2(edited != base, qPrintable(QStringLiteral("edit %1 went unnoticed").arg(i)));
        }
    }

    void isakmpSaEqualityCoversEveryField()
    {
        const IsakmpSa base;
        const std::vector<std::function<void(IsakmpSa&)>> edits = {
            [](IsakmpSa& s) { s.initiatorCookie[7] = 1; },
            [](IsakmpSa& s) { s.responderCookie[0] = 1; },
            [](IsakmpSa& s) { s.status = 9; },
            [](IsakmpSa& s) { s.side = IsakmpSa::Responder; },
            [](IsakmpSa& s) {
                s.remote =
                    *SocketAddress::fromText(QStringLiteral("192.0.2.1"), SocketAddress::Family::Inet, 500);
            },
            [](IsakmpSa& s) {
                s.local =
                    *SocketAddress::fromText(QStringLiteral("192.0.2.2"), SocketAddress::Family::Inet, 500);
            },
            [](IsakmpSa& s) { s.version = 0x10; },
            [](IsakmpSa& s) { s.etype = 2; },
            [](IsakmpSa& s) { s.created = 1; },
            [](IsakmpSa& s) { s.ph2cnt = 1; },
        };
        QVERIFY(base == IsakmpSa(base));
        for (std::size_t i = 0; i < edits.size(); ++i) {
            IsakmpSa edited = base;
            edits[i](edited);
            QVERIFY2(edited != base, qPrintable(QStringLiteral("edit %1 went unnoticed").arg(i)));
        }
    }

    void ipsecSaExtensions_data()
    {
        QTest::addColumn<quint32>("extensions");
        QTest::addColumn<int>("natTType");
        QTest::addColumn<bool>("hasSa");
        QTest::addColumn<bool>("usesNatT");
        QTest::newRow("none") << quint32(0) << 0 << false << false;
        QTest::newRow("sa") << quint32(1u << Sadb::Ext::Sa) << 0 << true << false;
        QTest::newRow("natt-type-zero") << quint32(1u << Sadb::Ext::XNatTType) << 0 << false << false;
        QTest::newRow("natt") << quint32((1u << Sadb::Ext::XNatTType) | (1u << Sadb::Ext::Sa)) << 2 << true
                              << true;
        QTest::newRow("natt-value-without-extension") << quint32(0) << 2 << false << false;
    }

    void ipsecSaExtensions()
    {
        QFETCH(quint32, extensions);
        QFETCH(int, natTType);
        QFETCH(bool, hasSa);
        QFETCH(bool, usesNatT);
        IpsecSa sa;
        sa.extensions = extensions;
        sa.natTType = std::uint8_t(natTType);
        QCOMPARE(sa.has(Sadb::Ext::Sa), hasSa);
        QCOMPARE(sa.usesNatT(), usesNatT);
        QVERIFY(!sa.has(40));
    }

    void isakmpSaState()
    {
        IsakmpSa sa;
        QVERIFY(!sa.isEstablished());
        sa.status = 9;
        QVERIFY(sa.isEstablished());
        QCOMPARE(sa.side, int(IsakmpSa::Initiator));
        QVERIFY(sa.remote.isNull());
    }

    void defaults()
    {
        QVERIFY(ModeCfg().complete);
        QVERIFY(!ModeCfg().ip4Address);
        QCOMPARE(ModeCfg().ip6PrefixLength, -1);
        QVERIFY(!RacoonEvent().modeCfg);
        QVERIFY(!StatusDocument().phase2);
        QCOMPARE(ScheduleEntry().id, 0L);
    }
};

QTEST_GUILESS_MAIN(TestModelTypes)
#include "tst_modeltypes.moc"
