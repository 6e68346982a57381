#include "PasswordPrompt.h"

#include <cerrno>
#include <termios.h>
#include <unistd.h>

namespace qracoon::cli {

namespace {

void writeAll(int fd, const char* text, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, text, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        text += n;
        size -= std::size_t(n);
    }
}

// Reads up to a newline byte by byte, so that nothing after the password is consumed or buffered
// outside `out`.
bool readLine(int fd, SecureBytes& out)
{
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return false;
        }
        if (n == 0 || c == '\n') {
            break;
        }
        out.append(&c, 1);
    }
    if (!out.empty() && out.data()[out.size() - 1] == '\r') {
        out.resize(out.size() - 1);
    }
    c = 0;
    return true;
}

} // namespace

bool TerminalPasswordPrompt::ask(const QByteArray& identity, SecureBytes& password)
{
    Q_UNUSED(identity);
    static const char prompt[] = "Password: ";
    password.wipe();
    if (::isatty(STDIN_FILENO) == 0) {
        writeAll(STDERR_FILENO, prompt, sizeof prompt - 1);
        return readLine(STDIN_FILENO, password);
    }
    termios saved{};
    const bool haveTermios = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTermios) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        silent.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    writeAll(STDERR_FILENO, prompt, sizeof prompt - 1);
    const bool ok = readLine(STDIN_FILENO, password);
    if (haveTermios) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    }
    return ok;
}

} // namespace qracoon::cli
