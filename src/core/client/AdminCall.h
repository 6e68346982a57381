// One request on its own connection to racoon, and every frame racoon sends back on it.
#pragma once

#include "AdminError.h"
#include "core/wire/AdminFrame.h"
#include "core/wire/AdminRequest.h"

#include <QObject>
#include <QTimer>

class QLocalSocket;
class QSocketNotifier;

namespace qracoon {

class AdminCall : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        // Finish after the first complete frame (every command that is not a subscription).
        SingleReply,
        // Keep reading: the reply, then the events racoon pushes, until cancel() or racoon hangs up.
        Stream,
    };

    ~AdminCall() override;

    Mode mode() const { return m_mode; }
    bool isFinished() const { return m_finished; }
    // Set when the call failed (also when racoon hung up on a stream); Kind::None after success or cancel().
    const AdminError& error() const { return m_error; }
    int framesReceived() const { return m_framesReceived; }

    // Hangs up. Emits finished() (without error) unless the call had already finished.
    void cancel();
    // Runs a local event loop until finished(). For the command-line client only: the GUI connects to
    // the signals instead.
    bool waitForFinished();

Q_SIGNALS:
    void frameReceived(const qracoon::AdminFrame& frame);
    void finished();

private:
    friend class AdminClient;
    AdminCall(const QString& socketPath, AdminRequest request, Mode mode, int timeoutMs, QObject* parent);

    void start();
    void tryConnect();
    void sendPending();
    void readAvailable();
    void deliverFrames();
    void onDisconnected();
    void peerClosed();
    void onTimeout();
    void fail(AdminError::Kind kind, int systemError, const QString& message);
    void finish();
    void closeSocket();

    QString m_socketPath;
    AdminRequest m_request;
    std::size_t m_sent = 0;
    Mode m_mode;
    int m_timeoutMs;
    int m_connectAttempts = 0;
    int m_fd = -1;
    QLocalSocket* m_socket = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QTimer m_timer;
    FrameReader m_reader;
    AdminError m_error;
    int m_framesReceived = 0;
    bool m_finished = false;
    bool m_sliceScheduled = false; // frames wait for the next slice
    bool m_peerClosed = false;     // racoon hung up while frames waited
};

} // namespace qracoon
