#include "StatusReport.h"

#include "SimState.h"

#include <ctime>
#include <optional>

namespace qracoon::sim {

namespace {

struct Phase1View
{
    QByteArray index;
    QByteArray state;
    QByteArray remoteId;
    QByteArray localId;
    QByteArray exchangeMode;
    bool proposal = false;
    QByteArray authMethod;
    int lifetime = 0;
    bool modeCfg = false;
    QByteArray addr4;
    QList<QByteArray> dns4;
    QList<QByteArray> splitInclude;
    bool dpd = false;
    bool dpdSupported = false;
    int dpdFails = 0;
    bool natt = false;
};

struct Phase2View
{
    QByteArray index;
    std::optional<QByteArray> phase1Index;
    QByteArray state;
    std::optional<QByteArray> spiIn;
    std::optional<QByteArray> spiOut;
    QByteArray protocol = "unknown";
    QByteArray encmode = "Any";
    QByteArray selectorSource;
    QByteArray selectorDestination;
    bool proposal = false;
    std::optional<QByteArray> encryption;
    std::optional<QByteArray> authentication;
    int effectiveGroup = 0;
    int lifetime = 0;
    bool ok = false;
};

constexpr int DhGroup = 14;

QByteArray phase1StateName(int status)
{
    static const char* const names[] = {"spawn",        "start",       "msg1received", "msg1sent",
                                        "msg2received", "msg2sent",    "msg3received", "msg3sent",
                                        "msg4received", "established", "dying",        "expired"};
    return status >= 0 && status < 12 ? QByteArray(names[status]) : QByteArray("unknown");
}

QByteArray phase2StateName(int status)
{
    static const char* const names[] = {"spawn",      "start",       "status2", "getspisent",
                                        "getspidone", "msg1sent",    "status6", "commit",
                                        "addsa",      "established", "expired"};
    return status >= 0 && status < 11 ? QByteArray(names[status]) : QByteArray("unknown");
}

QByteArray hex(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)).toHex();
}

QByteArray cookiePair(const Phase1Handle& p)
{
    return "0x" + hex(p.initiatorCookie.data(), 8) + hex(p.responderCookie.data(), 8);
}

// status.c mask_spi(): only the top 16 bits are shown.
QByteArray maskedSpi(std::uint32_t spi)
{
    return "0x" + QByteArray::number(spi >> 16, 16).rightJustified(4, '0') + "****";
}

QByteArray cidr(const SocketAddress& address, int prefix)
{
    return QByteArray::fromStdString(address.hostText()) + '/' + QByteArray::number(prefix);
}

Phase1View viewOf(const Phase1Handle& p)
{
    const GatewayConfig& g = *p.gateway;
    Phase1View v;
    v.index = cookiePair(p);
    v.state = phase1StateName(p.status);
    // Until the identities are exchanged racoon prints the addresses with their ports.
    if (p.proposalChosen) {
        v.remoteId = g.identity.toUtf8();
        v.localId = QByteArray::fromStdString(p.local.hostText());
    } else {
        v.remoteId = QByteArray::fromStdString(p.remote.endpointText());
        v.localId = QByteArray::fromStdString(p.local.endpointText());
    }
    v.exchangeMode = g.aggressive ? "AGGRESSIVE" : "MAIN";
    v.proposal = p.proposalChosen;
    // With a certificate the gateway authenticates by RSA signature, otherwise with the pre-shared key.
    if (g.certificate.isEmpty()) {
        v.authMethod = g.xauth ? "XAuth pskey client" : "pre-shared key";
    } else {
        v.authMethod = g.xauth ? "XAuth RSASIG client" : "RSA signatures";
    }
    v.lifetime = g.lifetime;
    if (p.assignedAddress) {
        v.modeCfg = true;
        v.addr4 = QByteArray::fromStdString(p.assignedAddress->hostText());
        for (const SocketAddress& dns : g.dns) {
            v.dns4.append(QByteArray::fromStdString(dns.hostText()));
        }
        for (const Subnet& net : g.splitNetworks) {
            v.splitInclude.append(net.toString().toUtf8());
        }
    }
    v.dpd = g.dpd;
    v.dpdSupported = g.dpd && p.proposalChosen;
    v.dpdFails = p.dpdFails;
    v.natt = g.natTraversal && p.proposalChosen;
    return v;
}

