#include "AdminRequest.h"

#include "WireLayout.h"

#include <QCoreApplication>

namespace qracoon {

namespace {

constexpr std::size_t HeaderSize = sizeof(wire::AdminHeader);
constexpr std::size_t MaxFrame = 0xffff;

QString tr(const char* text)
{
    return QCoreApplication::translate("qracoon::AdminRequest", text);
}

void writeIndexes(char* out, const SaSelector& s)
{
    wire::AdminIndexes idx;
    std::memset(&idx, 0, sizeof idx); // padding included: the request bytes must be deterministic
    idx.prefs = s.prefs;
    idx.prefd = s.prefd;
    idx.ulProto = s.ulProto;
    s.src.writeTo(idx.src);
    s.dst.writeTo(idx.dst);
    std::memcpy(out, &idx, sizeof idx);
}

} // namespace

bool AdminRequest::isSecret(std::size_t offset) const
{
    for (const ByteRange& r : m_secrets) {
        if (offset >= r.offset && offset - r.offset < r.length) {
            return true;
        }
    }
    return false;
}

bool AdminRequest::subscribes() const
{
    switch (m_command) {
    case AdminCommand::ShowEvt:
    case AdminCommand::EstablishSa:
    case AdminCommand::EstablishSaPsk:
    case AdminCommand::DeleteAllSaDst:
        return true;
    default:
        return false;
    }
}

AdminRequest AdminRequest::build(std::uint16_t command, std::uint16_t proto, std::size_t payloadSize)
{
    AdminRequest r;
    r.m_command = command;
    r.m_proto = proto;
    r.m_bytes.resize(HeaderSize + payloadSize);
    r.finishHeader();
    return r;
}

void AdminRequest::finishHeader()
{
    wire::AdminHeader h{};
    h.len = static_cast<std::uint16_t>(m_bytes.size());
    h.cmd = static_cast<std::uint16_t>(m_command | AdminFlagVersion);
    h.third = AdminProtocolVersion;
    h.proto = m_proto;
    std::memcpy(m_bytes.data(), &h, sizeof h);
}

AdminRequest AdminRequest::simple(std::uint16_t command, std::uint16_t proto)
{
    return build(command, proto, 0);
}

AdminRequest AdminRequest::withIndexes(std::uint16_t command, std::uint16_t proto, const SaSelector& selector)
{
    AdminRequest r = build(command, proto, sizeof(wire::AdminIndexes));
    writeIndexes(r.m_bytes.data() + HeaderSize, selector);
    return r;
}

Result<AdminRequest> AdminRequest::establish(std::uint16_t proto, const SaSelector& selector,
                                             const QByteArray& remoteName)
{
    // racoon reads a remote name only for ISAKMP; the reference drops it for ESP/AH and so do we.
    const bool withName = !remoteName.isEmpty() && proto == AdminProto::Isakmp;
    const std::size_t nameSize = withName ? static_cast<std::size_t>(remoteName.size()) + 1 : 0;
    if (withName && remoteName.contains('\0')) {
        return Result<AdminRequest>::failure(tr("the remote name contains a NUL byte"));
    }
    if (HeaderSize + sizeof(wire::AdminIndexes) + nameSize > MaxFrame) {
        return Result<AdminRequest>::failure(
            tr("the remote name is too long for one admin request (%1 bytes)").arg(remoteName.size()));
    }
    AdminRequest r = build(AdminCommand::EstablishSa, proto, sizeof(wire::AdminIndexes) + nameSize);
    writeIndexes(r.m_bytes.data() + HeaderSize, selector);
    if (withName) {
        std::memcpy(r.m_bytes.data() + HeaderSize + sizeof(wire::AdminIndexes), remoteName.constData(),
                    static_cast<std::size_t>(remoteName.size()));
    }
    return r;
}

Result<AdminRequest> AdminRequest::establishWithCredentials(std::uint16_t proto, const SaSelector& selector,
                                                            const QByteArray& identity,
                                                            std::string_view password)
{
    if (identity.contains('\0') || password.find('\0') != std::string_view::npos) {
        return Result<AdminRequest>::failure(tr("the Xauth identity or password contains a NUL byte"));
    }
    const std::size_t idLen = static_cast<std::size_t>(identity.size()) + 1;
    const std::size_t keyLen = password.size() + 1;
    const std::size_t payload = sizeof(wire::AdminIndexes) + sizeof(wire::AdminPsk) + idLen + keyLen;
    if (HeaderSize + payload > MaxFrame) {
        return Result<AdminRequest>::failure(
            tr("the Xauth identity and password are too long for one admin request (at most %1 bytes "
               "together)")
                .arg(MaxFrame - HeaderSize - sizeof(wire::AdminIndexes) - sizeof(wire::AdminPsk) - 2));
    }
    AdminRequest r = build(AdminCommand::EstablishSaPsk, proto, payload);
    char* p = r.m_bytes.data() + HeaderSize;
    writeIndexes(p, selector);
    p += sizeof(wire::AdminIndexes);
    wire::AdminPsk psk;
    std::memset(&psk, 0, sizeof psk);
    psk.idType = wire::IdTypeUserFqdn;
    psk.idLen = idLen;
    psk.keyLen = keyLen;
    std::memcpy(p, &psk, sizeof psk);
    p += sizeof psk;
    std::memcpy(p, identity.constData(), idLen - 1);
    p += idLen;
    if (!password.empty()) {
        std::memcpy(p, password.data(), password.size());
    }
    r.m_secrets.push_back({static_cast<std::size_t>(p - r.m_bytes.data()), keyLen - 1});
    return r;
}

Result<AdminRequest> AdminRequest::logoutUser(const QByteArray& login)
{
    if (login.isEmpty() || login.size() > MaxLoginLength || login.contains('\0')) {
        return Result<AdminRequest>::failure(
            tr("bad login (too long?): racoon accepts logins of 1 to %1 bytes").arg(MaxLoginLength));
    }
    AdminRequest r =
        build(AdminCommand::LogoutUser, AdminProto::None, static_cast<std::size_t>(login.size()) + 1);
    std::memcpy(r.m_bytes.data() + HeaderSize, login.constData(), static_cast<std::size_t>(login.size()));
    return r;
}

Result<AdminRequest> AdminRequest::decode(const char* data, std::size_t size)
{
    wire::AdminHeader h{};
    if (!wire::readStruct(data, size, 0, h)) {
        return Result<AdminRequest>::failure(tr("request shorter than the 8-byte header"));
    }
    if (h.len < HeaderSize || h.len != size) {
        return Result<AdminRequest>::failure(
            tr("request header announces %1 bytes but the frame has %2").arg(h.len).arg(size));
    }
    AdminRequest r;
    r.m_command = static_cast<std::uint16_t>(h.cmd & ~AdminFlagVersion);
    r.m_proto = h.proto;
    r.m_bytes.append(data, size);
    if (r.m_command == AdminCommand::EstablishSaPsk) {
        wire::AdminPsk psk{};
        const std::size_t at = HeaderSize + sizeof(wire::AdminIndexes);
        if (wire::readStruct(data, size, at, psk) && psk.idLen <= size && psk.keyLen <= size &&
            at + sizeof psk + psk.idLen + psk.keyLen <= size && psk.keyLen > 0) {
            r.m_secrets.push_back({at + sizeof psk + psk.idLen, psk.keyLen - 1});
        }
    }
    return r;
}

Result<SaSelector> decodeIndexes(const char* payload, std::size_t size)
{
    wire::AdminIndexes idx{};
    if (!wire::readStruct(payload, size, 0, idx)) {
        return Result<SaSelector>::failure(
            QCoreApplication::translate(
                "qracoon::AdminRequest",
                "request payload of %1 bytes is shorter than the 264-byte admin_com_indexes")
                .arg(size));
    }
    SaSelector s;
    s.prefs = idx.prefs;
    s.prefd = idx.prefd;
    s.ulProto = idx.ulProto;
    s.src = SocketAddress::fromStorage(idx.src);
    s.dst = SocketAddress::fromStorage(idx.dst);
    return s;
}

} // namespace qracoon
