#include "CallerRegistry.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QPointer>

namespace qracoon::helper {

namespace {

const QString BusService = QStringLiteral("org.freedesktop.DBus");
const QString BusPath = QStringLiteral("/org/freedesktop/DBus");
const QString BusInterface = QStringLiteral("org.freedesktop.DBus");

} // namespace

CallerRegistry::CallerRegistry(const QDBusConnection& bus, int maxRequestsPerUser,
                               int maxSubscriptionsPerUser, QObject* parent)
    : QObject(parent), m_bus(bus), m_maxRequestsPerUser(maxRequestsPerUser),
      m_maxSubscriptionsPerUser(maxSubscriptionsPerUser)
{
    // One match for every NameOwnerChanged, set up before any caller exists: a per-name match added
    // later could miss a caller that leaves while it is being added.
    m_bus.connect(BusService, BusPath, BusInterface, QStringLiteral("NameOwnerChanged"), this,
                  SLOT(onNameOwnerChanged(QString, QString, QString)));
}

void CallerRegistry::resolveUser(const QString& name, QObject* context,
                                 std::function<void(std::optional<uint>)> done)
{
    const QPointer<QObject> guard(context);
    const auto known = m_callers.constFind(name);
    const bool cached = known != m_callers.constEnd() && !known->gone;
    // Without a bus no pending call would ever finish: answer "unknown" rather than never.
    if (cached || !m_bus.isConnected()) {
        const std::optional<uint> uid = cached ? std::optional<uint>(known->uid) : std::nullopt;
        QMetaObject::invokeMethod(
            this,
            [guard, uid, done = std::move(done)] {
                if (guard) {
                    done(uid);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(BusService, BusPath, BusInterface,
                                                       QStringLiteral("GetConnectionUnixUser"));
    call << name;
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [watcher, guard, done = std::move(done)](QDBusPendingCallWatcher*) {
                watcher->deleteLater();
                if (!guard) {
                    return;
                }
                const QDBusMessage reply = watcher->reply();
                if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 1) {
                    done(std::nullopt);
                    return;
                }
                bool ok = false;
                const uint uid = reply.arguments().constFirst().toUInt(&ok);
                done(ok ? std::optional<uint>(uid) : std::nullopt);
            });
}

CallerRegistry::Caller& CallerRegistry::track(const QString& name, uint uid)
{
    auto it = m_callers.find(name);
    if (it == m_callers.end()) {
        it = m_callers.insert(name, Caller());
        it->uid = uid;
    }
    return *it;
}

void CallerRegistry::forgetIfUnused(const QString& name)
{
    const auto it = m_callers.constFind(name);
    if (it != m_callers.constEnd() && it->requests == 0 && !it->subscribed) {
        m_callers.erase(it);
    }
}

bool CallerRegistry::beginRequest(const QString& name, uint uid)
{
    int& perUser = m_requestsByUser[uid];
    if (perUser >= m_maxRequestsPerUser) {
        if (perUser == 0) {
            m_requestsByUser.remove(uid);
        }
        return false;
    }
    ++perUser;
    ++m_requests;
    ++track(name, uid).requests;
    Q_EMIT activityChanged();
    return true;
}

void CallerRegistry::endRequest(const QString& name)
{
    const auto it = m_callers.find(name);
    if (it == m_callers.end() || it->requests == 0) {
        return;
    }
    --it->requests;
    --m_requests;
    if (--m_requestsByUser[it->uid] <= 0) {
        m_requestsByUser.remove(it->uid);
    }
    forgetIfUnused(name);
    Q_EMIT activityChanged();
}

CallerRegistry::Subscription CallerRegistry::subscribe(const QString& name, uint uid)
{
    const auto existing = m_callers.constFind(name);
    if (existing != m_callers.constEnd() && existing->gone) {
        return Subscription::CallerGone;
    }
    if (existing != m_callers.constEnd() && existing->subscribed) {
        return Subscription::AlreadySubscribed;
    }
    if (m_subscriptionsByUser.value(uid) >= m_maxSubscriptionsPerUser) {
        return Subscription::LimitReached;
    }
    ++m_subscriptionsByUser[uid];
    ++m_subscriptions;
    track(name, uid).subscribed = true;
    Q_EMIT activityChanged();
    return Subscription::Added;
}

bool CallerRegistry::unsubscribe(const QString& name)
{
    const auto it = m_callers.find(name);
    if (it == m_callers.end() || !it->subscribed) {
        return false;
    }
    it->subscribed = false;
    --m_subscriptions;
    if (--m_subscriptionsByUser[it->uid] <= 0) {
        m_subscriptionsByUser.remove(it->uid);
    }
    forgetIfUnused(name);
    Q_EMIT activityChanged();
    return true;
}

QStringList CallerRegistry::subscribers() const
{
    QStringList names;
    for (auto it = m_callers.constBegin(); it != m_callers.constEnd(); ++it) {
        if (it->subscribed) {
            names.append(it.key());
        }
    }
    return names;
}

bool CallerRegistry::isSubscribed(const QString& name) const
{
    const auto it = m_callers.constFind(name);
    return it != m_callers.constEnd() && it->subscribed;
}

void CallerRegistry::onNameOwnerChanged(const QString& name, const QString& oldOwner, const QString& newOwner)
{
    // Unique names are never reused, so "gone" is final.
    if (!newOwner.isEmpty() || oldOwner.isEmpty() || !m_callers.contains(name)) {
        return;
    }
    m_callers[name].gone = true;
    unsubscribe(name);
    Q_EMIT callerVanished(name);
}

} // namespace qracoon::helper
