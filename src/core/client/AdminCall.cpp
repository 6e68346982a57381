#include "AdminCall.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLocalSocket>
#include <QPointer>
#include <QSocketNotifier>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace qracoon {

namespace {

constexpr int ConnectRetryMs = 20;
// How long a stream's frames may hold the event loop before others get a turn (a frame at 60 Hz is 16 ms).
constexpr int StreamSliceMs = 5;
constexpr int MaxConnectAttemptsWithoutTimeout = 500;

QString systemErrorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

AdminCall::AdminCall(const QString& socketPath, AdminRequest request, Mode mode, int timeoutMs,
                     QObject* parent)
    : QObject(parent), m_socketPath(socketPath), m_request(std::move(request)), m_mode(mode),
      m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AdminCall::onTimeout);
}

AdminCall::~AdminCall()
{
    closeSocket();
    m_request.wipe();
}

void AdminCall::start()
{
    // Report everything asynchronously, so that callers can connect to the signals after send().
    QMetaObject::invokeMethod(this, &AdminCall::tryConnect, Qt::QueuedConnection);
}

void AdminCall::tryConnect()
{
    if (m_finished) {
        return;
    }
    const QByteArray path = QFile::encodeName(m_socketPath);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.isEmpty() || std::size_t(path.size()) >= sizeof address.sun_path) {
        fail(AdminError::Kind::SocketPathTooLong, ENAMETOOLONG,
             tr("the admin socket path %1 is %2 bytes long; a UNIX socket path can have at most %3")
                 .arg(m_socketPath)
                 .arg(path.size())
                 .arg(sizeof address.sun_path - 1));
        return;
    }
    std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));

    if (m_fd < 0) {
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (m_fd < 0) {
            const int e = errno;
            fail(AdminError::Kind::ConnectFailed, e,
                 tr("cannot create admin socket: %1").arg(systemErrorText(e)));
            return;
        }
    }
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        const int e = errno;
        if (e == EINTR || e == EAGAIN) {
            // The listen backlog is full: racoon is busy. Try again until the timeout.
            ++m_connectAttempts;
            if (m_timeoutMs == 0 ? m_connectAttempts < MaxConnectAttemptsWithoutTimeout
                                 : m_connectAttempts * ConnectRetryMs < m_timeoutMs) {
                QTimer::singleShot(ConnectRetryMs, this, &AdminCall::tryConnect);
                return;
            }
            fail(AdminError::Kind::Timeout, e,
                 tr("racoon's admin socket %1 accepts no connection (busy)").arg(m_socketPath));
            return;
        }
        AdminError::Kind kind = AdminError::Kind::ConnectFailed;
        QString hint = tr("(is racoon running?)");
        if (e == ENOENT || e == ENOTDIR) {
            kind = AdminError::Kind::SocketMissing;
        } else if (e == ECONNREFUSED) {
            kind = AdminError::Kind::ConnectionRefused;
        } else if (e == EACCES || e == EPERM) {
            kind = AdminError::Kind::PermissionDenied;
            hint = tr("(the socket is restricted: run as a user that may open it, or use qracoon-helper)");
        }
        fail(kind, e,
             tr("cannot connect to racoon admin socket %1: %2 %3")
                 .arg(m_socketPath, systemErrorText(e), hint));
        return;
    }

    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::readyRead, this, &AdminCall::readAvailable);
    connect(m_socket, &QLocalSocket::disconnected, this, &AdminCall::onDisconnected);
    if (!m_socket->setSocketDescriptor(m_fd, QLocalSocket::ConnectedState, QIODevice::ReadWrite)) {
        fail(AdminError::Kind::ConnectFailed, 0,
             tr("cannot use the admin connection: %1").arg(m_socket->errorString()));
        return;
    }
    if (m_timeoutMs > 0) {
        m_timer.start(m_timeoutMs);
    }
    sendPending();
}

void AdminCall::sendPending()
{
    // Written with send() rather than through QLocalSocket's write buffer: the request may hold a password,
    // and this way it only ever exists in m_request's buffer, which is wiped below.
    while (m_sent < m_request.size()) {
        const ssize_t n = ::send(m_fd, m_request.data() + m_sent, m_request.size() - m_sent, MSG_NOSIGNAL);
        if (n < 0) {
            const int e = errno;
            if (e == EINTR) {
                continue;
            }
            if (e == EAGAIN) {
                if (m_writeNotifier == nullptr) {
                    m_writeNotifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Write, this);
                    connect(m_writeNotifier, &QSocketNotifier::activated, this, &AdminCall::sendPending);
                }
                m_writeNotifier->setEnabled(true);
                return;
            }
            fail(AdminError::Kind::SendFailed, e,
                 tr("failed to send request to racoon: %1").arg(systemErrorText(e)));
            return;
        }
        m_sent += std::size_t(n);
    }
    if (m_writeNotifier != nullptr) {
        m_writeNotifier->setEnabled(false);
    }
    m_request.wipe();
    // racoon may already have answered while we were writing.
    if (m_socket->bytesAvailable() > 0) {
        readAvailable();
    }
}

