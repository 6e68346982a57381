// Where racoon's admin socket is: the path the user gave, or the first default that exists.
#pragma once

#include <QString>
#include <QStringList>

namespace qracoon {

class AdminSocketLocator
{
public:
    // The places distributions put racoon's socket, in the order the manual and builds use them.
    static QStringList defaultPaths();
    // `explicitPath` if not empty; otherwise the first default that exists, else the first default (so the
    // error names the path racoon would normally use).
    static QString locate(const QString& explicitPath = QString());
    // Like locate(), but searching `candidates` (for tests).
    static QString locateAmong(const QStringList& candidates);
};

} // namespace qracoon
