// racoonctl's argv -> planned requests (ADMIN-PROTOCOL.md §9, §11, §12), checked against the golden vectors.
#include "cli/CommandLine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace qracoon;
using qracoon::cli::Invocation;
using qracoon::cli::ParseOutcome;
using qracoon::cli::PlannedRequest;
using qracoon::cli::WaitFor;

namespace {

// Words separated by single spaces; "<empty>" stands for an empty argument.
QStringList words(const QString& line)
{
    QStringList out;
    if (line.isEmpty()) {
        return out;
    }
    for (const QString& w : line.split(QLatin1Char(' '))) {
        out << (w == QLatin1String("<empty>") ? QString() : w);
    }
    return out;
}

ParseOutcome parse(const QString& line)
{
    return cli::parseCommandLine(words(line), QStringLiteral("racoonctl"));
}

QString commandName(std::uint16_t command)
{
    switch (command) {
    case AdminCommand::ReloadConf:
        return QStringLiteral("ReloadConf");
    case AdminCommand::ShowSched:
        return QStringLiteral("ShowSched");
    case AdminCommand::ShowEvt:
        return QStringLiteral("ShowEvt");
    case AdminCommand::ShowSa:
        return QStringLiteral("ShowSa");
    case AdminCommand::FlushSa:
        return QStringLiteral("FlushSa");
    case AdminCommand::Status:
        return QStringLiteral("Status");
    case AdminCommand::StatusVerbose:
        return QStringLiteral("StatusVerbose");
    case AdminCommand::DeleteSa:
        return QStringLiteral("DeleteSa");
    case AdminCommand::EstablishSa:
        return QStringLiteral("EstablishSa");
    case AdminCommand::EstablishSaPsk:
        return QStringLiteral("EstablishSaPsk");
    case AdminCommand::DeleteAllSaDst:
        return QStringLiteral("DeleteAllSaDst");
    case AdminCommand::LogoutUser:
        return QStringLiteral("LogoutUser");
    case AdminCommand::GetSaCert:
        return QStringLiteral("GetSaCert");
    default:
        return QString::number(command, 16);
    }
}

QString protoName(const PlannedRequest& r)
{
    if (r.command == AdminCommand::Status || r.command == AdminCommand::StatusVerbose) {
        return r.proto == StatusFormat::Json ? QStringLiteral("json") : QStringLiteral("text");
    }
    switch (r.proto) {
    case AdminProto::None:
        return QStringLiteral("-");
    case AdminProto::Isakmp:
        return QStringLiteral("isakmp");
    case AdminProto::Ipsec:
        return QStringLiteral("ipsec");
    case AdminProto::Ah:
        return QStringLiteral("ah");
    case AdminProto::Esp:
        return QStringLiteral("esp");
    case AdminProto::Internal:
        return QStringLiteral("internal");
    default:
        return QString::number(r.proto, 16);
    }
}

QString waitName(WaitFor wait)
{
    switch (wait) {
    case WaitFor::Nothing:
        return QString();
    case WaitFor::ModeCfg:
        return QStringLiteral("ModeCfg");
    case WaitFor::Phase2Up:
        return QStringLiteral("Phase2Up");
    case WaitFor::Phase1Down:
        return QStringLiteral("Phase1Down");
    case WaitFor::Forever:
        return QStringLiteral("Forever");
    }
    return QStringLiteral("?");
}

// "EstablishSa isakmp 192.0.2.10/32[0] 203.0.113.5/32[0] ul=0 name=x id=y login=z wait=ModeCfg what=..."
QString describe(const PlannedRequest& r)
{
    QString s = commandName(r.command) + QLatin1Char(' ') + protoName(r);
    if (r.selector) {
        const SaSelector& sel = *r.selector;
        s += QStringLiteral(" %1/%2[%3] %4/%5[%6] ul=%7")
                 .arg(sel.src.toString(), QString::number(sel.prefs), QString::number(sel.src.port()),
                      sel.dst.toString(), QString::number(sel.prefd), QString::number(sel.dst.port()),
                      QString::number(sel.ulProto));
    }
    if (!r.remoteName.isEmpty()) {
        s += QStringLiteral(" name=") + QString::fromLocal8Bit(r.remoteName);
    }
    if (!r.identity.isEmpty()) {
        s += QStringLiteral(" id=") + QString::fromLocal8Bit(r.identity);
    }
    if (!r.login.isEmpty()) {
        s += QStringLiteral(" login=") + QString::fromLocal8Bit(r.login);
    }
    if (r.wait != WaitFor::Nothing) {
        s += QStringLiteral(" wait=") + waitName(r.wait);
    }
    if (!r.what.isEmpty()) {
        s += QStringLiteral(" what=") + r.what;
    }
    return s;
}

QString describe(const Invocation& invocation)
{
    QStringList parts;
    for (const PlannedRequest& r : invocation.requests) {
        parts << describe(r);
    }
    return parts.join(QStringLiteral(" | "));
}

// What the runner does with a planned request (src/cli/CommandRunner.cpp), so the vector test covers the
// whole path from argv to bytes.
Result<AdminRequest> encode(const PlannedRequest& r, const std::string& password)
{
    if (!r.identity.isEmpty()) {
        return AdminRequest::establishWithCredentials(r.proto, r.selector.value_or(SaSelector{}), r.identity,
                                                      password);
    }
    if (r.command == AdminCommand::EstablishSa) {
        return AdminRequest::establish(r.proto, r.selector.value_or(SaSelector{}), r.remoteName);
    }
    if (r.command == AdminCommand::LogoutUser) {
        return AdminRequest::logoutUser(r.login);
    }
    if (r.selector) {
        return AdminRequest::withIndexes(r.command, r.proto, *r.selector);
    }
    return AdminRequest::simple(r.command, r.proto);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void globalOptions_data();
    void globalOptions();
    void usageErrors_data();
    void usageErrors();
    void helpAndVersion_data();
    void helpAndVersion();
    void usageNamesEveryCommand();
    void socketPathLength();
    void messagesUseTheProgramBaseName();
    void requests_data();
    void requests();
    void warnings_data();
    void warnings();
    void errors_data();
    void errors();
    void vectors_data();
    void vectors();
};

void TestCommandLine::globalOptions_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("debug");
    QTest::addColumn<int>("verbosity");
    QTest::addColumn<QString>("socket");

