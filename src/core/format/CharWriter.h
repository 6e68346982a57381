// Writes text through a raw pointer into memory the caller has sized beforehand: the innermost loop of
// large SA dumps, where per-append capacity checks of std::string dominate.
#pragma once

#include "NumberText.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace qracoon {

class CharWriter
{
public:
    explicit CharWriter(char* buffer) : m_begin(buffer), m_p(buffer) {}

    std::size_t size() const { return static_cast<std::size_t>(m_p - m_begin); }

    template <std::size_t N> void literal(const char (&text)[N])
    {
        std::memcpy(m_p, text, N - 1);
        m_p += N - 1;
    }
    void text(std::string_view text)
    {
        std::memcpy(m_p, text.data(), text.size());
        m_p += text.size();
    }
    void put(char c) { *m_p++ = c; }
    void fill(std::size_t count, char c)
    {
        std::memset(m_p, c, count);
        m_p += count;
    }

    void decimal(std::uint64_t value)
    {
        char buffer[20];
        char* const end = buffer + sizeof buffer;
        char* p = end;
        do {
            *--p = static_cast<char>('0' + value % 10);
            value /= 10;
        } while (value != 0);
        const auto n = static_cast<std::size_t>(end - p);
        std::memcpy(m_p, p, n);
        m_p += n;
    }
    void hexByte(std::uint8_t byte)
    {
        m_p[0] = text::LowerHexDigits[byte >> 4];
        m_p[1] = text::LowerHexDigits[byte & 0x0f];
        m_p += 2;
    }
    // printf("%08x")
    void hex32(std::uint32_t value)
    {
        for (int i = 7; i >= 0; --i) {
            m_p[i] = text::LowerHexDigits[value & 0x0f];
            value >>= 4;
        }
        m_p += 8;
    }
    // Dotted quad of four bytes in network order.
    void ipv4(const std::uint8_t* bytes)
    {
        for (int i = 0; i < 4; ++i) {
            if (i != 0) {
                put('.');
            }
            decimal(bytes[i]);
        }
    }

private:
    char* m_begin;
    char* m_p;
};

} // namespace qracoon
