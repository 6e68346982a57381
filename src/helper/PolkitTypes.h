// The structures polkit's CheckAuthorization takes and returns, with their QtDBus marshalling
// (polkit-qt-1 has no Qt 6 build on Debian 12, so the helper speaks polkit's D-Bus API itself).
#pragma once

#include <QDBusArgument>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace qracoon::helper {

// Subject `(sa{sv})`: ("system-bus-name", {"name": <unique name>}) is the only kind the helper sends.
struct PolkitSubject
{
    QString kind;
    QVariantMap details;
};

// Result `(bba{ss})`: is_authorized, is_challenge, details.
struct PolkitAuthorizationResult
{
    bool authorized = false;
    bool challenge = false;
    QMap<QString, QString> details;
};

QDBusArgument& operator<<(QDBusArgument& argument, const PolkitSubject& subject);
const QDBusArgument& operator>>(const QDBusArgument& argument, PolkitSubject& subject);
QDBusArgument& operator<<(QDBusArgument& argument, const PolkitAuthorizationResult& result);
const QDBusArgument& operator>>(const QDBusArgument& argument, PolkitAuthorizationResult& result);

// Registers the types with QtDBus; call once before marshalling them.
void registerPolkitTypes();

} // namespace qracoon::helper

Q_DECLARE_METATYPE(qracoon::helper::PolkitSubject)
Q_DECLARE_METATYPE(qracoon::helper::PolkitAuthorizationResult)
