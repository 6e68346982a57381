#include "CommandLine.h"

#include "AddressArgument.h"
#include "core/client/SourceAddress.h"
#include "UsageText.h"
#include "core/wire/WireLayout.h"

#include <QCoreApplication>

namespace qracoon::cli {

namespace {

// sun_path holds 108 bytes including the terminating NUL.
constexpr qsizetype MaxSocketPathBytes = 107;
// ac_len is 16 bits: the whole request, header included, must fit.
constexpr qsizetype MaxRequestBytes = 0xffff;
constexpr qsizetype IndexesRequestBytes = sizeof(wire::AdminHeader) + sizeof(wire::AdminIndexes);

QString tr(const char* text)
{
    return QCoreApplication::translate("racoonctl", text);
}

QString statusUsage()
{
    return QStringLiteral("usage: status [-v] [-f text|json] [--format=text|json]");
}

std::optional<std::uint16_t> protoFromWord(const QString& word)
{
    struct Entry
    {
        QLatin1String word;
        std::uint16_t proto;
    };
    static const Entry table[] = {
        {QLatin1String("isakmp"), AdminProto::Isakmp},
        {QLatin1String("ipsec"), AdminProto::Ipsec},
        {QLatin1String("ah"), AdminProto::Ah},
        {QLatin1String("esp"), AdminProto::Esp},
        {QLatin1String("internal"), AdminProto::Internal},
    };
    for (const Entry& e : table) {
        if (word == e.word) {
            return e.proto;
        }
    }
    return std::nullopt;
}

std::optional<SocketAddress::Family> familyFromWord(const QString& word)
{
    if (word == QLatin1String("inet")) {
        return SocketAddress::Family::Inet;
    }
    if (word == QLatin1String("inet6")) {
        return SocketAddress::Family::Inet6;
    }
    return std::nullopt;
}

std::optional<std::uint8_t> ulProtoFromWord(const QString& word)
{
    struct Entry
    {
        QLatin1String word;
        std::uint8_t number;
    };
    static const Entry table[] = {
        {QLatin1String("any"), 0},  {QLatin1String("icmp"), 1}, {QLatin1String("tcp"), 6},
        {QLatin1String("udp"), 17}, {QLatin1String("gre"), 47},
    };
    for (const Entry& e : table) {
        if (word == e.word) {
            return e.number;
        }
    }
    if (word.isEmpty() || word.size() > 3) {
        return std::nullopt;
    }
    for (const QChar c : word) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return std::nullopt;
        }
    }
    const int number = word.toInt();
    if (number > 255) {
        return std::nullopt;
    }
    return static_cast<std::uint8_t>(number);
}

SocketAddress unspecifiedAddress(SocketAddress::Family family)
{
    if (family == SocketAddress::Family::Inet6) {
        return SocketAddress::ipv6({});
    }
    return SocketAddress::ipv4({0, 0, 0, 0});
}

std::uint8_t hostPrefix(SocketAddress::Family family)
{
    return family == SocketAddress::Family::Inet6 ? 128 : 32;
}

PlannedRequest simpleRequest(std::uint16_t command, std::uint16_t proto = AdminProto::None)
{
    PlannedRequest r;
    r.command = command;
    r.proto = proto;
    return r;
}

// One run over argv. Handlers report problems through error()/message() and return false on an error.
class CommandLineParser
{
public:
    explicit CommandLineParser(const QString& programName)
        : m_programName(programName.section(QLatin1Char('/'), -1))
    {
        if (m_programName.isEmpty()) {
            m_programName = QStringLiteral("racoonctl");
        }
    }

    ParseOutcome parse(const QStringList& arguments);

private:
    using Handler = bool (CommandLineParser::*)(const QStringList&);

