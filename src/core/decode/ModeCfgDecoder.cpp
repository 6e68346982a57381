#include "ModeCfgDecoder.h"

#include "core/wire/AdminCodes.h"

#include <array>
#include <cstring>

namespace qracoon {

namespace {

constexpr std::uint16_t BasicFlag = 0x8000;

std::uint16_t be16(const char* p)
{
    return static_cast<std::uint16_t>((std::uint8_t(p[0]) << 8) | std::uint8_t(p[1]));
}

std::uint32_t be32(const char* p)
{
    return (std::uint32_t(be16(p)) << 16) | be16(p + 2);
}

QHostAddress ip4(const char* p)
{
    return QHostAddress(be32(p));
}

QHostAddress ip6(const char* p)
{
    std::array<quint8, 16> bytes{};
    std::memcpy(bytes.data(), p, bytes.size());
    return QHostAddress(bytes.data());
}

int prefixOfMask(std::uint32_t mask)
{
    const std::uint32_t inverted = ~mask;
    if ((inverted & (inverted + 1)) != 0) {
        return -1;
    }
    int bits = 0;
    for (std::uint32_t m = mask; m != 0; m <<= 1) {
        ++bits;
    }
    return bits;
}

ModeCfg::Network ip4Network(const char* p)
{
    ModeCfg::Network n;
    n.address = ip4(p);
    n.netmask = ip4(p + 4);
    n.prefixLength = prefixOfMask(be32(p + 4));
    return n;
}

// Unity split lists: 14-byte entries of address, netmask and padding (racoon's struct unity_network).
void appendUnityNetworks(QList<ModeCfg::Network>& out, const QByteArray& value)
{
    constexpr qsizetype EntrySize = 14;
    for (qsizetype at = 0; at + EntrySize <= value.size(); at += EntrySize) {
        out.append(ip4Network(value.constData() + at));
    }
}

// Text attributes may carry a trailing NUL.
QString textOf(const QByteArray& value)
{
    const qsizetype nul = value.indexOf('\0');
    return QString::fromUtf8(nul < 0 ? value : value.left(nul));
}

std::optional<std::uint32_t> numberOf(const ModeCfg::Attribute& a)
{
    if (a.basic) {
        return a.basicValue;
    }
    if (a.value.size() == 2) {
        return be16(a.value.constData());
    }
    if (a.value.size() == 4) {
        return be32(a.value.constData());
    }
    return std::nullopt;
}

void interpret(ModeCfg& cfg, const ModeCfg::Attribute& a)
{
    const QByteArray& v = a.value;
    const char* p = v.constData();
    switch (a.type) {
    case ModeCfgAttr::InternalIp4Address:
        if (v.size() >= 4) {
            cfg.ip4Address = ip4(p);
        }
        break;
    case ModeCfgAttr::InternalIp4Netmask:
        if (v.size() >= 4) {
            cfg.ip4Netmask = ip4(p);
        }
        break;
    case ModeCfgAttr::InternalIp4Dns:
        if (v.size() >= 4) {
            cfg.ip4Dns.append(ip4(p));
        }
        break;
    case ModeCfgAttr::InternalIp4Nbns:
        if (v.size() >= 4) {
            cfg.ip4Nbns.append(ip4(p));
        }
        break;
    case ModeCfgAttr::InternalIp4Subnet:
        if (v.size() >= 8) {
            cfg.ip4Subnets.append(ip4Network(p));
        }
        break;
    case ModeCfgAttr::InternalIp6Address:
        if (v.size() >= 16) {
            cfg.ip6Address = ip6(p);
            cfg.ip6PrefixLength = v.size() >= 17 ? std::uint8_t(p[16]) : -1;
        }
        break;
    case ModeCfgAttr::InternalIp6Dns:
        if (v.size() >= 16) {
            cfg.ip6Dns.append(ip6(p));
        }
        break;
    case ModeCfgAttr::InternalIp6Nbns:
        if (v.size() >= 16) {
            cfg.ip6Nbns.append(ip6(p));
        }
        break;
    case ModeCfgAttr::InternalIp6Subnet:
        if (v.size() >= 17) {
            ModeCfg::Network n;
            n.address = ip6(p);
            n.prefixLength = std::uint8_t(p[16]);
            cfg.ip6Subnets.append(n);
        }
        break;
    case ModeCfgAttr::InternalAddressExpiry:
        cfg.addressExpirySeconds = numberOf(a);
        break;
    case ModeCfgAttr::ApplicationVersion:
        cfg.applicationVersion = textOf(v);
        break;
    case ModeCfgAttr::UnityBanner:
        cfg.banner = textOf(v);
        break;
    case ModeCfgAttr::UnityDefDomain:
        cfg.defaultDomain = textOf(v);
        break;
    case ModeCfgAttr::UnitySplitDns:
        for (const QString& name : textOf(v).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            cfg.splitDns.append(name.trimmed());
        }
        break;
    case ModeCfgAttr::UnitySplitInclude:
        appendUnityNetworks(cfg.splitInclude, v);
        break;
    case ModeCfgAttr::UnityLocalLan:
        appendUnityNetworks(cfg.localLan, v);
        break;
    case ModeCfgAttr::UnitySavePasswd:
        if (const auto n = numberOf(a)) {
            cfg.savePassword = *n != 0;
        }
        break;
    case ModeCfgAttr::UnityPfs:
        if (const auto n = numberOf(a)) {
            cfg.pfs = *n != 0;
        }
        break;
    case ModeCfgAttr::UnityNattPort:
        if (const auto n = numberOf(a)) {
            cfg.natTPort = static_cast<std::uint16_t>(*n);
        }
        break;
    default:
        break;
    }
}

} // namespace

ModeCfg decodeModeCfg(const char* attributes, std::size_t size)
{
    ModeCfg cfg;
    std::size_t at = 0;
    while (at < size) {
        if (size - at < 4) {
            cfg.complete = false;
            break;
        }
        const std::uint16_t type = be16(attributes + at);
        const std::uint16_t lengthOrValue = be16(attributes + at + 2);
        ModeCfg::Attribute a;
        a.type = static_cast<std::uint16_t>(type & ~BasicFlag);
        if ((type & BasicFlag) != 0) {
            a.basic = true;
            a.basicValue = lengthOrValue;
            at += 4;
        } else {
            if (size - at - 4 < lengthOrValue) {
                cfg.complete = false;
                break;
            }
            a.value = QByteArray(attributes + at + 4, lengthOrValue);
            at += 4 + std::size_t(lengthOrValue);
        }
        interpret(cfg, a);
        cfg.attributes.push_back(std::move(a));
    }
    return cfg;
}

} // namespace qracoon
