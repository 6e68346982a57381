#include "MainWindow.h"

#include "AppletStatus.h"
#include "DetailsText.h"
#include "EventLogModel.h"
#include "GatewayModel.h"
#include "IpsecSaModel.h"
#include "IsakmpSaModel.h"
#include "SortRole.h"
#include "ui_MainWindow.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>

namespace qracoon {

MainWindow::MainWindow(GatewayModel& gateways, IsakmpSaModel& isakmpSas, IpsecSaModel& ipsecSas,
                       EventLogModel& events, QWidget* parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_gateways(gateways),
      m_isakmpSas(isakmpSas), m_ipsecSas(ipsecSas), m_events(events)
{
    m_ui->setupUi(this);
    setWindowIcon(statusIcon(AppletStatus::Disconnected));
    m_gatewayProxy = makeProxy(gateways, m_ui->gatewayView, m_ui->gatewayFilter);
    m_isakmpProxy = makeProxy(isakmpSas, m_ui->isakmpView, m_ui->isakmpFilter);
    m_ipsecProxy = makeProxy(ipsecSas, m_ui->ipsecView, m_ui->ipsecFilter);
    m_eventProxy = makeProxy(events, m_ui->eventView, m_ui->eventFilter);
    m_ui->gatewayView->setSelectionMode(QAbstractItemView::SingleSelection);
    // Our own address and role are the same on almost every phase 1; the details pane has them.
    m_ui->isakmpView->horizontalHeader()->setSectionHidden(IsakmpSaModel::Local, true);
    m_ui->isakmpView->horizontalHeader()->setSectionHidden(IsakmpSaModel::Side, true);
    m_ui->eventView->sortByColumn(EventLogModel::Time, Qt::AscendingOrder);
    m_ui->eventView->horizontalHeader()->setSectionResizeMode(EventLogModel::Message, QHeaderView::Stretch);
    m_ui->eventView->horizontalHeader()->setStretchLastSection(false);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->splitter->setSizes({340, 220});

    m_daemonLabel = new QLabel(this);
    m_ui->statusBar->addPermanentWidget(m_daemonLabel);

    // Alt+1..Alt+4 switch tabs, as in browsers and terminals.
    for (int tab = 0; tab < m_ui->tabs->count(); ++tab) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + tab)), this);
        connect(shortcut, &QShortcut::activated, this, [this, tab] { m_ui->tabs->setCurrentIndex(tab); });
    }
    auto* quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);
    addAction(quit);

    auto* copy = new QAction(tr("&Copy"), m_ui->eventView);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &MainWindow::copyEvents);
    m_ui->eventView->addAction(copy);
    m_ui->eventView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_ui->copyEventsButton, &QPushButton::clicked, this, &MainWindow::copyEvents);
    connect(m_ui->clearEventsButton, &QPushButton::clicked, &m_events, &EventLogModel::clear);

    // Follow the newest event while the user is looking at the end of the list.
    // One scroll per event-loop turn, however many events arrived in it.
    m_followEvents.setSingleShot(true);
    m_followEvents.setInterval(0);
    connect(&m_followEvents, &QTimer::timeout, m_ui->eventView, &QTableView::scrollToBottom);
    connect(m_eventProxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar* bar = m_ui->eventView->verticalScrollBar();
        if (bar->value() == bar->maximum() && !m_followEvents.isActive()) {
            m_followEvents.start();
        }
    });

    connect(m_ui->connectButton, &QPushButton::clicked, this, [this] {
        if (ConnectionController* c = selectedGateway()) {
            c->connectToGateway();
        }
    });
    connect(m_ui->disconnectButton, &QPushButton::clicked, this, [this] {
        if (ConnectionController* c = selectedGateway()) {
            c->disconnectFromGateway();
        }
    });
    connect(m_ui->addGatewayButton, &QPushButton::clicked, this, &MainWindow::addGatewayRequested);
    connect(m_ui->importGatewaysButton, &QPushButton::clicked, this, &MainWindow::importGatewaysRequested);
    connect(m_ui->editGatewayButton, &QPushButton::clicked, this, [this] {
        if (const ConnectionController* c = selectedGateway()) {
            Q_EMIT editGatewayRequested(c->profile().address);
        }
    });
    connect(m_ui->removeGatewayButton, &QPushButton::clicked, this, [this] {
        if (const ConnectionController* c = selectedGateway()) {
            Q_EMIT removeGatewayRequested(c->profile().address);
        }
    });
    connect(m_ui->gatewayView, &QTableView::doubleClicked, this, [this] {
        ConnectionController* c = selectedGateway();
        if (c == nullptr) {
            return;
        }
        const auto state = c->state();
        if (state == ConnectionController::State::Disconnected ||
            state == ConnectionController::State::Failed) {
            c->connectToGateway();
        } else {
            c->disconnectFromGateway();
        }
    });

    for (QTableView* v : {m_ui->gatewayView, m_ui->isakmpView, m_ui->ipsecView, m_ui->eventView}) {
        connect(v->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &MainWindow::updateDetails);
        connect(v->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &MainWindow::updateGatewayButtons);
    }
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, &MainWindow::updateDetails);
    for (QAbstractItemModel* m :
         {static_cast<QAbstractItemModel*>(&gateways), static_cast<QAbstractItemModel*>(&isakmpSas),
          static_cast<QAbstractItemModel*>(&ipsecSas)}) {
        connect(m, &QAbstractItemModel::dataChanged, this, &MainWindow::updateDetails);
        connect(m, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateDetails);
    }
    connect(&gateways, &QAbstractItemModel::dataChanged, this, &MainWindow::updateGatewayButtons);
    // The details pane always has something to say: a list that gets rows selects its first one.
    for (QTableView* v : {m_ui->gatewayView, m_ui->isakmpView, m_ui->ipsecView}) {
        auto* p = static_cast<QSortFilterProxyModel*>(v->model());
        connect(p, &QAbstractItemModel::rowsInserted, v, [v, p] {
            if (!v->selectionModel()->currentIndex().isValid() && p->rowCount() > 0) {
                v->setCurrentIndex(p->index(0, 0));
            }
        });
        if (p->rowCount() > 0) {
            v->setCurrentIndex(p->index(0, 0));
        }
    }
    updateGatewayButtons();
    updateDetails();
}