    void message(const QString& text)
    {
        m_outcome.stderrText +=
            (m_programName + QStringLiteral(": ") + text + QLatin1Char('\n')).toLocal8Bit();
    }
    bool error(const QString& text)
    {
        message(text);
        return false;
    }
    void warnIgnored(const QString& command, const QStringList& words)
    {
        message(tr("Extra arguments ignored by %1: %2").arg(command, words.join(QLatin1Char(' '))));
    }
    ParseOutcome failed()
    {
        m_outcome.invocation.reset();
        m_outcome.exitCode = 1;
        return std::move(m_outcome);
    }
    ParseOutcome usageError(const QString& text);
    ParseOutcome finished(Invocation::Action action, const QString& text);
    bool setSocketPath(const QString& path);
    bool setIdentity(PlannedRequest& request, const QString& identity);

    std::optional<SaSelector> parseSelector(const QString& command, SocketAddress::Family family,
                                            const QStringList& words);
    std::optional<Result<AddressArgument::Resolved>> resolveEndpoint(const QString& command,
                                                                     const QString& role,
                                                                     const AddressArgument& argument,
                                                                     SocketAddress::Family family);
    bool parseSaOpts(const QString& command, const QStringList& words, std::uint16_t& proto,
                     SaSelector& selector);
    bool classRequests(std::uint16_t command, const QString& name, const QStringList& args);

    bool reloadConfig(const QStringList& args);
    bool showSchedule(const QStringList& args);
    bool showSa(const QStringList& args)
    {
        return classRequests(AdminCommand::ShowSa, QStringLiteral("show-sa"), args);
    }
    bool flushSa(const QStringList& args)
    {
        return classRequests(AdminCommand::FlushSa, QStringLiteral("flush-sa"), args);
    }
    bool getSaCert(const QStringList& args);
    bool deleteSa(const QStringList& args);
    bool establishSa(const QStringList& args);
    bool vpnConnect(const QStringList& args);
    bool vpnDisconnect(const QStringList& args);
    bool showEvent(const QStringList& args);
    bool logoutUser(const QStringList& args);
    bool status(const QStringList& args);

    QString m_programName;
    ParseOutcome m_outcome;
    Invocation m_invocation;
};

ParseOutcome CommandLineParser::usageError(const QString& text)
{
    message(text);
    m_outcome.stderrText += usageText(m_programName).toLocal8Bit();
    return failed();
}

ParseOutcome CommandLineParser::finished(Invocation::Action action, const QString& text)
{
    m_invocation.action = action;
    m_invocation.requests.clear();
    m_outcome.stdoutText = text.toLocal8Bit();
    m_outcome.stderrText.clear();
    m_outcome.exitCode = 0;
    m_outcome.invocation = std::move(m_invocation);
    return std::move(m_outcome);
}

bool CommandLineParser::setSocketPath(const QString& path)
{
    if (path.isEmpty()) {
        return error(tr("the socket path given with -s is empty"));
    }
    const qsizetype bytes = path.toLocal8Bit().size();
    if (bytes > MaxSocketPathBytes) {
        return error(tr("the socket path %1 is too long: %2 bytes, a UNIX socket path holds at most %3")
                         .arg(path, QString::number(bytes), QString::number(MaxSocketPathBytes)));
    }
    m_invocation.socketPath = path;
    return true;
}

// -u: the request becomes ESTABLISH_SA_PSK; the runner asks for the password.
bool CommandLineParser::setIdentity(PlannedRequest& request, const QString& identity)
{
    request.command = AdminCommand::EstablishSaPsk;
    request.identity = identity.toLocal8Bit();
    // The PSK block, the NUL after the identity and at least the password's NUL must fit as well.
    if (IndexesRequestBytes + qsizetype(sizeof(wire::AdminPsk)) + request.identity.size() + 2 >
        MaxRequestBytes) {
        return error(tr("the identity given with -u is too long for one admin request (%1 bytes)")
                         .arg(request.identity.size()));
    }
    return true;
}

