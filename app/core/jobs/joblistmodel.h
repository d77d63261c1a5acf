// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace fs {

class ApiClient;
class JobHistory;
class ProviderClient;

/**
 * @brief Every job of a connection: the history merged with the server's pages, newest first.
 *
 * Rows are upserted by id (the newest copy of a job wins) and kept sorted by created_at
 * (newest first). With a history set, loadHistory() fills the list at start and every merged
 * job is written back to it.
 */
class JobListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StatusColumn,
        IdColumn,
        BaseModelColumn,
        FineTunedModelColumn,
        CreatedColumn,
        DurationColumn,
        TrainedTokensColumn,
        ColumnCount
    };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        JobRole, ///< QVariant of FineTuningJob
        StatusRole, ///< int(FineTuningJob::Status)
        StatusTextRole, ///< the badge text
        StatusColorRole, ///< QColor of the badge
        CreatedAtRole, ///< qint64 unix seconds (sorting)
        SortRole, ///< a value per column that sorts right (numbers for numbers)
    };

    explicit JobListModel(QObject *parent = nullptr);

    void setHistory(JobHistory *history) { m_history = history; }
    /// Replaces the rows with the jobs stored in the history.
    void loadHistory();

    /// Inserts new jobs and updates known ones; one model signal per contiguous change.
    void mergeJobs(const QList<FineTuningJob> &jobs);
    void updateJob(const FineTuningJob &job) { mergeJobs({job}); }
    /// Drops a job deleted on the service from the list and from the history (with its
    /// events, metrics and checkpoints), so it does not come back at the next start.
    bool removeJob(const QString &jobId);
    void clear();

    /// Reads the server's job pages (newest first) in the dialect of `client`'s connection and
    /// merges them, following `after` up to `maxPages` pages (services that page) or until a
    /// page holds only known terminal jobs that did not change.
    void refresh(ApiClient *client, int maxPages = 10);
    bool isLoading() const { return m_loading; }
    void cancelRefresh();

    FineTuningJob jobAt(int row) const;
    int rowOf(const QString &jobId) const;
    QList<FineTuningJob> jobs() const { return m_jobs; }

    /// Seconds since epoch used for the running jobs' duration: the JobClock's tick (shared
    /// with the monitor). Unfinished rows' Duration cells change with it.
    void setNow(qint64 now);
    void setNowForTesting(qint64 now) { setNow(now); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void refreshFailed(const fs::ApiError &error);
    void refreshed();

private:
    void fetchPage(const QString &after, int pagesLeft);
    qint64 now() const;

    QList<FineTuningJob> m_jobs;
    JobHistory *m_history = nullptr;
    ProviderClient *m_provider = nullptr; ///< on m_api, made again for another client
    QPointer<ApiClient> m_api;
    QPointer<QObject> m_reply;
    int m_serial = 0; ///< of the page read in flight: older answers are dropped
    bool m_loading = false;
    qint64 m_now = 0;
};

} // namespace fs
