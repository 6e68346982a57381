#include "CommandRunner.h"

#include "core/client/AdminClient.h"
#include "core/client/AdminSocketLocator.h"
#include "core/decode/EventDecoder.h"
#include "core/format/EventText.h"
#include "core/format/HexDump.h"
#include "core/format/ReplyPrinter.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstring>

namespace qracoon::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("racoonctl", text);
}

QString commandName(std::uint16_t command)
{
    const char* name = adminCommandName(command);
    return name != nullptr ? QString::fromLatin1(name)
                           : QStringLiteral("0x%1").arg(command, 4, 16, QLatin1Char('0'));
}

// What racoon means by each errno it answers with (ADMIN-PROTOCOL.md §3).
QString daemonErrorText(std::uint16_t command, int code)
{
    if (code == -1) {
        return tr(
            "racoon could not do it (no matching remote configuration, or the negotiation could not start)");
    }
    if (code == ENOMEM && command == AdminCommand::ShowSched) {
        return tr("nothing is scheduled (racoon answers an empty schedule with ENOMEM)");
    }
    if (code == ENOENT && command == AdminCommand::GetSaCert) {
        return tr("no phase 1 SA matches these addresses");
    }
    if (code == ENOENT && (command == AdminCommand::EstablishSa || command == AdminCommand::EstablishSaPsk)) {
        return tr("no matching security policy or remote configuration");
    }
    if (code == EOPNOTSUPP) {
        return tr("racoon does not support this request");
    }
    return QString::fromLocal8Bit(std::strerror(code));
}

bool isPhase1Failure(std::uint32_t code)
{
    switch (code) {
    case EventCode::Phase1NoResponse:
    case EventCode::Phase1NoProposal:
    case EventCode::Phase1AuthFailed:
    case EventCode::Phase1DpdTimeout:
    case EventCode::Phase1PeerDeleted:
    case EventCode::Phase1XauthFailed:
    case EventCode::Phase1Down:
        return true;
    default:
        return false;
    }
}

bool isPhase2Failure(std::uint32_t code)
{
    return code == EventCode::Phase2NoPhase1 || code == EventCode::Phase2NoResponse ||
           code == EventCode::Phase2Down || isPhase1Failure(code);
}

} // namespace

CommandRunner::CommandRunner(OutputSink& out, OutputSink& err, PasswordPrompt& prompt, QString programName)
    : m_out(out), m_err(err), m_prompt(prompt), m_programName(std::move(programName)),
      m_defaultPaths(AdminSocketLocator::defaultPaths()), m_clock([] { return std::time(nullptr); })
{}

void CommandRunner::message(const QString& text)
{
    flushOut();
    const QByteArray line = (m_programName + QStringLiteral(": ") + text + QLatin1Char('\n')).toLocal8Bit();
    m_err.write(std::string_view(line.constData(), std::size_t(line.size())));
}

void CommandRunner::flushOut()
{
    if (!m_buffer.empty()) {
        m_out.write(m_buffer);
        m_buffer.clear();
    }
}

int CommandRunner::run(const Invocation& invocation)
{
    const QString socketPath = invocation.socketPath.isEmpty()
                                   ? AdminSocketLocator::locateAmong(m_defaultPaths)
                                   : invocation.socketPath;
    int status = 0;
    for (const PlannedRequest& planned : invocation.requests) {
        const int one = runOne(invocation, planned, socketPath);
        if (one != 0) {
            if (invocation.requests.size() > 1 && !planned.what.isEmpty()) {
                message(tr("%1: the request for %2 failed").arg(commandName(planned.command), planned.what));
            }
            status = one;
        }
    }
    flushOut();
    return status;
}

