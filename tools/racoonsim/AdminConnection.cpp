#include "AdminConnection.h"

#include "EventFlood.h"
#include "EventHub.h"
#include "FaultInjector.h"
#include "RequestHandler.h"
#include "SimLog.h"
#include "core/wire/SecureBytes.h"
#include "core/wire/WireLayout.h"

#include <QLocalSocket>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>

namespace qracoon::sim {

namespace {

constexpr qsizetype HeaderSize = sizeof(wire::AdminHeader);
constexpr int SplitIntervalMs = 1;
// A flood goes out this many events (about 150 KB) at a time, each chunk once the socket holds no more
// than FloodLowWater unsent bytes: a subscriber that reads slowly costs little memory, and the event loop
// serves the other connections between chunks.
constexpr int FloodChunkEvents = 512;
constexpr qint64 FloodLowWater = 64 * 1024;

} // namespace

AdminConnection::AdminConnection(QLocalSocket* socket, RequestHandler& handler, EventHub& events,
                                 FaultInjector& faults, int requestTimeoutMs, QObject* parent)
    : QObject(parent), m_socket(socket), m_descriptor(socket->socketDescriptor()), m_handler(handler),
      m_events(events), m_faults(faults)
{
    m_socket->setParent(this);
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &AdminConnection::pump);
    m_requestTimer.setSingleShot(true);
    connect(&m_requestTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcSim).noquote() << tr(
            "no complete request within the time allowed; closing the connection");
        closeWhenSent();
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &AdminConnection::readRequest);
    connect(m_socket, &QLocalSocket::bytesWritten, this, &AdminConnection::onBytesWritten);
    connect(m_socket, &QLocalSocket::disconnected, this, &AdminConnection::onDisconnected);
    m_requestTimer.start(requestTimeoutMs);
    readRequest();
}

AdminConnection::~AdminConnection()
{
    m_events.unsubscribe(this);
    secureWipe(m_request.data(), static_cast<std::size_t>(m_request.size()));
}

void AdminConnection::readRequest()
{
    if (!m_socket->isReadable() || m_socket->bytesAvailable() <= 0) {
        return;
    }
    const QByteArray data = m_socket->readAll();
    if (m_requestDone) {
        // racoon reads one request; anything more on a subscribed connection makes it drop the connection.
        if (!data.isEmpty()) {
            m_extraInput = true;
            if (m_subscribed) {
                m_events.unsubscribe(this);
                m_subscribed = false;
                closeWhenSent();
            }
        }
        return;
    }
    m_request.append(data);
    if (m_request.size() < HeaderSize) {
        return;
    }
    wire::AdminHeader header{};
    wire::readStruct(m_request.constData(), static_cast<std::size_t>(m_request.size()), 0, header);
    if (header.len < HeaderSize) {
        qCWarning(lcSim).noquote() << tr("invalid header length of admin command (%1)").arg(header.len);
        m_requestDone = true;
        m_requestTimer.stop();
        closeWhenSent();
        return;
    }
    if (m_request.size() < header.len) {
        return;
    }
    m_requestDone = true;
    m_requestTimer.stop();
    m_extraInput = m_request.size() > header.len;
    QByteArray frame = m_request.left(header.len);
    secureWipe(m_request.data(), static_cast<std::size_t>(m_request.size()));
    m_request.clear();
    process(std::move(frame));
}

void AdminConnection::process(QByteArray frame)
{
    RequestOutcome outcome = m_handler.handle(frame);
    secureWipe(frame.data(), static_cast<std::size_t>(frame.size())); // it may carry an Xauth password
    if (outcome.reply.isEmpty()) {
        closeWhenSent();
        return;
    }
    enqueue({std::move(outcome.reply), true});
    if (!m_closing && !m_extraInput) {
        switch (outcome.subscription) {
        case RequestOutcome::Subscription::None:
            break;
        case RequestOutcome::Subscription::Global:
            m_events.subscribeGlobal(this);
            m_subscribed = true;
            if (outcome.floodEvents > 0) {
                startFlood(outcome.floodEvents);
            }
            break;
        case RequestOutcome::Subscription::Phase1:
            m_events.subscribePhase1(outcome.handle, this);
            m_subscribed = true;
            break;
        case RequestOutcome::Subscription::Phase2:
            m_events.subscribePhase2(outcome.handle, this);
            m_subscribed = true;
            break;
        }
    }
    if (outcome.afterSubscribing) {
        outcome.afterSubscribing();
    }
    if (!m_subscribed) {
        closeWhenSent();
    }
    if (outcome.afterReply) {
        outcome.afterReply();
    }
}

void AdminConnection::startFlood(int count)
{
    m_flood = std::make_unique<EventFlood>(m_events, count);
    qCInfo(lcSim).noquote()
        << tr("event flood: sending %1 events to connection %2").arg(count).arg(m_descriptor);
    Outgoing rest;
    rest.flood = true;
    enqueue(std::move(rest));
}

