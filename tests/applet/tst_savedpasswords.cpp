// Remembered passwords through the applet with an in-memory SecretStore: used once without asking,
// never retried after the gateway rejects them, saved from the dialog only when the gateway says so,
// never written to the settings file. Also the applet's notifications (coalesced, switchable).
#include "FakeBackend.h"
#include "InMemorySecretStore.h"
#include "TestValues.h"
#include "applet/Applet.h"
#include "applet/AppletSettings.h"
#include "applet/TrayIcon.h"
#include "applet/XauthDialog.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace qracoon;
using namespace qracoon::test;
using State = ConnectionController::State;

namespace {

const QString Key = SecretStore::keyFor(QStringLiteral("192.0.2.1"));

GatewayProfile lab(bool remember)
{
    GatewayProfile p;
    p.name = QStringLiteral("Lab");
    p.address = QStringLiteral("192.0.2.1");
    p.xauth = true;
    p.userName = QStringLiteral("labuser");
    p.rememberPassword = remember;
    return p;
}

void answer(Applet& applet, ConnectionController* c, const char* password)
{
    XauthDialog* dialog = applet.credentialsDialog(c);
    QVERIFY(dialog != nullptr);
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(edit, QString::fromLatin1(password));
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

class TestSavedPasswords : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newSettingsFile() { return m_dir.filePath(QStringLiteral("s%1.conf").arg(++m_files)); }

private Q_SLOTS:
    void initTestCase() { qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8()); }

    void rememberedPasswordIsUsedOnceThenAsked()
    {
        const QString file = newSettingsFile();
        AppletSettings settings(file);
        settings.setGateways({lab(true)});
        FakeBackend backend;
        InMemorySecretStore secrets;
        secrets.secrets.insert(Key, "stale-pass");
        Applet applet(backend, settings, secrets);
        ConnectionController* c = applet.gateways().controllerFor(QStringLiteral("192.0.2.1"));

        c->connectToGateway();
        QTRY_COMPARE(backend.count(QStringLiteral("connect")), 1);
        QCOMPARE(backend.last(QStringLiteral("connect"))->login, QByteArray("labuser"));
        QCOMPARE(backend.last(QStringLiteral("connect"))->password, QByteArray("stale-pass"));
        QVERIFY(applet.credentialsDialog(c) == nullptr);
        QCOMPARE(secrets.reads, 1);

        // The gateway rejects it: the user is asked, the keychain is not tried again.
        c->handleEvent(racoonEvent(EventCode::Phase1XauthFailed));
        QCOMPARE(c->state(), State::AwaitingCredentials);
        QTRY_VERIFY(applet.credentialsDialog(c) != nullptr);
        QTest::qWait(50);
        QCOMPARE(secrets.reads, 1);
        QCOMPARE(backend.count(QStringLiteral("connect")), 1);

        // The new password replaces the saved one.
        answer(applet, c, "fresh-pass");
        QCOMPARE(backend.count(QStringLiteral("connect")), 2);
        QCOMPARE(backend.last(QStringLiteral("connect"))->password, QByteArray("fresh-pass"));
        QTRY_COMPARE(secrets.secrets.value(Key), QByteArray("fresh-pass"));

        // Neither password is in the settings file.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(content.contains("remember=true"));
        QVERIFY(!content.contains("pass"));
    }

    void notRememberedIsNotSaved()
    {
        AppletSettings settings(newSettingsFile());
        settings.setGateways({lab(false)});
        FakeBackend backend;
        InMemorySecretStore secrets;
        Applet applet(backend, settings, secrets);
        ConnectionController* c = applet.gateways().controllerFor(QStringLiteral("192.0.2.1"));
        c->connectToGateway();
        QVERIFY(applet.credentialsDialog(c) != nullptr);
        answer(applet, c, "one-time-code");
        QCOMPARE(backend.last(QStringLiteral("connect"))->password, QByteArray("one-time-code"));
        QTest::qWait(20);
        QVERIFY(secrets.secrets.isEmpty());
        QCOMPARE(secrets.reads, 0);
    }

    void nothingSavedYetAsksAndSaves()
    {
        AppletSettings settings(newSettingsFile());
        settings.setGateways({lab(true)});
        FakeBackend backend;
        InMemorySecretStore secrets;
        Applet applet(backend, settings, secrets);
        ConnectionController* c = applet.gateways().controllerFor(QStringLiteral("192.0.2.1"));
        c->connectToGateway();
        QTRY_VERIFY(applet.credentialsDialog(c) != nullptr);
        answer(applet, c, "labpass");
        QTRY_COMPARE(secrets.secrets.value(Key), QByteArray("labpass"));
    }

    void lockedKeychainFallsBackToTheDialog()
    {
        AppletSettings settings(newSettingsFile());
        settings.setGateways({lab(true)});
        FakeBackend backend;
        InMemorySecretStore secrets;
        secrets.failure = QStringLiteral("The keyring is locked");
        Applet applet(backend, settings, secrets);
        ConnectionController* c = applet.gateways().controllerFor(QStringLiteral("192.0.2.1"));
        c->connectToGateway();
        QTRY_VERIFY(applet.credentialsDialog(c) != nullptr);
        QVERIFY(applet.events()
                    .text({applet.events().rowCount() - 1})
                    .contains(QLatin1String("keyring is locked")));
    }

    void notificationsAreCoalescedAndSwitchable()
    {
        const QString file = newSettingsFile();
        AppletSettings settings(file);
        GatewayProfile branch;
        branch.name = QStringLiteral("Branch");
        branch.address = QStringLiteral("192.0.2.1");
        settings.setGateways({branch});
        FakeBackend backend;
        InMemorySecretStore secrets;
        Applet applet(backend, settings, secrets);
        QSignalSpy shown(&applet.notifications(), &NotificationCoalescer::notify);
        ConnectionController* c = applet.gateways().controllerFor(branch.address);

        for (int i = 0; i < 5; ++i) {
            c->connectToGateway();
            c->handleEvent(racoonEvent(EventCode::Phase1Up));
            QCOMPARE(c->state(), State::Connected);
            QTest::qWait(5);
            c->handleEvent(racoonEvent(EventCode::Phase1DpdTimeout));
        }
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.at(0).at(0).toString(), QStringLiteral("Connected to Branch"));
        QCOMPARE(applet.notifications().heldCount(), 9);

        // The tray menu's switch turns them off, and the setting sticks.
        QVERIFY(applet.tray().notificationsAction()->isChecked());
        applet.tray().notificationsAction()->trigger();
        QVERIFY(!applet.notifications().isEnabled());
        QCOMPARE(applet.notifications().heldCount(), 0);
        QVERIFY(!AppletSettings(file).notificationsEnabled());
    }
};

QTEST_MAIN(TestSavedPasswords)
#include "tst_savedpasswords.moc"
