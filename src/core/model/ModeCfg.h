// What a mode-config gateway handed out in its REPLY/SET payload (the attribute list of a
// PHASE1_MODE_CFG event, ADMIN-PROTOCOL.md §8.5), interpreted, plus the raw list.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

namespace qracoon {

struct ModeCfg
{
    // One attribute as received. Basic (TV) attributes carry their value in `basicValue`.
    struct Attribute
    {
        std::uint16_t type = 0; // without the TV bit
        bool basic = false;
        std::uint16_t basicValue = 0;
        QByteArray value;
    };

    // A network from INTERNAL_IP4_SUBNET/INTERNAL_IP6_SUBNET or a Cisco Unity split list (whose entries
    // are 14 bytes: address, netmask and 6 bytes racoon leaves zero).
    struct Network
    {
        QHostAddress address;
        int prefixLength = -1; // -1 when the netmask is not contiguous
        QHostAddress netmask;  // IPv4 only
    };

    std::optional<QHostAddress> ip4Address;
    std::optional<QHostAddress> ip4Netmask;
    QList<QHostAddress> ip4Dns;
    QList<QHostAddress> ip4Nbns;
    QList<Network> ip4Subnets;
    std::optional<QHostAddress> ip6Address;
    int ip6PrefixLength = -1;
    QList<QHostAddress> ip6Dns;
    QList<QHostAddress> ip6Nbns;
    QList<Network> ip6Subnets;
    std::optional<std::uint32_t> addressExpirySeconds;
    QString applicationVersion;

    // Cisco Unity
    QString banner;
    QString defaultDomain;
    QStringList splitDns;
    QList<Network> splitInclude;
    QList<Network> localLan;
    std::optional<bool> savePassword;
    std::optional<bool> pfs;
    std::optional<std::uint16_t> natTPort;

    std::vector<Attribute> attributes;
    // False when the list ended in an attribute too short for its header or running past the end.
    bool complete = true;
};

} // namespace qracoon