    QTest::newRow("none") << "ss isakmp" << false << 0 << "";
    QTest::newRow("-d") << "-d ss isakmp" << true << 0 << "";
    QTest::newRow("-l") << "-l ss isakmp" << false << 1 << "";
    QTest::newRow("-ll") << "-ll ss isakmp" << false << 2 << "";
    QTest::newRow("-l -l -l") << "-l -l -l ss isakmp" << false << 3 << "";
    QTest::newRow("-dl") << "-dl ss isakmp" << true << 1 << "";
    QTest::newRow("-ld -l") << "-ld -l ss isakmp" << true << 2 << "";
    QTest::newRow("-s path") << "-s /tmp/r.sock ss isakmp" << false << 0 << "/tmp/r.sock";
    QTest::newRow("-spath") << "-s/tmp/r.sock ss isakmp" << false << 0 << "/tmp/r.sock";
    QTest::newRow("-dls path") << "-dls /tmp/r.sock ss isakmp" << true << 1 << "/tmp/r.sock";
    QTest::newRow("-lsPATH") << "-ls/tmp/r.sock -d ss isakmp" << true << 1 << "/tmp/r.sock";
    QTest::newRow("last -s wins") << "-s /a -s /b ss isakmp" << false << 0 << "/b";
    QTest::newRow("-s takes the next word") << "-s -d ss isakmp" << false << 0 << "-d";
    QTest::newRow("--") << "-d -- ss isakmp" << true << 0 << "";
}

void TestCommandLine::globalOptions()
{
    QFETCH(QString, line);
    QFETCH(bool, debug);
    QFETCH(int, verbosity);
    QFETCH(QString, socket);
    const ParseOutcome out = parse(line);
    QVERIFY2(out.invocation.has_value(), out.stderrText.constData());
    QCOMPARE(out.invocation->action, Invocation::Action::Run);
    QCOMPARE(out.invocation->debug, debug);
    QCOMPARE(out.invocation->verbosity, verbosity);
    QCOMPARE(out.invocation->socketPath, socket);
    QCOMPARE(describe(*out.invocation), QStringLiteral("ShowSa isakmp"));
    QCOMPARE(out.stdoutText, QByteArray());
    QCOMPARE(out.stderrText, QByteArray());
    QCOMPARE(out.exitCode, 0);
}

void TestCommandLine::usageErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("invalid option") << "-x ss isakmp"
                                    << "invalid option -- 'x'";
    QTest::newRow("invalid option in cluster") << "-dx ss isakmp"
                                               << "invalid option -- 'x'";
    QTest::newRow("-s without argument") << "-s"
                                         << "option requires an argument -- 's'";
    QTest::newRow("-ds without argument") << "-ds"
                                          << "option requires an argument -- 's'";
    QTest::newRow("no command") << ""
                                << "no command";
    QTest::newRow("options only") << "-d -l"
                                  << "no command";
    QTest::newRow("unknown long option") << "--frobnicate ss isakmp"
                                         << "unrecognized option '--frobnicate'";
}

void TestCommandLine::usageErrors()
{
    QFETCH(QString, line);
    QFETCH(QString, mentions);
    const ParseOutcome out = parse(line);
    QVERIFY(!out.invocation.has_value());
    QCOMPARE(out.exitCode, 1);
    QCOMPARE(out.stdoutText,
             QByteArray()); // the reference printed usage on stdout with exit 0 (§12.1 item 6)
    const QString err = QString::fromLocal8Bit(out.stderrText);
    QVERIFY2(err.startsWith(QStringLiteral("racoonctl: ") + mentions), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("\nUsage:\n")), qPrintable(err));
}

void TestCommandLine::helpAndVersion_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("version");

    QTest::newRow("-h") << "-h" << false;
    QTest::newRow("--help") << "--help" << false;
    QTest::newRow("-dh") << "-dh" << false;
    QTest::newRow("--help before a command") << "-d --help ss isakmp" << false;
    QTest::newRow("--version") << "--version" << true;
    QTest::newRow("--version after -l") << "-l --version" << true;
}

