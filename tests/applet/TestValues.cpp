#include "TestValues.h"

#include <QHostAddress>

namespace qracoon::test {

SocketAddress address(const char* text, std::uint16_t port)
{
    return *SocketAddress::fromText(QString::fromLatin1(text), SocketAddress::Family::Unspec, port);
}

IsakmpSa isakmpSa(const char* remote, std::uint8_t cookie, int status, std::time_t created)
{
    IsakmpSa sa;
    sa.initiatorCookie.fill(cookie);
    sa.responderCookie.fill(static_cast<std::uint8_t>(cookie + 1));
    sa.status = status;
    sa.remote = address(remote, 500);
    sa.local = address("192.0.2.2", 500);
    sa.version = 0x10;
    sa.etype = 2;
    sa.created = status == 9 ? created : 0;
    return sa;
}

IpsecSa ipsecSa(const char* source, const char* destination, std::uint32_t spi, std::uint64_t bytes,
                std::uint64_t added)
{
    IpsecSa sa;
    sa.satype = Sadb::SaType::Esp;
    sa.spi = spi;
    sa.mode = 2;
    sa.state = 1;
    sa.encAlg = 12;
    sa.authAlg = 3;
    sa.source = address(source);
    sa.destination = address(destination);
    sa.current.bytes = bytes;
    sa.current.addtime = added;
    sa.hard.addtime = 3600;
    sa.extensions =
        (1u << Sadb::Ext::Sa) | (1u << Sadb::Ext::LifetimeCurrent) | (1u << Sadb::Ext::LifetimeHard);
    return sa;
}

RacoonEvent racoonEvent(std::uint32_t code, const char* peer)
{
    RacoonEvent e;
    e.code = code;
    e.timestamp = 1700000000;
    if (peer != nullptr) {
        e.ph1src = address("192.0.2.2", 500);
        e.ph1dst = address(peer, 500);
    }
    return e;
}

RacoonEvent modeCfgEvent(const char* peer, const char* assigned, const QString& banner)
{
    RacoonEvent e = racoonEvent(EventCode::Phase1ModeCfg, peer);
    ModeCfg cfg;
    cfg.ip4Address = QHostAddress(QString::fromLatin1(assigned));
    cfg.ip4Dns = {QHostAddress(QStringLiteral("10.99.0.53"))};
    cfg.banner = banner;
    e.modeCfg = cfg;
    return e;
}

StatusDocument::Phase1 statusPhase1(const IsakmpSa& sa, const QString& xauthState)
{
    StatusDocument::Phase1 p;
    QByteArray cookies(reinterpret_cast<const char*>(sa.initiatorCookie.data()), 8);
    cookies.append(reinterpret_cast<const char*>(sa.responderCookie.data()), 8);
    p.index = QLatin1String("0x") + QString::fromLatin1(cookies.toHex());
    p.state = QStringLiteral("established");
    p.version = QStringLiteral("1.0");
    p.exchangeMode = QStringLiteral("main");
    StatusDocument::Phase1Proposal proposal;
    proposal.encryptionAlgorithm = QStringLiteral("aes");
    proposal.hashAlgorithm = QStringLiteral("sha1");
    proposal.authenticationMethod = QStringLiteral("pre-shared key");
    proposal.dhGroup = QStringLiteral("1024-bit MODP group");
    proposal.lifetimeSeconds = 28800;
    p.proposal = proposal;
    if (!xauthState.isEmpty()) {
        StatusDocument::Xauth x;
        x.state = xauthState;
        x.authType = QStringLiteral("generic");
        x.username = QStringLiteral("labuser");
        p.xauth = x;
    }
    return p;
}

} // namespace qracoon::test
