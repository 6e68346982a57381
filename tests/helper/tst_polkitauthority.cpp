// The CheckAuthorization call as it goes over the wire, checked without a bus: PolkitAuthority talks
// to a stand-in on a peer-to-peer D-Bus connection, which records the message exactly as received and
// answers what each case needs. (The real polkitd is exercised by helper_polkit.sh.)
#include "helper/PolkitAuthority.h"
#include "helper/PolkitTypes.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusServer>
#include <QDBusVirtualObject>
#include <QTest>

using namespace qracoon::helper;

namespace {

class AuthorityStandIn : public QDBusVirtualObject
{
public:
    enum class Answer
    {
        Result,
        Error,
        WrongSignature,
    };

    Answer answer = Answer::Result;
    PolkitAuthorizationResult result;
    QList<QDBusMessage> received;

    QString introspect(const QString&) const override { return QString(); }
    bool handleMessage(const QDBusMessage& message, const QDBusConnection& connection) override
    {
        received.append(message);
        if (message.member() != QLatin1String("CheckAuthorization")) {
            connection.send(message.createReply());
            return true;
        }
        switch (answer) {
        case Answer::Result:
            connection.send(message.createReply(QVariantList{QVariant::fromValue(result)}));
            break;
        case Answer::Error:
            connection.send(
                message.createErrorReply(QStringLiteral("org.freedesktop.PolicyKit1.Error.Failed"),
                                         QStringLiteral("no such subject")));
            break;
        case Answer::WrongSignature:
            connection.send(message.createReply(QVariantList{true}));
            break;
        }
        return true;
    }
};

} // namespace

class TestPolkitAuthority : public QObject
{
    Q_OBJECT

private:
    QDBusServer* m_server = nullptr;
    AuthorityStandIn m_standIn;
    QDBusConnection m_client{QStringLiteral("none")};

    PolkitAuthority::Answer check(bool interactive, QString* cancellationId = nullptr)
    {
        PolkitAuthority authority(m_client);
        PolkitAuthority::Answer answer;
        bool done = false;
        const QString id =
            authority.check(QStringLiteral(":1.42"), QStringLiteral("org.qracoon.helper.connect"),
                            interactive, this, [&](const PolkitAuthority::Answer& a) {
                                answer = a;
                                done = true;
                            });
        if (cancellationId) {
            *cancellationId = id;
        }
        if (!QTest::qWaitFor([&] { return done; }, 5000)) {
            answer.message = QStringLiteral("no answer within 5 s");
        }
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        registerPolkitTypes();
        m_server = new QDBusServer(QStringLiteral("unix:tmpdir=/tmp"), this);
        QVERIFY2(m_server->isConnected(), qPrintable(m_server->lastError().message()));
        m_server->setAnonymousAuthenticationAllowed(true);
        connect(m_server, &QDBusServer::newConnection, this, [this](const QDBusConnection& connection) {
            QDBusConnection(connection)
                .registerVirtualObject(QStringLiteral("/org/freedesktop/PolicyKit1/Authority"), &m_standIn);
        });
        m_client = QDBusConnection::connectToPeer(m_server->address(), QStringLiteral("polkit-peer"));
        QVERIFY2(m_client.isConnected(), qPrintable(m_client.lastError().message()));
    }

    void cleanupTestCase() { QDBusConnection::disconnectFromPeer(QStringLiteral("polkit-peer")); }

    void init()
    {
        m_standIn.received.clear();
        m_standIn.answer = AuthorityStandIn::Answer::Result;
        m_standIn.result = PolkitAuthorizationResult();
    }

