#include "SimConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>
#include <unistd.h>

namespace qracoon::sim {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SimConfig", text);
}

QByteArray addressKey(const SocketAddress& address)
{
    QByteArray key(reinterpret_cast<const char*>(address.bytes().data()), 16);
    key.append(static_cast<char>(address.family()));
    return key;
}

// Undoes the \n, \t and \\ escapes a value may use (banners span lines).
QByteArray unescape(const QByteArray& value)
{
    QByteArray out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\\' && i + 1 < value.size()) {
            const char next = value[++i];
            out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
        } else {
            out.append(c);
        }
    }
    return out;
}

class Parser
{
public:
    Parser(SimConfig& config, QString baseDirectory)
        : m_config(config), m_baseDirectory(std::move(baseDirectory))
    {}

    QString run(const QByteArray& text)
    {
        const QList<QByteArray> lines = text.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_line = static_cast<int>(i + 1);
            const QByteArray line = lines[i].trimmed();
            if (line.isEmpty() || line.startsWith('#') || line.startsWith(';')) {
                continue;
            }
            const QString error = line.startsWith('[') ? section(line) : setting(line);
            if (!error.isEmpty()) {
                return tr("line %1: %2").arg(m_line).arg(error);
            }
        }
        return finishGateway();
    }

private:
    enum class Section
    {
        None,
        Global,
        Timing,
        Gateway,
    };

    QString section(const QByteArray& line)
    {
        if (!line.endsWith(']')) {
            return tr("a section header must end with ']'");
        }
        const QString error = finishGateway();
        if (!error.isEmpty()) {
            return error;
        }
        const QStringList words =
            QString::fromUtf8(line.mid(1, line.size() - 2)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words == QStringList{QStringLiteral("global")}) {
            m_section = Section::Global;
        } else if (words == QStringList{QStringLiteral("timing")}) {
            m_section = Section::Timing;
        } else if (words.size() == 2 && words[0] == QLatin1String("gateway")) {
            const auto address = SocketAddress::fromText(words[1]);
            if (!address || !address->isIp()) {
                return tr("'%1' is not a numeric IPv4 or IPv6 address").arg(words[1]);
            }
            if (m_config.gatewayByAddress(*address) || m_gatewayAddresses.contains(addressKey(*address))) {
                return tr("gateway %1 is described twice").arg(words[1]);
            }
            m_gatewayAddresses.insert(addressKey(*address));
            m_section = Section::Gateway;
            m_gateway = std::make_shared<GatewayConfig>();
            m_gateway->address = *address;
            m_gateway->name = words[1].toUtf8();
            m_gateway->identity = words[1];
        } else {
            return tr("unknown section [%1] (expected [global], [timing] or [gateway ADDRESS])")
                .arg(QString::fromUtf8(line.mid(1, line.size() - 2)));
        }
        return {};
    }

    QString setting(const QByteArray& line)
    {
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0) {
            return tr("expected 'key = value'");
        }
        m_key = QString::fromUtf8(line.left(equals).trimmed());
        m_value = unescape(line.mid(equals + 1).trimmed());
        switch (m_section) {
        case Section::Global:
            return globalSetting();
        case Section::Timing:
            return timingSetting();
        case Section::Gateway:
            return gatewaySetting();
        case Section::None:
            break;
        }
        return tr("'%1' appears before any section").arg(m_key);
    }

    QString unknownKey() const { return tr("unknown setting '%1'").arg(m_key); }

    QString text() const { return QString::fromUtf8(m_value); }

    QString number(int& out, int minimum, int maximum) const
    {
        bool ok = false;
        const int value = text().toInt(&ok);
        if (!ok || value < minimum || value > maximum) {
            return tr("%1 must be a number from %2 to %3").arg(m_key).arg(minimum).arg(maximum);
        }
        out = value;
        return {};
    }

    QString boolean(bool& out) const
    {
        if (m_value == "yes" || m_value == "on" || m_value == "true") {
            out = true;
        } else if (m_value == "no" || m_value == "off" || m_value == "false") {
            out = false;
        } else {
            return tr("%1 must be yes or no").arg(m_key);
        }
        return {};
    }

    QString address(SocketAddress& out, bool ipv4Only) const
    {
        const auto parsed = SocketAddress::fromText(text());
        if (!parsed || !parsed->isIp() || (ipv4Only && parsed->family() != SocketAddress::Family::Inet)) {
            return ipv4Only ? tr("%1: '%2' is not a numeric IPv4 address").arg(m_key, text())
                            : tr("%1: '%2' is not a numeric address").arg(m_key, text());
        }
        out = *parsed;
        return {};
    }

    QString subnet(Subnet& out, const QString& word) const
    {
        const auto parsed = Subnet::fromText(word);
        if (!parsed) {
            return tr("%1: '%2' is not a network in ADDRESS/PREFIX form").arg(m_key, word);
        }
        out = *parsed;
        return {};
    }

    QString addressList(std::vector<SocketAddress>& out) const
    {
        for (const QString& word : text().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const auto parsed = SocketAddress::fromText(word, SocketAddress::Family::Inet);
            if (!parsed) {
                return tr("%1: '%2' is not a numeric IPv4 address").arg(m_key, word);
            }
            out.push_back(*parsed);
        }
        return {};
    }

    QString globalSetting()
    {
        if (m_key == QLatin1String("local")) {
            return address(m_config.local, false);
        }
        if (m_key == QLatin1String("housekeeping")) {
            return boolean(m_config.housekeeping);
        }
        if (m_key == QLatin1String("traffic")) {
            return number(m_config.trafficPerSecond, 0, 1000000);
        }
        if (m_key == QLatin1String("pid")) {
            int pid = 0;
            const QString error = number(pid, 0, 0x7fffffff);
            m_config.pid = static_cast<std::uint32_t>(pid);
            return error;
        }
        return unknownKey();
    }

    QString timingSetting()
    {
        constexpr int maximum = 24 * 3600 * 1000;
        SimTiming& t = m_config.timing;
        if (m_key == QLatin1String("phase1")) {
            return number(t.phase1, 0, maximum);
        }
        if (m_key == QLatin1String("xauth")) {
            return number(t.xauth, 0, maximum);
        }
        if (m_key == QLatin1String("mode-cfg")) {
            return number(t.modeCfg, 0, maximum);
        }
        if (m_key == QLatin1String("teardown")) {
            return number(t.teardown, 0, maximum);
        }
        if (m_key == QLatin1String("phase2")) {
            return number(t.phase2, 0, maximum);
        }
        if (m_key == QLatin1String("give-up")) {
            return number(t.giveUp, 0, maximum);
        }
        return unknownKey();
    }

    QString behaviour()
    {
        const QStringList words = text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        static const std::pair<const char*, GatewayBehaviour> simple[] = {
            {"accept", GatewayBehaviour::Accept},
            {"no-response", GatewayBehaviour::NoResponse},
            {"no-proposal", GatewayBehaviour::NoProposal},
            {"auth-failed", GatewayBehaviour::AuthFailed},
        };
        for (const auto& [word, value] : simple) {
            if (words == QStringList{QLatin1String(word)}) {
                m_gateway->behaviour = value;
                return {};
            }
        }
        if (words.size() == 2 && (words[0] == QLatin1String("dpd-timeout-after") ||
                                  words[0] == QLatin1String("peer-delete-after"))) {
            bool ok = false;
            const int seconds = words[1].toInt(&ok);
            if (ok && seconds >= 0) {
                m_gateway->behaviour = words[0] == QLatin1String("dpd-timeout-after")
                                           ? GatewayBehaviour::DpdTimeoutAfter
                                           : GatewayBehaviour::PeerDeleteAfter;
                m_gateway->behaviourSeconds = seconds;
                return {};
            }
        }
        return tr(
            "behaviour must be accept, no-response, no-proposal, auth-failed, dpd-timeout-after SECONDS "
            "or peer-delete-after SECONDS");
    }

    QString certificate()
    {
        QString path = text();
        if (QFileInfo(path).isRelative()) {
            path = QDir(m_baseDirectory).filePath(path);
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return tr("cannot read the certificate %1: %2").arg(path, file.errorString());
        }
        m_gateway->certificate = file.readAll();
        return {};
    }

    QString policy()
    {
        const QStringList words = text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() < 2 || words.size() > 3 ||
            (words.size() == 3 && words[2] != QLatin1String("tunnel") &&
             words[2] != QLatin1String("transport"))) {
            return tr("policy must be 'LOCAL/PREFIX REMOTE/PREFIX [tunnel|transport]'");
        }
        PolicyConfig p;
        QString error = subnet(p.local, words[0]);
        if (error.isEmpty()) {
            error = subnet(p.remote, words[1]);
        }
        if (error.isEmpty() && p.local.address().family() != p.remote.address().family()) {
            error = tr("policy: both networks must be of the same address family");
        }
        p.tunnel = words.size() < 3 || words[2] == QLatin1String("tunnel");
        m_gateway->policies.push_back(p);
        return error;
    }

    QString gatewaySetting()
    {
        GatewayConfig& g = *m_gateway;
        if (m_key == QLatin1String("name")) {
            g.name = m_value;
            return m_value.isEmpty() ? tr("name must not be empty") : QString();
        }
        if (m_key == QLatin1String("id")) {
            g.identity = text();
            return {};
        }
        if (m_key == QLatin1String("behaviour") || m_key == QLatin1String("behavior")) {
            return behaviour();
        }
        if (m_key == QLatin1String("exchange-mode")) {
            if (m_value != "main" && m_value != "aggressive") {
                return tr("exchange-mode must be main or aggressive");
            }
            g.aggressive = m_value == "aggressive";
            return {};
        }
        if (m_key == QLatin1String("xauth")) {
            return boolean(g.xauth);
        }
        if (m_key == QLatin1String("user")) {
            const qsizetype colon = m_value.indexOf(':');
            if (colon <= 0) {
                return tr("user must be 'LOGIN:PASSWORD'");
            }
            g.users.push_back({m_value.left(colon), m_value.mid(colon + 1)});
            return {};
        }
        if (m_key == QLatin1String("pool")) {
            const QString error = subnet(g.pool, text());
            if (error.isEmpty() &&
                (g.pool.address().family() != SocketAddress::Family::Inet || g.pool.prefixLength() > 30)) {
                return tr("pool must be an IPv4 network of at least 4 addresses");
            }
            g.modeCfg = error.isEmpty();
            if (g.netmask == 0) {
                g.netmask = g.pool.ipv4Mask();
            }
            return error;
        }
        if (m_key == QLatin1String("netmask")) {
            SocketAddress mask;
            const QString error = address(mask, true);
            std::memcpy(&g.netmask, mask.bytes().data(), sizeof g.netmask);
            return error;
        }
        if (m_key == QLatin1String("dns")) {
            return addressList(g.dns);
        }
        if (m_key == QLatin1String("wins")) {
            return addressList(g.wins);
        }
        if (m_key == QLatin1String("split")) {
            Subnet net;
            const QString error = subnet(net, text());
            if (error.isEmpty() && net.address().family() != SocketAddress::Family::Inet) {
                return tr("split networks must be IPv4 (mode-cfg's UNITY_SPLIT_INCLUDE)");
            }
            g.splitNetworks.push_back(net);
            return error;
        }
        if (m_key == QLatin1String("domain")) {
            g.domain = m_value;
            return {};
        }
        if (m_key == QLatin1String("banner")) {
            g.banner = m_value;
            return {};
        }
        if (m_key == QLatin1String("application-version")) {
            g.applicationVersion = m_value;
            return {};
        }
        if (m_key == QLatin1String("certificate")) {
            return certificate();
        }
        if (m_key == QLatin1String("policy")) {
            return policy();
        }
        if (m_key == QLatin1String("dpd")) {
            return boolean(g.dpd);
        }
        if (m_key == QLatin1String("dpd-interval")) {
            return number(g.dpdInterval, 1, 86400);
        }
        if (m_key == QLatin1String("nat-t")) {
            return boolean(g.natTraversal);
        }
        if (m_key == QLatin1String("lifetime")) {
            return number(g.lifetime, 10, 31 * 86400);
        }
        if (m_key == QLatin1String("ipsec-lifetime")) {
            return number(g.ipsecLifetime, 10, 31 * 86400);
        }
        return unknownKey();
    }

    QString finishGateway()
    {
        if (!m_gateway) {
            return {};
        }
        if (m_config.gatewayByName(m_gateway->name)) {
            return tr("two gateways are named '%1'").arg(QString::fromUtf8(m_gateway->name));
        }
        if (m_gateway->xauth && m_gateway->users.empty()) {
            return tr("gateway %1 requires Xauth but lists no user").arg(m_gateway->address.toString());
        }
        m_config.addGateway(std::move(m_gateway));
        m_gateway.reset();
        return {};
    }

    SimConfig& m_config;
    QString m_baseDirectory;
    Section m_section = Section::None;
    std::shared_ptr<GatewayConfig> m_gateway;
    QSet<QByteArray> m_gatewayAddresses;
    int m_line = 0;
    QString m_key;
    QByteArray m_value;
};

} // namespace

