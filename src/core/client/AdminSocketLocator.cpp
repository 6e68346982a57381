#include "AdminSocketLocator.h"

#include <QFileInfo>

namespace qracoon {

QStringList AdminSocketLocator::defaultPaths()
{
    return {QStringLiteral("/var/racoon/racoon.sock"), QStringLiteral("/var/run/racoon.sock"),
            QStringLiteral("/var/run/racoon/racoon.sock"), QStringLiteral("/run/racoon/racoon.sock")};
}

QString AdminSocketLocator::locate(const QString& explicitPath)
{
    if (!explicitPath.isEmpty()) {
        return explicitPath;
    }
    return locateAmong(defaultPaths());
}

QString AdminSocketLocator::locateAmong(const QStringList& candidates)
{
    for (const QString& path : candidates) {
        if (QFileInfo::exists(path)) {
            return path;
        }
    }
    return candidates.value(0);
}

} // namespace qracoon
