// One instance per user (a second claim asks the first to show itself; a stale socket is taken over)
// and the per-user autostart override.
#include "applet/AutostartFile.h"
#include "applet/SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace qracoon;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void secondLaunchActivatesTheFirst()
    {
        const QString name = m_dir.filePath(QStringLiteral("instance.socket"));
        SingleInstance first(name);
        QSignalSpy activated(&first, &SingleInstance::activationRequested);
        QString error;
        QVERIFY(first.claim(&error));
        QVERIFY2(error.isEmpty(), qPrintable(error));

        SingleInstance second(name);
        QVERIFY(!second.claim());
        QTRY_COMPARE(activated.count(), 1);
        SingleInstance third(name);
        QVERIFY(!third.claim());
        QTRY_COMPARE(activated.count(), 2);
    }

    void staleSocketIsTakenOver()
    {
        const QString name = m_dir.filePath(QStringLiteral("stale.socket"));
        QFile stale(name);
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        SingleInstance instance(name);
        QString error;
        QVERIFY(instance.claim(&error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void defaultNameIsPerUser()
    {
        qputenv("XDG_RUNTIME_DIR", m_dir.path().toUtf8());
        QVERIFY(SingleInstance::defaultName().startsWith(m_dir.path() + QLatin1String("/qracoon-")));
        QVERIFY(SingleInstance::defaultName().endsWith(QLatin1String(".socket")));
    }

    void autostartFollowsTheSystemEntryUntilOverridden()
    {
        const QString home = m_dir.filePath(QStringLiteral("home-config"));
        const QString system = m_dir.filePath(QStringLiteral("xdg"));
        QVERIFY(QDir().mkpath(system + QStringLiteral("/autostart")));
        AutostartFile autostart(home, {system});
        QVERIFY(!autostart.isEnabled()); // no system entry, no user entry
        QVERIFY(QFile::copy(QStringLiteral(QRACOON_SOURCE_DIR "/resources/desktop/qracoon-autostart.desktop"),
                            system + QStringLiteral("/autostart/qracoon-autostart.desktop")));
        QVERIFY(autostart.isEnabled()); // the package's entry

        QString error;
        QVERIFY2(autostart.setEnabled(false, &error), qPrintable(error));
        QCOMPARE(autostart.userPath(), home + QStringLiteral("/autostart/qracoon-autostart.desktop"));
        QVERIFY(!autostart.isEnabled());
        QFile file(autostart.userPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray off = file.readAll();
        QVERIFY(off.contains("\nHidden=true\n"));
        QVERIFY(off.contains("\nX-GNOME-Autostart-enabled=false\n"));
        QVERIFY(off.contains("\nExec=qracoon\n"));
        file.close();

        QVERIFY(autostart.setEnabled(true));
        QVERIFY(autostart.isEnabled());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray on = file.readAll();
        QVERIFY(on.contains("\nHidden=false\n"));
        QVERIFY(on.contains("\nX-GNOME-Autostart-enabled=true\n"));
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
