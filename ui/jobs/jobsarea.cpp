// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobsarea.h"

#include "activeconnection.h"
#include "apiclient.h"
#include "appsettings.h"
#include "datasetarea.h"
#include "dialect.h"
#include "jobclock.h"
#include "jobhistory.h"
#include "joblistmodel.h"
#include "jobmonitor.h"
#include "jobnotifier.h"
#include "jobtexts.h"
#include "jobtracker.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "newjobdialog.h"
#include "pricetable.h"
#include "retirementcalendar.h"
#include "uploadqueue.h"

#include <QAction>
#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

/// The status column as a coloured badge with the status in words.
class StatusBadgeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
            const QModelIndex &index) const override
    {
        QStyleOptionViewItem plain = option;
        initStyleOption(&plain, index);
        plain.text.clear();
        plain.widget->style()->drawControl(QStyle::CE_ItemViewItem, &plain, painter, plain.widget);
        const QString text = index.data(fs::JobListModel::StatusTextRole).toString();
        QColor color = index.data(fs::JobListModel::StatusColorRole).value<QColor>();
        if (!color.isValid())
            color = Qt::gray;
        const QFontMetrics fm(option.font);
        QRectF badge(option.rect.left() + 4, option.rect.top() + 3, fm.horizontalAdvance(text) + 16,
                option.rect.height() - 6);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        painter->setPen(Qt::white);
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->drawText(badge, Qt::AlignCenter, text);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString text = index.data(fs::JobListModel::StatusTextRole).toString();
        QFont bold = option.font;
        bold.setBold(true);
        return QSize(QFontMetrics(bold).horizontalAdvance(text) + 28,
                QFontMetrics(option.font).height() + 10);
    }
};

/// The model columns: a model that stops answering soon (or already has) by the retirement
/// calendar gets a warning sign, and the sentence in its tooltip.
class RetirementMarkDelegate : public QStyledItemDelegate
{
public:
    RetirementMarkDelegate(std::function<QString(const QString &model)> notice, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_notice(std::move(notice))
    {
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!m_notice(index.data(Qt::DisplayRole).toString()).isEmpty()) {
            const QWidget *view = option->widget;
            option->icon = (view ? view->style() : QApplication::style())
                                   ->standardIcon(QStyle::SP_MessageBoxWarning);
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->decorationSize =
                    QSize(option->fontMetrics.height(), option->fontMetrics.height());
        }
    }

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
            const QModelIndex &index) override
    {
        const QString model = index.data(Qt::DisplayRole).toString();
        const QString notice = m_notice(model);
        if (event && event->type() == QEvent::ToolTip && !notice.isEmpty()) {
            QToolTip::showText(event->globalPos(), model + QLatin1Char('\n') + notice, view);
            return true;
        }
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }

private:
    std::function<QString(const QString &model)> m_notice;
};

/// "New job…": in the File menu once attached to a window, else the area's own action. The empty
/// list names these keys.
QKeySequence newJobKeys()
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N);
}

} // namespace

JobsArea::JobsArea(MainWindow *window, DatasetArea *datasets, QWidget *parent)
    : QWidget(parent)
    , m_window(window)
    , m_active(window->activeConnection())
    , m_nam(window->networkAccessManager())
    , m_datasets(datasets)
    , m_settings(&fs::AppSettings::standard()) // the user's prices, the last model
{
    init();
}

JobsArea::JobsArea(fs::ActiveConnection *active, QNetworkAccessManager *nam, DatasetArea *datasets,
        const QString &historyPath, fs::AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_active(active)
    , m_nam(nam)
    , m_datasets(datasets)
    , m_historyPath(historyPath)
    , m_settings(settings)
{
    init();
}

JobsArea::~JobsArea()
{
    // The history goes before the tracker and the model (children): neither may write to it.
    if (m_tracker) {
        m_tracker->unwatchAll();
        m_tracker->setHistory(nullptr);
    }
    if (m_listModel)
        m_listModel->setHistory(nullptr);
}

void JobsArea::init()
{
    setObjectName(QStringLiteral("jobsArea"));
    m_client = new fs::ApiClient(m_nam, m_active->connection(), this);
    m_tracker = new fs::JobTracker(m_client, this);
    m_listModel = new fs::JobListModel(this);
    m_notifier = new JobNotifier(this, this);
    createActions();
    createNoticeBar();
    QToolBar *toolBar = createToolBar();
    createJobList();
    createMonitor();

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("jobsSplitter"));
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(m_monitor);
    // The list gets two fifths of the height: several jobs in sight above the monitor.
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({400, 600});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_noticeFrame);
    auto *top = new QHBoxLayout;
    top->addWidget(toolBar);
    top->addWidget(m_messageLabel, 1);
    top->addWidget(m_keepTryingButton);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);

    connectTrackerAndList();
    switchConnection();
    onConnectionState();
}

