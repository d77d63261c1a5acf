// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "activeconnection.h"
#include "application.h"
#include "appsettings.h"
#include "connectionpage.h"
#include "connectionsdialog.h"
#include "connectionstatuswidget.h"
#include "connectionstore.h"
#include "keepbehaviourdialog.h"
#include "messagebox.h"
#include "retirementbanner.h"
#include "simulation.h"
#include "welcomedialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace fs::ui {

MainWindow::MainWindow(
        ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_active(new ActiveConnection(store, secrets, nam, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    initResources(); // the navigation's icons

    m_areaListWidget = new QListWidget(this);
    m_areaListWidget->setObjectName(QStringLiteral("areaListWidget"));
    m_areaListWidget->setFrameShape(QFrame::NoFrame);
    m_areaListWidget->setIconSize(QSize(24, 24));
    m_areaListWidget->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_areaListWidget->setFixedWidth(180);
    m_areaListWidget->setAccessibleName(tr("Areas"));
    m_areaStackedWidget = new QStackedWidget(this);
    m_areaStackedWidget->setObjectName(QStringLiteral("areaStackedWidget"));

    // Above the areas: the banner for models in the job history that retire soon.
    m_retirementBanner = new RetirementBanner(nullptr, this);
    connect(m_retirementBanner, &RetirementBanner::keepBehaviourRequested, this,
            &MainWindow::keepBehaviour);
    auto *column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_retirementBanner);
    column->addWidget(m_areaStackedWidget, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_areaListWidget);
    layout->addLayout(column, 1);
    setCentralWidget(central);

    connect(m_areaListWidget, &QListWidget::currentRowChanged, m_areaStackedWidget,
            &QStackedWidget::setCurrentIndex);
    connect(m_areaStackedWidget, &QStackedWidget::currentChanged, this,
            &MainWindow::currentAreaChanged);

    m_statusWidget = new ConnectionStatusWidget(m_active, this);
    statusBar()->addPermanentWidget(m_statusWidget);
    connect(m_statusWidget, &QToolButton::clicked, this, &MainWindow::manageConnections);

    createMenus();

    m_connectionPage = new ConnectionPage(m_active, m_store, this);
    connect(m_connectionPage, &ConnectionPage::manageConnectionsRequested, this,
            &MainWindow::manageConnections);
    addArea(tr("Connection"), QIcon(QStringLiteral(":/icons/area-connection.svg")),
            m_connectionPage);

    connect(m_active, &ActiveConnection::connectionChanged, this, &MainWindow::updateTitle);
    connect(m_store, &ConnectionStore::connectionsChanged, this,
            &MainWindow::rebuildConnectionMenu);
    connect(m_store, &ConnectionStore::activeChanged, this, &MainWindow::rebuildConnectionMenu);
    rebuildConnectionMenu();
    updateTitle();
    resize(1000, 680);
}

MainWindow::~MainWindow() = default;

void MainWindow::setNavigationCompact(bool compact)
{
    if (compact == isNavigationCompact())
        return;
    for (int row = 0; row < m_areaListWidget->count(); ++row) {
        QListWidgetItem *item = m_areaListWidget->item(row);
        if (compact) {
            item->setToolTip(item->text());
            item->setText(QString());
        } else {
            item->setText(item->toolTip());
            item->setToolTip(QString());
        }
    }
    m_areaListWidget->setFixedWidth(compact ? m_areaListWidget->iconSize().width() + 24 : 180);
}

bool MainWindow::isNavigationCompact() const
{
    return m_areaListWidget->width() < 180;
}

QSize MainWindow::firstStartSize(const QSize &available)
{
    const QSize roomy(1280, 820);
    if ((available * 0.9).expandedTo(roomy) == available * 0.9)
        return roomy;
    return available;
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = m_fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("quitAction"));
    // Spelled out: QKeySequence::Quit is empty on some platforms (and desktops without a theme).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setShortcutContext(Qt::ApplicationShortcut);
    quit->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));

    QMenu *connectionMenu = menuBar()->addMenu(tr("&Connection"));
    QAction *manage = connectionMenu->addAction(
            tr("&Manage Connections…"), this, &MainWindow::manageConnections);
    manage->setObjectName(QStringLiteral("manageConnectionsAction"));
    manage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *retest =
            connectionMenu->addAction(tr("&Test Again"), m_active, &ActiveConnection::refresh);
    retest->setObjectName(QStringLiteral("testAgainAction"));
    // Not F5: that refreshes the list of the area in front (Files, Jobs); both at once would be
    // ambiguous and neither would work.
    retest->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connectionMenu->addSeparator();
    m_switchMenu = connectionMenu->addMenu(tr("&Use Connection"));
    m_switchMenu->setObjectName(QStringLiteral("switchConnectionMenu"));
    m_switchGroup = new QActionGroup(this);
    m_switchGroup->setExclusive(true);

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *welcome = m_helpMenu->addAction(tr("&Welcome…"), this, &MainWindow::showWelcome);
    welcome->setObjectName(QStringLiteral("welcomeAction"));
    m_helpMenu->addSeparator();
    QAction *about = m_helpMenu->addAction(tr("&About Finetune Studio"), this, &MainWindow::about);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::rebuildConnectionMenu()
{
    for (QAction *action : m_switchGroup->actions()) {
        m_switchGroup->removeAction(action);
        action->deleteLater();
    }
    m_switchMenu->clear();
    const QList<Connection> connections = m_store->connections();
    for (int i = 0; i < connections.size(); ++i) {
        const Connection &connection = connections.at(i);
        QAction *action = m_switchMenu->addAction(connection.name);
        action->setCheckable(true);
        action->setChecked(connection.id == m_store->activeId());
        action->setData(connection.id);
        action->setToolTip(Connection::kindDisplayName(connection.kind));
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        m_switchGroup->addAction(action);
        const QString id = connection.id;
        connect(action, &QAction::triggered, this, [this, id] { m_store->setActive(id); });
    }
}