ParseOutcome CommandLineParser::parse(const QStringList& arguments)
{
    // Global options, POSIX getopt style: they stop at the first word that is not an option, so
    // the words after the command belong to the command.
    qsizetype i = 0;
    for (; i < arguments.size(); ++i) {
        const QString& word = arguments.at(i);
        if (word == QLatin1String("--")) {
            ++i;
            break;
        }
        if (word == QLatin1String("--help")) {
            return finished(Invocation::Action::Help, usageText(m_programName));
        }
        if (word == QLatin1String("--version")) {
            return finished(Invocation::Action::Version, versionText());
        }
        if (word.startsWith(QLatin1String("--"))) {
            return usageError(tr("unrecognized option '%1'").arg(word));
        }
        if (word.size() < 2 || word.at(0) != QLatin1Char('-')) {
            break;
        }
        bool argumentTaken = false;
        for (qsizetype k = 1; k < word.size() && !argumentTaken; ++k) {
            const QChar option = word.at(k);
            if (option == QLatin1Char('d')) {
                m_invocation.debug = true;
            } else if (option == QLatin1Char('l')) {
                ++m_invocation.verbosity;
            } else if (option == QLatin1Char('h')) {
                return finished(Invocation::Action::Help, usageText(m_programName));
            } else if (option == QLatin1Char('s')) {
                QString path = word.mid(k + 1);
                if (path.isEmpty()) {
                    if (i + 1 >= arguments.size()) {
                        return usageError(tr("option requires an argument -- 's'"));
                    }
                    path = arguments.at(++i);
                }
                if (!setSocketPath(path)) {
                    return failed();
                }
                argumentTaken = true;
            } else {
                return usageError(tr("invalid option -- '%1'").arg(option));
            }
        }
    }
    if (i >= arguments.size()) {
        return usageError(tr("no command given"));
    }

    struct Command
    {
        QLatin1String word;
        Handler handler;
    };
    static const Command commands[] = {
        {QLatin1String("reload-config"), &CommandLineParser::reloadConfig},
        {QLatin1String("rc"), &CommandLineParser::reloadConfig},
        {QLatin1String("show-schedule"), &CommandLineParser::showSchedule},
        {QLatin1String("sc"), &CommandLineParser::showSchedule},
        {QLatin1String("show-sa"), &CommandLineParser::showSa},
        {QLatin1String("ss"), &CommandLineParser::showSa},
        {QLatin1String("get-sa-cert"), &CommandLineParser::getSaCert},
        {QLatin1String("get-cert"), &CommandLineParser::getSaCert},
        {QLatin1String("gc"), &CommandLineParser::getSaCert},
        {QLatin1String("flush-sa"), &CommandLineParser::flushSa},
        {QLatin1String("fs"), &CommandLineParser::flushSa},
        {QLatin1String("delete-sa"), &CommandLineParser::deleteSa},
        {QLatin1String("ds"), &CommandLineParser::deleteSa},
        {QLatin1String("establish-sa"), &CommandLineParser::establishSa},
        {QLatin1String("es"), &CommandLineParser::establishSa},
        {QLatin1String("vpn-connect"), &CommandLineParser::vpnConnect},
        {QLatin1String("vc"), &CommandLineParser::vpnConnect},
        {QLatin1String("vpn-disconnect"), &CommandLineParser::vpnDisconnect},
        {QLatin1String("vd"), &CommandLineParser::vpnDisconnect},
        {QLatin1String("show-event"), &CommandLineParser::showEvent},
        {QLatin1String("se"), &CommandLineParser::showEvent},
        {QLatin1String("logout-user"), &CommandLineParser::logoutUser},
        {QLatin1String("lu"), &CommandLineParser::logoutUser},
        {QLatin1String("status"), &CommandLineParser::status},
        {QLatin1String("st"), &CommandLineParser::status},
    };
    const QString& commandWord = arguments.at(i);
    const QStringList args = arguments.mid(i + 1);
    for (const Command& command : commands) {
        if (commandWord == command.word) {
            if (!(this->*command.handler)(args)) {
                return failed();
            }
            m_outcome.exitCode = 0;
            m_outcome.invocation = std::move(m_invocation);
            return std::move(m_outcome);
        }
    }
    // The reference prints this line on stdout, and the vectors pin it.
    m_outcome.stdoutText = QStringLiteral("Invalid command [%1]\n").arg(commandWord).toLocal8Bit();
    message(tr("invalid command %1 (%2 --help lists the commands)").arg(commandWord, m_programName));
    return failed();
}

