// Replays the golden vectors whose stdout is produced by ReplyPrinter alone (plus the -d request dump)
// and compares the output the way check_vectors.py does: masks applied to both sides, alternatives
// accepted.
#include "core/format/HexDump.h"
#include "core/format/ReplyPrinter.h"
#include "core/wire/AdminRequest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <ctime>

using namespace qracoon;

namespace {

// Vectors replayed here: their stdout is what ReplyPrinter prints for the reply frames.
const QStringList Prefixes = {QStringLiteral("show_sa"),    QStringLiteral("show_schedule"),
                              QStringLiteral("show_event"), QStringLiteral("status"),
                              QStringLiteral("get_cert"),   QStringLiteral("debug_hexdump")};

// Vectors with those prefixes whose stdout depends on racoonctl itself, not on the printer.
const QStringList Skipped = {
    // The daemon answers with an error (ac_errno): racoonctl exits without printing the reply.
    QStringLiteral("show_sa_internal_enotsup"),
    QStringLiteral("show_schedule_empty_enomem"),
    QStringLiteral("status_enomem"),
    QStringLiteral("get_cert_enoent"),
    // Argument errors: racoonctl fails before connecting, there is no reply to print.
    QStringLiteral("show_event_too_many_args"),
    QStringLiteral("show_sa_too_many_args"),
    QStringLiteral("show_sa_unknown_proto"),
    QStringLiteral("status_bad_format"),
    QStringLiteral("status_extra_arg"),
    QStringLiteral("status_missing_format"),
    QStringLiteral("status_unknown_flag"),
};

QString vectorDirectory()
{
    return QStringLiteral(QRACOON_TEST_DATA "/vectors");
}

// The number of -l options before the command word (global options stop at the first non-option).
int verbosityOf(const QJsonArray& argv)
{
    int verbosity = 0;
    for (qsizetype i = 0; i < argv.size(); ++i) {
        const QString word = argv.at(i).toString();
        if (word == QLatin1String("-s")) {
            ++i;
            continue;
        }
        if (!word.startsWith(QLatin1Char('-')) || word.size() < 2) {
            break;
        }
        verbosity += int(word.count(QLatin1Char('l')));
    }
    return verbosity;
}

// Python's re.sub replacement template: \1, \g<1>, \g<name>, \n, \t, \\.
QString expandReplacement(const QString& replacement, const QRegularExpressionMatch& match)
{
    QString out;
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement.at(i);
        if (c != QLatin1Char('\\') || i + 1 == replacement.size()) {
            out += c;
            continue;
        }
        const QChar next = replacement.at(++i);
        if (next == QLatin1Char('g') && i + 1 < replacement.size() &&
            replacement.at(i + 1) == QLatin1Char('<')) {
            const qsizetype close = replacement.indexOf(QLatin1Char('>'), i + 2);
            const QString group = replacement.mid(i + 2, close - i - 2);
            bool numeric = false;
            const int number = group.toInt(&numeric);
            out += numeric ? match.captured(number) : match.captured(group);
            i = close;
        } else if (next.isDigit()) {
            int number = next.digitValue();
            if (i + 1 < replacement.size() && replacement.at(i + 1).isDigit()) {
                number = number * 10 + replacement.at(++i).digitValue();
            }
            out += match.captured(number);
        } else if (next == QLatin1Char('n')) {
            out += QLatin1Char('\n');
        } else if (next == QLatin1Char('t')) {
            out += QLatin1Char('\t');
        } else if (next == QLatin1Char('r')) {
            out += QLatin1Char('\r');
        } else if (next == QLatin1Char('\\')) {
            out += QLatin1Char('\\');
        } else {
            out += c;
            out += next;
        }
    }
    return out;
}

