#include "StatusDecoder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <climits>
#include <cmath>

namespace qracoon {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("qracoon", text);
}

// Reads members of one JSON object, remembering the first error with the member's path.
class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(qracoon)

public:
    JsonReader(const QJsonObject& object, QString path, QString* error)
        : m_object(object), m_path(std::move(path)), m_error(error)
    {}

    QString pathOf(const char* key) const
    {
        if (m_path.isEmpty()) {
            return QString(QLatin1String(key));
        }
        return m_path + QLatin1Char('.') + QLatin1String(key);
    }
    bool contains(const char* key) const { return m_object.contains(QLatin1String(key)); }
    QJsonValue value(const char* key) const { return m_object.value(QLatin1String(key)); }

    QString string(const char* key)
    {
        const QJsonValue v = value(key);
        if (!v.isString()) {
            fail(key, tr("a string"));
        }
        return v.toString();
    }
    std::optional<QString> nullableString(const char* key)
    {
        const QJsonValue v = value(key);
        if (v.isNull() && contains(key)) {
            return std::nullopt;
        }
        if (!v.isString()) {
            fail(key, tr("a string or null"));
        }
        return v.toString();
    }
    std::int64_t integer(const char* key)
    {
        const QJsonValue v = value(key);
        if (!isInteger(v)) {
            // Spelled out: lupdate misreads this member's std:: return type as a scope.
            fail(key, QCoreApplication::translate("qracoon", "an integer"));
            return 0;
        }
        return static_cast<std::int64_t>(v.toDouble());
    }
    std::optional<std::int64_t> nullableInteger(const char* key)
    {
        const QJsonValue v = value(key);
        if (v.isNull() && contains(key)) {
            return std::nullopt;
        }
        if (!isInteger(v)) {
            fail(key, tr("an integer or null"));
            return std::nullopt;
        }
        return static_cast<std::int64_t>(v.toDouble());
    }
    // An integer, or the word "any" (nullopt).
    std::optional<int> integerOrAny(const char* key)
    {
        const QJsonValue v = value(key);
        if (v.isString() && v.toString() == QLatin1String("any")) {
            return std::nullopt;
        }
        if (!isInteger(v) || v.toDouble() < INT_MIN || v.toDouble() > INT_MAX) {
            fail(key, tr("an integer or \"any\""));
            return std::nullopt;
        }
        return static_cast<int>(v.toDouble());
    }
    bool boolean(const char* key)
    {
        const QJsonValue v = value(key);
        if (!v.isBool()) {
            fail(key, tr("true or false"));
        }
        return v.toBool();
    }
    QStringList strings(const char* key)
    {
        const QJsonValue v = value(key);
        QStringList list;
        if (!v.isArray()) {
            fail(key, tr("an array of strings"));
            return list;
        }
        for (const QJsonValue& item : v.toArray()) {
            if (!item.isString()) {
                fail(key, tr("an array of strings"));
                break;
            }
            list.append(item.toString());
        }
        return list;
    }
    // A nested object, or nullopt when the member is absent (an error when it is present but not an object).
    std::optional<JsonReader> object(const char* key)
    {
        if (!contains(key)) {
            return std::nullopt;
        }
        const QJsonValue v = value(key);
        if (!v.isObject()) {
            fail(key, tr("an object"));
            return std::nullopt;
        }
        return JsonReader(v.toObject(), pathOf(key), m_error);
    }
    std::optional<JsonReader> requiredObject(const char* key)
    {
        if (!contains(key)) {
            fail(key, tr("an object"));
        }
        return object(key);
    }

    bool failed() const { return !m_error->isEmpty(); }

private:
    static bool isInteger(const QJsonValue& v)
    {
        if (!v.isDouble()) {
            return false;
        }
        // The range first: converting a double beyond int64 (1e99 in a document) is undefined behaviour.
        const double d = v.toDouble();
        return d >= -9.0e15 && d <= 9.0e15 && d == std::trunc(d);
    }

    void fail(const char* key, const QString& expected)
    {
        if (!m_error->isEmpty()) {
            return;
        }
        if (!contains(key)) {
            *m_error = tr("%1: missing (expected %2)").arg(pathOf(key), expected);
        } else {
            *m_error = tr("%1: expected %2").arg(pathOf(key), expected);
        }
    }

    QJsonObject m_object;
    QString m_path;
    QString* m_error;
};

