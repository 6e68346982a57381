// A VPN gateway the user connects to: one entry of the applet's settings, or one found in racoon's
// ISAKMP SAs.
#pragma once

#include <QByteArray>
#include <QString>

namespace qracoon {

struct GatewayProfile
{
    QString name;                  // shown to the user
    QString address;               // numeric IPv4 address of the gateway
    QByteArray remoteName;         // racoon.conf `remote` block; empty: racoon finds it by address
    QString localAddress;          // empty: the address that routes to the gateway
    bool xauth = false;            // the gateway asks for a user name and password
    QString userName;              // suggested in the Xauth dialog
    bool rememberPassword = false; // the password is kept in the keychain (SecretStore), never here
    bool connectAtStart = false;   // connect when the applet starts
    bool reconnect = false;        // connect again when the tunnel drops (not after a disconnect)
    bool discovered = false;       // not in the settings: racoon had an SA with it
};

} // namespace qracoon
