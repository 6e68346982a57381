// How the applet words racoon's numbers for people: SA states, algorithms, sizes and durations.
// (racoonctl's byte-exact texts live in core/format; these are translated and meant to be read.)
#pragma once

#include <QString>
#include <array>
#include <cstdint>

namespace qracoon::display {

QString phase1State(int status);
QString exchangeType(std::uint8_t etype);
QString side(int side);
QString cookiePair(const std::array<std::uint8_t, 8>& initiator,
                   const std::array<std::uint8_t, 8>& responder);
QString ipsecProtocol(std::uint8_t satype);
QString ipsecMode(std::uint8_t mode);
QString ipsecState(std::uint8_t state);
QString encryptionAlgorithm(std::uint8_t satype, std::uint8_t alg);
QString authenticationAlgorithm(std::uint8_t alg);
QString spi(std::uint32_t spi);
// "1.2 MiB", "840 bytes".
QString bytes(std::uint64_t count);
// "42 s", "5 min 03 s", "2 h 05 min", "3 d 4 h".
QString duration(std::int64_t seconds);
// "2026-12-04 15:04:05" in local time; empty for 0.
QString dateTime(std::int64_t unixSeconds);
// "15:04:05" when that is on the same local day as `nowSeconds`, dateTime() otherwise.
QString timeOfDay(std::int64_t unixSeconds, std::int64_t nowSeconds);

} // namespace qracoon::display
