// Prints reply frames exactly as the reference racoonctl does (ADMIN-PROTOCOL.md §10), dispatching on the
// reply's command and protocol (§10.6).
#pragma once

#include "PrintOptions.h"
#include "core/wire/AdminFrame.h"

#include <string>

namespace qracoon {

class ReplyPrinter
{
public:
    // SHOW_SCHED, SHOW_SA (isakmp / ipsec,esp,ah / internal / `Invalid proto [n]`), GET_SA_CERT (raw bytes),
    // STATUS(_VERBOSE) (payload + "\n"), SHOW_EVT (event line; a frame of exactly 8 bytes prints nothing).
    // Other commands and error replies print nothing: the caller deals with ac_errno first.
    // Returns false (and appends nothing) only for a SHOW_EVT frame shorter than 8+280 bytes ("Short
    // buffer"). With options.drain set, long dumps leave through it in pieces as they are printed.
    static bool print(std::string& out, const AdminFrame& frame, const PrintOptions& options);
};

} // namespace qracoon