void MainWindow::updateTitle()
{
    if (m_documentTitle.isEmpty()) {
        //: Window title: app name, then the active connection's name
        setWindowTitle(tr("Finetune Studio — %1").arg(m_active->connection().name));
    } else {
        //: Window title: app name, the active connection's name, then the open dataset's name
        //: (%2 ends with the modified marker [*], which Qt shows as * when there are changes)
        setWindowTitle(
                tr("Finetune Studio — %1 — %2")
                        .arg(m_active->connection().name, m_documentTitle + QStringLiteral("[*]")));
    }
}

void MainWindow::setDocumentTitle(const QString &title)
{
    m_documentTitle = title;
    updateTitle();
}

QMenu *MainWindow::editMenu()
{
    if (!m_editMenu) {
        m_editMenu = new QMenu(tr("&Edit"), this);
        m_editMenu->setObjectName(QStringLiteral("editMenu"));
        menuBar()->insertMenu(m_viewMenu->menuAction(), m_editMenu);
    }
    return m_editMenu;
}

int MainWindow::addArea(const QString &title, const QIcon &icon, QWidget *page)
{
    return insertArea(areaCount(), title, icon, page);
}

int MainWindow::insertArea(int index, const QString &title, const QIcon &icon, QWidget *page)
{
    index = qBound(0, index, areaCount());
    const int current = currentArea();
    m_areaStackedWidget->insertWidget(index, page);
    auto *item = new QListWidgetItem(icon, title);
    item->setSizeHint(QSize(0, 36));
    {
        // Inserting moves the list's current row; the stack must keep showing the same page.
        const QSignalBlocker blocker(m_areaListWidget);
        m_areaListWidget->insertItem(index, item);
    }
    // The action finds its page by pointer so later insertions cannot make it point elsewhere.
    auto *action = new QAction(icon, title, m_viewMenu);
    connect(action, &QAction::triggered, this,
            [this, page] { showArea(m_areaStackedWidget->indexOf(page)); });
    m_viewMenu->insertAction(m_areaActions.value(index), action);
    m_areaActions.insert(index, action);
    renumberAreaShortcuts();
    if (current < 0) {
        m_areaListWidget->setCurrentRow(0);
    } else {
        const int keep = current >= index ? current + 1 : current;
        m_areaListWidget->setCurrentRow(keep);
        m_areaStackedWidget->setCurrentIndex(keep);
    }
    return index;
}