MainWindow::~MainWindow() = default;

QSortFilterProxyModel* MainWindow::makeProxy(QAbstractItemModel& model, QTableView* view, QLineEdit* filter)
{
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(&model);
    proxy->setSortRole(SortRole);
    proxy->setFilterKeyColumn(-1);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setDynamicSortFilter(true);
    view->setModel(proxy);
    view->sortByColumn(0, Qt::AscendingOrder);
    // Columns follow their contents (addresses and cookies must not be cut); measuring a few hundred rows
    // keeps this cheap for large SA tables.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setResizeContentsPrecision(200);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    connect(filter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    // Right-click on the header chooses the columns.
    QHeaderView* header = view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, view, [header](const QPoint& position) {
        QMenu menu;
        for (int section = 0; section < header->count(); ++section) {
            QAction* action = menu.addAction(header->model()->headerData(section, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(section));
            // The last visible column stays.
            action->setEnabled(header->isSectionHidden(section) ||
                               header->count() - header->hiddenSectionCount() > 1);
            connect(action, &QAction::toggled, header,
                    [header, section](bool shown) { header->setSectionHidden(section, !shown); });
        }
        menu.exec(header->mapToGlobal(position));
    });
    return proxy;
}

QTableView* MainWindow::view(Tab tab) const
{
    switch (tab) {
    case GatewaysTab:
        return m_ui->gatewayView;
    case IsakmpTab:
        return m_ui->isakmpView;
    case IpsecTab:
        return m_ui->ipsecView;
    case EventsTab:
        return m_ui->eventView;
    }
    return nullptr;
}

QSortFilterProxyModel* MainWindow::proxy(Tab tab) const
{
    switch (tab) {
    case GatewaysTab:
        return m_gatewayProxy;
    case IsakmpTab:
        return m_isakmpProxy;
    case IpsecTab:
        return m_ipsecProxy;
    case EventsTab:
        return m_eventProxy;
    }
    return nullptr;
}

void MainWindow::showTab(Tab tab)
{
    m_ui->tabs->setCurrentIndex(tab);
}

MainWindow::Tab MainWindow::currentTab() const
{
    return static_cast<Tab>(m_ui->tabs->currentIndex());
}

QString MainWindow::detailsHtml() const
{
    return m_shownDetails;
}

void MainWindow::showNote(const QString& text)
{
    m_ui->statusBar->showMessage(text, 10000);
}

