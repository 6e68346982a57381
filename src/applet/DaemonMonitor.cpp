#include "DaemonMonitor.h"

#include <algorithm>

namespace qracoon {

namespace {

constexpr int EventRefreshDelayMs = 50;

} // namespace

DaemonMonitor::DaemonMonitor(Backend& backend, QObject* parent) : QObject(parent), m_backend(backend)
{
    m_refreshTimer.setInterval(DefaultRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &DaemonMonitor::refreshNow);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(FirstRetryMs);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { m_backend.subscribeEvents(); });
    m_eventRefresh.setSingleShot(true);
    m_eventRefresh.setInterval(EventRefreshDelayMs);
    connect(&m_eventRefresh, &QTimer::timeout, this, &DaemonMonitor::refreshNow);

    connect(&m_backend, &Backend::daemonStateChanged, this, &DaemonMonitor::onDaemonState);
    connect(&m_backend, &Backend::eventsSubscribed, this, &DaemonMonitor::onEventsSubscribed);
    connect(&m_backend, &Backend::eventStreamLost, this, &DaemonMonitor::onEventStreamLost);
    connect(&m_backend, &Backend::eventReceived, this, &DaemonMonitor::onEvent);
    connect(&m_backend, &Backend::requestFinished, this, &DaemonMonitor::onRequestFinished);
    connect(&m_backend, &Backend::isakmpSasReceived, this,
            [this](Backend::RequestId id, const std::vector<IsakmpSa>& sas) {
                if (id == m_isakmpRequest) {
                    Q_EMIT isakmpSasChanged(sas);
                }
            });
    connect(&m_backend, &Backend::ipsecSasReceived, this,
            [this](Backend::RequestId id, const std::vector<IpsecSa>& sas, const QStringList& rejected) {
                if (id != m_ipsecRequest) {
                    return;
                }
                for (const QString& message : rejected) {
                    Q_EMIT problem(message);
                }
                Q_EMIT ipsecSasChanged(sas);
            });
    connect(&m_backend, &Backend::statusReceived, this,
            [this](Backend::RequestId id, const StatusDocument& status) {
                if (id == m_statusRequest) {
                    Q_EMIT statusChanged(status);
                }
            });
}

void DaemonMonitor::setRefreshInterval(int milliseconds)
{
    m_refreshTimer.setInterval(milliseconds);
}

void DaemonMonitor::start()
{
    m_started = true;
    m_backend.subscribeEvents();
    refreshNow();
    m_refreshTimer.start();
}

void DaemonMonitor::refreshNow()
{
    // Only one request of each kind at a time: a slow racoon must not pile connections up.
    if (m_isakmpRequest == 0) {
        m_isakmpRequest = m_backend.refreshIsakmpSas();
    }
    if (m_ipsecRequest == 0) {
        m_ipsecRequest = m_backend.refreshIpsecSas();
    }
    if (m_statusRequest == 0) {
        m_statusRequest = m_backend.refreshStatus();
    }
}

void DaemonMonitor::onRequestFinished(Backend::RequestId id, const BackendError& error)
{
    if (id != m_isakmpRequest && id != m_ipsecRequest && id != m_statusRequest) {
        return;
    }
    if (id == m_isakmpRequest) {
        m_isakmpRequest = 0;
    } else if (id == m_ipsecRequest) {
        m_ipsecRequest = 0;
    } else {
        m_statusRequest = 0;
    }
    if (error.kind == BackendError::Kind::Protocol) {
        Q_EMIT problem(error.message);
    }
}

void DaemonMonitor::onDaemonState(DaemonState state)
{
    // The state first, so that what listens knows why the SA lists empty out.
    Q_EMIT daemonStateChanged(state);
    if (state != DaemonState::Running) {
        forgetEverything();
        if (m_started && !m_backend.isSubscribed() && !m_retryTimer.isActive()) {
            m_retryTimer.start(m_retryMs);
        }
    } else if (m_started && !m_backend.isSubscribed() && m_retryTimer.isActive()) {
        // racoon answered a refresh: subscribe now instead of waiting out the backoff.
        m_retryTimer.stop();
        m_backend.subscribeEvents();
    }
}

void DaemonMonitor::onEventsSubscribed()
{
    m_retryMs = FirstRetryMs;
    m_retryTimer.stop();
    m_retryTimer.setInterval(FirstRetryMs);
    // Whatever happened while nobody listened, the lists tell.
    refreshNow();
    Q_EMIT subscribed();
}

void DaemonMonitor::onEventStreamLost(const BackendError& error)
{
    Q_UNUSED(error)
    if (!m_started) {
        return;
    }
    // A lost stream is the quickest sign that racoon died: check at once, so the state follows in
    // milliseconds rather than at the next periodic refresh.
    refreshNow();
    m_retryTimer.start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, MaxRetryMs);
}

void DaemonMonitor::onEvent(const RacoonEvent& event)
{
    Q_EMIT eventReceived(event);
    if (event.code != EventCode::RacoonQuit) {
        m_eventRefresh.start();
    }
}

void DaemonMonitor::forgetEverything()
{
    Q_EMIT isakmpSasChanged({});
    Q_EMIT ipsecSasChanged({});
}

} // namespace qracoon
