// Builds PF_KEY dump messages for tests, well-formed or deliberately broken.
#pragma once

#include "core/wire/AdminCodes.h"
#include "core/wire/SocketAddress.h"
#include "core/wire/WireLayout.h"

#include <QByteArray>
#include <QtEndian>
#include <cstdint>

namespace qracoon::test {

class SadbTestMessage
{
public:
    explicit SadbTestMessage(std::uint8_t satype = Sadb::SaType::Esp, std::uint32_t seq = 0,
                             std::uint8_t type = Sadb::MsgType::Dump, std::uint8_t errnum = 0)
    {
        m_header.version = Sadb::Version;
        m_header.type = type;
        m_header.errnum = errnum;
        m_header.satype = satype;
        m_header.seq = seq;
        m_header.pid = 4242;
    }

    SadbTestMessage& version(std::uint8_t v)
    {
        m_header.version = v;
        return *this;
    }
    SadbTestMessage& reserved(std::uint16_t v)
    {
        m_header.reserved = v;
        return *this;
    }
    // Forces sadb_msg_len instead of computing it.
    SadbTestMessage& lengthUnits(std::uint16_t units)
    {
        m_lengthOverride = units;
        m_overrideLength = true;
        return *this;
    }

    // An extension with `body` after its 4-byte header, padded to 8 bytes; `units` overrides sadb_ext_len.
    SadbTestMessage& extension(std::uint16_t type, QByteArray body, int units = -1)
    {
        while ((body.size() + 4) % 8 != 0) {
            body.append('\0');
        }
        const std::uint16_t len = units >= 0 ? std::uint16_t(units) : std::uint16_t((body.size() + 4) / 8);
        append16(m_extensions, len);
        append16(m_extensions, type);
        m_extensions.append(body);
        return *this;
    }
    // Bytes appended after the extensions as they are.
    SadbTestMessage& raw(const QByteArray& bytes)
    {
        m_extensions.append(bytes);
        return *this;
    }

    SadbTestMessage& sa(std::uint32_t spi, std::uint8_t replay = 32,
                        std::uint8_t state = Sadb::SaState::Mature, std::uint8_t auth = 3,
                        std::uint8_t encrypt = 12, std::uint32_t flags = 0)
    {
        QByteArray b;
        append32(b, qToBigEndian(spi));
        b.append(char(replay)).append(char(state)).append(char(auth)).append(char(encrypt));
        append32(b, flags);
        return extension(Sadb::Ext::Sa, b);
    }
    SadbTestMessage& sa2(std::uint8_t mode, std::uint32_t reqid, std::uint32_t sequence = 0)
    {
        QByteArray b;
        b.append(char(mode)).append('\0');
        append16(b, 0);
        append32(b, sequence);
        append32(b, reqid);
        return extension(Sadb::Ext::XSa2, b);
    }
    SadbTestMessage& address(std::uint16_t type, const SocketAddress& a, std::uint8_t prefix = 32,
                             std::uint8_t proto = 0)
    {
        QByteArray b;
        b.append(char(proto)).append(char(prefix));
        append16(b, 0);
        QByteArray sockaddr(int(a.sockaddrLength()), '\0');
        a.writeSockaddr(reinterpret_cast<std::uint8_t*>(sockaddr.data()));
        b.append(sockaddr);
        return extension(type, b);
    }
    // An address extension holding a sockaddr of an arbitrary family, 16 bytes long.
    SadbTestMessage& addressOfFamily(std::uint16_t type, std::uint16_t family, std::uint8_t proto = 0)
    {
        QByteArray b;
        b.append(char(proto)).append(char(32));
        append16(b, 0);
        append16(b, family);
        b.append(QByteArray(14, '\0'));
        return extension(type, b);
    }
    SadbTestMessage& key(std::uint16_t type, const QByteArray& key, int bits = -1)
    {
        QByteArray b;
        append16(b, std::uint16_t(bits >= 0 ? bits : key.size() * 8));
        append16(b, 0);
        b.append(key);
        return extension(type, b);
    }
    SadbTestMessage& lifetime(std::uint16_t type, std::uint32_t allocations, std::uint64_t bytes,
                              std::uint64_t addtime, std::uint64_t usetime)
    {
        QByteArray b;
        append32(b, allocations);
        append64(b, bytes);
        append64(b, addtime);
        append64(b, usetime);
        return extension(type, b);
    }
    SadbTestMessage& natTType(std::uint8_t t)
    {
        QByteArray b;
        b.append(char(t)).append(QByteArray(3, '\0'));
        return extension(Sadb::Ext::XNatTType, b);
    }
    SadbTestMessage& natTPort(std::uint16_t type, std::uint16_t port)
    {
        QByteArray b;
        append16(b, qToBigEndian(port));
        append16(b, 0);
        return extension(type, b);
    }
    SadbTestMessage& securityContext(std::uint8_t alg, std::uint8_t doi, const QByteArray& context,
                                     int declaredLength = -1)
    {
        QByteArray b;
        b.append(char(alg)).append(char(doi));
        append16(b, std::uint16_t(declaredLength >= 0 ? declaredLength : context.size()));
        b.append(context);
        return extension(Sadb::Ext::XSecCtx, b);
    }
    SadbTestMessage& identity(std::uint16_t type, std::uint16_t idType, const QByteArray& text)
    {
        QByteArray b;
        append16(b, idType);
        append16(b, 0);
        append64(b, 0);
        b.append(text);
        return extension(type, b);
    }

    QByteArray bytes() const
    {
        wire::SadbMsg h = m_header;
        h.len = m_overrideLength ? m_lengthOverride
                                 : std::uint16_t((sizeof h + std::size_t(m_extensions.size())) / 8);
        QByteArray out(reinterpret_cast<const char*>(&h), sizeof h);
        out.append(m_extensions);
        return out;
    }

    // A typical ESP tunnel SA as racoon's kernel dumps it.
    static SadbTestMessage esp(std::uint32_t spi, std::uint32_t seq, const SocketAddress& src,
                               const SocketAddress& dst)
    {
        SadbTestMessage m(Sadb::SaType::Esp, seq);
        m.sa(spi)
            .address(Sadb::Ext::AddressSrc, src)
            .address(Sadb::Ext::AddressDst, dst)
            .key(Sadb::Ext::KeyAuth, QByteArray::fromHex("5a4c3b2a19e8d7c6b5a4938271605f4e3d2c1b0a"))
            .key(Sadb::Ext::KeyEncrypt, QByteArray::fromHex("00112233445566778899aabbccddeeff"))
            .sa2(Sadb::Mode::Tunnel, 16385);
        return m;
    }

private:
    static void append16(QByteArray& b, std::uint16_t v) { b.append(reinterpret_cast<const char*>(&v), 2); }
    static void append32(QByteArray& b, std::uint32_t v) { b.append(reinterpret_cast<const char*>(&v), 4); }
    static void append64(QByteArray& b, std::uint64_t v) { b.append(reinterpret_cast<const char*>(&v), 8); }

    wire::SadbMsg m_header{};
    QByteArray m_extensions;
    std::uint16_t m_lengthOverride = 0;
    bool m_overrideLength = false;
};

inline SocketAddress v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d,
                        std::uint16_t port = 0)
{
    return SocketAddress::ipv4({a, b, c, d}, port);
}

inline SocketAddress v6(const char* text, std::uint16_t port = 0)
{
    return *SocketAddress::fromText(QString::fromLatin1(text), SocketAddress::Family::Inet6, port);
}

} // namespace qracoon::test
