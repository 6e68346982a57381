// The applet's side of the benchmarks: the whole Applet (models, proxies, the open window) fed the way
// racoon feeds it, timed from inside. Prints one JSON object.
//
// applet_bench refresh [SAS] [CHANGED] [REFRESHES]
//   A FakeBackend answers every refresh with SAS ISAKMP SAs (one gateway each) and SAS IPsec SAs (a pair
//   per gateway); between refreshes CHANGED SAs of each kind change (byte counters, phase 2 counts) and
//   one IPsec pair is rekeyed (new SPIs). Reports the time per refresh and how the models told their
//   views about it: rows reset, inserted, removed, and announced changed.
// applet_bench events SOCKET COUNT
//   The applet on DirectBackend against `racoonsim --event-flood COUNT`: events per second, whether
//   every event arrived once and in order, and the longest stall of the UI thread's event loop.
//
// Run with QT_QPA_PLATFORM=offscreen: the window is shown and paints, without a display.
#include "../tests/applet/FakeBackend.h"
#include "../tests/applet/InMemorySecretStore.h"
#include "applet/Applet.h"
#include "applet/AppletSettings.h"
#include "applet/MainWindow.h"
#include "backend/DirectBackend.h"
#include "core/wire/AdminCodes.h"

#include <QAbstractItemModel>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace qracoon;

namespace {

constexpr std::uint32_t BulkBase = 0xc6120000; // 198.18.0.0, where racoonsim --bulk numbers its gateways

QString tr(const char* text)
{
    return QCoreApplication::translate("applet_bench", text);
}

int fail(const QString& message)
{
    std::fprintf(stderr, "applet_bench: %s\n", qPrintable(message));
    return 1;
}

SocketAddress ipv4(std::uint32_t address, std::uint16_t port = 0)
{
    return *SocketAddress::fromText(QHostAddress(address).toString(), SocketAddress::Family::Inet, port);
}

double median(std::vector<double> values)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// What a model told its views, counted in rows.
struct Announcements
{
    int resets = 0;
    int layoutChanges = 0;
    qint64 rowsInserted = 0;
    qint64 rowsRemoved = 0;
    qint64 rowsChanged = 0; // rows covered by dataChanged, a row counted once per signal
    int dataChangedSignals = 0;
    // Counting only while a refresh is applied: the once-a-second tick (lifetimes counting down) is not
    // part of a refresh.
    static inline bool counting = false;

    void watch(QAbstractItemModel* model)
    {
        QObject::connect(model, &QAbstractItemModel::modelReset, [this] { resets += counting; });
        QObject::connect(model, &QAbstractItemModel::layoutChanged, [this] { layoutChanges += counting; });
        QObject::connect(model, &QAbstractItemModel::rowsInserted,
                         [this](const QModelIndex&, int first, int last) {
                             rowsInserted += counting ? last - first + 1 : 0;
                         });
        QObject::connect(model, &QAbstractItemModel::rowsRemoved,
                         [this](const QModelIndex&, int first, int last) {
                             rowsRemoved += counting ? last - first + 1 : 0;
                         });
        QObject::connect(model, &QAbstractItemModel::dataChanged,
                         [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                             if (counting) {
                                 rowsChanged += bottomRight.row() - topLeft.row() + 1;
                                 ++dataChangedSignals;
                             }
                         });
    }

