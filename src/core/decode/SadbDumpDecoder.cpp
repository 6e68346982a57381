#include "SadbDumpDecoder.h"

#include "SadbDumpWalker.h"

#include <QCoreApplication>
#include <arpa/inet.h>
#include <cerrno>

namespace qracoon {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("qracoon", text);
}

IpsecSa::Lifetime lifetimeOf(const wire::SadbLifetime& l)
{
    return IpsecSa::Lifetime{l.allocations, l.bytes, l.addtime, l.usetime};
}

QByteArray bytesOf(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

Result<IpsecSa> decodeIpsecSa(const SadbMessageView& view)
{
    if (view.decodeProblem() != SadbMessageView::Problem::None) {
        return Result<IpsecSa>::failure(view.describeProblem());
    }
    IpsecSa s;
    const wire::SadbMsg& h = view.header();
    s.messageType = h.type;
    s.satype = h.satype;
    s.reserved = h.reserved;
    s.sadbSeq = h.seq;
    s.sadbPid = h.pid;
    s.unknownExtensions = view.unknownExtensions();
    for (std::uint16_t type = 1; type <= Sadb::Ext::Max; ++type) {
        if (view.has(type)) {
            s.extensions |= std::uint32_t(1) << type;
        }
    }
    if (view.has(Sadb::Ext::Sa)) {
        const wire::SadbSa sa = view.sa();
        s.spi = ntohl(sa.spi);
        s.replay = sa.replay;
        s.state = sa.state;
        s.authAlg = sa.auth;
        s.encAlg = sa.encrypt;
        s.flags = sa.flags;
    }
    if (view.has(Sadb::Ext::XSa2)) {
        const wire::SadbXSa2 sa2 = view.sa2();
        s.mode = sa2.mode;
        s.sequence = sa2.sequence;
        s.reqid = sa2.reqid;
    }
    const SadbMessageView::Address src = view.address(Sadb::Ext::AddressSrc);
    const SadbMessageView::Address dst = view.address(Sadb::Ext::AddressDst);
    s.source = src.address;
    s.sourcePrefix = src.prefixLength;
    s.destination = dst.address;
    s.destinationPrefix = dst.prefixLength;
    s.upperLayerProtocol = src.proto;
    s.proxy = view.address(Sadb::Ext::AddressProxy).address;
    const SadbMessageView::Key auth = view.key(Sadb::Ext::KeyAuth);
    const SadbMessageView::Key enc = view.key(Sadb::Ext::KeyEncrypt);
    s.authKeyBits = auth.bits;
    s.authKey = QByteArray(reinterpret_cast<const char*>(auth.data), static_cast<qsizetype>(auth.size));
    s.encKeyBits = enc.bits;
    s.encKey = QByteArray(reinterpret_cast<const char*>(enc.data), static_cast<qsizetype>(enc.size));
    s.current = lifetimeOf(view.lifetime(Sadb::Ext::LifetimeCurrent));
    s.hard = lifetimeOf(view.lifetime(Sadb::Ext::LifetimeHard));
    s.soft = lifetimeOf(view.lifetime(Sadb::Ext::LifetimeSoft));
    for (const auto type : {Sadb::Ext::IdentitySrc, Sadb::Ext::IdentityDst}) {
        const SadbMessageView::Identity id = view.identity(type);
        IpsecSa::Identity& target = type == Sadb::Ext::IdentitySrc ? s.sourceIdentity : s.destinationIdentity;
        target = IpsecSa::Identity{id.type, id.id, bytesOf(id.text)};
    }
    s.natTType = view.natTType().type;
    s.natTSourcePort = view.natTPort(Sadb::Ext::XNatTSport);
    s.natTDestinationPort = view.natTPort(Sadb::Ext::XNatTDport);
    s.natTOriginalAddress = view.address(Sadb::Ext::XNatTOa).address;
    const SadbMessageView::SecurityContext ctx = view.securityContext();
    s.securityContext = IpsecSa::SecurityContext{ctx.alg, ctx.doi, ctx.declaredLength, bytesOf(ctx.text)};
    return s;
}

Result<SadbDump> decodeSadbDump(const char* payload, std::size_t size)
{
    if (size == 0) {
        return Result<SadbDump>::failure(tr("the SA dump reply carries no PF_KEY message"));
    }
    wire::SadbMsg first{};
    if (wire::readStruct(payload, size, 0, first) && first.errnum != 0) {
        if (first.errnum == ENOENT) {
            return SadbDump{};
        }
        return Result<SadbDump>::failure(
            tr("the kernel refused the SA dump: %1").arg(qt_error_string(first.errnum)));
    }
    SadbDump dump;
    SadbDumpWalker walker(payload, size);
    while (const auto view = walker.next()) {
        Result<IpsecSa> sa = decodeIpsecSa(*view);
        if (sa) {
            dump.sas.push_back(std::move(sa).value());
        } else {
            dump.rejected.push_back(tr("PF_KEY message %1 at offset %2: %3")
                                        .arg(walker.index() + 1)
                                        .arg(walker.offset())
                                        .arg(sa.error()));
        }
    }
    return dump;
}

} // namespace qracoon
