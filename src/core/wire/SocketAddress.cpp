#include "SocketAddress.h"

#include <arpa/inet.h>
#include <net/if.h>

namespace qracoon {

namespace {

std::uint16_t loadU16(const std::uint8_t* p)
{
    std::uint16_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

std::uint32_t loadU32(const std::uint8_t* p)
{
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

void appendDecimal(std::string& out, unsigned value)
{
    char buf[4];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0) {
        out.push_back(buf[--n]);
    }
}

} // namespace

SocketAddress SocketAddress::ipv4(const std::array<std::uint8_t, 4>& address, std::uint16_t port)
{
    SocketAddress a;
    a.m_family = Family::Inet;
    a.m_port = port;
    std::copy(address.begin(), address.end(), a.m_bytes.begin());
    return a;
}

SocketAddress SocketAddress::ipv6(const std::array<std::uint8_t, 16>& address, std::uint16_t port,
                                  std::uint32_t scopeId)
{
    SocketAddress a;
    a.m_family = Family::Inet6;
    a.m_port = port;
    a.m_scopeId = scopeId;
    a.m_bytes = address;
    return a;
}

std::optional<SocketAddress> SocketAddress::fromText(const QString& text, Family family, std::uint16_t port)
{
    const QByteArray latin = text.toLatin1();
    if (latin.isEmpty() || latin.contains('\0') || QString::fromLatin1(latin) != text) {
        return std::nullopt;
    }
    if (family == Family::Unspec || family == Family::Inet) {
        std::array<std::uint8_t, 4> v4{};
        if (inet_pton(AF_INET, latin.constData(), v4.data()) == 1) {
            return ipv4(v4, port);
        }
    }
    if (family == Family::Unspec || family == Family::Inet6) {
        QByteArray host = latin;
        std::uint32_t scope = 0;
        const qsizetype percent = latin.indexOf('%');
        if (percent >= 0) {
            host = latin.left(percent);
            const QByteArray zone = latin.mid(percent + 1);
            if (zone.isEmpty()) {
                return std::nullopt;
            }
            bool numeric = false;
            scope = zone.toUInt(&numeric);
            if (!numeric) {
                scope = if_nametoindex(zone.constData());
                if (scope == 0) {
                    return std::nullopt;
                }
            }
        }
        std::array<std::uint8_t, 16> v6{};
        if (inet_pton(AF_INET6, host.constData(), v6.data()) == 1) {
            return ipv6(v6, port, scope);
        }
    }
    return std::nullopt;
}

std::optional<SocketAddress> SocketAddress::fromSockaddr(const void* data, std::size_t size)
{
    const auto* p = static_cast<const std::uint8_t*>(data);
    if (size < 2) {
        return std::nullopt;
    }
    SocketAddress a;
    const std::uint16_t family = loadU16(p);
    if (family == WireFamily::Unspec) {
        return a;
    }
    if (family == WireFamily::Inet) {
        if (size < 16) {
            return std::nullopt;
        }
        a.m_family = Family::Inet;
        a.m_port = ntohs(loadU16(p + 2));
        std::memcpy(a.m_bytes.data(), p + 4, 4);
        return a;
    }
    if (family == WireFamily::Inet6) {
        if (size < 28) {
            return std::nullopt;
        }
        a.m_family = Family::Inet6;
        a.m_port = ntohs(loadU16(p + 2));
        a.m_flowInfo = ntohl(loadU32(p + 4));
        std::memcpy(a.m_bytes.data(), p + 8, 16);
        a.m_scopeId = loadU32(p + 24);
        return a;
    }
    a.m_family = Family::Other;
    return a;
}

SocketAddress SocketAddress::fromStorage(const wire::SockaddrStorage& storage)
{
    return *fromSockaddr(storage.bytes, sizeof storage.bytes);
}

std::size_t SocketAddress::sockaddrLength() const
{
    switch (m_family) {
    case Family::Inet:
        return 16;
    case Family::Inet6:
        return 28;
    default:
        return 0;
    }
}

void SocketAddress::writeSockaddr(std::uint8_t* out) const
{
    const std::size_t len = sockaddrLength();
    std::memset(out, 0, len);
    const std::uint16_t family = static_cast<std::uint16_t>(m_family);
    const std::uint16_t port = htons(m_port);
    if (m_family == Family::Inet) {
        std::memcpy(out, &family, 2);
        std::memcpy(out + 2, &port, 2);
        std::memcpy(out + 4, m_bytes.data(), 4);
    } else if (m_family == Family::Inet6) {
        const std::uint32_t flow = htonl(m_flowInfo);
        std::memcpy(out, &family, 2);
        std::memcpy(out + 2, &port, 2);
        std::memcpy(out + 4, &flow, 4);
        std::memcpy(out + 8, m_bytes.data(), 16);
        std::memcpy(out + 24, &m_scopeId, 4);
    }
}

void SocketAddress::writeTo(wire::SockaddrStorage& storage) const
{
    std::memset(storage.bytes, 0, sizeof storage.bytes);
    writeSockaddr(storage.bytes);
}

void SocketAddress::appendHost(std::string& out) const
{
    if (m_family == Family::Inet) {
        for (int i = 0; i < 4; ++i) {
            if (i != 0) {
                out.push_back('.');
            }
            appendDecimal(out, m_bytes[static_cast<std::size_t>(i)]);
        }
        return;
    }
    out += hostText();
}

std::string SocketAddress::hostText() const
{
    if (m_family == Family::Inet) {
        std::string s;
        appendHost(s);
        return s;
    }
    if (m_family == Family::Inet6) {
        char buf[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
        if (inet_ntop(AF_INET6, m_bytes.data(), buf, sizeof buf) == nullptr) {
            return "(invalid)";
        }
        std::string s(buf);
        // getnameinfo appends the zone of link-local and multicast link-local addresses only.
        const bool linkLocal = (m_bytes[0] == 0xfe && (m_bytes[1] & 0xc0) == 0x80) ||
                               (m_bytes[0] == 0xff && (m_bytes[1] & 0x0f) == 0x02);
        if (m_scopeId != 0 && linkLocal) {
            char name[IF_NAMESIZE];
            s.push_back('%');
            if (if_indextoname(m_scopeId, name) != nullptr) {
                s += name;
            } else {
                s += std::to_string(m_scopeId);
            }
        }
        return s;
    }
    return "(invalid)";
}

std::string SocketAddress::endpointText() const
{
    if (!isIp()) {
        return "(invalid)[(inv)]";
    }
    std::string s = hostText();
    s.push_back('[');
    s += std::to_string(m_port);
    s.push_back(']');
    return s;
}

bool SocketAddress::operator==(const SocketAddress& other) const
{
    return m_family == other.m_family && m_port == other.m_port && m_scopeId == other.m_scopeId &&
           m_bytes == other.m_bytes;
}

} // namespace qracoon
