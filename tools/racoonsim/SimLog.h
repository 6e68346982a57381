// racoonsim's log category: everything it reports goes to stderr through it (never a password).
#pragma once

#include <QLoggingCategory>

namespace qracoon::sim {
Q_DECLARE_LOGGING_CATEGORY(lcSim)
} // namespace qracoon::sim
