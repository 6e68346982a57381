// qracoon-helper's settings, from a root-owned file only: racoon's socket path comes from here and
// from nowhere a caller could influence (no D-Bus argument, no environment variable).
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <sys/types.h>

namespace qracoon::helper {

class HelperConfig
{
public:
    // Absolute path of racoon's admin socket; empty means "the first of the usual places that exists".
    QString socketPath;
    // Exit after this long without a call in progress and without an event subscriber.
    int idleTimeoutSeconds = 60;
    // How long racoon may take to answer one request.
    int requestTimeoutMs = 10000;
    // Bounds per Unix user, so that one user's programs cannot exhaust the helper.
    int maxRequestsPerUser = 16;
    int maxSubscriptionsPerUser = 8;

    // The file the installed helper reads (`sysconfdir`/qracoon/helper.conf).
    static QString defaultPath();

    // Reads `path`: a missing file gives the defaults; an existing one must be a regular file owned by
    // `requiredOwner` and writable by nobody else, or loading fails.
    static Result<HelperConfig> load(const QString& path, uid_t requiredOwner = 0);
    // Parses `key = value` lines ('#' starts a comment); unknown keys and bad values are errors.
    static Result<HelperConfig> parse(const QByteArray& text);

    // The socket to use: socketPath, or the default location.
    QString effectiveSocketPath() const;
};

} // namespace qracoon::helper
