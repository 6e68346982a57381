// The Xauth dialog and the main window, offscreen: typing, buttons, filters, selection kept across
// refreshes, details. Saves what they look like under the build folder (screenshots/).
#include "FakeBackend.h"
#include "TestValues.h"
#include "applet/DaemonMonitor.h"
#include "applet/EventLogModel.h"
#include "applet/GatewayModel.h"
#include "applet/IpsecSaModel.h"
#include "applet/IsakmpSaModel.h"
#include "applet/MainWindow.h"
#include "applet/TrayIcon.h"
#include "applet/XauthDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace qracoon;
using namespace qracoon::test;

namespace {

void saveShot(QWidget& widget, const QString& name)
{
    const QDir dir(QStringLiteral(QRACOON_SCREENSHOT_DIR));
    QDir().mkpath(dir.path());
    QVERIFY(widget.grab().save(dir.filePath(name)));
}

QPushButton* okButton(XauthDialog& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // With more gateways than a menu can hold, the tray lists the first ones (the settings' come first)
    // and leads to the window for the rest; the tooltip stays a few lines long. Updates are gathered:
    // the menu follows once the event loop runs.
    void trayMenuKeepsToAMenusWorth()
    {
        FakeBackend backend;
        ManualClock clock;
        GatewayModel gateways(backend, clock);
        DaemonMonitor monitor(backend);
        TrayIcon tray(gateways, monitor);
        QSignalSpy editRequested(&tray, &TrayIcon::editGatewaysRequested);
        QList<GatewayProfile> profiles;
        for (int i = 1; i <= 30; ++i) {
            GatewayProfile p;
            p.name = QStringLiteral("Gateway %1").arg(i);
            p.address = QStringLiteral("198.18.0.%1").arg(i);
            profiles.append(p);
        }
        gateways.setProfiles(profiles);
        std::vector<IsakmpSa> sas;
        for (int i = 1; i <= 30; ++i) {
            sas.push_back(isakmpSa(qPrintable(QStringLiteral("198.18.0.%1").arg(i)), std::uint8_t(i)));
        }
        gateways.updateIsakmpSas(sas);
        QTRY_VERIFY(tray.toolTip().contains(QLatin1String("Gateway 1: connected")));

        QStringList gatewayEntries;
        QAction* more = nullptr;
        for (QAction* action : tray.menu()->actions()) {
            if (!action->isVisible()) {
                continue;
            }
            if (action->text().startsWith(QLatin1String("Disconnect from"))) {
                gatewayEntries.append(action->text());
            } else if (action->text().contains(QLatin1String("Other Gateways"))) {
                more = action;
            }
        }
        QCOMPARE(gatewayEntries.size(), 12);
        QCOMPARE(gatewayEntries.first(), QStringLiteral("Disconnect from Gateway 1"));
        QVERIFY(more != nullptr);
        QCOMPARE(more->text(), QStringLiteral("Other Gateways (18)…"));
        more->trigger();
        QCOMPARE(editRequested.count(), 1);

        const QStringList lines = tray.toolTip().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1 + 10 + 1);
        QCOMPARE(lines.last(), QStringLiteral("Other gateways: 20"));

        // Down to a few: every gateway in the menu, no "more" entry.
        gateways.setProfiles(profiles.mid(0, 3));
        gateways.updateIsakmpSas({});
        QTRY_VERIFY(!more->isVisible());
    }

