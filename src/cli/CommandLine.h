// racoonctl's command line: argv in, the admin requests to send (and how to wait after each) out.
// Implements ADMIN-PROTOCOL.md §9 and §11, with the manual's promises and corrections of §12.
#pragma once

#include "core/wire/AdminRequest.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

namespace qracoon::cli {

// Which pushed event ends a command that stays subscribed (ADMIN-PROTOCOL.md §8.4).
enum class WaitFor
{
    Nothing,    // exit after the first reply
    ModeCfg,    // vpn-connect, establish-sa -w isakmp: PHASE1_MODE_CFG
    Phase2Up,   // establish-sa -w esp|ah: PHASE2_UP
    Phase1Down, // vpn-disconnect: PHASE1_DOWN
    Forever,    // show-event: every event until EOF
};

struct PlannedRequest
{
    std::uint16_t command = 0;          // AdminCommand::*; EstablishSaPsk whenever `identity` is set
    std::uint16_t proto = 0;            // AdminProto::* or StatusFormat::*
    std::optional<SaSelector> selector; // for the indexes-carrying commands
    QByteArray remoteName;              // establish-sa -n: set only for ISAKMP without -u (§12.2 item 7)
    QByteArray identity;                // -u: the runner reads a password and sends ESTABLISH_SA_PSK
    QByteArray login;                   // logout-user, 1..MaxLoginLength bytes
    WaitFor wait = WaitFor::Nothing;
    // Set when one command became several requests (show-sa/flush-sa without a class): "ISAKMP SAs" or
    // "IPsec SAs", to say which half failed. Empty otherwise.
    QString what;
};

struct Invocation
{
    enum class Action
    {
        Run,
        Help,   // stdoutText holds the usage text, exit 0
        Version // stdoutText holds the version line, exit 0
    } action = Action::Run;
    bool debug = false;                   // -d
    int verbosity = 0;                    // number of -l
    QString socketPath;                   // -s; empty = AdminSocketLocator::locate()
    std::vector<PlannedRequest> requests; // run in order, one connection each
};

struct ParseOutcome
{
    std::optional<Invocation> invocation; // absent = do not run, exit with exitCode
    QByteArray stdoutText;                // print on stdout first (e.g. "Invalid command [frobnicate]\n")
    QByteArray stderrText;                // messages and warnings, each "<program>: ...\n"
    int exitCode = 0;                     // meaningful when invocation is absent or action is not Run
};

// `arguments` are argv[1..]; `programName` is argv[0] (its base name prefixes every message).
// Host and service names in addresses are resolved here, and vpn-connect asks the kernel for its
// source address, so parsing may block on DNS.
ParseOutcome parseCommandLine(const QStringList& arguments, const QString& programName);

} // namespace qracoon::cli
