// The admin socket: a UNIX stream socket with racoon's adminsock owner, group and mode, accepting any
// number of connections, each carrying one request.
#pragma once

#include "core/Result.h"

#include <QLocalServer>
#include <QObject>
#include <optional>
#include <sys/types.h>
#include <vector>

namespace qracoon::sim {

class AdminConnection;
class EventHub;
class FaultInjector;
class RequestHandler;

struct SocketOptions
{
    QString path;
    std::optional<uid_t> owner;
    std::optional<gid_t> group;
    mode_t mode = 0600;
};

class AdminServer : public QObject
{
    Q_OBJECT

public:
    AdminServer(RequestHandler& handler, EventHub& events, FaultInjector& faults, QObject* parent = nullptr);
    ~AdminServer() override;

    // Replaces a stale socket at the path (but nothing that is not a socket), creates missing directories.
    Result<bool> listen(const SocketOptions& options);
    // How long a connection may take to deliver its request before it is closed.
    void setRequestTimeout(int milliseconds) { m_requestTimeoutMs = milliseconds; }

    // racoon's exit: RACOON_QUIT to the global listeners, then every connection closes; drained() follows.
    void shutdown();
    std::size_t connectionCount() const { return m_connections.size(); }
    QString path() const { return m_path; }

Q_SIGNALS:
    void drained();

private:
    void accept();
    void forget(AdminConnection* connection);

    RequestHandler& m_handler;
    EventHub& m_events;
    FaultInjector& m_faults;
    QLocalServer m_server;
    QString m_path;
    int m_requestTimeoutMs = 10000;
    bool m_shuttingDown = false;
    bool m_drained = false;
    std::vector<AdminConnection*> m_connections;
};

} // namespace qracoon::sim
