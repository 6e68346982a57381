// One accepted admin connection: assembles the single request it may carry, sends the reply, and, when
// the request subscribed, stays open pushing events. Outgoing frames go through one queue so that the
// reply always precedes the events, whatever the fault injector does to it. An --event-flood takes its
// place in that queue right after the reply and is produced chunk by chunk as the socket drains.
#pragma once

#include "EventSubscriber.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <deque>
#include <memory>

class QLocalSocket;

namespace qracoon::sim {

class EventFlood;
class EventHub;
class FaultInjector;
class RequestHandler;

class AdminConnection : public QObject, public EventSubscriber
{
    Q_OBJECT

public:
    AdminConnection(QLocalSocket* socket, RequestHandler& handler, EventHub& events, FaultInjector& faults,
                    int requestTimeoutMs, QObject* parent = nullptr);
    ~AdminConnection() override;

    void deliverEvent(const QByteArray& frame) override;
    void endSubscription() override;
    // Shutdown: stop answering, send what is queued, close.
    void finish();

Q_SIGNALS:
    // The connection is closed; the owner deletes it.
    void finished(qracoon::sim::AdminConnection* connection);

private:
    struct Outgoing
    {
        QByteArray bytes;
        bool reply = false;
        bool delayed = false;
        bool flood = false; // stands for the flood's events not produced yet
    };

    void readRequest();
    void process(QByteArray frame);
    void startFlood(int count);
    void enqueue(Outgoing item);
    void pump();
    void closeWhenSent();
    void onBytesWritten();
    void onDisconnected();

    QLocalSocket* m_socket;
    const qintptr m_descriptor; // names the connection in the log
    RequestHandler& m_handler;
    EventHub& m_events;
    FaultInjector& m_faults;
    QByteArray m_request;
    bool m_requestDone = false;
    bool m_extraInput = false;
    bool m_subscribed = false;
    bool m_closing = false;
    bool m_finished = false;
    bool m_replyDraining = false;
    std::deque<Outgoing> m_queue;
    std::unique_ptr<EventFlood> m_flood;
    qsizetype m_written = 0; // of the front frame, when it goes out byte by byte
    QTimer m_pumpTimer;
    QTimer m_requestTimer;
};

} // namespace qracoon::sim