    void marshalling_data()
    {
        QTest::addColumn<bool>("interactive");
        QTest::newRow("no interaction") << false;
        QTest::newRow("interaction allowed") << true;
    }
    void marshalling()
    {
        QFETCH(bool, interactive);
        m_standIn.result.authorized = true;
        QString cancellationId;
        const PolkitAuthority::Answer answer = check(interactive, &cancellationId);
        QVERIFY2(answer.isAuthorized(), qPrintable(answer.message));
        QCOMPARE(m_standIn.received.size(), 1);
        const QDBusMessage call = m_standIn.received.constFirst();
        QCOMPARE(call.path(), QStringLiteral("/org/freedesktop/PolicyKit1/Authority"));
        QCOMPARE(call.interface(), QStringLiteral("org.freedesktop.PolicyKit1.Authority"));
        QCOMPARE(call.member(), QStringLiteral("CheckAuthorization"));
        QCOMPARE(call.signature(), QStringLiteral("(sa{sv})sa{ss}us"));
        QCOMPARE(call.isInteractiveAuthorizationAllowed(), interactive);
        const QVariantList args = call.arguments();
        QCOMPARE(args.size(), 5);

        PolkitSubject subject;
        args.at(0).value<QDBusArgument>() >> subject;
        QCOMPARE(subject.kind, QStringLiteral("system-bus-name"));
        QCOMPARE(subject.details.keys(), QStringList{QStringLiteral("name")});
        QCOMPARE(subject.details.value(QStringLiteral("name")).toString(), QStringLiteral(":1.42"));
        QCOMPARE(args.at(1).toString(), QStringLiteral("org.qracoon.helper.connect"));
        QMap<QString, QString> details;
        args.at(2).value<QDBusArgument>() >> details;
        QVERIFY(details.isEmpty());
        QCOMPARE(args.at(3).toUInt(), interactive ? 1u : 0u);
        QCOMPARE(args.at(4).toString(), cancellationId);
        QVERIFY(!cancellationId.isEmpty());
    }

    void verdicts_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<bool>("authorized");
        QTest::addColumn<bool>("challenge");
        QTest::addColumn<bool>("dismissed");
        QTest::addColumn<int>("verdict");

        using V = PolkitAuthority::Answer::Verdict;
        const int result = int(AuthorityStandIn::Answer::Result);
        QTest::newRow("yes") << result << true << false << false << int(V::Authorized);
        QTest::newRow("no") << result << false << false << false << int(V::Denied);
        QTest::newRow("challenge") << result << false << true << false << int(V::ChallengeRequired);
        QTest::newRow("dismissed") << result << false << false << true << int(V::Denied);
        QTest::newRow("error reply") << int(AuthorityStandIn::Answer::Error) << true << false << false
                                     << int(V::Failed);
        QTest::newRow("wrong signature")
            << int(AuthorityStandIn::Answer::WrongSignature) << true << false << false << int(V::Failed);
    }
    void verdicts()
    {
        QFETCH(int, answer);
        QFETCH(bool, authorized);
        QFETCH(bool, challenge);
        QFETCH(bool, dismissed);
        QFETCH(int, verdict);
        m_standIn.answer = AuthorityStandIn::Answer(answer);
        m_standIn.result.authorized = authorized;
        m_standIn.result.challenge = challenge;
        if (dismissed) {
            m_standIn.result.details.insert(QStringLiteral("polkit.dismissed"), QStringLiteral("true"));
        }
        const PolkitAuthority::Answer got = check(false);
        QCOMPARE(int(got.verdict), verdict);
        QCOMPARE(got.message.isEmpty(), got.isAuthorized());
    }

    void noAnswerAfterContextIsGone()
    {
        PolkitAuthority authority(m_client);
        bool called = false;
        {
            QObject context;
            authority.check(QStringLiteral(":1.7"), QStringLiteral("org.qracoon.helper.read-state"), false,
                            &context, [&](const PolkitAuthority::Answer&) { called = true; });
        }
        QTest::qWait(200);
        QCOMPARE(m_standIn.received.size(), 1);
        QVERIFY(!called);
    }

    void cancel()
    {
        PolkitAuthority authority(m_client);
        authority.cancel(QStringLiteral("qracoon-helper-1-1"));
        QVERIFY(QTest::qWaitFor([this] { return !m_standIn.received.isEmpty(); }, 5000));
        const QDBusMessage call = m_standIn.received.constFirst();
        QCOMPARE(call.member(), QStringLiteral("CancelCheckAuthorization"));
        QCOMPARE(call.signature(), QStringLiteral("s"));
        QCOMPARE(call.arguments().constFirst().toString(), QStringLiteral("qracoon-helper-1-1"));
    }
};

QTEST_GUILESS_MAIN(TestPolkitAuthority)
#include "tst_polkitauthority.moc"
