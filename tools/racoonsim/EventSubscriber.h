// Something the event hub pushes frames to: an admin connection kept open after its reply.
#pragma once

#include <QByteArray>

namespace qracoon::sim {

class EventSubscriber
{
public:
    virtual ~EventSubscriber() = default;
    // Queues one pushed frame for sending.
    virtual void deliverEvent(const QByteArray& frame) = 0;
    // The handle the subscription was tied to is gone (or racoon exits): send what is queued, then close.
    virtual void endSubscription() = 0;
};

} // namespace qracoon::sim