    QJsonObject perRefresh(int refreshes) const
    {
        const double n = refreshes;
        return QJsonObject{{QStringLiteral("resets"), resets / n},
                           {QStringLiteral("layout_changes"), layoutChanges / n},
                           {QStringLiteral("rows_inserted"), double(rowsInserted) / n},
                           {QStringLiteral("rows_removed"), double(rowsRemoved) / n},
                           {QStringLiteral("rows_changed"), double(rowsChanged) / n},
                           {QStringLiteral("data_changed_signals"), dataChangedSignals / n}};
    }
};

QAbstractItemModel* proxyOver(MainWindow& window, const QAbstractItemModel* source)
{
    for (QTableView* view : window.findChildren<QTableView*>()) {
        auto* proxy = qobject_cast<QAbstractProxyModel*>(view->model());
        if (proxy != nullptr && proxy->sourceModel() == source) {
            return proxy;
        }
    }
    return nullptr;
}

// Lets the event loop run until `done` or `timeoutMs`.
template <typename Predicate> bool spinUntil(Predicate done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}

class SaSet
{
public:
    explicit SaSet(int count) : m_count(count)
    {
        for (int i = 0; i < count; ++i) {
            IsakmpSa sa;
            std::fill(sa.initiatorCookie.begin(), sa.initiatorCookie.end(), std::uint8_t(0x11));
            sa.initiatorCookie[4] = std::uint8_t(i >> 24);
            sa.initiatorCookie[5] = std::uint8_t(i >> 16);
            sa.initiatorCookie[6] = std::uint8_t(i >> 8);
            sa.initiatorCookie[7] = std::uint8_t(i);
            sa.responderCookie = sa.initiatorCookie;
            sa.responderCookie[0] = 0x22;
            sa.status = 9;
            sa.remote = ipv4(BulkBase + 1 + std::uint32_t(i), 500);
            sa.local = ipv4(Local, 500);
            sa.version = 0x10;
            sa.etype = 2;
            sa.created = 1700000000 + i;
            sa.ph2cnt = 1;
            isakmp.push_back(sa);
        }
        for (int i = 0; i < count / 2; ++i) {
            ipsec.push_back(espSa(i, true));
            ipsec.push_back(espSa(i, false));
        }
    }

    // `changed` SAs of each kind change in place; one IPsec pair is replaced by a rekeyed one.
    void step(int changed)
    {
        ++m_step;
        for (int k = 0; k < changed; ++k) {
            const std::size_t i = std::size_t((m_step * 7919 + k * 104729) % m_count);
            isakmp[i].ph2cnt += 1;
            ipsec[i].current.bytes += 1500 * std::uint64_t(m_step);
        }
        const int gateway = (m_step * 31) % (m_count / 2);
        const auto rekeyed = [&](bool inbound) {
            IpsecSa sa = espSa(gateway, inbound);
            sa.spi += std::uint32_t(m_step) << 20;
            return sa;
        };
        ipsec.erase(ipsec.begin() + 2 * gateway, ipsec.begin() + 2 * gateway + 2);
        ipsec.push_back(rekeyed(true));
        ipsec.push_back(rekeyed(false));
    }

    std::vector<IsakmpSa> isakmp;
    std::vector<IpsecSa> ipsec;

private:
    static constexpr std::uint32_t Local = 0xc0000202; // 192.0.2.2

    static IpsecSa espSa(int gateway, bool inbound)
    {
        IpsecSa sa;
        sa.satype = Sadb::SaType::Esp;
        sa.spi = 0x10000000u + std::uint32_t(gateway) * 2 + (inbound ? 0 : 1);
        sa.mode = 2;
        sa.state = 1;
        sa.encAlg = 12;
        sa.authAlg = 3;
        sa.reqid = std::uint32_t(gateway) + 1;
        const SocketAddress peer = ipv4(BulkBase + 1 + std::uint32_t(gateway));
        const SocketAddress local = ipv4(Local);
        sa.source = inbound ? peer : local;
        sa.destination = inbound ? local : peer;
        sa.current.addtime = 1700000000;
        sa.hard.addtime = 28800;
        sa.soft.addtime = 23040;
        sa.extensions = (1u << Sadb::Ext::Sa) | (1u << Sadb::Ext::LifetimeCurrent) |
                        (1u << Sadb::Ext::LifetimeHard) | (1u << Sadb::Ext::LifetimeSoft);
        return sa;
    }

