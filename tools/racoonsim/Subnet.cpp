#include "Subnet.h"

#include <arpa/inet.h>

namespace qracoon::sim {

namespace {

// Keeps the first `prefixLength` bits of `bytes` and clears the others.
std::array<std::uint8_t, 16> masked(const std::array<std::uint8_t, 16>& bytes, int prefixLength,
                                    int totalBits)
{
    std::array<std::uint8_t, 16> out{};
    for (int bit = 0; bit < prefixLength && bit < totalBits; ++bit) {
        const int byte = bit / 8;
        const auto mask = static_cast<std::uint8_t>(0x80u >> (bit % 8));
        out[static_cast<std::size_t>(byte)] |=
            static_cast<std::uint8_t>(bytes[static_cast<std::size_t>(byte)] & mask);
    }
    return out;
}

SocketAddress withBytes(const SocketAddress& like, const std::array<std::uint8_t, 16>& bytes)
{
    if (like.family() == SocketAddress::Family::Inet) {
        return SocketAddress::ipv4({bytes[0], bytes[1], bytes[2], bytes[3]});
    }
    return SocketAddress::ipv6(bytes);
}

} // namespace

Subnet::Subnet(const SocketAddress& address, int prefixLength) : m_prefixLength(prefixLength)
{
    const int total = address.family() == SocketAddress::Family::Inet ? 32 : 128;
    m_address = withBytes(address, masked(address.bytes(), prefixLength, total));
}

std::optional<Subnet> Subnet::fromText(const QString& text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const auto address = SocketAddress::fromText(slash < 0 ? text : text.left(slash));
    if (!address || !address->isIp()) {
        return std::nullopt;
    }
    const int total = address->family() == SocketAddress::Family::Inet ? 32 : 128;
    int prefix = total;
    if (slash >= 0) {
        bool ok = false;
        prefix = text.mid(slash + 1).toInt(&ok);
        if (!ok || prefix < 0 || prefix > total) {
            return std::nullopt;
        }
    }
    return Subnet(*address, prefix);
}

int Subnet::maxPrefixLength() const
{
    return m_address.family() == SocketAddress::Family::Inet ? 32 : 128;
}

bool Subnet::contains(const SocketAddress& address) const
{
    if (address.family() != m_address.family() || !address.isIp()) {
        return false;
    }
    return masked(address.bytes(), m_prefixLength, maxPrefixLength()) == m_address.bytes();
}

std::uint32_t Subnet::ipv4Mask() const
{
    if (m_address.family() != SocketAddress::Family::Inet) {
        return 0;
    }
    const std::uint32_t host = m_prefixLength == 0 ? 0 : ~std::uint32_t{0} << (32 - m_prefixLength);
    return htonl(host);
}

QString Subnet::toString() const
{
    return m_address.toString() + QLatin1Char('/') + QString::number(m_prefixLength);
}

} // namespace qracoon::sim
