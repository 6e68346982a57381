// Texts for racoon's events: the reference's event line and mode-config summary (ADMIN-PROTOCOL.md
// §8.3, §8.5, §10.3), and a readable description for the applet and error messages.
#pragma once

#include "PrintOptions.h"
#include "core/model/RacoonEvent.h"

#include <QString>
#include <string>

namespace qracoon {

// `<text> : <src> -> <dst>` or `Event <code>: <src> -> <dst>`, newline included.
void appendEventLine(std::string& out, const RacoonEvent& event);
// The summary `vpn-connect` prints on PHASE1_MODE_CFG (nothing for other events): the reference's
// diagnostics, then `Bound to address <addr>` when an INTERNAL_IP4_ADDRESS of at least 4 bytes was
// received (corrected, §12.2 item 2) or `VPN connexion established`, then the banner between rulers.
void appendModeCfgSummary(std::string& out, const RacoonEvent& event, const PrintOptions& options);
// A translated sentence saying what the event means, e.g. for XAUTH_FAILED "Xauth failed: the gateway
// rejected the user name or password".
QString eventDescription(const RacoonEvent& event);
// The reference's text for an event code, nullptr when it prints `Event <n>:` instead.
const char* eventCodeText(std::uint32_t code);
// An event endpoint as the reference prints it: `anonymous`, `addr[port]` or `(invalid)[(inv)]`.
void appendEventEndpoint(std::string& out, const SocketAddress& address);

} // namespace qracoon
