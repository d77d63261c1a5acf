// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"
#include "jobtracker.h"
#include "uploader.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class QAction;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolBar;
class QFrame;

namespace fs {
class AppSettings;
class ActiveConnection;
class ApiClient;
class JobClock;
class JobHistory;
class JobListModel;
class UploadQueue;
} // namespace fs

namespace fs::ui {

class DatasetArea;
class JobMonitor;
class JobNotifier;
class MainWindow;
class NewJobDialog;

/**
 * @brief The Jobs area: every fine-tuning job of the connection (with a local history that
 * survives restarts), starting new ones, and the monitor of the selected job.
 *
 * Jobs that are not finished are watched (several at once) so that a desktop notification comes
 * when one succeeds, fails or is cancelled — also while another area is shown or the window is
 * hidden. Everything is decided in core (JobTracker, JobListModel, JobTexts, JobFormRules).
 */
class JobsArea : public QWidget
{
    Q_OBJECT
public:
    /// Uses the window's active connection and network access; `datasets` may be null.
    explicit JobsArea(
            MainWindow *window, DatasetArea *datasets = nullptr, QWidget *parent = nullptr);
    /// From the pieces (tests). `historyPath` empty: JobHistory::defaultPath(). `settings` (the
    /// price table) may be null: the default prices.
    JobsArea(fs::ActiveConnection *active, QNetworkAccessManager *nam, DatasetArea *datasets,
            const QString &historyPath, AppSettings *settings = nullptr, QWidget *parent = nullptr);
    ~JobsArea() override;

    /// Puts "New fine-tuning job…" into the window's File menu.
    void attachTo(MainWindow *window);

    fs::JobTracker *tracker() const { return m_tracker; }
    fs::JobListModel *jobListModel() const { return m_listModel; }
    fs::JobHistory *history() const { return m_history.get(); }
    fs::ApiClient *client() const { return m_client; }
    JobMonitor *monitor() const { return m_monitor; }
    /// The clock the list's Duration column and the monitor follow together.
    fs::JobClock *clock() const { return m_clock; }
    JobNotifier *notifier() const { return m_notifier; }
    QTableView *jobListView() const { return m_listView; }
    /// The New job dialog while it is open.
    NewJobDialog *newJobDialog() const;
    QAction *action(const QString &objectName) const;

    /// Polling intervals for the tracker (tests shorten them).
    void setTrackerIntervals(const fs::TrackerIntervals &intervals);
    /// Upload options for the open dataset (tests: a private journal directory).
    void setUploadOptions(const fs::UploadOptions &options) { m_uploadOptions = options; }
    /// The window's upload queue: the new-job dialog uploads the open dataset through it, so
    /// the upload shows in the Files area too. Not owned.
    void setUploadQueue(fs::UploadQueue *queue);

    QString currentJobId() const;
    /// Selects a job in the list (and shows it in the monitor); false when it is not listed.
    bool selectJob(const QString &jobId);
    /// The in-window notice as shown (empty when hidden).
    QString noticeText() const;

public Q_SLOTS:
    /// Opens the New job form (window-modal; returns at once).
    void newJob();
    /// Reads the connection's jobs again (newest pages).
    void refreshJobs();
    /// Asks, then cancels the selected job.
    void cancelSelectedJob();
    /// Where the service deletes jobs (Fireworks AI): asks, deletes, drops it from the list.
    void deleteSelectedJob();
    void pauseSelectedJob();
    void resumeSelectedJob();

Q_SIGNALS:
    /// "Open in Playground" on a fine-tuned model or a checkpoint.
    void openInPlayground(const QString &model);
    /// A job was created from the form.
    void jobCreated(const fs::FineTuningJob &job);

private:
    void init();
    void createActions();
    void createNoticeBar();
    QToolBar *createToolBar();
    void createJobList();
    /// Short columns fit their contents; ids and names keep readable widths at 1024 px.
    void sizeListColumns();
    void createMonitor();
    void connectTrackerAndList();
    void switchConnection();
    void onConnectionState();
    void onSelectionChanged();
    void onJobsMerged();
    void onJobUpdated(const fs::FineTuningJob &job);
    void onStatusChanged(
            const QString &jobId, fs::FineTuningJob::Status from, fs::FineTuningJob::Status to);
    void onPollFailed(const QString &jobId, const fs::ApiError &error, bool willRetry);
    /// A job's watch ran out of retries (JobTracker::gaveUp): the sentence and "Keep trying".
    void onGaveUp(const QString &jobId, const fs::ApiError &error, const QString &sentence);
    void keepTrying();
    void updateKeepTrying();
    void watchUnfinished();
    void updateActions();
    void updateEmptyState();
    /// Every action on the selected job off (New job and Refresh stay).
    void disableJobActions();
    void showNotice(const QString &jobId, const QString &title, const QString &text,
            fs::FineTuningJob::Status status);
    void runJobAction(const QString &what, const QString &jobId);
    void setMessage(const QString &text);

    QPointer<MainWindow> m_window;
    fs::ActiveConnection *m_active;
    QNetworkAccessManager *m_nam;
    QPointer<DatasetArea> m_datasets;
    QString m_historyPath;
    AppSettings *m_settings;
    fs::UploadOptions m_uploadOptions;
    QPointer<fs::UploadQueue> m_uploadQueue;
    QString m_connectionId;
    bool m_loadedOnce = false;

    fs::ApiClient *m_client = nullptr;
    fs::JobTracker *m_tracker = nullptr;
    std::unique_ptr<fs::JobHistory> m_history;
    fs::JobListModel *m_listModel = nullptr;
    fs::JobClock *m_clock = nullptr;
    JobNotifier *m_notifier = nullptr;
    QPointer<NewJobDialog> m_dialog;

    QFrame *m_noticeFrame = nullptr;
    QLabel *m_noticeLabel = nullptr;
    QString m_noticeJobId;
    QLabel *m_messageLabel = nullptr;
    QPushButton *m_keepTryingButton = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QTableView *m_listView = nullptr;
    JobMonitor *m_monitor = nullptr;
    QSplitter *m_splitter = nullptr;
    QList<QAction *> m_actions;
};

} // namespace fs::ui
