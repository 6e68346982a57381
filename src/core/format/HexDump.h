// The `-d` dump of a request frame (ADMIN-PROTOCOL.md §10.7). Unlike the reference, which dumps its
// buffer descriptor (§12.2 item 1), this dumps the frame itself, with every secret byte shown as `**`.
#pragma once

#include "core/wire/AdminRequest.h"

#include <string>

namespace qracoon {

// ` 08000181 0100ff01`: a space before every 4th byte, a newline before every 32nd, a final newline.
void appendRequestHexDump(std::string& out, const AdminRequest& request);

} // namespace qracoon
