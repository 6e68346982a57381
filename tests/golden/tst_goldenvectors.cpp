// Every golden vector recorded from the reference racoonctl, replayed against our racoonctl binary: the
// same request bytes, the same stdout (after the vector's masks, or one of its accepted alternatives),
// the same exit status. The cases live in tests/data/vectors, copied from the protocol reference.
#include "FakeAdminDaemon.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

namespace {

QString applyMasks(QString text, const QJsonArray& masks)
{
    for (const QJsonValue& m : masks) {
        const QJsonArray pair = m.toArray();
        text.replace(QRegularExpression(pair.at(0).toString()), pair.at(1).toString());
    }
    return text;
}

QStringList hexList(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray()) {
        out << v.toString();
    }
    return out;
}

} // namespace

class TestGoldenVectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(QRACOON_TEST_DATA "/vectors"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 100, "the golden vectors are missing from tests/data/vectors");
        for (const QString& f : files) {
            QTest::newRow(qPrintable(f.chopped(5))) << dir.filePath(f);
        }
    }

    void replay()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject testCase = QJsonDocument::fromJson(f.readAll()).object();

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString socketPath = dir.filePath(QStringLiteral("racoon.sock"));
        FakeAdminDaemon daemon(socketPath, testCase);
        QString error;
        QVERIFY2(daemon.start(&error), qPrintable(error));

        QStringList arguments;
        for (const QJsonValue& v : testCase.value(QLatin1String("argv")).toArray()) {
            arguments << v.toString().replace(QLatin1String("{sock}"), socketPath);
        }
        QProcess client;
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
        for (const char* pass : {"LD_LIBRARY_PATH", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
            if (qEnvironmentVariableIsSet(pass)) {
                env.insert(QString::fromLatin1(pass), qEnvironmentVariable(pass));
            }
        }
        client.setProcessEnvironment(env);
        client.setWorkingDirectory(dir.path());
        // As the reference was recorded: no controlling terminal, so a password is read from stdin.
        client.setChildProcessModifier([] { ::setsid(); });
        client.start(QStringLiteral(RACOONCTL_BINARY), arguments);
        QVERIFY(client.waitForStarted());
        client.write(testCase.value(QLatin1String("stdin")).toString().toUtf8());
        client.closeWriteChannel();
        const bool exited = client.waitForFinished(20000);
        if (!exited) {
            client.kill();
            client.waitForFinished();
        }
        const QList<FakeAdminDaemon::Connection> connections = daemon.stop();
        QVERIFY2(exited, "racoonctl did not exit within 20 s");

        // Request bytes.
        QStringList sent;
        for (const FakeAdminDaemon::Connection& c : connections) {
            for (const QByteArray& frame : c.frames) {
                sent << QString::fromLatin1(frame.toHex());
            }
            QVERIFY2(
                c.partial.isEmpty(),
                qPrintable(
                    QStringLiteral("incomplete request: %1").arg(QString::fromLatin1(c.partial.toHex()))));
            QVERIFY2(c.extra.isEmpty(), "bytes sent after the request frame");
        }
        const QStringList expectedFrames = hexList(testCase.value(QLatin1String("request_frames_hex")));
        bool requestOk = sent == expectedFrames;
        for (const QJsonValue& alt : testCase.value(QLatin1String("request_frames_alternatives")).toArray()) {
            requestOk = requestOk || sent == hexList(alt);
        }
        if (!requestOk) {
            QCOMPARE(sent.join(QLatin1Char(' ')), expectedFrames.join(QLatin1Char(' ')));
        }
        const QString mode =
            testCase.value(QLatin1String("server")).toObject().value(QLatin1String("mode")).toString();
        if (mode.isEmpty() || mode == QLatin1String("listen")) {
            const int expectedConnections =
                testCase.value(QLatin1String("expected_connections")).toInt(expectedFrames.isEmpty() ? 0 : 1);
            QCOMPARE(int(connections.size()), expectedConnections);
        }

        // Standard output.
        const QByteArray out = client.readAllStandardOutput();
        const QJsonValue expectedText = testCase.value(QLatin1String("expected_stdout"));
        if (expectedText.isNull()) {
            QCOMPARE(out.toHex(), testCase.value(QLatin1String("expected_stdout_hex")).toString().toLatin1());
        } else {
            const QJsonArray masks = testCase.value(QLatin1String("stdout_masks")).toArray();
            const QString got =
                applyMasks(QString::fromUtf8(out).replace(socketPath, QLatin1String("{sock}")), masks);
            bool stdoutOk = got == applyMasks(expectedText.toString(), masks);
            for (const QJsonValue& alt : testCase.value(QLatin1String("stdout_alternatives")).toArray()) {
                stdoutOk = stdoutOk || got == applyMasks(alt.toString(), masks);
            }
            if (!stdoutOk) {
                QCOMPARE(got, applyMasks(expectedText.toString(), masks));
            }
        }

        // Exit status.
        QCOMPARE(client.exitStatus(), QProcess::NormalExit);
        QCOMPARE(client.exitCode(), testCase.value(QLatin1String("expected_exit_code")).toInt());
    }
};

QTEST_GUILESS_MAIN(TestGoldenVectors)
#include "tst_goldenvectors.moc"
