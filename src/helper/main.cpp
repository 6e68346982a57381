// qracoon-helper: lets desktop users reach racoon's root-only admin socket, one polkit-checked D-Bus
// call at a time. Started by the system bus on demand; exits when idle.
#include "HelperConfig.h"
#include "HelperService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusError>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace qracoon::helper;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "qracoon-helper: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qracoon-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QRACOON_VERSION));
    qSetMessagePattern(
        QStringLiteral("qracoon-helper: %{if-warning}warning: %{endif}%{if-critical}error: %{endif}"
                       "%{message}"));
    std::signal(SIGPIPE, SIG_IGN);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Privileged D-Bus service giving polkit-authorized users access to racoon's admin socket."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        QCoreApplication::translate("main", "Configuration file (default: %1).")
            .arg(HelperConfig::defaultPath()),
        QCoreApplication::translate("main", "file"), HelperConfig::defaultPath());
    parser.addOption(configOption);
    parser.process(app);

    // The file must belong to the account the helper runs as (root when installed): whoever can write it
    // decides which socket the helper's privileges are used on.
    const auto config = HelperConfig::load(parser.value(configOption), geteuid());
    if (!config) {
        return fail(config.error());
    }

    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        return fail(QCoreApplication::translate("main", "cannot connect to the system bus: %1")
                        .arg(bus.lastError().message()));
    }
    HelperService service(*config, bus);
    const auto registered = service.registerOnBus();
    if (!registered) {
        return fail(registered.error());
    }
    QObject::connect(&service, &HelperService::idle, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    return app.exec();
}
