#include "HelperArguments.h"

#include <QCoreApplication>

namespace qracoon::helper {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("HelperArguments", text);
}

bool hasControlCharacter(const QByteArray& bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            return true;
        }
    }
    return false;
}

Result<QByteArray> printableName(const QString& argument, const QString& value, int maxLength, bool required)
{
    const QByteArray bytes = value.toUtf8();
    if (bytes.isEmpty() && required) {
        return Result<QByteArray>::failure(HelperArguments::invalid(argument, tr("must not be empty")));
    }
    if (bytes.size() > maxLength) {
        return Result<QByteArray>::failure(HelperArguments::invalid(
            argument, tr("is %1 bytes long, at most %2 are allowed").arg(bytes.size()).arg(maxLength)));
    }
    if (hasControlCharacter(bytes)) {
        return Result<QByteArray>::failure(
            HelperArguments::invalid(argument, tr("must not contain control characters")));
    }
    return bytes;
}

int familyWidth(SocketAddress::Family family)
{
    return family == SocketAddress::Family::Inet6 ? 128 : 32;
}

} // namespace

QString HelperArguments::invalid(const QString& argument, const QString& reason)
{
    return QStringLiteral("%1: %2").arg(argument, reason);
}

Result<std::uint16_t> HelperArguments::protocol(const QString& argument, const QString& value,
                                                ProtocolSet allowed)
{
    if (value == QLatin1String("isakmp")) {
        return std::uint16_t(AdminProto::Isakmp);
    }
    if (value == QLatin1String("esp")) {
        return std::uint16_t(AdminProto::Esp);
    }
    if (value == QLatin1String("ah")) {
        return std::uint16_t(AdminProto::Ah);
    }
    if (value == QLatin1String("ipsec") && allowed == ProtocolSet::SaClasses) {
        return std::uint16_t(AdminProto::Ipsec);
    }
    return Result<std::uint16_t>::failure(invalid(argument, allowed == ProtocolSet::SaClasses
                                                                ? tr("must be one of isakmp, ipsec, esp, ah")
                                                                : tr("must be one of isakmp, esp, ah")));
}

Result<SocketAddress> HelperArguments::address(const QString& argument, const QString& value,
                                               SocketAddress::Family family)
{
    if (value.isEmpty()) {
        return Result<SocketAddress>::failure(invalid(argument, tr("must not be empty")));
    }
    const auto parsed = SocketAddress::fromText(value, family);
    if (!parsed) {
        QString expected = tr("a numeric IPv4 or IPv6 address");
        if (family == SocketAddress::Family::Inet) {
            expected = tr("a numeric IPv4 address");
        } else if (family == SocketAddress::Family::Inet6) {
            expected = tr("a numeric IPv6 address");
        }
        return Result<SocketAddress>::failure(invalid(argument, tr("must be %1").arg(expected)));
    }
    return *parsed;
}

Result<SaSelector> HelperArguments::selector(const SelectorText& text)
{
    const auto source = address(QStringLiteral("source"), text.source);
    if (!source) {
        return Result<SaSelector>::failure(source.error());
    }
    const auto destination = address(QStringLiteral("destination"), text.destination, source->family());
    if (!destination) {
        if (SocketAddress::fromText(text.destination)) {
            return Result<SaSelector>::failure(
                invalid(QStringLiteral("destination"), tr("must have the address family of the source")));
        }
        return Result<SaSelector>::failure(destination.error());
    }
    const int width = familyWidth(source->family());
    if (text.sourcePrefix > width) {
        return Result<SaSelector>::failure(invalid(
            QStringLiteral("sourcePrefix"), tr("must be at most %1 for this address family").arg(width)));
    }
    if (text.destinationPrefix > width) {
        return Result<SaSelector>::failure(
            invalid(QStringLiteral("destinationPrefix"),
                    tr("must be at most %1 for this address family").arg(width)));
    }
    SaSelector selector;
    selector.src = *source;
    selector.src.setPort(text.sourcePort);
    selector.dst = *destination;
    selector.dst.setPort(text.destinationPort);
    selector.prefs = text.sourcePrefix;
    selector.prefd = text.destinationPrefix;
    selector.ulProto = text.upperLayerProtocol;
    return selector;
}

Result<SaSelector> HelperArguments::gatewaySelector(
    const QString& gateway, const QString& localAddress,
    const std::function<Result<SocketAddress>(const SocketAddress&)>& routedSource)
{
    const auto destination = address(QStringLiteral("gateway"), gateway);
    if (!destination) {
        return Result<SaSelector>::failure(destination.error());
    }
    SaSelector selector;
    selector.dst = *destination;
    const int width = familyWidth(destination->family());
    selector.prefs = std::uint8_t(width);
    selector.prefd = std::uint8_t(width);
    if (localAddress.isEmpty()) {
        const auto source = routedSource(*destination);
        if (!source) {
            return Result<SaSelector>::failure(invalid(QStringLiteral("gateway"), source.error()));
        }
        selector.src = *source;
        return selector;
    }
    const auto source = address(QStringLiteral("localAddress"), localAddress, destination->family());
    if (!source) {
        if (SocketAddress::fromText(localAddress)) {
            return Result<SaSelector>::failure(
                invalid(QStringLiteral("localAddress"), tr("must have the address family of the gateway")));
        }
        return Result<SaSelector>::failure(source.error());
    }
    selector.src = *source;
    return selector;
}

Result<SaSelector> HelperArguments::disconnectSelector(const QString& gateway)
{
    const auto destination = address(QStringLiteral("gateway"), gateway);
    if (!destination) {
        return Result<SaSelector>::failure(destination.error());
    }
    SaSelector selector;
    selector.dst = *destination;
    selector.src = destination->family() == SocketAddress::Family::Inet6 ? SocketAddress::ipv6({})
                                                                         : SocketAddress::ipv4({0, 0, 0, 0});
    return selector;
}

Result<QByteArray> HelperArguments::remoteName(const QString& argument, const QString& value)
{
    return printableName(argument, value, MaxNameLength, false);
}

Result<QByteArray> HelperArguments::xauthLogin(const QString& argument, const QString& value)
{
    return printableName(argument, value, MaxNameLength, true);
}

Result<QByteArray> HelperArguments::logoutLogin(const QString& argument, const QString& value)
{
    return printableName(argument, value, MaxLoginLength, true);
}

QString HelperArguments::passwordProblem(const QString& argument, const QByteArray& password)
{
    if (password.size() > MaxPasswordLength) {
        return invalid(argument, tr("is longer than %1 bytes").arg(MaxPasswordLength));
    }
    // racoon takes the password up to its NUL: an embedded one would silently cut it.
    if (password.contains('\0')) {
        return invalid(argument, tr("must not contain a NUL byte"));
    }
    return QString();
}

Result<std::uint16_t> HelperArguments::statusFormat(const QString& argument, const QString& value)
{
    if (value == QLatin1String("text")) {
        return std::uint16_t(StatusFormat::Text);
    }
    if (value == QLatin1String("json")) {
        return std::uint16_t(StatusFormat::Json);
    }
    return Result<std::uint16_t>::failure(invalid(argument, tr("must be \"text\" or \"json\"")));
}

} // namespace qracoon::helper
