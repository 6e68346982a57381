#include "UnixSignalNotifier.h"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace qracoon::sim {

namespace {

int g_pipe[2] = {-1, -1};

void onSignal(int signalNumber)
{
    const auto byte = static_cast<unsigned char>(signalNumber);
    const int saved = errno;
    (void)!write(g_pipe[1], &byte, 1);
    errno = saved;
}

} // namespace

UnixSignalNotifier::UnixSignalNotifier(QObject* parent) : QObject(parent) {}

UnixSignalNotifier::~UnixSignalNotifier() = default;

bool UnixSignalNotifier::install(std::initializer_list<int> signalNumbers)
{
    if (g_pipe[0] < 0 && pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        return false;
    }
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : signalNumbers) {
        if (sigaction(number, &action, nullptr) != 0) {
            return false;
        }
    }
    m_notifier = std::make_unique<QSocketNotifier>(g_pipe[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &UnixSignalNotifier::drain);
    return true;
}

void UnixSignalNotifier::drain()
{
    unsigned char byte = 0;
    while (read(g_pipe[0], &byte, 1) == 1) {
        Q_EMIT received(byte);
    }
}

} // namespace qracoon::sim
