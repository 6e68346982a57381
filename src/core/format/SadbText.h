// The SADB dump printer of `show-sa esp|ah|ipsec` (setkey style, ADMIN-PROTOCOL.md §10.5), byte for byte
// as the reference prints it except where §12.2 asks for the correct behaviour: the walk is bounded by
// the payload, keys and security contexts by their extension, and the IPComp line ends in a newline.
#pragma once

#include "LocalTimeText.h"
#include "PrintOptions.h"
#include "core/decode/SadbMessageView.h"

#include <cstddef>
#include <ctime>
#include <string>

namespace qracoon {

// A whole SHOW_SA (IPSEC/AH/ESP) payload: `No SAD entries.`, `No entry.` or `<strerror>.` for an errno
// in the first message, otherwise every message. `now` is the client's current time. With a drain, the
// text leaves in pieces between messages.
void appendSadbDump(std::string& out, const char* payload, std::size_t size, std::time_t now,
                    LocalTimeText& times, const TextDrain* drain = nullptr);
// One message (its libipsec error text if it is rejected).
void appendSadbMessage(std::string& out, const SadbMessageView& message, std::time_t now,
                       LocalTimeText& times);
// ipsec_hexdump(): a space before every 4th byte, a newline before every 32nd, no final newline.
void appendKeyHexDump(std::string& out, const std::uint8_t* data, std::size_t size);

} // namespace qracoon
