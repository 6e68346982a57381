// How the printers render replies: the `-l` count and what they need to know about the terminal.
#pragma once

#include <ctime>

namespace qracoon {

struct PrintOptions
{
    int verbosity = 0;        // number of -l options
    bool stdoutIsTty = false; // the mode-config banner rulers are terminal-wide only on a tty
    int terminalWidth = 80;   // columns, when stdoutIsTty
    std::time_t now = 0;      // the client's current time, shown by the SADB printer
};

} // namespace qracoon
