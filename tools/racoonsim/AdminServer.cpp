#include "AdminServer.h"

#include "AdminConnection.h"
#include "EventHub.h"
#include "SimLog.h"
#include "core/wire/AdminCodes.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalSocket>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace qracoon::sim {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

AdminServer::AdminServer(RequestHandler& handler, EventHub& events, FaultInjector& faults, QObject* parent)
    : QObject(parent), m_handler(handler), m_events(events), m_faults(faults)
{
    connect(&m_server, &QLocalServer::newConnection, this, &AdminServer::accept);
}

AdminServer::~AdminServer()
{
    for (AdminConnection* c : m_connections) {
        c->disconnect(this);
        delete c;
    }
    if (m_server.isListening()) {
        m_server.close();
        QFile::remove(m_path);
    }
}

Result<bool> AdminServer::listen(const SocketOptions& options)
{
    const QByteArray native = QFile::encodeName(options.path);
    struct stat st
    {
    };
    if (lstat(native.constData(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            return Result<bool>::failure(
                tr("refusing to bind the admin socket: %1 exists and is not a socket").arg(options.path));
        }
        unlink(native.constData());
    }
    const QString directory = QFileInfo(options.path).absolutePath();
    if (!QDir().mkpath(directory)) {
        return Result<bool>::failure(tr("cannot create the directory %1").arg(directory));
    }
    m_server.setMaxPendingConnections(64);
    // Created with the requested mode already, so that it is never more open than asked for.
    const mode_t previousMask = umask(static_cast<mode_t>(~options.mode & 0777));
    const bool listening = m_server.listen(options.path);
    umask(previousMask);
    if (!listening) {
        return Result<bool>::failure(tr("cannot listen on %1: %2").arg(options.path, m_server.errorString()));
    }
    m_path = options.path;
    if ((options.owner || options.group) &&
        chown(native.constData(), options.owner.value_or(static_cast<uid_t>(-1)),
              options.group.value_or(static_cast<gid_t>(-1))) != 0) {
        return Result<bool>::failure(tr("chown(%1): %2").arg(options.path, systemError()));
    }
    if (chmod(native.constData(), options.mode) != 0) {
        return Result<bool>::failure(tr("chmod(%1, 0%2): %3")
                                         .arg(options.path)
                                         .arg(options.mode, 3, 8, QLatin1Char('0'))
                                         .arg(systemError()));
    }
    return true;
}

void AdminServer::accept()
{
    while (QLocalSocket* socket = m_server.nextPendingConnection()) {
        if (m_shuttingDown) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto* connection =
            new AdminConnection(socket, m_handler, m_events, m_faults, m_requestTimeoutMs, this);
        m_connections.push_back(connection);
        connect(connection, &AdminConnection::finished, this, &AdminServer::forget);
    }
}

void AdminServer::forget(AdminConnection* connection)
{
    m_connections.erase(std::remove(m_connections.begin(), m_connections.end(), connection),
                        m_connections.end());
    connection->deleteLater();
    if (m_shuttingDown && m_connections.empty() && !m_drained) {
        m_drained = true;
        Q_EMIT drained();
    }
}

void AdminServer::shutdown()
{
    if (m_shuttingDown) {
        return;
    }
    m_shuttingDown = true;
    qCInfo(lcSim).noquote() << tr("shutting down");
    m_events.genericEvent(EventCode::RacoonQuit);
    m_events.releaseAll();
    m_server.close();
    QFile::remove(m_path);
    // Closing may forget a connection at once, so iterate over a copy.
    const std::vector<AdminConnection*> open = m_connections;
    for (AdminConnection* c : open) {
        c->finish();
    }
    if (m_connections.empty() && !m_drained) {
        m_drained = true;
        QMetaObject::invokeMethod(this, &AdminServer::drained, Qt::QueuedConnection);
    }
}

} // namespace qracoon::sim
