// An address prefix ("10.99.0.0/24"), as the configuration, policies and status output use them.
#pragma once

#include "core/wire/SocketAddress.h"

#include <QString>
#include <optional>

namespace qracoon::sim {

class Subnet
{
public:
    Subnet() = default;
    Subnet(const SocketAddress& address, int prefixLength);

    // "ADDR/PREFIX" or a bare "ADDR" (a host prefix); nullopt when it is not numeric or the prefix is too
    // long.
    static std::optional<Subnet> fromText(const QString& text);

    const SocketAddress& address() const { return m_address; }
    int prefixLength() const { return m_prefixLength; }
    int maxPrefixLength() const;
    bool contains(const SocketAddress& address) const;
    // The IPv4 netmask in network order (0 for IPv6).
    std::uint32_t ipv4Mask() const;
    QString toString() const;

private:
    SocketAddress m_address; // with the host bits cleared
    int m_prefixLength = 0;
};

} // namespace qracoon::sim
