// The German catalogue: embedded in the applet library, complete, and in step with the sources.
#include "applet/AppletStatus.h"
#include "applet/ConnectionController.h"
#include "applet/DisplayText.h"
#include "core/decode/StatusDecoder.h"
#include "core/format/EventText.h"
#include "core/wire/AdminCodes.h"
#include "core/wire/AdminRequest.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace qracoon;

namespace {

const QString TsPath = QStringLiteral(QRACOON_SOURCE_DIR "/translations/qracoon_de.ts");

// What a .ts file holds, counted the way the checks need it.
struct TsSummary
{
    int messages = 0;
    QStringList unfinished; // "context: source" of each message without a finished translation
    QStringList stale;      // vanished or obsolete entries
    QStringList empty;      // finished, but a translation or numerus form is empty
    QString error;
};

TsSummary summarize(const QString& path)
{
    TsSummary summary;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        summary.error = file.errorString();
        return summary;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QString type;
    bool numerus = false;
    QStringList forms;
    QString translation;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                forms.clear();
                translation.clear();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                type = xml.attributes().value(QLatin1String("type")).toString();
                if (!numerus) {
                    translation = xml.readElementText();
                }
            } else if (xml.name() == QLatin1String("numerusform")) {
                forms.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ++summary.messages;
            const QString what = context + QLatin1String(": ") + source;
            if (type == QLatin1String("unfinished")) {
                summary.unfinished.append(what);
            } else if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) {
                summary.stale.append(what);
            } else if (numerus ? forms.size() != 2 || forms.contains(QString()) : translation.isEmpty()) {
                // German has two plural forms.
                summary.empty.append(what);
            }
        }
    }
    if (xml.hasError()) {
        summary.error = xml.errorString();
    }
    return summary;
}

} // namespace

class TranslationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void followsTheLocale_data();
    void followsTheLocale();
    void translatesStrings_data();
    void translatesStrings();
    void fillsNumerusForms();
    void catalogueIsComplete();
    void catalogueCoversTheSources();

private:
    QTranslator m_german;
};

void TranslationTest::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/qracoon_de.qm")));
    QVERIFY(m_german.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("qracoon"),
                          QStringLiteral("_"), QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&m_german));
}

void TranslationTest::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_german);
}

// main() loads the catalogue for QLocale::system(): German and Austrian users get it, others keep English.
void TranslationTest::followsTheLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<bool>("german");
    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << true;
    QTest::newRow("de_AT") << QLocale(QLocale::German, QLocale::Austria) << true;
    QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << false;
    QTest::newRow("fr_FR") << QLocale(QLocale::French, QLocale::France) << false;
}

void TranslationTest::followsTheLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(bool, german);
    QTranslator translator;
    QCOMPARE(
        translator.load(locale, QStringLiteral("qracoon"), QStringLiteral("_"), QStringLiteral(":/i18n")),
        german);
}

// Through the real functions, so a context that differs between the code and the catalogue shows up.
void TranslationTest::translatesStrings_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");

    QTest::newRow("applet status") << statusText(AppletStatus::Disconnected)
                                   << QStringLiteral("Nicht verbunden");
    QTest::newRow("connection state")
        << ConnectionController::stateText(ConnectionController::State::Connecting)
        << QStringLiteral("Verbindung wird hergestellt …");
    QTest::newRow("display text") << display::ipsecMode(2) << QStringLiteral("Tunnel");
    QTest::newRow("display with argument") << display::exchangeType(77) << QStringLiteral("Typ 77");
    RacoonEvent up;
    up.code = EventCode::Phase1Up;
    QTest::newRow("core event") << eventDescription(up)
                                << QStringLiteral("Phase 1 hergestellt: Die IKE-SA mit dem Gateway steht");
    QTest::newRow("core request error")
        << AdminRequest::establish(AdminProto::Isakmp, SaSelector{}, QByteArrayLiteral("a\0b")).error()
        << QStringLiteral("der Name der Gegenstelle enthält ein NUL-Byte");
    QTest::newRow("core decoder error") << decodeStatusJson(QByteArrayLiteral("[]")).error()
                                        << QStringLiteral("das Statusdokument ist kein JSON-Objekt");
    QTest::newRow("form") << QCoreApplication::translate("MainWindow", "&Disconnect")
                          << QStringLiteral("&Trennen");
}

void TranslationTest::translatesStrings()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TranslationTest::fillsNumerusForms()
{
    const char* source = "supported, %n failure(s)";
    QCOMPARE(QCoreApplication::translate("qracoon::details", source, nullptr, 1),
             QStringLiteral("unterstützt, 1 Fehlschlag"));
    QCOMPARE(QCoreApplication::translate("qracoon::details", source, nullptr, 3),
             QStringLiteral("unterstützt, 3 Fehlschläge"));
}

void TranslationTest::catalogueIsComplete()
{
    const TsSummary ts = summarize(TsPath);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY(ts.messages > 300);
    QVERIFY2(ts.unfinished.isEmpty(), qPrintable(ts.unfinished.join(QLatin1Char('\n'))));
    QVERIFY2(ts.stale.isEmpty(), qPrintable(ts.stale.join(QLatin1Char('\n'))));
    QVERIFY2(ts.empty.isEmpty(), qPrintable(ts.empty.join(QLatin1Char('\n'))));
}

// lupdate over a copy of the catalogue: a new or changed string comes back unfinished, a removed one
// vanished.
void TranslationTest::catalogueCoversTheSources()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("qracoon_de.ts"));
    QVERIFY(QFile::copy(TsPath, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    const QString root = QStringLiteral(QRACOON_SOURCE_DIR);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(QRACOON_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"), root + QLatin1String("/src/applet"),
                   root + QLatin1String("/src/backend"), root + QLatin1String("/src/core"),
                   root + QLatin1String("/ui"), QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAll().constData());
    const TsSummary ts = summarize(copy);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY2(
        ts.unfinished.isEmpty(),
        qPrintable(QLatin1String("untranslated strings (translate them in translations/qracoon_de.ts):\n") +
                   ts.unfinished.join(QLatin1Char('\n'))));
    QVERIFY2(ts.stale.isEmpty(),
             qPrintable(QLatin1String("strings no longer in the sources (run lupdate -no-obsolete):\n") +
                        ts.stale.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TranslationTest)
#include "tst_translation.moc"
