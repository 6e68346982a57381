// Local-time texts the printers show, cached per distinct time_t: a large SA dump repeats the same
// instants (the current time, shared creation times) many times. Misses avoid most localtime_r calls
// too (glibc re-parses the zone's rule on each one): once the UTC offset is known to be constant over
// a 15-minute span, local times inside it are computed with integer arithmetic.
#pragma once

#include <array>
#include <cstdint>
#include <ctime>
#include <string_view>

namespace qracoon {

class LocalTimeText
{
public:
    // Characters 4..23 of ctime(t) ("Nov 14 22:13:20 2023"), 20 spaces for 0, 20 '?' when t has no local
    // time. Years outside 1000..9999 shift the text exactly as ctime would.
    std::string_view ctimeField(std::time_t t);
    // strftime("%Y-%m-%d %T") of the local time, 19 '?' when t has no local time.
    std::string_view dateTime(std::time_t t);

private:
    struct Entry
    {
        std::time_t key = 0;
        bool valid = false;
        std::uint8_t length = 0;
        char text[31] = {};
    };
    static constexpr std::size_t Slots = 256;

    // A 15-minute span and whether local time is UTC plus one fixed offset throughout it.
    struct Span
    {
        std::int64_t index = 0;
        bool valid = false;
        bool uniform = false;
        long offset = 0;
    };
    static constexpr std::int64_t SpanSeconds = 900;
    static constexpr std::size_t SpanSlots = 64;

    static std::size_t slotOf(std::time_t t);
    // localtime_r, answered from the span cache when possible.
    bool localTime(std::time_t t, std::tm& tm);

    std::array<Entry, Slots> m_ctime{};
    std::array<Entry, Slots> m_dateTime{};
    std::array<Span, SpanSlots> m_spans{};
};

} // namespace qracoon
