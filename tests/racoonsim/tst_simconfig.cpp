// The configuration parser: the shipped demo configuration, every setting, and the errors (with line
// numbers) for malformed files.
#include "SimConfig.h"
#include "SimHarness.h"

#include <QFile>
#include <QTest>

using namespace qracoon;
using namespace qracoon::sim;

namespace {

SocketAddress address(const char* text)
{
    return *SocketAddress::fromText(QString::fromLatin1(text));
}

Result<SimConfig> parse(const QByteArray& text)
{
    return SimConfig::parse(text, QStringLiteral(RACOONSIM_SOURCE_DIR));
}

} // namespace

class SimConfigTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoConfiguration()
    {
        const auto config = parse(SimHarness::demoConfig());
        QVERIFY2(config, qPrintable(config.error()));
        QCOMPARE(config->local, address("192.0.2.2"));
        QCOMPARE(config->gateways.size(), std::size_t(3));
        QCOMPARE(config->timing.phase1, 120);
        QCOMPARE(config->trafficPerSecond, 1);
        QVERIFY(config->housekeeping);
        QVERIFY(config->pid != 0);

        const auto lab = config->gatewayByAddress(address("192.0.2.1"));
        QVERIFY(lab);
        QCOMPARE(lab->name, QByteArray("lab-gateway"));
        QCOMPARE(config->gatewayByName("lab-gateway"), lab);
        QVERIFY(lab->xauth);
        QVERIFY(lab->acceptsCredentials("labuser", "labpass"));
        QVERIFY(!lab->acceptsCredentials("labuser", "not-the-password"));
        QVERIFY(lab->modeCfg);
        QCOMPARE(lab->pool.toString(), QStringLiteral("10.99.99.0/24"));
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(&lab->netmask), 4).toHex(), QByteArray("ffffff00"));
        QCOMPARE(lab->dns.size(), std::size_t(1));
        QCOMPARE(lab->dns[0], address("10.99.0.53"));
        QCOMPARE(lab->wins.size(), std::size_t(1));
        QCOMPARE(lab->splitNetworks.size(), std::size_t(1));
        QCOMPARE(lab->splitNetworks[0].toString(), QStringLiteral("10.99.0.0/24"));
        QCOMPARE(lab->domain, QByteArray("lab.example"));
        QCOMPARE(lab->banner,
                 QByteArray("Welcome to the racoon lab gateway (192.0.2.1). Real racoon, real PF_KEY.\n"));
        QVERIFY(lab->certificate.isEmpty());
        QCOMPARE(lab->behaviour, GatewayBehaviour::Accept);

        const auto branch = config->gatewayByName("branch-office");
        QVERIFY(branch);
        QVERIFY(!branch->xauth);
        QVERIFY(!branch->modeCfg);
        QCOMPARE(branch->identity, QStringLiteral("branch.example"));
        QFile der(QStringLiteral(RACOONSIM_SOURCE_DIR "/demo-gateway.der"));
        QVERIFY(der.open(QIODevice::ReadOnly));
        QCOMPARE(branch->certificate, der.readAll());
        QCOMPARE(branch->policies.size(), std::size_t(2));
        QVERIFY(branch->policies[0].tunnel);
        QVERIFY(!branch->policies[1].tunnel);
        QVERIFY(branch->policies[0].remote.contains(address("10.20.3.4")));

        const auto silent = config->gatewayByAddress(address("203.0.113.1"));
        QVERIFY(silent);
        QCOMPARE(silent->behaviour, GatewayBehaviour::NoResponse);
    }

    void settings()
    {
        const auto config =
            parse("[global]\nlocal = 2001:db8::2\nhousekeeping = no\ntraffic = 0\npid = 4242\n"
                  "[timing]\nphase1 = 1\nxauth = 2\nmode-cfg = 3\nteardown = 4\nphase2 = 5\n"
                  "give-up = 6\n"
                  "[gateway 2001:db8::1]\nbehaviour = dpd-timeout-after 7\nexchange-mode = aggressive\n"
                  "dpd = no\nnat-t = yes\nlifetime = 600\nipsec-lifetime = 300\n"
                  "banner = two\\nlines\\t\\\\\n"
                  "[gateway 192.0.2.9]\nbehavior = peer-delete-after 0\n");
        QVERIFY2(config, qPrintable(config.error()));
        QVERIFY(!config->housekeeping);
        QCOMPARE(config->trafficPerSecond, 0);
        QCOMPARE(config->pid, 4242u);
        const SimTiming& t = config->timing;
        QCOMPARE((QList<int>{t.phase1, t.xauth, t.modeCfg, t.teardown, t.phase2, t.giveUp}),
                 (QList<int>{1, 2, 3, 4, 5, 6}));
        const auto g = config->gatewayByAddress(address("2001:db8::1"));
        QVERIFY(g);
        QCOMPARE(g->behaviour, GatewayBehaviour::DpdTimeoutAfter);
        QCOMPARE(g->behaviourSeconds, 7);
        QVERIFY(g->aggressive);
        QVERIFY(!g->dpd);
        QVERIFY(g->natTraversal);
        QCOMPARE(g->lifetime, 600);
        QCOMPARE(g->ipsecLifetime, 300);
        QCOMPARE(g->banner, QByteArray("two\nlines\t\\"));
        QCOMPARE(g->name, QByteArray("2001:db8::1"));
        QCOMPARE(config->gatewayByAddress(address("192.0.2.9"))->behaviour,
                 GatewayBehaviour::PeerDeleteAfter);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        const QByteArray head = "[global]\nlocal = 192.0.2.2\n";
        QTest::newRow("no local") << QByteArray("[global]\n") << QStringLiteral("local address");
        QTest::newRow("before section") << QByteArray("local = 1.2.3.4\n") << QStringLiteral("line 1:");
        QTest::newRow("unknown section") << head + "[remote x]\n"
                                         << QStringLiteral("line 3: unknown section");
        QTest::newRow("unterminated section") << head + "[global\n" << QStringLiteral("line 3:");
        QTest::newRow("no equals") << head + "traffic 3\n" << QStringLiteral("line 3: expected");
        QTest::newRow("unknown key") << head + "colour = red\n" << QStringLiteral("unknown setting 'colour'");
        QTest::newRow("bad number") << head + "[timing]\nphase1 = soon\n" << QStringLiteral("line 4: phase1");
        QTest::newRow("negative delay") << head + "[timing]\nphase2 = -5\n" << QStringLiteral("phase2");
        QTest::newRow("bad boolean") << head + "housekeeping = maybe\n" << QStringLiteral("yes or no");
        QTest::newRow("bad gateway address") << head + "[gateway vpn.example]\n"
                                             << QStringLiteral("not a numeric");
        QTest::newRow("duplicate gateway") << head + "[gateway 192.0.2.1]\n[gateway 192.0.2.1]\n"
                                           << QStringLiteral("described twice");
        QTest::newRow("duplicate name")
            << head + "[gateway 192.0.2.1]\nname = a\n[gateway 192.0.2.3]\nname = a\n"
            << QStringLiteral("two gateways are named 'a'");
        QTest::newRow("bad behaviour") << head + "[gateway 192.0.2.1]\nbehaviour = sulk\n"
                                       << QStringLiteral("behaviour must be");
        QTest::newRow("behaviour without seconds")
            << head + "[gateway 192.0.2.1]\nbehaviour = dpd-timeout-after\n"
            << QStringLiteral("behaviour must be");
        QTest::newRow("xauth without user") << head + "[gateway 192.0.2.1]\nxauth = yes\n"
                                            << QStringLiteral("lists no user");
        QTest::newRow("user without password") << head + "[gateway 192.0.2.1]\nuser = alice\n"
                                               << QStringLiteral("LOGIN:PASSWORD");
        QTest::newRow("ipv6 pool") << head + "[gateway 192.0.2.1]\npool = 2001:db8::/64\n"
                                   << QStringLiteral("IPv4 network");
        QTest::newRow("bad split") << head + "[gateway 192.0.2.1]\nsplit = 10.0.0.0/33\n"
                                   << QStringLiteral("ADDRESS/PREFIX");
        QTest::newRow("bad dns") << head + "[gateway 192.0.2.1]\ndns = 10.0.0.1 dns.example\n"
                                 << QStringLiteral("'dns.example'");
        QTest::newRow("policy words") << head + "[gateway 192.0.2.1]\npolicy = 10.0.0.0/8\n"
                                      << QStringLiteral("policy must be");
        QTest::newRow("policy families") << head + "[gateway 192.0.2.1]\npolicy = 10.0.0.0/8 2001:db8::/32\n"
                                         << QStringLiteral("same address family");
        QTest::newRow("missing certificate") << head + "[gateway 192.0.2.1]\ncertificate = no-such.der\n"
                                             << QStringLiteral("cannot read the certificate");
        QTest::newRow("bad exchange mode") << head + "[gateway 192.0.2.1]\nexchange-mode = base\n"
                                           << QStringLiteral("main or aggressive");
    }
    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const auto config = parse(text);
        QVERIFY(!config);
        QVERIFY2(config.error().contains(message), qPrintable(config.error()));
    }

    void commentsAndBlankLines()
    {
        const auto config = parse("# comment\n; another\n\n[global]\n  local = 192.0.2.2  \n");
        QVERIFY2(config, qPrintable(config.error()));
        QVERIFY(config->gateways.empty());
    }

    void loadReportsThePath()
    {
        const auto missing = SimConfig::load(QStringLiteral("/nonexistent/racoonsim.conf"));
        QVERIFY(!missing);
        QVERIFY(missing.error().contains(QStringLiteral("/nonexistent/racoonsim.conf")));
        const auto demo = SimConfig::load(QStringLiteral(RACOONSIM_SOURCE_DIR "/demo.conf"));
        QVERIFY2(demo, qPrintable(demo.error()));
    }

    void subnets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised");
        QTest::addColumn<QString>("inside");
        QTest::addColumn<QString>("outside");
        QTest::newRow("v4") << "10.99.0.7/24"
                            << "10.99.0.0/24"
                            << "10.99.0.200"
                            << "10.99.1.1";
        QTest::newRow("host") << "192.0.2.1"
                              << "192.0.2.1/32"
                              << "192.0.2.1"
                              << "192.0.2.2";
        QTest::newRow("all") << "0.0.0.0/0"
                             << "0.0.0.0/0"
                             << "203.0.113.9"
                             << "2001:db8::1";
        QTest::newRow("v6") << "2001:db8:1::5/48"
                            << "2001:db8:1::/48"
                            << "2001:db8:1:ff::1"
                            << "2001:db8:2::1";
    }
    void subnets()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        QFETCH(QString, inside);
        QFETCH(QString, outside);
        const auto net = Subnet::fromText(text);
        QVERIFY(net);
        QCOMPARE(net->toString(), normalised);
        QVERIFY(net->contains(*SocketAddress::fromText(inside)));
        QVERIFY(!net->contains(*SocketAddress::fromText(outside)));
    }
};

QTEST_GUILESS_MAIN(SimConfigTest)
#include "tst_simconfig.moc"
