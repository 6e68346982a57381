// How the printers render replies: the `-l` count and what they need to know about the terminal.
#pragma once

#include <cstddef>
#include <ctime>
#include <functional>
#include <string>

namespace qracoon {

// Lets a long dump leave the printer in pieces, so that racoonctl never holds the text of 200,000 SAs
// at once: at record boundaries, once the text has reached `threshold` bytes, `flush` is called with it
// and must write it out and clear it.
struct TextDrain
{
    std::function<void(std::string&)> flush;
    std::size_t threshold = 64 * 1024;

    bool isSet() const { return bool(flush); }
    void atRecordBoundary(std::string& out) const
    {
        if (flush && out.size() >= threshold) {
            flush(out);
        }
    }
};

struct PrintOptions
{
    int verbosity = 0;        // number of -l options
    bool stdoutIsTty = false; // the mode-config banner rulers are terminal-wide only on a tty
    int terminalWidth = 80;   // columns, when stdoutIsTty
    std::time_t now = 0;      // the client's current time, shown by the SADB printer
    TextDrain drain;          // unset: the whole text stays in the caller's string
};

} // namespace qracoon