void MainWindow::setDaemonState(DaemonState state, const QString& backendDescription)
{
    QString text;
    switch (state) {
    case DaemonState::Unknown:
        text = tr("Contacting racoon…");
        break;
    case DaemonState::Running:
        text = tr("racoon is running");
        break;
    case DaemonState::Absent:
        text = tr("racoon is not running; waiting for it to start");
        break;
    case DaemonState::NotAuthorized:
        text = tr("You are not allowed to talk to racoon");
        break;
    }
    m_daemonLabel->setText(text);
    m_daemonLabel->setToolTip(backendDescription);
    m_daemonReachable = state != DaemonState::Absent && state != DaemonState::NotAuthorized;
    updateGatewayButtons();
}

ConnectionController* MainWindow::selectedGateway() const
{
    const QModelIndexList rows = m_ui->gatewayView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return nullptr;
    }
    return m_gateways.controller(m_gatewayProxy->mapToSource(rows.first()).row());
}

void MainWindow::selectGateway(const QString& address)
{
    for (int row = 0; row < m_gatewayProxy->rowCount(); ++row) {
        const QModelIndex source = m_gatewayProxy->mapToSource(m_gatewayProxy->index(row, 0));
        if (m_gateways.controller(source.row())->profile().address == address) {
            m_ui->gatewayView->setCurrentIndex(m_gatewayProxy->index(row, 0));
            return;
        }
    }
}

void MainWindow::updateGatewayButtons()
{
    const ConnectionController* c = selectedGateway();
    using State = ConnectionController::State;
    const State state = c != nullptr ? c->state() : State::Disconnected;
    m_ui->connectButton->setEnabled(m_daemonReachable && c != nullptr &&
                                    (state == State::Disconnected || state == State::Failed));
    m_ui->disconnectButton->setEnabled(c != nullptr && state != State::Disconnected &&
                                       state != State::Failed && state != State::Disconnecting);
    // A gateway racoon talks to but the settings do not name can be edited (that saves it), not removed.
    m_ui->editGatewayButton->setEnabled(c != nullptr);
    m_ui->removeGatewayButton->setEnabled(c != nullptr && !c->profile().discovered);
}

void MainWindow::updateDetails()
{
    QString html;
    QTableView* v = view(currentTab());
    const QModelIndex current = v->selectionModel()->currentIndex();
    if (current.isValid()) {
        const int row = proxy(currentTab())->mapToSource(current).row();
        switch (currentTab()) {
        case GatewaysTab:
            html = details::gateway(*m_gateways.controller(row));
            break;
        case IsakmpTab: {
            const IsakmpSa& sa = m_isakmpSas.at(row);
            const auto status = m_isakmpSas.statusOf(row);
            const QVariant left =
                m_isakmpSas.data(m_isakmpSas.index(row, IsakmpSaModel::LifetimeLeft), SortRole);
            html = details::isakmpSa(sa, status,
                                     left.toLongLong() >= 0 ? std::optional<std::int64_t>(left.toLongLong())
                                                            : std::nullopt);
            break;
        }
        case IpsecTab: {
            const IpsecSa& sa = m_ipsecSas.at(row);
            html = details::ipsecSa(sa, m_ipsecSas.lifetimeLeft(sa));
            break;
        }
        case EventsTab:
            html = details::event(m_events.entry(row));
            break;
        }
    }
    if (html == m_shownDetails) {
        return;
    }
    m_shownDetails = html;
    QScrollBar* bar = m_ui->details->verticalScrollBar();
    const int position = bar->value();
    m_ui->details->setHtml(html);
    bar->setValue(position);
}

QString MainWindow::selectedEventsText() const
{
    QModelIndexList rows = m_ui->eventView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        for (int row = 0; row < m_eventProxy->rowCount(); ++row) {
            rows.append(m_eventProxy->index(row, 0));
        }
    }
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<int> sourceRows;
    for (const QModelIndex& index : rows) {
        sourceRows.append(m_eventProxy->mapToSource(index).row());
    }
    return m_events.text(sourceRows);
}

void MainWindow::copyEvents()
{
    QGuiApplication::clipboard()->setText(selectedEventsText());
    showNote(tr("Events copied to the clipboard."));
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    Q_EMIT visibilityChanged(true);
}

void MainWindow::hideEvent(QHideEvent* event)
{
    QMainWindow::hideEvent(event);
    Q_EMIT visibilityChanged(false);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_hideOnClose && !m_quitting) {
        event->ignore();
        hide();
        return;
    }
    event->accept();
    if (!m_quitting) {
        Q_EMIT quitRequested();
    }
}

} // namespace qracoon
