#include "SimLog.h"

namespace qracoon::sim {
Q_LOGGING_CATEGORY(lcSim, "racoonsim", QtInfoMsg)
} // namespace qracoon::sim
