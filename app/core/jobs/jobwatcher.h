// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"
#include "jobeventlog.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace fs {

class ApiClient;
class ApiReply;

/**
 * @brief Follows one fine-tuning job: its status and its events, each event reported once.
 *
 * One cycle reads the newest page of events (back-filling older pages with `after` until it meets
 * a known event), then the job itself. The interval adapts: short while the job runs, longer
 * while it waits in the queue, backing off after errors. finished() comes once the job is in a
 * terminal state and its last events have been read.
 */
class JobWatcher : public QObject
{
    Q_OBJECT
public:
    JobWatcher(ApiClient *client, const QString &jobId, QObject *parent = nullptr);

    QString jobId() const { return m_jobId; }
    const FineTuningJob &job() const { return m_job; }
    const JobEventLog &eventLog() const { return m_log; }
    bool isRunning() const { return m_running; }

    /// Intervals in milliseconds; tests and the CLI shorten them.
    void setIntervals(int runningMs, int waitingMs, int maxBackoffMs);
    int pageSize() const { return 100; }

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void eventsAdded(const QList<fs::JobEvent> &oldestFirst);
    void jobUpdated(const fs::FineTuningJob &job);
    /// A poll failed; polling goes on after a longer pause unless the error is final (404, 401).
    void pollFailed(const fs::ApiError &error, bool willRetry);
    void finished(const fs::FineTuningJob &job);

private:
    void poll();
    void fetchEvents(const QString &after);
    void fetchJob();
    void scheduleNext();
    void handleError(const ApiError &error);

    ApiClient *m_client;
    QString m_jobId;
    FineTuningJob m_job;
    JobEventLog m_log;
    QList<JobEvent> m_pendingPages; ///< this cycle's pages, newest first
    QTimer *m_timer;
    QPointer<ApiReply> m_reply;
    int m_runningIntervalMs = 2000;
    int m_waitingIntervalMs = 5000;
    int m_maxBackoffMs = 60000;
    int m_failures = 0;
    bool m_running = false;
    bool m_jobSeen = false;
};

} // namespace fs
