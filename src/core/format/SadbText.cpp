#include "SadbText.h"

#include "CharWriter.h"
#include "NumberText.h"
#include "core/decode/SadbDumpWalker.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <memory>

namespace qracoon {

namespace {

constexpr const char* SaTypeNames[] = {"unspec", "unknown", "ah",  "esp",    "unknown", "rsvp",
                                       "ospfv2", "ripv2",   "mip", "ipcomp", "policy",  "tcp"};
constexpr const char* ModeNames[] = {"any", "transport", "tunnel"};
constexpr const char* StateNames[] = {"larval", "mature", "dying", "dead"};

const char* authName(std::uint8_t alg)
{
    switch (alg) {
    case 0:
        return "none";
    case 2:
        return "hmac-md5";
    case 3:
        return "hmac-sha1";
    case 5:
        return "hmac-sha256";
    case 6:
        return "hmac-sha384";
    case 7:
        return "hmac-sha512";
    case 8:
        return "hmac-ripemd160";
    case 9:
        return "aes-xcbc-mac";
    case 249:
        return "md5";
    case 250:
        return "sha";
    case 251:
        return "null";
    default:
        return nullptr;
    }
}

const char* encryptionName(std::uint8_t alg)
{
    switch (alg) {
    case 0:
        return "none";
    case 2:
        return "des-cbc";
    case 3:
        return "3des-cbc";
    case 6:
        return "cast128-cbc";
    case 7:
        return "blowfish-cbc";
    case 11:
        return "null";
    case 12:
        return "aes-cbc";
    case 13:
        return "aes-ctr";
    case 22:
        return "camellia-cbc";
    case 253:
        return "twofish-cbc";
    default:
        return nullptr;
    }
}

const char* compressionName(std::uint8_t alg)
{
    switch (alg) {
    case 0:
        return "none";
    case 1:
        return "oui";
    case 2:
        return "deflate";
    case 3:
        return "lzs";
    default:
        return nullptr;
    }
}

// The name followed by a space, or the number followed by a space (libipsec's GETMSGSTR/GETMSGV2S).
void writeName(CharWriter& w, const char* name, unsigned number)
{
    if (name != nullptr) {
        w.text(name);
    } else {
        w.decimal(number);
    }
    w.put(' ');
}

template <std::size_t N> const char* nameAt(const char* const (&names)[N], unsigned index)
{
    return index < N ? names[index] : nullptr;
}

void writeAddress(CharWriter& w, const SocketAddress& address)
{
    if (address.family() == SocketAddress::Family::Inet) {
        w.ipv4(address.bytes().data());
    } else if (address.family() == SocketAddress::Family::Inet6) {
        w.text(address.hostText());
    } else {
        w.literal("(invalid)");
    }
}

// printf("%.0f", (double)value): exact below 2^53, the double's own value above.
void writeBytesAsDouble(CharWriter& w, std::uint64_t value)
{
    const double d = static_cast<double>(value);
    if (d >= 18446744073709551616.0) {
        w.literal("18446744073709551616");
    } else {
        w.decimal(static_cast<std::uint64_t>(d));
    }
}

const char* errnoText(int error)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    // The C-locale text, as the reference prints it, whatever locale the application set.
    return strerrordesc_np(error);
#else
    return std::strerror(error);
#endif
}

// At most 3 characters per key byte (two digits, a space every 4th, a newline every 32nd).
void writeKeyHexDump(CharWriter& w, const std::uint8_t* data, std::size_t size)
{
    for (std::size_t i = 0; i < size; ++i) {
        if (i % 4 == 0) {
            if (i != 0 && i % 32 == 0) {
                w.put('\n');
            }
            w.put(' ');
        }
        w.hexByte(data[i]);
    }
}

void writeNatTPort(CharWriter& w, const SadbMessageView& message, std::uint16_t type)
{
    w.put('[');
    w.decimal(message.natTPort(type));
    w.put(']');
}

void writeSadbMessage(CharWriter& w, const SadbMessageView& message, std::time_t now, LocalTimeText& times)
{
    if (message.problem() != SadbMessageView::Problem::None) {
        w.text(SadbMessageView::problemText(message.problem()));
        w.put('\n');
        return;
    }
    const wire::SadbMsg& header = message.header();
    const bool natT = message.has(Sadb::Ext::XNatTType) && message.natTType().type != 0;

    if (!message.has(Sadb::Ext::AddressSrc)) {
        w.literal("no ADDRESS_SRC extension.\n");
        return;
    }
    writeAddress(w, message.address(Sadb::Ext::AddressSrc).address);
    if (natT && message.has(Sadb::Ext::XNatTSport)) {
        writeNatTPort(w, message, Sadb::Ext::XNatTSport);
    }
    w.put(' ');
    if (!message.has(Sadb::Ext::AddressDst)) {
        w.literal(" no ADDRESS_DST extension.\n");
        return;
    }
    writeAddress(w, message.address(Sadb::Ext::AddressDst).address);
    if (natT && message.has(Sadb::Ext::XNatTDport)) {
        writeNatTPort(w, message, Sadb::Ext::XNatTDport);
    }
    w.put(' ');
    if (!message.has(Sadb::Ext::Sa)) {
        w.literal("no SA extension.\n");
        return;
    }
    if (!message.has(Sadb::Ext::XSa2)) {
        w.literal("no SA2 extension.\n");
        return;
    }
    const wire::SadbSa sa = message.sa();
    const wire::SadbXSa2 sa2 = message.sa2();
    w.literal("\n\t");
    if (natT && header.satype == Sadb::SaType::Esp) {
        w.literal("esp-udp ");
    } else {
        if (natT) {
            w.literal("natt+");
        }
        writeName(w, nameAt(SaTypeNames, header.satype), header.satype);
    }
    w.literal("mode=");
    writeName(w, nameAt(ModeNames, sa2.mode), sa2.mode);
    const std::uint32_t spi = ntohl(sa.spi);
    w.literal("spi=");
    w.decimal(spi);
    w.literal("(0x");
    w.hex32(spi);
    w.literal(") reqid=");
    w.decimal(sa2.reqid);
    w.literal("(0x");
    w.hex32(sa2.reqid);
    w.literal(")\n");

    if (natT && message.has(Sadb::Ext::XNatTOa)) {
        w.literal("\tNAT OA=");
        writeAddress(w, message.address(Sadb::Ext::XNatTOa).address);
        w.put('\n');
    }

    if (header.satype == Sadb::SaType::IpComp) {
        // The reference omits this newline (§12.2 item 12); the vectors accept the corrected form.
        w.literal("\tC: ");
        writeName(w, compressionName(sa.encrypt), sa.encrypt);
        w.put('\n');
    } else if (header.satype == Sadb::SaType::Esp && message.has(Sadb::Ext::KeyEncrypt)) {
        const SadbMessageView::Key key = message.key(Sadb::Ext::KeyEncrypt);
        w.literal("\tE: ");
        writeName(w, encryptionName(sa.encrypt), sa.encrypt);
        writeKeyHexDump(w, key.data, key.size);
        w.put('\n');
    }
    if (message.has(Sadb::Ext::KeyAuth)) {
        const SadbMessageView::Key key = message.key(Sadb::Ext::KeyAuth);
        w.literal("\tA: ");
        writeName(w, authName(sa.auth), sa.auth);
        writeKeyHexDump(w, key.data, key.size);
        w.put('\n');
    }

    w.literal("\tseq=0x");
    w.hex32(sa2.sequence);
    w.literal(" replay=");
    w.decimal(sa.replay);
    w.literal(" flags=0x");
    w.hex32(sa.flags);
    w.literal(" state=");
    writeName(w, nameAt(StateNames, sa.state), sa.state);
    w.put('\n');

    if (message.has(Sadb::Ext::LifetimeCurrent)) {
        const wire::SadbLifetime current = message.lifetime(Sadb::Ext::LifetimeCurrent);
        const wire::SadbLifetime hard = message.lifetime(Sadb::Ext::LifetimeHard);
        const wire::SadbLifetime soft = message.lifetime(Sadb::Ext::LifetimeSoft);
        w.literal("\tcreated: ");
        w.text(times.ctimeField(static_cast<std::time_t>(current.addtime)));
        w.literal("\tcurrent: ");
        w.text(times.ctimeField(now));
        w.literal("\n\tdiff: ");
        // The reference subtracts in unsigned long, so an SA "created in the future" wraps around.
        w.decimal(current.addtime == 0 ? 0 : static_cast<std::uint64_t>(now) - current.addtime);
        w.literal("(s)\thard: ");
        w.decimal(hard.addtime);
        w.literal("(s)\tsoft: ");
        w.decimal(soft.addtime);
        w.literal("(s)\n\tlast: ");
        w.text(times.ctimeField(static_cast<std::time_t>(current.usetime)));
        w.literal("\thard: ");
        w.decimal(hard.usetime);
        w.literal("(s)\tsoft: ");
        w.decimal(soft.usetime);
        w.literal("(s)\n\tcurrent: ");
        writeBytesAsDouble(w, current.bytes);
        w.literal("(bytes)\thard: ");
        writeBytesAsDouble(w, hard.bytes);
        w.literal("(bytes)\tsoft: ");
        writeBytesAsDouble(w, soft.bytes);
        w.literal("(bytes)\n\tallocated: ");
        w.decimal(current.allocations);
        w.literal("\thard: ");
        w.decimal(hard.allocations);
        w.literal("\tsoft: ");
        w.decimal(soft.allocations);
        w.put('\n');
    }

    if (message.has(Sadb::Ext::XSecCtx)) {
        const SadbMessageView::SecurityContext ctx = message.securityContext();
        w.literal("\tsecurity context doi: ");
        w.decimal(ctx.doi);
        w.literal("\n\tsecurity context algorithm: ");
        w.decimal(ctx.alg);
        w.literal("\n\tsecurity context length: ");
        w.decimal(ctx.declaredLength);
        w.literal("\n\tsecurity context: ");
        w.text(ctx.text);
        w.put('\n');
    }

    w.literal("\tsadb_seq=");
    w.decimal(header.seq);
    w.literal(" pid=");
    w.decimal(header.pid);
    w.literal(" refcnt=");
    w.decimal(header.reserved);
    w.put('\n');
}

} // namespace