void TestCommandLine::helpAndVersion()
{
    QFETCH(QString, line);
    QFETCH(bool, version);
    const ParseOutcome out = parse(line);
    QVERIFY(out.invocation.has_value());
    QCOMPARE(out.invocation->action, version ? Invocation::Action::Version : Invocation::Action::Help);
    QVERIFY(out.invocation->requests.empty());
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(out.stderrText, QByteArray());
    if (version) {
        QVERIFY2(QRegularExpression(QStringLiteral("^racoonctl \\(qracoon\\) \\d+\\.\\d+\\.\\d+\n$"))
                     .match(QString::fromLocal8Bit(out.stdoutText))
                     .hasMatch(),
                 out.stdoutText.constData());
    } else {
        QVERIFY(out.stdoutText.startsWith("Usage:\n  racoonctl [-d] [-l]... [-s SOCKET] COMMAND"));
    }
}

void TestCommandLine::usageNamesEveryCommand()
{
    const QString usage = QString::fromLocal8Bit(parse(QStringLiteral("--help")).stdoutText);
    const char* const names[] = {
        "reload-config (rc)",         "show-schedule (sc)",      "show-sa (ss)",      "flush-sa (fs)",
        "get-sa-cert (get-cert, gc)", "delete-sa (ds)",          "establish-sa (es)", "vpn-connect (vc)",
        "vpn-disconnect (vd)",        "show-event (se)",         "logout-user (lu)",  "status (st)",
        "/var/racoon/racoon.sock",    "/run/racoon/racoon.sock", "ADDR/PREFIX[PORT]"};
    for (const char* name : names) {
        QVERIFY2(usage.contains(QLatin1String(name)), name);
    }
}

void TestCommandLine::socketPathLength()
{
    const QString fits = QLatin1Char('/') + QString(106, QLatin1Char('s'));
    QCOMPARE(fits.size(), 107);
    ParseOutcome out = cli::parseCommandLine({QStringLiteral("-s"), fits, QStringLiteral("sc")},
                                             QStringLiteral("racoonctl"));
    QVERIFY(out.invocation.has_value());
    QCOMPARE(out.invocation->socketPath, fits);

    const QString tooLong = fits + QLatin1Char('s');
    out = cli::parseCommandLine({QStringLiteral("-s"), tooLong, QStringLiteral("sc")},
                                QStringLiteral("racoonctl"));
    QVERIFY(!out.invocation.has_value());
    QCOMPARE(out.exitCode, 1);
    QVERIFY2(out.stderrText.contains("too long") && out.stderrText.contains(tooLong.toLocal8Bit()),
             out.stderrText.constData());

    out = cli::parseCommandLine({QStringLiteral("-s"), QString(), QStringLiteral("sc")},
                                QStringLiteral("racoonctl"));
    QVERIFY(!out.invocation.has_value());
    QCOMPARE(out.exitCode, 1);
    QVERIFY(out.stderrText.contains("empty"));
}

void TestCommandLine::messagesUseTheProgramBaseName()
{
    const ParseOutcome out = cli::parseCommandLine({QStringLiteral("se"), QStringLiteral("now")},
                                                   QStringLiteral("/usr/sbin/racoonctl"));
    QVERIFY(out.stderrText.startsWith("racoonctl: too many arguments"));
    QVERIFY(out.stderrText.endsWith('\n'));
}