StatusDocument::Phase1 readPhase1(JsonReader& r)
{
    StatusDocument::Phase1 p;
    p.index = r.string("index");
    p.state = r.string("state");
    p.remoteId = r.string("remote_id");
    p.localId = r.string("local_id");
    p.version = r.string("version");
    p.exchangeMode = r.string("exchange_mode");
    if (auto o = r.object("proposal")) {
        StatusDocument::Phase1Proposal proposal;
        proposal.encryptionAlgorithm = o->string("encryption_algorithm");
        proposal.hashAlgorithm = o->string("hash_algorithm");
        proposal.authenticationMethod = o->string("authentication_method");
        proposal.dhGroup = o->string("dh_group");
        proposal.lifetimeSeconds = o->integer("lifetime_time");
        p.proposal = proposal;
    }
    if (auto o = r.object("xauth")) {
        p.xauth =
            StatusDocument::Xauth{o->string("state"), o->string("auth_type"), o->nullableString("username")};
    }
    if (auto o = r.object("mode_cfg")) {
        p.modeCfg =
            StatusDocument::ModeCfg{o->string("addr4"), o->strings("dns4"), o->strings("split_include")};
    }
    if (auto o = r.object("dpd")) {
        p.dpd = StatusDocument::Dpd{o->boolean("supported"), o->integer("fails")};
    }
    if (auto o = r.object("natt")) {
        p.natTEnabled = o->boolean("enabled");
    }
    if (auto o = r.object("remote_config")) {
        p.remoteConfig = StatusDocument::RemoteConfig{o->boolean("anonymous"), o->boolean("passive"),
                                                      o->string("generate_policy")};
    }
    return p;
}

StatusDocument::Phase2 readPhase2(JsonReader& r)
{
    StatusDocument::Phase2 p;
    p.index = r.string("index");
    p.phase1Index = r.nullableString("phase1_index");
    p.state = r.string("state");
    p.spiIn = r.nullableString("spi_in");
    p.spiOut = r.nullableString("spi_out");
    p.protocol = r.string("protocol");
    p.encapsulationMode = r.string("encmode");
    if (auto o = r.requiredObject("selectors")) {
        p.selectors.source = o->string("src");
        p.selectors.destination = o->string("dst");
        p.selectors.protocol = o->integerOrAny("protocol");
        p.selectors.sourcePort = o->integerOrAny("src_port");
        p.selectors.destinationPort = o->integerOrAny("dst_port");
    }
    if (auto o = r.object("proposal")) {
        StatusDocument::Phase2Proposal proposal;
        proposal.encryptionAlgorithm = o->nullableString("encryption_algorithm");
        proposal.authenticationAlgorithm = o->nullableString("authentication_algorithm");
        if (o->contains("compression_algorithm")) {
            proposal.compressionAlgorithm = o->string("compression_algorithm");
        }
        proposal.pfsGroup = o->nullableInteger("pfs_group");
        proposal.effectiveGroup = o->integer("effective_group");
        proposal.lifetimeSeconds = o->integer("lifetime_time");
        proposal.lifetimeBytes = o->integer("lifetime_bytes");
        p.proposal = proposal;
    }
    p.reqidIn = r.integer("reqid_in");
    p.reqidOut = r.integer("reqid_out");
    p.ok = r.boolean("ok");
    return p;
}

// Reads the array `key` of objects with `readItem`; absent arrays are reported by the caller.
template <typename Item, typename ReadItem>
std::vector<Item> readArray(const QJsonObject& root, const char* key, QString* error, ReadItem readItem)
{
    std::vector<Item> items;
    const QJsonValue v = root.value(QLatin1String(key));
    if (!v.isArray()) {
        *error = tr("%1: expected an array").arg(QLatin1String(key));
        return items;
    }
    const QJsonArray array = v.toArray();
    items.reserve(static_cast<std::size_t>(array.size()));
    for (qsizetype i = 0; i < array.size() && error->isEmpty(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
        if (!array.at(i).isObject()) {
            *error = tr("%1: expected an object").arg(path);
            break;
        }
        JsonReader reader(array.at(i).toObject(), path, error);
        items.push_back(readItem(reader));
    }
    return items;
}

} // namespace

Result<StatusDocument> decodeStatusJson(const QByteArray& json)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Result<StatusDocument>::failure(tr("the status document is not valid JSON: %1 at offset %2")
                                                   .arg(parseError.errorString())
                                                   .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return Result<StatusDocument>::failure(tr("the status document is not a JSON object"));
    }
    const QJsonObject root = document.object();
    QString error;
    JsonReader reader(root, QString(), &error);
    StatusDocument status;
    status.schemaVersion = reader.string("schema_version");
    if (!error.isEmpty()) {
        return Result<StatusDocument>::failure(error);
    }
    if (status.schemaVersion.section(QLatin1Char('.'), 0, 0) != QLatin1String("2")) {
        return Result<StatusDocument>::failure(
            tr("schema_version: %1 is not supported (expected 2.x)").arg(status.schemaVersion));
    }
    status.timestamp = reader.string("timestamp");
    if (error.isEmpty()) {
        status.phase1 = readArray<StatusDocument::Phase1>(root, "phase1", &error, readPhase1);
    }
    if (error.isEmpty() && root.contains(QLatin1String("phase2"))) {
        status.phase2 = readArray<StatusDocument::Phase2>(root, "phase2", &error, readPhase2);
    }
    if (!error.isEmpty()) {
        return Result<StatusDocument>::failure(error);
    }
    return status;
}

} // namespace qracoon