Phase2View viewOf(const Phase2Handle& q, const SimState& state)
{
    Phase2View v;
    v.index = "0x" + QByteArray::number(q.messageId, 16).rightJustified(8, '0');
    const Phase1Handle* p = state.phase1(q.phase1);
    if (p != nullptr) {
        v.phase1Index = cookiePair(*p);
        v.effectiveGroup = DhGroup;
    }
    v.state = phase2StateName(q.status);
    v.selectorSource = cidr(q.src, q.sourcePrefix);
    v.selectorDestination = cidr(q.dst, q.destinationPrefix);
    if (q.status == Phase2Status::Established) {
        v.proposal = true;
        v.spiIn = maskedSpi(q.spiIn);
        v.spiOut = maskedSpi(q.spiOut);
        const bool esp = q.satype == Sadb::SaType::Esp;
        v.protocol = esp ? "ESP" : "AH";
        v.encmode = q.tunnel ? "Tunnel" : "Transport";
        if (esp) {
            v.encryption = QByteArrayLiteral("AES-CBC");
        }
        v.authentication = QByteArrayLiteral("hmac-sha1");
        v.lifetime = q.gateway->ipsecLifetime;
        v.ok = true;
    }
    return v;
}

QByteArray timestamp(std::int64_t seconds)
{
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return QByteArray(buf);
}

// status.c json_string(): quotes, backslashes and control characters escaped, other bytes verbatim.
void jsonString(QByteArray& out, const QByteArray& s)
{
    out.append('"');
    for (const char c : s) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out.append("\\u00").append(
                    QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0'));
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void jsonOptional(QByteArray& out, const std::optional<QByteArray>& s)
{
    if (s) {
        jsonString(out, *s);
    } else {
        out.append("null");
    }
}

void jsonStringArray(QByteArray& out, const QList<QByteArray>& items)
{
    out.append('[');
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out.append(',');
        }
        jsonString(out, items[i]);
    }
    out.append(']');
}

const char* boolean(bool value)
{
    return value ? "true" : "false";
}

const char* yesNo(bool value)
{
    return value ? "yes" : "no";
}

void renderJson(QByteArray& out, const Phase1View& v)
{
    out.append("{\"index\":");
    jsonString(out, v.index);
    out.append(",\"state\":");
    jsonString(out, v.state);
    out.append(",\"remote_id\":");
    jsonString(out, v.remoteId);
    out.append(",\"local_id\":");
    jsonString(out, v.localId);
    out.append(",\"version\":\"1.0\",\"exchange_mode\":");
    jsonString(out, v.exchangeMode);
    if (v.proposal) {
        out.append(",\"proposal\":{\"encryption_algorithm\":\"AES-CBC\",\"hash_algorithm\":\"SHA256\","
                   "\"authentication_method\":");
        jsonString(out, v.authMethod);
        out.append(",\"dh_group\":\"").append(QByteArray::number(DhGroup)).append("\",\"lifetime_time\":");
        out.append(QByteArray::number(v.lifetime)).append('}');
    }
    if (v.modeCfg) {
        out.append(",\"mode_cfg\":{\"addr4\":");
        jsonString(out, v.addr4);
        out.append(",\"dns4\":");
        jsonStringArray(out, v.dns4);
        out.append(",\"split_include\":");
        jsonStringArray(out, v.splitInclude);
        out.append('}');
    }
    if (v.dpd) {
        out.append(",\"dpd\":{\"supported\":")
            .append(boolean(v.dpdSupported))
            .append(",\"fails\":")
            .append(QByteArray::number(v.dpdFails))
            .append('}');
    }
    if (v.natt) {
        out.append(",\"natt\":{\"enabled\":true}");
    }
    out.append(",\"remote_config\":{\"anonymous\":false,\"passive\":false,\"generate_policy\":\"none\"}}");
}

void renderJson(QByteArray& out, const Phase2View& v)
{
    out.append("{\"index\":");
    jsonString(out, v.index);
    out.append(",\"phase1_index\":");
    jsonOptional(out, v.phase1Index);
    out.append(",\"state\":");
    jsonString(out, v.state);
    out.append(",\"spi_in\":");
    jsonOptional(out, v.spiIn);
    out.append(",\"spi_out\":");
    jsonOptional(out, v.spiOut);
    out.append(",\"protocol\":");
    jsonString(out, v.protocol);
    out.append(",\"encmode\":");
    jsonString(out, v.encmode);
    out.append(",\"selectors\":{\"src\":");
    jsonString(out, v.selectorSource);
    out.append(",\"dst\":");
    jsonString(out, v.selectorDestination);
    out.append(",\"protocol\":\"any\",\"src_port\":\"any\",\"dst_port\":\"any\"}");
    if (v.proposal) {
        out.append(",\"proposal\":{\"encryption_algorithm\":");
        jsonOptional(out, v.encryption);
        out.append(",\"authentication_algorithm\":");
        jsonOptional(out, v.authentication);
        out.append(",\"pfs_group\":null,\"effective_group\":")
            .append(QByteArray::number(v.effectiveGroup))
            .append(",\"lifetime_time\":")
            .append(QByteArray::number(v.lifetime))
            .append(",\"lifetime_bytes\":0}");
    }
    out.append(",\"reqid_in\":0,\"reqid_out\":0,\"ok\":").append(boolean(v.ok)).append('}');
}