void TestCommandLine::requests_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");

    const QString v4 = QStringLiteral("192.0.2.10/32[0] 203.0.113.5/32[0] ul=0");
    const QString loop = QStringLiteral("127.0.0.1/32[0] 127.0.0.1/32[0] ul=0");

    QTest::newRow("reload-config") << "reload-config"
                                   << "ReloadConf -";
    QTest::newRow("rc") << "rc"
                        << "ReloadConf -";
    QTest::newRow("show-schedule") << "show-schedule"
                                   << "ShowSched -";
    QTest::newRow("sc") << "sc"
                        << "ShowSched -";

    QTest::newRow("show-sa without class") << "show-sa"
                                           << "ShowSa isakmp what=ISAKMP SAs | ShowSa ipsec what=IPsec SAs";
    QTest::newRow("ss isakmp") << "ss isakmp"
                               << "ShowSa isakmp";
    QTest::newRow("ss esp") << "ss esp"
                            << "ShowSa esp";
    QTest::newRow("ss ah") << "ss ah"
                           << "ShowSa ah";
    QTest::newRow("show-sa ipsec") << "show-sa ipsec"
                                   << "ShowSa ipsec";
    QTest::newRow("ss internal") << "ss internal"
                                 << "ShowSa internal";
    QTest::newRow("flush-sa without class")
        << "flush-sa"
        << "FlushSa isakmp what=ISAKMP SAs | FlushSa ipsec what=IPsec SAs";
    QTest::newRow("fs isakmp") << "fs isakmp"
                               << "FlushSa isakmp";
    QTest::newRow("flush-sa esp") << "flush-sa esp"
                                  << "FlushSa esp";
    QTest::newRow("fs ah") << "fs ah"
                           << "FlushSa ah";
    QTest::newRow("fs ipsec") << "fs ipsec"
                              << "FlushSa ipsec";
    QTest::newRow("fs internal") << "fs internal"
                                 << "FlushSa internal";

    QTest::newRow("get-sa-cert inet")
        << "get-sa-cert inet 192.0.2.10 203.0.113.5" << QStringLiteral("GetSaCert isakmp ") + v4;
    QTest::newRow("get-cert inet") << "get-cert inet 192.0.2.10 203.0.113.5"
                                   << QStringLiteral("GetSaCert isakmp ") + v4;
    QTest::newRow("gc inet6 ports")
        << "gc inet6 2001:db8::10/128[500] 2001:db8:ffff::5/128[500]"
        << "GetSaCert isakmp 2001:db8::10/128[500] 2001:db8:ffff::5/128[500] ul=0";
    QTest::newRow("gc family inferred inet")
        << "gc 192.0.2.10 203.0.113.5" << QStringLiteral("GetSaCert isakmp ") + v4;
    QTest::newRow("get-sa-cert family inferred inet6")
        << "get-sa-cert 2001:db8::10 2001:db8:ffff::5"
        << "GetSaCert isakmp 2001:db8::10/128[0] 2001:db8:ffff::5/128[0] ul=0";
    QTest::newRow("gc family from DST literal, SRC a name")
        << "gc localhost 192.0.2.1"
        << "GetSaCert isakmp 127.0.0.1/32[0] 192.0.2.1/32[0] ul=0";
    QTest::newRow("gc family inferred with ul_proto")
        << "gc 192.0.2.10 203.0.113.5 tcp"
        << "GetSaCert isakmp 192.0.2.10/32[0] 203.0.113.5/32[0] ul=6";
    QTest::newRow("gc inet with ul_proto") << "gc inet 192.0.2.10 203.0.113.5 udp"
                                           << "GetSaCert isakmp 192.0.2.10/32[0] 203.0.113.5/32[0] ul=17";

    QTest::newRow("delete-sa isakmp")
        << "delete-sa isakmp inet 192.0.2.10 203.0.113.5" << QStringLiteral("DeleteSa isakmp ") + v4;
    QTest::newRow("ds esp prefixes any") << "ds esp inet 192.0.2.0/24 198.51.100.0/24 any"
                                         << "DeleteSa esp 192.0.2.0/24[0] 198.51.100.0/24[0] ul=0";
    QTest::newRow("ds ah inet6 manual port form")
        << "ds ah inet6 2001:db8::/32[0] 2001:db8:1::/48/500 udp"
        << "DeleteSa ah 2001:db8::/32[0] 2001:db8:1::/48[500] ul=17";
    QTest::newRow("ds esp port without prefix") << "ds esp inet 192.0.2.1[1701] 192.0.2.2 gre"
                                                << "DeleteSa esp 192.0.2.1/32[1701] 192.0.2.2/32[0] ul=47";
    QTest::newRow("ds icmp") << "ds esp inet 192.0.2.1 192.0.2.2 icmp"
                             << "DeleteSa esp 192.0.2.1/32[0] 192.0.2.2/32[0] ul=1";
    QTest::newRow("ds numeric ul_proto") << "ds esp inet 192.0.2.1 192.0.2.2 255"
                                         << "DeleteSa esp 192.0.2.1/32[0] 192.0.2.2/32[0] ul=255";

    QTest::newRow("establish-sa isakmp")
        << "establish-sa isakmp inet 192.0.2.10 203.0.113.5" << QStringLiteral("EstablishSa isakmp ") + v4;
    QTest::newRow("es -w isakmp") << "es -w isakmp inet 192.0.2.10 203.0.113.5"
                                  << QStringLiteral("EstablishSa isakmp ") + v4 +
                                         QStringLiteral(" wait=ModeCfg");
    QTest::newRow("es -w esp") << "es -w esp inet 192.0.2.10 203.0.113.5"
                               << QStringLiteral("EstablishSa esp ") + v4 + QStringLiteral(" wait=Phase2Up");
    QTest::newRow("es -w ah") << "es -w ah inet 192.0.2.10 203.0.113.5"
                              << QStringLiteral("EstablishSa ah ") + v4 + QStringLiteral(" wait=Phase2Up");
    QTest::newRow("es -n isakmp") << "es -n office isakmp inet 192.0.2.10 203.0.113.5"
                                  << QStringLiteral("EstablishSa isakmp ") + v4 +
                                         QStringLiteral(" name=office");
    QTest::newRow("es -n esp drops the name")
        << "es -n office esp inet 192.0.2.10 203.0.113.5" << QStringLiteral("EstablishSa esp ") + v4;
    QTest::newRow("es -u") << "es -u alice isakmp inet 192.0.2.10 203.0.113.5"
                           << QStringLiteral("EstablishSaPsk isakmp ") + v4 + QStringLiteral(" id=alice");
    QTest::newRow("es -u esp") << "es -u dave esp inet 192.0.2.0/24[0] 198.51.100.0/24[0] any"
                               << "EstablishSaPsk esp 192.0.2.0/24[0] 198.51.100.0/24[0] ul=0 id=dave";
    QTest::newRow("es manual order -w -n")
        << "es -w -n office isakmp inet 192.0.2.10 203.0.113.5"
        << QStringLiteral("EstablishSa isakmp ") + v4 + QStringLiteral(" name=office wait=ModeCfg");
    QTest::newRow("es reference order -u -w")
        << "es -u alice -w isakmp inet 192.0.2.10 203.0.113.5"
        << QStringLiteral("EstablishSaPsk isakmp ") + v4 + QStringLiteral(" id=alice wait=ModeCfg");
    QTest::newRow("es -n -w") << "es -n office -w isakmp inet 192.0.2.10 203.0.113.5"
                              << QStringLiteral("EstablishSa isakmp ") + v4 +
                                     QStringLiteral(" name=office wait=ModeCfg");
    QTest::newRow("es -w -u") << "es -w -u bob esp inet 192.0.2.10 203.0.113.5"
                              << QStringLiteral("EstablishSaPsk esp ") + v4 +
                                     QStringLiteral(" id=bob wait=Phase2Up");
    QTest::newRow("es esp ports udp") << "es esp inet 192.0.2.0/24[1701] 198.51.100.0/24[0] udp"
                                      << "EstablishSa esp 192.0.2.0/24[1701] 198.51.100.0/24[0] ul=17";
    QTest::newRow("es inet6 default prefix 128")
        << "es esp inet6 2001:db8::10 2001:db8:ffff::5 any"
        << "EstablishSa esp 2001:db8::10/128[0] 2001:db8:ffff::5/128[0] ul=0";
    QTest::newRow("es service port") << "es esp inet 192.0.2.1[isakmp] 192.0.2.2[ipsec-nat-t]"
                                     << "EstablishSa esp 192.0.2.1/32[500] 192.0.2.2/32[4500] ul=0";
    QTest::newRow("es host name") << "es isakmp inet localhost 192.0.2.2"
                                  << "EstablishSa isakmp 127.0.0.1/32[0] 192.0.2.2/32[0] ul=0";

    QTest::newRow("vpn-connect") << "vpn-connect 127.0.0.1"
                                 << QStringLiteral("EstablishSa isakmp ") + loop +
                                        QStringLiteral(" wait=ModeCfg");
    QTest::newRow("vc -u") << "vc -u bob 127.0.0.1"
                           << QStringLiteral("EstablishSaPsk isakmp ") + loop +
                                  QStringLiteral(" id=bob wait=ModeCfg");
    QTest::newRow("vc host name") << "vc localhost"
                                  << QStringLiteral("EstablishSa isakmp ") + loop +
                                         QStringLiteral(" wait=ModeCfg");
    QTest::newRow("vpn-disconnect")
        << "vpn-disconnect 203.0.113.5"
        << "DeleteAllSaDst isakmp 0.0.0.0/32[0] 203.0.113.5/32[0] ul=0 wait=Phase1Down";
    QTest::newRow("vd inet6") << "vd 2001:db8::5"
                              << "DeleteAllSaDst isakmp ::/128[0] 2001:db8::5/128[0] ul=0 wait=Phase1Down";

    QTest::newRow("show-event") << "show-event"
                                << "ShowEvt - wait=Forever";
    QTest::newRow("se") << "se"
                        << "ShowEvt - wait=Forever";

    QTest::newRow("logout-user") << "logout-user alice"
                                 << "LogoutUser - login=alice";
    QTest::newRow("lu") << "lu bob@example.com"
                        << "LogoutUser - login=bob@example.com";
    QTest::newRow("lu 30 characters")
        << QStringLiteral("lu ") + QString(30, QLatin1Char('a'))
        << QStringLiteral("LogoutUser - login=") + QString(30, QLatin1Char('a'));

    QTest::newRow("status") << "status"
                            << "Status text";
    QTest::newRow("st -v") << "st -v"
                           << "StatusVerbose text";
    QTest::newRow("status -f json") << "status -f json"
                                    << "Status json";
    QTest::newRow("st -f text") << "st -f text"
                                << "Status text";
    QTest::newRow("st --format=json -v") << "st --format=json -v"
                                         << "StatusVerbose json";
    QTest::newRow("st -v --format=json") << "st -v --format=json"
                                         << "StatusVerbose json";
    QTest::newRow("st last format wins") << "st -f json --format=text"
                                         << "Status text";
    QTest::newRow("st repeated flags") << "st -v -v -f text -f json"
                                       << "StatusVerbose json";
}

