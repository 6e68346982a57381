// The time racoonsim lives by. Tests substitute a clock they move by hand, so that delays, lifetimes
// and byte counters can be checked without waiting.
#pragma once

#include <cstdint>

namespace qracoon::sim {

class SimClock
{
public:
    virtual ~SimClock() = default;
    // Wall-clock time in milliseconds since the epoch (timestamps, "created" fields).
    virtual std::int64_t wallMs() const = 0;
    // A clock that never jumps, in milliseconds (racoon's scheduler runs on CLOCK_MONOTONIC).
    virtual std::int64_t monotonicMs() const = 0;
    // False for a clock only a test moves: then nothing fires by itself.
    virtual bool advancesByItself() const = 0;

    std::int64_t wallSeconds() const { return wallMs() / 1000; }
};

} // namespace qracoon::sim
