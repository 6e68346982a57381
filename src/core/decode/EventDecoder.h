// Decodes a pushed SHOW_EVT frame: evt_async plus the mode-config attributes (ADMIN-PROTOCOL.md §8.1).
#pragma once

#include "core/Result.h"
#include "core/model/RacoonEvent.h"
#include "core/wire/AdminFrame.h"

#include <cstddef>

namespace qracoon {

// Fails for a frame shorter than 8 + 280 bytes.
Result<RacoonEvent> decodeEvent(const AdminFrame& frame);
// The same from the payload (everything after the 8-byte header).
Result<RacoonEvent> decodeEventPayload(const char* payload, std::size_t size);

} // namespace qracoon
