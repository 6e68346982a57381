// Decodes a SHOW_SA/ISAKMP reply: an array of 304-byte ph1dump records (ADMIN-PROTOCOL.md §7.1).
#pragma once

#include "core/Result.h"
#include "core/model/IsakmpSa.h"
#include "core/wire/WireLayout.h"

#include <cstddef>
#include <vector>

namespace qracoon {

IsakmpSa isakmpSaFromWire(const wire::Ph1Dump& record);

// The record at `index` (0-based); fails when it does not fit entirely inside the payload.
Result<IsakmpSa> decodeIsakmpSa(const char* payload, std::size_t size, std::size_t index);

// Every record; fails, naming the offset, when the payload is not a whole number of records.
Result<std::vector<IsakmpSa>> decodePh1Dump(const char* payload, std::size_t size);

} // namespace qracoon
