#include "EventFlood.h"

#include "EventHub.h"

#include <QtEndian>
#include <algorithm>

namespace qracoon::sim {

namespace {

constexpr std::uint16_t IkePort = 500;

SocketAddress withIkePort(SocketAddress address)
{
    address.setPort(IkePort);
    return address;
}

// 10.0.0.0 + 1 + index, numbered like the peers.
SocketAddress assignedAddress(int index)
{
    const auto host = static_cast<std::uint32_t>(index) + 1;
    return SocketAddress::ipv4({10, static_cast<std::uint8_t>(host >> 16),
                                static_cast<std::uint8_t>(host >> 8), static_cast<std::uint8_t>(host)});
}

} // namespace

EventFlood::EventFlood(const EventHub& events, int count) : m_events(events), m_count(count)
{
    // Addresses out of 10.0.0.0/8, and a name server outside those handed out.
    m_gateway.netmask = qToBigEndian<std::uint32_t>(0xff000000u);
    m_gateway.dns.push_back(SocketAddress::ipv4({10, 255, 255, 53}));
}

QByteArray EventFlood::nextChunk(int maxEvents)
{
    QByteArray out;
    const int end = std::min(m_count, m_next + maxEvents);
    for (; m_next < end; ++m_next) {
        out.append(frame(m_next));
    }
    return out;
}

QByteArray EventFlood::frame(int index) const
{
    const SocketAddress local = SocketAddress::ipv4({192, 0, 2, 2}, IkePort);
    const SocketAddress remote = withIkePort(SimState::bulkAddress(index));
    switch (index % 4) {
    case 0:
        return m_events.eventFrame(EventCode::Phase1Up, local, remote);
    case 1:
        return m_events.eventFrame(EventCode::Phase1ModeCfg, local, remote, 0,
                                   SimState::modeCfgAttributes(m_gateway, assignedAddress(index)));
    case 2:
        // A message id that is never 0 ("no phase 2") and tells the events apart.
        return m_events.eventFrame(EventCode::Phase2Up, local, remote, static_cast<std::uint32_t>(index) + 1);
    default:
        return m_events.eventFrame(EventCode::Phase1Down, local, remote);
    }
}

} // namespace qracoon::sim
