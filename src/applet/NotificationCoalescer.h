// Keeps a flapping tunnel from flooding the desktop: per source (a gateway), the first notification goes
// out at once, later ones within the quiet window are held and summed up in one notification when the
// window ends (the newest text, and how many were held back). Can be switched off as a whole.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace qracoon {

class NotificationCoalescer : public QObject
{
    Q_OBJECT

public:
    // Milliseconds on a monotonic scale; tests pass a clock they move by hand.
    using Now = std::function<qint64()>;
    static constexpr qint64 DefaultWindowMs = 10000;

    explicit NotificationCoalescer(QObject* parent = nullptr);

    void setClock(Now now) { m_now = std::move(now); }
    void setWindow(qint64 milliseconds) { m_windowMs = milliseconds; }
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    void post(const QString& source, const QString& title, const QString& text, bool failure);
    // Sends the summaries whose window has ended (the timer calls this).
    void deliverDue();
    // Notifications held back, over all sources.
    int heldCount() const;

Q_SIGNALS:
    void notify(const QString& title, const QString& text, bool failure);

private:
    struct Source
    {
        qint64 lastShown = 0;
        bool shown = false;
        int held = 0;
        QString title;
        QString text;
        bool failure = false;
    };
    void arm();

    Now m_now;
    qint64 m_windowMs = DefaultWindowMs;
    bool m_enabled = true;
    QHash<QString, Source> m_sources;
    QTimer m_timer;
};

} // namespace qracoon
