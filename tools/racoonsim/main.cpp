// racoonsim: answers on an admin socket as racoon does, so racoonctl, the applet and the tests have a
// daemon to talk to without a kernel with PF_KEY. See README.md next to this file.
#include "AdminServer.h"
#include "EventFlood.h"
#include "EventHub.h"
#include "FaultInjector.h"
#include "RequestHandler.h"
#include "SimConfig.h"
#include "SimLog.h"
#include "SimState.h"
#include "SystemClock.h"
#include "UnixSignalNotifier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <csignal>
#include <cstdio>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace qracoon;
using namespace qracoon::sim;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("racoonsim", text);
}

constexpr int ExitUsage = 1;
constexpr int ExitFailure = 2;
constexpr int ShutdownGraceMs = 2000;
const QString BuiltInConfig = QStringLiteral(":/racoonsim/demo.conf");

int fail(int code, const QString& message)
{
    std::fprintf(stderr, "racoonsim: %s\n", qPrintable(message));
    return code;
}

QString defaultSocketPath()
{
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty()) {
        return QDir(QFile::decodeName(runtime)).filePath(QStringLiteral("racoonsim/racoon.sock"));
    }
    return QStringLiteral("/tmp/racoonsim-%1/racoon.sock").arg(getuid());
}

std::optional<uid_t> userId(const QString& name)
{
    bool numeric = false;
    const uint id = name.toUInt(&numeric);
    if (numeric) {
        return static_cast<uid_t>(id);
    }
    const passwd* pw = getpwnam(name.toLocal8Bit().constData());
    return pw != nullptr ? std::optional<uid_t>(pw->pw_uid) : std::nullopt;
}

