#include "LocalTimeText.h"

#include "NumberText.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace qracoon {

namespace {

constexpr char MonthNames[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

void store(std::string_view text, char* out, std::uint8_t& length, std::size_t capacity)
{
    const std::size_t n = std::min(text.size(), capacity);
    std::memcpy(out, text.data(), n);
    length = static_cast<std::uint8_t>(n);
}

std::int64_t floorDivide(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// The broken-down time of `seconds` after the epoch in a zone without transitions (days to civil date
// after Howard Hinnant's algorithm).
void brokenDownUtc(std::int64_t seconds, std::tm& tm)
{
    const std::int64_t days = floorDivide(seconds, 86400);
    const std::int64_t secondOfDay = seconds - days * 86400;
    tm.tm_hour = static_cast<int>(secondOfDay / 3600);
    tm.tm_min = static_cast<int>(secondOfDay / 60 % 60);
    tm.tm_sec = static_cast<int>(secondOfDay % 60);
    const std::int64_t z = days + 719468;
    const std::int64_t era = floorDivide(z, 146097);
    const std::int64_t dayOfEra = z - era * 146097;
    const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t mp = (5 * dayOfYear + 2) / 153;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    tm.tm_mday = static_cast<int>(dayOfYear - (153 * mp + 2) / 5 + 1);
    tm.tm_mon = static_cast<int>(month - 1);
    tm.tm_year = static_cast<int>(yearOfEra + era * 400 + (month <= 2 ? 1 : 0) - 1900);
}

bool sameClock(const std::tm& a, const std::tm& b)
{
    return a.tm_year == b.tm_year && a.tm_mon == b.tm_mon && a.tm_mday == b.tm_mday &&
           a.tm_hour == b.tm_hour && a.tm_min == b.tm_min && a.tm_sec == b.tm_sec;
}

} // namespace

bool LocalTimeText::localTime(std::time_t t, std::tm& tm)
{
    // Far from the epoch, leave everything (including overflow) to the C library.
    constexpr std::int64_t Limit = std::int64_t(1) << 40;
    if (t < -Limit || t > Limit) {
        return localtime_r(&t, &tm) != nullptr;
    }
    const std::int64_t index = floorDivide(t, SpanSeconds);
    Span& span = m_spans[static_cast<std::size_t>(index) % SpanSlots];
    if (!span.valid || span.index != index) {
        span = Span{index, true, false, 0};
        const std::time_t first = index * SpanSeconds;
        const std::time_t last = first + SpanSeconds - 1;
        std::tm atFirst{};
        std::tm atLast{};
        if (localtime_r(&first, &atFirst) != nullptr && localtime_r(&last, &atLast) != nullptr &&
            atFirst.tm_gmtoff == atLast.tm_gmtoff) {
            // Both ends as UTC plus the offset: a transition or leap second inside the span would break this.
            std::tm predictedFirst{};
            std::tm predictedLast{};
            brokenDownUtc(first + atFirst.tm_gmtoff, predictedFirst);
            brokenDownUtc(last + atFirst.tm_gmtoff, predictedLast);
            span.uniform = sameClock(predictedFirst, atFirst) && sameClock(predictedLast, atLast);
            span.offset = atFirst.tm_gmtoff;
        }
    }
    if (!span.uniform) {
        return localtime_r(&t, &tm) != nullptr;
    }
    brokenDownUtc(t + span.offset, tm);
    return true;
}

std::size_t LocalTimeText::slotOf(std::time_t t)
{
    return static_cast<std::size_t>((static_cast<std::uint64_t>(t) * 0x9e3779b97f4a7c15ULL) >> 56) % Slots;
}

std::string_view LocalTimeText::ctimeField(std::time_t t)
{
    if (t == 0) {
        return "                    ";
    }
    Entry& e = m_ctime[slotOf(t)];
    if (!e.valid || e.key != t) {
        std::tm tm{};
        std::string s;
        if (!localTime(t, tm) || tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_year > INT32_MAX - 1900) {
            s.assign(20, '?');
        } else {
            // ctime's "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n" without the weekday: what the reference shows is the
            // 20 characters after it, newline included when the year is short.
            s.append(MonthNames + 3 * tm.tm_mon, 3);
            s.push_back(' ');
            s.push_back(tm.tm_mday < 10 ? ' ' : static_cast<char>('0' + tm.tm_mday / 10));
            s.push_back(static_cast<char>('0' + tm.tm_mday % 10));
            s.push_back(' ');
            text::appendTwoDigits(s, tm.tm_hour);
            s.push_back(':');
            text::appendTwoDigits(s, tm.tm_min);
            s.push_back(':');
            text::appendTwoDigits(s, tm.tm_sec);
            s.push_back(' ');
            text::appendSigned(s, std::int64_t(tm.tm_year) + 1900);
            s.push_back('\n');
            s.resize(std::min<std::size_t>(s.size(), 20));
        }
        store(s, e.text, e.length, sizeof e.text);
        e.key = t;
        e.valid = true;
    }
    return {e.text, e.length};
}

std::string_view LocalTimeText::dateTime(std::time_t t)
{
    Entry& e = m_dateTime[slotOf(t)];
    if (!e.valid || e.key != t) {
        std::tm tm{};
        std::string s;
        if (!localTime(t, tm)) {
            s.assign(19, '?');
        } else {
            text::appendSigned(s, std::int64_t(tm.tm_year) + 1900);
            s.push_back('-');
            text::appendTwoDigits(s, tm.tm_mon + 1);
            s.push_back('-');
            text::appendTwoDigits(s, tm.tm_mday);
            s.push_back(' ');
            text::appendTwoDigits(s, tm.tm_hour);
            s.push_back(':');
            text::appendTwoDigits(s, tm.tm_min);
            s.push_back(':');
            text::appendTwoDigits(s, tm.tm_sec);
        }
        store(s, e.text, e.length, sizeof e.text);
        e.key = t;
        e.valid = true;
    }
    return {e.text, e.length};
}

} // namespace qracoon
