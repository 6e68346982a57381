// The applet's persistent settings (QSettings, organisation and application "qracoon"): the list of
// gateways (edited with GatewayDialog) and the applet's switches. Passwords are never stored here.
//
//   [General]
//   notifications=true
//   [gateways]
//   1\name=Lab
//   1\address=192.0.2.1
//   1\remote=lab-gateway
//   1\xauth=true
//   1\user=labuser
//   1\remember=true
//   1\autoconnect=false
//   1\reconnect=true
//   size=1
#pragma once

#include "GatewayProfile.h"

#include <QList>
#include <QSettings>

namespace qracoon {

class AppletSettings
{
public:
    AppletSettings();
    // For tests: settings stored in `fileName` (ini format).
    explicit AppletSettings(const QString& fileName);

    // Entries without a valid IPv4 address are skipped (they are reported by invalidEntries()).
    QList<GatewayProfile> gateways() const;
    QStringList invalidEntries() const;
    void setGateways(const QList<GatewayProfile>& gateways);

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);

    QString fileName() const { return m_settings.fileName(); }
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);

private:
    QList<GatewayProfile> readGateways(QStringList* invalid) const;

    mutable QSettings m_settings;
};

} // namespace qracoon
