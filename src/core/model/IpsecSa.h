// One IPsec SA from a PF_KEY dump message (RFC 2367 with Linux numbering, ADMIN-PROTOCOL.md §7.3):
// everything the kernel reported, in host order, keyed by which extensions were present.
#pragma once

#include "core/wire/AdminCodes.h"
#include "core/wire/SocketAddress.h"

#include <QByteArray>
#include <cstdint>

namespace qracoon {

struct IpsecSa
{
    struct Lifetime
    {
        std::uint32_t allocations = 0;
        std::uint64_t bytes = 0;
        std::uint64_t addtime = 0; // UNIX seconds for CURRENT, a duration for HARD/SOFT
        std::uint64_t usetime = 0;
    };

    struct Identity
    {
        std::uint16_t type = 0;
        std::uint64_t id = 0;
        QByteArray text; // up to the first NUL inside the extension
    };

    struct SecurityContext
    {
        std::uint8_t alg = 0;
        std::uint8_t doi = 0;
        std::uint16_t declaredLength = 0; // sadb_x_ctx_len as sent
        QByteArray context;               // bounded by the extension and the declared length
    };

    // sadb_msg
    std::uint8_t messageType = 0;
    std::uint8_t satype = 0;
    std::uint16_t reserved = 0; // printed as "refcnt"
    std::uint32_t sadbSeq = 0;
    std::uint32_t sadbPid = 0;

    // SA
    std::uint32_t spi = 0; // converted to host order
    std::uint8_t replay = 0;
    std::uint8_t state = 0;
    std::uint8_t authAlg = 0;
    std::uint8_t encAlg = 0; // the compression algorithm for IPComp
    std::uint32_t flags = 0;

    // X_SA2
    std::uint8_t mode = 0;
    std::uint32_t sequence = 0;
    std::uint32_t reqid = 0;

    // ADDRESS_SRC / ADDRESS_DST (and the proxy address, rarely present)
    SocketAddress source;
    SocketAddress destination;
    SocketAddress proxy;
    std::uint8_t sourcePrefix = 0;
    std::uint8_t destinationPrefix = 0;
    std::uint8_t upperLayerProtocol = 0;

    // KEY_AUTH / KEY_ENCRYPT: the key bytes bounded by the extension length, and the bit count announced.
    QByteArray authKey;
    QByteArray encKey;
    std::uint16_t authKeyBits = 0;
    std::uint16_t encKeyBits = 0;

    Lifetime current;
    Lifetime hard;
    Lifetime soft;

    Identity sourceIdentity;
    Identity destinationIdentity;

    // NAT-T
    std::uint8_t natTType = 0;
    std::uint16_t natTSourcePort = 0; // host order
    std::uint16_t natTDestinationPort = 0;
    SocketAddress natTOriginalAddress;

    SecurityContext securityContext;

    // Bit n set when extension type n was present (Sadb::Ext numbering, 1..26).
    std::uint32_t extensions = 0;
    // Extension types this client does not interpret that were passed over.
    int unknownExtensions = 0;

    bool has(std::uint16_t extensionType) const
    {
        return extensionType < 32 && (extensions & (std::uint32_t(1) << extensionType)) != 0;
    }
    bool usesNatT() const { return has(Sadb::Ext::XNatTType) && natTType != 0; }

    // Every field: a refresh tells views about a row only when racoon reported something new for it.
    bool operator==(const IpsecSa& other) const;
    bool operator!=(const IpsecSa& other) const { return !(*this == other); }
};

} // namespace qracoon
