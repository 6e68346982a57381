// helperprobe: a small client of qracoon-helper for the polkit integration test (helper_polkit.sh). It
// runs as the test users and prints what the helper answered, one fact per line, for the script to check.
//
//   helperprobe call METHOD [ARG...]        ARG is s:TEXT, q:N, y:N, b:true|false or ay:TEXT
//   helperprobe icall METHOD [ARG...]       the same, allowing interactive authorization
//   helperprobe monitor SECONDS             subscribe and print signals for SECONDS
//   helperprobe subscribe-many N            Subscribe from N bus connections of this process
//   helperprobe concurrent N METHOD [ARG...] N calls at once on one connection
//   helperprobe backend allowed|denied      drive HelperBackend through its paths
//
// Exit status: 0 success, 3 the (first) call got a D-Bus error, 2 usage or an unmet expectation.
#include "backend/HelperBackend.h"
#include "core/wire/AdminCodes.h"
#include "helper/HelperInterface.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QTimer>
#include <cstdio>
#include <functional>

using namespace qracoon;

namespace {

const QString Service = QLatin1String(helper::ServiceName);
const QString Path = QLatin1String(helper::ObjectPath);
const QString Interface = QLatin1String(helper::InterfaceName);

void print(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

bool parseArgument(const QString& text, QVariant& value)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        return false;
    }
    const QString type = text.left(colon);
    const QString body = text.mid(colon + 1);
    bool ok = true;
    if (type == QLatin1String("s")) {
        value = body;
    } else if (type == QLatin1String("q")) {
        value = QVariant::fromValue(quint16(body.toUShort(&ok)));
    } else if (type == QLatin1String("y")) {
        value = QVariant::fromValue(uchar(body.toUShort(&ok)));
    } else if (type == QLatin1String("b")) {
        value = body == QLatin1String("true");
    } else if (type == QLatin1String("ay")) {
        value = body.toUtf8();
    } else {
        return false;
    }
    return ok;
}

QDBusMessage methodCall(const QString& method, const QVariantList& arguments)
{
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, method);
    call.setArguments(arguments);
    return call;
}

// One line per reply argument; strings in full, byte arrays by size.
void printReply(const QString& prefix, const QDBusMessage& reply)
{
    if (reply.type() == QDBusMessage::ErrorMessage) {
        print(QStringLiteral("%1error %2: %3").arg(prefix, reply.errorName(), reply.errorMessage()));
        return;
    }
    const QVariantList args = reply.arguments();
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QVariant& v = args.at(i);
        if (v.metaType() == QMetaType::fromType<QByteArray>()) {
            print(QStringLiteral("%1arg%2 ay %3 bytes").arg(prefix).arg(i).arg(v.toByteArray().size()));
        } else {
            print(QStringLiteral("%1arg%2 %3 %4")
                      .arg(prefix)
                      .arg(i)
                      .arg(QLatin1String(v.typeName()), v.toString()));
        }
    }
    print(QStringLiteral("%1ok").arg(prefix));
}

int call(const QStringList& args, bool interactive)
{
    QVariantList arguments;
    for (qsizetype i = 1; i < args.size(); ++i) {
        QVariant value;
        if (!parseArgument(args.at(i), value)) {
            print(QStringLiteral("bad argument %1").arg(args.at(i)));
            return 2;
        }
        arguments.append(value);
    }
    QDBusMessage message = methodCall(args.at(0), arguments);
    message.setInteractiveAuthorizationAllowed(interactive);
    const QDBusMessage reply = QDBusConnection::systemBus().call(message, QDBus::Block, 60000);
    printReply(QString(), reply);
    return reply.type() == QDBusMessage::ErrorMessage ? 3 : 0;
}

class SignalPrinter : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void onEvent(const QDBusMessage& message)
    {
        const QVariantList a = message.arguments();
        print(QStringLiteral("Event 0x%1 %2[%3] -> %4[%5]")
                  .arg(a.value(0).toUInt(), 4, 16, QLatin1Char('0'))
                  .arg(a.value(2).toString())
                  .arg(a.value(3).toUInt())
                  .arg(a.value(4).toString())
                  .arg(a.value(5).toUInt()));
    }
    void onDaemonUp(const QDBusMessage&) { print(QStringLiteral("DaemonUp")); }
    void onDaemonDown(const QDBusMessage& message)
    {
        print(QStringLiteral("DaemonDown %1").arg(message.arguments().value(0).toString()));
    }
};

