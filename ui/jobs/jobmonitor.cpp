// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobmonitor.h"

#include "checkpointmodel.h"
#include "jobclock.h"
#include "jobeventmodel.h"
#include "jobtexts.h"
#include "jobtracker.h"
#include "metricschart.h"
#include "retirementbanner.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

QString badgeStyle(const QColor &color)
{
    return QStringLiteral("QLabel { background: %1; color: white; border-radius: 8px;"
                          " padding: 2px 10px; font-weight: bold; }")
            .arg(color.name());
}

void makeCompact(QTableView *view)
{
    // Fixed row heights: the log stays fluid with 100,000 rows.
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
}

} // namespace

JobMonitor::JobMonitor(QWidget *parent)
    : QWidget(parent)
    , m_eventModel(new fs::JobEventModel(this))
    , m_eventFilter(new fs::JobEventFilterModel(this))
    , m_checkpointModel(new fs::CheckpointModel(this))
{
    setObjectName(QStringLiteral("jobMonitor"));

    m_emptyLabel = new QLabel(
            tr("Choose a job in the list above to follow its training here: progress, the loss "
               "chart, the service's messages and the saved checkpoints."),
            this);
    m_emptyLabel->setObjectName(QStringLiteral("monitorEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setEnabled(false);

    createStatusLine();
    m_chart = new MetricsChart(this);
    QWidget *eventsPage = createEventsPage();
    QWidget *checkpointsPage = createCheckpointsPage();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("monitorTabWidget"));
    m_tabs->addTab(m_chart, tr("Training chart"));
    m_tabs->addTab(eventsPage, tr("Messages"));
    m_tabs->addTab(checkpointsPage, tr("Checkpoints"));

    QWidget *jobPage = createJobPage();
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyLabel);
    m_pages->addWidget(jobPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    showJob({});
}

/// The status line's widgets: badge, title, progress, model buttons, error and retirement.
void JobMonitor::createStatusLine()
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("jobTitleLabel"));
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_titleLabel->setWordWrap(true);
    m_badgeLabel = new QLabel(this);
    m_badgeLabel->setObjectName(QStringLiteral("statusBadgeLabel"));
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLineLabel"));
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("jobProgressBar"));
    m_progressBar->setTextVisible(true);
    m_progressBar->setMinimumWidth(220);
    m_progressBar->setMaximumWidth(320);
    m_playgroundButton = new QPushButton(tr("Open in Playground"), this);
    m_playgroundButton->setObjectName(QStringLiteral("openModelPushButton"));
    m_playgroundButton->setToolTip(tr("Chat with the fine-tuned model"));
    m_playgroundButton->hide();
    connect(m_playgroundButton, &QPushButton::clicked, this, [this] {
        if (!m_job.fineTunedModel.isEmpty())
            Q_EMIT openInPlayground(m_job.fineTunedModel);
    });
    m_deployButton = new QPushButton(tr("Deploy to Try It…"), this);
    m_deployButton->setObjectName(QStringLiteral("deployModelPushButton"));
    m_deployButton->setToolTip(tr("This service answers with a fine-tuned model only while it "
                                  "runs on hardware of its own, billed while it runs"));
    m_deployButton->hide();
    connect(m_deployButton, &QPushButton::clicked, this, [this] {
        if (!m_job.fineTunedModel.isEmpty())
            Q_EMIT deployRequested(m_job.fineTunedModel);
    });
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("jobErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral(
            "QLabel { background: #fde7e9; color: #5c0b11; border: 1px solid #e8a0a8;"
            " border-radius: 4px; padding: 6px; }"));
    m_errorLabel->hide();
    m_retirementLabel = retirementNoteLabel(QStringLiteral("jobRetirementLabel"), this);
}

/// The service's messages, compact rows with Copy.
void JobMonitor::createEventView()
{
    m_eventFilter->setSourceModel(m_eventModel);
    m_eventView = new QTableView(this);
    m_eventView->setObjectName(QStringLiteral("eventsTableView"));
    m_eventView->setModel(m_eventFilter);
    makeCompact(m_eventView);
    m_eventView->horizontalHeader()->resizeSection(fs::JobEventModel::TimeColumn,
            m_eventView->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00"))
                    + 16);
    m_eventView->horizontalHeader()->resizeSection(fs::JobEventModel::LevelColumn,
            m_eventView->fontMetrics().horizontalAdvance(QStringLiteral("Warning")) + 24);
    auto *copyAction = new QAction(tr("Copy"), m_eventView);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &JobMonitor::copyEvents);
    m_eventView->addAction(copyAction);
    m_eventView->setContextMenuPolicy(Qt::ActionsContextMenu);
}

