// racoonctl: control racoon through its admin socket, compatible with ipsec-tools' racoonctl.
#include "CommandLine.h"
#include "CommandRunner.h"
#include "OutputSink.h"
#include "PasswordPrompt.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <unistd.h>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // Diagnostics name the program as invoked, like err(3).
    const QString program = QFileInfo(QString::fromLocal8Bit(argc > 0 ? argv[0] : "racoonctl")).fileName();
    QStringList arguments;
    for (int i = 1; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }

    qracoon::cli::FdOutputSink out(STDOUT_FILENO);
    qracoon::cli::FdOutputSink err(STDERR_FILENO);
    const qracoon::cli::ParseOutcome parsed = qracoon::cli::parseCommandLine(arguments, program);
    out.write(std::string_view(parsed.stdoutText.constData(), std::size_t(parsed.stdoutText.size())));
    err.write(std::string_view(parsed.stderrText.constData(), std::size_t(parsed.stderrText.size())));
    if (!parsed.invocation || parsed.invocation->action != qracoon::cli::Invocation::Action::Run) {
        return parsed.exitCode;
    }
    qracoon::cli::TerminalPasswordPrompt prompt;
    qracoon::cli::CommandRunner runner(out, err, prompt, program);
    return runner.run(*parsed.invocation);
}
