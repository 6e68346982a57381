#include "SecureBytes.h"

#include <cstring>
#include <string.h>

namespace qracoon {

void secureWipe(void* data, std::size_t size)
{
    if (data != nullptr && size != 0) {
        explicit_bzero(data, size);
    }
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

SecureBytes::~SecureBytes()
{
    wipe();
}

void SecureBytes::wipe()
{
    secureWipe(m_bytes.data(), m_bytes.capacity());
    m_bytes.clear();
}

void SecureBytes::append(std::string_view bytes)
{
    append(bytes.data(), bytes.size());
}

void SecureBytes::append(const void* data, std::size_t size)
{
    // Grow by hand so that a reallocation never leaves an unwiped copy behind.
    const std::size_t old = m_bytes.size();
    if (old + size > m_bytes.capacity()) {
        std::vector<char> bigger;
        bigger.reserve((old + size) * 2);
        bigger.assign(m_bytes.begin(), m_bytes.end());
        wipe();
        m_bytes = std::move(bigger);
    }
    m_bytes.resize(old + size);
    if (size != 0) {
        std::memcpy(m_bytes.data() + old, data, size);
    }
}

void SecureBytes::resize(std::size_t size)
{
    if (size > m_bytes.capacity()) {
        std::vector<char> bigger;
        bigger.reserve(size);
        bigger.assign(m_bytes.begin(), m_bytes.end());
        wipe();
        m_bytes = std::move(bigger);
    }
    m_bytes.resize(size, 0);
}

} // namespace qracoon
