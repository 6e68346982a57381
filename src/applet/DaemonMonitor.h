// Keeps the applet's picture of racoon current: holds the event subscription open (subscribing again
// with backoff while racoon is away), refreshes the SA lists and the status periodically and right after
// events that change them, and forgets every SA the moment racoon is gone, so nothing stale is shown.
#pragma once

#include "backend/Backend.h"

#include <QObject>
#include <QTimer>

namespace qracoon {

class DaemonMonitor : public QObject
{
    Q_OBJECT

public:
    static constexpr int FirstRetryMs = 250;
    static constexpr int MaxRetryMs = 2000;
    static constexpr int DefaultRefreshMs = 2000;
    // While nobody looks at the lists, events and a lost stream still update at once.
    static constexpr int BackgroundRefreshMs = 10000;

    explicit DaemonMonitor(Backend& backend, QObject* parent = nullptr);

    Backend& backend() const { return m_backend; }
    DaemonState daemonState() const { return m_backend.daemonState(); }
    bool isSubscribed() const { return m_backend.isSubscribed(); }
    // The delay of the pending (or last) subscription attempt; it doubles while racoon stays away.
    int retryDelay() const { return m_retryTimer.interval(); }
    void setRefreshInterval(int milliseconds);

    // Subscribes and refreshes everything; the periodic refresh runs from here on.
    void start();
    // Asks for the SA lists and the status now (skipping lists already on their way).
    void refreshNow();

Q_SIGNALS:
    void daemonStateChanged(qracoon::DaemonState state);
    void isakmpSasChanged(const std::vector<qracoon::IsakmpSa>& sas);
    void ipsecSasChanged(const std::vector<qracoon::IpsecSa>& sas);
    void statusChanged(const qracoon::StatusDocument& status);
    void eventReceived(const qracoon::RacoonEvent& event);
    void subscribed();
    // Something the user may want to know that is not an event (a reply that could not be decoded).
    void problem(const QString& message);

private:
    void onDaemonState(DaemonState state);
    void onEventsSubscribed();
    void onEventStreamLost(const BackendError& error);
    void onEvent(const RacoonEvent& event);
    void onRequestFinished(Backend::RequestId id, const BackendError& error);
    void forgetEverything();

    Backend& m_backend;
    QTimer m_refreshTimer;
    QTimer m_retryTimer;
    QTimer m_eventRefresh; // coalesces the refreshes a burst of events asks for
    int m_retryMs = FirstRetryMs;
    Backend::RequestId m_isakmpRequest = 0;
    Backend::RequestId m_ipsecRequest = 0;
    Backend::RequestId m_statusRequest = 0;
    bool m_started = false;
};

} // namespace qracoon
