// The STATUS / STATUS_VERBOSE payload, rendered as racoon's status.c renders it: the same fields in the
// text layout or as one compact JSON object (schema 2.0), keys in racoon's order.
#pragma once

#include <QByteArray>

namespace qracoon::sim {

class SimState;

class StatusReport
{
public:
    static QByteArray render(const SimState& state, bool verbose, bool json);
};

} // namespace qracoon::sim