bool CommandLineParser::reloadConfig(const QStringList& args)
{
    if (!args.isEmpty()) {
        warnIgnored(QStringLiteral("reload-config"), args);
    }
    m_invocation.requests.push_back(simpleRequest(AdminCommand::ReloadConf));
    return true;
}

bool CommandLineParser::showSchedule(const QStringList& args)
{
    if (!args.isEmpty()) {
        warnIgnored(QStringLiteral("show-schedule"), args);
    }
    m_invocation.requests.push_back(simpleRequest(AdminCommand::ShowSched));
    return true;
}

bool CommandLineParser::classRequests(std::uint16_t command, const QString& name, const QStringList& args)
{
    if (args.isEmpty()) {
        // The manual's "all SAs": racoon has no such request, so ask for both classes in turn.
        PlannedRequest isakmp = simpleRequest(command, AdminProto::Isakmp);
        isakmp.what = tr("ISAKMP SAs");
        PlannedRequest ipsec = simpleRequest(command, AdminProto::Ipsec);
        ipsec.what = tr("IPsec SAs");
        m_invocation.requests.push_back(std::move(isakmp));
        m_invocation.requests.push_back(std::move(ipsec));
        return true;
    }
    if (args.size() > 1) {
        QString text = tr("too many arguments for %1: %2 (give one SA class or none)")
                           .arg(name, args.join(QLatin1Char(' ')));
        if (args.first().startsWith(QLatin1Char('-'))) {
            text += tr("; options such as %1 go before the command").arg(args.first());
        }
        return error(text);
    }
    const std::optional<std::uint16_t> proto = protoFromWord(args.first());
    if (!proto) {
        return error(tr("unknown protocol %1 (use isakmp, esp, ah, ipsec or internal)").arg(args.first()));
    }
    m_invocation.requests.push_back(simpleRequest(command, *proto));
    return true;
}

std::optional<Result<AddressArgument::Resolved>>
CommandLineParser::resolveEndpoint(const QString& command, const QString& role,
                                   const AddressArgument& argument, SocketAddress::Family family)
{
    const SocketAddress::Family literal = argument.literalFamily();
    if (family != SocketAddress::Family::Unspec && literal != SocketAddress::Family::Unspec &&
        literal != family) {
        error(tr("%1: bad %2: %3 is an %4 address, not %5")
                  .arg(command, role, argument.word(), familyWord(literal), familyWord(family)));
        return std::nullopt;
    }
    Result<AddressArgument::Resolved> resolved = argument.resolve(family);
    if (!resolved) {
        error(tr("%1: bad %2: %3").arg(command, role, resolved.error()));
        return std::nullopt;
    }
    return resolved;
}

