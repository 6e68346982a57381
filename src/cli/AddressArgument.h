// One SRC or DST word of racoonctl's saopts: ADDR, ADDR/PREFIX, ADDR[PORT], ADDR/PREFIX[PORT] or
// ADDR/PREFIX/PORT (ADMIN-PROTOCOL.md §6, with the corrections of §12.2 items 4 and 6).
#pragma once

#include "core/Result.h"
#include "core/wire/SocketAddress.h"

#include <QString>
#include <cstdint>
#include <optional>

namespace qracoon::cli {

class AddressArgument
{
public:
    // What the word names once resolved: one address (with port) and the prefix length to send.
    struct Resolved
    {
        SocketAddress address;
        std::uint8_t prefix = 32;
    };

    // Splits the word and checks its syntax (numeric prefix 0..128, numeric port 0..65535 or a service
    // name). Nothing is looked up yet.
    static Result<AddressArgument> parse(const QString& word);

    const QString& word() const { return m_word; }
    const QString& host() const { return m_host; }
    std::optional<int> prefix() const { return m_prefix; }
    // Empty when the word gives no port (port 0 is sent then).
    const QString& port() const { return m_port; }
    // The family of the host when it is a numeric address; Unspec for a host name.
    SocketAddress::Family literalFamily() const;

    // Looks the host and port up as the reference does (getaddrinfo, names allowed, first result) for
    // `family` (Unspec: whatever the name resolves to first), and checks the prefix against the
    // family found. A missing prefix is 32 for inet and 128 for inet6.
    Result<Resolved> resolve(SocketAddress::Family family) const;

private:
    QString m_word;
    QString m_host;
    QString m_port;
    std::optional<int> m_prefix;
};

// Looks `host` (and `port`, a number or service name; empty = 0) up with getaddrinfo for `family`
// (Unspec: any) and returns the first IPv4 or IPv6 result; the message names the host and the reason.
Result<SocketAddress> resolveAddress(const QString& host, const QString& port, SocketAddress::Family family);

// "inet" / "inet6" as the user would write the family, for messages.
QString familyWord(SocketAddress::Family family);

} // namespace qracoon::cli
