// Asks for the Xauth password: a seam so tests and the applet never wait on a terminal.
#pragma once

#include "core/wire/SecureBytes.h"

#include <QByteArray>

namespace qracoon::cli {

class PasswordPrompt
{
public:
    virtual ~PasswordPrompt() = default;
    // The password for `identity`, without its line end. Fails only when it cannot ask at all.
    virtual bool ask(const QByteArray& identity, SecureBytes& password) = 0;
};

// On a terminal: prompts there with echo off. Otherwise reads one line from standard input (an empty
// password at end of input), so scripts can pipe it in; the prompt then goes to standard error, as
// getpass() does.
class TerminalPasswordPrompt : public PasswordPrompt
{
public:
    bool ask(const QByteArray& identity, SecureBytes& password) override;
};

} // namespace qracoon::cli