/// The Messages tab: the log with its level filter, search, "hide numbers" and Copy.
QWidget *JobMonitor::createEventsPage()
{
    createEventView();
    m_levelComboBox = new QComboBox(this);
    m_levelComboBox->setObjectName(QStringLiteral("levelComboBox"));
    m_levelComboBox->addItem(tr("All messages"), int(fs::JobEventFilterModel::AllLevels));
    m_levelComboBox->addItem(tr("Warnings and errors"),
            int(fs::JobEventFilterModel::Warning | fs::JobEventFilterModel::Error));
    m_levelComboBox->addItem(tr("Errors only"), int(fs::JobEventFilterModel::Error));
    m_eventSearchLineEdit = new QLineEdit(this);
    m_eventSearchLineEdit->setObjectName(QStringLiteral("eventSearchLineEdit"));
    m_eventSearchLineEdit->setPlaceholderText(tr("Search the messages"));
    m_eventSearchLineEdit->setClearButtonEnabled(true);
    m_hideMetricsCheckBox = new QCheckBox(tr("Hide step-by-step numbers"), this);
    m_hideMetricsCheckBox->setObjectName(QStringLiteral("hideMetricsCheckBox"));
    m_hideMetricsCheckBox->setToolTip(tr("The chart shows them; the log then keeps the "
                                         "service's messages only."));
    m_hideMetricsCheckBox->setChecked(false);
    auto *copyButton = new QPushButton(tr("Copy"), this);
    copyButton->setObjectName(QStringLiteral("copyEventsPushButton"));
    copyButton->setToolTip(tr("Copies the selected messages, or all shown ones"));
    connect(copyButton, &QPushButton::clicked, this, &JobMonitor::copyEvents);
    m_eventCountLabel = new QLabel(this);
    m_eventCountLabel->setObjectName(QStringLiteral("eventCountLabel"));
    m_eventCountLabel->setEnabled(false);
    connect(m_levelComboBox, &QComboBox::currentIndexChanged, this, &JobMonitor::updateEventFilter);
    // Filtering 100,000 messages takes a moment: wait until the typing pauses.
    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(250);
    connect(searchTimer, &QTimer::timeout, this, &JobMonitor::updateEventFilter);
    connect(m_eventSearchLineEdit, &QLineEdit::textChanged, searchTimer,
            qOverload<>(&QTimer::start));
    connect(m_hideMetricsCheckBox, &QCheckBox::toggled, this, &JobMonitor::updateEventFilter);
    auto *eventsPage = new QWidget(this);
    auto *eventBar = new QHBoxLayout;
    eventBar->addWidget(m_levelComboBox);
    eventBar->addWidget(m_eventSearchLineEdit, 1);
    eventBar->addWidget(m_hideMetricsCheckBox);
    eventBar->addWidget(copyButton);
    auto *eventsLayout = new QVBoxLayout(eventsPage);
    eventsLayout->addLayout(eventBar);
    eventsLayout->addWidget(m_eventView, 1);
    eventsLayout->addWidget(m_eventCountLabel);
    return eventsPage;
}

/// The Checkpoints tab: the saved checkpoints, one of them opened in the Playground.
QWidget *JobMonitor::createCheckpointsPage()
{
    m_checkpointView = new QTableView(this);
    m_checkpointView->setObjectName(QStringLiteral("checkpointsTableView"));
    m_checkpointView->setModel(m_checkpointModel);
    makeCompact(m_checkpointView);
    m_checkpointView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checkpointView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_checkpointView->horizontalHeader()->setStretchLastSection(true);
    m_checkpointHintLabel = new QLabel(this);
    m_checkpointHintLabel->setObjectName(QStringLiteral("checkpointHintLabel"));
    m_checkpointHintLabel->setWordWrap(true);
    m_checkpointPlaygroundButton = new QPushButton(tr("Open in Playground"), this);
    m_checkpointPlaygroundButton->setObjectName(QStringLiteral("openCheckpointPushButton"));
    m_checkpointPlaygroundButton->setEnabled(false);
    connect(m_checkpointPlaygroundButton, &QPushButton::clicked, this,
            &JobMonitor::openSelectedInPlayground);
    connect(m_checkpointView, &QTableView::doubleClicked, this,
            &JobMonitor::openSelectedInPlayground);
    connect(m_checkpointView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobMonitor::updateCheckpointActions);
    auto *checkpointsPage = new QWidget(this);
    auto *checkpointBar = new QHBoxLayout;
    checkpointBar->addWidget(m_checkpointHintLabel, 1);
    checkpointBar->addWidget(m_checkpointPlaygroundButton);
    auto *checkpointsLayout = new QVBoxLayout(checkpointsPage);
    checkpointsLayout->addLayout(checkpointBar);
    checkpointsLayout->addWidget(m_checkpointView, 1);
    return checkpointsPage;
}

