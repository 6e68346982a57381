// The `show-sa isakmp` table exactly as the reference prints it (ADMIN-PROTOCOL.md §10.1).
#pragma once

#include "LocalTimeText.h"
#include "PrintOptions.h"
#include "core/model/IsakmpSa.h"

#include <cstddef>
#include <string>

namespace qracoon {

// The header line for a verbosity (-l count), newline included.
void appendIsakmpSaHeader(std::string& out, int verbosity);
// One row, newline included.
void appendIsakmpSaRow(std::string& out, const IsakmpSa& sa, int verbosity, LocalTimeText& times);
// Header, `invalid length <n>` for a partial record, and every complete record of a ph1dump payload;
// with a drain, the text leaves in pieces between rows.
void appendIsakmpSaTable(std::string& out, const char* payload, std::size_t size, int verbosity,
                         LocalTimeText& times, const TextDrain* drain = nullptr);
// The reference's fixed_addr(): "<host>.<port>" cut and space-padded to exactly `width` columns.
void appendFixedAddress(std::string& out, const SocketAddress& address, int width);

} // namespace qracoon
