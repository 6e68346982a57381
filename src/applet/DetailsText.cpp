#include "DetailsText.h"

#include "DisplayText.h"

#include <QCoreApplication>

namespace qracoon::details {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("qracoon::details", text, disambiguation, n);
}

// A titled two-column table; rows with an empty value are left out.
class Table
{
public:
    explicit Table(const QString& title)
        : m_html(QStringLiteral("<h3>%1</h3><table cellspacing=\"2\">").arg(title.toHtmlEscaped()))
    {}

    Table& row(const QString& label, const QString& value)
    {
        if (!value.isEmpty()) {
            m_html += QStringLiteral("<tr><td style=\"padding-right:12px\"><i>%1</i></td><td>%2</td></tr>")
                          .arg(label.toHtmlEscaped(),
                               value.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
        }
        return *this;
    }
    QString html() const { return m_html + QStringLiteral("</table>"); }

private:
    QString m_html;
};

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString phase1StatusTables(const StatusDocument::Phase1& p)
{
    Table t(tr("racoon's status"));
    t.row(tr("State"), p.state).row(tr("Local identity"), p.localId).row(tr("Remote identity"), p.remoteId);
    t.row(tr("IKE version"), p.version).row(tr("Exchange mode"), p.exchangeMode);
    if (p.proposal) {
        t.row(tr("Encryption"), p.proposal->encryptionAlgorithm)
            .row(tr("Hash"), p.proposal->hashAlgorithm)
            .row(tr("Authentication"), p.proposal->authenticationMethod)
            .row(tr("Diffie-Hellman group"), p.proposal->dhGroup)
            .row(tr("Lifetime"), display::duration(p.proposal->lifetimeSeconds));
    }
    if (p.xauth) {
        t.row(tr("Xauth"), p.xauth->state == QLatin1String("ok") ? tr("logged in") : tr("login requested"))
            .row(tr("Xauth method"), p.xauth->authType)
            .row(tr("Xauth user"), p.xauth->username.value_or(QString()));
    }
    if (p.modeCfg) {
        t.row(tr("Assigned address"), p.modeCfg->addr4)
            .row(tr("DNS servers"), p.modeCfg->dns4.join(QLatin1String(", ")))
            .row(tr("Tunnelled networks"), p.modeCfg->splitInclude.join(QLatin1String(", ")));
    }
    if (p.natTEnabled) {
        t.row(tr("NAT traversal"), *p.natTEnabled ? tr("in use") : tr("not in use"));
    }
    if (p.dpd) {
        t.row(tr("Dead peer detection"), p.dpd->supported
                                             ? tr("supported, %n failure(s)", nullptr, int(p.dpd->fails))
                                             : tr("not supported"));
    }
    if (p.remoteConfig) {
        t.row(tr("Passive"), yesNo(p.remoteConfig->passive))
            .row(tr("Generates policies"), p.remoteConfig->generatePolicy);
    }
    return t.html();
}

} // namespace

QString gateway(const ConnectionController& c)
{
    Table t(c.profile().name);
    t.row(tr("Address"), c.profile().address);
    t.row(tr("State"), ConnectionController::stateText(c.state()));
    t.row(tr("Last error"), c.lastError());
    if (c.profile().discovered) {
        t.row(tr("Origin"), tr("not in the settings; racoon has an SA with it"));
    }
    if (!c.profile().remoteName.isEmpty()) {
        t.row(tr("racoon.conf remote"), QString::fromUtf8(c.profile().remoteName));
    }
    t.row(tr("Login"), c.profile().xauth ? tr("Xauth, user %1").arg(c.profile().userName) : QString());
    if (c.state() == ConnectionController::State::Connected) {
        t.row(tr("Connected for"), display::duration(c.uptime()));
        t.row(tr("Received"), display::bytes(c.bytesIn())).row(tr("Sent"), display::bytes(c.bytesOut()));
    }
    t.row(tr("Assigned address"), c.assignedAddress() ? c.assignedAddress()->toString() : QString());
    t.row(tr("DNS servers"), c.dnsServers().join(QLatin1String(", ")));
    t.row(tr("Domain"), c.defaultDomain());
    t.row(tr("Tunnelled networks"), c.splitNetworks().join(QLatin1String(", ")));
    QString html = t.html();
    if (!c.banner().isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><pre>%2</pre>").arg(tr("Banner"), c.banner().toHtmlEscaped());
    }
    if (c.phase1Status()) {
        html += phase1StatusTables(*c.phase1Status());
    }
    return html;
}