int CommandRunner::runOne(const Invocation& invocation, const PlannedRequest& planned,
                          const QString& socketPath)
{
    Result<AdminRequest> request = AdminRequest::simple(planned.command, planned.proto);
    if (!planned.identity.isEmpty()) {
        SecureBytes password;
        if (!m_prompt.ask(planned.identity, password)) {
            message(tr("cannot read the password"));
            return 1;
        }
        request = AdminRequest::establishWithCredentials(
            planned.proto, planned.selector.value_or(SaSelector{}), planned.identity, password.view());
    } else if (planned.command == AdminCommand::EstablishSa) {
        request = AdminRequest::establish(planned.proto, planned.selector.value_or(SaSelector{}),
                                          planned.remoteName);
    } else if (planned.command == AdminCommand::LogoutUser) {
        request = AdminRequest::logoutUser(planned.login);
    } else if (planned.selector) {
        request = AdminRequest::withIndexes(planned.command, planned.proto, *planned.selector);
    }
    if (!request) {
        message(request.error());
        return 1;
    }
    if (invocation.debug) {
        appendRequestHexDump(m_buffer, *request);
        flushOut();
    }

    QCoreApplication::processEvents(); // nothing pending; keeps the loop state clean between requests
    AdminClient client(socketPath);
    client.setTimeout(m_timeoutMs);
    const AdminCall::Mode mode =
        planned.wait == WaitFor::Nothing ? AdminCall::Mode::SingleReply : AdminCall::Mode::Stream;
    AdminCall* call = client.send(std::move(request).value(), mode);

    Outcome outcome = Outcome::Continue;
    QObject::connect(call, &AdminCall::frameReceived, call, [&](const AdminFrame& frame) {
        outcome = handleFrame(planned, frame, invocation.verbosity);
        flushOut();
        if (outcome != Outcome::Continue) {
            call->cancel();
        }
    });
    call->waitForFinished();
    flushOut();
    if (outcome == Outcome::Success) {
        return 0;
    }
    if (outcome == Outcome::Failure) {
        return 1;
    }
    if (call->error().isError()) {
        QString text = call->error().message;
        if (invocation.socketPath.isEmpty() && call->error().kind == AdminError::Kind::SocketMissing) {
            text += tr("; none of the default sockets exists (%1): give racoon's socket with -s")
                        .arg(m_defaultPaths.join(QLatin1String(", ")));
        }
        message(text);
        return 1;
    }
    return 0;
}

CommandRunner::Outcome CommandRunner::handleFrame(const PlannedRequest& planned, const AdminFrame& frame,
                                                  int verbosity)
{
    if (frame.isError()) {
        // The reference treats EEXIST ("already established") as success, silently.
        if (frame.errorCode() == EEXIST) {
            return Outcome::Success;
        }
        message(tr("%1: %2").arg(commandName(frame.command()),
                                 daemonErrorText(frame.command(), frame.errorCode())));
        return Outcome::Failure;
    }
    if (planned.wait == WaitFor::Nothing || planned.wait == WaitFor::Forever) {
        PrintOptions options;
        options.verbosity = verbosity;
        options.stdoutIsTty = m_out.isTerminal();
        options.terminalWidth = m_out.terminalWidth();
        options.now = m_clock();
        // A dump of 200,000 SAs is over 100 MB of text: it goes out as it is printed.
        options.drain.flush = [this](std::string& text) {
            m_out.write(text);
            text.clear();
        };
        if (!ReplyPrinter::print(m_buffer, frame, options)) {
            message(tr("Short buffer: racoon sent an event frame of %1 bytes, shorter than an event")
                        .arg(frame.bytes().size()));
            return Outcome::Failure;
        }
        return planned.wait == WaitFor::Nothing ? Outcome::Success : Outcome::Continue;
    }
    // A waiting command: the acknowledgement is not printed, the events decide.
    if (frame.command() != AdminCommand::ShowEvt || frame.bytes().size() == sizeof(wire::AdminHeader)) {
        return Outcome::Continue;
    }
    return handleEvent(planned, frame);
}

CommandRunner::Outcome CommandRunner::handleEvent(const PlannedRequest& planned, const AdminFrame& frame)
{
    const Result<RacoonEvent> event = decodeEvent(frame);
    if (!event) {
        message(tr("Short buffer: %1").arg(event.error()));
        return Outcome::Failure;
    }
    const std::uint32_t code = event->code;
    switch (planned.wait) {
    case WaitFor::ModeCfg:
        if (code == EventCode::Phase1ModeCfg) {
            PrintOptions options;
            options.stdoutIsTty = m_out.isTerminal();
            options.terminalWidth = m_out.terminalWidth();
            appendModeCfgSummary(m_buffer, *event, options);
            return Outcome::Success;
        }
        if (isPhase1Failure(code)) {
            message(eventDescription(*event));
            return Outcome::Failure;
        }
        return Outcome::Continue;
    case WaitFor::Phase2Up:
        if (code == EventCode::Phase2Up) {
            appendEventLine(m_buffer, *event);
            return Outcome::Success;
        }
        if (isPhase2Failure(code)) {
            message(eventDescription(*event));
            return Outcome::Failure;
        }
        return Outcome::Continue;
    case WaitFor::Phase1Down:
        if (code == EventCode::Phase1Down) {
            appendEventLine(m_buffer, *event);
            return Outcome::Success;
        }
        return Outcome::Continue;
    case WaitFor::Nothing:
    case WaitFor::Forever:
        break;
    }
    return Outcome::Continue;
}

} // namespace qracoon::cli