/// The notice bar: a job that ended, with Show and dismiss.
void JobsArea::createNoticeBar()
{
    m_noticeFrame = new QFrame(this);
    m_noticeFrame->setObjectName(QStringLiteral("noticeFrame"));
    m_noticeFrame->setFrameShape(QFrame::StyledPanel);
    m_noticeFrame->setStyleSheet(QStringLiteral("#noticeFrame { background: #e7f3ff; border: 1px "
                                                "solid #8ab4e0; border-radius: 4px; }"));
    m_noticeLabel = new QLabel(m_noticeFrame);
    m_noticeLabel->setObjectName(QStringLiteral("noticeLabel"));
    m_noticeLabel->setWordWrap(true);
    auto *showButton = new QPushButton(tr("Show"), m_noticeFrame);
    showButton->setObjectName(QStringLiteral("noticeShowPushButton"));
    connect(showButton, &QPushButton::clicked, this, [this] {
        selectJob(m_noticeJobId);
        m_noticeFrame->hide();
    });
    auto *closeButton = new QToolButton(m_noticeFrame);
    closeButton->setText(QStringLiteral("✕"));
    closeButton->setToolTip(tr("Dismiss"));
    closeButton->setAutoRaise(true);
    connect(closeButton, &QToolButton::clicked, m_noticeFrame, &QFrame::hide);
    auto *noticeLayout = new QHBoxLayout(m_noticeFrame);
    noticeLayout->addWidget(m_noticeLabel, 1);
    noticeLayout->addWidget(showButton);
    noticeLayout->addWidget(closeButton);
    m_noticeFrame->hide();
    connect(m_notifier, &JobNotifier::noticeRequested, this, &JobsArea::showNotice);
    connect(m_notifier, &JobNotifier::activated, this, &JobsArea::selectJob);
}

