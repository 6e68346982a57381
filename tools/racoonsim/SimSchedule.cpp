#include "SimSchedule.h"

namespace qracoon::sim {

SimSchedule::Handle SimSchedule::insert(std::int64_t dueMs, Item item)
{
    item.handle = m_nextHandle++;
    const Handle handle = item.handle;
    if (item.racoonId != 0) {
        ++m_entryCount;
    }
    // multimap keeps equal keys in insertion order, like racoon's list insert after equal xtimes.
    m_byHandle.emplace(handle, m_queue.emplace(dueMs, std::move(item)));
    return handle;
}

SimSchedule::Handle SimSchedule::addEntry(std::int64_t tickSeconds, std::function<void()> action)
{
    Item item;
    item.racoonId = m_nextRacoonId++;
    item.tickSeconds = tickSeconds;
    item.createdWall = m_clock.wallSeconds();
    item.action = std::move(action);
    return insert(base() + tickSeconds * 1000, std::move(item));
}

SimSchedule::Handle SimSchedule::addDelay(std::int64_t milliseconds, std::function<void()> action)
{
    Item item;
    item.action = std::move(action);
    return insert(base() + milliseconds, std::move(item));
}

void SimSchedule::cancel(Handle handle)
{
    const auto it = m_byHandle.find(handle);
    if (it == m_byHandle.end()) {
        return;
    }
    if (it->second->second.racoonId != 0) {
        --m_entryCount;
    }
    m_queue.erase(it->second);
    m_byHandle.erase(it);
}

void SimSchedule::clear()
{
    m_queue.clear();
    m_byHandle.clear();
    m_entryCount = 0;
}

void SimSchedule::runDue()
{
    while (!m_queue.empty() && m_queue.begin()->first <= m_clock.monotonicMs()) {
        const auto first = m_queue.begin();
        std::function<void()> action = std::move(first->second.action);
        m_runningDue = first->first;
        cancel(first->second.handle);
        if (action) {
            action();
        }
        m_runningDue.reset();
    }
}

std::optional<std::int64_t> SimSchedule::nextDueMs() const
{
    if (m_queue.empty()) {
        return std::nullopt;
    }
    return m_queue.begin()->first;
}

std::vector<SchedDumpRecord> SimSchedule::dump() const
{
    std::vector<SchedDumpRecord> out;
    out.reserve(m_entryCount);
    for (const auto& [due, item] : m_queue) {
        if (item.racoonId == 0) {
            continue;
        }
        SchedDumpRecord r;
        r.xtime = due / 1000;
        r.id = item.racoonId;
        r.created = item.createdWall;
        r.tick = item.tickSeconds;
        out.push_back(r);
    }
    return out;
}

} // namespace qracoon::sim
