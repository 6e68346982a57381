// qracoon: the tray applet for racoon. Chooses the admin socket and starts the applet.
#include "Applet.h"
#include "AppletSettings.h"
#include "BackendChoice.h"
#include "KeychainSecretStore.h"
#include "SingleInstance.h"
#include "core/client/AdminSocketLocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qracoon"));
    QApplication::setOrganizationName(QStringLiteral("qracoon"));
    QApplication::setApplicationDisplayName(QStringLiteral("qracoon"));
    QApplication::setApplicationVersion(QStringLiteral(QRACOON_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.qracoon.qracoon"));
    // The applet lives in the tray: closing its window does not end it.
    QApplication::setQuitOnLastWindowClosed(false);
    // Installed before anything builds a user-visible string, --help included. The applet follows the system
    // locale; Qt's own strings (dialog buttons) come from qtbase's catalogue when the system has one.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale::system(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(&qtTranslator);
    }
    QTranslator translator;
    if (translator.load(QLocale::system(), QStringLiteral("qracoon"), QStringLiteral("_"),
                        QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

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

    // A second launch (autostart plus a menu click) shows the running applet's window instead.
    qracoon::SingleInstance instance;
    QString instanceError;
    if (!instance.claim(&instanceError)) {
        return 0;
    }
    if (!instanceError.isEmpty()) {
        std::fputs(qPrintable(QApplication::translate(
                                  "main", "qracoon: %1 (a second launch will not find this one)\n")
                                  .arg(instanceError)),
                   stderr);
    }

    QString socket = parser.value(socketOption);
    if (socket.isEmpty()) {
        socket = qEnvironmentVariable("QRACOON_SOCKET");
    }
    const std::unique_ptr<qracoon::Backend> backend =
        qracoon::BackendChoice::create(*mode, qracoon::AdminSocketLocator::locate(socket));
    qracoon::AppletSettings settings;
    qracoon::KeychainSecretStore secrets;
    qracoon::Applet applet(*backend, settings, secrets);
    QObject::connect(&applet, &qracoon::Applet::quitRequested, &app, &QApplication::quit);
    QObject::connect(&instance, &qracoon::SingleInstance::activationRequested, &applet,
                     &qracoon::Applet::showWindow);
    applet.start(parser.isSet(showOption));
    return QApplication::exec();
}
