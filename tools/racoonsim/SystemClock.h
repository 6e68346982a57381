// The real clocks: CLOCK_REALTIME and CLOCK_MONOTONIC.
#pragma once

#include "SimClock.h"

namespace qracoon::sim {

class SystemClock : public SimClock
{
public:
    std::int64_t wallMs() const override;
    std::int64_t monotonicMs() const override;
    bool advancesByItself() const override { return true; }
};

} // namespace qracoon::sim