int monitor(const QStringList& args)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    SignalPrinter printer;
    bus.connect(Service, Path, Interface, QLatin1String(helper::SignalName::Event), &printer,
                SLOT(onEvent(QDBusMessage)));
    bus.connect(Service, Path, Interface, QLatin1String(helper::SignalName::DaemonUp), &printer,
                SLOT(onDaemonUp(QDBusMessage)));
    bus.connect(Service, Path, Interface, QLatin1String(helper::SignalName::DaemonDown), &printer,
                SLOT(onDaemonDown(QDBusMessage)));
    print(QStringLiteral("name %1").arg(bus.baseService()));
    const QDBusMessage reply = bus.call(methodCall(QStringLiteral("Subscribe"), {}), QDBus::Block, 60000);
    printReply(QStringLiteral("subscribe "), reply);
    if (reply.type() == QDBusMessage::ErrorMessage) {
        return 3;
    }
    QTimer::singleShot(int(args.value(0).toDouble() * 1000), qApp, &QCoreApplication::quit);
    return QCoreApplication::exec();
}

int subscribeMany(const QStringList& args)
{
    const int count = args.value(0).toInt();
    int failures = 0;
    for (int i = 0; i < count; ++i) {
        QDBusConnection bus =
            QDBusConnection::connectToBus(QDBusConnection::SystemBus, QStringLiteral("probe-%1").arg(i));
        const QDBusMessage reply = bus.call(methodCall(QStringLiteral("Subscribe"), {}), QDBus::Block, 60000);
        printReply(QStringLiteral("connection %1 ").arg(i), reply);
        failures += reply.type() == QDBusMessage::ErrorMessage ? 1 : 0;
    }
    return failures == 0 ? 0 : 3;
}

int concurrent(const QStringList& args)
{
    const int count = args.value(0).toInt();
    QVariantList arguments;
    for (qsizetype i = 2; i < args.size(); ++i) {
        QVariant value;
        if (!parseArgument(args.at(i), value)) {
            return 2;
        }
        arguments.append(value);
    }
    QDBusConnection bus = QDBusConnection::systemBus();
    int pending = count;
    int errors = 0;
    for (int i = 0; i < count; ++i) {
        auto* watcher =
            new QDBusPendingCallWatcher(bus.asyncCall(methodCall(args.value(1), arguments), 60000), qApp);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, qApp, [&, i, watcher] {
            const QDBusMessage reply = watcher->reply();
            printReply(QStringLiteral("call %1 ").arg(i), reply);
            errors += reply.type() == QDBusMessage::ErrorMessage ? 1 : 0;
            if (--pending == 0) {
                QCoreApplication::quit();
            }
        });
    }
    QCoreApplication::exec();
    return errors == 0 ? 0 : 3;
}

// Runs HelperBackend operations one after another, each started when the previous one finished.
class BackendScript : public QObject
{
public:
    using Step = std::function<void()>;