void appendKeyHexDump(std::string& out, const std::uint8_t* data, std::size_t size)
{
    const std::size_t start = out.size();
    out.resize(start + 3 * size);
    CharWriter w(out.data() + start);
    writeKeyHexDump(w, data, size);
    out.resize(start + w.size());
}

void appendSadbMessage(std::string& out, const SadbMessageView& message, std::time_t now,
                       LocalTimeText& times)
{
    // Fixed texts and numbers need less than MaxFixedText; keys and the security context at most 3
    // characters per byte of the message.
    constexpr std::size_t MaxFixedText = 2048;
    const std::size_t bound = MaxFixedText + 3 * message.size();
    char local[4096];
    std::unique_ptr<char[]> large;
    char* buffer = local;
    if (bound > sizeof local) {
        large = std::make_unique<char[]>(bound);
        buffer = large.get();
    }
    CharWriter w(buffer);
    writeSadbMessage(w, message, now, times);
    out.append(buffer, w.size());
}

void appendSadbDump(std::string& out, const char* payload, std::size_t size, std::time_t now,
                    LocalTimeText& times, const TextDrain* drain)
{
    // An empty payload carries no message at all; racoon never sends one (§12.2 item 9).
    if (size == 0) {
        return;
    }
    wire::SadbMsg first{};
    if (wire::readStruct(payload, size, 0, first) && first.errnum != 0) {
        if (first.errnum == ENOENT) {
            if (first.type == Sadb::MsgType::Dump) {
                text::appendLiteral(out, "No SAD entries.\n");
            } else if (first.type == Sadb::MsgType::Get || first.type == Sadb::MsgType::Delete) {
                text::appendLiteral(out, "No entry.\n");
            }
            return;
        }
        if (const char* description = errnoText(first.errnum)) {
            out += description;
        } else {
            text::appendLiteral(out, "Unknown error ");
            text::appendUnsigned(out, first.errnum);
        }
        text::appendLiteral(out, ".\n");
        return;
    }
    // The text is about twice the size of the dump; reserving generously only costs address space.
    const bool draining = drain != nullptr && drain->isSet();
    out.reserve(out.size() + (draining ? 2 * drain->threshold : size * 3));
    SadbDumpWalker walker(payload, size);
    while (const auto message = walker.next()) {
        appendSadbMessage(out, *message, now, times);
        if (draining) {
            drain->atRecordBoundary(out);
        }
    }
}

} // namespace qracoon
