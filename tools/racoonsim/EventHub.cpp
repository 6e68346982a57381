#include "EventHub.h"

#include "core/wire/ReplyEncoder.h"

namespace qracoon::sim {

namespace {

constexpr std::size_t LegacyQueueMax = 32;
constexpr int LegacyOverflow = 12;

// racoon's pre-0.7 event numbers, which the polled queue still uses; -1: not recorded there.
int legacyType(std::uint32_t type)
{
    switch (type) {
    case EventCode::RacoonQuit:
        return 10;
    case EventCode::Phase1Up:
        return 1;
    case EventCode::Phase1Down:
        return 2;
    case EventCode::Phase1NoResponse:
    case EventCode::Phase2NoResponse:
        return 8;
    case EventCode::Phase1NoProposal:
        return 14;
    case EventCode::Phase1AuthFailed:
        return 13;
    case EventCode::Phase1DpdTimeout:
        return 7;
    case EventCode::Phase1PeerDeleted:
        return 9;
    case EventCode::Phase1ModeCfg:
        return 4;
    case EventCode::Phase1XauthSuccess:
        return 3;
    case EventCode::Phase1XauthFailed:
        return 11;
    case EventCode::Phase2Up:
        return 5;
    case EventCode::Phase2Down:
        return 6;
    default:
        return -1;
    }
}

void removeFrom(std::list<EventSubscriber*>& list, EventSubscriber* subscriber)
{
    list.remove(subscriber);
}

} // namespace

void EventHub::subscribeGlobal(EventSubscriber* subscriber)
{
    m_global.push_front(subscriber);
}

void EventHub::subscribePhase1(std::uint64_t phase1, EventSubscriber* subscriber)
{
    m_phase1[phase1].push_front(subscriber);
}

void EventHub::subscribePhase2(std::uint64_t phase2, EventSubscriber* subscriber)
{
    m_phase2[phase2].push_front(subscriber);
}

void EventHub::unsubscribe(EventSubscriber* subscriber)
{
    removeFrom(m_global, subscriber);
    for (auto* lists : {&m_phase1, &m_phase2}) {
        for (auto it = lists->begin(); it != lists->end();) {
            removeFrom(it->second, subscriber);
            it = it->second.empty() ? lists->erase(it) : std::next(it);
        }
    }
}

std::size_t EventHub::subscriberCount() const
{
    std::size_t n = m_global.size();
    for (const auto* lists : {&m_phase1, &m_phase2}) {
        for (const auto& [key, list] : *lists) {
            n += list.size();
        }
    }
    return n;
}

void EventHub::broadcast(const List* list, const QByteArray& frame)
{
    if (list == nullptr) {
        return;
    }
    // A delivery may end in the subscriber leaving; iterate over a copy.
    const List copy = *list;
    for (EventSubscriber* s : copy) {
        s->deliverEvent(frame);
    }
}

QByteArray EventHub::eventFrame(std::uint32_t type, const SocketAddress& local, const SocketAddress& remote,
                                std::uint32_t messageId, const QByteArray& attributes) const
{
    return ReplyEncoder::eventFrame(type, m_clock.wallSeconds(), local, remote, messageId, attributes);
}

void EventHub::phase1Event(std::uint64_t phase1, const SocketAddress& local, const SocketAddress& remote,
                           std::uint32_t type, const QByteArray& attributes)
{
    const QByteArray frame = eventFrame(type, local, remote, 0, attributes);
    const auto it = m_phase1.find(phase1);
    broadcast(it == m_phase1.end() ? nullptr : &it->second, frame);
    broadcast(&m_global, frame);
    queueLegacy(type, local, remote, attributes);
}

void EventHub::phase2Event(std::uint64_t phase2, std::uint64_t phase1, const SocketAddress& local,
                           const SocketAddress& remote, std::uint32_t messageId, std::uint32_t type)
{
    const QByteArray frame = eventFrame(type, local, remote, messageId);
    const auto two = m_phase2.find(phase2);
    broadcast(two == m_phase2.end() ? nullptr : &two->second, frame);
    if (phase1 != 0) {
        const auto one = m_phase1.find(phase1);
        broadcast(one == m_phase1.end() ? nullptr : &one->second, frame);
    }
    broadcast(&m_global, frame);
    queueLegacy(type, local, remote, {});
}

void EventHub::genericEvent(std::uint32_t type)
{
    const QByteArray frame = eventFrame(type, {}, {});
    broadcast(&m_global, frame);
    queueLegacy(type, {}, {}, {});
}

void EventHub::release(std::unordered_map<std::uint64_t, List>& lists, std::uint64_t key)
{
    const auto it = lists.find(key);
    if (it == lists.end()) {
        return;
    }
    const List ending = std::move(it->second);
    lists.erase(it);
    for (EventSubscriber* s : ending) {
        s->endSubscription();
    }
}

void EventHub::releasePhase1(std::uint64_t phase1)
{
    release(m_phase1, phase1);
}

void EventHub::releasePhase2(std::uint64_t phase2)
{
    release(m_phase2, phase2);
}

void EventHub::releaseAll()
{
    List ending = std::move(m_global);
    m_global.clear();
    for (auto* lists : {&m_phase1, &m_phase2}) {
        for (auto& [key, list] : *lists) {
            ending.splice(ending.end(), list);
        }
        lists->clear();
    }
    for (EventSubscriber* s : ending) {
        s->endSubscription();
    }
}

void EventHub::queueLegacy(std::uint32_t type, const SocketAddress& source, const SocketAddress& destination,
                           const QByteArray& attributes)
{
    const int legacy = legacyType(type);
    if (!m_legacyInUse || legacy < 0 || m_legacyQueue.size() > LegacyQueueMax) {
        return;
    }
    if (m_legacyQueue.size() == LegacyQueueMax) {
        // racoon records one overflow marker, without addresses, then nothing more until polled.
        m_legacyQueue.push_back(
            ReplyEncoder::legacyEventRecord(LegacyOverflow, m_clock.wallSeconds(), {}, {}));
        return;
    }
    m_legacyQueue.push_back(
        ReplyEncoder::legacyEventRecord(legacy, m_clock.wallSeconds(), source, destination, attributes));
}

QByteArray EventHub::pollLegacyEvent()
{
    m_legacyInUse = true;
    if (m_legacyQueue.empty()) {
        return {};
    }
    QByteArray record = std::move(m_legacyQueue.front());
    m_legacyQueue.pop_front();
    return record;
}

} // namespace qracoon::sim
