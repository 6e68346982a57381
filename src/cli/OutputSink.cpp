#include "OutputSink.h"

#include <cerrno>
#include <sys/ioctl.h>
#include <unistd.h>

namespace qracoon::cli {

void FdOutputSink::write(std::string_view bytes)
{
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, left);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return; // the reader went away; nothing useful to do with the rest
        }
        p += n;
        left -= std::size_t(n);
    }
}

bool FdOutputSink::isTerminal() const
{
    return ::isatty(m_fd) != 0;
}

int FdOutputSink::terminalWidth() const
{
    winsize size{};
    if (::ioctl(m_fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 80;
}

} // namespace qracoon::cli
