#include "SadbMessageView.h"

#include <QCoreApplication>
#include <algorithm>
#include <arpa/inet.h>

namespace qracoon {

namespace {

constexpr std::size_t MsgSize = sizeof(wire::SadbMsg);
constexpr std::size_t ExtHeaderSize = sizeof(wire::SadbExt);

// Linux PF_KEY message types the satype checks refer to.
namespace MsgType {
enum : std::uint8_t
{
    GetSpi = 1,
    Update = 2,
    Add = 3,
    Delete = 4,
    Get = 5,
    Acquire = 6,
    Expire = 8,
    XPromisc = 11,
    XSpdAdd = 14,
    XSpdDelete = 15,
    XSpdGet = 16,
    XSpdDump = 18,
    XSpdFlush = 19,
    XNatTNewMapping = 23,
};
} // namespace MsgType

struct SadbIdent
{
    wire::SadbExt ext;
    std::uint16_t type;
    std::uint16_t reserved;
    std::uint64_t id;
};
static_assert(sizeof(SadbIdent) == 16);

QString tr(const char* text)
{
    return QCoreApplication::translate("qracoon::SadbMessageView", text);
}

bool isAddressExtension(std::uint16_t type)
{
    return type == Sadb::Ext::AddressSrc || type == Sadb::Ext::AddressDst ||
           type == Sadb::Ext::AddressProxy || type == Sadb::Ext::XNatTOa;
}

// The smallest extension that holds the structure of its type; 0 for types read only as raw bytes.
std::size_t minimumSize(std::uint16_t type)
{
    switch (type) {
    case Sadb::Ext::Sa:
        return sizeof(wire::SadbSa);
    case Sadb::Ext::LifetimeCurrent:
    case Sadb::Ext::LifetimeHard:
    case Sadb::Ext::LifetimeSoft:
        return sizeof(wire::SadbLifetime);
    case Sadb::Ext::AddressSrc:
    case Sadb::Ext::AddressDst:
    case Sadb::Ext::AddressProxy:
    case Sadb::Ext::XNatTOa:
        return sizeof(wire::SadbAddress) + 2; // at least the sockaddr family
    case Sadb::Ext::KeyAuth:
    case Sadb::Ext::KeyEncrypt:
        return sizeof(wire::SadbKey);
    case Sadb::Ext::IdentitySrc:
    case Sadb::Ext::IdentityDst:
        return sizeof(SadbIdent);
    case Sadb::Ext::XSa2:
        return sizeof(wire::SadbXSa2);
    case Sadb::Ext::XNatTType:
        return sizeof(wire::SadbXNatTType);
    case Sadb::Ext::XNatTSport:
    case Sadb::Ext::XNatTDport:
        return sizeof(wire::SadbXNatTPort);
    case Sadb::Ext::XSecCtx:
        return sizeof(wire::SadbXSecCtx);
    default:
        return ExtHeaderSize;
    }
}

// The types libipsec accepts on Linux: everything up to KMADDRESS except KMPRIVATE (17); FILTER (26) is
// unknown to it.
bool isKnownType(std::uint16_t type)
{
    return type >= Sadb::Ext::Sa && type <= Sadb::Ext::XKmAddress && type != Sadb::Ext::XKmPrivate;
}

std::uint16_t loadU16(const std::uint8_t* p)
{
    std::uint16_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

} // namespace

SadbMessageView::SadbMessageView(const std::uint8_t* data, std::size_t available) : m_data(data)
{
    if (!wire::readStruct(data, available, 0, m_header)) {
        fail(LayoutError::ShortHeader, 0, 0);
        return;
    }
    const std::size_t length = std::size_t(m_header.len) * 8;
    if (length > available) {
        fail(LayoutError::MessageOverrun, 0, 0);
        return;
    }
    m_advance = length;
    m_size = length;
    if (length < MsgSize) {
        fail(LayoutError::MessageTooShort, 0, 0);
        return;
    }
    walk();
    if (m_decodeProblem == Problem::None) {
        check();
    }
}

void SadbMessageView::fail(LayoutError error, std::size_t offset, std::uint16_t type)
{
    m_layoutError = error;
    if (m_problem == Problem::None) {
        m_problem = Problem::InvalidSadbMessage;
    }
    m_decodeProblem = Problem::InvalidSadbMessage;
    m_problemOffset = offset;
    m_problemType = type;
}

void SadbMessageView::walk()
{
    std::size_t p = MsgSize;
    while (p < m_size) {
        wire::SadbExt ext{};
        if (!wire::readStruct(m_data, m_size, p, ext)) {
            fail(LayoutError::ExtensionHeader, p, 0);
            return;
        }
        const std::size_t extSize = std::size_t(ext.len) * 8;
        if (extSize == 0) {
            fail(LayoutError::ExtensionZeroLength, p, ext.type);
            return;
        }
        if (extSize > m_size - p) {
            fail(LayoutError::ExtensionOverrun, p, ext.type);
            return;
        }
        if (!isKnownType(ext.type)) {
            // libipsec rejects the message here; a decoder passes over the extension and keeps the rest.
            if (m_problem == Problem::None) {
                m_problem = Problem::InvalidExtensionType;
            }
            ++m_unknownExtensions;
            p += extSize;
            continue;
        }
        if (m_ext[ext.type].size != 0) {
            if (m_problem == Problem::None) {
                m_problem = Problem::InvalidExtensionType;
            }
            m_decodeProblem = Problem::InvalidExtensionType;
            m_problemOffset = p;
            m_problemType = ext.type;
            return;
        }
        std::size_t needed = minimumSize(ext.type);
        if (isAddressExtension(ext.type) && extSize >= needed) {
            const std::uint16_t family = loadU16(m_data + p + sizeof(wire::SadbAddress));
            if (family == WireFamily::Inet) {
                needed = sizeof(wire::SadbAddress) + 16;
            } else if (family == WireFamily::Inet6) {
                needed = sizeof(wire::SadbAddress) + 28;
            }
        }
        if (extSize < needed) {
            fail(LayoutError::ExtensionTooShort, p, ext.type);
            return;
        }
        m_ext[ext.type] = Span{static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(extSize)};
        p += extSize;
    }
}

void SadbMessageView::check()
{
    Problem verdict = Problem::None;
    const std::uint8_t type = m_header.type;
    if (m_header.version != Sadb::Version) {
        verdict = Problem::InvalidVersion;
    } else if (type > Sadb::MsgType::Max) {
        verdict = Problem::InvalidMessageType;
    } else {
        switch (m_header.satype) {
        case Sadb::SaType::Unspec:
            switch (type) {
            case MsgType::GetSpi:
            case MsgType::Update:
            case MsgType::Add:
            case MsgType::Delete:
            case MsgType::Get:
            case MsgType::Acquire:
            case MsgType::Expire:
            case MsgType::XNatTNewMapping:
                verdict = Problem::InvalidSaType;
                break;
            default:
                break;
            }
            break;
        case Sadb::SaType::Esp:
        case Sadb::SaType::Ah:
        case Sadb::SaType::IpComp:
            switch (type) {
            case MsgType::XSpdAdd:
            case MsgType::XSpdDelete:
            case MsgType::XSpdGet:
            case MsgType::XSpdDump:
            case MsgType::XSpdFlush:
                verdict = Problem::InvalidSaType;
                break;
            default:
                break;
            }
            if (type == MsgType::XNatTNewMapping && m_header.satype != Sadb::SaType::Esp) {
                verdict = Problem::InvalidSaType;
            }
            break;
        case 5: // rsvp
        case 6: // ospfv2
        case 7: // ripv2
        case 8: // mip
            verdict = Problem::NotSupported;
            break;
        default:
            if (!(m_header.satype == 1 && type == MsgType::XPromisc) && type != MsgType::XSpdFlush) {
                verdict = Problem::InvalidSaType;
            }
            break;
        }
    }
    if (verdict == Problem::None && has(Sadb::Ext::AddressSrc) && has(Sadb::Ext::AddressDst)) {
        wire::SadbAddress src{};
        wire::SadbAddress dst{};
        wire::readStruct(m_data, m_size, m_ext[Sadb::Ext::AddressSrc].offset, src);
        wire::readStruct(m_data, m_size, m_ext[Sadb::Ext::AddressDst].offset, dst);
        const std::uint16_t srcFamily = addressFamily(Sadb::Ext::AddressSrc);
        if (src.proto != dst.proto) {
            verdict = Problem::ProtocolMismatch;
        } else if (srcFamily != addressFamily(Sadb::Ext::AddressDst)) {
            verdict = Problem::FamilyMismatch;
        } else if (srcFamily != WireFamily::Inet && srcFamily != WireFamily::Inet6) {
            verdict = Problem::InvalidAddressFamily;
        }
    }
    if (verdict != Problem::None) {
        if (m_problem == Problem::None) {
            m_problem = verdict;
        }
        m_decodeProblem = verdict;
    }
}

std::string_view SadbMessageView::extension(std::uint16_t type) const
{
    if (!has(type)) {
        return {};
    }
    return {reinterpret_cast<const char*>(m_data) + m_ext[type].offset, m_ext[type].size};
}

wire::SadbSa SadbMessageView::sa() const
{
    wire::SadbSa s{};
    if (has(Sadb::Ext::Sa)) {
        wire::readStruct(m_data, m_size, m_ext[Sadb::Ext::Sa].offset, s);
    }
    return s;
}

wire::SadbXSa2 SadbMessageView::sa2() const
{
    wire::SadbXSa2 s{};
    if (has(Sadb::Ext::XSa2)) {
        wire::readStruct(m_data, m_size, m_ext[Sadb::Ext::XSa2].offset, s);
    }
    return s;
}

wire::SadbLifetime SadbMessageView::lifetime(std::uint16_t type) const
{
    wire::SadbLifetime l{};
    if (has(type) && (type == Sadb::Ext::LifetimeCurrent || type == Sadb::Ext::LifetimeHard ||
                      type == Sadb::Ext::LifetimeSoft)) {
        wire::readStruct(m_data, m_size, m_ext[type].offset, l);
    }
    return l;
}

wire::SadbXNatTType SadbMessageView::natTType() const
{
    wire::SadbXNatTType t{};
    if (has(Sadb::Ext::XNatTType)) {
        wire::readStruct(m_data, m_size, m_ext[Sadb::Ext::XNatTType].offset, t);
    }
    return t;
}

std::uint16_t SadbMessageView::natTPort(std::uint16_t type) const
{
    wire::SadbXNatTPort port{};
    if (has(type) && (type == Sadb::Ext::XNatTSport || type == Sadb::Ext::XNatTDport)) {
        wire::readStruct(m_data, m_size, m_ext[type].offset, port);
    }
    return ntohs(port.port);
}

std::uint16_t SadbMessageView::addressFamily(std::uint16_t type) const
{
    if (!has(type) || !isAddressExtension(type)) {
        return 0;
    }
    return loadU16(m_data + m_ext[type].offset + sizeof(wire::SadbAddress));
}

SadbMessageView::Address SadbMessageView::address(std::uint16_t type) const
{
    Address a;
    if (!has(type) || !isAddressExtension(type)) {
        return a;
    }
    const Span span = m_ext[type];
    wire::SadbAddress header{};
    wire::readStruct(m_data, m_size, span.offset, header);
    a.proto = header.proto;
    a.prefixLength = header.prefixlen;
    if (auto decoded =
            SocketAddress::fromSockaddr(m_data + span.offset + sizeof header, span.size - sizeof header)) {
        a.address = *decoded;
    }
    return a;
}

SadbMessageView::Key SadbMessageView::key(std::uint16_t type) const
{
    Key k;
    if (!has(type) || (type != Sadb::Ext::KeyAuth && type != Sadb::Ext::KeyEncrypt)) {
        return k;
    }
    const Span span = m_ext[type];
    wire::SadbKey header{};
    wire::readStruct(m_data, m_size, span.offset, header);
    k.bits = header.bits;
    k.data = m_data + span.offset + sizeof header;
    k.size = std::min<std::size_t>(header.bits / 8, span.size - sizeof header);
    return k;
}

SadbMessageView::SecurityContext SadbMessageView::securityContext() const
{
    SecurityContext c;
    if (!has(Sadb::Ext::XSecCtx)) {
        return c;
    }
    const Span span = m_ext[Sadb::Ext::XSecCtx];
    wire::SadbXSecCtx header{};
    wire::readStruct(m_data, m_size, span.offset, header);
    c.alg = header.alg;
    c.doi = header.doi;
    c.declaredLength = header.ctxLen;
    const char* text = reinterpret_cast<const char*>(m_data) + span.offset + sizeof header;
    std::string_view bounded(text, std::min<std::size_t>(header.ctxLen, span.size - sizeof header));
    c.text = bounded.substr(0, bounded.find('\0'));
    return c;
}

SadbMessageView::Identity SadbMessageView::identity(std::uint16_t type) const
{
    Identity id;
    if (!has(type) || (type != Sadb::Ext::IdentitySrc && type != Sadb::Ext::IdentityDst)) {
        return id;
    }
    const Span span = m_ext[type];
    SadbIdent header{};
    wire::readStruct(m_data, m_size, span.offset, header);
    id.type = header.type;
    id.id = header.id;
    std::string_view bounded(reinterpret_cast<const char*>(m_data) + span.offset + sizeof header,
                             span.size - sizeof header);
    id.text = bounded.substr(0, bounded.find('\0'));
    return id;
}

const char* SadbMessageView::problemText(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return "Success";
    case Problem::InvalidSadbMessage:
        return "Invalid sadb message";
    case Problem::InvalidExtensionType:
        return "Invalid extension type";
    case Problem::InvalidVersion:
        return "Invalid version";
    case Problem::InvalidMessageType:
        return "Invalid message type";
    case Problem::InvalidSaType:
        return "Invalid SA type";
    case Problem::NotSupported:
        return "Not supported";
    case Problem::ProtocolMismatch:
        return "Protocol mismatch";
    case Problem::FamilyMismatch:
        return "Family mismatch";
    case Problem::InvalidAddressFamily:
        return "Invalid address family";
    }
    return "Unknown error";
}

QString SadbMessageView::describeProblem() const
{
    switch (m_decodeProblem) {
    case Problem::None:
        return {};
    case Problem::InvalidSadbMessage:
        switch (m_layoutError) {
        case LayoutError::ShortHeader:
            return tr("fewer than the 16 bytes of a PF_KEY message header remain");
        case LayoutError::MessageTooShort:
            return tr("sadb_msg_len %1 is shorter than the message header").arg(m_header.len);
        case LayoutError::MessageOverrun:
            return tr("sadb_msg_len %1 (%2 bytes) runs past the end of the reply")
                .arg(m_header.len)
                .arg(std::size_t(m_header.len) * 8);
        case LayoutError::ExtensionHeader:
            return tr("%1 stray bytes at offset %2 cannot hold an extension header")
                .arg(m_size - m_problemOffset)
                .arg(m_problemOffset);
        case LayoutError::ExtensionZeroLength:
            return tr("extension type %1 at offset %2 has length 0").arg(m_problemType).arg(m_problemOffset);
        case LayoutError::ExtensionOverrun:
            return tr("extension type %1 at offset %2 runs past the end of its message")
                .arg(m_problemType)
                .arg(m_problemOffset);
        case LayoutError::ExtensionTooShort:
            return tr("extension type %1 at offset %2 is too short for its layout")
                .arg(m_problemType)
                .arg(m_problemOffset);
        case LayoutError::None:
            break;
        }
        return tr("invalid PF_KEY message");
    case Problem::InvalidExtensionType:
        return tr("duplicate extension type %1 at offset %2").arg(m_problemType).arg(m_problemOffset);
    case Problem::InvalidVersion:
        return tr("unsupported PF_KEY version %1").arg(m_header.version);
    case Problem::InvalidMessageType:
        return tr("invalid PF_KEY message type %1").arg(m_header.type);
    case Problem::InvalidSaType:
        return tr("SA type %1 is invalid for message type %2").arg(m_header.satype).arg(m_header.type);
    case Problem::NotSupported:
        return tr("SA type %1 is not supported").arg(m_header.satype);
    case Problem::ProtocolMismatch:
        return tr("source and destination addresses name different upper-layer protocols");
    case Problem::FamilyMismatch:
        return tr("source and destination addresses are of different families");
    case Problem::InvalidAddressFamily:
        return tr("address family %1 is neither inet nor inet6").arg(addressFamily(Sadb::Ext::AddressSrc));
    }
    return {};
}

} // namespace qracoon
