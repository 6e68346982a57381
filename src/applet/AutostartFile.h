// The per-user autostart switch. The package installs /etc/xdg/autostart/qracoon-autostart.desktop; a
// file of the same name in ~/.config/autostart overrides it (XDG autostart), so turning autostart on or
// off writes that file with Hidden=false or Hidden=true. Works without the system entry too.
#pragma once

#include <QString>
#include <QStringList>

namespace qracoon {

class AutostartFile
{
public:
    static constexpr const char* FileName = "qracoon-autostart.desktop";

    // `configHome` is $XDG_CONFIG_HOME (default ~/.config); `systemDirs` the $XDG_CONFIG_DIRS to look in.
    AutostartFile();
    AutostartFile(const QString& configHome, const QStringList& systemDirs);

    QString userPath() const;
    bool isEnabled() const;
    // Writes the user's override; false with `error` set when it cannot.
    bool setEnabled(bool enabled, QString* error = nullptr);

private:
    QString m_configHome;
    QStringList m_systemDirs;
};

} // namespace qracoon
