// Every structure that crosses racoon's admin socket, defined once.
//
// racoon writes these structs from memory in host byte order, so they are declared with the same
// native C types racoon uses (int, time_t, size_t) and read or written with memcpy only: never by
// casting a pointer into a buffer, which would be unaligned and undefined. The offsets below are
// the x86_64/aarch64 (LP64) ones documented in ADMIN-PROTOCOL.md and are asserted so that a layout
// change cannot go unnoticed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <type_traits>

namespace qracoon::wire {

struct AdminHeader
{
    std::uint16_t len;   // total frame length, or its low 16 bits in a long reply
    std::uint16_t cmd;   // command, with AdminFlagVersion (request) or AdminFlagLongReply (reply)
    std::uint16_t third; // request: ac_version; reply: ac_errno (signed) or ac_len_high (long reply)
    std::uint16_t proto;
};
static_assert(sizeof(AdminHeader) == 8);
static_assert(offsetof(AdminHeader, third) == 4);

struct SockaddrStorage
{
    alignas(8) std::uint8_t bytes[128];
};
static_assert(sizeof(SockaddrStorage) == 128);

struct AdminIndexes
{
    std::uint8_t prefs;
    std::uint8_t prefd;
    std::uint8_t ulProto;
    std::uint8_t reserved;
    SockaddrStorage src;
    SockaddrStorage dst;
};
static_assert(offsetof(AdminIndexes, src) == 8);
static_assert(offsetof(AdminIndexes, dst) == 136);
static_assert(sizeof(AdminIndexes) == 264);

struct AdminPsk
{
    int idType;
    std::size_t idLen;
    std::size_t keyLen;
};
// The identity ("user FQDN") type racoon expects with ESTABLISH_SA_PSK.
constexpr int IdTypeUserFqdn = 2;

struct Ph1Dump
{
    std::uint8_t initiatorCookie[8];
    std::uint8_t responderCookie[8];
    int status;
    int side;
    SockaddrStorage remote;
    SockaddrStorage local;
    std::uint8_t version;
    std::uint8_t etype;
    std::time_t created;
    int ph2cnt;
};

struct SchedDump
{
    std::time_t xtime;
    long id;
    std::time_t created;
    std::time_t tick;
};

struct EvtAsync
{
    std::uint32_t type;
    std::time_t timestamp;
    SockaddrStorage ph1src;
    SockaddrStorage ph1dst;
    std::uint32_t ph2msgid;
};

// The obsolete polled event record: the payload of the reply to an unversioned SHOW_EVT (racoon's
// struct evtdump), with racoon's old event numbering. Only racoonsim writes it.
struct EvtDump
{
    std::size_t len; // this record plus the attributes that follow it
    SockaddrStorage src;
    SockaddrStorage dst;
    std::time_t timestamp;
    int type;
};

#if defined(__LP64__)
static_assert(sizeof(EvtDump) == 280);
static_assert(offsetof(EvtDump, src) == 8);
static_assert(offsetof(EvtDump, timestamp) == 264);
static_assert(offsetof(EvtDump, type) == 272);
static_assert(sizeof(AdminPsk) == 24);
static_assert(offsetof(AdminPsk, idLen) == 8);
static_assert(offsetof(AdminPsk, keyLen) == 16);
static_assert(sizeof(Ph1Dump) == 304);
static_assert(offsetof(Ph1Dump, status) == 16);
static_assert(offsetof(Ph1Dump, remote) == 24);
static_assert(offsetof(Ph1Dump, local) == 152);
static_assert(offsetof(Ph1Dump, version) == 280);
static_assert(offsetof(Ph1Dump, etype) == 281);
static_assert(offsetof(Ph1Dump, created) == 288);
static_assert(offsetof(Ph1Dump, ph2cnt) == 296);
static_assert(sizeof(SchedDump) == 32);
static_assert(offsetof(SchedDump, created) == 16);
static_assert(sizeof(EvtAsync) == 280);
static_assert(offsetof(EvtAsync, timestamp) == 8);
static_assert(offsetof(EvtAsync, ph1src) == 16);
static_assert(offsetof(EvtAsync, ph1dst) == 144);
static_assert(offsetof(EvtAsync, ph2msgid) == 272);
#endif

// ---- PF_KEY v2 (all integers host order except the SPI, ports and addresses)

struct SadbMsg
{
    std::uint8_t version;
    std::uint8_t type;
    std::uint8_t errnum;
    std::uint8_t satype;
    std::uint16_t len; // in 8-byte units, header included
    std::uint16_t reserved;
    std::uint32_t seq;
    std::uint32_t pid;
};
static_assert(sizeof(SadbMsg) == 16);

struct SadbExt
{
    std::uint16_t len; // in 8-byte units, header included
    std::uint16_t type;
};
static_assert(sizeof(SadbExt) == 4);

struct SadbSa
{
    SadbExt ext;
    std::uint32_t spi; // network order
    std::uint8_t replay;
    std::uint8_t state;
    std::uint8_t auth;
    std::uint8_t encrypt;
    std::uint32_t flags;
};
static_assert(sizeof(SadbSa) == 16);

struct SadbLifetime
{
    SadbExt ext;
    std::uint32_t allocations;
    std::uint64_t bytes;
    std::uint64_t addtime;
    std::uint64_t usetime;
};
static_assert(sizeof(SadbLifetime) == 32);
static_assert(offsetof(SadbLifetime, bytes) == 8);

// Followed by a sockaddr padded to 8 bytes.
struct SadbAddress
{
    SadbExt ext;
    std::uint8_t proto;
    std::uint8_t prefixlen;
    std::uint16_t reserved;
};
static_assert(sizeof(SadbAddress) == 8);

// Followed by the key bits, padded to 8 bytes.
struct SadbKey
{
    SadbExt ext;
    std::uint16_t bits;
    std::uint16_t reserved;
};
static_assert(sizeof(SadbKey) == 8);

struct SadbXSa2
{
    SadbExt ext;
    std::uint8_t mode;
    std::uint8_t reserved1;
    std::uint16_t reserved2;
    std::uint32_t sequence;
    std::uint32_t reqid;
};
static_assert(sizeof(SadbXSa2) == 16);

struct SadbXNatTType
{
    SadbExt ext;
    std::uint8_t type;
    std::uint8_t reserved[3];
};
static_assert(sizeof(SadbXNatTType) == 8);

struct SadbXNatTPort
{
    SadbExt ext;
    std::uint16_t port; // network order
    std::uint16_t reserved;
};
static_assert(sizeof(SadbXNatTPort) == 8);

// Followed by ctxLen bytes of context, padded to 8 bytes.
struct SadbXSecCtx
{
    SadbExt ext;
    std::uint8_t alg;
    std::uint8_t doi;
    std::uint16_t ctxLen;
};
static_assert(sizeof(SadbXSecCtx) == 8);

// Copies a T out of `data` at `offset` if it fits inside `size` bytes. The one way this project reads a
// wire struct: bounds-checked, alignment-free.
template <typename T> bool readStruct(const void* data, std::size_t size, std::size_t offset, T& out)
{
    static_assert(std::is_trivially_copyable_v<T>);
    if (offset > size || size - offset < sizeof(T)) {
        return false;
    }
    std::memcpy(&out, static_cast<const unsigned char*>(data) + offset, sizeof(T));
    return true;
}

} // namespace qracoon::wire
