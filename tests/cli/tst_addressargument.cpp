// SRC/DST words of racoonctl (ADMIN-PROTOCOL.md §6 and §12.2 items 4-6), and the vpn-connect source lookup.
#include "cli/AddressArgument.h"
#include "core/client/SourceAddress.h"

#include <QtTest>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using qracoon::SocketAddress;
using qracoon::cli::AddressArgument;

Q_DECLARE_METATYPE(SocketAddress::Family)

class TestAddressArgument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSyntax_data();
    void parsesSyntax();
    void rejectsBadSyntax_data();
    void rejectsBadSyntax();
    void literalFamily_data();
    void literalFamily();
    void resolves_data();
    void resolves();
    void refusesWrongFamilyOrPrefix_data();
    void refusesWrongFamilyOrPrefix();
    void findsSourceAddressTowardLoopback();
    void findsSourceAddressTowardIpv6Loopback();
    void refusesNonIpDestination();
};

void TestAddressArgument::parsesSyntax_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("prefix"); // -1: none given
    QTest::addColumn<QString>("port");

    QTest::newRow("address") << "192.0.2.1"
                             << "192.0.2.1" << -1 << "";
    QTest::newRow("prefix") << "192.0.2.0/24"
                            << "192.0.2.0" << 24 << "";
    QTest::newRow("prefix zero") << "0.0.0.0/0"
                                 << "0.0.0.0" << 0 << "";
    QTest::newRow("prefix and port") << "192.0.2.0/24[500]"
                                     << "192.0.2.0" << 24 << "500";
    QTest::newRow("port without prefix") << "192.0.2.1[4500]"
                                         << "192.0.2.1" << -1 << "4500";
    QTest::newRow("manual prefix/port") << "192.0.2.0/24/1701"
                                        << "192.0.2.0" << 24 << "1701";
    QTest::newRow("inet6 prefix and port") << "2001:db8::/48[443]"
                                           << "2001:db8::" << 48 << "443";
    QTest::newRow("inet6 prefix 128") << "2001:db8::1/128"
                                      << "2001:db8::1" << 128 << "";
    QTest::newRow("inet6 zone") << "fe80::1%lo"
                                << "fe80::1%lo" << -1 << "";
    QTest::newRow("service name") << "gw.example.org[isakmp]"
                                  << "gw.example.org" << -1 << "isakmp";
    QTest::newRow("port 65535") << "192.0.2.1[65535]"
                                << "192.0.2.1" << -1 << "65535";
    QTest::newRow("port 0") << "192.0.2.1/32[0]"
                            << "192.0.2.1" << 32 << "0";
}

void TestAddressArgument::parsesSyntax()
{
    QFETCH(QString, word);
    QFETCH(QString, host);
    QFETCH(int, prefix);
    QFETCH(QString, port);
    const auto parsed = AddressArgument::parse(word);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->word(), word);
    QCOMPARE(parsed->host(), host);
    QCOMPARE(parsed->prefix().value_or(-1), prefix);
    QCOMPARE(parsed->port(), port);
}

void TestAddressArgument::rejectsBadSyntax_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("mentions"); // the message must contain this

    QTest::newRow("empty") << ""
                           << "missing address";
    QTest::newRow("prefix only") << "/24"
                                 << "/24";
    QTest::newRow("port only") << "[500]"
                               << "[500]";
    QTest::newRow("slash last") << "192.0.2.1/"
                                << "192.0.2.1/";
    QTest::newRow("bracket last") << "192.0.2.1["
                                  << "192.0.2.1[";
    QTest::newRow("empty port") << "192.0.2.1[]"
                                << "192.0.2.1[]";
    QTest::newRow("unterminated port") << "192.0.2.0/24[500"
                                       << "192.0.2.0/24[500";
    QTest::newRow("text after port") << "192.0.2.1[500]x"
                                     << "192.0.2.1[500]x";
    QTest::newRow("prefix not numeric") << "192.0.2.0/abc"
                                        << "abc";
    QTest::newRow("prefix negative") << "192.0.2.0/-1"
                                     << "192.0.2.0/-1";
    QTest::newRow("prefix with sign") << "192.0.2.0/+8"
                                      << "192.0.2.0/+8";
    QTest::newRow("prefix 300") << "192.0.2.0/300"
                                << "300";
    QTest::newRow("prefix huge") << "192.0.2.0/99999999999999999999"
                                 << "99999999999999999999";
    QTest::newRow("empty prefix before port") << "192.0.2.0/[500]"
                                              << "192.0.2.0/[500]";
    QTest::newRow("port 65536") << "192.0.2.1[65536]"
                                << "65536";
    QTest::newRow("port huge") << "192.0.2.1/32[99999999999]"
                               << "99999999999";
    QTest::newRow("manual form, empty port") << "192.0.2.0/24/"
                                             << "192.0.2.0/24/";
    QTest::newRow("manual form, bad prefix") << "192.0.2.0/x/500"
                                             << "192.0.2.0/x/500";
}

void TestAddressArgument::rejectsBadSyntax()
{
    QFETCH(QString, word);
    QFETCH(QString, mentions);
    const auto parsed = AddressArgument::parse(word);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(mentions), qPrintable(parsed.error()));
}

void TestAddressArgument::literalFamily_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<SocketAddress::Family>("family");
    QTest::newRow("inet") << "192.0.2.1/24" << SocketAddress::Family::Inet;
    QTest::newRow("inet6") << "2001:db8::1[500]" << SocketAddress::Family::Inet6;
    QTest::newRow("name") << "localhost" << SocketAddress::Family::Unspec;
}