    int m_count;
    int m_step = 0;
};

int benchRefresh(int count, int changed, int refreshes)
{
    test::FakeBackend backend;
    QTemporaryDir dir;
    AppletSettings settings(dir.filePath(QStringLiteral("qracoon.conf")));
    test::InMemorySecretStore secrets;
    Applet applet(backend, settings, secrets);
    applet.start(true);
    applet.window().showTab(MainWindow::IpsecTab);
    backend.acceptSubscription();

    Announcements isakmpModel, ipsecModel, gatewayModel, isakmpProxy, ipsecProxy;
    isakmpModel.watch(&applet.isakmpSas());
    ipsecModel.watch(&applet.ipsecSas());
    gatewayModel.watch(&applet.gateways());
    QAbstractItemModel* isakmpView = proxyOver(applet.window(), &applet.isakmpSas());
    QAbstractItemModel* ipsecView = proxyOver(applet.window(), &applet.ipsecSas());
    if (isakmpView == nullptr || ipsecView == nullptr) {
        return fail(tr("the window has no view over the SA models"));
    }
    isakmpProxy.watch(isakmpView);
    ipsecProxy.watch(ipsecView);

    SaSet sas(count);
    std::vector<double> applyMs, settleMs;
    double initialApplyMs = 0;
    double initialSettleMs = 0;
    Backend::RequestId lastIpsec = 0;
    Announcements* all[] = {&isakmpModel, &ipsecModel, &gatewayModel, &isakmpProxy, &ipsecProxy};
    for (int round = 0; round <= refreshes; ++round) {
        if (round > 0) {
            sas.step(changed);
            applet.monitor().refreshNow();
        }
        const bool asked = spinUntil(
            [&] {
                const auto* ipsec = backend.last(QStringLiteral("ipsec"));
                return ipsec != nullptr && ipsec->id != lastIpsec && backend.last(QStringLiteral("isakmp")) &&
                       backend.last(QStringLiteral("status"));
            },
            10000);
        if (!asked) {
            return fail(tr("the applet did not ask for the SAs"));
        }
        lastIpsec = backend.last(QStringLiteral("ipsec"))->id;
        if (round == 1) {
            // The first load is reported on its own; the counts cover the refreshes after it.
            for (Announcements* a : all) {
                *a = Announcements{};
            }
        }
        QElapsedTimer clock;
        clock.start();
        Announcements::counting = true;
        backend.answerIsakmp(backend.last(QStringLiteral("isakmp"))->id, sas.isakmp);
        backend.answerIpsec(lastIpsec, sas.ipsec);
        backend.answerStatus(backend.last(QStringLiteral("status"))->id, {});
        const double apply = double(clock.nsecsElapsed()) / 1e6;
        Announcements::counting = false;
        // Until the views have caught up: layout and paint run from posted events.
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        const double settle = double(clock.nsecsElapsed()) / 1e6;
        if (round == 0) {
            initialApplyMs = apply;
            initialSettleMs = settle;
        } else {
            applyMs.push_back(apply);
            settleMs.push_back(settle);
        }
    }
    if (applet.isakmpSas().rowCount() != count || applet.ipsecSas().rowCount() != int(sas.ipsec.size())) {
        return fail(tr("the models hold %1 and %2 rows, expected %3 and %4")
                        .arg(applet.isakmpSas().rowCount())
                        .arg(applet.ipsecSas().rowCount())
                        .arg(count)
                        .arg(sas.ipsec.size()));
    }
    const QJsonObject result{
        {QStringLiteral("sas"), count},
        {QStringLiteral("changed"), changed},
        {QStringLiteral("refreshes"), refreshes},
        {QStringLiteral("gateway_rows"), applet.gateways().rowCount()},
        {QStringLiteral("initial_apply_ms"), initialApplyMs},
        {QStringLiteral("initial_settle_ms"), initialSettleMs},
        {QStringLiteral("apply_ms_median"), median(applyMs)},
        {QStringLiteral("apply_ms_max"), *std::max_element(applyMs.begin(), applyMs.end())},
        {QStringLiteral("settle_ms_median"), median(settleMs)},
        {QStringLiteral("settle_ms_max"), *std::max_element(settleMs.begin(), settleMs.end())},
        {QStringLiteral("isakmp_model"), isakmpModel.perRefresh(refreshes)},
        {QStringLiteral("ipsec_model"), ipsecModel.perRefresh(refreshes)},
        {QStringLiteral("gateway_model"), gatewayModel.perRefresh(refreshes)},
        {QStringLiteral("isakmp_view"), isakmpProxy.perRefresh(refreshes)},
        {QStringLiteral("ipsec_view"), ipsecProxy.perRefresh(refreshes)},
    };
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return 0;
}

int benchEvents(const QString& socket, int count)
{
    DirectBackend backend(socket);
    QTemporaryDir dir;
    AppletSettings settings(dir.filePath(QStringLiteral("qracoon.conf")));
    test::InMemorySecretStore secrets;
    Applet applet(backend, settings, secrets);

    // The event loop's heartbeat: a gap between two beats longer than the interval is time the UI thread
    // spent on something else.
    constexpr int BeatMs = 2;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(BeatMs);
    QElapsedTimer beatClock;
    qint64 lastBeatNs = -1;
    qint64 longestStallNs = 0;
    int stallsOver16ms = 0;
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = beatClock.nsecsElapsed();
        if (lastBeatNs >= 0) {
            const qint64 stall = now - lastBeatNs - BeatMs * 1000000LL;
            longestStallNs = std::max(longestStallNs, stall);
            if (stall > 16000000LL) {
                ++stallsOver16ms;
            }
        }
        lastBeatNs = now;
    });

    int received = 0;
    int outOfOrder = 0;
    int wrongType = 0;
    qint64 firstNs = -1;
    qint64 lastNs = -1;
    static constexpr std::uint32_t Cycle[] = {EventCode::Phase1Up, EventCode::Phase1ModeCfg,
                                              EventCode::Phase2Up, EventCode::Phase1Down};
    QObject::connect(&backend, &Backend::eventReceived, [&](const RacoonEvent& event) {
        const qint64 now = beatClock.nsecsElapsed();
        if (firstNs < 0) {
            firstNs = now;
        }
        lastNs = now;
        const QHostAddress expected(BulkBase + 1 + std::uint32_t(received));
        if (QHostAddress(event.ph1dst.toString()) != expected) {
            ++outOfOrder;
        }
        if (event.code != Cycle[received % 4] || (event.code == EventCode::Phase1ModeCfg && !event.modeCfg)) {
            ++wrongType;
        }
        ++received;
    });

    beatClock.start();
    heartbeat.start();
    applet.start(true);
    applet.window().showTab(MainWindow::EventsTab);
    const qint64 startNs = beatClock.nsecsElapsed();
    const bool complete = spinUntil([&] { return received >= count; }, 600000);
    const qint64 doneNs = beatClock.nsecsElapsed();
    // A little longer, to see that nothing beyond COUNT arrives and the log settles.
    spinUntil([] { return false; }, 500);
    heartbeat.stop();

    const EventLogModel& log = applet.events();
    const int rows = log.rowCount();
    const QString lastPeer = rows > 0 ? log.entry(rows - 1).peer : QString();
    const bool logEndsWithLast = lastPeer == QHostAddress(BulkBase + std::uint32_t(count)).toString();
    const double seconds = double(lastNs - firstNs) / 1e9;
    const QJsonObject result{
        {QStringLiteral("events"), count},
        {QStringLiteral("received"), received},
        {QStringLiteral("complete"), complete},
        {QStringLiteral("out_of_order"), outOfOrder},
        {QStringLiteral("wrong_type"), wrongType},
        {QStringLiteral("first_to_last_s"), seconds},
        {QStringLiteral("start_to_last_s"), double(doneNs - startNs) / 1e9},
        {QStringLiteral("events_per_s"), seconds > 0 ? (received - 1) / seconds : 0.0},
        {QStringLiteral("longest_stall_ms"), double(longestStallNs) / 1e6},
        {QStringLiteral("stalls_over_16ms"), stallsOver16ms},
        {QStringLiteral("log_rows"), rows},
        {QStringLiteral("log_ends_with_last_event"), logEndsWithLast},
    };
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return complete && outOfOrder == 0 && wrongType == 0 && received == count && logEndsWithLast ? 0 : 2;
}

int number(const QStringList& args, int index, int fallback)
{
    if (args.size() <= index) {
        return fallback;
    }
    bool ok = false;
    const int value = args.at(index).toInt(&ok);
    return ok && value > 0 ? value : -1;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qracoon-bench"));
    QApplication::setQuitOnLastWindowClosed(false);
    const QStringList args = app.arguments();
    const QString usage = tr("usage: applet_bench refresh [SAS [CHANGED [REFRESHES]]] | events SOCKET COUNT");
    if (args.size() >= 2 && args.at(1) == QLatin1String("refresh")) {
        const int count = number(args, 2, 10000);
        const int changed = number(args, 3, 5);
        const int refreshes = number(args, 4, 30);
        if (count < 2 || changed < 0 || changed > count || refreshes < 1 || args.size() > 5) {
            return fail(usage);
        }
        return benchRefresh(count, changed, refreshes);
    }
    if (args.size() == 4 && args.at(1) == QLatin1String("events")) {
        const int count = number(args, 3, 0);
        if (count < 1) {
            return fail(usage);
        }
        return benchEvents(args.at(2), count);
    }
    return fail(usage);
}
