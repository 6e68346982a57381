// The helper's one global event subscription to racoon (SHOW_EVT), held while anybody listens. When
// racoon goes away the feed says so and keeps trying to subscribe again, so subscribers learn when a
// restarted racoon is back without doing anything.
#pragma once

#include "core/client/AdminClient.h"
#include "core/model/RacoonEvent.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace qracoon::helper {

class RacoonEventFeed : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Connecting, // first attempt in progress: nothing known yet
        Up,         // racoon accepted the subscription
        Down,       // racoon is away; retrying
    };

    explicit RacoonEventFeed(AdminClient& client, QObject* parent = nullptr);
    ~RacoonEventFeed() override;

    void start();
    void stop();
    State state() const { return m_state; }
    // Why racoon is considered away (State::Down).
    const QString& downReason() const { return m_downReason; }

    // Delay before the first retry; it doubles up to maxRetryMs.
    void setRetryDelays(int firstRetryMs, int maxRetryMs);

Q_SIGNALS:
    void daemonUp();
    void daemonDown(const QString& reason);
    void eventReceived(const qracoon::RacoonEvent& event);

private:
    void subscribe();
    void onFrame(const AdminFrame& frame);
    void onFinished();
    void goDown(const QString& reason);
    void dropCall();

    AdminClient& m_client;
    QPointer<AdminCall> m_call;
    QTimer m_retryTimer;
    State m_state = State::Stopped;
    QString m_downReason;
    int m_firstRetryMs = 500;
    int m_maxRetryMs = 5000;
    int m_nextRetryMs = 500;
};

} // namespace qracoon::helper