void renderText(QByteArray& out, const Phase1View& v)
{
    out.append("Phase 1: ").append(v.index).append('\n');
    out.append("  state:          ").append(v.state).append('\n');
    out.append("  remote:         ").append(v.remoteId).append('\n');
    out.append("  local:          ").append(v.localId).append('\n');
    out.append("  version:        1.0  exchange_mode: ").append(v.exchangeMode).append('\n');
    if (v.proposal) {
        out.append("  encryption:     AES-CBC  hash: SHA256  auth: ")
            .append(v.authMethod)
            .append("  dh: ")
            .append(QByteArray::number(DhGroup))
            .append('\n');
        out.append("  lifetime:       ").append(QByteArray::number(v.lifetime)).append("s\n");
    }
    if (v.modeCfg) {
        out.append("  mode_cfg addr4: ").append(v.addr4).append('\n');
        if (!v.dns4.isEmpty()) {
            out.append("  mode_cfg dns4:  ").append(v.dns4.join(' ')).append('\n');
        }
        if (!v.splitInclude.isEmpty()) {
            out.append("  split_include:  ").append(v.splitInclude.join(' ')).append('\n');
        }
    }
    if (v.dpd) {
        out.append("  dpd:            supported=")
            .append(yesNo(v.dpdSupported))
            .append(" fails=")
            .append(QByteArray::number(v.dpdFails))
            .append('\n');
    }
    if (v.natt) {
        out.append("  natt:           enabled=yes\n");
    }
    out.append("  remote_config:  anonymous=no passive=no generate_policy=none\n");
}

void renderText(QByteArray& out, const Phase2View& v)
{
    out.append("Phase 2: ").append(v.index).append('\n');
    out.append("  phase1:         ").append(v.phase1Index.value_or("(unbound)")).append('\n');
    out.append("  state:          ")
        .append(v.state)
        .append("  protocol: ")
        .append(v.protocol)
        .append("  mode: ")
        .append(v.encmode)
        .append('\n');
    out.append("  spi:            in=")
        .append(v.spiIn.value_or("(pending)"))
        .append(" out=")
        .append(v.spiOut.value_or("(pending)"))
        .append('\n');
    out.append("  selector:       ")
        .append(v.selectorSource)
        .append(" -> ")
        .append(v.selectorDestination)
        .append("  proto=any sport=any dport=any\n");
    if (v.proposal) {
        out.append("  encryption:     ")
            .append(v.encryption.value_or("(none)"))
            .append("  auth: ")
            .append(v.authentication.value_or("(none)"))
            .append('\n');
        out.append("  pfs_group:      (none)\n");
        out.append("  effective_group: ").append(QByteArray::number(v.effectiveGroup)).append('\n');
        out.append("  lifetime:       ").append(QByteArray::number(v.lifetime)).append("s / 0 bytes\n");
    }
    out.append("  reqid:          in=0 out=0  ok=").append(yesNo(v.ok)).append('\n');
}

} // namespace

QByteArray StatusReport::render(const SimState& state, bool verbose, bool json)
{
    std::vector<Phase1View> phase1;
    for (const Phase1Handle* p : state.phase1Handles()) {
        phase1.push_back(viewOf(*p));
    }
    std::vector<Phase2View> phase2;
    if (verbose) {
        for (const Phase2Handle* q : state.phase2Handles()) {
            phase2.push_back(viewOf(*q, state));
        }
    }
    const QByteArray now = timestamp(state.clock().wallSeconds());
    QByteArray out;
    out.reserve(static_cast<qsizetype>(256 + phase1.size() * 700 + phase2.size() * 600));
    if (json) {
        out.append("{\"schema_version\":\"2.0\",\"timestamp\":");
        jsonString(out, now);
        out.append(",\"phase1\":[");
        for (std::size_t i = 0; i < phase1.size(); ++i) {
            if (i > 0) {
                out.append(',');
            }
            renderJson(out, phase1[i]);
        }
        out.append(']');
        if (verbose) {
            out.append(",\"phase2\":[");
            for (std::size_t i = 0; i < phase2.size(); ++i) {
                if (i > 0) {
                    out.append(',');
                }
                renderJson(out, phase2[i]);
            }
            out.append(']');
        }
        out.append('}');
        return out;
    }
    out.append("racoon status at ").append(now).append("\n\n");
    if (phase1.empty()) {
        out.append("(no phase 1 SAs)\n");
    }
    for (const Phase1View& v : phase1) {
        renderText(out, v);
        out.append('\n');
    }
    if (verbose) {
        if (phase2.empty()) {
            out.append("(no phase 2 SAs)\n");
        }
        for (const Phase2View& v : phase2) {
            renderText(out, v);
            out.append('\n');
        }
    }
    return out;
}

} // namespace qracoon::sim
