// --event-flood: a numbered series of events racoonsim pushes to each new SHOW_EVT subscriber right after
// its reply, so that a benchmark can prove none was lost or reordered (README.md, EVENT FLOOD).
// Produced a chunk at a time, so that a subscriber that reads slowly holds little memory here.
#pragma once

#include "SimConfig.h"
#include "SimState.h"

#include <QByteArray>

namespace qracoon::sim {

class EventHub;

class EventFlood
{
public:
    // Event i's peer is --bulk's gateway i, so there are as many events as such addresses.
    static constexpr int MaxEvents = SimState::BulkMax;

    EventFlood(const EventHub& events, int count);

    int count() const { return m_count; }
    // Events handed out so far.
    int produced() const { return m_next; }
    bool done() const { return m_next >= m_count; }
    // The frames of the next `maxEvents` events (fewer at the end), back to back.
    QByteArray nextChunk(int maxEvents);
    // Event `index` (0-based), framed as the hub frames real events and stamped with the clock's now.
    QByteArray frame(int index) const;

private:
    const EventHub& m_events;
    GatewayConfig m_gateway; // what the MODE_CFG events' attributes describe
    int m_count;
    int m_next = 0;
};

} // namespace qracoon::sim
