// RacoonConfParser: the remote blocks of valid and malformed racoon.conf files, and what it reports.
#include "core/config/RacoonConfParser.h"

#include <QTest>

using namespace qracoon;

namespace {

QString dataFile(const char* name)
{
    return QStringLiteral(QRACOON_TEST_DATA "/racoon-conf/") + QLatin1String(name);
}

QStringList addresses(const RacoonConfImport& result)
{
    QStringList list;
    for (const RacoonRemote& r : result.remotes) {
        list.append(r.address);
    }
    return list;
}

} // namespace

class TestRacoonConfParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validFile()
    {
        const RacoonConfImport result = RacoonConfParser::parseFile(dataFile("valid.conf"));
        QCOMPARE(addresses(result), (QStringList{QStringLiteral("192.0.2.1"), QStringLiteral("198.51.100.7"),
                                                 QStringLiteral("203.0.113.9")}));
        const RacoonRemote& lab = result.remotes.at(0);
        QCOMPARE(lab.name, QStringLiteral("192.0.2.1"));
        QCOMPARE(lab.xauthLogin, QStringLiteral("labuser"));
        QVERIFY(lab.modeCfg);
        QCOMPARE(lab.port, -1);
        QCOMPARE(lab.line, 11);
        QCOMPARE(result.remotes.at(1).port, 4500);
        QVERIFY(result.remotes.at(1).xauthLogin.isEmpty());
        QCOMPARE(result.remotes.at(2).name, QStringLiteral("office"));
        QCOMPARE(result.remotes.at(2).xauthLogin, QStringLiteral("o.user"));
        QCOMPARE(
            result.messages,
            (QStringList{
                QStringLiteral("line 3: include /etc/racoon/remote-extra.conf skipped: import that file "
                               "by itself"),
                QStringLiteral("line 40: remote anonymous skipped: it names no gateway to connect to")}));
    }

    void malformedFile()
    {
        const RacoonConfImport result = RacoonConfParser::parseFile(dataFile("malformed.conf"));
        QCOMPARE(addresses(result), (QStringList{QStringLiteral("192.0.2.20"), QStringLiteral("192.0.2.21"),
                                                 QStringLiteral("192.0.2.23")}));
        QCOMPARE(result.messages,
                 (QStringList{
                     QStringLiteral("line 3: missing ';' after \"exchange_mode main\""),
                     QStringLiteral("line 6: remote 2001:db8::1 skipped: only IPv4 gateways are supported"),
                     QStringLiteral("line 10: remote \"not-an-address\" skipped: it has no remote_address"),
                     QStringLiteral("line 14: '}' without a matching '{' skipped"),
                     QStringLiteral("line 17: string not closed before the end of the line"),
                     QStringLiteral("line 21: remote 192.0.2.21 skipped: line 16 has the same address"),
                     QStringLiteral("line 25: remote 192.0.2.22 skipped: it has no { } block"),
                     QStringLiteral("line 27: block opened here is not closed"),
                     QStringLiteral("line 28: block opened here is not closed"),
                 }));
    }

    void snippets_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("found");
        QTest::addColumn<QStringList>("messages");
        QTest::newRow("empty") << QByteArray() << QStringList() << QStringList();
        QTest::newRow("comment only")
            << QByteArray("# remote 192.0.2.1 { }\n") << QStringList() << QStringList();
        QTest::newRow("port suffix") << QByteArray("remote 192.0.2.1[500] { }")
                                     << QStringList{QStringLiteral("192.0.2.1")} << QStringList();
        QTest::newRow("closing semicolon")
            << QByteArray("remote 192.0.2.1 { proposal { dh_group 2; }; };\nremote 192.0.2.2 {}")
            << QStringList{QStringLiteral("192.0.2.1"), QStringLiteral("192.0.2.2")} << QStringList();
        QTest::newRow("brace in string") << QByteArray("remote \"a{b}\" { remote_address 192.0.2.3; }")
                                         << QStringList{QStringLiteral("192.0.2.3")} << QStringList();
        QTest::newRow("bad remote_address")
            << QByteArray("remote \"x\" {\n remote_address nowhere;\n}") << QStringList()
            << QStringList{QStringLiteral("line 1: remote \"x\" skipped: it has no remote_address"),
                           QStringLiteral("line 2: remote_address \"nowhere\" is not an IP address")};
        QTest::newRow("stray block") << QByteArray("{ x; }\nremote 192.0.2.4 { }")
                                     << QStringList{QStringLiteral("192.0.2.4")}
                                     << QStringList{
                                            QStringLiteral("line 1: block without a statement before it")};
        QTest::newRow("binary garbage")
            << QByteArray("\0\xff{{;}\"", 7) << QStringList()
            << QStringList{QStringLiteral("line 1: string not closed before the end of the line"),
                           QStringLiteral("line 1: block without a statement before it"),
                           QStringLiteral("line 1: missing ';' after \"\"\"\""),
                           QStringLiteral("line 1: block opened here is not closed")};
    }

    void snippets()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, found);
        QFETCH(QStringList, messages);
        const RacoonConfImport result = RacoonConfParser::parse(text);
        QCOMPARE(addresses(result), found);
        QCOMPARE(result.messages, messages);
    }

    void unreadableFile()
    {
        const RacoonConfImport result = RacoonConfParser::parseFile(dataFile("does-not-exist.conf"));
        QVERIFY(result.remotes.isEmpty());
        QCOMPARE(result.messages.size(), 1);
        QVERIFY(result.messages.first().startsWith(dataFile("does-not-exist.conf")));
    }
};

QTEST_GUILESS_MAIN(TestRacoonConfParser)
#include "tst_racoonconfparser.moc"
