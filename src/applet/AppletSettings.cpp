#include "AppletSettings.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace qracoon {

namespace {

const QString GatewaysKey = QStringLiteral("gateways");

} // namespace

AppletSettings::AppletSettings() : m_settings(QStringLiteral("qracoon"), QStringLiteral("qracoon")) {}

AppletSettings::AppletSettings(const QString& fileName) : m_settings(fileName, QSettings::IniFormat) {}

QList<GatewayProfile> AppletSettings::gateways() const
{
    return readGateways(nullptr);
}

QStringList AppletSettings::invalidEntries() const
{
    QStringList invalid;
    readGateways(&invalid);
    return invalid;
}

QList<GatewayProfile> AppletSettings::readGateways(QStringList* invalid) const
{
    QList<GatewayProfile> gateways;
    const int count = m_settings.beginReadArray(GatewaysKey);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        GatewayProfile g;
        g.address = m_settings.value(QStringLiteral("address")).toString().trimmed();
        g.name = m_settings.value(QStringLiteral("name"), g.address).toString();
        g.remoteName = m_settings.value(QStringLiteral("remote")).toString().toUtf8();
        g.localAddress = m_settings.value(QStringLiteral("local")).toString().trimmed();
        g.xauth = m_settings.value(QStringLiteral("xauth"), false).toBool();
        g.userName = m_settings.value(QStringLiteral("user")).toString();
        g.rememberPassword = m_settings.value(QStringLiteral("remember"), false).toBool();
        g.connectAtStart = m_settings.value(QStringLiteral("autoconnect"), false).toBool();
        g.reconnect = m_settings.value(QStringLiteral("reconnect"), false).toBool();
        const QHostAddress address(g.address);
        if (address.protocol() != QAbstractSocket::IPv4Protocol) {
            if (invalid != nullptr) {
                invalid->append(
                    QCoreApplication::translate("AppletSettings", "gateway %1: \"%2\" is not an IPv4 address")
                        .arg(i + 1)
                        .arg(g.address));
            }
            continue;
        }
        g.address = address.toString();
        if (g.name.isEmpty()) {
            g.name = g.address;
        }
        gateways.append(g);
    }
    m_settings.endArray();
    return gateways;
}

void AppletSettings::setGateways(const QList<GatewayProfile>& gateways)
{
    m_settings.remove(GatewaysKey);
    m_settings.beginWriteArray(GatewaysKey, static_cast<int>(gateways.size()));
    for (int i = 0; i < gateways.size(); ++i) {
        const GatewayProfile& g = gateways.at(i);
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("name"), g.name);
        m_settings.setValue(QStringLiteral("address"), g.address);
        if (!g.remoteName.isEmpty()) {
            m_settings.setValue(QStringLiteral("remote"), QString::fromUtf8(g.remoteName));
        }
        if (!g.localAddress.isEmpty()) {
            m_settings.setValue(QStringLiteral("local"), g.localAddress);
        }
        m_settings.setValue(QStringLiteral("xauth"), g.xauth);
        if (!g.userName.isEmpty()) {
            m_settings.setValue(QStringLiteral("user"), g.userName);
        }
        m_settings.setValue(QStringLiteral("remember"), g.rememberPassword);
        m_settings.setValue(QStringLiteral("autoconnect"), g.connectAtStart);
        m_settings.setValue(QStringLiteral("reconnect"), g.reconnect);
    }
    m_settings.endArray();
    m_settings.sync();
}

bool AppletSettings::notificationsEnabled() const
{
    return m_settings.value(QStringLiteral("notifications"), true).toBool();
}

void AppletSettings::setNotificationsEnabled(bool enabled)
{
    m_settings.setValue(QStringLiteral("notifications"), enabled);
    m_settings.sync();
}

QByteArray AppletSettings::windowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

void AppletSettings::setWindowGeometry(const QByteArray& geometry)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
}

} // namespace qracoon