/// One job: the status line above the tabs.
QWidget *JobMonitor::createJobPage()
{
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_badgeLabel);
    titleRow->addWidget(m_titleLabel, 1);
    titleRow->addWidget(m_deployButton);
    titleRow->addWidget(m_playgroundButton);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_progressBar);
    statusRow->addWidget(m_statusLabel, 1);

    auto *jobPage = new QWidget(this);
    auto *jobLayout = new QVBoxLayout(jobPage);
    jobLayout->setContentsMargins(0, 0, 0, 0);
    jobLayout->addLayout(titleRow);
    jobLayout->addLayout(statusRow);
    jobLayout->addWidget(m_errorLabel);
    jobLayout->addWidget(m_retirementLabel);
    jobLayout->addWidget(m_tabs, 1);
    return jobPage;
}

JobMonitor::~JobMonitor() = default;

void JobMonitor::setTracker(fs::JobTracker *tracker)
{
    if (m_tracker == tracker)
        return;
    if (m_tracker)
        disconnect(m_tracker, nullptr, this, nullptr);
    m_tracker = tracker;
    if (m_tracker) {
        connect(m_tracker, &fs::JobTracker::eventsAdded, this, &JobMonitor::onEventsAdded);
        connect(m_tracker, &fs::JobTracker::jobUpdated, this, &JobMonitor::onJobUpdated);
        connect(m_tracker, &fs::JobTracker::checkpointsUpdated, this, &JobMonitor::onCheckpoints);
        // Steps read from a metrics endpoint (Together) move the progress without an event.
        connect(m_tracker, &fs::JobTracker::metricsAdded, this, [this](const QString &jobId) {
            if (jobId == m_jobId)
                updateStatusLine();
        });
    }
    showJob({});
}

void JobMonitor::setClock(fs::JobClock *clock)
{
    if (m_clock)
        disconnect(m_clock, nullptr, this, nullptr);
    m_clock = clock;
    if (!m_clock)
        return;
    // Time left and the duration of an unfinished job move on without new data, on the tick
    // the job list's Duration column follows too.
    connect(m_clock, &fs::JobClock::ticked, this, [this] {
        if (!m_jobId.isEmpty() && !m_job.isTerminal())
            updateStatusLine();
    });
}

void JobMonitor::showJob(const QString &jobId)
{
    m_jobId = jobId;
    const bool known = m_tracker && !jobId.isEmpty() && m_tracker->isKnown(jobId);
    m_pages->setCurrentIndex(known ? 1 : 0);
    if (!known) {
        m_job = {};
        m_chart->setMetrics(nullptr);
        m_eventModel->clear();
        m_checkpointModel->setCheckpoints({});
        return;
    }
    m_job = m_tracker->job(jobId);
    if (m_job.id.isEmpty())
        m_job.id = jobId;
    m_chart->setMetrics(m_tracker->metrics(jobId));
    const fs::JobEventLog *log = m_tracker->eventLog(jobId);
    m_eventModel->setEvents(log ? log->events() : QList<fs::JobEvent>());
    m_eventView->scrollToBottom();
    m_checkpointModel->setCheckpoints(m_tracker->checkpoints(jobId));
    selectBestCheckpoint();
    updateCheckpointActions();
    updateEventFilter();
    updateStatusLine();
}

void JobMonitor::onEventsAdded(const QString &jobId, const QList<fs::JobEvent> &events)
{
    if (jobId != m_jobId)
        return;
    // Follow the newest messages only when the person has not scrolled up to read.
    QScrollBar *bar = m_eventView->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    m_eventModel->addEvents(events);
    if (atEnd)
        m_eventView->scrollToBottom();
    updateEventCount();
    updateStatusLine();
}

void JobMonitor::onJobUpdated(const fs::FineTuningJob &job)
{
    if (job.id != m_jobId)
        return;
    m_job = job;
    updateStatusLine();
}

void JobMonitor::onCheckpoints(const QString &jobId, const QList<fs::Checkpoint> &checkpoints)
{
    if (jobId != m_jobId)
        return;
    m_checkpointModel->setCheckpoints(checkpoints);
    selectBestCheckpoint();
    updateCheckpointActions();
}

