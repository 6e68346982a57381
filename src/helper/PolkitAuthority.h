// Asks polkit whether a D-Bus caller may perform an action, without ever blocking: the answer may take
// as long as a person needs to type a password into the authentication agent.
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QString>
#include <functional>

namespace qracoon::helper {

class PolkitAuthority : public QObject
{
    Q_OBJECT

public:
    struct Answer
    {
        enum class Verdict
        {
            Authorized,
            // polkit would allow it after authentication, but the caller did not allow interaction.
            ChallengeRequired,
            Denied,
            // polkit could not be asked or gave no usable answer: treated as a denial.
            Failed,
        };
        Verdict verdict = Verdict::Failed;
        QString message; // why, for the log and the error reply; empty when authorized

        bool isAuthorized() const { return verdict == Verdict::Authorized; }
    };

    // `bus` is the system bus in production; tests pass a peer-to-peer connection to a stand-in.
    explicit PolkitAuthority(const QDBusConnection& bus, QObject* parent = nullptr);

    // The CheckAuthorization call for the caller owning `busName`: subject system-bus-name (never a
    // uid or pid the caller could lie about), no details, AllowUserInteraction when `allowInteraction`.
    static QDBusMessage checkAuthorizationCall(const QString& busName, const QString& actionId,
                                               bool allowInteraction, const QString& cancellationId);
    static Answer answerFromReply(const QDBusMessage& reply);

    // Starts the check and returns its cancellation id; `done` runs once from the event loop, unless
    // `context` was destroyed first.
    QString check(const QString& busName, const QString& actionId, bool allowInteraction, QObject* context,
                  std::function<void(const Answer&)> done);
    // Asks polkit to stop a pending check (e.g. its caller left); the check then ends as Failed.
    void cancel(const QString& cancellationId);

private:
    QDBusConnection m_bus;
    quint64 m_checks = 0;
};

} // namespace qracoon::helper
