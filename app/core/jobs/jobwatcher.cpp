// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobwatcher.h"

#include "jobtracker.h"

namespace fs {

JobWatcher::JobWatcher(ApiClient *client, const QString &jobId, QObject *parent)
    : QObject(parent)
    , m_jobId(jobId)
    , m_tracker(new JobTracker(client, this))
{
    m_tracker->setFetchResultsAtEnd(false);
    connect(m_tracker, &JobTracker::eventsAdded, this,
            [this](const QString &, const QList<JobEvent> &events) { Q_EMIT eventsAdded(events); });
    connect(m_tracker, &JobTracker::jobUpdated, this, &JobWatcher::jobUpdated);
    connect(m_tracker, &JobTracker::pollFailed, this,
            [this](const QString &, const ApiError &error, bool willRetry) {
                Q_EMIT pollFailed(error, willRetry);
            });
    // Retries ran out (JobTracker's WatchBudget): polling stopped, as after a final error.
    connect(m_tracker, &JobTracker::gaveUp, this,
            [this](const QString &, const ApiError &error) { Q_EMIT pollFailed(error, false); });
    connect(m_tracker, &JobTracker::finished, this, &JobWatcher::finished);
}

FineTuningJob JobWatcher::job() const
{
    return m_tracker->job(m_jobId);
}

const JobEventLog &JobWatcher::eventLog() const
{
    const JobEventLog *log = m_tracker->eventLog(m_jobId);
    return log ? *log : m_empty;
}

bool JobWatcher::isRunning() const
{
    return m_tracker->isWatching(m_jobId);
}

void JobWatcher::setIntervals(int runningMs, int waitingMs, int maxBackoffMs)
{
    TrackerIntervals intervals = m_tracker->intervals();
    intervals.runningMs = runningMs;
    intervals.waitingMs = waitingMs;
    intervals.maxBackoffMs = maxBackoffMs;
    intervals.pageSize = pageSize();
    m_tracker->setIntervals(intervals);
}

void JobWatcher::start()
{
    m_tracker->watch(m_jobId);
}

void JobWatcher::stop()
{
    m_tracker->unwatch(m_jobId);
}

} // namespace fs
