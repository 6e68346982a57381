// A byte buffer that is wiped before its memory is released: requests that carry an Xauth password
// live in one of these and nowhere else.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace qracoon {

class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size) : m_bytes(size, 0) {}
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    ~SecureBytes();

    // Wipes the contents and leaves an empty buffer.
    void wipe();
    void append(std::string_view bytes);
    void append(const void* data, std::size_t size);
    void resize(std::size_t size);

    char* data() { return m_bytes.data(); }
    const char* data() const { return m_bytes.data(); }
    std::size_t size() const { return m_bytes.size(); }
    bool empty() const { return m_bytes.empty(); }
    std::string_view view() const { return {m_bytes.data(), m_bytes.size()}; }

private:
    std::vector<char> m_bytes;
};

// Overwrites `size` bytes in a way the compiler may not optimise away.
void secureWipe(void* data, std::size_t size);

} // namespace qracoon