void AdminConnection::deliverEvent(const QByteArray& frame)
{
    if (m_closing) {
        return;
    }
    // racoon sends an event with MSG_DONTWAIT and releases the listener when that fails
    // (evtmsg_broadcast): a client that stops reading loses its subscription and its connection.
    // That holds only while nothing else waits for the socket; behind a reply or a flood the event queues.
    if (!m_queue.empty() || m_socket->bytesToWrite() > 0 || m_faults.splitBytes()) {
        enqueue({frame, false});
        return;
    }
    const ssize_t sent =
        ::send(int(m_descriptor), frame.constData(), std::size_t(frame.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (sent == frame.size()) {
        return;
    }
    if (sent >= 0) {
        // racoon would leave the stream torn here; the rest follows instead, so that clients see whole
        // frames.
        enqueue({frame.mid(sent), false});
        return;
    }
    qCInfo(lcSim).noquote()
        << tr("connection %1: cannot send an event (%2); listener released, as racoon does")
               .arg(m_descriptor)
               .arg(QString::fromLocal8Bit(std::strerror(errno)));
    m_events.unsubscribe(this);
    m_subscribed = false;
    m_queue.clear();
    m_socket->abort();
}

void AdminConnection::endSubscription()
{
    m_subscribed = false;
    closeWhenSent();
}

void AdminConnection::finish()
{
    m_requestDone = true;
    m_requestTimer.stop();
    m_events.unsubscribe(this);
    m_subscribed = false;
    closeWhenSent();
}

void AdminConnection::enqueue(Outgoing item)
{
    m_queue.push_back(std::move(item));
    if (m_queue.size() == 1) {
        pump();
    }
}

void AdminConnection::pump()
{
    bool floodChunkQueued = false;
    while (!m_queue.empty() && !m_finished) {
        if (m_queue.front().flood) {
            // One chunk per call; onBytesWritten() calls again once the socket has drained.
            if (floodChunkQueued || m_socket->bytesToWrite() > FloodLowWater) {
                break;
            }
            floodChunkQueued = true;
            QByteArray chunk = m_flood->nextChunk(FloodChunkEvents);
            if (m_flood->done()) {
                m_queue.pop_front();
                qCInfo(lcSim).noquote() << tr("event flood: all %1 events written to connection %2")
                                               .arg(m_flood->count())
                                               .arg(m_descriptor);
            }
            m_queue.push_front({std::move(chunk), false});
        }
        Outgoing& front = m_queue.front();
        if (front.reply && m_faults.replyDelayMs() > 0 && !front.delayed) {
            front.delayed = true;
            m_pumpTimer.start(m_faults.replyDelayMs());
            return;
        }
        if (front.reply && m_faults.garbageFrame()) {
            wire::AdminHeader header{};
            wire::readStruct(front.bytes.constData(), static_cast<std::size_t>(front.bytes.size()), 0,
                             header);
            front.bytes = FaultInjector::garbage(header.cmd, header.proto);
            m_queue.resize(1);
            m_closing = true;
        }
        if (front.reply && m_faults.closeMidReply()) {
            m_socket->write(front.bytes.constData(), std::max<qsizetype>(1, front.bytes.size() / 2));
            m_queue.clear();
            m_closing = true;
            m_replyDraining = true;
            break;
        }
        if (m_faults.splitBytes()) {
            m_socket->write(front.bytes.constData() + m_written, 1);
            m_socket->flush();
            if (++m_written < front.bytes.size()) {
                m_pumpTimer.start(SplitIntervalMs);
                return;
            }
        } else {
            m_socket->write(front.bytes);
        }
        m_written = 0;
        if (front.reply) {
            m_replyDraining = true;
        }
        m_queue.pop_front();
    }
    m_socket->flush();
    onBytesWritten();
}

void AdminConnection::onBytesWritten()
{
    if (!m_queue.empty() && m_queue.front().flood && !m_finished && !m_pumpTimer.isActive() &&
        m_socket->bytesToWrite() <= FloodLowWater) {
        // The flood's next chunk, after the event loop has had its turn.
        m_pumpTimer.start(0);
    }
    if (m_socket->bytesToWrite() > 0) {
        return;
    }
    if (m_replyDraining) {
        m_replyDraining = false;
        m_faults.replySent();
    }
    if (m_closing && m_queue.empty() && !m_finished && m_socket->state() == QLocalSocket::ConnectedState) {
        m_socket->disconnectFromServer();
    }
}

void AdminConnection::closeWhenSent()
{
    m_closing = true;
    if (m_queue.empty() && !m_pumpTimer.isActive()) {
        onBytesWritten();
    }
}

void AdminConnection::onDisconnected()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_requestTimer.stop();
    m_pumpTimer.stop();
    m_events.unsubscribe(this);
    m_subscribed = false;
    if (m_flood && !m_flood->done()) {
        qCInfo(lcSim).noquote() << tr("event flood: connection %1 closed after %2 of %3 events; stopped")
                                       .arg(m_descriptor)
                                       .arg(m_flood->produced())
                                       .arg(m_flood->count());
    }
    Q_EMIT finished(this);
}

} // namespace qracoon::sim
