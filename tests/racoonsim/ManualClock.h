// A clock only the test moves. It starts where the recorded transcripts start, with the monotonic clock
// at 6 s as on the recording machine, so idle schedule entries get the recorded expiry times.
#pragma once

#include "SimClock.h"

namespace qracoon::sim {

class ManualClock : public SimClock
{
public:
    static constexpr std::int64_t StartWallMs = 1796415201000;
    static constexpr std::int64_t StartMonotonicMs = 6000;

    std::int64_t wallMs() const override { return m_wall; }
    std::int64_t monotonicMs() const override { return m_monotonic; }
    bool advancesByItself() const override { return false; }

    void advance(std::int64_t milliseconds)
    {
        m_wall += milliseconds;
        m_monotonic += milliseconds;
    }

private:
    std::int64_t m_wall = StartWallMs;
    std::int64_t m_monotonic = StartMonotonicMs;
};

} // namespace qracoon::sim
