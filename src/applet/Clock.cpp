#include "Clock.h"

#include <QDateTime>

namespace qracoon {

std::time_t Clock::now() const
{
    return static_cast<std::time_t>(QDateTime::currentSecsSinceEpoch());
}

} // namespace qracoon
