#include "AutostartFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace qracoon {

namespace {

// A desktop file's [Desktop Entry] keys that say "do not start": Hidden=true or
// X-GNOME-Autostart-enabled=false.
bool entryEnabled(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return false;
    }
    bool inEntry = false;
    bool enabled = true;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            inEntry = line == QLatin1String("[Desktop Entry]");
            continue;
        }
        if (!inEntry) {
            continue;
        }
        const QString key = line.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = line.section(QLatin1Char('='), 1).trimmed();
        if ((key == QLatin1String("Hidden") && value == QLatin1String("true")) ||
            (key == QLatin1String("X-GNOME-Autostart-enabled") && value == QLatin1String("false"))) {
            enabled = false;
        }
    }
    return enabled;
}

} // namespace

AutostartFile::AutostartFile()
    : AutostartFile(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                    qEnvironmentVariable("XDG_CONFIG_DIRS", QStringLiteral("/etc/xdg"))
                        .split(QLatin1Char(':'), Qt::SkipEmptyParts))
{}

AutostartFile::AutostartFile(const QString& configHome, const QStringList& systemDirs)
    : m_configHome(configHome), m_systemDirs(systemDirs)
{}

QString AutostartFile::userPath() const
{
    return QDir(m_configHome).filePath(QStringLiteral("autostart/") + QLatin1String(FileName));
}

bool AutostartFile::isEnabled() const
{
    if (QFile::exists(userPath())) {
        return entryEnabled(userPath());
    }
    for (const QString& dir : m_systemDirs) {
        const QString path = QDir(dir).filePath(QStringLiteral("autostart/") + QLatin1String(FileName));
        if (QFile::exists(path)) {
            return entryEnabled(path);
        }
    }
    return false;
}

bool AutostartFile::setEnabled(bool enabled, QString* error)
{
    if (!QDir().mkpath(QFileInfo(userPath()).path())) {
        if (error != nullptr) {
            *error = QCoreApplication::translate("AutostartFile", "cannot create %1")
                         .arg(QFileInfo(userPath()).path());
        }
        return false;
    }
    QSaveFile file(userPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error != nullptr) {
            *error = file.errorString();
        }
        return false;
    }
    const QByteArray flag = enabled ? "true" : "false";
    file.write("# Written by qracoon's \"Start at Login\" switch; overrides the system-wide entry.\n"
               "[Desktop Entry]\n"
               "Type=Application\n"
               "Name=qracoon\n"
               "Comment=Show the racoon VPN state in the system tray\n"
               "Exec=qracoon\n"
               "Icon=org.qracoon.qracoon\n"
               "Terminal=false\n"
               "NoDisplay=true\n");
    file.write("Hidden=" + QByteArray(enabled ? "false" : "true") + "\n");
    file.write("X-GNOME-Autostart-enabled=" + flag + "\n");
    if (!file.commit()) {
        if (error != nullptr) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}

} // namespace qracoon
