#include "core/decode/StatusDecoder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace qracoon;

namespace {

// The payload of the first reply frame of a golden vector.
QByteArray vectorPayload(const char* name)
{
    QFile file(QStringLiteral(QRACOON_TEST_DATA "/vectors/%1.json").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QJsonObject vector = QJsonDocument::fromJson(file.readAll()).object();
    const QByteArray frame = QByteArray::fromHex(
        vector.value(QLatin1String("reply_frames_hex")).toArray().at(0).toString().toLatin1());
    return frame.mid(8);
}

// The payload of racoon's reply in a real transcript.
QByteArray transcriptPayload(const char* name)
{
    QFile file(QStringLiteral(QRACOON_TEST_DATA "/real-transcripts/%1.jsonl").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        if (line.value(QLatin1String("dir")).toString() == QLatin1String("s2c")) {
            return QByteArray::fromHex(line.value(QLatin1String("hex")).toString().toLatin1()).mid(8);
        }
    }
    return {};
}

const char* const ValidPhase2 =
    R"({"index":"0x3c9a0b11","phase1_index":null,"state":"addsa","spi_in":null,"spi_out":"?",)"
    R"("protocol":"IPCOMP","encmode":"Transport","selectors":{"src":"10.0.0.1/32","dst":"10.0.0.0/8",)"
    R"("protocol":6,"src_port":22,"dst_port":"any"},"proposal":{"encryption_algorithm":null,)"
    R"("authentication_algorithm":"hmac-sha256","compression_algorithm":"DEFLATE","pfs_group":14,)"
    R"("effective_group":14,"lifetime_time":3600,"lifetime_bytes":1048576},"reqid_in":1,"reqid_out":2,"ok":false})";

QByteArray documentWith(const QByteArray& phase1, const QByteArray& phase2 = {})
{
    QByteArray json =
        R"({"schema_version":"2.0","timestamp":"2024-05-01T12:00:00Z","phase1":[)" + phase1 + "]";
    if (!phase2.isNull()) {
        json += R"(,"phase2":[)" + phase2 + "]";
    }
    return json + "}";
}

const QByteArray MinimalPhase1 =
    R"({"index":"0x00","state":"start","remote_id":"r","local_id":"l","version":"1.0",)"
    R"("exchange_mode":"MAIN"})";

} // namespace

class TestStatusDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectorDocument()
    {
        const Result<StatusDocument> status = decodeStatusJson(vectorPayload("status_json_then_verbose"));
        QVERIFY2(status.ok(), qPrintable(status.error()));
        QCOMPARE(status->schemaVersion, QStringLiteral("2.0"));
        QCOMPARE(status->timestamp, QStringLiteral("2024-05-01T12:00:00Z"));
        QCOMPARE(status->phase1.size(), std::size_t(1));
        const StatusDocument::Phase1& p1 = status->phase1.front();
        QCOMPARE(p1.index, QStringLiteral("0x5f3a9c1e7b2d4f60a1b2c3d4e5f60718"));
        QCOMPARE(p1.state, QStringLiteral("established"));
        QCOMPARE(p1.remoteId, QStringLiteral("203.0.113.5[4500]"));
        QCOMPARE(p1.localId, QStringLiteral("192.0.2.10[4500]"));
        QCOMPARE(p1.version, QStringLiteral("1.0"));
        QCOMPARE(p1.exchangeMode, QStringLiteral("AGGRESSIVE"));
        QVERIFY(p1.proposal);
        QCOMPARE(p1.proposal->encryptionAlgorithm, QStringLiteral("AES-CBC"));
        QCOMPARE(p1.proposal->hashAlgorithm, QStringLiteral("SHA"));
        QCOMPARE(p1.proposal->authenticationMethod, QStringLiteral("XAuth pskey client"));
        QCOMPARE(p1.proposal->dhGroup, QStringLiteral("2048-bit MODP group"));
        QCOMPARE(p1.proposal->lifetimeSeconds, 28800);
        QVERIFY(p1.xauth);
        QCOMPARE(p1.xauth->state, QStringLiteral("ok"));
        QCOMPARE(p1.xauth->authType, QStringLiteral("generic"));
        QCOMPARE(p1.xauth->username, std::optional<QString>(QStringLiteral("alice")));
        QVERIFY(p1.modeCfg);
        QCOMPARE(p1.modeCfg->addr4, QStringLiteral("10.8.0.23"));
        QCOMPARE(p1.modeCfg->dns4, QStringList{QStringLiteral("10.8.0.1")});
        QCOMPARE(p1.modeCfg->splitInclude, QStringList{QStringLiteral("10.0.0.0/8")});
        QVERIFY(p1.dpd);
        QCOMPARE(p1.dpd->supported, true);
        QCOMPARE(p1.dpd->fails, 0);
        QCOMPARE(p1.natTEnabled, std::optional<bool>(true));
        QVERIFY(p1.remoteConfig);
        QCOMPARE(p1.remoteConfig->generatePolicy, QStringLiteral("none"));
        QVERIFY(status->phase2);
        QCOMPARE(status->phase2->size(), std::size_t(2));
        const StatusDocument::Phase2& p2 = status->phase2->front();
        QCOMPARE(p2.index, QStringLiteral("0x3c9a0b11"));
        QCOMPARE(p2.phase1Index, std::optional<QString>(p1.index));
        QCOMPARE(p2.spiIn, std::optional<QString>(QStringLiteral("0x0a1b****")));
        QCOMPARE(p2.protocol, QStringLiteral("ESP"));
        QCOMPARE(p2.encapsulationMode, QStringLiteral("UDP-Tunnel"));
        QCOMPARE(p2.selectors.source, QStringLiteral("10.8.0.23/32"));
        QCOMPARE(p2.selectors.destination, QStringLiteral("10.0.0.0/24"));
        QVERIFY(!p2.selectors.protocol);
        QVERIFY(!p2.selectors.sourcePort);
        QVERIFY(p2.proposal);
        QVERIFY(!p2.proposal->pfsGroup);
        QCOMPARE(p2.proposal->effectiveGroup, 14);
        QCOMPARE(p2.proposal->authenticationAlgorithm, std::optional<QString>(QStringLiteral("HMAC-SHA1")));
        QVERIFY(!p2.proposal->compressionAlgorithm);
        QCOMPARE(p2.reqidIn, 16386);
        QCOMPARE(p2.reqidOut, 16385);
        QCOMPARE(p2.ok, true);
    }

