#include "core/model/IpsecSa.h"
#include "core/model/IsakmpSa.h"
#include "core/model/ModeCfg.h"
#include "core/model/RacoonEvent.h"
#include "core/model/ScheduleEntry.h"
#include "core/model/StatusDocument.h"

#include <QTest>

using namespace qracoon;

class TestModelTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
