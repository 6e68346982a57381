// KeychainSecretStore against a real Secret Service (run by keychain_session.sh: gnome-keyring on a
// private session bus). Write, read back, overwrite, remove; nothing in plain text on disk.
#include "applet/KeychainSecretStore.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace qracoon;

namespace {

struct ReadResult
{
    bool done = false;
    bool found = false;
    QByteArray secret;
    QString error;
};

ReadResult readBack(SecretStore& store, const QString& key)
{
    ReadResult result;
    store.read(key, [&result](bool found, QByteArray secret, const QString& error) {
        result = {true, found, secret, error};
    });
    static_cast<void>(QTest::qWaitFor([&result] { return result.done; }, 10000));
    return result;
}

QString writeAndWait(SecretStore& store, const QString& key, const QByteArray& secret)
{
    bool done = false;
    QString error = QStringLiteral("timed out");
    store.write(key, secret, [&](const QString& e) {
        done = true;
        error = e;
    });
    static_cast<void>(QTest::qWaitFor([&done] { return done; }, 10000));
    return error;
}

QString removeAndWait(SecretStore& store, const QString& key)
{
    bool done = false;
    QString error = QStringLiteral("timed out");
    store.remove(key, [&](const QString& e) {
        done = true;
        error = e;
    });
    static_cast<void>(QTest::qWaitFor([&done] { return done; }, 10000));
    return error;
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("QRACOON_KEYCHAIN_HOME"),
                 "run through keychain_session.sh (ctest does): it starts the Secret Service");
    }

    void roundTrip()
    {
        KeychainSecretStore store(QStringLiteral("qracoon-test"));
        const QString key = SecretStore::keyFor(QStringLiteral("192.0.2.1"));
        const QByteArray secret = "labpass-\xc3\xa4-plain-text-canary";

        QString error = writeAndWait(store, key, secret);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ReadResult read = readBack(store, key);
        QVERIFY(read.done);
        QVERIFY2(read.found, qPrintable(read.error));
        QCOMPARE(read.secret, secret);

        error = writeAndWait(store, key, "second");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(readBack(store, key).secret, QByteArray("second"));

        // Another gateway's key is another secret.
        read = readBack(store, SecretStore::keyFor(QStringLiteral("198.51.100.1")));
        QVERIFY(read.done);
        QVERIFY(!read.found);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));

        // The keyring on disk is encrypted: the first secret is nowhere in plain text.
        error = writeAndWait(store, key, secret);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QDirIterator files(qEnvironmentVariable("QRACOON_KEYCHAIN_HOME"), QDir::Files | QDir::Hidden,
                           QDirIterator::Subdirectories);
        int count = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly)) {
                ++count;
                QVERIFY2(!file.readAll().contains("plain-text-canary"), qPrintable(file.fileName()));
            }
        }
        QVERIFY(count > 0); // the keyring file exists

        // Forgetting removes it; forgetting again is no error.
        error = removeAndWait(store, key);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        read = readBack(store, key);
        QVERIFY(read.done && !read.found);
        error = removeAndWait(store, key);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