std::optional<SaSelector> CommandLineParser::parseSelector(const QString& command,
                                                           SocketAddress::Family family,
                                                           const QStringList& words)
{
    const Result<AddressArgument> src = AddressArgument::parse(words.at(0));
    if (!src) {
        error(tr("%1: bad SRC: %2").arg(command, src.error()));
        return std::nullopt;
    }
    const Result<AddressArgument> dst = AddressArgument::parse(words.at(1));
    if (!dst) {
        error(tr("%1: bad DST: %2").arg(command, dst.error()));
        return std::nullopt;
    }
    std::uint8_t ulProto = 0;
    if (words.size() > 2) {
        const std::optional<std::uint8_t> ul = ulProtoFromWord(words.at(2));
        if (!ul) {
            error(tr("unknown upper-layer protocol %1 (use any, icmp, tcp, udp, gre or a number 0-255)")
                      .arg(words.at(2)));
            return std::nullopt;
        }
        ulProto = *ul;
    }
    if (family == SocketAddress::Family::Unspec) {
        // No family word (get-sa-cert): take it from whichever address is a literal, else from SRC's name.
        const SocketAddress::Family srcLiteral = src->literalFamily();
        const SocketAddress::Family dstLiteral = dst->literalFamily();
        if (srcLiteral != SocketAddress::Family::Unspec && dstLiteral != SocketAddress::Family::Unspec &&
            srcLiteral != dstLiteral) {
            error(
                tr("%1: SRC %2 and DST %3 are of different address families (%4 and %5)")
                    .arg(command, src->word(), dst->word(), familyWord(srcLiteral), familyWord(dstLiteral)));
            return std::nullopt;
        }
        family = srcLiteral != SocketAddress::Family::Unspec ? srcLiteral : dstLiteral;
    }
    const auto srcResolved = resolveEndpoint(command, QStringLiteral("SRC"), *src, family);
    if (!srcResolved) {
        return std::nullopt;
    }
    const auto dstResolved =
        resolveEndpoint(command, QStringLiteral("DST"), *dst, (*srcResolved)->address.family());
    if (!dstResolved) {
        return std::nullopt;
    }
    SaSelector selector;
    selector.src = (*srcResolved)->address;
    selector.dst = (*dstResolved)->address;
    selector.prefs = (*srcResolved)->prefix;
    selector.prefd = (*dstResolved)->prefix;
    selector.ulProto = ulProto;
    return selector;
}

bool CommandLineParser::parseSaOpts(const QString& command, const QStringList& words, std::uint16_t& proto,
                                    SaSelector& selector)
{
    if (words.isEmpty()) {
        return error(tr("insufficient arguments: %1 needs PROTO FAMILY SRC DST [UL_PROTO]").arg(command));
    }
    const std::optional<std::uint16_t> given = protoFromWord(words.first());
    if (!given) {
        return error(tr("unknown protocol %1 (use isakmp, esp or ah)").arg(words.first()));
    }
    if (*given == AdminProto::Ipsec || *given == AdminProto::Internal) {
        return error(
            tr("%1 does not support protocol %2 (use isakmp, esp or ah)").arg(command, words.first()));
    }
    const QStringList rest = words.mid(1);
    if (rest.size() != 3 && rest.size() != 4) {
        return error(
            tr("%1 %2 needs FAMILY SRC DST [UL_PROTO], got: %3")
                .arg(command, words.first(), rest.isEmpty() ? tr("nothing") : rest.join(QLatin1Char(' '))));
    }
    const std::optional<SocketAddress::Family> family = familyFromWord(rest.first());
    if (!family) {
        return error(tr("unknown address family %1 (use inet or inet6)").arg(rest.first()));
    }
    const std::optional<SaSelector> parsed = parseSelector(command, *family, rest.mid(1));
    if (!parsed) {
        return false;
    }
    proto = *given;
    selector = *parsed;
    return true;
}

bool CommandLineParser::getSaCert(const QStringList& args)
{
    QStringList words = args;
    SocketAddress::Family family = SocketAddress::Family::Unspec;
    if (!words.isEmpty()) {
        if (const std::optional<SocketAddress::Family> given = familyFromWord(words.first())) {
            family = *given;
            words.removeFirst();
        }
    }
    if (words.size() < 2) {
        return error(tr("insufficient arguments: get-sa-cert needs [inet|inet6] SRC DST [UL_PROTO]"));
    }
    if (words.size() > 3) {
        return error(tr("too many arguments for get-sa-cert: %1 (expected [inet|inet6] SRC DST [UL_PROTO])")
                         .arg(args.join(QLatin1Char(' '))));
    }
    const std::optional<SaSelector> selector = parseSelector(QStringLiteral("get-sa-cert"), family, words);
    if (!selector) {
        return false;
    }
    PlannedRequest r = simpleRequest(AdminCommand::GetSaCert, AdminProto::Isakmp);
    r.selector = *selector;
    m_invocation.requests.push_back(std::move(r));
    return true;
}

bool CommandLineParser::deleteSa(const QStringList& args)
{
    std::uint16_t proto = 0;
    SaSelector selector;
    if (!parseSaOpts(QStringLiteral("delete-sa"), args, proto, selector)) {
        return false;
    }
    PlannedRequest r = simpleRequest(AdminCommand::DeleteSa, proto);
    r.selector = selector;
    m_invocation.requests.push_back(std::move(r));
    return true;
}