// Python re.sub(pattern, replacement, text) with QRegularExpression (PCRE2). Python's \Z is PCRE's \z.
QString pythonSub(QString pattern, const QString& replacement, const QString& text)
{
    pattern.replace(QLatin1String("\\Z"), QLatin1String("\\z"));
    const QRegularExpression re(pattern);
    if (!re.isValid()) {
        qWarning("invalid mask pattern %s", qPrintable(pattern));
        return text;
    }
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += expandReplacement(replacement, m);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

QString masked(QString text, const QJsonArray& masks)
{
    for (const QJsonValue& mask : masks) {
        const QJsonArray pair = mask.toArray();
        text = pythonSub(pair.at(0).toString(), pair.at(1).toString(), text);
    }
    return text;
}

QJsonObject loadVector(const QString& name)
{
    QFile file(vectorDirectory() + QLatin1Char('/') + name + QLatin1String(".json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString transcriptDirectory()
{
    return QStringLiteral(QRACOON_TEST_DATA "/real-transcripts");
}

// Steps of the real transcripts whose stdout depends on racoonctl's waiting logic, not on the printer.
const QStringList WaitingSteps = {QStringLiteral("11-vc"), QStringLiteral("41-vd"),
                                  QStringLiteral("71-vc-wrong-password")};

// The masks the vectors use for the client's current time and the SA age.
QJsonArray timeMasks()
{
    return QJsonArray{
        QJsonArray{QStringLiteral("current: [A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"),
                   QStringLiteral("current: <NOW>")},
        QJsonArray{QStringLiteral("\\tdiff: \\d+\\(s\\)"), QStringLiteral("\tdiff: <AGE>(s)")}};
}

} // namespace

class TestVectorPrinting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The vectors were recorded with TZ=UTC.
        qputenv("TZ", "UTC");
        tzset();
    }

    void skipListIsCurrent()
    {
        for (const QString& name : Skipped) {
            QVERIFY2(QFile::exists(vectorDirectory() + QLatin1Char('/') + name + QLatin1String(".json")),
                     qPrintable(name));
        }
    }

    void pythonSubstitution()
    {
        QCOMPARE(
            pythonSub(QStringLiteral("(a)(b)"), QStringLiteral("\\2\\g<1>\\g<0>\\n"), QStringLiteral("xabx")),
            QStringLiteral("xbaab\nx"));
        QCOMPARE(pythonSub(QStringLiteral("b\\Z"), QStringLiteral("B"), QStringLiteral("ab\n")),
                 QStringLiteral("ab\n"));
    }

    void vectors_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList files =
            QDir(vectorDirectory()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        int rows = 0;
        for (const QString& file : files) {
            const QString name = file.chopped(5);
            const bool printed = std::any_of(Prefixes.begin(), Prefixes.end(),
                                             [&](const QString& prefix) { return name.startsWith(prefix); });
            if (printed && !Skipped.contains(name)) {
                QTest::newRow(qPrintable(name)) << name;
                ++rows;
            }
        }
        QVERIFY(rows >= 35);
    }

    void realTranscripts_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList files =
            QDir(transcriptDirectory()).entryList({QStringLiteral("*.meta.json")}, QDir::Files, QDir::Name);
        for (const QString& file : files) {
            const QString name = file.chopped(10);
            if (!WaitingSteps.contains(name)) {
                QTest::newRow(qPrintable(name)) << name;
            }
        }
    }

    // racoon's own replies, printed as the reference printed them (the reference's stdout of each step).
    void realTranscripts()
    {
        QFETCH(QString, name);
        const QString base = transcriptDirectory() + QLatin1Char('/') + name;
        QFile meta(base + QLatin1String(".meta.json"));
        QFile frames(base + QLatin1String(".jsonl"));
        QFile stdoutFile(base + QLatin1String(".stdout"));
        QVERIFY(meta.open(QIODevice::ReadOnly) && frames.open(QIODevice::ReadOnly) &&
                stdoutFile.open(QIODevice::ReadOnly));
        PrintOptions options;
        options.verbosity = verbosityOf(
            QJsonDocument::fromJson(meta.readAll()).object().value(QLatin1String("argv")).toArray());
        options.now = std::time(nullptr);
        std::string out;
        while (!frames.atEnd()) {
            const QJsonObject line = QJsonDocument::fromJson(frames.readLine()).object();
            if (line.value(QLatin1String("dir")).toString() != QLatin1String("s2c")) {
                continue;
            }
            const AdminFrame frame(
                QByteArray::fromHex(line.value(QLatin1String("hex")).toString().toLatin1()));
            QVERIFY(!frame.isError());
            QVERIFY(ReplyPrinter::print(out, frame, options));
        }
        const QString got = masked(QString::fromUtf8(out.data(), qsizetype(out.size())), timeMasks());
        const QString want = masked(QString::fromUtf8(stdoutFile.readAll()), timeMasks());
        QCOMPARE(got, want);
    }

    void vectors()
    {
        QFETCH(QString, name);
        const QJsonObject vector = loadVector(name);
        QVERIFY(!vector.isEmpty());

        PrintOptions options;
        options.verbosity = verbosityOf(vector.value(QLatin1String("argv")).toArray());
        options.now = std::time(nullptr);

        std::string out;
        if (name.startsWith(QLatin1String("debug_hexdump"))) {
            const QByteArray request = QByteArray::fromHex(
                vector.value(QLatin1String("request_frames_hex")).toArray().at(0).toString().toLatin1());
            const Result<AdminRequest> decoded =
                AdminRequest::decode(request.constData(), std::size_t(request.size()));
            QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
            appendRequestHexDump(out, *decoded);
        }
        for (const QJsonValue& hex : vector.value(QLatin1String("reply_frames_hex")).toArray()) {
            const AdminFrame frame(QByteArray::fromHex(hex.toString().toLatin1()));
            QVERIFY2(!frame.isError(), "an error reply: this vector belongs in the skip list");
            QVERIFY(ReplyPrinter::print(out, frame, options));
        }

        const QByteArray actual(out.data(), qsizetype(out.size()));
        if (vector.value(QLatin1String("expected_stdout")).isNull()) {
            const QByteArray expected =
                QByteArray::fromHex(vector.value(QLatin1String("expected_stdout_hex")).toString().toLatin1());
            QCOMPARE(actual, expected);
            return;
        }
        const QJsonArray masks = vector.value(QLatin1String("stdout_masks")).toArray();
        const QString got = masked(QString::fromUtf8(actual), masks);
        QStringList accepted{masked(vector.value(QLatin1String("expected_stdout")).toString(), masks)};
        for (const QJsonValue& alternative : vector.value(QLatin1String("stdout_alternatives")).toArray()) {
            accepted.append(masked(alternative.toString(), masks));
        }
        if (!accepted.contains(got)) {
            const QString& want = accepted.front();
            qsizetype at = 0;
            while (at < got.size() && at < want.size() && got.at(at) == want.at(at)) {
                ++at;
            }
            const QString where = QStringLiteral("first difference at %1:\n got: %2\nwant: %3")
                                      .arg(at)
                                      .arg(got.mid(std::max<qsizetype>(0, at - 60), 120).toHtmlEscaped(),
                                           want.mid(std::max<qsizetype>(0, at - 60), 120).toHtmlEscaped());
            QFAIL(qPrintable(where));
        }
    }
};

QTEST_GUILESS_MAIN(TestVectorPrinting)
#include "tst_vectorprinting.moc"