    explicit BackendScript(HelperBackend& backend) : m_backend(backend)
    {
        connect(&m_backend, &Backend::requestFinished, this,
                [this](Backend::RequestId, const BackendError& error) {
                    print(QStringLiteral("finished kind=%1 errno=%2 %3")
                              .arg(int(error.kind))
                              .arg(error.racoonErrno)
                              .arg(error.message));
                    next();
                });
        connect(&m_backend, &Backend::isakmpSasReceived, this,
                [](Backend::RequestId, const std::vector<IsakmpSa>& sas) {
                    print(QStringLiteral("isakmp sas %1").arg(sas.size()));
                });
        connect(&m_backend, &Backend::ipsecSasReceived, this,
                [](Backend::RequestId, const std::vector<IpsecSa>& sas, const QStringList& rejected) {
                    int keyBytes = 0;
                    for (const IpsecSa& sa : sas) {
                        keyBytes += int(sa.authKey.count('\0') != sa.authKey.size()) +
                                    int(sa.encKey.count('\0') != sa.encKey.size());
                    }
                    print(QStringLiteral("ipsec sas %1 rejected %2 nonzero-keys %3")
                              .arg(sas.size())
                              .arg(rejected.size())
                              .arg(keyBytes));
                });
        connect(&m_backend, &Backend::statusReceived, this,
                [](Backend::RequestId, const StatusDocument& status) {
                    print(QStringLiteral("status phase1 %1").arg(status.phase1.size()));
                });
        connect(&m_backend, &Backend::eventsSubscribed, this, [this] {
            print(QStringLiteral("events subscribed"));
            next();
        });
        connect(&m_backend, &Backend::eventStreamLost, this, [this](const BackendError& error) {
            print(QStringLiteral("events lost kind=%1 %2").arg(int(error.kind)).arg(error.message));
            next();
        });
        connect(&m_backend, &Backend::eventReceived, this, [this](const RacoonEvent& event) {
            print(QStringLiteral("event 0x%1%2")
                      .arg(event.code, 4, 16, QLatin1Char('0'))
                      .arg(event.modeCfg
                               ? QStringLiteral(" modecfg %1")
                                     .arg(event.modeCfg->ip4Address ? event.modeCfg->ip4Address->toString()
                                                                    : QString())
                               : QString()));
            if (event.code == m_awaitedEvent) {
                m_awaitedEvent = 0;
                next();
            }
        });
        connect(&m_backend, &Backend::daemonStateChanged, this,
                [](DaemonState state) { print(QStringLiteral("daemon state %1").arg(int(state))); });
    }

    void add(Step step) { m_steps.append(std::move(step)); }
    // The next step starts when an event with `code` arrives rather than when a request finishes.
    void awaitEvent(std::uint32_t code) { m_awaitedEvent = code; }
    void next()
    {
        if (m_awaitedEvent != 0) {
            return;
        }
        if (m_steps.isEmpty()) {
            QCoreApplication::quit();
            return;
        }
        const Step step = m_steps.takeFirst();
        QMetaObject::invokeMethod(this, step, Qt::QueuedConnection);
    }

private:
    HelperBackend& m_backend;
    QList<Step> m_steps;
    std::uint32_t m_awaitedEvent = 0;
};

int backend(const QStringList& args)
{
    HelperBackend backend;
    BackendScript script(backend);
    if (args.value(0) == QLatin1String("denied")) {
        script.add([&] { backend.refreshStatus(); });
        script.add([&] { backend.subscribeEvents(); });
    } else {
        // The branch office gateway of racoonsim's demo configuration: certificate, no Xauth.
        script.add([&] { backend.subscribeEvents(); });
        script.add([&] {
            script.awaitEvent(EventCode::Phase1Up);
            backend.connectGateway(
                {QStringLiteral("198.51.100.1"), QByteArray(), QStringLiteral("192.0.2.2")},
                XauthCredentials());
        });
        script.add([&] { backend.refreshIsakmpSas(); });
        script.add([&] { backend.refreshIpsecSas(); });
        script.add([&] { backend.refreshStatus(); });
        script.add([&] {
            script.awaitEvent(EventCode::Phase1Down);
            backend.disconnectGateway(QStringLiteral("198.51.100.1"));
        });
        script.add([&] {
            backend.unsubscribeEvents();
            script.next();
        });
    }
    script.next();
    QTimer::singleShot(30000, qApp, [] {
        print(QStringLiteral("timeout"));
        QCoreApplication::exit(2);
    });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    const QString command = args.isEmpty() ? QString() : args.takeFirst();
    if ((command == QLatin1String("call") || command == QLatin1String("icall")) && !args.isEmpty()) {
        return call(args, command == QLatin1String("icall"));
    }
    if (command == QLatin1String("monitor")) {
        return monitor(args);
    }
    if (command == QLatin1String("subscribe-many")) {
        return subscribeMany(args);
    }
    if (command == QLatin1String("concurrent") && args.size() >= 2) {
        return concurrent(args);
    }
    if (command == QLatin1String("backend")) {
        return backend(args);
    }
    std::fprintf(stderr, "usage: helperprobe call|monitor|subscribe-many|concurrent|backend ...\n");
    return 2;
}

#include "helperprobe.moc"
