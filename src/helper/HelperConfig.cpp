#include "HelperConfig.h"

#include "core/client/AdminSocketLocator.h"

#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qracoon::helper {

namespace {

// A configuration file is a few lines; anything bigger is not one.
constexpr qsizetype MaxConfigSize = 64 * 1024;
// A sockaddr_un path holds 107 bytes plus the NUL.
constexpr qsizetype MaxSocketPathLength = 107;

QString tr(const char* text)
{
    return QCoreApplication::translate("HelperConfig", text);
}

Result<int> parseNumber(const QByteArray& key, const QByteArray& value, int minimum, int maximum)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < minimum || number > maximum) {
        return Result<int>::failure(tr("%1 must be a number from %2 to %3, not \"%4\"")
                                        .arg(QString::fromUtf8(key))
                                        .arg(minimum)
                                        .arg(maximum)
                                        .arg(QString::fromUtf8(value)));
    }
    return number;
}

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    int fd() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

QString HelperConfig::defaultPath()
{
    return QStringLiteral(QRACOON_HELPER_CONFIG);
}

QString HelperConfig::effectiveSocketPath() const
{
    return socketPath.isEmpty() ? AdminSocketLocator::locate() : socketPath;
}

Result<HelperConfig> HelperConfig::load(const QString& path, uid_t requiredOwner)
{
    // Opened first and checked through the descriptor, so the file checked is the file read.
    const FileDescriptor file(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (file.fd() < 0) {
        const int error = errno;
        if (error == ENOENT) {
            return HelperConfig();
        }
        return Result<HelperConfig>::failure(
            tr("cannot open %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(error))));
    }
    struct stat info
    {
    };
    if (::fstat(file.fd(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return Result<HelperConfig>::failure(tr("%1 is not a regular file").arg(path));
    }
    if (info.st_uid != requiredOwner) {
        return Result<HelperConfig>::failure(tr("%1 is owned by uid %2, not %3: refusing to use it")
                                                 .arg(path)
                                                 .arg(info.st_uid)
                                                 .arg(requiredOwner));
    }
    if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return Result<HelperConfig>::failure(
            tr("%1 is writable by group or others: refusing to use it").arg(path));
    }
    if (info.st_size > MaxConfigSize) {
        return Result<HelperConfig>::failure(tr("%1 is too large for a configuration file").arg(path));
    }
    QByteArray text(qsizetype(info.st_size), '\0');
    qsizetype filled = 0;
    while (filled < text.size()) {
        const ssize_t n = ::read(file.fd(), text.data() + filled, std::size_t(text.size() - filled));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        filled += qsizetype(n);
    }
    text.truncate(filled);
    auto config = parse(text);
    if (!config) {
        return Result<HelperConfig>::failure(tr("%1: %2").arg(path, config.error()));
    }
    return config;
}

Result<HelperConfig> HelperConfig::parse(const QByteArray& text)
{
    HelperConfig config;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        const qsizetype hash = line.indexOf('#');
        if (hash >= 0) {
            line.truncate(hash);
        }
        line = line.trimmed();
        if (line.isEmpty()) {
            continue;
        }
        const auto fail = [&](const QString& message) {
            return Result<HelperConfig>::failure(tr("line %1: %2").arg(i + 1).arg(message));
        };
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0) {
            return fail(tr("expected \"key = value\""));
        }
        const QByteArray key = line.left(equals).trimmed();
        const QByteArray value = line.mid(equals + 1).trimmed();
        if (key == "socket") {
            const QString path = QFile::decodeName(value);
            if (!path.startsWith(QLatin1Char('/')) || value.size() > MaxSocketPathLength ||
                value.contains('\0')) {
                return fail(
                    tr("socket must be an absolute path of at most %1 bytes").arg(MaxSocketPathLength));
            }
            config.socketPath = path;
            continue;
        }
        Result<int> number = Result<int>::failure(tr("unknown key \"%1\"").arg(QString::fromUtf8(key)));
        if (key == "idle-timeout") {
            number = parseNumber(key, value, 1, 86400);
            if (number) {
                config.idleTimeoutSeconds = *number;
            }
        } else if (key == "request-timeout") {
            number = parseNumber(key, value, 100, 600000);
            if (number) {
                config.requestTimeoutMs = *number;
            }
        } else if (key == "max-requests-per-user") {
            number = parseNumber(key, value, 1, 1024);
            if (number) {
                config.maxRequestsPerUser = *number;
            }
        } else if (key == "max-subscriptions-per-user") {
            number = parseNumber(key, value, 1, 1024);
            if (number) {
                config.maxSubscriptionsPerUser = *number;
            }
        }
        if (!number) {
            return fail(number.error());
        }
    }
    return config;
}

} // namespace qracoon::helper
