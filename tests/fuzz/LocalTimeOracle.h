// Checks LocalTimeText, whose caches compute most local times with integer arithmetic, against
// localtime_r for the same instant. Every target that prints times runs in a zone with daylight saving
// time (see useZoneWithDst) so that the span cache meets offset changes.
#pragma once

#include "FuzzCheck.h"
#include "core/format/LocalTimeText.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

namespace qracoon::fuzz {

// A POSIX rule rather than a zoneinfo name: it needs no tzdata package.
inline void useZoneWithDst()
{
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
}

inline void checkLocalTimeText(LocalTimeText& times, std::time_t t)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    std::tm tm{};
    const bool known = localtime_r(&t, &tm) != nullptr;
    const long long year = static_cast<long long>(tm.tm_year) + 1900;
    char buffer[64];

    std::string dateTime(19, '?');
    if (known) {
        std::snprintf(buffer, sizeof buffer, "%lld-%02d-%02d %02d:%02d:%02d", year, tm.tm_mon + 1, tm.tm_mday,
                      tm.tm_hour, tm.tm_min, tm.tm_sec);
        dateTime = buffer;
    }
    check(times.dateTime(t) == dateTime, "LocalTimeText::dateTime matches localtime_r");

    std::string ctimeField(20, t == 0 ? ' ' : '?');
    if (t != 0 && known && tm.tm_year <= INT_MAX - 1900) {
        std::snprintf(buffer, sizeof buffer, "%.3s %2d %02d:%02d:%02d %lld\n", months + 3 * tm.tm_mon,
                      tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, year);
        ctimeField = buffer;
        ctimeField.resize(std::min<std::size_t>(ctimeField.size(), 20));
    }
    check(times.ctimeField(t) == ctimeField, "LocalTimeText::ctimeField matches localtime_r");
}

} // namespace qracoon::fuzz
