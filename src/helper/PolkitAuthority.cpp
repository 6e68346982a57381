#include "PolkitAuthority.h"

#include "PolkitTypes.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusPendingCallWatcher>
#include <QPointer>

namespace qracoon::helper {

namespace {

const QString AuthorityService = QStringLiteral("org.freedesktop.PolicyKit1");
const QString AuthorityPath = QStringLiteral("/org/freedesktop/PolicyKit1/Authority");
const QString AuthorityInterface = QStringLiteral("org.freedesktop.PolicyKit1.Authority");

// CheckAuthorizationFlags
constexpr uint AllowUserInteraction = 0x1;
// A person may take a while at the authentication dialog; without interaction polkit answers at once.
constexpr int InteractiveTimeoutMs = 5 * 60 * 1000;
constexpr int TimeoutMs = 25 * 1000;

PolkitAuthority::Answer makeAnswer(PolkitAuthority::Answer::Verdict verdict, const QString& message)
{
    PolkitAuthority::Answer answer;
    answer.verdict = verdict;
    answer.message = message;
    return answer;
}

} // namespace

PolkitAuthority::PolkitAuthority(const QDBusConnection& bus, QObject* parent) : QObject(parent), m_bus(bus)
{
    registerPolkitTypes();
}

QDBusMessage PolkitAuthority::checkAuthorizationCall(const QString& busName, const QString& actionId,
                                                     bool allowInteraction, const QString& cancellationId)
{
    QDBusMessage call = QDBusMessage::createMethodCall(AuthorityService, AuthorityPath, AuthorityInterface,
                                                       QStringLiteral("CheckAuthorization"));
    const PolkitSubject subject{QStringLiteral("system-bus-name"), {{QStringLiteral("name"), busName}}};
    call << QVariant::fromValue(subject) << actionId << QVariant::fromValue(QMap<QString, QString>())
         << uint(allowInteraction ? AllowUserInteraction : 0) << cancellationId;
    // polkit itself may need to ask the user through an agent.
    call.setInteractiveAuthorizationAllowed(allowInteraction);
    return call;
}

PolkitAuthority::Answer PolkitAuthority::answerFromReply(const QDBusMessage& reply)
{
    using Verdict = Answer::Verdict;
    if (reply.type() == QDBusMessage::ErrorMessage) {
        return makeAnswer(
            Verdict::Failed,
            tr("polkit could not be asked: %1: %2").arg(reply.errorName(), reply.errorMessage()));
    }
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 1 ||
        reply.signature() != QLatin1String("(bba{ss})") ||
        !reply.arguments().constFirst().canConvert<QDBusArgument>()) {
        return makeAnswer(
            Verdict::Failed,
            tr("polkit answered with signature \"%1\" instead of (bba{ss})").arg(reply.signature()));
    }
    PolkitAuthorizationResult result;
    reply.arguments().constFirst().value<QDBusArgument>() >> result;
    if (result.authorized) {
        return makeAnswer(Verdict::Authorized, QString());
    }
    if (result.challenge) {
        return makeAnswer(
            Verdict::ChallengeRequired,
            tr("authentication is required, but the call did not allow interactive authorization"));
    }
    if (result.details.value(QStringLiteral("polkit.dismissed")) == QLatin1String("true")) {
        return makeAnswer(Verdict::Denied, tr("the authentication dialog was dismissed"));
    }
    return makeAnswer(Verdict::Denied, tr("polkit denied the action"));
}

QString PolkitAuthority::check(const QString& busName, const QString& actionId, bool allowInteraction,
                               QObject* context, std::function<void(const Answer&)> done)
{
    const QString cancellationId =
        QStringLiteral("qracoon-helper-%1-%2").arg(QCoreApplication::applicationPid()).arg(++m_checks);
    const QDBusMessage call = checkAuthorizationCall(busName, actionId, allowInteraction, cancellationId);
    auto* watcher = new QDBusPendingCallWatcher(
        m_bus.asyncCall(call, allowInteraction ? InteractiveTimeoutMs : TimeoutMs), this);
    const QPointer<QObject> guard(context);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [watcher, guard, done = std::move(done)](QDBusPendingCallWatcher*) {
                watcher->deleteLater();
                if (guard) {
                    done(answerFromReply(watcher->reply()));
                }
            });
    return cancellationId;
}

void PolkitAuthority::cancel(const QString& cancellationId)
{
    // Fire and forget: the pending check ends with an error reply either way.
    QDBusMessage call = QDBusMessage::createMethodCall(AuthorityService, AuthorityPath, AuthorityInterface,
                                                       QStringLiteral("CancelCheckAuthorization"));
    call << cancellationId;
    m_bus.asyncCall(call);
}

} // namespace qracoon::helper