void AdminCall::readAvailable()
{
    if (m_finished || m_socket == nullptr) {
        return;
    }
    // Everything the kernel holds is taken at once, whatever the frames' handling costs: racoon gives up
    // on a listener whose socket stays full.
    bool progress = false;
    while (m_socket->bytesAvailable() > 0) {
        const QByteArray chunk = m_socket->read(m_socket->bytesAvailable());
        if (chunk.isEmpty()) {
            break;
        }
        progress = true;
        m_reader.append(chunk);
    }
    if (progress && m_timer.isActive() && m_framesReceived == 0) {
        m_timer.start(m_timeoutMs);
    }
    if (!m_sliceScheduled) {
        deliverFrames();
    }
}

void AdminCall::deliverFrames()
{
    if (m_finished) {
        return;
    }
    const QPointer<AdminCall> self(this);
    QElapsedTimer slice;
    slice.start();
    for (;;) {
        // A stream hands its frames out in slices: a burst of thousands of events must not keep the
        // receiving thread (the GUI's) from painting or answering the user.
        if (m_mode == Mode::Stream && slice.elapsed() >= StreamSliceMs) {
            m_sliceScheduled = true;
            QTimer::singleShot(0, this, [this] {
                m_sliceScheduled = false;
                deliverFrames();
                if (!m_finished && !m_sliceScheduled && m_peerClosed) {
                    peerClosed();
                }
            });
            return;
        }
        AdminFrame frame;
        QString problem;
        const FrameReader::Status status = m_reader.next(frame, problem);
        if (status == FrameReader::Status::NeedMore) {
            return;
        }
        if (status == FrameReader::Status::Error) {
            fail(AdminError::Kind::MalformedFrame, 0, problem);
            return;
        }
        ++m_framesReceived;
        if (m_mode == Mode::Stream) {
            m_timer.stop();
        }
        Q_EMIT frameReceived(frame);
        if (!self || m_finished) {
            return;
        }
        if (m_mode == Mode::SingleReply) {
            finish();
            return;
        }
    }
}

void AdminCall::onDisconnected()
{
    if (m_finished) {
        return;
    }
    readAvailable();
    if (m_finished) {
        return;
    }
    // Frames still waiting for their slice come first; the hang-up is reported after them.
    if (m_sliceScheduled) {
        m_peerClosed = true;
        return;
    }
    peerClosed();
}

void AdminCall::peerClosed()
{
    if (m_reader.pendingBytes() > 0) {
        const std::uint32_t expected = m_reader.expectedLength();
        fail(AdminError::Kind::ClosedMidFrame, 0,
             expected != 0
                 ? tr("racoon closed the admin connection in the middle of a frame (got %1 of %2 bytes)")
                       .arg(m_reader.pendingBytes())
                       .arg(expected)
                 : tr("short read from racoon: got %1 of 8 expected header bytes")
                       .arg(m_reader.pendingBytes()));
        return;
    }
    fail(AdminError::Kind::ClosedBeforeReply, 0,
         tr("racoon closed the admin connection before sending a reply header (EOF)"));
}

void AdminCall::onTimeout()
{
    if (m_finished) {
        return;
    }
    fail(AdminError::Kind::Timeout, ETIMEDOUT,
         tr("racoon did not answer within %1 seconds").arg(double(m_timeoutMs) / 1000.0));
}

void AdminCall::cancel()
{
    if (!m_finished) {
        finish();
    }
}

bool AdminCall::waitForFinished()
{
    if (!m_finished) {
        QEventLoop loop;
        connect(this, &AdminCall::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return !m_error.isError();
}

void AdminCall::fail(AdminError::Kind kind, int systemError, const QString& message)
{
    m_error.kind = kind;
    m_error.systemError = systemError;
    m_error.message = message;
    finish();
}

void AdminCall::finish()
{
    m_finished = true;
    m_timer.stop();
    closeSocket();
    m_request.wipe();
    Q_EMIT finished();
}

void AdminCall::closeSocket()
{
    if (m_writeNotifier != nullptr) {
        m_writeNotifier->setEnabled(false);
        m_writeNotifier->deleteLater();
        m_writeNotifier = nullptr;
    }
    if (m_socket != nullptr) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
        m_fd = -1; // closed by the socket
    } else if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace qracoon
