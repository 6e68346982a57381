// The applet's table models under QAbstractItemModelTester: incremental refreshes keep persistent
// indexes (selection, current row) and never reset.
#include "FakeBackend.h"
#include "TestValues.h"
#include "applet/EventLogModel.h"
#include "applet/GatewayModel.h"
#include "applet/IpsecSaModel.h"
#include "applet/IsakmpSaModel.h"
#include "applet/SortRole.h"

#include <QAbstractItemModelTester>
#include <QHostAddress>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace qracoon;
using namespace qracoon::test;

namespace {

std::vector<IsakmpSa> isakmpList(const QList<int>& cookies)
{
    std::vector<IsakmpSa> list;
    for (const int c : cookies) {
        list.push_back(isakmpSa(c < 100 ? "192.0.2.1" : "198.51.100.1", std::uint8_t(c)));
    }
    return list;
}

QList<int> cookiesShown(const IsakmpSaModel& model)
{
    QList<int> out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out.append(model.at(row).initiatorCookie[0]);
    }
    return out;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isakmpIncrementalUpdates_data()
    {
        QTest::addColumn<QList<int>>("before");
        QTest::addColumn<QList<int>>("after");
        QTest::addColumn<QList<int>>("shown");
        QTest::newRow("unchanged") << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << QList<int>{1, 2, 3};
        QTest::newRow("one added") << QList<int>{1, 2} << QList<int>{1, 2, 3} << QList<int>{1, 2, 3};
        QTest::newRow("first removed") << QList<int>{1, 2, 3} << QList<int>{2, 3} << QList<int>{2, 3};
        QTest::newRow("middle run removed")
            << QList<int>{1, 2, 3, 4, 5} << QList<int>{1, 5} << QList<int>{1, 5};
        QTest::newRow("reordered by racoon")
            << QList<int>{1, 2, 3} << QList<int>{3, 1, 2} << QList<int>{1, 2, 3};
        QTest::newRow("replace all") << QList<int>{1, 2} << QList<int>{7, 8} << QList<int>{7, 8};
        QTest::newRow("emptied") << QList<int>{1, 2} << QList<int>{} << QList<int>{};
        QTest::newRow("duplicates once") << QList<int>{} << QList<int>{4, 4, 5} << QList<int>{4, 5};
        QTest::newRow("mixed") << QList<int>{1, 2, 3, 4} << QList<int>{9, 2, 4, 120}
                               << QList<int>{2, 4, 9, 120};
    }

    void isakmpIncrementalUpdates()
    {
        QFETCH(QList<int>, before);
        QFETCH(QList<int>, after);
        QFETCH(QList<int>, shown);
        ManualClock clock;
        IsakmpSaModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSas(isakmpList(before));
        // Persistent indexes stand for a selection: each must follow its SA or vanish with it.
        QList<QPersistentModelIndex> persistent;
        for (int row = 0; row < model.rowCount(); ++row) {
            persistent.append(QPersistentModelIndex(model.index(row, IsakmpSaModel::Remote)));
        }
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setSas(isakmpList(after));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(cookiesShown(model), shown);
        for (int i = 0; i < persistent.size(); ++i) {
            const int cookie = before.at(i);
            if (after.contains(cookie)) {
                QVERIFY(persistent.at(i).isValid());
                QCOMPARE(int(model.at(persistent.at(i).row()).initiatorCookie[0]), cookie);
            } else {
                QVERIFY(!persistent.at(i).isValid());
            }
        }
    }