/// The actions, then the area's message and "Keep trying" beside them.
QToolBar *JobsArea::createToolBar()
{
    auto *toolBar = new QToolBar(this);
    toolBar->setObjectName(QStringLiteral("jobsToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addActions(m_actions);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("jobsMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setEnabled(false);
    // Shown when watching a job stopped after failures in a row (the service misbehaved).
    m_keepTryingButton = new QPushButton(tr("Keep trying"), this);
    m_keepTryingButton->setObjectName(QStringLiteral("keepTryingPushButton"));
    m_keepTryingButton->setToolTip(tr("Check the service again for the jobs that stopped being "
                                      "watched"));
    m_keepTryingButton->hide();
    connect(m_keepTryingButton, &QPushButton::clicked, this, &JobsArea::keepTrying);
    return toolBar;
}

/// The list of jobs, or a sentence when there is none.
void JobsArea::createJobList()
{
    m_listView = new QTableView(this);
    m_listView->setObjectName(QStringLiteral("jobsTableView"));
    m_listView->setModel(m_listModel);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->verticalHeader()->hide();
    m_listView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_listView->verticalHeader()->setDefaultSectionSize(m_listView->fontMetrics().height() + 10);
    m_listView->setWordWrap(false);
    m_listView->setItemDelegateForColumn(
            fs::JobListModel::StatusColumn, new StatusBadgeDelegate(m_listView));
    sizeListColumns();
    m_listView->setTextElideMode(Qt::ElideMiddle); // a name's start and its id both show
    m_listView->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (const char *name :
            {"cancelJobAction", "pauseJobAction", "resumeJobAction", "deleteJobAction"})
        m_listView->addAction(action(QLatin1String(name)));
    connect(m_listView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsArea::onSelectionChanged);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("jobsEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setEnabled(false);
    m_listStack = new QStackedWidget(this);
    m_listStack->addWidget(m_emptyLabel);
    m_listStack->addWidget(m_listView);
}

void JobsArea::sizeListColumns()
{
    // A job list is short (hundreds of rows): the short columns fit their contents; the job id
    // and the fine-tuned model keep fixed widths (at least their headings) and the base model
    // takes the rest. Names are cut in the middle where narrow (their tooltips hold them whole),
    // so Duration and Trained tokens stay in sight at 1024 px in English and Japanese.
    QHeaderView *columns = m_listView->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(fs::JobListModel::IdColumn, QHeaderView::Interactive);
    columns->setSectionResizeMode(fs::JobListModel::FineTunedModelColumn, QHeaderView::Interactive);
    columns->setSectionResizeMode(fs::JobListModel::BaseModelColumn, QHeaderView::Stretch);
    columns->setStretchLastSection(false);
    const QFontMetrics metrics = m_listView->fontMetrics();
    columns->resizeSection(fs::JobListModel::IdColumn,
            qMax(columns->sectionSizeHint(fs::JobListModel::IdColumn),
                    metrics.horizontalAdvance(QStringLiteral("ftjob-abcd…abcd")) + 12));
    columns->resizeSection(fs::JobListModel::FineTunedModelColumn,
            qMax(columns->sectionSizeHint(fs::JobListModel::FineTunedModelColumn),
                    metrics.horizontalAdvance(QStringLiteral("ft:gpt-4.1-mini…abcd")) + 12));
}

/// The selected job's monitor, on the list's clock and retirement calendar.
void JobsArea::createMonitor()
{
    m_monitor = new JobMonitor(this);
    m_monitor->setTracker(m_tracker);
    // One clock, one tick: the list's Duration and the monitor's never disagree.
    m_clock = new fs::JobClock(this);
    m_listModel->setNow(m_clock->now());
    connect(m_clock, &fs::JobClock::ticked, m_listModel, &fs::JobListModel::setNow);
    m_monitor->setClock(m_clock);
    // Models that retire soon are marked in the list and the monitor, in the active service's
    // calendar.
    const auto retirementNotice = [this](const QString &model) {
        return fs::RetirementCalendar::current().notice(
                m_active->connection().providerKind(), model, fs::RetirementCalendar::today());
    };
    m_monitor->setRetirementNotice(retirementNotice);
    for (const int column :
            {fs::JobListModel::BaseModelColumn, fs::JobListModel::FineTunedModelColumn})
        m_listView->setItemDelegateForColumn(
                column, new RetirementMarkDelegate(retirementNotice, m_listView));
    connect(m_monitor, &JobMonitor::openInPlayground, this, &JobsArea::openInPlayground);
}

/// What the tracker, the list model and the connection tell the area.
void JobsArea::connectTrackerAndList()
{
    connect(m_tracker, &fs::JobTracker::jobUpdated, this, &JobsArea::onJobUpdated);
    connect(m_tracker, &fs::JobTracker::statusChanged, this, &JobsArea::onStatusChanged);
    connect(m_tracker, &fs::JobTracker::pollFailed, this, &JobsArea::onPollFailed);
    connect(m_tracker, &fs::JobTracker::gaveUp, this, &JobsArea::onGaveUp);
    connect(m_listModel, &fs::JobListModel::refreshed, this, &JobsArea::onJobsMerged);
    connect(m_listModel, &fs::JobListModel::refreshFailed, this, [this](const fs::ApiError &error) {
        setMessage(tr("The job list could not be read: %1").arg(error.plainMessage()));
        updateEmptyState();
    });
    connect(m_listModel, &fs::JobListModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            setMessage(tr("Reading the jobs…"));
        updateEmptyState();
    });
    connect(m_listModel, &QAbstractItemModel::rowsInserted, this, &JobsArea::updateEmptyState);
    connect(m_listModel, &QAbstractItemModel::modelReset, this, &JobsArea::updateEmptyState);
    connect(m_listModel, &QAbstractItemModel::dataChanged, this, &JobsArea::updateActions);
    connect(m_active, &fs::ActiveConnection::connectionChanged, this, &JobsArea::switchConnection);
    connect(m_active, &fs::ActiveConnection::stateChanged, this, &JobsArea::onConnectionState);
}

void JobsArea::createActions()
{
    auto add = [this](const QString &name, const QString &text, const QKeySequence &shortcut,
                       void (JobsArea::*slot)(), const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(shortcut);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(shortcut.isEmpty()
                        ? tip
                        : tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions << a;
        return a;
    };
    QAction *newJob = add(QStringLiteral("newJobAction"), tr("New job…"), newJobKeys(),
            &JobsArea::newJob, tr("Start training a model on your examples"));
    newJob->setShortcutContext(Qt::WindowShortcut);
    add(QStringLiteral("refreshJobsAction"), tr("Refresh"), QKeySequence::Refresh,
            &JobsArea::refreshJobs, tr("Read the jobs from the service again"));
    add(QStringLiteral("cancelJobAction"), tr("Cancel job…"), QKeySequence(),
            &JobsArea::cancelSelectedJob, tr("Stop the selected job for good"));
    add(QStringLiteral("pauseJobAction"), tr("Pause"), QKeySequence(), &JobsArea::pauseSelectedJob,
            tr("Pause the selected job; it can be resumed later"));
    add(QStringLiteral("resumeJobAction"), tr("Resume"), QKeySequence(),
            &JobsArea::resumeSelectedJob, tr("Continue the paused job"));
    add(QStringLiteral("deleteJobAction"), tr("Delete job…"), QKeySequence(),
            &JobsArea::deleteSelectedJob, tr("Remove the selected job from the service"));
    updateActions();
}

NewJobDialog *JobsArea::newJobDialog() const
{
    return m_dialog;
}

QAction *JobsArea::action(const QString &objectName) const
{
    for (QAction *a : m_actions) {
        if (a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

void JobsArea::attachTo(MainWindow *window)
{
    m_window = window;
    QMenu *file = window->fileMenu();
    QAction *quit = window->findChild<QAction *>(QStringLiteral("quitAction"));
    auto *menuAction = new QAction(tr("New Fine-tuning &Job…"), this);
    menuAction->setObjectName(QStringLiteral("newJobMenuAction"));
    // The menu is always there, the area not: the shortcut moves to the menu entry so that it
    // works from every area.
    menuAction->setShortcut(newJobKeys());
    menuAction->setShortcutContext(Qt::WindowShortcut);
    if (QAction *own = action(QStringLiteral("newJobAction")))
        own->setShortcut(QKeySequence());
    connect(menuAction, &QAction::triggered, this, [this] {
        if (m_window) {
            for (int i = 0; i < m_window->areaCount(); ++i) {
                if (m_window->area(i) == this)
                    m_window->showArea(i);
            }
        }
        newJob();
    });
    file->insertAction(quit, menuAction);
    file->insertSeparator(quit);
}

void JobsArea::setTrackerIntervals(const fs::TrackerIntervals &intervals)
{
    m_tracker->setIntervals(intervals);
}

void JobsArea::switchConnection()
{
    const fs::Connection connection = m_active->connection();
    if (connection.id == m_connectionId && m_history) {
        m_client->setConnection(connection);
        return;
    }
    m_connectionId = connection.id;
    m_loadedOnce = false;
    m_tracker->unwatchAll();
    m_listModel->cancelRefresh();
    m_monitor->showJob({});

    // A new client per connection: replies of the old one finish on their own.
    fs::ApiClient *old = m_client;
    m_client = new fs::ApiClient(m_nam, connection, this);
    m_tracker->setClient(m_client);
    if (old)
        old->deleteLater();

    m_tracker->setHistory(nullptr);
    m_listModel->setHistory(nullptr);
    m_history = std::make_unique<fs::JobHistory>(connection.id);
    m_history->setDialectId(fs::dialectFor(connection)->id());
    if (m_history->open(m_historyPath)) {
        m_tracker->setHistory(m_history.get());
        m_listModel->setHistory(m_history.get());
        m_listModel->loadHistory();
    } else {
        setMessage(tr("The local job history cannot be used (%1); jobs are shown from the "
                      "service only.")
                           .arg(m_history->lastError()));
        m_history.reset();
        m_listModel->clear();
    }
    updateEmptyState();
    updateActions();
}

void JobsArea::onConnectionState()
{
    m_client->setConnection(m_active->connection());
    const auto state = m_active->state();
    if (state == fs::ActiveConnection::State::Connected && !m_loadedOnce) {
        m_loadedOnce = true;
        refreshJobs();
        watchUnfinished();
    } else if (state == fs::ActiveConnection::State::Problem) {
        setMessage(tr("Jobs cannot be read: %1").arg(m_active->message()));
    }
}

void JobsArea::refreshJobs()
{
    m_listModel->refresh(m_client);
}

void JobsArea::onJobsMerged()
{
    setMessage({});
    watchUnfinished();
    updateEmptyState();
    updateActions();
}

void JobsArea::watchUnfinished()
{
    // Every job still on its way is followed, so that its end is noticed wherever the person is.
    for (const fs::FineTuningJob &job : m_listModel->jobs()) {
        if (!job.isTerminal() && !m_tracker->isWatching(job.id))
            m_tracker->watch(job.id);
    }
    updateKeepTrying();
}

void JobsArea::onJobUpdated(const fs::FineTuningJob &job)
{
    m_listModel->updateJob(job);
    if (job.id == currentJobId())
        updateActions();
}

void JobsArea::onStatusChanged(
        const QString &jobId, fs::FineTuningJob::Status from, fs::FineTuningJob::Status to)
{
    const fs::FineTuningJob job = m_tracker->job(jobId);
    const bool wasOnItsWay = from != fs::FineTuningJob::Status::Unknown
            && from != fs::FineTuningJob::Status::Succeeded
            && from != fs::FineTuningJob::Status::Failed
            && from != fs::FineTuningJob::Status::Cancelled;
    if (job.isTerminal() && wasOnItsWay && to == job.status)
        m_notifier->notifyJobEnded(job, m_active->connection().providerKind());
    updateActions();
}

void JobsArea::onPollFailed(const QString &jobId, const fs::ApiError &error, bool willRetry)
{
    if (jobId != currentJobId())
        return;
    setMessage(willRetry ? tr("Could not reach the service (%1). Trying again shortly.")
                                   .arg(error.plainMessage())
                         : tr("This job can no longer be followed: %1").arg(error.plainMessage()));
}

void JobsArea::onGaveUp(const QString &jobId, const fs::ApiError &, const QString &sentence)
{
    // Shown whichever job it is: the others on this connection likely fare the same.
    setMessage(jobId == currentJobId() ? sentence : tr("Job %1: %2").arg(jobId, sentence));
    m_messageLabel->setEnabled(true); // not a passing note: watching stopped
    updateKeepTrying();
}

void JobsArea::keepTrying()
{
    setMessage({});
    m_tracker->keepTrying();
    updateKeepTrying();
}

void JobsArea::updateKeepTrying()
{
    bool any = false;
    for (const fs::FineTuningJob &job : m_listModel->jobs())
        any = any || !m_tracker->gaveUpSentence(job.id).isEmpty();
    m_keepTryingButton->setVisible(any);
}

QString JobsArea::currentJobId() const
{
    if (!m_listView)
        return {};
    const QModelIndexList rows = m_listView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_listModel->data(rows.first(), fs::JobListModel::JobIdRole).toString();
}

bool JobsArea::selectJob(const QString &jobId)
{
    const int row = m_listModel->rowOf(jobId);
    if (row < 0)
        return false;
    m_listView->selectRow(row);
    m_listView->scrollTo(m_listModel->index(row, 0));
    return true;
}

void JobsArea::onSelectionChanged()
{
    const QString id = currentJobId();
    if (!id.isEmpty() && !m_tracker->isWatching(id))
        m_tracker->watch(id); // a finished job is read once (or comes from the history)
    updateKeepTrying(); // selecting a job whose watch stopped tries it again
    m_monitor->showJob(id);
    updateActions();
}

void JobsArea::updateActions()
{
    const QString id = currentJobId();
    const int row = id.isEmpty() ? -1 : m_listModel->rowOf(id);
    const fs::FineTuningJob job = row >= 0 ? m_listModel->jobAt(row) : fs::FineTuningJob();
    const bool has = row >= 0;
    // A service without pausing (Together AI) or cancelling (Fireworks AI) says so in the
    // tooltip; the actions stay off. Deleting is offered only where the service deletes jobs.
    const fs::Dialect *dialect = m_tracker->dialect();
    if (QAction *a = action(QStringLiteral("cancelJobAction")))
        a->setEnabled(has && fs::JobTexts::canCancel(job.status));
    auto offer = [&](const QString &name, bool possible, const QString &tip,
                         const fs::Expected<fs::HttpCall> &call) {
        QAction *a = action(name);
        if (!a)
            return;
        const bool unsupported =
                !call.ok() && call.error().kind == fs::DialectError::Kind::Unsupported;
        a->setEnabled(has && possible && !unsupported);
        a->setVisible(!unsupported);
        a->setToolTip(unsupported ? call.error().message : tip);
    };
    if (dialect) {
        offer(QStringLiteral("pauseJobAction"), fs::JobTexts::canPause(job.status),
                tr("Pause the selected job; it can be resumed later"), dialect->pauseJob(job.id));
        offer(QStringLiteral("resumeJobAction"), fs::JobTexts::canResume(job.status),
                tr("Continue the paused job"), dialect->resumeJob(job.id));
        offer(QStringLiteral("cancelJobAction"), fs::JobTexts::canCancel(job.status),
                tr("Stop the selected job for good"), dialect->cancelJob(job.id));
        offer(QStringLiteral("deleteJobAction"), true,
                tr("Remove the selected job from the service"), dialect->deleteJob(job.id));
    } else if (QAction *a = action(QStringLiteral("deleteJobAction"))) {
        a->setEnabled(false);
        a->setVisible(false);
    }
}

void JobsArea::updateEmptyState()
{
    if (m_listModel->rowCount() > 0) {
        m_listStack->setCurrentWidget(m_listView);
        return;
    }
    if (m_listModel->isLoading())
        m_emptyLabel->setText(tr("Reading the jobs of this connection…"));
    else
        m_emptyLabel->setText(tr("No fine-tuning jobs on this connection yet.\nPress “New job…” "
                                 "(%1) to train a model on your examples.")
                                      .arg(newJobKeys().toString(QKeySequence::NativeText)));
    m_listStack->setCurrentWidget(m_emptyLabel);
}

void JobsArea::setMessage(const QString &text)
{
    m_messageLabel->setText(text);
    m_messageLabel->setEnabled(false);
}

QString JobsArea::noticeText() const
{
    return m_noticeFrame->isHidden() ? QString() : m_noticeLabel->text();
}

void JobsArea::showNotice(const QString &jobId, const QString &title, const QString &text,
        fs::FineTuningJob::Status status)
{
    Q_UNUSED(status)
    m_noticeJobId = jobId;
    m_noticeLabel->setText(
            QStringLiteral("<b>%1</b> — %2").arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
    m_noticeFrame->show();
}

void JobsArea::setUploadQueue(fs::UploadQueue *queue)
{
    m_uploadQueue = queue;
}

void JobsArea::newJob()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const fs::PriceTable prices = fs::PriceTable::load(m_settings);
    m_dialog = new NewJobDialog(m_client, m_datasets, m_active->check().models, prices, this,
            m_settings ? m_settings->lastBaseModel() : QString());
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    if (!m_uploadOptions.journalDirectory.isEmpty())
        m_dialog->setUploadOptions(m_uploadOptions);
    m_dialog->setUploadQueue(m_uploadQueue);
    connect(m_dialog, &NewJobDialog::jobCreated, this, [this](const fs::FineTuningJob &job) {
        // The next form (and the dataset's cost panel) starts with this model.
        if (m_settings)
            m_settings->setLastBaseModel(job.model);
        m_listModel->updateJob(job);
        m_tracker->watch(job.id);
        selectJob(job.id);
        updateEmptyState();
        Q_EMIT jobCreated(job);
    });
    m_dialog->show();
}

void JobsArea::cancelSelectedJob()
{
    const QString id = currentJobId();
    if (id.isEmpty())
        return;
    const auto answer = MessageBox::question(this, tr("Cancel job"),
            tr("Cancel the job %1?").arg(id), QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
            tr("Training stops for good and cannot be resumed. Steps already trained may still "
               "be billed."));
    if (answer != QMessageBox::Yes)
        return;
    runJobAction(QStringLiteral("cancel"), id);
}

void JobsArea::deleteSelectedJob()
{
    const QString id = currentJobId();
    fs::ProviderClient *provider = m_tracker->provider();
    if (id.isEmpty() || !provider || !m_tracker->dialect())
        return;
    const int row = m_listModel->rowOf(id);
    const bool training = row >= 0 && !m_listModel->jobAt(row).isTerminal();
    const QString service = m_tracker->dialect()->serviceName();
    MessageRequest request;
    request.icon = QMessageBox::Warning;
    request.title = tr("Delete job");
    request.text = tr("Delete the job %1?").arg(id);
    request.informativeText = training
            ? tr("It stops training and is removed from %1 and from this list, with its chart. "
                 "This cannot be undone. Steps already trained may still be billed.")
                      .arg(service)
            : tr("It is removed from %1 and from this list, with its chart. This cannot be "
                 "undone.")
                      .arg(service);
    request.buttons = QMessageBox::Yes | QMessageBox::No;
    request.defaultButton = QMessageBox::No;
    request.buttonTexts = {{QMessageBox::Yes, tr("Delete Job")}, {QMessageBox::No, tr("Keep It")}};
    const QMessageBox::StandardButton answer = MessageBox::show(this, request);
    if (answer != QMessageBox::Yes)
        return;
    disableJobActions(); // until the service answered
    const QPointer<JobsArea> self(this);
    provider->deleteJob(id, [self, id](const fs::ProviderResult<bool> &result) {
        if (!self)
            return;
        if (result.ok()) {
            self->m_tracker->forget(id);
            self->m_listModel->removeJob(id);
            self->updateEmptyState();
        } else if (result.error.kind != fs::ApiError::Kind::Cancelled) {
            MessageBox::warning(self, tr("Delete job"),
                    tr("The service did not delete job %1.").arg(id), result.error.plainMessage());
        }
        self->updateActions();
    });
}

void JobsArea::pauseSelectedJob()
{
    const QString id = currentJobId();
    if (!id.isEmpty())
        runJobAction(QStringLiteral("pause"), id);
}

void JobsArea::resumeSelectedJob()
{
    const QString id = currentJobId();
    if (!id.isEmpty())
        runJobAction(QStringLiteral("resume"), id);
}

void JobsArea::disableJobActions()
{
    for (QAction *a : m_actions) {
        if (a->objectName() != QLatin1String("newJobAction")
                && a->objectName() != QLatin1String("refreshJobsAction"))
            a->setEnabled(false);
    }
}

void JobsArea::runJobAction(const QString &what, const QString &jobId)
{
    fs::ProviderClient *provider = m_tracker->provider();
    if (!provider)
        return;
    disableJobActions(); // until the service answered
    // Answered with the job, in the connection's dialect.
    const QPointer<JobsArea> self(this);
    auto done = [self, what, jobId](const fs::ProviderResult<fs::FineTuningJob> &result) {
        if (!self)
            return;
        if (result.ok()) {
            if (!result.value->id.isEmpty())
                self->m_listModel->updateJob(*result.value);
            if (!self->m_tracker->isWatching(jobId))
                self->m_tracker->watch(jobId);
            self->m_tracker->pollNow(jobId);
        } else if (result.error.kind != fs::ApiError::Kind::Cancelled) {
            const QString title = what == QLatin1String("cancel") ? tr("Cancel job")
                    : what == QLatin1String("pause")              ? tr("Pause job")
                                                                  : tr("Resume job");
            MessageBox::warning(self, title,
                    tr("The service did not accept this for job %1.").arg(jobId),
                    result.error.plainMessage());
        }
        self->updateActions();
    };
    if (what == QLatin1String("cancel"))
        provider->cancelJob(jobId, done);
    else if (what == QLatin1String("pause"))
        provider->pauseJob(jobId, done);
    else
        provider->resumeJob(jobId, done);
}

} // namespace fs::ui
