// The local address racoon will speak IKE from towards a VPN gateway (vpn-connect's SRC).
#pragma once

#include "core/Result.h"
#include "core/wire/SocketAddress.h"

namespace qracoon {

// Asks the kernel which local address it would use to send a datagram to `destination` on the
// NAT-T port: a UDP socket is connected (nothing is sent) and read back with getsockname. The result
// has port 0. Fails with a message when there is no route or no such address family.
Result<SocketAddress> sourceAddressToward(const SocketAddress& destination);

} // namespace qracoon