    void xauthDialogAnswers()
    {
        XauthDialog dialog;
        dialog.prepare(QStringLiteral("Lab gateway"), QStringLiteral("labuser"), QString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.windowTitle().contains(QLatin1String("Lab gateway")));
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("messageLabel"))->isVisible());
        auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QVERIFY(password->hasFocus()); // the user name is known: straight to the password
        QTest::keyClicks(password, QStringLiteral("s3cret"));
        saveShot(dialog, QStringLiteral("xauth-dialog-offscreen.png"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        XauthCredentials credentials = dialog.takeCredentials();
        QCOMPARE(credentials.login(), QByteArray("labuser"));
        QCOMPARE(QByteArray(credentials.password().data(), qsizetype(credentials.password().size())),
                 QByteArray("s3cret"));
        QVERIFY(password->text().isEmpty());
    }

    void xauthDialogSecondRound()
    {
        XauthDialog dialog;
        dialog.prepare(QStringLiteral("Lab"), QString(), QString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* user = dialog.findChild<QLineEdit*>(QStringLiteral("userEdit"));
        auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
        QVERIFY(user->hasFocus());
        QVERIFY(!okButton(dialog)->isEnabled()); // no user name, no login
        QTest::keyClicks(user, QStringLiteral("alice"));
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::keyClicks(password, QStringLiteral("first"));
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        dialog.takeCredentials().wipe();

        // The gateway said no: the same dialog comes back with the reason and the name kept.
        dialog.prepare(QStringLiteral("Lab"), QString(),
                       QStringLiteral("The gateway rejected the user name or password."));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("messageLabel"))->isVisible());
        QCOMPARE(user->text(), QStringLiteral("alice"));
        QVERIFY(password->text().isEmpty());
        QVERIFY(password->hasFocus());
        saveShot(dialog, QStringLiteral("xauth-dialog-retry-offscreen.png"));
        QTest::keyClicks(password, QStringLiteral("123456"));
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(password->text().isEmpty()); // cancelling forgets the password too
    }

    void mainWindowTabsFiltersAndDetails()
    {
        FakeBackend backend;
        ManualClock clock;
        GatewayModel gateways(backend, clock);
        IsakmpSaModel isakmp(clock);
        IpsecSaModel ipsec(clock);
        EventLogModel events;
        GatewayProfile lab;
        lab.name = QStringLiteral("Lab gateway");
        lab.address = QStringLiteral("192.0.2.1");
        lab.xauth = true;
        lab.userName = QStringLiteral("labuser");
        GatewayProfile branch;
        branch.name = QStringLiteral("Branch office");
        branch.address = QStringLiteral("198.51.100.1");
        gateways.setProfiles({lab, branch});

        MainWindow window(gateways, isakmp, ipsec, events);
        window.resize(960, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("tabs"));
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Gateways"));
        QCOMPARE(tabs->tabText(3), QStringLiteral("Events"));

        // Connect and disconnect buttons follow the selected gateway.
        window.selectGateway(QStringLiteral("192.0.2.1"));
        auto* connectButton = window.findChild<QPushButton*>(QStringLiteral("connectButton"));
        auto* disconnectButton = window.findChild<QPushButton*>(QStringLiteral("disconnectButton"));
        QVERIFY(connectButton->isEnabled());
        QVERIFY(!disconnectButton->isEnabled());
        QSignalSpy asked(gateways.controllerFor(QStringLiteral("192.0.2.1")),
                         &ConnectionController::credentialsRequired);
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QCOMPARE(asked.count(), 1);
        QVERIFY(!connectButton->isEnabled());
        QVERIFY(disconnectButton->isEnabled());
        ConnectionController* c = gateways.controllerFor(QStringLiteral("192.0.2.1"));
        c->provideCredentials(XauthCredentials("labuser", "labpass"));
        const IsakmpSa sa = isakmpSa("192.0.2.1", 1, 9, 1000);
        c->handleEvent(racoonEvent(EventCode::Phase1XauthSuccess));
        c->handleEvent(modeCfgEvent("192.0.2.1", "10.99.99.1", QStringLiteral("Welcome to the lab.")));
        const std::vector<IsakmpSa> sas{sa, isakmpSa("203.0.113.9", 7, 3)};
        gateways.updateIsakmpSas(sas);
        isakmp.setSas(sas);
        StatusDocument status;
        status.phase1.push_back(statusPhase1(sa, QStringLiteral("ok")));
        gateways.updateStatus(status);
        isakmp.setStatus(status);
        const std::vector<IpsecSa> ipsecSas{ipsecSa("192.0.2.1", "192.0.2.2", 0xc0ffee, 4200),
                                            ipsecSa("192.0.2.2", "192.0.2.1", 0xbeef, 1700)};
        gateways.updateIpsecSas(ipsecSas);
        ipsec.setSas(ipsecSas);
        events.addEvent(racoonEvent(EventCode::Phase1Up));
        events.addEvent(racoonEvent(EventCode::Phase1XauthSuccess));
        events.addEvent(modeCfgEvent("192.0.2.1", "10.99.99.1", QStringLiteral("Welcome to the lab.")));
        QCOMPARE(c->state(), ConnectionController::State::Connected);
        window.selectGateway(QStringLiteral("192.0.2.1"));
        QVERIFY(window.detailsHtml().contains(QLatin1String("10.99.99.1")));
        QVERIFY(window.detailsHtml().contains(QLatin1String("Welcome to the lab.")));
        QVERIFY(window.detailsHtml().contains(QLatin1String("logged in"))); // from the status document
        saveShot(window, QStringLiteral("window-gateways-offscreen.png"));

        // ISAKMP SAs: select the second SA, refresh with a new one in front: the selection stays on it.
        window.showTab(MainWindow::IsakmpTab);
        QTableView* view = window.view(MainWindow::IsakmpTab);
        QSortFilterProxyModel* proxy = window.proxy(MainWindow::IsakmpTab);
        QCOMPARE(proxy->rowCount(), 2);
        int row203 = -1;
        for (int r = 0; r < proxy->rowCount(); ++r) {
            if (proxy->index(r, IsakmpSaModel::Remote).data().toString().startsWith(QLatin1String("203."))) {
                row203 = r;
            }
        }
        QVERIFY(row203 >= 0);
        view->selectRow(row203);
        view->setCurrentIndex(proxy->index(row203, 0));
        QVERIFY(window.detailsHtml().contains(QLatin1String("203.0.113.9")));
        isakmp.setSas({isakmpSa("198.51.100.1", 9), sa, isakmpSa("203.0.113.9", 7, 9)});
        const QModelIndexList selected = view->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QVERIFY(selected.first().data().toString().startsWith(QLatin1String("203.0.113.9")));
        QVERIFY(window.detailsHtml().contains(QLatin1String("established")));
        saveShot(window, QStringLiteral("window-isakmp-offscreen.png"));

        // Filtering.
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("isakmpFilter"));
        QTest::keyClicks(filter, QStringLiteral("198.51"));
        QCOMPARE(proxy->rowCount(), 1);
        filter->clear();
        QCOMPARE(proxy->rowCount(), 3);

        window.showTab(MainWindow::IpsecTab);
        window.view(MainWindow::IpsecTab)->selectRow(0);
        window.view(MainWindow::IpsecTab)->setCurrentIndex(window.proxy(MainWindow::IpsecTab)->index(0, 0));
        QVERIFY(window.detailsHtml().contains(QLatin1String("ESP SA")));
        saveShot(window, QStringLiteral("window-ipsec-offscreen.png"));

        // Events: copy what is shown.
        window.showTab(MainWindow::EventsTab);
        auto* eventFilter = window.findChild<QLineEdit*>(QStringLiteral("eventFilter"));
        QTest::keyClicks(eventFilter, QStringLiteral("xauth"));
        QCOMPARE(window.proxy(MainWindow::EventsTab)->rowCount(), 1);
        QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("copyEventsButton")), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied.count(QLatin1Char('\n')), 1);
        QVERIFY(copied.contains(QLatin1String("Xauth"), Qt::CaseInsensitive));
        eventFilter->clear();
        saveShot(window, QStringLiteral("window-events-offscreen.png"));
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
