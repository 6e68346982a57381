// The gateway editor offscreen: GatewayDialog's form and checks, and the applet saving, editing,
// removing and importing gateways into the settings file (remembered passwords removed with them).
#include "FakeBackend.h"
#include "InMemorySecretStore.h"
#include "applet/Applet.h"
#include "applet/AppletSettings.h"
#include "applet/GatewayDialog.h"
#include "applet/MainWindow.h"
#include "applet/TrayIcon.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace qracoon;
using namespace qracoon::test;

namespace {

QPushButton* okButton(QDialog& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

template <typename T> T* child(QWidget& parent, const char* name)
{
    T* widget = parent.findChild<T*>(QLatin1String(name));
    if (widget == nullptr) {
        qFatal("no child %s", name);
    }
    return widget;
}

GatewayProfile lab()
{
    GatewayProfile p;
    p.name = QStringLiteral("Lab");
    p.address = QStringLiteral("192.0.2.1");
    p.remoteName = "lab-gateway";
    p.xauth = true;
    p.userName = QStringLiteral("labuser");
    p.rememberPassword = true;
    p.reconnect = true;
    return p;
}

} // namespace

class TestGatewayEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8()); }

    void dialogRoundTrip()
    {
        GatewayDialog dialog;
        dialog.setProfile(lab());
        QCOMPARE(dialog.profile().name, QStringLiteral("Lab"));
        QCOMPARE(dialog.profile().address, QStringLiteral("192.0.2.1"));
        QCOMPARE(dialog.profile().remoteName, QByteArray("lab-gateway"));
        QVERIFY(dialog.profile().xauth && dialog.profile().rememberPassword && dialog.profile().reconnect);
        QVERIFY(!dialog.profile().connectAtStart);
        QVERIFY(dialog.windowTitle().contains(QLatin1String("Lab")));

        // Without Xauth there is no user and nothing to remember.
        child<QCheckBox>(dialog, "xauthCheck")->setChecked(false);
        QVERIFY(!child<QLineEdit>(dialog, "userEdit")->isEnabled());
        QVERIFY(!dialog.profile().rememberPassword);
        QVERIFY(dialog.profile().userName.isEmpty());
    }

    void dialogChecksTheAddress_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("acceptable");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << QString() << false << QStringLiteral("Enter the gateway's IPv4 address.");
        QTest::newRow("ipv4") << QStringLiteral("203.0.113.5") << true << QString();
        QTest::newRow("spaces") << QStringLiteral(" 203.0.113.5 ") << true << QString();
        QTest::newRow("host name") << QStringLiteral("vpn.example.org") << false
                                   << QStringLiteral("\"vpn.example.org\" is not an IPv4 address.");
        QTest::newRow("short form") << QStringLiteral("192.0.2") << false
                                    << QStringLiteral("\"192.0.2\" is not an IPv4 address.");
        QTest::newRow("ipv6") << QStringLiteral("2001:db8::1") << false
                              << QStringLiteral("\"2001:db8::1\" is not an IPv4 address.");
        QTest::newRow("taken") << QStringLiteral("198.51.100.1") << false
                               << QStringLiteral("Another gateway already has the address 198.51.100.1.");
    }

    void dialogChecksTheAddress()
    {
        QFETCH(QString, typed);
        QFETCH(bool, acceptable);
        QFETCH(QString, problem);
        GatewayDialog dialog;
        dialog.setTakenAddresses({QStringLiteral("198.51.100.1")});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(child<QLineEdit>(dialog, "addressEdit"), typed);
        QCOMPARE(okButton(dialog)->isEnabled(), acceptable);
        QCOMPARE(dialog.problem(), problem);
        QCOMPARE(child<QLabel>(dialog, "problemLabel")->isVisible(), !acceptable && !typed.isEmpty());
        if (acceptable) {
            QCOMPARE(dialog.profile().address, typed.trimmed());
            QCOMPARE(dialog.profile().name, typed.trimmed()); // no name: the address
        }
    }

    void dialogScreenshot()
    {
        GatewayDialog dialog;
        GatewayProfile p = lab();
        dialog.setProfile(p);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QDir dir(QStringLiteral(QRACOON_SCREENSHOT_DIR));
        QDir().mkpath(dir.path());
        QVERIFY(dialog.grab().save(dir.filePath(QStringLiteral("gateway-dialog-offscreen.png"))));
        child<QLineEdit>(dialog, "addressEdit")->setText(QStringLiteral("192.0.2"));
        QVERIFY(!okButton(dialog)->isEnabled());
        QTRY_VERIFY(child<QLabel>(dialog, "problemLabel")->isVisible());
        QVERIFY(dialog.grab().save(dir.filePath(QStringLiteral("gateway-dialog-invalid-offscreen.png"))));
    }

    void addEditRemoveThroughTheApplet()
    {
        const QString file = m_dir.filePath(QStringLiteral("edit.conf"));
        AppletSettings settings(file);
        FakeBackend backend;
        InMemorySecretStore secrets;
        Applet applet(backend, settings, secrets);

        // "Add…" on the Gateways tab opens the editor.
        child<QPushButton>(applet.window(), "addGatewayButton")->click();
        GatewayDialog* dialog = applet.gatewayDialog();
        QVERIFY(dialog != nullptr);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Add Gateway"));
        QTest::keyClicks(child<QLineEdit>(*dialog, "addressEdit"), QStringLiteral("192.0.2.1"));
        QTest::keyClicks(child<QLineEdit>(*dialog, "nameEdit"), QStringLiteral("Lab"));
        child<QCheckBox>(*dialog, "xauthCheck")->setChecked(true);
        QTest::keyClicks(child<QLineEdit>(*dialog, "userEdit"), QStringLiteral("labuser"));
        child<QCheckBox>(*dialog, "rememberCheck")->setChecked(true);
        child<QCheckBox>(*dialog, "reconnectCheck")->setChecked(true);
        okButton(*dialog)->click();
        QCOMPARE(settings.gateways().size(), 1);
        QCOMPARE(settings.gateways().first().name, QStringLiteral("Lab"));
        QVERIFY(settings.gateways().first().rememberPassword);
        QVERIFY(settings.gateways().first().reconnect);
        QCOMPARE(applet.gateways().rowCount(), 1);

        // Stored across a restart of the applet (a new settings object on the same file).
        QCOMPARE(AppletSettings(file).gateways().first().userName, QStringLiteral("labuser"));

        // The tray menu offers the editor too.
        const QList<QAction*> actions = applet.tray().menu()->actions();
        const auto addAction = std::find_if(actions.cbegin(), actions.cend(), [](const QAction* a) {
            return a->text() == QStringLiteral("&Add Gateway…");
        });
        QVERIFY(addAction != actions.cend());
        (*addAction)->trigger();
        QVERIFY(applet.gatewayDialog() != nullptr);
        // The address of an existing gateway is refused.
        QTest::keyClicks(child<QLineEdit>(*applet.gatewayDialog(), "addressEdit"),
                         QStringLiteral("192.0.2.1"));
        QVERIFY(!okButton(*applet.gatewayDialog())->isEnabled());
        applet.gatewayDialog()->reject();

        // Edit: a new name and no more remembered password; the secret goes with it.
        secrets.secrets.insert(SecretStore::keyFor(QStringLiteral("192.0.2.1")), "labpass");
        ConnectionController* before = applet.gateways().controllerFor(QStringLiteral("192.0.2.1"));
        applet.editGateway(QStringLiteral("192.0.2.1"));
        dialog = applet.gatewayDialog();
        QVERIFY(dialog != nullptr);
        QVERIFY(okButton(*dialog)->isEnabled()); // its own address is not "taken"
        child<QLineEdit>(*dialog, "nameEdit")->setText(QStringLiteral("Lab (edited)"));
        child<QCheckBox>(*dialog, "rememberCheck")->setChecked(false);
        okButton(*dialog)->click();
        QTRY_VERIFY(secrets.secrets.isEmpty());
        QCOMPARE(settings.gateways().first().name, QStringLiteral("Lab (edited)"));
        // Same gateway, same controller: editing does not drop a connection.
        QCOMPARE(applet.gateways().controllerFor(QStringLiteral("192.0.2.1")), before);
        QCOMPARE(before->profile().name, QStringLiteral("Lab (edited)"));

        // Remove: gone from the settings, the model and the keychain.
        secrets.secrets.insert(SecretStore::keyFor(QStringLiteral("192.0.2.1")), "labpass");
        applet.forgetGateway(QStringLiteral("192.0.2.1"));
        QVERIFY(settings.gateways().isEmpty());
        QCOMPARE(applet.gateways().rowCount(), 0);
        QTRY_VERIFY(secrets.secrets.isEmpty());
    }

    void importRacoonConf()
    {
        AppletSettings settings(m_dir.filePath(QStringLiteral("import.conf")));
        GatewayProfile existing = lab();
        existing.address = QStringLiteral("198.51.100.7");
        existing.name = QStringLiteral("Mine");
        settings.setGateways({existing});
        FakeBackend backend;
        InMemorySecretStore secrets;
        Applet applet(backend, settings, secrets);
        const QStringList report =
            applet.importRacoonConf(QStringLiteral(QRACOON_TEST_DATA "/racoon-conf/valid.conf"));
        QCOMPARE(report.first(),
                 QStringLiteral("Imported 2 gateway(s) from " QRACOON_TEST_DATA "/racoon-conf/valid.conf."));
        QVERIFY(
            report.contains(QStringLiteral("line 24: 198.51.100.7 is already configured; kept as it is")));
        QVERIFY(report.contains(
            QStringLiteral("line 40: remote anonymous skipped: it names no gateway to connect to")));
        const QList<GatewayProfile> gateways = settings.gateways();
        QCOMPARE(gateways.size(), 3);
        QCOMPARE(gateways.at(0).name, QStringLiteral("Mine")); // kept as it was
        QCOMPARE(gateways.at(1).address, QStringLiteral("192.0.2.1"));
        QVERIFY(gateways.at(1).xauth);
        QCOMPARE(gateways.at(1).userName, QStringLiteral("labuser"));
        QVERIFY(gateways.at(1).remoteName.isEmpty()); // found by address
        QCOMPARE(gateways.at(2).address, QStringLiteral("203.0.113.9"));
        QCOMPARE(gateways.at(2).remoteName, QByteArray("office"));
        QCOMPARE(applet.gateways().rowCount(), 3);

        // A malformed file imports what it can and says what it skipped.
        const QStringList broken =
            applet.importRacoonConf(QStringLiteral(QRACOON_TEST_DATA "/racoon-conf/malformed.conf"));
        QVERIFY(broken.first().startsWith(QLatin1String("Imported 3 gateway(s)")));
        QCOMPARE(broken.size(), 10);
        QCOMPARE(settings.gateways().size(), 6);
    }
};

QTEST_MAIN(TestGatewayEditor)
#include "tst_gatewayeditor.moc"
