// A non-allocating view over one PF_KEY message inside a dump buffer: the extension walk and the
// checks libipsec applies before printing (pfkey_align/pfkey_check), every offset bounded by the
// bytes actually available. The printer reads the extensions through it without copying them.
#pragma once

#include "core/wire/AdminCodes.h"
#include "core/wire/SocketAddress.h"
#include "core/wire/WireLayout.h"

#include <QString>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace qracoon {

class SadbMessageView
{
public:
    // The libipsec verdicts a message can get; their texts are what the reference prints.
    enum class Problem : std::uint8_t
    {
        None,
        InvalidSadbMessage,   // broken framing
        InvalidExtensionType, // unknown, zero or duplicate extension type
        InvalidVersion,
        InvalidMessageType,
        InvalidSaType,
        NotSupported,
        ProtocolMismatch,
        FamilyMismatch,
        InvalidAddressFamily,
    };

    // Why the framing is broken, for messages naming the field.
    enum class LayoutError : std::uint8_t
    {
        None,
        ShortHeader,         // fewer than 16 bytes for sadb_msg
        MessageTooShort,     // sadb_msg_len * 8 < 16
        MessageOverrun,      // sadb_msg_len * 8 beyond the bytes available
        ExtensionHeader,     // fewer than 4 bytes left for an extension header
        ExtensionZeroLength, // sadb_ext_len 0
        ExtensionOverrun,    // sadb_ext_len beyond the message
        ExtensionTooShort,   // shorter than the structure of its type
    };

    struct Address
    {
        std::uint8_t proto = 0;
        std::uint8_t prefixLength = 0;
        SocketAddress address;
    };

    struct Key
    {
        std::uint16_t bits = 0;
        const std::uint8_t* data = nullptr;
        std::size_t size = 0; // bits / 8, bounded by the extension
    };

    struct SecurityContext
    {
        std::uint8_t alg = 0;
        std::uint8_t doi = 0;
        std::uint16_t declaredLength = 0;
        std::string_view text; // bounded by the extension and the declared length, up to a NUL
    };

    struct Identity
    {
        std::uint16_t type = 0;
        std::uint64_t id = 0;
        std::string_view text; // bounded by the extension, up to a NUL
    };

    // Parses the message starting at `data`; `available` is the number of bytes from there to the end of
    // the payload. Never reads outside [data, data + available).
    SadbMessageView(const std::uint8_t* data, std::size_t available);

    const wire::SadbMsg& header() const { return m_header; }
    bool hasHeader() const { return m_layoutError != LayoutError::ShortHeader; }
    // Bytes of this message that were walked (0 when its length could not be followed).
    std::size_t size() const { return m_size; }
    // Bytes to advance to the next message (sadb_msg_len * 8); 0 if the walk cannot go on.
    std::size_t advance() const { return m_advance; }

    // The verdict the reference printer would give (its first failing check).
    Problem problem() const { return m_problem; }
    // What a decoder must refuse: broken framing, duplicates, or a failed libipsec check. Unknown extension
    // types alone are not a decode problem: they are passed over.
    Problem decodeProblem() const { return m_decodeProblem; }
    LayoutError layoutError() const { return m_layoutError; }
    // Offset (from the start of the message) and type of the extension the first problem is about.
    std::size_t problemOffset() const { return m_problemOffset; }
    std::uint16_t problemExtensionType() const { return m_problemType; }
    int unknownExtensions() const { return m_unknownExtensions; }
    // A sentence naming what is wrong and where, empty when decodeProblem() is None.
    QString describeProblem() const;

    bool has(std::uint16_t type) const { return type <= Sadb::Ext::Max && m_ext[type].size != 0; }
    // The raw bytes of an extension (header included), empty if absent.
    std::string_view extension(std::uint16_t type) const;

    // Accessors below assume has(type); they return zeroed values otherwise.
    wire::SadbSa sa() const;
    wire::SadbXSa2 sa2() const;
    wire::SadbLifetime lifetime(std::uint16_t type) const;
    wire::SadbXNatTType natTType() const;
    std::uint16_t natTPort(std::uint16_t type) const; // host order
    Address address(std::uint16_t type) const;
    // Family of an address extension without decoding it (0 if absent).
    std::uint16_t addressFamily(std::uint16_t type) const;
    Key key(std::uint16_t type) const;
    SecurityContext securityContext() const;
    Identity identity(std::uint16_t type) const;

    static const char* problemText(Problem problem);

private:
    struct Span
    {
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
    };

    void walk();
    void check();
    void fail(LayoutError error, std::size_t offset, std::uint16_t type);

    const std::uint8_t* m_data;
    std::size_t m_size = 0; // bytes of this message that may be read
    std::size_t m_advance = 0;
    wire::SadbMsg m_header{};
    std::array<Span, Sadb::Ext::Max + 1> m_ext{};
    Problem m_problem = Problem::None;
    Problem m_decodeProblem = Problem::None;
    LayoutError m_layoutError = LayoutError::None;
    std::size_t m_problemOffset = 0;
    std::uint16_t m_problemType = 0;
    int m_unknownExtensions = 0;
};

} // namespace qracoon
