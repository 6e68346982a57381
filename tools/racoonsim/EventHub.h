// Who gets which event, as racoon's evt.c decides: a connection subscribes globally (SHOW_EVT,
// DELETE_ALL_SA_DST) or to one phase 1 or phase 2 handle (ESTABLISH_SA). An event of a phase 2 goes to
// that phase 2's listeners, then its phase 1's, then the global ones; within a list the newest subscriber
// comes first. Freeing a handle closes its listeners. Once an unversioned SHOW_EVT has polled, events
// are also queued (at most 32, then one overflow record) for the next poll.
#pragma once

#include "EventSubscriber.h"
#include "SimClock.h"
#include "core/wire/SocketAddress.h"

#include <QByteArray>
#include <cstdint>
#include <deque>
#include <list>
#include <unordered_map>

namespace qracoon::sim {

class EventHub
{
public:
    explicit EventHub(const SimClock& clock) : m_clock(clock) {}

    void subscribeGlobal(EventSubscriber* subscriber);
    void subscribePhase1(std::uint64_t phase1, EventSubscriber* subscriber);
    void subscribePhase2(std::uint64_t phase2, EventSubscriber* subscriber);
    // Forgets a subscriber that went away by itself (peer hung up, send failed).
    void unsubscribe(EventSubscriber* subscriber);

    void phase1Event(std::uint64_t phase1, const SocketAddress& local, const SocketAddress& remote,
                     std::uint32_t type, const QByteArray& attributes = {});
    void phase2Event(std::uint64_t phase2, std::uint64_t phase1, const SocketAddress& local,
                     const SocketAddress& remote, std::uint32_t messageId, std::uint32_t type);
    // An event tied to no SA (RACOON_QUIT): global listeners only.
    void genericEvent(std::uint32_t type);
    // A pushed frame as every listener receives it, stamped with the clock's now (also what
    // --event-flood sends, so its events are framed exactly like real ones).
    QByteArray eventFrame(std::uint32_t type, const SocketAddress& local, const SocketAddress& remote,
                          std::uint32_t messageId = 0, const QByteArray& attributes = {}) const;

    // The handle is freed: its listeners' connections are closed.
    void releasePhase1(std::uint64_t phase1);
    void releasePhase2(std::uint64_t phase2);
    // Shutdown: every remaining subscription ends.
    void releaseAll();

    // The unversioned SHOW_EVT reply payload: the oldest queued record, or nothing.
    QByteArray pollLegacyEvent();

    std::size_t globalCount() const { return m_global.size(); }
    std::size_t subscriberCount() const;

private:
    using List = std::list<EventSubscriber*>;

    void broadcast(const List* list, const QByteArray& frame);
    void release(std::unordered_map<std::uint64_t, List>& lists, std::uint64_t key);
    void queueLegacy(std::uint32_t type, const SocketAddress& source, const SocketAddress& destination,
                     const QByteArray& attributes);

    const SimClock& m_clock;
    List m_global;
    std::unordered_map<std::uint64_t, List> m_phase1;
    std::unordered_map<std::uint64_t, List> m_phase2;
    bool m_legacyInUse = false;
    std::deque<QByteArray> m_legacyQueue;
};

} // namespace qracoon::sim