void TestCommandLine::requests()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    const ParseOutcome out = parse(line);
    QVERIFY2(out.invocation.has_value(), out.stderrText.constData());
    QCOMPARE(out.invocation->action, Invocation::Action::Run);
    QCOMPARE(describe(*out.invocation), expected);
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(out.stdoutText, QByteArray());
    QCOMPARE(out.stderrText, QByteArray());
}

void TestCommandLine::warnings_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("rc extra") << "rc now"
                              << "ReloadConf -"
                              << QStringList{QStringLiteral("Extra arguments"), QStringLiteral("now")};
    QTest::newRow("sc extra") << "sc all"
                              << "ShowSched -"
                              << QStringList{QStringLiteral("Extra arguments"), QStringLiteral("all")};
    QTest::newRow("vc extra") << "vc 127.0.0.1 extra"
                              << "EstablishSa isakmp 127.0.0.1/32[0] 127.0.0.1/32[0] ul=0 wait=ModeCfg"
                              << QStringList{QStringLiteral("Extra arguments"), QStringLiteral("extra")};
    QTest::newRow("vd extra") << "vd 203.0.113.5 more words"
                              << "DeleteAllSaDst isakmp 0.0.0.0/32[0] 203.0.113.5/32[0] ul=0 wait=Phase1Down"
                              << QStringList{QStringLiteral("Extra arguments"), QStringLiteral("more words")};
    QTest::newRow("lu extra") << "lu alice bob"
                              << "LogoutUser - login=alice"
                              << QStringList{QStringLiteral("Extra arguments"), QStringLiteral("bob")};
    QTest::newRow("es manual order -w -n -u")
        << "es -w -n office -u alice isakmp inet 192.0.2.10 203.0.113.5"
        << "EstablishSaPsk isakmp 192.0.2.10/32[0] 203.0.113.5/32[0] ul=0 id=alice wait=ModeCfg"
        << QStringList{QStringLiteral("warning"), QStringLiteral("office"), QStringLiteral("-u")};
    QTest::newRow("es reference order -u -n -w")
        << "es -u alice -n office -w isakmp inet 192.0.2.10 203.0.113.5"
        << "EstablishSaPsk isakmp 192.0.2.10/32[0] 203.0.113.5/32[0] ul=0 id=alice wait=ModeCfg"
        << QStringList{QStringLiteral("warning"), QStringLiteral("office"), QStringLiteral("-u")};
    QTest::newRow("es -n with -u") << "es -n office -u alice isakmp inet 192.0.2.10 203.0.113.5"
                                   << "EstablishSaPsk isakmp 192.0.2.10/32[0] 203.0.113.5/32[0] ul=0 id=alice"
                                   << QStringList{QStringLiteral("warning"), QStringLiteral("office"),
                                                  QStringLiteral("-u")};
}

