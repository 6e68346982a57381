// Turns SIGHUP, SIGINT and SIGTERM into a Qt signal delivered by the event loop (through a self-pipe, the
// only thing a signal handler may safely touch).
#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <memory>

namespace qracoon::sim {

class UnixSignalNotifier : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalNotifier(QObject* parent = nullptr);
    ~UnixSignalNotifier() override;

    // Installs the handlers; false (with errno set) when the pipe or a handler cannot be set up.
    bool install(std::initializer_list<int> signalNumbers);

Q_SIGNALS:
    void received(int signalNumber);

private:
    void drain();

    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace qracoon::sim
