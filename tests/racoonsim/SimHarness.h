// racoonsim assembled inside the test process: the real server, state and event hub on a temporary
// socket, driven by a ManualClock so a test decides when the simulated peer answers.
#pragma once

#include "AdminServer.h"
#include "EventHub.h"
#include "FaultInjector.h"
#include "ManualClock.h"
#include "RequestHandler.h"
#include "SimState.h"
#include "TestConnection.h"

#include <QTemporaryDir>
#include <memory>

namespace qracoon::sim {

class SimHarness
{
public:
    // The demo configuration shipped with racoonsim.
    SimHarness();
    // A configuration given as text; relative certificate paths resolve against racoonsim's directory.
    explicit SimHarness(const QByteArray& configText);

    bool isListening() const { return m_listening; }
    QString socketPath() const { return m_directory.filePath(QStringLiteral("racoon.sock")); }
    std::unique_ptr<TestConnection> connect();
    // Connects, sends one request and waits until the daemon has handled it (or hung up).
    std::unique_ptr<TestConnection> request(const QByteArray& frame);
    // Moves the clock, runs what fell due, and lets the sockets carry the result.
    void advance(std::int64_t milliseconds);

    ManualClock clock;
    EventHub events{clock};
    std::unique_ptr<SimState> state;
    std::unique_ptr<RequestHandler> handler;
    FaultInjector faults;
    std::unique_ptr<AdminServer> server;
    int reloads = 0;

    static QByteArray demoConfig();

private:
    void start(SimConfig config);

    QTemporaryDir m_directory;
    bool m_listening = false;
};

} // namespace qracoon::sim
