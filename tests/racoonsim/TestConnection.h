// A raw admin-socket client for the tests: sends bytes, cuts what comes back into frames with the core's
// FrameReader, and notices when the daemon hangs up.
#pragma once

#include "core/wire/AdminFrame.h"

#include <QByteArray>
#include <QLocalSocket>
#include <deque>
#include <optional>

namespace qracoon::sim {

class TestConnection
{
public:
    explicit TestConnection(const QString& path);

    bool isConnected() const { return m_connected; }
    void send(const QByteArray& bytes);
    // The next frame, waiting up to `timeoutMs` while the event loop runs.
    std::optional<AdminFrame> nextFrame(int timeoutMs = 2000);
    // True when no frame arrives within `ms` (the connection may stay open).
    bool quietFor(int ms);
    // True when the daemon closes the connection within `timeoutMs` without sending another frame.
    bool waitForClose(int timeoutMs = 2000);
    bool isClosed() const { return m_closed; }
    // Everything received so far, and in how many reads it came.
    const QByteArray& received() const { return m_raw; }
    int readCount() const { return m_reads; }
    QString streamError() const { return m_error; }
    void close();

private:
    void onReadyRead();

    QLocalSocket m_socket;
    FrameReader m_reader;
    std::deque<AdminFrame> m_frames;
    QByteArray m_raw;
    QString m_error;
    int m_reads = 0;
    bool m_connected = false;
    bool m_closed = false;
};

} // namespace qracoon::sim
