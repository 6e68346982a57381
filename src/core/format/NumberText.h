// Hand-written number formatting for the printers: appends to a std::string without printf, locale
// or temporary strings, because large SA dumps are printed field by field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace qracoon::text {

template <std::size_t N> inline void appendLiteral(std::string& out, const char (&literal)[N])
{
    out.append(literal, N - 1);
}

inline void appendUnsigned(std::string& out, std::uint64_t value)
{
    char buffer[20];
    char* const end = buffer + sizeof buffer;
    char* p = end;
    do {
        *--p = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    out.append(p, static_cast<std::size_t>(end - p));
}

inline void appendSigned(std::string& out, std::int64_t value)
{
    if (value < 0) {
        out.push_back('-');
        appendUnsigned(out, 0 - static_cast<std::uint64_t>(value));
    } else {
        appendUnsigned(out, static_cast<std::uint64_t>(value));
    }
}

inline int decimalWidth(std::int64_t value)
{
    int width = value < 0 ? 2 : 1;
    std::uint64_t magnitude =
        value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    while (magnitude >= 10) {
        magnitude /= 10;
        ++width;
    }
    return width;
}

// printf("%*ld", width, value): right-aligned, never cut.
inline void appendRightAligned(std::string& out, std::int64_t value, int width)
{
    const int w = decimalWidth(value);
    if (w < width) {
        out.append(static_cast<std::size_t>(width - w), ' ');
    }
    appendSigned(out, value);
}

// printf("%-*ld", width, value): left-aligned, never cut.
inline void appendLeftAligned(std::string& out, std::int64_t value, int width)
{
    const int w = decimalWidth(value);
    appendSigned(out, value);
    if (w < width) {
        out.append(static_cast<std::size_t>(width - w), ' ');
    }
}

constexpr char LowerHexDigits[] = "0123456789abcdef";

inline void appendHexByte(std::string& out, std::uint8_t byte)
{
    const char pair[2] = {LowerHexDigits[byte >> 4], LowerHexDigits[byte & 0x0f]};
    out.append(pair, 2);
}

// printf("%2x", value).
inline void appendHexRightAligned2(std::string& out, std::uint8_t value)
{
    if (value < 0x10) {
        out.push_back(' ');
        out.push_back(LowerHexDigits[value]);
    } else {
        appendHexByte(out, value);
    }
}

// printf("%02d", value) for 0..99.
inline void appendTwoDigits(std::string& out, int value)
{
    const char pair[2] = {static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
    out.append(pair, 2);
}

} // namespace qracoon::text