void TestCommandLine::warnings()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    QFETCH(QStringList, mentions);
    const ParseOutcome out = parse(line);
    QVERIFY2(out.invocation.has_value(), out.stderrText.constData());
    QCOMPARE(describe(*out.invocation), expected);
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(out.stdoutText, QByteArray());
    const QString err = QString::fromLocal8Bit(out.stderrText);
    QVERIFY2(err.startsWith(QLatin1String("racoonctl: ")) && err.endsWith(QLatin1Char('\n')),
             qPrintable(err));
    for (const QString& m : mentions) {
        QVERIFY2(err.contains(m), qPrintable(err));
    }
}

void TestCommandLine::errors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("stdoutText");
    QTest::addColumn<QString>("mentions");

    const QString login31(31, QLatin1Char('b'));
    QTest::newRow("unknown command") << "frobnicate"
                                     << "Invalid command [frobnicate]\n"
                                     << "frobnicate";
    QTest::newRow("command words are exact") << "show-sas isakmp"
                                             << "Invalid command [show-sas]\n"
                                             << "show-sas";
    QTest::newRow("lone dash") << "-"
                               << "Invalid command [-]\n"
                               << "-";

    QTest::newRow("ss option after command") << "ss -l isakmp"
                                             << ""
                                             << "-l isakmp";
    QTest::newRow("ss two classes") << "ss esp ah"
                                    << ""
                                    << "esp ah";
    QTest::newRow("ss unknown class") << "show-sa isakmp2"
                                      << ""
                                      << "unknown protocol isakmp2";
    QTest::newRow("fs unknown class") << "fs all"
                                      << ""
                                      << "unknown protocol all";
    QTest::newRow("fs two classes") << "flush-sa isakmp ipsec"
                                    << ""
                                    << "isakmp ipsec";

    QTest::newRow("gc nothing") << "gc"
                                << ""
                                << "insufficient arguments";
    QTest::newRow("gc family only") << "gc inet"
                                    << ""
                                    << "insufficient arguments";
    QTest::newRow("gc one address") << "gc inet 192.0.2.1"
                                    << ""
                                    << "insufficient arguments";
    QTest::newRow("gc one address no family") << "get-cert 192.0.2.1"
                                              << ""
                                              << "insufficient arguments";
    QTest::newRow("gc too many") << "gc inet 192.0.2.1 192.0.2.2 tcp extra"
                                 << ""
                                 << "extra";
    QTest::newRow("gc mixed families") << "gc 192.0.2.1 2001:db8::1"
                                       << ""
                                       << "different address families";
    QTest::newRow("gc family mismatch") << "gc inet 192.0.2.1 2001:db8::1"
                                        << ""
                                        << "2001:db8::1";
    QTest::newRow("gc bad ul_proto") << "gc 192.0.2.1 192.0.2.2 sctp"
                                     << ""
                                     << "sctp";

    QTest::newRow("ds nothing") << "delete-sa"
                                << ""
                                << "insufficient arguments";
    QTest::newRow("ds ipsec") << "ds ipsec inet 192.0.2.10 203.0.113.5"
                              << ""
                              << "ipsec";
    QTest::newRow("ds internal") << "ds internal inet 192.0.2.10 203.0.113.5"
                                 << ""
                                 << "internal";
    QTest::newRow("ds unknown proto") << "ds foo inet 192.0.2.10 203.0.113.5"
                                      << ""
                                      << "unknown protocol foo";
    QTest::newRow("ds too few words") << "ds isakmp inet 192.0.2.10"
                                      << ""
                                      << "inet 192.0.2.10";
    QTest::newRow("ds proto only") << "ds esp"
                                   << ""
                                   << "esp";
    QTest::newRow("ds too many words") << "ds esp inet 192.0.2.1 192.0.2.2 any more"
                                       << ""
                                       << "more";
    QTest::newRow("ds bad family") << "ds isakmp inet4 192.0.2.10 203.0.113.5"
                                   << ""
                                   << "inet4";
    QTest::newRow("ds prefix too long for inet") << "ds esp inet 192.0.2.0/33 192.0.2.1"
                                                 << ""
                                                 << "192.0.2.0/33";
    QTest::newRow("ds prefix too long for inet6") << "ds esp inet6 2001:db8::/129 2001:db8::1"
                                                  << ""
                                                  << "2001:db8::/129";
    QTest::newRow("ds prefix not numeric") << "ds esp inet 192.0.2.1 192.0.2.0/abc"
                                           << ""
                                           << "192.0.2.0/abc";
    QTest::newRow("ds port out of range") << "ds esp inet 192.0.2.1[70000] 192.0.2.2"
                                          << ""
                                          << "70000";
    QTest::newRow("ds unknown service") << "ds esp inet 192.0.2.1[no-such-service-qracoon] 192.0.2.2"
                                        << ""
                                        << "no-such-service-qracoon";

    QTest::newRow("es nothing") << "establish-sa"
                                << ""
                                << "insufficient arguments";
    QTest::newRow("es -u without value") << "es -u"
                                         << ""
                                         << "-u";
    QTest::newRow("es -n without value") << "es -n"
                                         << ""
                                         << "-n";
    QTest::newRow("es -w only") << "es -w"
                                << ""
                                << "insufficient arguments";
    QTest::newRow("es empty identity") << "es -u <empty> isakmp inet 192.0.2.10 203.0.113.5"
                                       << ""
                                       << "-u";
    QTest::newRow("es empty remote name") << "es -n <empty> isakmp inet 192.0.2.10 203.0.113.5"
                                          << ""
                                          << "-n";
    const QString huge(65300, QLatin1Char('x'));
    QTest::newRow("es identity too long for a request")
        << QStringLiteral("es -u %1 isakmp inet 192.0.2.10 203.0.113.5").arg(huge) << ""
        << "too long";
    QTest::newRow("vc identity too long for a request")
        << QStringLiteral("vc -u %1 127.0.0.1").arg(huge) << ""
        << "too long";
    QTest::newRow("es remote name too long for a request")
        << QStringLiteral("es -n %1 isakmp inet 192.0.2.10 203.0.113.5").arg(huge) << ""
        << "too long";
    QTest::newRow("es unknown option") << "es -x isakmp inet 192.0.2.10 203.0.113.5"
                                       << ""
                                       << "-x";
    QTest::newRow("es ipsec") << "es ipsec inet 192.0.2.10 203.0.113.5"
                              << ""
                              << "ipsec";
    QTest::newRow("es -w internal") << "es -w internal inet 192.0.2.10 203.0.113.5"
                                    << ""
                                    << "internal";
    QTest::newRow("es bad family") << "es esp inet5 192.0.2.10 203.0.113.5"
                                   << ""
                                   << "inet5";
    QTest::newRow("es bad ul_proto") << "es esp inet 192.0.2.10 203.0.113.5 sctp"
                                     << ""
                                     << "sctp";
    QTest::newRow("es ul_proto 256") << "es esp inet 192.0.2.10 203.0.113.5 256"
                                     << ""
                                     << "256";
    QTest::newRow("es inet6 address as inet") << "es isakmp inet 2001:db8::1 203.0.113.5"
                                              << ""
                                              << "2001:db8::1";
    QTest::newRow("es unterminated port") << "es esp inet 192.0.2.0/24[500 203.0.113.5"
                                          << ""
                                          << "192.0.2.0/24[500";
    QTest::newRow("es text after port") << "es esp inet 192.0.2.0/24[500]x 203.0.113.5"
                                        << ""
                                        << "[500]x";
    QTest::newRow("es options after proto") << "es isakmp -w inet 192.0.2.10 203.0.113.5"
                                            << ""
                                            << "-w";

    QTest::newRow("vc nothing") << "vc"
                                << ""
                                << "VPN gateway required";
    QTest::newRow("vc -u without value") << "vc -u"
                                         << ""
                                         << "-u";
    QTest::newRow("vc -u without gateway") << "vpn-connect -u alice"
                                           << ""
                                           << "VPN gateway required";
    QTest::newRow("vd nothing") << "vd"
                                << ""
                                << "VPN gateway required";

    QTest::newRow("se with argument") << "se now"
                                      << ""
                                      << "now";
    QTest::newRow("lu nothing") << "logout-user"
                                << ""
                                << "insufficient arguments";
    QTest::newRow("lu 31 characters") << QStringLiteral("lu ") + login31 << ""
                                      << "bad login (too long?)";
    QTest::newRow("lu 32 characters") << QStringLiteral("lu ") + login31 + QStringLiteral("b") << ""
                                      << "bad login (too long?)";
    QTest::newRow("lu empty") << "lu <empty>"
                              << ""
                              << "bad login";

    QTest::newRow("st word") << "st all"
                             << ""
                             << "all";
    QTest::newRow("st unknown flag") << "st -x"
                                     << ""
                                     << "-x";
    QTest::newRow("st -f without format") << "status -f"
                                          << ""
                                          << "-f";
    QTest::newRow("st -f xml") << "st -f xml"
                               << ""
                               << "xml";
    QTest::newRow("st --format=xml") << "st --format=xml"
                                     << ""
                                     << "xml";
    QTest::newRow("st --format without value") << "st --format json"
                                               << ""
                                               << "--format";
}

