// One phase 1 (ISAKMP) SA as racoon lists it in a SHOW_SA/ISAKMP reply (ADMIN-PROTOCOL.md §7.1).
#pragma once

#include "core/wire/SocketAddress.h"

#include <array>
#include <cstdint>
#include <ctime>

namespace qracoon {

struct IsakmpSa
{
    enum Side
    {
        Initiator = 0,
        Responder = 1,
    };

    std::array<std::uint8_t, 8> initiatorCookie{};
    std::array<std::uint8_t, 8> responderCookie{};
    int status = 0; // phase 1 state, §13.3 (9 = established)
    int side = Initiator;
    SocketAddress remote;
    SocketAddress local;
    std::uint8_t version = 0; // major version in the high nibble
    std::uint8_t etype = 0;   // exchange type, §13.4
    std::time_t created = 0;  // 0 while not yet established
    int ph2cnt = 0;

    bool isEstablished() const { return status == 9; }
    bool operator==(const IsakmpSa& other) const;
    bool operator!=(const IsakmpSa& other) const { return !(*this == other); }
};

} // namespace qracoon
