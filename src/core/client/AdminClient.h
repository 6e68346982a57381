// The asynchronous entry point to racoon's admin port: one AdminCall per request, because racoon
// answers exactly one request per connection.
#pragma once

#include "AdminCall.h"

#include <QObject>
#include <QString>

namespace qracoon {

class AdminClient : public QObject
{
    Q_OBJECT

public:
    explicit AdminClient(QString socketPath, QObject* parent = nullptr);

    const QString& socketPath() const { return m_socketPath; }
    void setSocketPath(const QString& path) { m_socketPath = path; }
    // How long to wait for the connection and each reply (not for pushed events); 0 waits forever.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    // Starts the request at once. The call is owned by `parent` (this client when null); delete it or
    // let the parent do so after finished(). Subscribing requests (AdminRequest::subscribes()) stream
    // unless `mode` says otherwise.
    AdminCall* send(AdminRequest request, QObject* parent = nullptr);
    AdminCall* send(AdminRequest request, AdminCall::Mode mode, QObject* parent = nullptr);

private:
    QString m_socketPath;
    int m_timeoutMs = 30000;
};

} // namespace qracoon
