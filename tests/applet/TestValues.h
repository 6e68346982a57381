// Small builders for the core's value types, so tests say what matters about an SA or an event.
#pragma once

#include "applet/Clock.h"
#include "core/model/IpsecSa.h"
#include "core/model/IsakmpSa.h"
#include "core/model/RacoonEvent.h"
#include "core/model/StatusDocument.h"

#include <QString>

namespace qracoon::test {

SocketAddress address(const char* text, std::uint16_t port = 0);
// A phase 1 with `remote`, cookies filled with `cookie`, state 9 (established) unless told otherwise.
IsakmpSa isakmpSa(const char* remote, std::uint8_t cookie, int status = 9, std::time_t created = 1000);
IpsecSa ipsecSa(const char* source, const char* destination, std::uint32_t spi, std::uint64_t bytes = 0,
                std::uint64_t added = 1000);
RacoonEvent racoonEvent(std::uint32_t code, const char* peer = "192.0.2.1");
// A PHASE1_MODE_CFG event that hands out `assigned` and a banner.
RacoonEvent modeCfgEvent(const char* peer, const char* assigned, const QString& banner);
StatusDocument::Phase1 statusPhase1(const IsakmpSa& sa, const QString& xauthState = QString());

class ManualClock : public Clock
{
public:
    std::time_t now() const override { return m_now; }
    void set(std::time_t t) { m_now = t; }
    void advance(std::time_t seconds) { m_now += seconds; }

private:
    std::time_t m_now = 2000;
};

} // namespace qracoon::test
