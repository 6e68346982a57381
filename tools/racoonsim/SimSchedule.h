// Timed actions. Two kinds share one queue: racoon's own scheduler entries (retransmissions, lifetimes,
// DPD), which SHOW_SCHED lists, and racoonsim's private delays standing in for the peer's answers,
// which it does not.
#pragma once

#include "SimClock.h"
#include "core/wire/ReplyEncoder.h"

#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

namespace qracoon::sim {

class SimSchedule
{
public:
    using Handle = std::uint64_t;

    explicit SimSchedule(const SimClock& clock) : m_clock(clock) {}

    // A racoon scheduler entry firing `tickSeconds` from now; it gets the next racoon id.
    Handle addEntry(std::int64_t tickSeconds, std::function<void()> action);
    // A delay of racoonsim's own, invisible to SHOW_SCHED.
    Handle addDelay(std::int64_t milliseconds, std::function<void()> action);
    void cancel(Handle handle);
    void clear();

    // Runs every action due by now, including those they schedule for no later than now.
    void runDue();
    std::optional<std::int64_t> nextDueMs() const;

    // The racoon entries in firing order, as sched_dump() lists them.
    std::vector<SchedDumpRecord> dump() const;
    std::size_t entryCount() const { return m_entryCount; }

private:
    struct Item
    {
        Handle handle = 0;
        long racoonId = 0; // 0 for a private delay
        std::int64_t tickSeconds = 0;
        std::int64_t createdWall = 0;
        std::function<void()> action;
    };
    using Queue = std::multimap<std::int64_t, Item>;

    Handle insert(std::int64_t dueMs, Item item);
    // Delays asked for by a running action count from its due time, not from when it actually ran, so
    // a late timer (or a test moving the clock in big steps) does not shift what follows.
    std::int64_t base() const { return m_runningDue ? *m_runningDue : m_clock.monotonicMs(); }

    const SimClock& m_clock;
    Queue m_queue;
    std::unordered_map<Handle, Queue::iterator> m_byHandle;
    Handle m_nextHandle = 1;
    long m_nextRacoonId = 1;
    std::size_t m_entryCount = 0;
    std::optional<std::int64_t> m_runningDue;
};

} // namespace qracoon::sim