bool GatewayConfig::acceptsCredentials(const QByteArray& login, const QByteArray& password) const
{
    for (const XauthUser& user : users) {
        if (user.login == login && user.password == password) {
            return true;
        }
    }
    return false;
}

Result<SimConfig> SimConfig::parse(const QByteArray& text, const QString& baseDirectory)
{
    SimConfig config;
    const QString error = Parser(config, baseDirectory).run(text);
    if (!error.isEmpty()) {
        return Result<SimConfig>::failure(error);
    }
    if (!config.local.isIp()) {
        return Result<SimConfig>::failure(tr("[global] must give the local address ('local = ADDRESS')"));
    }
    if (config.pid == 0) {
        config.pid = static_cast<std::uint32_t>(getpid());
    }
    return config;
}

Result<SimConfig> SimConfig::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<SimConfig>::failure(tr("cannot read %1: %2").arg(path, file.errorString()));
    }
    auto parsed = parse(file.readAll(), QFileInfo(path).absolutePath());
    if (!parsed) {
        return Result<SimConfig>::failure(tr("%1: %2").arg(path, parsed.error()));
    }
    return parsed;
}

std::shared_ptr<const GatewayConfig> SimConfig::gatewayByAddress(const SocketAddress& address) const
{
    const auto it = m_byAddress.constFind(addressKey(address));
    return it == m_byAddress.cend() ? nullptr : gateways[static_cast<std::size_t>(*it)];
}

std::shared_ptr<const GatewayConfig> SimConfig::gatewayByName(const QByteArray& name) const
{
    for (const auto& g : gateways) {
        if (g->name == name) {
            return g;
        }
    }
    return nullptr;
}

void SimConfig::addGateway(std::shared_ptr<const GatewayConfig> gateway)
{
    m_byAddress.insert(addressKey(gateway->address), static_cast<qsizetype>(gateways.size()));
    gateways.push_back(std::move(gateway));
}

} // namespace qracoon::sim
