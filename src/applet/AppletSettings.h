// The applet's persistent settings (QSettings, organisation and application "qracoon"): for now the list
// of gateways; the editor for it comes later, until then the file is edited by hand:
//
//   [gateways]
//   1\name=Lab
//   1\address=192.0.2.1
//   1\remote=lab-gateway
//   1\xauth=true
//   1\user=labuser
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

    QString fileName() const { return m_settings.fileName(); }
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);

private:
    QList<GatewayProfile> readGateways(QStringList* invalid) const;

    mutable QSettings m_settings;
};

} // namespace qracoon
