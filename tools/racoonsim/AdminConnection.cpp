#include "AdminConnection.h"

#include "EventHub.h"
#include "FaultInjector.h"
#include "RequestHandler.h"
#include "SimLog.h"
#include "core/wire/SecureBytes.h"
#include "core/wire/WireLayout.h"

#include <QLocalSocket>

namespace qracoon::sim {

namespace {

constexpr qsizetype HeaderSize = sizeof(wire::AdminHeader);
constexpr int SplitIntervalMs = 1;

} // namespace

AdminConnection::AdminConnection(QLocalSocket* socket, RequestHandler& handler, EventHub& events,
                                 FaultInjector& faults, int requestTimeoutMs, QObject* parent)
    : QObject(parent), m_socket(socket), m_handler(handler), m_events(events), m_faults(faults)
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
    enqueue(std::move(outcome.reply), true);
    if (!m_closing && !m_extraInput) {
        switch (outcome.subscription) {
        case RequestOutcome::Subscription::None:
            break;
        case RequestOutcome::Subscription::Global:
            m_events.subscribeGlobal(this);
            m_subscribed = true;
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

void AdminConnection::deliverEvent(const QByteArray& frame)
{
    if (!m_closing) {
        enqueue(frame, false);
    }
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

void AdminConnection::enqueue(QByteArray frame, bool reply)
{
    m_queue.push_back({std::move(frame), reply, false});
    if (m_queue.size() == 1) {
        pump();
    }
}

void AdminConnection::pump()
{
    while (!m_queue.empty() && !m_finished) {
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
    Q_EMIT finished(this);
}

} // namespace qracoon::sim