void TestCommandLine::errors()
{
    QFETCH(QString, line);
    QFETCH(QString, stdoutText);
    QFETCH(QString, mentions);
    const ParseOutcome out = parse(line);
    QVERIFY(!out.invocation.has_value());
    QCOMPARE(out.exitCode, 1);
    QCOMPARE(QString::fromLocal8Bit(out.stdoutText), stdoutText);
    const QString err = QString::fromLocal8Bit(out.stderrText);
    QVERIFY2(err.startsWith(QLatin1String("racoonctl: ")) && err.endsWith(QLatin1Char('\n')),
             qPrintable(err));
    QVERIFY2(err.contains(mentions), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1String("Usage:")), qPrintable(err));
}

void TestCommandLine::vectors_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(QRACOON_TEST_DATA "/vectors"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 100);
    for (const QString& f : files) {
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
}

// For every vector: the request our parser plans, encoded as the runner does, is byte for byte the
// recorded one (or an accepted alternative); a vector that fails before connecting fails here too,
// with the same stdout and exit status.
void TestCommandLine::vectors()
{
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject vector = QJsonDocument::fromJson(f.readAll()).object();
    QVERIFY(!vector.isEmpty());

    QStringList argv;
    for (const QJsonValue& v : vector.value(QLatin1String("argv")).toArray()) {
        argv << v.toString().replace(QLatin1String("{sock}"), QLatin1String("/tmp/qracoon-vector.sock"));
    }
    const QString stdinText = vector.value(QLatin1String("stdin")).toString();
    const std::string password = stdinText.section(QLatin1Char('\n'), 0, 0).toStdString();
    const QJsonArray frames = vector.value(QLatin1String("request_frames_hex")).toArray();
    const int exitCode = vector.value(QLatin1String("expected_exit_code")).toInt();
    const QString serverMode = vector.value(QLatin1String("server"))
                                   .toObject()
                                   .value(QLatin1String("mode"))
                                   .toString(QStringLiteral("listen"));

    const ParseOutcome out = cli::parseCommandLine(argv, QStringLiteral("racoonctl"));
    QVERIFY(frames.size() <= 1);

    if (frames.isEmpty() && serverMode == QLatin1String("listen")) {
        QVERIFY2(!out.invocation.has_value(), out.invocation ? qPrintable(describe(*out.invocation)) : "");
        QCOMPARE(out.exitCode, exitCode);
        QStringList accepted{vector.value(QLatin1String("expected_stdout")).toString()};
        for (const QJsonValue& v : vector.value(QLatin1String("stdout_alternatives")).toArray()) {
            accepted << v.toString();
        }
        QVERIFY2(accepted.contains(QString::fromLocal8Bit(out.stdoutText)), out.stdoutText.constData());
        QVERIFY(!out.stderrText.isEmpty());
        return;
    }

    // Either the request reaches the daemon, or (socket absent / refusing) the parse succeeds and the
    // failure is the connection's.
    QVERIFY2(out.invocation.has_value(), out.stderrText.constData());
    QCOMPARE(out.invocation->action, Invocation::Action::Run);
    QCOMPARE(out.invocation->requests.size(), std::size_t(1));
    QCOMPARE(out.stdoutText, QByteArray());
    QCOMPARE(out.invocation->socketPath, QStringLiteral("/tmp/qracoon-vector.sock"));
    QCOMPARE(out.invocation->debug, argv.contains(QLatin1String("-d")));
    if (frames.isEmpty()) {
        return;
    }
    const Result<AdminRequest> request = encode(out.invocation->requests.front(), password);
    QVERIFY2(request.ok(), qPrintable(request.error()));
    const QByteArray sent = QByteArray(request->data(), qsizetype(request->size())).toHex();

    QList<QByteArray> accepted{frames.first().toString().toLatin1()};
    for (const QJsonValue& alternative :
         vector.value(QLatin1String("request_frames_alternatives")).toArray()) {
        accepted << alternative.toArray().first().toString().toLatin1();
    }
    QVERIFY2(accepted.contains(sent),
             qPrintable(QStringLiteral("sent %1\nexpected %2")
                            .arg(QString::fromLatin1(sent), QString::fromLatin1(accepted.first()))));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
