// Runs a parsed racoonctl invocation: builds each request, talks to racoon, prints the answers.
#pragma once

#include "CommandLine.h"
#include "OutputSink.h"
#include "PasswordPrompt.h"
#include "core/client/AdminError.h"
#include "core/wire/AdminFrame.h"

#include <ctime>
#include <functional>
#include <string>

namespace qracoon::cli {

class CommandRunner
{
public:
    CommandRunner(OutputSink& out, OutputSink& err, PasswordPrompt& prompt, QString programName);

    // Overrides the admin socket search (tests); by default AdminSocketLocator's list.
    void setDefaultSocketPaths(const QStringList& paths) { m_defaultPaths = paths; }
    // How long to wait for racoon's reply (0: for ever).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // The clock the SADB printer's "current:" uses.
    void setClock(std::function<std::time_t()> clock) { m_clock = std::move(clock); }

    // Returns the exit status.
    int run(const Invocation& invocation);

private:
    enum class Outcome
    {
        Continue, // keep reading frames
        Success,
        Failure,
    };

    int runOne(const Invocation& invocation, const PlannedRequest& planned, const QString& socketPath);
    Outcome handleFrame(const PlannedRequest& planned, const AdminFrame& frame, int verbosity);
    Outcome handleEvent(const PlannedRequest& planned, const AdminFrame& frame);
    void message(const QString& text);
    void flushOut();

    OutputSink& m_out;
    OutputSink& m_err;
    PasswordPrompt& m_prompt;
    QString m_programName;
    QStringList m_defaultPaths;
    int m_timeoutMs = 60000;
    std::function<std::time_t()> m_clock;
    std::string m_buffer;
};

} // namespace qracoon::cli
