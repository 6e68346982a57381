#include "TestConnection.h"

#include <QTest>

namespace qracoon::sim {

TestConnection::TestConnection(const QString& path)
{
    QObject::connect(&m_socket, &QLocalSocket::readyRead, &m_socket, [this] { onReadyRead(); });
    QObject::connect(&m_socket, &QLocalSocket::disconnected, &m_socket, [this] {
        onReadyRead();
        m_closed = true;
    });
    m_socket.connectToServer(path);
    m_connected = m_socket.waitForConnected(2000);
}

void TestConnection::send(const QByteArray& bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

void TestConnection::onReadyRead()
{
    if (!m_socket.isReadable() || m_socket.bytesAvailable() <= 0) {
        return;
    }
    const QByteArray chunk = m_socket.readAll();
    if (chunk.isEmpty()) {
        return;
    }
    ++m_reads;
    m_raw.append(chunk);
    m_reader.append(chunk);
    for (;;) {
        AdminFrame frame;
        const FrameReader::Status status = m_reader.next(frame, m_error);
        if (status != FrameReader::Status::Frame) {
            return;
        }
        m_frames.push_back(std::move(frame));
    }
}

std::optional<AdminFrame> TestConnection::nextFrame(int timeoutMs)
{
    (void)QTest::qWaitFor([this] { return !m_frames.empty() || m_closed || !m_error.isEmpty(); }, timeoutMs);
    if (m_frames.empty()) {
        return std::nullopt;
    }
    AdminFrame frame = std::move(m_frames.front());
    m_frames.pop_front();
    return frame;
}

bool TestConnection::quietFor(int ms)
{
    QTest::qWait(ms);
    return m_frames.empty();
}

bool TestConnection::waitForClose(int timeoutMs)
{
    (void)QTest::qWaitFor([this] { return m_closed || !m_frames.empty(); }, timeoutMs);
    return m_closed && m_frames.empty();
}

void TestConnection::close()
{
    m_socket.abort();
    m_closed = true;
}

} // namespace qracoon::sim
