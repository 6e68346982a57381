#include "NotificationCoalescer.h"

#include <QElapsedTimer>
#include <limits>

namespace qracoon {

NotificationCoalescer::NotificationCoalescer(QObject* parent) : QObject(parent)
{
    m_now = [timer = std::make_shared<QElapsedTimer>()] {
        if (!timer->isValid()) {
            timer->start();
        }
        return timer->elapsed();
    };
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NotificationCoalescer::deliverDue);
}

void NotificationCoalescer::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        // What was held is news no one asked for any more.
        m_sources.clear();
        m_timer.stop();
    }
}

void NotificationCoalescer::post(const QString& source, const QString& title, const QString& text,
                                 bool failure)
{
    if (!m_enabled) {
        return;
    }
    const qint64 now = m_now();
    Source& s = m_sources[source];
    if (!s.shown || now - s.lastShown >= m_windowMs) {
        s.shown = true;
        s.lastShown = now;
        s.held = 0;
        Q_EMIT notify(title, text, failure);
        return;
    }
    ++s.held;
    s.title = title;
    s.text = text;
    // A failure among the held ones keeps the summary a warning.
    s.failure = s.held == 1 ? failure : (s.failure || failure);
    arm();
}

void NotificationCoalescer::deliverDue()
{
    const qint64 now = m_now();
    for (auto it = m_sources.begin(); it != m_sources.end(); ++it) {
        Source& s = it.value();
        if (s.held == 0 || now - s.lastShown < m_windowMs) {
            continue;
        }
        QString text = s.text;
        if (s.held > 1) {
            text += QLatin1Char('\n') + tr("(%n change(s) in the last %1 seconds)", nullptr, s.held)
                                            .arg((now - s.lastShown + 999) / 1000);
        }
        s.lastShown = now;
        s.held = 0;
        Q_EMIT notify(s.title, text, s.failure);
    }
    arm();
}

int NotificationCoalescer::heldCount() const
{
    int count = 0;
    for (const Source& s : m_sources) {
        count += s.held;
    }
    return count;
}

void NotificationCoalescer::arm()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Source& s : std::as_const(m_sources)) {
        if (s.held > 0) {
            next = std::min(next, s.lastShown + m_windowMs);
        }
    }
    if (next == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    m_timer.start(static_cast<int>(std::max<qint64>(0, next - m_now())));
}

} // namespace qracoon
