#include "SimHarness.h"

#include <QFile>
#include <QTest>

namespace qracoon::sim {

QByteArray SimHarness::demoConfig()
{
    QFile file(QStringLiteral(RACOONSIM_SOURCE_DIR "/demo.conf"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

SimHarness::SimHarness() : SimHarness(demoConfig()) {}

SimHarness::SimHarness(const QByteArray& configText)
{
    auto config = SimConfig::parse(configText, QStringLiteral(RACOONSIM_SOURCE_DIR));
    if (config) {
        start(std::move(config).value());
    } else {
        qWarning("bad test configuration: %s", qPrintable(config.error()));
    }
}

void SimHarness::start(SimConfig config)
{
    state = std::make_unique<SimState>(std::move(config), clock, events);
    handler = std::make_unique<RequestHandler>(*state, events);
    handler->setReloadAction([this] { ++reloads; });
    server = std::make_unique<AdminServer>(*handler, events, faults);
    server->setRequestTimeout(300);
    SocketOptions options;
    options.path = socketPath();
    m_listening = server->listen(options).ok();
}

std::unique_ptr<TestConnection> SimHarness::connect()
{
    return std::make_unique<TestConnection>(socketPath());
}

std::unique_ptr<TestConnection> SimHarness::request(const QByteArray& frame)
{
    auto connection = connect();
    const std::uint64_t before = handler->handledCount();
    connection->send(frame);
    // Let the daemon take the request in before the test moves the clock.
    (void)QTest::qWaitFor([&] { return handler->handledCount() > before || connection->isClosed(); }, 2000);
    return connection;
}

void SimHarness::advance(std::int64_t milliseconds)
{
    clock.advance(milliseconds);
    state->runDue();
    QTest::qWait(5);
}

} // namespace qracoon::sim