void JobMonitor::updateStatusLine()
{
    if (m_jobId.isEmpty())
        return;
    const qint64 now = m_clock ? m_clock->now() : QDateTime::currentSecsSinceEpoch();
    m_badgeLabel->setText(fs::JobTexts::statusText(m_job));
    m_badgeLabel->setStyleSheet(badgeStyle(fs::JobTexts::statusColor(m_job.status)));

    QString title = QStringLiteral("<b>%1</b>").arg(m_job.id.toHtmlEscaped());
    if (!m_job.model.isEmpty())
        title += QStringLiteral(" · ") + tr("from %1").arg(m_job.model.toHtmlEscaped());
    if (!m_job.fineTunedModel.isEmpty())
        title += QStringLiteral(" → <b>%1</b>").arg(m_job.fineTunedModel.toHtmlEscaped());
    m_titleLabel->setText(title);
    m_playgroundButton->setVisible(!m_job.fineTunedModel.isEmpty());
    updateDeployOffer();
    updateRetirement();

    const fs::JobMetrics *metrics = m_tracker ? m_tracker->metrics(m_jobId) : nullptr;
    const int step = metrics ? metrics->series().lastStep() : 0;
    const int total = metrics ? metrics->series().totalSteps() : 0;
    updateProgressBar(step, total);
    m_statusLabel->setText(statusDetails(step, now));

    QString error;
    if (m_job.error && !m_job.error->isEmpty())
        error = fs::JobTexts::errorText(m_job.error->code, m_job.error->message);
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());
    m_chart->setEmptyMessage(m_job.isTerminal()
                    ? tr("This job ended before the service reported any training step, so "
                         "there is no chart. The Messages tab tells what happened.")
                    : QString());
}

/// "Step 3 of 10", busy while the job runs without a step yet, hidden otherwise.
void JobMonitor::updateProgressBar(int step, int total)
{
    const QLocale locale;
    if (total > 0) {
        m_progressBar->setRange(0, total);
        m_progressBar->setValue(m_job.status == fs::FineTuningJob::Status::Succeeded
                        ? total
                        : std::min(step, total));
        m_progressBar->setFormat(
                tr("Step %1 of %2").arg(locale.toString(step), locale.toString(total)));
        m_progressBar->show();
    } else if (m_job.status == fs::FineTuningJob::Status::Running
            || m_job.status == fs::FineTuningJob::Status::ValidatingFiles
            || m_job.status == fs::FineTuningJob::Status::Queued) {
        m_progressBar->setRange(0, 0); // busy: no step reported yet
        m_progressBar->show();
    } else {
        m_progressBar->hide();
    }
}

/// What the job is doing, time left, duration and tokens trained, joined by " · ".
QString JobMonitor::statusDetails(int step, qint64 now) const
{
    const QLocale locale;
    QStringList parts;
    switch (m_job.status) {
    case fs::FineTuningJob::Status::ValidatingFiles:
        parts << tr("The service is checking the training files.");
        break;
    case fs::FineTuningJob::Status::Queued:
        parts << tr("Waiting for the service to start training.");
        break;
    case fs::FineTuningJob::Status::Paused:
        parts << tr("Paused. Resume to continue from step %1.").arg(locale.toString(step));
        break;
    case fs::FineTuningJob::Status::Succeeded:
        parts << tr("Finished: the new model is ready.");
        break;
    case fs::FineTuningJob::Status::Failed:
        parts << tr("Training stopped with an error.");
        break;
    case fs::FineTuningJob::Status::Cancelled:
        parts << tr("Cancelled.");
        break;
    case fs::FineTuningJob::Status::Running:
    case fs::FineTuningJob::Status::Unknown:
        break;
    }
    const QString left = fs::JobTexts::timeLeftText(m_job, now);
    if (!left.isEmpty() && !m_job.isTerminal())
        parts << left; // "about 3 min left"
    const QString duration = fs::JobTexts::durationText(m_job, now);
    if (duration != QLatin1String("-") && !duration.isEmpty())
        parts << tr("Duration: %1").arg(duration);
    if (m_job.trainedTokens)
        parts << tr("%1 tokens trained").arg(locale.toString(*m_job.trainedTokens));
    return parts.join(QStringLiteral(" · "));
}

QString JobMonitor::statusLineText() const
{
    QString text = m_badgeLabel->text();
    if (!m_progressBar->isHidden() && m_progressBar->maximum() > 0)
        text += QStringLiteral(" · ") + m_progressBar->text();
    if (!m_statusLabel->text().isEmpty())
        text += QStringLiteral(" · ") + m_statusLabel->text();
    return text;
}

