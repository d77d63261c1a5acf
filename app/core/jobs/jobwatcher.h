// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"
#include "jobeventlog.h"

#include <QObject>

namespace fs {

class ApiClient;
class JobTracker;

/**
 * @brief Follows one fine-tuning job: a single-job view of JobTracker (see its polling rule).
 *
 * Kept for code that follows one job; new code uses JobTracker, which also collects metrics,
 * checkpoints and the result file. This one does not fetch results at the end: finished() comes
 * once the job is terminal and its last events have been read.
 */
class JobWatcher : public QObject
{
    Q_OBJECT
public:
    JobWatcher(ApiClient *client, const QString &jobId, QObject *parent = nullptr);

    QString jobId() const { return m_jobId; }
    FineTuningJob job() const;
    const JobEventLog &eventLog() const;
    bool isRunning() const;
    JobTracker *tracker() const { return m_tracker; }

    /// Intervals in milliseconds; tests and the CLI shorten them.
    void setIntervals(int runningMs, int waitingMs, int maxBackoffMs);
    int pageSize() const { return 100; }

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void eventsAdded(const QList<fs::JobEvent> &oldestFirst);
    void jobUpdated(const fs::FineTuningJob &job);
    /// A poll failed; polling goes on after a longer pause unless the error is final (404, 401)
    /// or the tracker's retry budget ran out (willRetry false in both cases).
    void pollFailed(const fs::ApiError &error, bool willRetry);
    void finished(const fs::FineTuningJob &job);

private:
    QString m_jobId;
    JobTracker *m_tracker;
    JobEventLog m_empty;
};

} // namespace fs
