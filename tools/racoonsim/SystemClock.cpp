#include "SystemClock.h"

#include <ctime>

namespace qracoon::sim {

namespace {

std::int64_t readMs(clockid_t id)
{
    timespec ts{};
    clock_gettime(id, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

} // namespace

std::int64_t SystemClock::wallMs() const
{
    return readMs(CLOCK_REALTIME);
}

std::int64_t SystemClock::monotonicMs() const
{
    return readMs(CLOCK_MONOTONIC);
}

} // namespace qracoon::sim
