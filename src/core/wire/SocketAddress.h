// An IPv4 or IPv6 address with port as racoon sends it: a sockaddr_in/sockaddr_in6 inside a
// sockaddr_storage, family in host order, port and address in network order.
#pragma once

#include "AdminCodes.h"
#include "WireLayout.h"

#include <QString>
#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace qracoon {

class SocketAddress
{
public:
    enum class Family : std::uint16_t
    {
        Unspec = 0,
        Inet = 2,
        Inet6 = 10,
        Other = 0xffff, // a family racoon should never send; kept so printers can say "(invalid)"
    };

    SocketAddress() = default;

    static SocketAddress ipv4(const std::array<std::uint8_t, 4>& address, std::uint16_t port = 0);
    static SocketAddress ipv6(const std::array<std::uint8_t, 16>& address, std::uint16_t port = 0,
                              std::uint32_t scopeId = 0);
    // Numeric text only ("192.0.2.1", "2001:db8::1", "fe80::1%eth0"); nullopt if it is not an address of
    // the requested family (Unspec accepts either).
    static std::optional<SocketAddress> fromText(const QString& text, Family family = Family::Unspec,
                                                 std::uint16_t port = 0);
    // Decodes a sockaddr of at most `size` bytes. A family of 0 gives an Unspec address; an unknown
    // family gives Other; nullopt when the bytes are too short for the family they announce.
    static std::optional<SocketAddress> fromSockaddr(const void* data, std::size_t size);
    static SocketAddress fromStorage(const wire::SockaddrStorage& storage);

    Family family() const { return m_family; }
    bool isNull() const { return m_family == Family::Unspec; }
    bool isIp() const { return m_family == Family::Inet || m_family == Family::Inet6; }
    std::uint16_t port() const { return m_port; }
    void setPort(std::uint16_t port) { m_port = port; }
    std::uint32_t scopeId() const { return m_scopeId; }
    const std::array<std::uint8_t, 16>& bytes() const { return m_bytes; } // IPv4 uses the first 4
    // Length of the sockaddr on the wire: 16 for IPv4, 28 for IPv6, 0 otherwise.
    std::size_t sockaddrLength() const;

    void writeTo(wire::SockaddrStorage& storage) const;
    // Writes the sockaddr into `out` (which must hold sockaddrLength() bytes).
    void writeSockaddr(std::uint8_t* out) const;

    // Numeric host text, as getnameinfo(NI_NUMERICHOST) gives it ("(invalid)" for other families).
    std::string hostText() const;
    // Appends the numeric host to `out` without allocating for IPv4 (the hot path of large dumps).
    void appendHost(std::string& out) const;
    QString toString() const { return QString::fromStdString(hostText()); }
    // "addr[port]" as racoon prints endpoints.
    std::string endpointText() const;

    bool operator==(const SocketAddress& other) const;
    bool operator!=(const SocketAddress& other) const { return !(*this == other); }

private:
    Family m_family = Family::Unspec;
    std::uint16_t m_port = 0;
    std::uint32_t m_scopeId = 0;
    std::uint32_t m_flowInfo = 0;
    std::array<std::uint8_t, 16> m_bytes{};
};

} // namespace qracoon
