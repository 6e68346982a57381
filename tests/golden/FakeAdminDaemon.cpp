#include "FakeAdminDaemon.h"

#include <QFile>
#include <QJsonArray>
#include <chrono>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

bool readable(int fd, int timeoutMs)
{
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, timeoutMs) > 0;
}

QByteArray receiveExactly(int fd, qsizetype size, Clock::time_point deadline)
{
    QByteArray out;
    while (out.size() < size && Clock::now() < deadline) {
        if (!readable(fd, 100)) {
            continue;
        }
        char buf[65536];
        const ssize_t n =
            ::recv(fd, buf, std::min<std::size_t>(sizeof buf, std::size_t(size - out.size())), 0);
        if (n <= 0) {
            break;
        }
        out.append(buf, n);
    }
    return out;
}

void sendAll(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0) {
            return;
        }
        data += n;
        size -= std::size_t(n);
    }
}

} // namespace

FakeAdminDaemon::FakeAdminDaemon(QString path, const QJsonObject& testCase) : m_path(std::move(path))
{
    for (const QJsonValue& v : testCase.value(QLatin1String("reply_frames_hex")).toArray()) {
        m_replies << QByteArray::fromHex(v.toString().toLatin1());
    }
    const QJsonObject server = testCase.value(QLatin1String("server")).toObject();
    m_mode = server.value(QLatin1String("mode")).toString(QStringLiteral("listen"));
    m_hold = server.value(QLatin1String("after_replies")).toString() == QLatin1String("hold");
    m_holdTimeout = server.value(QLatin1String("hold_timeout")).toDouble(5.0);
    m_frameDelayMs = server.value(QLatin1String("frame_delay_ms")).toInt(0);
    m_chunkSize = server.value(QLatin1String("chunk_size")).toInt(0);
    m_chunkDelayMs = server.value(QLatin1String("chunk_delay_ms")).toInt(5);
}

FakeAdminDaemon::~FakeAdminDaemon()
{
    stop();
}

bool FakeAdminDaemon::start(QString* error)
{
    const QByteArray path = QFile::encodeName(m_path);
    ::unlink(path.constData());
    if (m_mode == QLatin1String("absent")) {
        return true;
    }
    m_listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
    if (::bind(m_listenFd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        *error = QStringLiteral("bind %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (m_mode == QLatin1String("refuse")) {
        return true;
    }
    ::listen(m_listenFd, 8);
    m_thread = std::thread([this] { serve(); });
    return true;
}

QList<FakeAdminDaemon::Connection> FakeAdminDaemon::stop()
{
    m_stop = true;
    if (m_thread.joinable()) {
        m_thread.join();
    }
    if (m_listenFd >= 0) {
        ::close(m_listenFd);
        m_listenFd = -1;
        ::unlink(QFile::encodeName(m_path).constData());
    }
    std::lock_guard<std::mutex> guard(m_lock);
    return m_connections;
}

void FakeAdminDaemon::serve()
{
    bool first = true;
    while (!m_stop) {
        if (!readable(m_listenFd, 50)) {
            continue;
        }
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            break;
        }
        Connection record;
        handle(fd, first ? m_replies : QList<QByteArray>(), record);
        first = false;
        ::close(fd);
        std::lock_guard<std::mutex> guard(m_lock);
        m_connections << record;
    }
}

void FakeAdminDaemon::handle(int fd, const QList<QByteArray>& replies, Connection& record)
{
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    const QByteArray header = receiveExactly(fd, 8, deadline);
    if (header.size() < 8) {
        record.partial = header;
        return;
    }
    const int length = std::uint8_t(header[0]) | (std::uint8_t(header[1]) << 8);
    const QByteArray body = receiveExactly(fd, std::max(length - 8, 0), deadline);
    if (header.size() + body.size() < std::max(length, 8)) {
        record.partial = header + body;
    } else {
        record.frames << header + body;
    }
    sendFrames(fd, replies);
    Clock::time_point extraDeadline;
    if (m_hold) {
        extraDeadline = Clock::now() + std::chrono::milliseconds(qint64(m_holdTimeout * 1000));
    } else {
        ::shutdown(fd, SHUT_WR);
        extraDeadline = Clock::now() + std::chrono::seconds(2);
    }
    while (Clock::now() < extraDeadline) {
        if (!readable(fd, 50)) {
            continue;
        }
        char buf[4096];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            break;
        }
        record.extra.append(buf, n);
    }
}

void FakeAdminDaemon::sendFrames(int fd, const QList<QByteArray>& replies)
{
    if (m_chunkSize == 0 && m_frameDelayMs == 0) {
        const QByteArray all = replies.join();
        sendAll(fd, all.constData(), std::size_t(all.size()));
        return;
    }
    for (qsizetype i = 0; i < replies.size(); ++i) {
        const QByteArray& frame = replies[i];
        if (i != 0 && m_frameDelayMs != 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(m_frameDelayMs));
        }
        if (m_chunkSize == 0) {
            sendAll(fd, frame.constData(), std::size_t(frame.size()));
            continue;
        }
        qsizetype pos = std::min<qsizetype>(std::max(8, m_chunkSize), frame.size());
        sendAll(fd, frame.constData(), std::size_t(pos));
        while (pos < frame.size()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(m_chunkDelayMs));
            const qsizetype n = std::min<qsizetype>(m_chunkSize, frame.size() - pos);
            sendAll(fd, frame.constData() + pos, std::size_t(n));
            pos += n;
        }
    }
}
