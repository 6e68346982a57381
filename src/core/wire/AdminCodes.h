// The numbers racoon's admin port and PF_KEY use on the wire (ADMIN-PROTOCOL.md §4, §8.3, §13).
#pragma once

#include <cstdint>

namespace qracoon {

namespace AdminCommand {
enum : std::uint16_t
{
    ReloadConf = 0x0001,
    ShowSched = 0x0002,
    ShowEvt = 0x0003,
    ShowSa = 0x0101,
    FlushSa = 0x0102,
    Status = 0x0103,
    StatusVerbose = 0x0104,
    DeleteSa = 0x0201,
    EstablishSa = 0x0202,
    EstablishSaPsk = 0x0203,
    DeleteAllSaDst = 0x0204,
    LogoutUser = 0x0205,
    GetSaCert = 0x0206,
};
} // namespace AdminCommand

// Bit 15 of ac_cmd: "versioned request" on the way in, "long reply" on the way out.
constexpr std::uint16_t AdminFlagVersion = 0x8000;
constexpr std::uint16_t AdminFlagLongReply = 0x8000;
constexpr std::uint16_t AdminProtocolVersion = 1;

namespace AdminProto {
enum : std::uint16_t
{
    None = 0x0000,
    Isakmp = 0x01ff,
    Ipsec = 0x02ff,
    Ah = 0x0201,
    Esp = 0x0202,
    Internal = 0x0301,
};
} // namespace AdminProto

namespace StatusFormat {
enum : std::uint16_t
{
    Text = 0,
    Json = 1,
};
} // namespace StatusFormat

namespace EventCode {
enum : std::uint32_t
{
    RacoonQuit = 0x0001,
    Phase1Up = 0x0100,
    Phase1Down = 0x0101,
    Phase1NoResponse = 0x0102,
    Phase1NoProposal = 0x0103,
    Phase1AuthFailed = 0x0104,
    Phase1DpdTimeout = 0x0105,
    Phase1PeerDeleted = 0x0106,
    Phase1ModeCfg = 0x0107,
    Phase1XauthSuccess = 0x0108,
    Phase1XauthFailed = 0x0109,
    Phase2NoPhase1 = 0x0200,
    Phase2Up = 0x0201,
    Phase2Down = 0x0202,
    Phase2NoResponse = 0x0203,
};
} // namespace EventCode

// ISAKMP mode-config attribute types (RFC draft-dukes-ike-mode-cfg and Cisco Unity).
namespace ModeCfgAttr {
enum : std::uint16_t
{
    InternalIp4Address = 1,
    InternalIp4Netmask = 2,
    InternalIp4Dns = 3,
    InternalIp4Nbns = 4,
    InternalAddressExpiry = 5,
    InternalIp4Dhcp = 6,
    ApplicationVersion = 7,
    InternalIp6Address = 8,
    InternalIp6Netmask = 9,
    InternalIp6Dns = 10,
    InternalIp6Nbns = 11,
    InternalIp6Dhcp = 12,
    InternalIp4Subnet = 13,
    SupportedAttributes = 14,
    InternalIp6Subnet = 15,
    UnityBanner = 0x7000,
    UnitySavePasswd = 0x7001,
    UnityDefDomain = 0x7002,
    UnitySplitDns = 0x7003,
    UnitySplitInclude = 0x7004,
    UnityNattPort = 0x7005,
    UnityLocalLan = 0x7006,
    UnityPfs = 0x7007,
    UnityFwType = 0x7008,
    UnityBackupServers = 0x7009,
    UnityDdnsHostname = 0x700a,
};
} // namespace ModeCfgAttr

// PF_KEY v2 (RFC 2367 with Linux numbering).
namespace Sadb {
constexpr std::uint8_t Version = 2;
namespace MsgType {
enum : std::uint8_t
{
    Delete = 4,
    Get = 5,
    Dump = 10,
    Max = 24,
};
} // namespace MsgType
namespace SaType {
enum : std::uint8_t
{
    Unspec = 0,
    Ah = 2,
    Esp = 3,
    IpComp = 9,
    Max = 11,
};
} // namespace SaType
namespace Ext {
enum : std::uint16_t
{
    Sa = 1,
    LifetimeCurrent = 2,
    LifetimeHard = 3,
    LifetimeSoft = 4,
    AddressSrc = 5,
    AddressDst = 6,
    AddressProxy = 7,
    KeyAuth = 8,
    KeyEncrypt = 9,
    IdentitySrc = 10,
    IdentityDst = 11,
    Sensitivity = 12,
    Proposal = 13,
    SupportedAuth = 14,
    SupportedEncrypt = 15,
    SpiRange = 16,
    XKmPrivate = 17,
    XPolicy = 18,
    XSa2 = 19,
    XNatTType = 20,
    XNatTSport = 21,
    XNatTDport = 22,
    XNatTOa = 23,
    XSecCtx = 24,
    XKmAddress = 25,
    XFilter = 26,
    Max = 26,
};
} // namespace Ext
namespace SaState {
enum : std::uint8_t
{
    Larval = 0,
    Mature = 1,
    Dying = 2,
    Dead = 3,
};
} // namespace SaState
namespace Mode {
enum : std::uint8_t
{
    Any = 0,
    Transport = 1,
    Tunnel = 2,
};
} // namespace Mode
} // namespace Sadb

// Linux address families, as stored in the first two bytes of every sockaddr on the wire.
namespace WireFamily {
enum : std::uint16_t
{
    Unspec = 0,
    Inet = 2,
    Inet6 = 10,
};
} // namespace WireFamily

// The racoonctl word for an admin command ("show-sa", "vpn-disconnect", ...), for messages and logs;
// nullptr for a code racoon does not define.
const char* adminCommandName(std::uint16_t command);

// The largest login racoon accepts: its buffer is 32 bytes including the NUL and it ignores longer payloads.
constexpr int MaxLoginLength = 30;

} // namespace qracoon