void TestAddressArgument::literalFamily()
{
    QFETCH(QString, word);
    QFETCH(SocketAddress::Family, family);
    const auto parsed = AddressArgument::parse(word);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->literalFamily(), family);
}

void TestAddressArgument::resolves_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<SocketAddress::Family>("family");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("prefix");

    const auto inet = SocketAddress::Family::Inet;
    const auto inet6 = SocketAddress::Family::Inet6;
    const auto any = SocketAddress::Family::Unspec;
    QTest::newRow("inet default prefix") << "192.0.2.1" << inet << "192.0.2.1" << 0 << 32;
    QTest::newRow("inet6 default prefix is 128") << "2001:db8::1" << inet6 << "2001:db8::1" << 0 << 128;
    QTest::newRow("inet prefix and port") << "192.0.2.0/24[1701]" << inet << "192.0.2.0" << 1701 << 24;
    QTest::newRow("inet port only") << "192.0.2.1[4500]" << inet << "192.0.2.1" << 4500 << 32;
    QTest::newRow("manual prefix/port") << "198.51.100.0/24/500" << inet << "198.51.100.0" << 500 << 24;
    QTest::newRow("inet6 prefix and port") << "2001:db8:2::/64[443]" << inet6 << "2001:db8:2::" << 443 << 64;
    QTest::newRow("inet6 prefix 128") << "2001:db8::/128" << inet6 << "2001:db8::" << 0 << 128;
    QTest::newRow("inet prefix 32") << "192.0.2.1/32" << inet << "192.0.2.1" << 0 << 32;
    QTest::newRow("unspec takes the literal") << "2001:db8::5" << any << "2001:db8::5" << 0 << 128;
    QTest::newRow("host name") << "localhost" << inet << "127.0.0.1" << 0 << 32;
    QTest::newRow("service isakmp (udp only)") << "192.0.2.1[isakmp]" << inet << "192.0.2.1" << 500 << 32;
    QTest::newRow("service ipsec-nat-t") << "192.0.2.1/32[ipsec-nat-t]" << inet << "192.0.2.1" << 4500 << 32;
}

void TestAddressArgument::resolves()
{
    QFETCH(QString, word);
    QFETCH(SocketAddress::Family, family);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(int, prefix);
    const auto parsed = AddressArgument::parse(word);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    const auto resolved = parsed->resolve(family);
    QVERIFY2(resolved.ok(), qPrintable(resolved.error()));
    QCOMPARE(resolved->address.toString(), address);
    QCOMPARE(int(resolved->address.port()), port);
    QCOMPARE(int(resolved->prefix), prefix);
}

void TestAddressArgument::refusesWrongFamilyOrPrefix_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<SocketAddress::Family>("family");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("inet6 literal as inet") << "2001:db8::1" << SocketAddress::Family::Inet << "2001:db8::1";
    QTest::newRow("inet literal as inet6") << "192.0.2.1" << SocketAddress::Family::Inet6 << "192.0.2.1";
    QTest::newRow("prefix 33 for inet") << "192.0.2.0/33" << SocketAddress::Family::Inet << "192.0.2.0/33";
    QTest::newRow("prefix 129 for inet6")
        << "2001:db8::/129" << SocketAddress::Family::Inet6 << "2001:db8::/129";
    QTest::newRow("unknown service") << "192.0.2.1[no-such-service-qracoon]" << SocketAddress::Family::Inet
                                     << "no-such-service-qracoon";
}

void TestAddressArgument::refusesWrongFamilyOrPrefix()
{
    QFETCH(QString, word);
    QFETCH(SocketAddress::Family, family);
    QFETCH(QString, mentions);
    const auto parsed = AddressArgument::parse(word);
    if (!parsed.ok()) {
        QVERIFY2(parsed.error().contains(mentions), qPrintable(parsed.error()));
        return;
    }
    const auto resolved = parsed->resolve(family);
    QVERIFY(!resolved.ok());
    QVERIFY2(resolved.error().contains(mentions), qPrintable(resolved.error()));
}

void TestAddressArgument::findsSourceAddressTowardLoopback()
{
    const auto source =
        qracoon::sourceAddressToward(*SocketAddress::fromText(QStringLiteral("127.0.0.1")));
    QVERIFY2(source.ok(), qPrintable(source.error()));
    QCOMPARE(source->toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(int(source->port()), 0);
}

// Hosts without IPv6 exist (containers with it disabled): then the lookup must fail with a message
// instead of inventing an address.
void TestAddressArgument::findsSourceAddressTowardIpv6Loopback()
{
    const int probe = ::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in6 loopback{};
    loopback.sin6_family = AF_INET6;
    loopback.sin6_addr = in6addr_loopback;
    const bool haveIpv6 =
        probe >= 0 && ::bind(probe, reinterpret_cast<const sockaddr*>(&loopback), sizeof loopback) == 0;
    if (probe >= 0) {
        ::close(probe);
    }
    const auto source = qracoon::sourceAddressToward(*SocketAddress::fromText(QStringLiteral("::1")));
    if (haveIpv6) {
        QVERIFY2(source.ok(), qPrintable(source.error()));
        QCOMPARE(source->toString(), QStringLiteral("::1"));
        QCOMPARE(int(source->port()), 0);
    } else {
        QVERIFY(!source.ok());
        QVERIFY2(source.error().contains(QLatin1String("cannot find source address")),
                 qPrintable(source.error()));
    }
}

void TestAddressArgument::refusesNonIpDestination()
{
    const auto source = qracoon::sourceAddressToward(SocketAddress());
    QVERIFY(!source.ok());
    QVERIFY(source.error().contains(QLatin1String("source address")));
}

QTEST_GUILESS_MAIN(TestAddressArgument)
#include "tst_addressargument.moc"
