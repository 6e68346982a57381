// Argument validation of qracoon-helper: every bad argument is refused with a message that starts with
// the argument's name as the D-Bus interface spells it.
#include "helper/HelperArguments.h"

#include <QTest>

using namespace qracoon;
using namespace qracoon::helper;

class TestHelperArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void protocol_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("classes"); // SaClasses, else NegotiableSas
        QTest::addColumn<int>("expected"); // -1: refused

        QTest::newRow("isakmp") << "isakmp" << true << int(AdminProto::Isakmp);
        QTest::newRow("ipsec for show-sa") << "ipsec" << true << int(AdminProto::Ipsec);
        QTest::newRow("esp") << "esp" << false << int(AdminProto::Esp);
        QTest::newRow("ah") << "ah" << false << int(AdminProto::Ah);
        QTest::newRow("ipsec for delete-sa") << "ipsec" << false << -1;
        QTest::newRow("internal") << "internal" << true << -1;
        QTest::newRow("upper case") << "ESP" << true << -1;
        QTest::newRow("empty") << "" << true << -1;
    }
    void protocol()
    {
        QFETCH(QString, value);
        QFETCH(bool, classes);
        QFETCH(int, expected);
        const auto result = HelperArguments::protocol(QStringLiteral("protocol"), value,
                                                      classes ? HelperArguments::ProtocolSet::SaClasses
                                                              : HelperArguments::ProtocolSet::NegotiableSas);
        if (expected < 0) {
            QVERIFY(!result);
            QVERIFY2(result.error().startsWith(QLatin1String("protocol: ")), qPrintable(result.error()));
        } else {
            QVERIFY2(result, qPrintable(result.error()));
            QCOMPARE(int(*result), expected);
        }
    }

    void selector_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("sourcePrefix");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<int>("destinationPrefix");
        QTest::addColumn<QString>("badArgument"); // empty: accepted

        QTest::newRow("ipv4") << "192.0.2.2" << 32 << "192.0.2.1" << 24 << "";
        QTest::newRow("ipv6") << "2001:db8::1" << 128 << "2001:db8::2" << 64 << "";
        QTest::newRow("prefix 0") << "192.0.2.2" << 0 << "0.0.0.0" << 0 << "";
        QTest::newRow("mixed families") << "192.0.2.2" << 32 << "2001:db8::2" << 32 << "destination";
        QTest::newRow("host name") << "gateway.example" << 32 << "192.0.2.1" << 32 << "source";
        QTest::newRow("empty source") << "" << 32 << "192.0.2.1" << 32 << "source";
        QTest::newRow("garbage destination") << "192.0.2.2" << 32 << "192.0.2.256" << 32 << "destination";
        QTest::newRow("path as destination") << "192.0.2.2" << 32 << "/tmp/evil.sock" << 32 << "destination";
        QTest::newRow("ipv4 prefix 33") << "192.0.2.2" << 33 << "192.0.2.1" << 32 << "sourcePrefix";
        QTest::newRow("ipv4 destination prefix 64")
            << "192.0.2.2" << 32 << "192.0.2.1" << 64 << "destinationPrefix";
        QTest::newRow("ipv6 prefix 129")
            << "2001:db8::1" << 128 << "2001:db8::2" << 129 << "destinationPrefix";
        QTest::newRow("address with port text") << "192.0.2.2[500]" << 32 << "192.0.2.1" << 32 << "source";
    }
    void selector()
    {
        QFETCH(QString, source);
        QFETCH(int, sourcePrefix);
        QFETCH(QString, destination);
        QFETCH(int, destinationPrefix);
        QFETCH(QString, badArgument);
        HelperArguments::SelectorText text;
        text.source = source;
        text.sourcePort = 500;
        text.sourcePrefix = quint8(sourcePrefix);
        text.destination = destination;
        text.destinationPort = 4500;
        text.destinationPrefix = quint8(destinationPrefix);
        text.upperLayerProtocol = 17;
        const auto result = HelperArguments::selector(text);
        if (!badArgument.isEmpty()) {
            QVERIFY(!result);
            QVERIFY2(result.error().startsWith(badArgument + QLatin1String(": ")),
                     qPrintable(result.error()));
            return;
        }
        QVERIFY2(result, qPrintable(result.error()));
        QCOMPARE(result->src, *SocketAddress::fromText(source, SocketAddress::Family::Unspec, 500));
        QCOMPARE(result->dst, *SocketAddress::fromText(destination, SocketAddress::Family::Unspec, 4500));
        QCOMPARE(int(result->prefs), sourcePrefix);
        QCOMPARE(int(result->prefd), destinationPrefix);
        QCOMPARE(int(result->ulProto), 17);
    }

    void gatewaySelector_data()
    {
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("local");
        QTest::addColumn<QString>("badArgument");
        QTest::addColumn<QString>("expectedSource");

        QTest::newRow("routed source") << "192.0.2.1"
                                       << ""
                                       << ""
                                       << "198.51.100.9";
        QTest::newRow("given source") << "192.0.2.1"
                                      << "192.0.2.2"
                                      << ""
                                      << "192.0.2.2";
        QTest::newRow("ipv6 gateway") << "2001:db8::1"
                                      << "2001:db8::2"
                                      << ""
                                      << "2001:db8::2";
        QTest::newRow("family mismatch") << "192.0.2.1"
                                         << "2001:db8::2"
                                         << "localAddress"
                                         << "";
        QTest::newRow("bad local") << "192.0.2.1"
                                   << "local.example"
                                   << "localAddress"
                                   << "";
        QTest::newRow("empty gateway") << ""
                                       << ""
                                       << "gateway"
                                       << "";
        QTest::newRow("name gateway") << "vpn.example.com"
                                      << ""
                                      << "gateway"
                                      << "";
        QTest::newRow("no route") << "203.0.113.7"
                                  << ""
                                  << "gateway"
                                  << "";
    }
    void gatewaySelector()
    {
        QFETCH(QString, gateway);
        QFETCH(QString, local);
        QFETCH(QString, badArgument);
        QFETCH(QString, expectedSource);
        const auto routed = [](const SocketAddress& destination) -> Result<SocketAddress> {
            if (destination.toString() == QLatin1String("203.0.113.7")) {
                return Result<SocketAddress>::failure(QStringLiteral("no route"));
            }
            return *SocketAddress::fromText(QStringLiteral("198.51.100.9"));
        };
        const auto result = HelperArguments::gatewaySelector(gateway, local, routed);
        if (!badArgument.isEmpty()) {
            QVERIFY(!result);
            QVERIFY2(result.error().startsWith(badArgument + QLatin1String(": ")),
                     qPrintable(result.error()));
            return;
        }
        QVERIFY2(result, qPrintable(result.error()));
        QCOMPARE(result->src.toString(), expectedSource);
        QCOMPARE(result->dst.toString(), gateway);
        const int width = result->dst.family() == SocketAddress::Family::Inet6 ? 128 : 32;
        QCOMPARE(int(result->prefs), width);
        QCOMPARE(int(result->prefd), width);
    }

    void disconnectSelector()
    {
        const auto v4 = HelperArguments::disconnectSelector(QStringLiteral("192.0.2.1"));
        QVERIFY(v4);
        QCOMPARE(v4->src, SocketAddress::ipv4({0, 0, 0, 0}));
        const auto v6 = HelperArguments::disconnectSelector(QStringLiteral("2001:db8::1"));
        QVERIFY(v6);
        QCOMPARE(v6->src.family(), SocketAddress::Family::Inet6);
        const auto bad = HelperArguments::disconnectSelector(QStringLiteral("/run/racoon/racoon.sock"));
        QVERIFY(!bad);
        QVERIFY(bad.error().startsWith(QLatin1String("gateway: ")));
    }

    void names_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("remote empty") << "remote"
                                      << "" << true;
        QTest::newRow("remote name") << "remote"
                                     << "lab-gateway" << true;
        QTest::newRow("remote utf8") << "remote" << QString::fromUtf8("büro") << true;
        QTest::newRow("remote newline") << "remote"
                                        << "lab\ngateway" << false;
        QTest::newRow("remote DEL") << "remote" << QStringLiteral("a\x7f") << false;
        QTest::newRow("remote 255") << "remote" << QString(255, QLatin1Char('r')) << true;
        QTest::newRow("remote 256") << "remote" << QString(256, QLatin1Char('r')) << false;
        QTest::newRow("xauth empty") << "xauth"
                                     << "" << false;
        QTest::newRow("xauth mail") << "xauth"
                                    << "alice@example.com" << true;
        QTest::newRow("xauth tab") << "xauth"
                                   << "alice\tx" << false;
        QTest::newRow("logout 30") << "logout" << QString(30, QLatin1Char('u')) << true;
        QTest::newRow("logout 31") << "logout" << QString(31, QLatin1Char('u')) << false;
        QTest::newRow("logout empty") << "logout"
                                      << "" << false;
    }
    void names()
    {
        QFETCH(QString, kind);
        QFETCH(QString, value);
        QFETCH(bool, accepted);
        const QString argument = QStringLiteral("arg") + kind;
        Result<QByteArray> result = Result<QByteArray>::failure(QString());
        if (kind == QLatin1String("remote")) {
            result = HelperArguments::remoteName(argument, value);
        } else if (kind == QLatin1String("xauth")) {
            result = HelperArguments::xauthLogin(argument, value);
        } else {
            result = HelperArguments::logoutLogin(argument, value);
        }
        QCOMPARE(result.ok(), accepted);
        if (accepted) {
            QCOMPARE(*result, value.toUtf8());
        } else {
            QVERIFY2(result.error().startsWith(argument + QLatin1String(": ")), qPrintable(result.error()));
        }
    }

    void password_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("plain") << QByteArray("labpass") << true;
        QTest::newRow("1024") << QByteArray(1024, 'p') << true;
        QTest::newRow("1025") << QByteArray(1025, 'p') << false;
        QTest::newRow("embedded NUL") << QByteArray("lab\0pass", 8) << false;
    }
    void password()
    {
        QFETCH(QByteArray, password);
        QFETCH(bool, accepted);
        const QString problem = HelperArguments::passwordProblem(QStringLiteral("password"), password);
        QCOMPARE(problem.isEmpty(), accepted);
        if (!accepted) {
            QVERIFY(problem.startsWith(QLatin1String("password: ")));
            QVERIFY2(!problem.contains(QString::fromLatin1(password.left(3))),
                     "the password must not be quoted");
        }
    }

    void statusFormat()
    {
        QCOMPARE(int(*HelperArguments::statusFormat(QStringLiteral("format"), QStringLiteral("text"))),
                 int(StatusFormat::Text));
        QCOMPARE(int(*HelperArguments::statusFormat(QStringLiteral("format"), QStringLiteral("json"))),
                 int(StatusFormat::Json));
        const auto bad = HelperArguments::statusFormat(QStringLiteral("format"), QStringLiteral("xml"));
        QVERIFY(!bad);
        QVERIFY(bad.error().startsWith(QLatin1String("format: ")));
    }
};

QTEST_GUILESS_MAIN(TestHelperArguments)
#include "tst_helperarguments.moc"
