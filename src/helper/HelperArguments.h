// Checks every argument a D-Bus caller sends before anything reaches racoon. Each failure names the
// argument as the interface does ("destinationPrefix: ..."), so the caller knows which one was wrong.
#pragma once

#include "core/Result.h"
#include "core/wire/AdminRequest.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <functional>

namespace qracoon::helper {

class HelperArguments
{
public:
    // Which protocol words a command accepts (racoon's own rules, ADMIN-PROTOCOL.md §4.1, §9).
    enum class ProtocolSet
    {
        SaClasses,     // show-sa, flush-sa: isakmp, ipsec, esp, ah
        NegotiableSas, // establish-sa, delete-sa: isakmp, esp, ah
    };

    struct SelectorText
    {
        QString source;
        quint16 sourcePort = 0;
        quint8 sourcePrefix = 0;
        QString destination;
        quint16 destinationPort = 0;
        quint8 destinationPrefix = 0;
        quint8 upperLayerProtocol = 0;
    };

    // Longest remote name, Xauth login and password accepted; racoon's own limits are larger or absent,
    // these only keep a caller from sending megabytes.
    static constexpr int MaxNameLength = 255;
    static constexpr int MaxPasswordLength = 1024;

    static Result<std::uint16_t> protocol(const QString& argument, const QString& value, ProtocolSet allowed);
    // A numeric IPv4 or IPv6 address (no host names: the helper never resolves names for a caller).
    static Result<SocketAddress> address(const QString& argument, const QString& value,
                                         SocketAddress::Family family = SocketAddress::Family::Unspec);
    // Both addresses of one family, prefixes within the family's width.
    static Result<SaSelector> selector(const SelectorText& text);
    // The gateway of a VPN connection and the local address to use (empty: `routedSource` decides).
    static Result<SaSelector>
    gatewaySelector(const QString& gateway, const QString& localAddress,
                    const std::function<Result<SocketAddress>(const SocketAddress&)>& routedSource);
    // The selector DELETE_ALL_SA_DST sends: an unspecified source of the gateway's family.
    static Result<SaSelector> disconnectSelector(const QString& gateway);
    // Name of a racoon.conf `remote` block: optional, printable, no NUL.
    static Result<QByteArray> remoteName(const QString& argument, const QString& value);
    // An Xauth login (required, printable) or a login to log out (at most MaxLoginLength bytes).
    static Result<QByteArray> xauthLogin(const QString& argument, const QString& value);
    static Result<QByteArray> logoutLogin(const QString& argument, const QString& value);
    // An empty string when the password can be sent; otherwise why not (it is never quoted).
    static QString passwordProblem(const QString& argument, const QByteArray& password);
    // "text" or "json" for STATUS.
    static Result<std::uint16_t> statusFormat(const QString& argument, const QString& value);

    // "argument: reason", the form of every message above.
    static QString invalid(const QString& argument, const QString& reason);
};

} // namespace qracoon::helper