void MainWindow::renumberAreaShortcuts()
{
    for (int i = 0; i < m_areaActions.size(); ++i) {
        m_areaActions.at(i)->setShortcut(
                i < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)) : QKeySequence());
    }
}

int MainWindow::areaCount() const
{
    return m_areaStackedWidget->count();
}

int MainWindow::currentArea() const
{
    return m_areaStackedWidget->currentIndex();
}

void MainWindow::showArea(int index)
{
    if (index >= 0 && index < areaCount())
        m_areaListWidget->setCurrentRow(index);
}

QWidget *MainWindow::area(int index) const
{
    return m_areaStackedWidget->widget(index);
}

ConnectionsDialog *MainWindow::connectionsDialog() const
{
    return m_dialog;
}

void MainWindow::manageConnections()
{
    if (!m_dialog) {
        m_dialog = new ConnectionsDialog(m_store, m_secrets, m_nam, this);
        m_dialog->setWindowModality(Qt::WindowModal);
    }
    m_dialog->selectConnection(m_store->activeId());
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

WelcomeDialog *MainWindow::welcomeDialog() const
{
    return m_welcome;
}

void MainWindow::showWelcome()
{
    const Connection connection = m_store->active();
    delete m_welcome; // the connection may have changed since: made anew each time
    m_welcome = new WelcomeDialog(isSimulated(connection), connection.name, this);
    m_welcome->setAttribute(Qt::WA_DeleteOnClose);
    m_welcome->setWindowModality(Qt::WindowModal);
    connect(m_welcome, &WelcomeDialog::guideRequested, this, &MainWindow::guideRequested);
    connect(m_welcome, &WelcomeDialog::manageConnectionsRequested, this,
            &MainWindow::manageConnections);
    m_welcome->show();
    m_welcome->raise();
    m_welcome->activateWindow();
}

bool MainWindow::showWelcomeOnFirstStart(AppSettings *settings)
{
    AppSettings &store = settings ? *settings : AppSettings::standard();
    if (store.welcomeShown())
        return false;
    store.setWelcomeShown(true);
    showWelcome();
    return true;
}

void MainWindow::checkRetirements(const QDate &today)
{
    const RetirementCalendar &calendar = RetirementCalendar::current();
    m_retirementBanner->showFor(RetirementWarnings::modelsIn(m_store->connections()), calendar,
            today.isValid() ? today : RetirementCalendar::today());
}

void MainWindow::setKeepBehaviourHandler(KeepBehaviourHandler handler)
{
    m_keepBehaviourHandler = std::move(handler);
}

KeepBehaviourDialog *MainWindow::keepBehaviourDialog() const
{
    return m_keepBehaviourDialog;
}

void MainWindow::keepBehaviour(const QString &modelId, const QString &connectionName)
{
    if (m_keepBehaviourHandler && m_keepBehaviourHandler(modelId, connectionName))
        return;
    QString sentence;
    for (const RetirementWarning &w : m_retirementBanner->warnings()) {
        if (w.where.model == modelId && w.where.connectionName == connectionName)
            sentence = w.info.sentence(RetirementCalendar::today());
    }
    // The same model again: its dialog (perhaps capturing) comes to the front. Another model
    // gets its own; the one before stays open and keeps capturing.
    if (!m_keepBehaviourDialog || m_keepBehaviourDialog->modelId() != modelId) {
        m_keepBehaviourDialog = new KeepBehaviourDialog(modelId, connectionName, sentence, this);
        m_keepBehaviourDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_keepBehaviourDialog->show();
    m_keepBehaviourDialog->raise();
    m_keepBehaviourDialog->activateWindow();
}

void MainWindow::about()
{
    MessageBox::information(this, tr("About Finetune Studio"),
            tr("Finetune Studio %1").arg(QCoreApplication::applicationVersion()),
            tr("Fine-tune chat models without writing code, with OpenAI, Azure OpenAI, any "
               "compatible server, or the built-in offline sandbox.\n\nLicensed under the GNU "
               "General Public License, version 3 or later."));
}

} // namespace fs::ui
