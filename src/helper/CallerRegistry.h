// Who is calling the helper: the Unix user behind each unique bus name, their requests in flight and
// event subscriptions, with per-user bounds. A caller that leaves the bus is forgotten at once
// (NameOwnerChanged), so a dead subscriber costs nothing and holds nothing.
#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace qracoon::helper {

class CallerRegistry : public QObject
{
    Q_OBJECT

public:
    enum class Subscription
    {
        Added,
        AlreadySubscribed,
        LimitReached,
        CallerGone,
    };

    CallerRegistry(const QDBusConnection& bus, int maxRequestsPerUser, int maxSubscriptionsPerUser,
                   QObject* parent = nullptr);

    // Finds the uid owning `name` (asked from the bus once per tracked name, asynchronously) and runs
    // `done` with it, or with nullopt when the bus does not know the name. Nothing runs once `context` is
    // gone.
    void resolveUser(const QString& name, QObject* context, std::function<void(std::optional<uint>)> done);

    // Counts one more request of `name`; false (and nothing counted) when its user is at the limit.
    bool beginRequest(const QString& name, uint uid);
    void endRequest(const QString& name);

    Subscription subscribe(const QString& name, uint uid);
    // False when `name` was not subscribed.
    bool unsubscribe(const QString& name);
    QStringList subscribers() const;
    bool isSubscribed(const QString& name) const;

    int requestsInFlight() const { return m_requests; }
    bool isIdle() const { return m_requests == 0 && m_subscriptions == 0; }

Q_SIGNALS:
    // A caller with a request in flight or a subscription left the bus.
    void callerVanished(const QString& name);
    // A request or subscription began or ended.
    void activityChanged();

private Q_SLOTS:
    void onNameOwnerChanged(const QString& name, const QString& oldOwner, const QString& newOwner);

private:
    struct Caller
    {
        uint uid = 0;
        int requests = 0;
        bool subscribed = false;
        bool gone = false;
    };

    Caller& track(const QString& name, uint uid);
    void forgetIfUnused(const QString& name);

    QDBusConnection m_bus;
    int m_maxRequestsPerUser;
    int m_maxSubscriptionsPerUser;
    QHash<QString, Caller> m_callers;
    QHash<uint, int> m_requestsByUser;
    QHash<uint, int> m_subscriptionsByUser;
    int m_requests = 0;
    int m_subscriptions = 0;
};

} // namespace qracoon::helper
