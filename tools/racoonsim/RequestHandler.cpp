#include "RequestHandler.h"

#include "EventHub.h"
#include "SimLog.h"
#include "SimState.h"
#include "StatusReport.h"
#include "core/wire/AdminFrame.h"
#include "core/wire/AdminRequest.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstring>
#include <optional>

namespace qracoon::sim {

namespace {

constexpr std::size_t HeaderSize = sizeof(wire::AdminHeader);
constexpr std::size_t IndexesSize = sizeof(wire::AdminIndexes);
constexpr int LoginBufferLength = 31; // racoon's LOGINLEN: longer payloads (NUL included) are ignored

QString tr(const char* text)
{
    return QCoreApplication::translate("RequestHandler", text);
}

QString commandName(std::uint16_t command)
{
    const char* name = adminCommandName(command);
    return name != nullptr ? QString::fromLatin1(name)
                           : QStringLiteral("0x%1").arg(command, 4, 16, QLatin1Char('0'));
}

// The PF_KEY satype racoon dumps or flushes for an admin proto; nullopt for anything else.
std::optional<std::uint8_t> satypeOf(std::uint16_t proto)
{
    switch (proto) {
    case AdminProto::Ipsec:
        return Sadb::SaType::Unspec;
    case AdminProto::Ah:
        return Sadb::SaType::Ah;
    case AdminProto::Esp:
        return Sadb::SaType::Esp;
    default:
        return std::nullopt;
    }
}

// Bytes up to the first NUL, or to the end.
QByteArray cString(const char* data, std::size_t size)
{
    const void* nul = std::memchr(data, '\0', size);
    return QByteArray(data, static_cast<qsizetype>(nul != nullptr ? static_cast<const char*>(nul) - data
                                                                  : static_cast<std::ptrdiff_t>(size)));
}

} // namespace

RequestOutcome RequestHandler::handle(const QByteArray& frame)
{
    ++m_handled;
    RequestOutcome out;
    wire::AdminHeader header{};
    const auto decoded = AdminRequest::decode(frame.constData(), static_cast<std::size_t>(frame.size()));
    if (!decoded || !wire::readStruct(frame.constData(), static_cast<std::size_t>(frame.size()), 0, header)) {
        qCWarning(lcSim).noquote() << tr("dropping a malformed request: %1").arg(decoded.error());
        return out;
    }
    // racoon treats a request without the version flag as version 0; only version >= 1 subscribes.
    const int version = (header.cmd & AdminFlagVersion) != 0 ? header.third : 0;
    const std::uint16_t command = decoded->command();
    const std::uint16_t proto = decoded->proto();
    const char* payload = frame.constData() + HeaderSize;
    const std::size_t payloadSize = static_cast<std::size_t>(frame.size()) - HeaderSize;
    const auto selector = decodeIndexes(payload, payloadSize);
    qCInfo(lcSim).noquote() << tr("request %1 proto 0x%2 (%3 bytes%4)")
                                   .arg(commandName(command))
                                   .arg(proto, 4, 16, QLatin1Char('0'))
                                   .arg(frame.size())
                                   .arg(version == 0 ? tr(", unversioned") : QString());

    int error = 0;
    QByteArray reply;
    const auto needIndexes = [&]() {
        if (!selector) {
            qCWarning(lcSim).noquote() << tr("%1: %2").arg(commandName(command), selector.error());
            error = EINVAL;
            return false;
        }
        return true;
    };

    switch (command) {
    case AdminCommand::ReloadConf:
        out.afterReply = m_reload;
        break;

    case AdminCommand::ShowSched: {
        const auto entries = m_state.schedule().dump();
        if (entries.empty()) {
            error = ENOMEM; // racoon's sched_dump() fails on an empty scheduler
        } else {
            reply = ReplyEncoder::scheduleDump(entries);
        }
        break;
    }

    case AdminCommand::ShowEvt:
        if (version == 0) {
            reply = m_events.pollLegacyEvent();
        } else {
            out.subscription = RequestOutcome::Subscription::Global;
            out.floodEvents = m_floodEvents;
        }
        break;

    case AdminCommand::ShowSa:
        if (proto == AdminProto::Isakmp) {
            reply = ReplyEncoder::phase1Dump(m_state.phase1Dump());
        } else if (const auto satype = satypeOf(proto)) {
            reply = m_state.sadbDump(*satype);
        } else {
            error = ENOTSUP;
        }
        break;

    case AdminCommand::FlushSa:
        if (proto == AdminProto::Isakmp) {
            m_state.flushPhase1();
        } else if (const auto satype = satypeOf(proto)) {
            m_state.flushSadb(*satype);
        } else {
            error = ENOTSUP;
        }
        break;

    case AdminCommand::Status:
    case AdminCommand::StatusVerbose:
        reply = StatusReport::render(m_state, command == AdminCommand::StatusVerbose,
                                     proto == StatusFormat::Json);
        break;

    case AdminCommand::DeleteSa:
        if (needIndexes()) {
            m_state.deletePhase1(*selector);
        }
        break;

    case AdminCommand::LogoutUser:
        if (payloadSize <= static_cast<std::size_t>(LoginBufferLength)) {
            m_state.logoutUser(cString(payload, payloadSize));
        } else {
            qCWarning(lcSim).noquote() << tr("malformed message (login too long)");
        }
        break;

    case AdminCommand::DeleteAllSaDst: {
        if (!needIndexes()) {
            break;
        }
        // Replied to first; the connection then listens globally while the phase 1 SAs go down.
        const SocketAddress destination = selector->dst;
        if (m_state.hasPhase1To(destination)) {
            out.subscription = RequestOutcome::Subscription::Global;
            out.afterSubscribing = [this, destination] { m_state.purgeAllTo(destination); };
        }
        out.reply = AdminFrame::encodeReply(command, proto, 0);
        return out;
    }

    case AdminCommand::GetSaCert:
        if (proto != AdminProto::Isakmp) {
            error = ENOTSUP;
        } else if (needIndexes()) {
            error = m_state.certificate(*selector, reply).error;
        }
        break;

    case AdminCommand::EstablishSaPsk:
    case AdminCommand::EstablishSa: {
        if (!needIndexes()) {
            break;
        }
        std::optional<Credentials> credentials;
        if (command == AdminCommand::EstablishSaPsk) {
            wire::AdminPsk psk{};
            const std::size_t at = IndexesSize + sizeof psk;
            if (!wire::readStruct(payload, payloadSize, IndexesSize, psk) || psk.idLen > payloadSize ||
                psk.keyLen > payloadSize || at + psk.idLen + psk.keyLen > payloadSize) {
                qCWarning(lcSim).noquote()
                    << tr("establish-sa-psk: identity and key lengths exceed the request");
                error = EINVAL;
                break;
            }
            credentials =
                Credentials{cString(payload + at, psk.idLen), cString(payload + at + psk.idLen, psk.keyLen)};
        }
        if (proto == AdminProto::Isakmp) {
            QByteArray name;
            if (command == AdminCommand::EstablishSa && payloadSize > IndexesSize) {
                name = cString(payload + IndexesSize, payloadSize - IndexesSize);
            }
            const auto result = m_state.establishPhase1(*selector, name, credentials);
            error = result.error;
            out.subscription = RequestOutcome::Subscription::Phase1;
            out.handle = result.handle;
        } else if (proto == AdminProto::Ah || proto == AdminProto::Esp) {
            const auto result = m_state.establishPhase2(proto, *selector);
            error = result.error;
            out.subscription = RequestOutcome::Subscription::Phase2;
            out.handle = result.handle;
        } else {
            error = ENOTSUP;
        }
        if (credentials) {
            secureWipe(credentials->password.data(), static_cast<std::size_t>(credentials->password.size()));
        }
        break;
    }

    default:
        qCWarning(lcSim).noquote() << tr("invalid command: %1").arg(command);
        error = ENOTSUP;
        break;
    }

    if (error != 0 || version == 0 ||
        (out.subscription != RequestOutcome::Subscription::Global && out.handle == 0)) {
        out.subscription = RequestOutcome::Subscription::None;
        out.handle = 0;
        out.floodEvents = 0;
    }
    out.reply = AdminFrame::encodeReply(command, proto, error, reply);
    return out;
}

} // namespace qracoon::sim
