// Blanks what differs from run to run (timestamps, cookies, SPIs, keys, message ids, pids) so that a
// frame from racoonsim can be compared byte for byte with one recorded from racoon.
#pragma once

#include <QByteArray>

namespace qracoon::sim {

class WireMask
{
public:
    // Frames, header included.
    static QByteArray phase1Dump(QByteArray frame);
    static QByteArray event(QByteArray frame);
    static QByteArray schedule(QByteArray frame);
    static QByteArray sadbDump(QByteArray frame);
    // Status text or JSON: timestamp, cookie pairs, phase 2 ids and the visible SPI digits.
    static QByteArray status(QByteArray frame);
};

} // namespace qracoon::sim