    void otherRealDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("phase1");
        QTest::addColumn<int>("phase2"); // -1: absent
        QTest::newRow("vector-status_json") << vectorPayload("status_json") << 1 << -1;
        QTest::newRow("vector-verbose-long") << vectorPayload("status_verbose_json_long") << 1 << 200;
        QTest::newRow("real-idle") << transcriptPayload("02-status-json-idle") << 0 << -1;
        QTest::newRow("real-connected") << transcriptPayload("23-status-json") << 1 << -1;
        QTest::newRow("real-verbose") << transcriptPayload("24-status-v-json") << 1 << 1;
    }

    void otherRealDocuments()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, phase1);
        QFETCH(int, phase2);
        QVERIFY(!json.isEmpty());
        const Result<StatusDocument> status = decodeStatusJson(json);
        QVERIFY2(status.ok(), qPrintable(status.error()));
        QCOMPARE(int(status->phase1.size()), phase1);
        QCOMPARE(status->phase2.has_value(), phase2 >= 0);
        if (phase2 >= 0) {
            QCOMPARE(int(status->phase2->size()), phase2);
        }
    }

    void optionalAndNullableParts()
    {
        const Result<StatusDocument> status = decodeStatusJson(documentWith(MinimalPhase1, ValidPhase2));
        QVERIFY2(status.ok(), qPrintable(status.error()));
        const StatusDocument::Phase1& p1 = status->phase1.front();
        QVERIFY(!p1.proposal && !p1.xauth && !p1.modeCfg && !p1.dpd && !p1.natTEnabled && !p1.remoteConfig);
        const StatusDocument::Phase2& p2 = status->phase2->front();
        QVERIFY(!p2.phase1Index);
        QVERIFY(!p2.spiIn);
        QCOMPARE(p2.spiOut, std::optional<QString>(QStringLiteral("?")));
        QCOMPARE(p2.selectors.protocol, std::optional<int>(6));
        QCOMPARE(p2.selectors.sourcePort, std::optional<int>(22));
        QVERIFY(!p2.selectors.destinationPort);
        QVERIFY(!p2.proposal->encryptionAlgorithm);
        QCOMPARE(p2.proposal->compressionAlgorithm, std::optional<QString>(QStringLiteral("DEFLATE")));
        QCOMPARE(p2.proposal->pfsGroup, std::optional<std::int64_t>(14));
        QCOMPARE(p2.proposal->lifetimeBytes, 1048576);
        QCOMPARE(p2.ok, false);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not-json") << QByteArray("{\"schema_version\":") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
        QTest::newRow("no-version") << QByteArray(R"({"timestamp":"x","phase1":[]})")
                                    << QStringLiteral("schema_version: missing");
        QTest::newRow("version-3") << QByteArray(R"({"schema_version":"3.0","timestamp":"x","phase1":[]})")
                                   << QStringLiteral("3.0 is not supported");
        QTest::newRow("no-phase1") << QByteArray(R"({"schema_version":"2.1","timestamp":"x"})")
                                   << QStringLiteral("phase1: expected an array");
        QTest::newRow("phase1-not-object")
            << documentWith("1") << QStringLiteral("phase1[0]: expected an object");
        QTest::newRow("missing-state")
            << documentWith(R"({"index":"0x00"})") << QStringLiteral("phase1[0].state: missing");
        QByteArray badDpd = MinimalPhase1;
        badDpd.chop(1);
        badDpd += R"(,"dpd":{"supported":"yes","fails":0}})";
        QTest::newRow("dpd-supported-string")
            << documentWith(badDpd) << QStringLiteral("phase1[0].dpd.supported: expected true or false");
        QByteArray badProposal = MinimalPhase1;
        badProposal.chop(1);
        badProposal += R"(,"proposal":{"encryption_algorithm":"AES","hash_algorithm":"SHA",)"
                       R"("authentication_method":"psk","dh_group":"2","lifetime_time":1.5}})";
        QTest::newRow("fractional-lifetime")
            << documentWith(badProposal)
            << QStringLiteral("phase1[0].proposal.lifetime_time: expected an integer");
        // Found by fuzz_status (crash-29979c2847ec and a second input): numbers beyond int64 or int were
        // converted to them, before or despite the range check, which is undefined behaviour.
        for (const char* huge : {"1e99", "-1e99", "9223372036854775808", "9.1e15"}) {
            QByteArray hugeReqid = ValidPhase2;
            hugeReqid.replace(R"("reqid_out":2)", QByteArray(R"("reqid_out":)") + huge);
            QTest::addRow("reqid-%s", huge) << documentWith(MinimalPhase1, hugeReqid)
                                            << QStringLiteral("phase2[0].reqid_out: expected an integer");
        }
        QByteArray hugePfs = ValidPhase2;
        hugePfs.replace(R"("pfs_group":14)", R"("pfs_group":1e99)");
        QTest::newRow("pfs-group-1e99")
            << documentWith(MinimalPhase1, hugePfs)
            << QStringLiteral("phase2[0].proposal.pfs_group: expected an integer or null");
        for (const char* huge : {"1e10", "-1e10", "1e99"}) {
            QByteArray hugePort = ValidPhase2;
            hugePort.replace(R"("src_port":22)", QByteArray(R"("src_port":)") + huge);
            QTest::addRow("src-port-%s", huge)
                << documentWith(MinimalPhase1, hugePort)
                << QStringLiteral("phase2[0].selectors.src_port: expected an integer or \"any\"");
        }
        QByteArray hugeLifetime = MinimalPhase1;
        hugeLifetime.chop(1);
        hugeLifetime += R"(,"proposal":{"encryption_algorithm":"AES","hash_algorithm":"SHA",)"
                        R"("authentication_method":"psk","dh_group":"2","lifetime_time":7.7e111}})";
        QTest::newRow("lifetime-7.7e111")
            << documentWith(hugeLifetime)
            << QStringLiteral("phase1[0].proposal.lifetime_time: expected an integer");
        QByteArray badPort = ValidPhase2;
        badPort.replace(R"("src_port":22)", R"("src_port":"ssh")");
        QTest::newRow("port-word") << documentWith(MinimalPhase1, badPort)
                                   << QStringLiteral(
                                          "phase2[0].selectors.src_port: expected an integer or \"any\"");
        QByteArray noSelectors = ValidPhase2;
        noSelectors.replace(R"("selectors")", R"("selectorz")");
        QTest::newRow("no-selectors")
            << documentWith(MinimalPhase1, noSelectors) << QStringLiteral("phase2[0].selectors: missing");
        QByteArray badDns = MinimalPhase1;
        badDns.chop(1);
        badDns += R"(,"mode_cfg":{"addr4":"10.0.0.1","dns4":[1],"split_include":[]}})";
        QTest::newRow("dns-number") << documentWith(badDns)
                                    << QStringLiteral(
                                           "phase1[0].mode_cfg.dns4: expected an array of strings");
        QByteArray nullUser = MinimalPhase1;
        nullUser.chop(1);
        nullUser += R"(,"xauth":{"state":"ok","auth_type":"generic"}})";
        QTest::newRow("username-absent")
            << documentWith(nullUser) << QStringLiteral("phase1[0].xauth.username: missing");
    }

    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const Result<StatusDocument> status = decodeStatusJson(json);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(mentions), qPrintable(status.error()));
    }

    void nullUsernameIsAccepted()
    {
        QByteArray p1 = MinimalPhase1;
        p1.chop(1);
        p1 += R"(,"xauth":{"state":"reqsent","auth_type":"generic","username":null},"future_member":1})";
        const Result<StatusDocument> status = decodeStatusJson(documentWith(p1));
        QVERIFY2(status.ok(), qPrintable(status.error()));
        QVERIFY(status->phase1.front().xauth);
        QVERIFY(!status->phase1.front().xauth->username);
    }
};

QTEST_GUILESS_MAIN(TestStatusDecoder)
#include "tst_statusdecoder.moc"
