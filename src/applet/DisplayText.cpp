#include "DisplayText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace qracoon::display {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("qracoon::display", text, disambiguation, n);
}

QString numbered(const char* name, unsigned number)
{
    return name != nullptr ? QString::fromLatin1(name) : tr("#%1").arg(number);
}

} // namespace

QString phase1State(int status)
{
    switch (status) {
    case 0:
    case 1:
        return tr("starting");
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
    case 7:
    case 8:
        return tr("negotiating (step %1 of 8)").arg(status);
    case 9:
        return tr("established");
    case 10:
        return tr("expiring");
    case 11:
        return tr("expired");
    default:
        return tr("unknown (%1)").arg(status);
    }
}

QString exchangeType(std::uint8_t etype)
{
    switch (etype) {
    case 1:
        return tr("base");
    case 2:
        return tr("main");
    case 3:
        return tr("authentication only");
    case 4:
        return tr("aggressive");
    case 5:
        return tr("informational");
    default:
        return tr("type %1").arg(etype);
    }
}

QString side(int side)
{
    return side == 0 ? tr("initiator") : tr("responder");
}

QString cookiePair(const std::array<std::uint8_t, 8>& initiator, const std::array<std::uint8_t, 8>& responder)
{
    const auto hex = [](const std::array<std::uint8_t, 8>& cookie) {
        return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char*>(cookie.data()), qsizetype(cookie.size())).toHex());
    };
    return hex(initiator) + QLatin1Char(':') + hex(responder);
}

QString ipsecProtocol(std::uint8_t satype)
{
    switch (satype) {
    case 2:
        return QStringLiteral("AH");
    case 3:
        return QStringLiteral("ESP");
    case 9:
        return QStringLiteral("IPComp");
    default:
        return tr("type %1").arg(satype);
    }
}

QString ipsecMode(std::uint8_t mode)
{
    switch (mode) {
    case 0:
        return tr("any");
    case 1:
        return tr("transport");
    case 2:
        return tr("tunnel");
    default:
        return tr("mode %1").arg(mode);
    }
}

QString ipsecState(std::uint8_t state)
{
    switch (state) {
    case 0:
        return tr("larval");
    case 1:
        return tr("mature");
    case 2:
        return tr("dying");
    case 3:
        return tr("dead");
    default:
        return tr("state %1").arg(state);
    }
}

QString encryptionAlgorithm(std::uint8_t satype, std::uint8_t alg)
{
    if (satype == 9) {
        static constexpr const char* Compression[] = {"none", "OUI", "Deflate", "LZS"};
        return numbered(alg < std::size(Compression) ? Compression[alg] : nullptr, alg);
    }
    if (satype == 2) {
        return tr("none");
    }
    const char* name = nullptr;
    switch (alg) {
    case 0:
        return tr("none");
    case 2:
        name = "DES-CBC";
        break;
    case 3:
        name = "3DES-CBC";
        break;
    case 6:
        name = "CAST128-CBC";
        break;
    case 7:
        name = "Blowfish-CBC";
        break;
    case 11:
        name = "NULL";
        break;
    case 12:
        name = "AES-CBC";
        break;
    case 13:
        name = "AES-CTR";
        break;
    case 22:
        name = "Camellia-CBC";
        break;
    case 253:
        name = "Twofish-CBC";
        break;
    default:
        break;
    }
    return numbered(name, alg);
}

QString authenticationAlgorithm(std::uint8_t alg)
{
    const char* name = nullptr;
    switch (alg) {
    case 0:
        return tr("none");
    case 2:
        name = "HMAC-MD5";
        break;
    case 3:
        name = "HMAC-SHA1";
        break;
    case 5:
        name = "HMAC-SHA256";
        break;
    case 6:
        name = "HMAC-SHA384";
        break;
    case 7:
        name = "HMAC-SHA512";
        break;
    case 8:
        name = "HMAC-RIPEMD160";
        break;
    case 9:
        name = "AES-XCBC-MAC";
        break;
    case 251:
        name = "NULL";
        break;
    default:
        break;
    }
    return numbered(name, alg);
}

QString spi(std::uint32_t spi)
{
    return QStringLiteral("0x%1").arg(spi, 8, 16, QLatin1Char('0'));
}

QString bytes(std::uint64_t count)
{
    return QLocale().formattedDataSize(static_cast<qint64>(count), 1, QLocale::DataSizeTraditionalFormat);
}

QString duration(std::int64_t seconds)
{
    if (seconds < 0) {
        seconds = 0;
    }
    const std::int64_t days = seconds / 86400;
    const std::int64_t hours = seconds / 3600 % 24;
    const std::int64_t minutes = seconds / 60 % 60;
    const std::int64_t secs = seconds % 60;
    const auto two = [](std::int64_t v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (days > 0) {
        return tr("%1 d %2 h").arg(days).arg(hours);
    }
    if (hours > 0) {
        return tr("%1 h %2 min").arg(hours).arg(two(minutes));
    }
    if (minutes > 0) {
        return tr("%1 min %2 s").arg(minutes).arg(two(secs));
    }
    return tr("%1 s").arg(secs);
}

QString dateTime(std::int64_t unixSeconds)
{
    if (unixSeconds == 0) {
        return {};
    }
    return QDateTime::fromSecsSinceEpoch(unixSeconds).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString timeOfDay(std::int64_t unixSeconds, std::int64_t nowSeconds)
{
    if (unixSeconds == 0) {
        return {};
    }
    const QDateTime when = QDateTime::fromSecsSinceEpoch(unixSeconds);
    if (when.date() != QDateTime::fromSecsSinceEpoch(nowSeconds).date()) {
        return dateTime(unixSeconds);
    }
    return when.toString(QStringLiteral("HH:mm:ss"));
}

} // namespace qracoon::display
