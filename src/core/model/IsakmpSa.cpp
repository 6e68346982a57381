#include "IsakmpSa.h"

#include <tuple>

namespace qracoon {

bool IsakmpSa::operator==(const IsakmpSa& o) const
{
    return std::tie(initiatorCookie, responderCookie, status, side, remote, local, version, etype, created,
                    ph2cnt) == std::tie(o.initiatorCookie, o.responderCookie, o.status, o.side, o.remote,
                                        o.local, o.version, o.etype, o.created, o.ph2cnt);
}

} // namespace qracoon
