// qracoon: the tray applet for racoon. Chooses the admin socket and starts the applet.
#include "Applet.h"
#include "AppletSettings.h"
#include "BackendChoice.h"
#include "core/client/AdminSocketLocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qracoon"));
    QApplication::setOrganizationName(QStringLiteral("qracoon"));
    QApplication::setApplicationDisplayName(QStringLiteral("qracoon"));
    QApplication::setApplicationVersion(QStringLiteral(QRACOON_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("qracoon"));
    // The applet lives in the tray: closing its window does not end it.
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Tray applet for the racoon IKE daemon: connects VPN gateways, shows "
                                        "SAs and events."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption socketOption(
        {QStringLiteral("s"), QStringLiteral("socket")},
        QApplication::translate("main",
                                "racoon's admin socket (default: $QRACOON_SOCKET, else the first of %1 "
                                "that exists).")
            .arg(qracoon::AdminSocketLocator::defaultPaths().join(QLatin1String(", "))),
        QApplication::translate("main", "path"));
    const QCommandLineOption showOption(QStringLiteral("show"),
                                        QApplication::translate("main", "Open the window at start."));
    const QCommandLineOption backendOption(
        QStringLiteral("backend"),
        QApplication::translate("main",
                                "How to reach racoon: direct (its socket), helper (qracoon-helper, asking "
                                "polkit), or auto (the socket when you may open it, else the helper)."),
        QApplication::translate("main", "auto|direct|helper"), QStringLiteral("auto"));
    parser.addOptions({socketOption, showOption, backendOption});
    parser.process(app);
    const auto mode = qracoon::BackendChoice::parseMode(parser.value(backendOption));
    if (!mode) {
        const QString message =
            QApplication::translate("main", "qracoon: unknown --backend %1: use auto, direct or helper\n")
                .arg(parser.value(backendOption));
        std::fputs(qPrintable(message), stderr);
        return 1;
    }

    QString socket = parser.value(socketOption);
    if (socket.isEmpty()) {
        socket = qEnvironmentVariable("QRACOON_SOCKET");
    }
    const std::unique_ptr<qracoon::Backend> backend =
        qracoon::BackendChoice::create(*mode, qracoon::AdminSocketLocator::locate(socket));
    qracoon::AppletSettings settings;
    qracoon::Applet applet(*backend, settings);
    QObject::connect(&applet, &qracoon::Applet::quitRequested, &app, &QApplication::quit);
    applet.start(parser.isSet(showOption));
    return QApplication::exec();
}
