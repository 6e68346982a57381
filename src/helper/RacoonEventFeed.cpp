#include "RacoonEventFeed.h"

#include "core/decode/EventDecoder.h"

#include <QLoggingCategory>
#include <cstring>

Q_LOGGING_CATEGORY(lcEventFeed, "qracoon.helper.events", QtInfoMsg)

namespace qracoon::helper {

RacoonEventFeed::RacoonEventFeed(AdminClient& client, QObject* parent) : QObject(parent), m_client(client)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RacoonEventFeed::subscribe);
}

RacoonEventFeed::~RacoonEventFeed()
{
    dropCall();
}

void RacoonEventFeed::setRetryDelays(int firstRetryMs, int maxRetryMs)
{
    m_firstRetryMs = firstRetryMs;
    m_maxRetryMs = maxRetryMs;
    m_nextRetryMs = firstRetryMs;
}

void RacoonEventFeed::start()
{
    if (m_state != State::Stopped) {
        return;
    }
    m_state = State::Connecting;
    m_nextRetryMs = m_firstRetryMs;
    subscribe();
}

void RacoonEventFeed::stop()
{
    m_retryTimer.stop();
    dropCall();
    m_state = State::Stopped;
    m_downReason.clear();
}

void RacoonEventFeed::subscribe()
{
    dropCall();
    AdminCall* call =
        m_client.send(AdminRequest::simple(AdminCommand::ShowEvt), AdminCall::Mode::Stream, this);
    m_call = call;
    connect(call, &AdminCall::frameReceived, this, &RacoonEventFeed::onFrame);
    connect(call, &AdminCall::finished, this, &RacoonEventFeed::onFinished);
}

void RacoonEventFeed::onFrame(const AdminFrame& frame)
{
    if (frame.isError()) {
        const int e = frame.errorCode() < 0 ? -frame.errorCode() : frame.errorCode();
        goDown(tr("racoon refused the event subscription: %1").arg(QString::fromLocal8Bit(std::strerror(e))));
        return;
    }
    if (m_call && m_call->framesReceived() == 1) {
        if (m_state != State::Up) {
            m_state = State::Up;
            m_downReason.clear();
            m_nextRetryMs = m_firstRetryMs;
            qCInfo(lcEventFeed) << "racoon is up: event subscription accepted";
            Q_EMIT daemonUp();
        }
    }
    if (frame.payloadSize() == 0) {
        return;
    }
    const auto event = decodeEvent(frame);
    if (!event) {
        qCWarning(lcEventFeed).noquote() << "ignoring an event racoon sent:" << event.error();
        return;
    }
    Q_EMIT eventReceived(*event);
}

void RacoonEventFeed::onFinished()
{
    if (!m_call) {
        return;
    }
    const AdminError error = m_call->error();
    const bool hadFrames = m_call->framesReceived() > 0;
    goDown(error.isError() && !hadFrames ? error.message : tr("racoon closed the event stream"));
}

void RacoonEventFeed::goDown(const QString& reason)
{
    dropCall();
    if (m_state == State::Stopped) {
        return;
    }
    if (m_state != State::Down) {
        m_state = State::Down;
        m_downReason = reason;
        qCInfo(lcEventFeed).noquote() << "racoon is away:" << reason;
        Q_EMIT daemonDown(reason);
    }
    m_retryTimer.start(m_nextRetryMs);
    m_nextRetryMs = qMin(m_nextRetryMs * 2, m_maxRetryMs);
}

void RacoonEventFeed::dropCall()
{
    if (AdminCall* call = m_call.data()) {
        call->disconnect(this);
        call->cancel();
        call->deleteLater();
        m_call.clear();
    }
}

} // namespace qracoon::helper
