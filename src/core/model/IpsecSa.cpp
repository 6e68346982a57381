#include "IpsecSa.h"

#include <tuple>

namespace qracoon {

namespace {

auto fields(const IpsecSa::Lifetime& l)
{
    return std::tie(l.allocations, l.bytes, l.addtime, l.usetime);
}

auto fields(const IpsecSa::Identity& i)
{
    return std::tie(i.type, i.id, i.text);
}

auto fields(const IpsecSa::SecurityContext& c)
{
    return std::tie(c.alg, c.doi, c.declaredLength, c.context);
}

auto header(const IpsecSa& s)
{
    return std::tie(s.messageType, s.satype, s.reserved, s.sadbSeq, s.sadbPid, s.spi, s.replay, s.state,
                    s.authAlg, s.encAlg, s.flags, s.mode, s.sequence, s.reqid, s.extensions,
                    s.unknownExtensions);
}

auto endpoints(const IpsecSa& s)
{
    return std::tie(s.source, s.destination, s.proxy, s.sourcePrefix, s.destinationPrefix,
                    s.upperLayerProtocol, s.natTType, s.natTSourcePort, s.natTDestinationPort,
                    s.natTOriginalAddress);
}

auto keys(const IpsecSa& s)
{
    return std::tie(s.authKey, s.encKey, s.authKeyBits, s.encKeyBits);
}

} // namespace

bool IpsecSa::operator==(const IpsecSa& o) const
{
    // Cheapest and most likely to differ first: the header and the byte counters.
    return header(*this) == header(o) && fields(current) == fields(o.current) &&
           endpoints(*this) == endpoints(o) && fields(hard) == fields(o.hard) &&
           fields(soft) == fields(o.soft) && keys(*this) == keys(o) &&
           fields(sourceIdentity) == fields(o.sourceIdentity) &&
           fields(destinationIdentity) == fields(o.destinationIdentity) &&
           fields(securityContext) == fields(o.securityContext);
}

} // namespace qracoon