bool CommandLineParser::establishSa(const QStringList& args)
{
    // -w, -n NAME and -u ID in any order (the manual's order differs from the reference's).
    QStringList words = args;
    bool wait = false;
    QString remoteName;
    QString identity;
    while (!words.isEmpty() && words.first().size() > 1 && words.first().startsWith(QLatin1Char('-'))) {
        const QString option = words.takeFirst();
        if (option == QLatin1String("-w")) {
            wait = true;
        } else if (option == QLatin1String("-n") || option == QLatin1String("-u")) {
            const bool isName = option == QLatin1String("-n");
            if (words.isEmpty()) {
                return error(isName ? tr("-n requires an argument (the name of a remote block)")
                                    : tr("-u requires an argument (the Xauth identity)"));
            }
            const QString value = words.takeFirst();
            if (value.isEmpty()) {
                return error(isName ? tr("the remote name given with -n is empty")
                                    : tr("the identity given with -u is empty"));
            }
            (isName ? remoteName : identity) = value;
        } else {
            return error(tr("unknown establish-sa option %1 (use -w, -n REMOTE or -u IDENTITY)").arg(option));
        }
    }
    std::uint16_t proto = 0;
    SaSelector selector;
    if (!parseSaOpts(QStringLiteral("establish-sa"), words, proto, selector)) {
        return false;
    }
    PlannedRequest r = simpleRequest(AdminCommand::EstablishSa, proto);
    r.selector = selector;
    if (!identity.isEmpty()) {
        if (!setIdentity(r, identity)) {
            return false;
        }
        if (!remoteName.isEmpty()) {
            message(
                tr("warning: the remote name %1 is not sent: racoon cannot receive a remote name together "
                   "with Xauth credentials (-u), so it picks the remote block by the destination address")
                    .arg(remoteName));
        }
    } else if (proto == AdminProto::Isakmp && !remoteName.isEmpty()) {
        r.remoteName = remoteName.toLocal8Bit();
        if (IndexesRequestBytes + r.remoteName.size() + 1 > MaxRequestBytes) {
            return error(tr("the remote name given with -n is too long for one admin request (%1 bytes)")
                             .arg(r.remoteName.size()));
        }
    }
    if (wait) {
        r.wait = proto == AdminProto::Isakmp ? WaitFor::ModeCfg : WaitFor::Phase2Up;
    }
    m_invocation.requests.push_back(std::move(r));
    return true;
}

bool CommandLineParser::vpnConnect(const QStringList& args)
{
    QStringList words = args;
    QString identity;
    if (!words.isEmpty() && words.first() == QLatin1String("-u")) {
        words.removeFirst();
        if (words.isEmpty()) {
            return error(tr("-u requires an argument (the Xauth identity)"));
        }
        identity = words.takeFirst();
        if (identity.isEmpty()) {
            return error(tr("the identity given with -u is empty"));
        }
    }
    if (words.isEmpty()) {
        return error(tr("VPN gateway required"));
    }
    if (words.size() > 1) {
        warnIgnored(QStringLiteral("vpn-connect"), words.mid(1));
    }
    const Result<SocketAddress> gateway =
        resolveAddress(words.first(), QString(), SocketAddress::Family::Unspec);
    if (!gateway) {
        return error(tr("Cannot resolve destination address: %1").arg(gateway.error()));
    }
    const Result<SocketAddress> source = sourceAddressToward(*gateway);
    if (!source) {
        return error(source.error());
    }
    SaSelector selector;
    selector.src = *source;
    selector.dst = *gateway;
    selector.prefs = hostPrefix(gateway->family());
    selector.prefd = hostPrefix(gateway->family());
    PlannedRequest r = simpleRequest(AdminCommand::EstablishSa, AdminProto::Isakmp);
    r.selector = selector;
    r.wait = WaitFor::ModeCfg;
    if (!identity.isEmpty()) {
        if (!setIdentity(r, identity)) {
            return false;
        }
    }
    m_invocation.requests.push_back(std::move(r));
    return true;
}

