// Decodes the ISAKMP mode-config attribute list carried by a PHASE1_MODE_CFG event (ADMIN-PROTOCOL.md §8.5):
// network byte order, TV attributes when bit 15 of the type is set, TLV otherwise.
#pragma once

#include "core/model/ModeCfg.h"

#include <cstddef>

namespace qracoon {

// Never fails: the attributes before a truncated one are kept and ModeCfg::complete says the list was cut.
ModeCfg decodeModeCfg(const char* attributes, std::size_t size);

} // namespace qracoon
