#include "EventText.h"

#include "NumberText.h"

#include <QCoreApplication>
#include <array>
#include <optional>
#include <string_view>

namespace qracoon {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("qracoon", text);
}

std::uint16_t be16(const char* p)
{
    return static_cast<std::uint16_t>((std::uint8_t(p[0]) << 8) | std::uint8_t(p[1]));
}

} // namespace

const char* eventCodeText(std::uint32_t code)
{
    switch (code) {
    case EventCode::RacoonQuit:
        return "Racoon terminated";
    case EventCode::Phase1Up:
        return "Phase 1 established";
    case EventCode::Phase1Down:
        return "Phase 1 deleted";
    case EventCode::Phase1NoResponse:
        return "Phase 1 error: peer not responding";
    case EventCode::Phase1NoProposal:
        return "Phase 1 error: no proposal chosen";
    case EventCode::Phase1AuthFailed:
        return "Phase 1 error: authentication failed (bad certificate?)";
    case EventCode::Phase1DpdTimeout:
        return "Phase 1 error: dead peer detected";
    case EventCode::Phase1ModeCfg:
        return "Phase 1 mode configuration done";
    case EventCode::Phase1XauthSuccess:
        return "Phase 1 Xauth succeeded";
    case EventCode::Phase1XauthFailed:
        return "Phase 1 Xauth failed";
    case EventCode::Phase2NoPhase1:
        return "Phase 2 error: no suitable phase 1";
    case EventCode::Phase2Up:
        return "Phase 2 established";
    case EventCode::Phase2Down:
        return "Phase 2 deleted";
    case EventCode::Phase2NoResponse:
        return "Phase 2 error: no response";
    default:
        // Includes PHASE1_PEER_DELETED, which the reference has no text for (pinned by a vector).
        return nullptr;
    }
}

void appendEventEndpoint(std::string& out, const SocketAddress& address)
{
    if (address.isNull()) {
        text::appendLiteral(out, "anonymous");
    } else if (address.isIp()) {
        address.appendHost(out);
        out.push_back('[');
        text::appendUnsigned(out, address.port());
        out.push_back(']');
    } else {
        text::appendLiteral(out, "(invalid)[(inv)]");
    }
}

void appendEventLine(std::string& out, const RacoonEvent& event)
{
    if (const char* known = eventCodeText(event.code)) {
        out += known;
        text::appendLiteral(out, " : ");
    } else {
        text::appendLiteral(out, "Event ");
        text::appendSigned(out, static_cast<std::int32_t>(event.code));
        text::appendLiteral(out, ": ");
    }
    appendEventEndpoint(out, event.ph1src);
    text::appendLiteral(out, " -> ");
    appendEventEndpoint(out, event.ph1dst);
    out.push_back('\n');
}

void appendModeCfgSummary(std::string& out, const RacoonEvent& event, const PrintOptions& options)
{
    if (event.code != EventCode::Phase1ModeCfg) {
        return;
    }
    const char* data = event.attributes.constData();
    std::size_t left = static_cast<std::size_t>(event.attributes.size());
    std::optional<std::array<std::uint8_t, 4>> address;
    std::optional<std::string_view> banner;
    while (left > 0) {
        if (left < 4) {
            text::appendLiteral(out, "short attribute too short\n");
            break;
        }
        const std::uint16_t type = be16(data);
        const std::uint16_t length = be16(data + 2);
        if ((type & 0x8000) != 0) {
            data += 4;
            left -= 4;
            continue;
        }
        if (left - 4 < length) {
            text::appendLiteral(out, "long attribute too long\n");
            break;
        }
        if (type == ModeCfgAttr::InternalIp4Address) {
            if (length < 4) {
                text::appendLiteral(out, "addr4 attribute too short\n");
            } else {
                address = std::array<std::uint8_t, 4>{std::uint8_t(data[4]), std::uint8_t(data[5]),
                                                      std::uint8_t(data[6]), std::uint8_t(data[7])};
            }
        } else if (type == ModeCfgAttr::UnityBanner) {
            const std::string_view value(data + 4, length);
            banner = value.substr(0, value.find('\0'));
        }
        data += 4 + std::size_t(length);
        left -= 4 + std::size_t(length);
    }
    if (address) {
        text::appendLiteral(out, "Bound to address ");
        SocketAddress::ipv4(*address).appendHost(out);
        out.push_back('\n');
    } else {
        text::appendLiteral(out, "VPN connexion established\n");
    }
    if (banner) {
        const std::size_t ruler = options.stdoutIsTty && options.terminalWidth > 0
                                      ? static_cast<std::size_t>(options.terminalWidth)
                                      : 0;
        out.append(ruler, '=');
        out.push_back('\n');
        out += *banner;
        out.push_back('\n');
        out.append(ruler, '=');
        out.push_back('\n');
    }
}

QString eventDescription(const RacoonEvent& event)
{
    switch (event.code) {
    case EventCode::RacoonQuit:
        return tr("racoon terminated");
    case EventCode::Phase1Up:
        return tr("Phase 1 established: the IKE SA with the gateway is up");
    case EventCode::Phase1Down:
        return tr("Phase 1 deleted: the IKE SA with the gateway is gone");
    case EventCode::Phase1NoResponse:
        return tr("Phase 1 failed: the gateway does not respond");
    case EventCode::Phase1NoProposal:
        return tr("Phase 1 failed: the gateway accepted none of the proposed algorithms");
    case EventCode::Phase1AuthFailed:
        return tr("Phase 1 failed: authentication failed (bad certificate or pre-shared key?)");
    case EventCode::Phase1DpdTimeout:
        return tr("dead peer detected: the gateway stopped answering");
    case EventCode::Phase1PeerDeleted:
        return tr("the gateway deleted the IKE SA");
    case EventCode::Phase1ModeCfg:
        if (event.modeCfg && event.modeCfg->ip4Address) {
            return tr("mode configuration done: bound to address %1")
                .arg(event.modeCfg->ip4Address->toString());
        }
        return tr("mode configuration done");
    case EventCode::Phase1XauthSuccess:
        return tr("Xauth succeeded: the gateway accepted the user name and password");
    case EventCode::Phase1XauthFailed:
        return tr("Xauth failed: the gateway rejected the user name or password");
    case EventCode::Phase2NoPhase1:
        return tr("Phase 2 failed: no suitable phase 1 SA");
    case EventCode::Phase2Up:
        return tr("Phase 2 established: the IPsec SAs are up");
    case EventCode::Phase2Down:
        return tr("Phase 2 deleted: the IPsec SAs are gone");
    case EventCode::Phase2NoResponse:
        return tr("Phase 2 failed: the gateway does not respond");
    default:
        return tr("unknown event %1").arg(event.code);
    }
}

} // namespace qracoon