bool CommandLineParser::vpnDisconnect(const QStringList& args)
{
    if (args.isEmpty()) {
        return error(tr("VPN gateway required"));
    }
    if (args.size() > 1) {
        warnIgnored(QStringLiteral("vpn-disconnect"), args.mid(1));
    }
    const Result<SocketAddress> gateway =
        resolveAddress(args.first(), QString(), SocketAddress::Family::Unspec);
    if (!gateway) {
        return error(tr("Cannot resolve destination address: %1").arg(gateway.error()));
    }
    // racoon only reads DST; SRC is the unspecified address of the gateway's family.
    SaSelector selector;
    selector.src = unspecifiedAddress(gateway->family());
    selector.dst = *gateway;
    selector.prefs = hostPrefix(gateway->family());
    selector.prefd = hostPrefix(gateway->family());
    PlannedRequest r = simpleRequest(AdminCommand::DeleteAllSaDst, AdminProto::Isakmp);
    r.selector = selector;
    r.wait = WaitFor::Phase1Down;
    m_invocation.requests.push_back(std::move(r));
    return true;
}

bool CommandLineParser::showEvent(const QStringList& args)
{
    if (!args.isEmpty()) {
        return error(
            tr("too many arguments: show-event takes none, got: %1").arg(args.join(QLatin1Char(' '))));
    }
    PlannedRequest r = simpleRequest(AdminCommand::ShowEvt);
    r.wait = WaitFor::Forever;
    m_invocation.requests.push_back(std::move(r));
    return true;
}

bool CommandLineParser::logoutUser(const QStringList& args)
{
    if (args.isEmpty()) {
        return error(tr("insufficient arguments: logout-user needs a LOGIN"));
    }
    const QByteArray login = args.first().toLocal8Bit();
    if (login.isEmpty() || login.size() > MaxLoginLength) {
        return error(tr("bad login (too long?): %1 has %2 bytes, racoon accepts 1 to %3")
                         .arg(args.first(), QString::number(login.size()), QString::number(MaxLoginLength)));
    }
    if (args.size() > 1) {
        warnIgnored(QStringLiteral("logout-user"), args.mid(1));
    }
    PlannedRequest r = simpleRequest(AdminCommand::LogoutUser);
    r.login = login;
    m_invocation.requests.push_back(std::move(r));
    return true;
}

bool CommandLineParser::status(const QStringList& args)
{
    bool verbose = false;
    std::uint16_t format = StatusFormat::Text;
    const auto formatFromWord = [&](const QString& word) {
        if (word == QLatin1String("text")) {
            format = StatusFormat::Text;
        } else if (word == QLatin1String("json")) {
            format = StatusFormat::Json;
        } else {
            return error(tr("status: unknown format %1; %2").arg(word, statusUsage()));
        }
        return true;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& word = args.at(i);
        if (word == QLatin1String("-v")) {
            verbose = true;
        } else if (word == QLatin1String("-f")) {
            if (i + 1 >= args.size()) {
                return error(tr("status: -f requires text or json; %1").arg(statusUsage()));
            }
            if (!formatFromWord(args.at(++i))) {
                return false;
            }
        } else if (word.startsWith(QLatin1String("--format="))) {
            if (!formatFromWord(word.mid(9))) {
                return false;
            }
        } else if (word.startsWith(QLatin1Char('-'))) {
            return error(tr("status: unknown option %1; %2").arg(word, statusUsage()));
        } else {
            return error(tr("too many arguments: status takes only options, got: %1").arg(word));
        }
    }
    m_invocation.requests.push_back(
        simpleRequest(verbose ? AdminCommand::StatusVerbose : AdminCommand::Status, format));
    return true;
}

} // namespace

ParseOutcome parseCommandLine(const QStringList& arguments, const QString& programName)
{
    return CommandLineParser(programName).parse(arguments);
}

} // namespace qracoon::cli
