// Walks the PF_KEY messages of a SHOW_SA (IPSEC/AH/ESP) reply. Unlike the reference, the walk is
// bounded by the payload: it ends after the message with sadb_msg_seq 0, at the end of the payload,
// or at a message whose length cannot be followed (ADMIN-PROTOCOL.md §7.3, §12.2 item 9).
#pragma once

#include "SadbMessageView.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace qracoon {

class SadbDumpWalker
{
public:
    SadbDumpWalker(const char* payload, std::size_t size)
        : m_data(reinterpret_cast<const std::uint8_t*>(payload)), m_size(size)
    {}

    // The next message, or nullopt when the walk is over. A message that is cut short or cannot be
    // advanced over is still returned (with its problem) and ends the walk.
    std::optional<SadbMessageView> next();

    // Offset of the message last returned, from the start of the payload.
    std::size_t offset() const { return m_current; }
    // Zero-based index of the message last returned.
    int index() const { return m_index; }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_offset = 0;
    std::size_t m_current = 0;
    int m_index = -1;
    bool m_done = false;
};

} // namespace qracoon
