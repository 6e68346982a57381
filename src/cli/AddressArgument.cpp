#include "AddressArgument.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstring>
#include <memory>
#include <netdb.h>
#include <sys/socket.h>

namespace qracoon::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("racoonctl", text);
}

bool isDecimal(const QString& text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return false;
        }
    }
    return true;
}

int hintFamily(SocketAddress::Family family)
{
    switch (family) {
    case SocketAddress::Family::Inet:
        return AF_INET;
    case SocketAddress::Family::Inet6:
        return AF_INET6;
    default:
        return AF_UNSPEC;
    }
}

struct AddrinfoDeleter
{
    void operator()(addrinfo* list) const { freeaddrinfo(list); }
};

} // namespace

QString familyWord(SocketAddress::Family family)
{
    switch (family) {
    case SocketAddress::Family::Inet:
        return QStringLiteral("inet");
    case SocketAddress::Family::Inet6:
        return QStringLiteral("inet6");
    default:
        return QStringLiteral("any");
    }
}

Result<SocketAddress> resolveAddress(const QString& host, const QString& port, SocketAddress::Family family)
{
    const QByteArray hostBytes = host.toLocal8Bit();
    const QByteArray portBytes = port.toLocal8Bit();
    addrinfo hints{};
    hints.ai_family = hintFamily(family);
    // No socket type, unlike the reference's SOCK_STREAM: IKE's service names (isakmp, ipsec-nat-t) are
    // registered for UDP only and would not resolve for TCP.
    hints.ai_socktype = 0;
    addrinfo* list = nullptr;
    const int rc =
        getaddrinfo(hostBytes.constData(), port.isEmpty() ? nullptr : portBytes.constData(), &hints, &list);
    const std::unique_ptr<addrinfo, AddrinfoDeleter> owner(list);
    if (rc != 0) {
        const QString reason = rc == EAI_SYSTEM ? QString::fromLocal8Bit(std::strerror(errno))
                                                : QString::fromLocal8Bit(gai_strerror(rc));
        const QString what = port.isEmpty() ? host : QStringLiteral("%1 port %2").arg(host, port);
        if (family == SocketAddress::Family::Unspec) {
            return Result<SocketAddress>::failure(tr("cannot resolve %1: %2").arg(what, reason));
        }
        return Result<SocketAddress>::failure(
            tr("cannot resolve %1 as an %2 address: %3").arg(what, familyWord(family), reason));
    }
    for (const addrinfo* ai = list; ai != nullptr; ai = ai->ai_next) {
        if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6) {
            continue;
        }
        const std::optional<SocketAddress> address =
            SocketAddress::fromSockaddr(ai->ai_addr, static_cast<std::size_t>(ai->ai_addrlen));
        if (address && address->isIp()) {
            return *address;
        }
    }
    return Result<SocketAddress>::failure(tr("%1 has no IPv4 or IPv6 address").arg(host));
}

Result<AddressArgument> AddressArgument::parse(const QString& word)
{
    AddressArgument a;
    a.m_word = word;
    QString prefixText;
    bool hasPrefix = false;
    bool hasPort = false;
    qsizetype cut = -1;
    for (qsizetype i = 0; i < word.size() && cut < 0; ++i) {
        if (word.at(i) == QLatin1Char('/') || word.at(i) == QLatin1Char('[')) {
            cut = i;
        }
    }
    if (cut < 0) {
        a.m_host = word;
    } else {
        a.m_host = word.left(cut);
        QString rest = word.mid(cut + 1);
        if (word.at(cut) == QLatin1Char('/')) {
            hasPrefix = true;
            const qsizetype bracket = rest.indexOf(QLatin1Char('['));
            const qsizetype slash = rest.indexOf(QLatin1Char('/'));
            if (bracket >= 0) {
                prefixText = rest.left(bracket);
                rest = rest.mid(bracket + 1);
                hasPort = true;
            } else if (slash >= 0) {
                // The manual's ADDR/PREFIX/PORT spelling.
                prefixText = rest.left(slash);
                a.m_port = rest.mid(slash + 1);
                if (a.m_port.isEmpty()) {
                    return Result<AddressArgument>::failure(
                        tr("missing port after the second / in %1").arg(word));
                }
            } else {
                prefixText = rest;
            }
        } else {
            hasPort = true;
        }
        if (hasPort) {
            if (!rest.endsWith(QLatin1Char(']'))) {
                return Result<AddressArgument>::failure(
                    tr("the port in %1 must be closed by ] and end the argument").arg(word));
            }
            a.m_port = rest.chopped(1);
            if (a.m_port.isEmpty()) {
                return Result<AddressArgument>::failure(tr("empty port [] in %1").arg(word));
            }
        }
    }
    if (a.m_host.isEmpty()) {
        return Result<AddressArgument>::failure(tr("missing address in %1").arg(word));
    }
    if (hasPrefix) {
        if (!isDecimal(prefixText)) {
            return Result<AddressArgument>::failure(
                tr("the prefix length in %1 must be a decimal number, not \"%2\"").arg(word, prefixText));
        }
        const int value = prefixText.size() > 3 ? 1000 : prefixText.toInt();
        if (value > 128) {
            return Result<AddressArgument>::failure(
                tr("the prefix length %1 in %2 is out of range (0-32 for inet, 0-128 for inet6)")
                    .arg(prefixText, word));
        }
        a.m_prefix = value;
    }
    if (!a.m_port.isEmpty() && isDecimal(a.m_port)) {
        const int value = a.m_port.size() > 5 ? 100000 : a.m_port.toInt();
        if (value > 65535) {
            return Result<AddressArgument>::failure(
                tr("the port %1 in %2 is out of range (0-65535)").arg(a.m_port, word));
        }
    }
    return a;
}

SocketAddress::Family AddressArgument::literalFamily() const
{
    const std::optional<SocketAddress> literal = SocketAddress::fromText(m_host);
    return literal ? literal->family() : SocketAddress::Family::Unspec;
}

Result<AddressArgument::Resolved> AddressArgument::resolve(SocketAddress::Family family) const
{
    Result<SocketAddress> address = resolveAddress(m_host, m_port, family);
    if (!address) {
        return Result<Resolved>::failure(address.error());
    }
    const bool inet = address->family() == SocketAddress::Family::Inet;
    const int maxPrefix = inet ? 32 : 128;
    if (m_prefix && *m_prefix > maxPrefix) {
        return Result<Resolved>::failure(tr("the prefix length %1 in %2 is out of range for %3 (0-%4)")
                                             .arg(QString::number(*m_prefix), m_word,
                                                  familyWord(address->family()), QString::number(maxPrefix)));
    }
    Resolved r;
    r.address = *address;
    r.prefix = static_cast<std::uint8_t>(m_prefix.value_or(maxPrefix));
    return r;
}

} // namespace qracoon::cli
