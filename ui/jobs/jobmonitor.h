// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include "apitypes.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace fs {
class CheckpointModel;
class JobClock;
class JobEventFilterModel;
class JobEventModel;
class JobTracker;
} // namespace fs

namespace fs::ui {

class MetricsChart;

/**
 * @brief The selected job: a status line with progress and time left, the training chart, the
 * event log (coloured by level, filterable, copyable) and the checkpoints.
 *
 * Everything comes from the JobTracker; the monitor follows its signals for the job it shows.
 */
class JobMonitor : public QWidget
{
    Q_OBJECT
public:
    explicit JobMonitor(QWidget *parent = nullptr);
    ~JobMonitor() override;

    /// Not owned. Null (or another tracker) clears what is shown.
    void setTracker(fs::JobTracker *tracker);
    /// The clock the duration and time left follow (shared with the job list); not owned. Without
    /// one they are computed at each update from the system time.
    void setClock(fs::JobClock *clock);
    /// Shows a job the tracker knows (watch() it first); empty shows the empty state.
    void showJob(const QString &jobId);
    QString jobId() const { return m_jobId; }

    /// The status line as shown ("Running · step 120 of 300 · about 3 min left").
    QString statusLineText() const;
    QString errorText() const; ///< the failed job's error in plain words, empty otherwise

    MetricsChart *chart() const { return m_chart; }
    QTabWidget *tabs() const { return m_tabs; }
    fs::JobEventModel *eventModel() const { return m_eventModel; }
    fs::JobEventFilterModel *eventFilterModel() const { return m_eventFilter; }
    QTableView *eventView() const { return m_eventView; }
    fs::CheckpointModel *checkpointModel() const { return m_checkpointModel; }
    QTableView *checkpointView() const { return m_checkpointView; }
    QProgressBar *progressBar() const { return m_progressBar; }

public Q_SLOTS:
    /// Copies the selected events (all shown ones when none is selected) as text.
    void copyEvents();
    /// Opens the selected checkpoint (else the fine-tuned model) in the Playground.
    void openSelectedInPlayground();

public:
    /// Deployments (set by the application): `needsDeploy` says whether a finished job's model
    /// must be deployed before it answers and none runs; then "Deploy to Try It…" is offered
    /// (deployRequested()). Call updateDeployOffer() when deployments change.
    void setDeployOffer(std::function<bool(const QString &model)> needsDeploy);
    void updateDeployOffer();
    QPushButton *deployButton() const { return m_deployButton; }
    /// Retirement (set by the jobs area): `notice` gives the sentence for a model that stops
    /// answering soon or already has ("stops answering on …"), empty otherwise; the monitor
    /// shows it for the job's fine-tuned model (else its base model).
    void setRetirementNotice(std::function<QString(const QString &model)> notice);
    QLabel *retirementLabel() const { return m_retirementLabel; }

Q_SIGNALS:
    void openInPlayground(const QString &model);
    void deployRequested(const QString &model);

private:
    void onEventsAdded(const QString &jobId, const QList<fs::JobEvent> &events);
    void onJobUpdated(const fs::FineTuningJob &job);
    void onCheckpoints(const QString &jobId, const QList<fs::Checkpoint> &checkpoints);
    void createStatusLine();
    void createEventView();
    QWidget *createEventsPage();
    QWidget *createCheckpointsPage();
    QWidget *createJobPage();
    void updateStatusLine();
    void updateProgressBar(int step, int total);
    QString statusDetails(int step, qint64 now) const;
    void updateRetirement();
    void updateEventFilter();
    void updateEventCount();
    void updateCheckpointActions();
    void selectBestCheckpoint();

    QPointer<fs::JobTracker> m_tracker;
    QString m_jobId;
    fs::FineTuningJob m_job;

    QStackedWidget *m_pages;
    QLabel *m_emptyLabel;
    QLabel *m_titleLabel;
    QLabel *m_badgeLabel;
    QLabel *m_statusLabel;
    QProgressBar *m_progressBar;
    QLabel *m_errorLabel;
    QPushButton *m_playgroundButton;
    QPushButton *m_deployButton = nullptr;
    std::function<bool(const QString &model)> m_needsDeploy;
    std::function<QString(const QString &model)> m_retirementNotice;
    QLabel *m_retirementLabel = nullptr;
    QTabWidget *m_tabs;
    MetricsChart *m_chart;
    fs::JobEventModel *m_eventModel;
    fs::JobEventFilterModel *m_eventFilter;
    QTableView *m_eventView;
    QComboBox *m_levelComboBox;
    QLineEdit *m_eventSearchLineEdit;
    QCheckBox *m_hideMetricsCheckBox;
    QLabel *m_eventCountLabel;
    fs::CheckpointModel *m_checkpointModel;
    QTableView *m_checkpointView;
    QLabel *m_checkpointHintLabel;
    QPushButton *m_checkpointPlaygroundButton;
    QPointer<fs::JobClock> m_clock;
};

} // namespace fs::ui