QString isakmpSa(const IsakmpSa& sa, const std::optional<StatusDocument::Phase1>& status,
                 std::optional<std::int64_t> lifetimeLeft)
{
    Table t(tr("Phase 1 with %1").arg(sa.remote.toString()));
    t.row(tr("Remote"), QString::fromStdString(sa.remote.endpointText()))
        .row(tr("Local"), QString::fromStdString(sa.local.endpointText()))
        .row(tr("State"), display::phase1State(sa.status))
        .row(tr("Exchange"), display::exchangeType(sa.etype))
        .row(tr("Role"), display::side(sa.side))
        .row(tr("Version"), QStringLiteral("%1.%2").arg(sa.version >> 4).arg(sa.version & 0x0f))
        .row(tr("Initiator cookie"),
             display::cookiePair(sa.initiatorCookie, sa.responderCookie).section(QLatin1Char(':'), 0, 0))
        .row(tr("Responder cookie"),
             display::cookiePair(sa.initiatorCookie, sa.responderCookie).section(QLatin1Char(':'), 1, 1))
        .row(tr("Established"), display::dateTime(sa.created))
        .row(tr("Lifetime left"), lifetimeLeft ? display::duration(*lifetimeLeft) : QString())
        .row(tr("Phase 2 negotiations"), QString::number(sa.ph2cnt));
    QString html = t.html();
    if (status) {
        html += phase1StatusTables(*status);
    }
    return html;
}

QString ipsecSa(const IpsecSa& sa, std::optional<std::int64_t> lifetimeLeft)
{
    Table t(tr("%1 SA %2").arg(display::ipsecProtocol(sa.satype), display::spi(sa.spi)));
    t.row(tr("Source"), sa.source.toString())
        .row(tr("Destination"), sa.destination.toString())
        .row(tr("Mode"), display::ipsecMode(sa.mode))
        .row(tr("State"), display::ipsecState(sa.state))
        .row(tr("Encryption"), sa.satype == 2 ? QString()
                                              : tr("%1 (%2 bits)")
                                                    .arg(display::encryptionAlgorithm(sa.satype, sa.encAlg))
                                                    .arg(sa.encKeyBits))
        .row(tr("Authentication"),
             tr("%1 (%2 bits)").arg(display::authenticationAlgorithm(sa.authAlg)).arg(sa.authKeyBits))
        .row(tr("Request ID"), QString::number(sa.reqid))
        .row(tr("Replay window"), QString::number(sa.replay))
        .row(tr("Bytes"), display::bytes(sa.current.bytes))
        .row(tr("Packets"), QString::number(sa.current.allocations))
        .row(tr("Created"), display::dateTime(static_cast<std::int64_t>(sa.current.addtime)))
        .row(tr("Last used"), display::dateTime(static_cast<std::int64_t>(sa.current.usetime)))
        .row(tr("Lifetime left"), lifetimeLeft ? display::duration(*lifetimeLeft) : QString());
    if (sa.has(Sadb::Ext::LifetimeHard)) {
        t.row(tr("Hard lifetime"), display::duration(static_cast<std::int64_t>(sa.hard.addtime)));
    }
    if (sa.has(Sadb::Ext::LifetimeSoft)) {
        t.row(tr("Soft lifetime"), display::duration(static_cast<std::int64_t>(sa.soft.addtime)));
    }
    if (sa.usesNatT()) {
        t.row(tr("NAT traversal"),
              tr("UDP ports %1 → %2").arg(sa.natTSourcePort).arg(sa.natTDestinationPort));
    }
    return t.html();
}

QString event(const EventLogModel::Entry& entry)
{
    Table t(tr("Event"));
    t.row(tr("Time"), entry.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
        .row(tr("Message"), entry.message)
        .row(tr("Peer"), entry.peer)
        .row(tr("Local address"), entry.local);
    return t.html();
}

} // namespace qracoon::details