std::optional<gid_t> groupId(const QString& name)
{
    bool numeric = false;
    const uint id = name.toUInt(&numeric);
    if (numeric) {
        return static_cast<gid_t>(id);
    }
    const group* gr = getgrnam(name.toLocal8Bit().constData());
    return gr != nullptr ? std::optional<gid_t>(gr->gr_gid) : std::nullopt;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("racoonsim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QRACOON_VERSION));
    qSetMessagePattern(QStringLiteral("racoonsim: %{if-warning}warning: %{endif}%{if-critical}error: %{endif}"
                                      "%{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Simulates racoon's admin socket: answers every admin command as racoon 0.9.1 does, negotiates with "
        "the gateways its configuration describes, and pushes events."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption socketOption(
        {QStringLiteral("s"), QStringLiteral("socket")},
        tr("Admin socket to create (default: %1).").arg(defaultSocketPath()), tr("path"),
        defaultSocketPath());
    const QCommandLineOption ownerOption(QStringLiteral("owner"), tr("Owner of the socket (name or uid)."),
                                         tr("user"));
    const QCommandLineOption groupOption(QStringLiteral("group"), tr("Group of the socket (name or gid)."),
                                         tr("group"));
    const QCommandLineOption modeOption(QStringLiteral("mode"), tr("Permissions of the socket, in octal."),
                                        tr("octal"), QStringLiteral("0600"));
    const QCommandLineOption configOption(
        {QStringLiteral("c"), QStringLiteral("config")},
        tr("Configuration file (default: the built-in demo configuration)."), tr("file"));
    const QCommandLineOption bulkOption(QStringLiteral("bulk"),
                                        tr("Also create N established gateways, each with one ESP SA pair."),
                                        tr("N"));
    const QCommandLineOption floodOption(
        QStringLiteral("event-flood"),
        tr("Push N numbered events to every show-event subscriber right after its reply (benchmarks)."),
        tr("N"));
    const QCommandLineOption faultOption(
        QStringLiteral("fault"),
        tr("Misbehave on purpose; repeatable: %1.").arg(FaultInjector::names().join(QLatin1String(", "))),
        tr("fault"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("request-timeout"),
        tr("Close a connection that has not sent a whole request after this "
           "many milliseconds."),
        tr("ms"), QStringLiteral("10000"));
    parser.addOptions({socketOption, ownerOption, groupOption, modeOption, configOption, bulkOption,
                       floodOption, faultOption, timeoutOption});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        return fail(ExitUsage,
                    tr("unexpected argument '%1' (see --help)").arg(parser.positionalArguments().first()));
    }

    SocketOptions socket;
    socket.path = QFileInfo(parser.value(socketOption)).absoluteFilePath();
    bool ok = false;
    socket.mode = static_cast<mode_t>(parser.value(modeOption).toUInt(&ok, 8));
    if (!ok || socket.mode > 07777) {
        return fail(ExitUsage, tr("--mode needs an octal permission such as 0660"));
    }
    if (parser.isSet(ownerOption) && !(socket.owner = userId(parser.value(ownerOption)))) {
        return fail(ExitUsage, tr("unknown user '%1'").arg(parser.value(ownerOption)));
    }
    if (parser.isSet(groupOption) && !(socket.group = groupId(parser.value(groupOption)))) {
        return fail(ExitUsage, tr("unknown group '%1'").arg(parser.value(groupOption)));
    }
    int bulk = 0;
    if (parser.isSet(bulkOption)) {
        bulk = parser.value(bulkOption).toInt(&ok);
        if (!ok || bulk < 0 || bulk > 131070) {
            return fail(ExitUsage, tr("--bulk needs a number from 0 to 131070"));
        }
    }
    int flood = 0;
    if (parser.isSet(floodOption)) {
        flood = parser.value(floodOption).toInt(&ok);
        if (!ok || flood < 1 || flood > EventFlood::MaxEvents) {
            return fail(ExitUsage,
                        tr("--event-flood needs a number from 1 to %1").arg(EventFlood::MaxEvents));
        }
    }
    const int requestTimeout = parser.value(timeoutOption).toInt(&ok);
    if (!ok || requestTimeout <= 0) {
        return fail(ExitUsage, tr("--request-timeout needs a positive number of milliseconds"));
    }
    FaultInjector faults;
    for (const QString& spec : parser.values(faultOption)) {
        const auto enabled = faults.enable(spec);
        if (!enabled) {
            return fail(ExitUsage, enabled.error());
        }
    }

    const QString configPath = parser.isSet(configOption) ? parser.value(configOption) : BuiltInConfig;
    auto config = SimConfig::load(configPath);
    if (!config) {
        return fail(ExitFailure, config.error());
    }

    SystemClock clock;
    EventHub events(clock);
    SimState state(std::move(config).value(), clock, events);
    if (bulk > 0) {
        state.addBulk(bulk);
    }
    RequestHandler handler(state, events);
    const auto reload = [&state, configPath] {
        auto fresh = SimConfig::load(configPath);
        if (!fresh) {
            qCWarning(lcSim).noquote()
                << tr("reload failed, keeping the previous configuration: %1").arg(fresh.error());
            return;
        }
        state.reload(std::move(fresh).value());
    };
    handler.setReloadAction(reload);
    handler.setEventFlood(flood);

    AdminServer server(handler, events, faults);
    server.setRequestTimeout(requestTimeout);
    const auto listening = server.listen(socket);
    if (!listening) {
        return fail(ExitFailure, listening.error());
    }

    UnixSignalNotifier signalNotifier;
    if (!signalNotifier.install({SIGHUP, SIGINT, SIGTERM})) {
        return fail(ExitFailure, tr("cannot install the signal handlers"));
    }
    std::signal(SIGPIPE, SIG_IGN);
    QObject::connect(&signalNotifier, &UnixSignalNotifier::received, &app, [&](int number) {
        if (number == SIGHUP) {
            qCInfo(lcSim).noquote() << tr("SIGHUP: re-reading the configuration");
            reload();
            return;
        }
        server.shutdown();
        QTimer::singleShot(ShutdownGraceMs, &app, &QCoreApplication::quit);
    });
    QObject::connect(&server, &AdminServer::drained, &app, &QCoreApplication::quit);

    qCInfo(lcSim).noquote()
        << tr("listening on %1 (configuration %2, %3 gateways%4)")
               .arg(socket.path, configPath)
               .arg(state.config().gateways.size())
               .arg(faults.any() ? tr(", faults: %1").arg(parser.values(faultOption).join(QLatin1String(" ")))
                                 : QString());
    return app.exec();
}
