// racoon's admin_process(): one request frame in, the reply frame and what becomes of the connection out.
#pragma once

#include <QByteArray>
#include <cstdint>
#include <functional>

namespace qracoon::sim {

class EventHub;
class SimState;

struct RequestOutcome
{
    enum class Subscription
    {
        None,   // close once the reply is sent
        Global, // every event (SHOW_EVT, DELETE_ALL_SA_DST)
        Phase1, // the events of one phase 1 handle (ESTABLISH_SA isakmp)
        Phase2, // the events of one phase 2 handle (ESTABLISH_SA esp/ah)
    };

    QByteArray reply; // the whole frame; empty: close without answering
    Subscription subscription = Subscription::None;
    std::uint64_t handle = 0;
    // --event-flood: numbered events to push right after the reply (versioned SHOW_EVT only).
    int floodEvents = 0;
    // Runs after the reply is queued and the subscription made (DELETE_ALL_SA_DST's teardown, whose
    // PHASE1_DOWN must follow the reply on the same connection).
    std::function<void()> afterSubscribing;
    // Runs once the reply is on its way (reload-config: racoon re-reads its file after answering).
    std::function<void()> afterReply;
};

class RequestHandler
{
public:
    RequestHandler(SimState& state, EventHub& events) : m_state(state), m_events(events) {}

    // What reload-config (and SIGHUP) does: re-read the configuration file.
    void setReloadAction(std::function<void()> action) { m_reload = std::move(action); }
    // --event-flood: every SHOW_EVT subscription starts with this many numbered events (0: none).
    void setEventFlood(int events) { m_floodEvents = events; }

    // `frame` is one complete request, header included, exactly as long as its ac_len says.
    RequestOutcome handle(const QByteArray& frame);
    // Requests handled so far, malformed ones included.
    std::uint64_t handledCount() const { return m_handled; }

private:
    SimState& m_state;
    EventHub& m_events;
    std::function<void()> m_reload;
    int m_floodEvents = 0;
    std::uint64_t m_handled = 0;
};

} // namespace qracoon::sim