    void isakmpJoinsStatus()
    {
        ManualClock clock;
        clock.set(1000 + 600);
        IsakmpSaModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const IsakmpSa sa = isakmpSa("192.0.2.1", 1, 9, 1000);
        model.setSas({sa, isakmpSa("198.51.100.1", 5, 3)});
        QVERIFY(model.data(model.index(0, IsakmpSaModel::LifetimeLeft)).toString().isEmpty());
        StatusDocument status;
        status.phase1.push_back(statusPhase1(sa, QStringLiteral("ok")));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setStatus(status);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.data(model.index(0, IsakmpSaModel::LifetimeLeft), SortRole).toLongLong(), 28800 - 600);
        QCOMPARE(model.data(model.index(0, IsakmpSaModel::LifetimeLeft)).toString(),
                 QStringLiteral("7 h 50 min"));
        QVERIFY(
            model.data(model.index(0, IsakmpSaModel::Proposal)).toString().contains(QLatin1String("aes")));
        QVERIFY(model.statusOf(0).has_value());
        QVERIFY(!model.statusOf(1).has_value());
        QCOMPARE(model.data(model.index(1, IsakmpSaModel::State)).toString(),
                 QStringLiteral("negotiating (step 3 of 8)"));
        QCOMPARE(model.data(model.index(0, IsakmpSaModel::Remote)).toString(),
                 QStringLiteral("192.0.2.1[500]"));
        QCOMPARE(model.data(model.index(0, IsakmpSaModel::Cookies)).toString(),
                 QStringLiteral("0101010101010101:0202020202020202"));
        clock.advance(60);
        changed.clear();
        model.tick();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.data(model.index(0, IsakmpSaModel::LifetimeLeft), SortRole).toLongLong(), 28800 - 660);
    }

    void ipsecKeysBySpiAndSortsNumerically()
    {
        ManualClock clock;
        clock.set(1000 + 100);
        IpsecSaModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSas(
            {ipsecSa("192.0.2.1", "192.0.2.2", 0x100, 9), ipsecSa("192.0.2.2", "192.0.2.1", 0x200, 10)});
        QPersistentModelIndex second(model.index(1, 0));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // Bytes grew and a new SA appeared: the old rows update in place.
        model.setSas({ipsecSa("192.0.2.2", "192.0.2.1", 0x200, 2000),
                      ipsecSa("192.0.2.1", "192.0.2.2", 0x100, 9),
                      ipsecSa("192.0.2.1", "192.0.2.2", 0x300, 0)});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(second.row(), 1);
        QCOMPARE(model.at(1).current.bytes, 2000u);
        QCOMPARE(model.data(model.index(1, IpsecSaModel::Spi)).toString(), QStringLiteral("0x00000200"));
        QCOMPARE(model.data(model.index(1, IpsecSaModel::Encryption)).toString(), QStringLiteral("AES-CBC"));
        QCOMPARE(model.data(model.index(1, IpsecSaModel::Authentication)).toString(),
                 QStringLiteral("HMAC-SHA1"));
        QCOMPARE(model.data(model.index(1, IpsecSaModel::LifetimeLeft), SortRole).toLongLong(), 3500);

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(SortRole);
        proxy.sort(IpsecSaModel::Bytes, Qt::DescendingOrder);
        QCOMPARE(proxy.data(proxy.index(0, IpsecSaModel::Spi)).toString(), QStringLiteral("0x00000200"));
        QCOMPARE(proxy.data(proxy.index(2, IpsecSaModel::Spi)).toString(), QStringLiteral("0x00000300"));
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterFixedString(QStringLiteral("0x00000100"));
        QCOMPARE(proxy.rowCount(), 1);
    }

    void eventLog()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimit(3);
        model.addNote(QStringLiteral("racoon is running."), EventLogModel::Severity::Information,
                      QDateTime::fromSecsSinceEpoch(1699999999));
        model.addEvent(racoonEvent(EventCode::Phase1Up));
        model.addEvent(racoonEvent(EventCode::Phase1XauthFailed));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.entry(2).severity, EventLogModel::Severity::Failure);
        QCOMPARE(model.entry(1).peer, QStringLiteral("192.0.2.1"));
        QVERIFY(model.entry(1).message.at(0).isUpper());
        QVERIFY(!model.data(model.index(1, EventLogModel::Message), Qt::DecorationRole).isNull());
        model.addEvent(racoonEvent(EventCode::Phase1Down));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.entry(0).message.contains(QLatin1String("running")));
        const QString text = model.text({0, 2});
        QCOMPARE(text.count(QLatin1Char('\n')), 2);
        QVERIFY(text.startsWith(
            QDateTime::fromSecsSinceEpoch(1700000000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        QVERIFY(text.contains(QLatin1String("\t192.0.2.1\t192.0.2.2\n")));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // Under a flood the log sheds its oldest entries a tenth of the limit at a time, in one removal,
    // rather than one row per new event; the newest entry is always the last row.
    void eventLogTrimsInBatches()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimit(100);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = 0; i < 110; ++i) {
            model.addNote(QStringLiteral("note %1").arg(i));
        }
        QCOMPARE(model.rowCount(), 110);
        QCOMPARE(removed.count(), 0);
        model.addNote(QStringLiteral("note 110"));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.entry(0).message, QStringLiteral("note 11"));
        QCOMPARE(model.entry(99).message, QStringLiteral("note 110"));
    }

    // A refresh in which little changed tells the views only about what did: no reset, one dataChanged
    // per run of changed rows, so sorted and filtered views keep up with thousands of SAs.
    void refreshAnnouncesOnlyChangedRows()
    {
        ManualClock clock;
        IpsecSaModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<IpsecSa> sas;
        for (std::uint32_t spi = 1; spi <= 100; ++spi) {
            sas.push_back(ipsecSa("192.0.2.1", "192.0.2.2", spi, 1000));
        }
        model.setSas(sas);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setSas(sas);
        QCOMPARE(changed.count(), 0);
        sas[10].current.bytes += 1;
        sas[11].state = 2;
        sas[50].current.bytes += 1;
        model.setSas(sas);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 10);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 11);
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 50);
        QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 50);
        QCOMPARE(model.at(50).current.bytes, 1001u);
    }

    // Thousands of gateways racoon has SAs with: each controller sees only its own SAs and events, and a
    // refresh that brings nothing new changes no row.
    void manyDiscoveredGateways()
    {
        FakeBackend backend;
        ManualClock clock;
        GatewayModel model(backend, clock);
        std::vector<IsakmpSa> phase1s;
        std::vector<IpsecSa> phase2s;
        const auto peer = [](int i) {
            return QStringLiteral("198.18.%1.%2").arg(1 + i / 250).arg(1 + i % 250).toLatin1();
        };
        for (int i = 0; i < 2000; ++i) {
            phase1s.push_back(isakmpSa(peer(i).constData(), std::uint8_t(i)));
            phase2s.push_back(ipsecSa(peer(i).constData(), "192.0.2.2", std::uint32_t(2 * i + 1), 100 + i));
            phase2s.push_back(ipsecSa("192.0.2.2", peer(i).constData(), std::uint32_t(2 * i + 2), 7));
        }
        model.updateIsakmpSas(phase1s);
        model.updateIpsecSas(phase2s);
        QCOMPARE(model.rowCount(), 2000);
        ConnectionController* c = model.controllerFor(QString::fromLatin1(peer(1234)));
        QVERIFY(c != nullptr);
        QCOMPARE(c->bytesIn(), 100u + 1234u);
        QCOMPARE(c->bytesOut(), 7u);
        QCOMPARE(c->isakmpSa()->remote.toString(), QString::fromLatin1(peer(1234)));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy gatewaysChanged(&model, &GatewayModel::gatewaysChanged);
        model.updateIsakmpSas(phase1s);
        model.updateIpsecSas(phase2s);
        model.updateStatus({});
        QCOMPARE(changed.count(), 0);
        QCOMPARE(gatewaysChanged.count(), 0);

        phase2s[2 * 1234].current.bytes += 50;
        model.updateIpsecSas(phase2s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), model.controllers().indexOf(c));
        QCOMPARE(c->bytesIn(), 100u + 1234u + 50u);

        // An event reaches the gateway it names, and only that one.
        model.handleEvent(modeCfgEvent(peer(1234).constData(), "10.99.0.7", QString()));
        QCOMPARE(c->assignedAddress().value_or(QHostAddress()), QHostAddress(QStringLiteral("10.99.0.7")));
        QVERIFY(!model.controllerFor(QString::fromLatin1(peer(1233)))->assignedAddress());
        model.updateIsakmpSas({});
        QCOMPARE(model.rowCount(), 0);
    }

    // The settings may spell an IPv6 address differently from racoon: the gateway still finds its SAs,
    // its events, and is not listed a second time as discovered.
    void ipv6GatewayInAnySpelling()
    {
        FakeBackend backend;
        ManualClock clock;
        GatewayModel model(backend, clock);
        GatewayProfile lab;
        lab.name = QStringLiteral("Lab");
        lab.address = QStringLiteral("2001:DB8:0:0::1");
        model.setProfiles({lab});
        model.updateIsakmpSas({isakmpSa("2001:db8::1", 1)});
        model.updateIpsecSas({ipsecSa("2001:db8::1", "2001:db8::2", 7, 300)});
        QCOMPARE(model.rowCount(), 1);
        ConnectionController* c = model.controller(0);
        QCOMPARE(model.controllerFor(QStringLiteral("2001:db8::1")), c);
        QCOMPARE(model.controllerFor(lab.address), c);
        QCOMPARE(c->state(), ConnectionController::State::Connected);
        QCOMPARE(c->bytesIn(), 300u);
        model.handleEvent(modeCfgEvent("2001:db8::1", "10.99.0.9", QString()));
        QCOMPARE(c->assignedAddress().value_or(QHostAddress()), QHostAddress(QStringLiteral("10.99.0.9")));
    }

    void gatewaysFromSettingsAndDiscovered()
    {
        FakeBackend backend;
        ManualClock clock;
        GatewayModel model(backend, clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        GatewayProfile lab;
        lab.name = QStringLiteral("Lab");
        lab.address = QStringLiteral("192.0.2.1");
        model.setProfiles({lab});
        QCOMPARE(model.rowCount(), 1);
        clock.set(1000); // when the SA below was established
        QSignalSpy added(&model, &GatewayModel::controllerAdded);
        QSignalSpy removed(&model, &GatewayModel::controllerRemoved);
        model.updateIsakmpSas({isakmpSa("192.0.2.1", 1), isakmpSa("198.51.100.1", 3)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(added.count(), 1);
        QVERIFY(model.controller(1)->profile().discovered);
        QCOMPARE(model.controller(1)->state(), ConnectionController::State::Connected);
        QCOMPARE(model.data(model.index(0, GatewayModel::State)).toString(), QStringLiteral("Connected"));
        clock.advance(65);
        QCOMPARE(model.data(model.index(0, GatewayModel::Uptime)).toString(), QStringLiteral("1 min 05 s"));
        // The discovered gateway goes with its SA; the configured one stays, disconnected.
        model.updateIsakmpSas({});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.controller(0)->state(), ConnectionController::State::Disconnected);
        // racoon gone: nothing stays connected.
        model.updateIsakmpSas({isakmpSa("192.0.2.1", 1)});
        model.handleDaemonState(DaemonState::Absent);
        QCOMPARE(model.controller(0)->state(), ConnectionController::State::Disconnected);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
