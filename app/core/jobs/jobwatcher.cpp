// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobwatcher.h"

#include "apiclient.h"

#include <QTimer>

#include <algorithm>

namespace fs {

JobWatcher::JobWatcher(ApiClient *client, const QString &jobId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobId(jobId)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &JobWatcher::poll);
}

void JobWatcher::setIntervals(int runningMs, int waitingMs, int maxBackoffMs)
{
    m_runningIntervalMs = runningMs;
    m_waitingIntervalMs = waitingMs;
    m_maxBackoffMs = maxBackoffMs;
}

void JobWatcher::start()
{
    if (m_running)
        return;
    m_running = true;
    poll();
}

void JobWatcher::stop()
{
    m_running = false;
    m_timer->stop();
    if (m_reply)
        m_reply->abort();
}

void JobWatcher::poll()
{
    if (!m_running)
        return;
    m_pendingPages.clear();
    fetchEvents(QString());
}

void JobWatcher::fetchEvents(const QString &after)
{
    ApiReply *reply = m_client->listJobEvents(m_jobId, after, pageSize());
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!m_running)
            return;
        if (!reply->ok()) {
            handleError(reply->error());
            return;
        }
        const Page<JobEvent> page = parseEventPage(reply->json());
        m_pendingPages.append(page.data);
        const bool reachedKnown = std::any_of(page.data.cbegin(), page.data.cend(),
                [this](const JobEvent &e) { return m_log.contains(e.id); });
        // Follow older pages until the run of new events joins what we already have.
        if (!reachedKnown && page.hasMore && !page.lastId.isEmpty()) {
            fetchEvents(page.lastId);
            return;
        }
        const JobEventLog::Merge merge = m_log.merge(m_pendingPages);
        m_pendingPages.clear();
        if (!merge.added.isEmpty())
            Q_EMIT eventsAdded(merge.added);
        fetchJob();
    });
}

void JobWatcher::fetchJob()
{
    ApiReply *reply = m_client->retrieveJob(m_jobId);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!m_running)
            return;
        if (!reply->ok()) {
            handleError(reply->error());
            return;
        }
        m_failures = 0;
        const FineTuningJob job = FineTuningJob::fromJson(reply->json());
        const bool wasTerminal = m_jobSeen && m_job.isTerminal();
        m_job = job;
        m_jobSeen = true;
        Q_EMIT jobUpdated(m_job);
        if (m_job.isTerminal() && wasTerminal) {
            // One more cycle after the terminal status has passed, so the final events
            // ("The job has successfully completed") written with it are read too.
            m_running = false;
            Q_EMIT finished(m_job);
            return;
        }
        scheduleNext();
    });
}

void JobWatcher::scheduleNext()
{
    if (!m_running)
        return;
    int interval = m_waitingIntervalMs;
    if (m_job.status == FineTuningJob::Status::Running
            || m_job.status == FineTuningJob::Status::ValidatingFiles || m_job.isTerminal())
        interval = m_runningIntervalMs;
    if (m_job.isTerminal())
        interval = 0;
    m_timer->start(interval);
}

void JobWatcher::handleError(const ApiError &error)
{
    // Wrong key, unknown job or a cancelled call will not mend by waiting.
    const bool final = error.kind == ApiError::Kind::Cancelled
            || (error.kind == ApiError::Kind::Http
                    && (error.httpStatus == 401 || error.httpStatus == 403
                            || error.httpStatus == 404));
    Q_EMIT pollFailed(error, !final);
    if (final) {
        m_running = false;
        return;
    }
    ++m_failures;
    const int backoff = std::min(m_maxBackoffMs, m_runningIntervalMs << std::min(m_failures, 6));
    m_timer->start(backoff);
}

} // namespace fs
