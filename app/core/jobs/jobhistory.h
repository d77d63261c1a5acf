// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "metricsseries.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QSqlQuery;

namespace fs {

/**
 * @brief The local job history of one connection (SQLite through Qt SQL).
 *
 * Jobs (the service's raw JSON with the id of the dialect that reads it back, plus key columns),
 * their events, metrics steps and checkpoints are kept per connection id so that what was seen once
 * survives restarts, API paging and job expiry. Every write is an upsert inside one transaction per
 * call, so a batch of 100,000 events is one commit. Each instance has its own private Qt SQL
 * connection name. Not thread-safe: use it from the thread that opened it.
 */
class JobHistory
{
public:
    /// 2: jobs.dialect (NULL in files of version 1: OpenAI's shapes).
    static constexpr int kSchemaVersion = 2;

    explicit JobHistory(const QString &connectionId);
    ~JobHistory();
    JobHistory(const JobHistory &) = delete;
    JobHistory &operator=(const JobHistory &) = delete;

    /// AppDataLocation/job-history.sqlite
    static QString defaultPath();

    /// Opens (creating or migrating) the database at `path` (empty: defaultPath()). False with
    /// a plain reason in lastError() when it cannot be used.
    bool open(const QString &path = {});
    bool isOpen() const;
    void close();
    QString path() const { return m_path; }
    QString connectionId() const { return m_connectionId; }
    /// The dialect (Dialect::id(), e.g. "together") jobs saved from now on are read back with;
    /// "openai" unless set. Each stored job keeps its own.
    void setDialectId(const QString &id) { m_dialectId = id; }
    QString dialectId() const { return m_dialectId; }
    QString lastError() const { return m_lastError; }
    /// The schema version stored in the file (0 when not open).
    int schemaVersion() const;

    // Jobs
    bool saveJobs(const QList<FineTuningJob> &jobs);
    bool saveJob(const FineTuningJob &job) { return saveJobs({job}); }
    QList<FineTuningJob> jobs() const; ///< newest first (created_at, then id)
    std::optional<FineTuningJob> job(const QString &jobId) const;
    bool removeJob(const QString &jobId); ///< with its events, metrics and checkpoints

    // Events (kept once per id; the order of arrival breaks created_at ties)
    bool saveEvents(const QString &jobId, const QList<JobEvent> &oldestFirst);
    QList<JobEvent> events(const QString &jobId) const; ///< oldest first
    int eventCount(const QString &jobId) const;

    // Metrics steps (upsert by step: values present in the new point win)
    bool saveMetrics(const QString &jobId, const QList<MetricPoint> &points);
    QList<MetricPoint> metrics(const QString &jobId) const; ///< by step
    /// Whether the result CSV has completed the stored metrics (no need to download it again).
    bool setMetricsComplete(const QString &jobId, bool complete);
    bool metricsComplete(const QString &jobId) const;

    // Checkpoints
    bool saveCheckpoints(const QString &jobId, const QList<Checkpoint> &checkpoints);
    QList<Checkpoint> checkpoints(const QString &jobId) const; ///< by step
    /// Every checkpoint of every job of this connection, newest job first (for model pickers).
    QList<Checkpoint> allCheckpoints() const;
    /// The fine-tuned models of succeeded jobs, newest first (for model pickers).
    QStringList fineTunedModels() const;

private:
    bool exec(const QString &sql, const QVariantList &values = {}) const;
    /// Prepares and runs a SELECT on `query` whose first placeholder is this connection's id,
    /// followed by `values`; false when it could not run.
    bool select(QSqlQuery &query, const QString &sql, const QVariantList &values = {}) const;
    /// Runs `sql` for rows 0 … count-1 in one transaction; `bind(query, row)` binds a row's
    /// values and returns false to leave the row out. False (lastError()) when not written.
    bool writeRows(const QString &sql, qsizetype count,
            const std::function<bool(QSqlQuery &, qsizetype)> &bind);
    bool migrate();
    bool fail(const QString &what) const;
    /// A stored job's raw JSON read back with the dialect it was saved with.
    static FineTuningJob jobFrom(const QVariant &raw, const QVariant &dialectId);

    QString m_connectionId;
    QString m_dbName; ///< the private Qt SQL connection name
    QString m_path;
    QString m_dialectId = QStringLiteral("openai");
    mutable QString m_lastError;
};

} // namespace fs