QString JobMonitor::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void JobMonitor::updateEventFilter()
{
    // Each setter re-filters every row: only call the ones that changed.
    const auto levels = fs::JobEventFilterModel::Levels(m_levelComboBox->currentData().toInt());
    if (m_eventFilter->levels() != levels)
        m_eventFilter->setLevels(levels);
    if (m_eventFilter->text() != m_eventSearchLineEdit->text())
        m_eventFilter->setText(m_eventSearchLineEdit->text());
    if (m_eventFilter->hideMetrics() != m_hideMetricsCheckBox->isChecked())
        m_eventFilter->setHideMetrics(m_hideMetricsCheckBox->isChecked());
    updateEventCount();
}

void JobMonitor::updateEventCount()
{
    const QLocale locale;
    const int shown = m_eventFilter->rowCount();
    const int all = m_eventModel->rowCount();
    m_eventCountLabel->setText(shown == all
                    ? tr("Messages: %1").arg(locale.toString(all))
                    : tr("%1 of %2 messages shown")
                              .arg(locale.toString(shown), locale.toString(all)));
}

void JobMonitor::copyEvents()
{
    QModelIndexList rows = m_eventView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        for (int row = 0; row < m_eventFilter->rowCount(); ++row)
            rows << m_eventFilter->index(row, 0);
    }
    std::sort(rows.begin(), rows.end(),
            [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QModelIndexList source;
    source.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        source << m_eventFilter->mapToSource(index);
    QApplication::clipboard()->setText(m_eventModel->toText(source));
}

void JobMonitor::updateCheckpointActions()
{
    const int best = m_checkpointModel->bestRow();
    const int count = m_checkpointModel->rowCount();
    if (count == 0) {
        m_checkpointHintLabel->setText(
                tr("The service saves a checkpoint (a usable copy of the model) at the end of "
                   "each of the last epochs. None yet."));
    } else if (best >= 0) {
        // The sentence names the measure the recommendation was decided on (in core).
        m_checkpointHintLabel->setText(
                m_checkpointModel->best().hint(m_checkpointModel->checkpointAt(best).stepNumber)
                + QLatin1Char(' ') + tr("Open it (or another one) in the Playground to try it."));
    } else {
        m_checkpointHintLabel->setText(
                tr("Select a checkpoint and open it in the Playground to try it."));
    }
    m_checkpointPlaygroundButton->setEnabled(
            m_checkpointView->selectionModel()->hasSelection() || best >= 0);
}

void JobMonitor::selectBestCheckpoint()
{
    // The best one is preselected: "Open in Playground" then opens what the hint recommends.
    const int best = m_checkpointModel->bestRow();
    if (best >= 0)
        m_checkpointView->selectRow(best);
}

void JobMonitor::setDeployOffer(std::function<bool(const QString &model)> needsDeploy)
{
    m_needsDeploy = std::move(needsDeploy);
    updateDeployOffer();
}

void JobMonitor::updateDeployOffer()
{
    m_deployButton->setVisible(!m_job.fineTunedModel.isEmpty() && m_needsDeploy
            && m_needsDeploy(m_job.fineTunedModel));
}

void JobMonitor::setRetirementNotice(std::function<QString(const QString &model)> notice)
{
    m_retirementNotice = std::move(notice);
    updateRetirement();
}

void JobMonitor::updateRetirement()
{
    const bool fineTuned = !m_job.fineTunedModel.isEmpty();
    const QString model = fineTuned ? m_job.fineTunedModel : m_job.model;
    const QString notice =
            m_retirementNotice && !model.isEmpty() ? m_retirementNotice(model) : QString();
    m_retirementLabel->setText(notice.isEmpty() ? QString()
                    : fineTuned                 ? tr("This fine-tuned model %1.").arg(notice)
                                                : tr("The base model %1 %2.").arg(model, notice));
    m_retirementLabel->setVisible(!notice.isEmpty());
}

void JobMonitor::openSelectedInPlayground()
{
    const QModelIndexList rows = m_checkpointView->selectionModel()->selectedRows();
    int row = rows.isEmpty() ? m_checkpointModel->bestRow() : rows.first().row();
    if (row < 0)
        return;
    const QString model = m_checkpointModel->checkpointAt(row).fineTunedModelCheckpoint;
    if (!model.isEmpty())
        Q_EMIT openInPlayground(model);
}

} // namespace fs::ui
