// Takes the keys out of a PF_KEY dump before it leaves the helper. The admin socket is root-only, and
// SHOW_SA esp/ah/ipsec returns every SA's authentication and encryption keys: a desktop user who may
// see which tunnels are up must not be able to read (and so decrypt) the traffic of others.
#pragma once

#include <QByteArray>

namespace qracoon::helper {

class SadbKeyRedactor
{
public:
    // The dump with the bytes of every KEY_AUTH/KEY_ENCRYPT extension zeroed (bit counts kept). Messages
    // that do not decode cleanly are left out, since their keys cannot be located with certainty; an
    // error dump (errno in the first message) is reduced to that message's header.
    static QByteArray redact(const QByteArray& payload);
};

} // namespace qracoon::helper
