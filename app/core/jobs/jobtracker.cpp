// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobtracker.h"

#include "jobhistory.h"
#include "resultcsv.h"
#include "watchbudget.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace fs {

struct JobTracker::Tracked
{
    QString id;
    FineTuningJob job;
    bool jobSeen = false; ///< read from the server during this watch
    JobEventLog log;
    JobMetrics *metrics = nullptr;
    QList<Checkpoint> checkpoints;
    QList<Checkpoint> pendingCheckpoints;
    QTimer *timer = nullptr;
    QPointer<ApiReply> reply;
    int serial = 0; ///< of the request in flight: answers of older ones are dropped
    QList<JobEvent> pendingPages; ///< this cycle's event pages, newest first
    bool polling = false;
    bool terminalSeen = false; ///< the job was read in a terminal status: one last cycle
    bool pollAgain = false; ///< pollNow() came while a cycle was under way
    WatchBudget budget; ///< failed checks in a row, time since the last good answer
    int quietCycles = 0;
    int requests = 0;
    qint64 bytes = 0;
    int cycles = 0;
    // The metrics-endpoint cycle
    bool eventsRead = false; ///< the event list was read during this watch
    bool eventsDue = false; ///< read the event list in this cycle
};

JobTracker::JobTracker(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_provider(client ? new ProviderClient(client, this) : nullptr)
{
}

JobTracker::~JobTracker()
{
    const QStringList ids = m_jobs.keys();
    for (const QString &id : ids)
        forget(id);
}

void JobTracker::setClient(ApiClient *client)
{
    for (Tracked *t : std::as_const(m_jobs)) {
        t->polling = false;
        t->timer->stop();
        dropRequest(t);
    }
    delete m_provider;
    m_provider = client ? new ProviderClient(client, this) : nullptr;
    m_client = client;
}

const Dialect *JobTracker::dialect() const
{
    return m_provider && m_client ? &m_provider->dialect() : nullptr;
}

bool JobTracker::metricsFromEndpoint() const
{
    const Dialect *d = dialect();
    return d && d->listMetrics(QStringLiteral("job"), 0).ok();
}

void JobTracker::dropRequest(Tracked *t)
{
    ++t->serial;
    if (ApiReply *reply = t->reply) {
        t->reply = nullptr;
        reply->abort();
    }
}

JobTracker::Tracked *JobTracker::tracked(const QString &jobId) const
{
    return m_jobs.value(jobId, nullptr);
}

JobTracker::Tracked *JobTracker::ensure(const QString &jobId)
{
    if (Tracked *t = tracked(jobId))
        return t;
    auto *t = new Tracked;
    t->id = jobId;
    t->job.id = jobId;
    t->metrics = new JobMetrics(jobId, this);
    t->timer = new QTimer(this);
    t->timer->setSingleShot(true);
    connect(t->timer, &QTimer::timeout, this, [this, jobId] {
        if (Tracked *tt = tracked(jobId))
            poll(tt);
    });
    m_jobs.insert(jobId, t);
    if (m_history && m_history->isOpen()) {
        // Start from what an earlier session saw; the first cycle back-fills the rest.
        if (const auto stored = m_history->job(jobId))
            t->job = *stored;
        const QList<JobEvent> events = m_history->events(jobId);
        if (!events.isEmpty()) {
            QList<JobEvent> newestFirst(events.crbegin(), events.crend());
            t->log.merge(newestFirst);
            t->metrics->addEvents(events);
        }
        t->metrics->addPoints(m_history->metrics(jobId));
        t->checkpoints = m_history->checkpoints(jobId);
        t->metrics->setCheckpoints(t->checkpoints);
        t->metrics->setComplete(m_history->metricsComplete(jobId));
    }
    return t;
}

void JobTracker::watch(const QString &jobId)
{
    if (jobId.isEmpty())
        return;
    Tracked *t = ensure(jobId);
    if (t->polling)
        return;
    t->polling = true;
    t->budget.setLimits(m_client ? m_client->limits() : ApiLimits::defaults());
    t->budget.restart();
    t->quietCycles = 0;
    t->terminalSeen = false;
    t->jobSeen = false;
    t->eventsRead = false;
    poll(t);
}

void JobTracker::unwatch(const QString &jobId)
{
    Tracked *t = tracked(jobId);
    if (!t)
        return;
    t->polling = false;
    t->timer->stop();
    dropRequest(t);
}

void JobTracker::unwatchAll()
{
    const QStringList ids = m_jobs.keys();
    for (const QString &id : ids)
        unwatch(id);
}

void JobTracker::forget(const QString &jobId)
{
    unwatch(jobId);
    Tracked *t = m_jobs.take(jobId);
    if (!t)
        return;
    delete t->timer;
    delete t->metrics;
    delete t;
}

void JobTracker::pollNow(const QString &jobId)
{
    Tracked *t = tracked(jobId);
    if (!t || !t->polling) {
        watch(jobId);
        return;
    }
    if (t->reply) {
        // The answer on its way may predate the change (a pause, say): one more cycle right
        // after this one, reading the job.
        t->pollAgain = true;
        return;
    }
    t->timer->stop();
    t->quietCycles = m_intervals.jobRefreshEvery; // read the job this time
    poll(t);
}

bool JobTracker::isWatching(const QString &jobId) const
{
    const Tracked *t = tracked(jobId);
    return t && t->polling;
}

bool JobTracker::isKnown(const QString &jobId) const
{
    return tracked(jobId) != nullptr;
}

QStringList JobTracker::watchedJobs() const
{
    QStringList ids;
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
        if (it.value()->polling)
            ids.append(it.key());
    }
    ids.sort();
    return ids;
}

FineTuningJob JobTracker::job(const QString &jobId) const
{
    const Tracked *t = tracked(jobId);
    if (t)
        return t->job;
    FineTuningJob job;
    job.id = jobId;
    return job;
}

const JobEventLog *JobTracker::eventLog(const QString &jobId) const
{
    const Tracked *t = tracked(jobId);
    return t ? &t->log : nullptr;
}

JobMetrics *JobTracker::metrics(const QString &jobId) const
{
    const Tracked *t = tracked(jobId);
    return t ? t->metrics : nullptr;
}

QList<Checkpoint> JobTracker::checkpoints(const QString &jobId) const
{
    const Tracked *t = tracked(jobId);
    return t ? t->checkpoints : QList<Checkpoint>();
}

int JobTracker::requestCount(const QString &jobId) const
{
    const Tracked *t = tracked(jobId);
    return t ? t->requests : 0;
}

qint64 JobTracker::bytesReceived(const QString &jobId) const
{
    const Tracked *t = tracked(jobId);
    return t ? t->bytes : 0;
}

QString JobTracker::gaveUpSentence(const QString &jobId) const
{
    const Tracked *t = tracked(jobId);
    return t && !t->polling && t->budget.isSpent() ? t->budget.sentence() : QString();
}

void JobTracker::keepTrying()
{
    QStringList ids;
    for (const Tracked *t : std::as_const(m_jobs)) {
        if (!t->polling && t->budget.isSpent())
            ids.append(t->id);
    }
    for (const QString &id : std::as_const(ids))
        watch(id);
}

int JobTracker::cycleCount(const QString &jobId) const
{
    const Tracked *t = tracked(jobId);
    return t ? t->cycles : 0;
}

// ---- one cycle --------------------------------------------------------------------------------

void JobTracker::poll(Tracked *t)
{
    if (!t->polling || !m_client || !m_provider)
        return;
    t->pendingPages.clear();
    if (metricsFromEndpoint())
        fetchJobFirst(t);
    else
        fetchEvents(t, QString());
}

template<typename T>
void JobTracker::send(Tracked *t, const std::function<ApiReply *(ProviderClient::Done<T>)> &start,
        const std::function<void(Tracked *, const ProviderResult<T> &)> &handle)
{
    const int serial = ++t->serial;
    ++t->requests;
    const QString jobId = t->id;
    ApiReply *reply = start([this, jobId, serial, handle](const ProviderResult<T> &result) {
        Tracked *t = tracked(jobId);
        if (!t || !t->polling || t->serial != serial)
            return;
        t->reply = nullptr;
        handle(t, result);
    });
    if (!reply)
        return; // the dialect refused the call: its answer comes later all the same
    t->reply = reply;
    connect(reply, &ApiReply::finished, this, [this, jobId, reply] {
        if (Tracked *t = tracked(jobId))
            t->bytes += reply->body().size();
    });
}

void JobTracker::mergeEvents(
        Tracked *t, const QList<JobEvent> &newestFirst, bool *newNonMetrics, bool *newMetrics)
{
    const JobEventLog::Merge merge = t->log.merge(newestFirst);
    if (merge.added.isEmpty())
        return;
    QList<MetricPoint> points;
    for (const JobEvent &event : merge.added) {
        if (event.type == QLatin1String("metrics")) {
            const MetricPoint point = MetricPoint::fromJson(event.data);
            if (point.step > 0)
                points.append(point);
            *newMetrics = true;
        } else {
            *newNonMetrics = true;
        }
    }
    if (m_history && m_history->isOpen()) {
        m_history->saveEvents(t->id, merge.added);
        m_history->saveMetrics(t->id, points);
    }
    t->metrics->addEvents(merge.added);
    Q_EMIT eventsAdded(t->id, merge.added);
}

void JobTracker::fetchEvents(Tracked *t, const QString &after)
{
    const QString jobId = t->id;
    const int pageSize = m_intervals.pageSize;
    send<Page<JobEvent>>(
            t,
            [this, jobId, after, pageSize](ProviderClient::Done<Page<JobEvent>> done) {
                return m_provider->listEvents(jobId, after, pageSize, done);
            },
            [this, jobId](Tracked *t, const ProviderResult<Page<JobEvent>> &result) {
                if (!result.ok()) {
                    handleError(t, result.error);
                    return;
                }
                const Page<JobEvent> &page = *result.value;
                t->pendingPages.append(page.data);
                const bool reachedKnown = std::any_of(page.data.cbegin(), page.data.cend(),
                        [t](const JobEvent &e) { return t->log.contains(e.id); });
                // Follow older pages until the new events join the known ones: back-fill after
                // a gap.
                if (!reachedKnown && page.hasMore && !page.lastId.isEmpty()) {
                    fetchEvents(t, page.lastId);
                    return;
                }
                const QList<JobEvent> pages = t->pendingPages;
                t->pendingPages.clear();
                bool newNonMetrics = false;
                bool newMetrics = false;
                mergeEvents(t, pages, &newNonMetrics, &newMetrics);
                // A slot may have stopped or forgotten the job.
                t = tracked(jobId);
                if (!t || !t->polling)
                    return;
                // Steps while the job is not known as running mean its status moved on (a
                // resumed job goes from queued to running without a message).
                afterEvents(t,
                        newNonMetrics
                                || (newMetrics && t->job.status != FineTuningJob::Status::Running));
            });
}

void JobTracker::afterEvents(Tracked *t, bool newNonMetrics)
{
    if (t->terminalSeen) {
        // The last events written with the terminal status are in: collect the results.
        ++t->cycles;
        if (m_fetchResults)
            fetchCheckpoints(t);
        else
            finish(t);
        return;
    }
    const bool needJob = !t->jobSeen || newNonMetrics
            || t->quietCycles + 1 >= std::max(1, m_intervals.jobRefreshEvery);
    if (needJob) {
        fetchJob(t);
        return;
    }
    ++t->quietCycles;
    ++t->cycles;
    t->budget.succeeded();
    scheduleNext(t);
}

void JobTracker::readJob(Tracked *t, const std::function<void(Tracked *, bool)> &then)
{
    const QString jobId = t->id;
    send<FineTuningJob>(
            t,
            [this, jobId](ProviderClient::Done<FineTuningJob> done) {
                return m_provider->retrieveJob(jobId, done);
            },
            [this, jobId, then](Tracked *t, const ProviderResult<FineTuningJob> &result) {
                if (!result.ok()) {
                    handleError(t, result.error);
                    return;
                }
                const FineTuningJob &job = *result.value;
                const bool moved = job.statusText != t->job.statusText
                        || job.epochsCompleted != t->job.epochsCompleted;
                applyJob(t, job);
                t = tracked(jobId); // a slot may have stopped or forgotten the job
                if (t && t->polling)
                    then(t, moved);
            });
}

void JobTracker::fetchJob(Tracked *t)
{
    readJob(t, [this](Tracked *t, bool) {
        t->budget.succeeded();
        t->quietCycles = 0;
        ++t->cycles;
        if (t->job.isTerminal()) {
            // One more cycle, at once, for the events written with the terminal status.
            t->terminalSeen = true;
            t->timer->start(0);
            return;
        }
        scheduleNext(t);
    });
}

// ---- the metrics-endpoint cycle ---------------------------------------------------------------

void JobTracker::fetchJobFirst(Tracked *t)
{
    readJob(t, [this](Tracked *t, bool moved) {
        if (t->job.totalSteps && *t->job.totalSteps > 0)
            t->metrics->setTotalSteps(int(*t->job.totalSteps));
        t->terminalSeen = t->job.isTerminal();
        // A service without events (Fireworks) has the job and its metrics only.
        const Dialect *d = dialect();
        const bool hasEvents = d && d->listEvents(t->id, QString(), 1).ok();
        t->eventsDue = hasEvents
                && (!t->eventsRead || moved || t->terminalSeen
                        || t->quietCycles + 1 >= std::max(1, m_intervals.jobRefreshEvery));
        const int known = t->metrics->series().lastStep();
        const bool newSteps = t->job.stepsCompleted
                ? *t->job.stepsCompleted > known
                : t->job.status == FineTuningJob::Status::Running;
        if (newSteps || t->terminalSeen)
            fetchMetrics(t);
        else if (t->eventsDue)
            fetchEventList(t);
        else
            endMetricsCycle(t);
    });
}

void JobTracker::fetchMetrics(Tracked *t)
{
    const QString jobId = t->id;
    // The last known step again (inclusive): a late evaluation of it still arrives.
    const int from = t->metrics->series().lastStep();
    send<MetricsPage>(
            t,
            [this, jobId, from](ProviderClient::Done<MetricsPage> done) {
                return m_provider->listMetrics(jobId, from, done);
            },
            [this, jobId](Tracked *t, const ProviderResult<MetricsPage> &result) {
                if (!result.ok()) {
                    handleError(t, result.error);
                    return;
                }
                const MetricsPage &page = *result.value;
                if (page.totalSteps && *page.totalSteps > 0)
                    t->metrics->setTotalSteps(int(*page.totalSteps));
                // Only what the series does not hold yet is news (the first step is asked
                // again on purpose).
                const MetricsSeries &series = t->metrics->series();
                QList<MetricPoint> fresh;
                for (const MetricPoint &point : page.points) {
                    const int index = series.indexOfStep(point.step);
                    bool adds = index < 0;
                    if (!adds) {
                        const MetricPoint known = series.pointAt(index);
                        for (int m = 0; m < kMetricCount && !adds; ++m)
                            adds = point.has(Metric(m))
                                    && known.value(Metric(m)) != point.value(Metric(m));
                    }
                    if (adds && point.step > 0)
                        fresh.append(point);
                }
                const bool complete = t->terminalSeen;
                if (m_history && m_history->isOpen()) {
                    if (!fresh.isEmpty())
                        m_history->saveMetrics(jobId, fresh);
                    if (complete)
                        m_history->setMetricsComplete(jobId, true);
                }
                if (!fresh.isEmpty()) {
                    t->metrics->addPoints(fresh);
                    Q_EMIT metricsAdded(jobId, fresh);
                }
                t = tracked(jobId);
                if (!t || !t->polling)
                    return;
                if (complete)
                    t->metrics->setComplete(true); // the endpoint holds every step
                if (t->eventsDue)
                    fetchEventList(t);
                else
                    endMetricsCycle(t);
            });
}

void JobTracker::fetchEventList(Tracked *t)
{
    const QString jobId = t->id;
    const int pageSize = m_intervals.pageSize;
    send<Page<JobEvent>>(
            t,
            [this, jobId, pageSize](ProviderClient::Done<Page<JobEvent>> done) {
                return m_provider->listEvents(jobId, QString(), pageSize, done);
            },
            [this, jobId](Tracked *t, const ProviderResult<Page<JobEvent>> &result) {
                if (!result.ok()) {
                    handleError(t, result.error);
                    return;
                }
                QList<JobEvent> events = result.value->data;
                // The log merges newest-first pages; this list comes oldest first (Together), so
                // it is turned round unless it plainly runs the other way.
                if (events.size() > 1
                        && events.constFirst().createdAt <= events.constLast().createdAt)
                    std::reverse(events.begin(), events.end());
                bool newNonMetrics = false;
                bool newMetrics = false;
                t->eventsRead = true;
                t->quietCycles = 0;
                mergeEvents(t, events, &newNonMetrics, &newMetrics);
                t = tracked(jobId);
                if (t && t->polling)
                    endMetricsCycle(t);
            });
}

void JobTracker::endMetricsCycle(Tracked *t)
{
    ++t->cycles;
    t->budget.succeeded();
    if (!t->eventsDue)
        ++t->quietCycles;
    t->eventsDue = false;
    if (t->terminalSeen) {
        // The job was read terminal first in this cycle: its steps and events are all in.
        if (m_fetchResults)
            fetchCheckpoints(t);
        else
            finish(t);
        return;
    }
    scheduleNext(t);
}

// ---- the end ----------------------------------------------------------------------------------

void JobTracker::applyJob(Tracked *t, const FineTuningJob &job)
{
    const FineTuningJob::Status before = t->job.status;
    const bool changed = before != job.status || t->job.statusText != job.statusText;
    const QString jobId = t->id;
    t->job = job;
    if (t->job.id.isEmpty())
        t->job.id = jobId;
    // A service that says how long is left (Together) gets the same "about … left" as one that
    // says when it will finish (OpenAI).
    if (!t->job.estimatedFinish && t->job.secondsRemaining && !t->job.isTerminal())
        t->job.estimatedFinish = QDateTime::currentSecsSinceEpoch() + *t->job.secondsRemaining;
    t->jobSeen = true;
    if (m_history && m_history->isOpen())
        m_history->saveJob(t->job);
    Q_EMIT jobUpdated(t->job);
    if (changed && tracked(jobId))
        Q_EMIT statusChanged(jobId, before, job.status);
}

void JobTracker::fetchCheckpoints(Tracked *t)
{
    // Checkpoints only exist for jobs that trained; a failed validation has none.
    if (t->job.status != FineTuningJob::Status::Succeeded
            && t->job.status != FineTuningJob::Status::Cancelled) {
        fetchResults(t);
        return;
    }
    const QString jobId = t->id;
    send<Page<Checkpoint>>(
            t,
            [this, jobId](ProviderClient::Done<Page<Checkpoint>> done) {
                return m_provider->listCheckpoints(jobId, done);
            },
            [this, jobId](Tracked *t, const ProviderResult<Page<Checkpoint>> &result) {
                if (!result.ok()) {
                    // Results are a bonus: the job's own data is complete without them.
                    fetchResults(t);
                    return;
                }
                QList<Checkpoint> list = result.value->data;
                std::stable_sort(
                        list.begin(), list.end(), [](const Checkpoint &a, const Checkpoint &b) {
                            return a.stepNumber < b.stepNumber;
                        });
                t->checkpoints = list;
                t->metrics->setCheckpoints(list);
                if (m_history && m_history->isOpen())
                    m_history->saveCheckpoints(jobId, list);
                Q_EMIT checkpointsUpdated(jobId, list);
                t = tracked(jobId);
                if (t && t->polling)
                    fetchResults(t);
            });
}

void JobTracker::fetchResults(Tracked *t)
{
    // A dialect with a metrics endpoint has no result file: its steps are complete already.
    if (t->job.status != FineTuningJob::Status::Succeeded || t->job.resultFiles.isEmpty()
            || t->metrics->isComplete() || metricsFromEndpoint()) {
        finish(t);
        return;
    }
    const QString jobId = t->id;
    const QString fileId = t->job.resultFiles.first();
    send<QByteArray>(
            t,
            [this, fileId](ProviderClient::Done<QByteArray> done) {
                return m_provider->fileContent(fileId, done);
            },
            [this, jobId](Tracked *t, const ProviderResult<QByteArray> &result) {
                if (result.ok()) {
                    const ResultCsv csv = ResultCsv::parse(*result.value);
                    if (csv.ok()) {
                        if (m_history && m_history->isOpen()) {
                            m_history->saveMetrics(jobId, csv.points);
                            m_history->setMetricsComplete(jobId, true);
                        }
                        if (t->metrics->series().totalSteps() <= 0 && !csv.points.isEmpty())
                            t->metrics->setTotalSteps(csv.points.last().step);
                        t->metrics->addPoints(csv.points);
                        t->metrics->setComplete(true);
                    }
                }
                t = tracked(jobId);
                if (t && t->polling)
                    finish(t);
            });
}

void JobTracker::finish(Tracked *t)
{
    t->polling = false;
    t->timer->stop();
    Q_EMIT finished(t->job);
}

void JobTracker::scheduleNext(Tracked *t)
{
    if (!t->polling)
        return;
    if (t->pollAgain) {
        t->pollAgain = false;
        t->quietCycles = m_intervals.jobRefreshEvery; // read the job this time
        t->timer->start(0);
        return;
    }
    const int interval = t->job.status == FineTuningJob::Status::Running ? m_intervals.runningMs
                                                                         : m_intervals.waitingMs;
    t->timer->start(interval);
}

void JobTracker::handleError(Tracked *t, const ApiError &error)
{
    // A wrong key, an unknown job or a cancelled call will not mend by waiting.
    const bool final = error.kind == ApiError::Kind::Cancelled
            || (error.kind == ApiError::Kind::Http
                    && (error.httpStatus == 401 || error.httpStatus == 403
                            || error.httpStatus == 404));
    const QString jobId = t->id;
    t->pendingPages.clear();
    if (final) {
        t->polling = false;
        t->timer->stop();
        Q_EMIT pollFailed(jobId, error, false);
        return;
    }
    if (t->budget.failed(error)) {
        // Not a brief outage: say what is wrong and stop (watch() again to keep trying).
        t->polling = false;
        t->timer->stop();
        Q_EMIT gaveUp(jobId, error, t->budget.sentence());
        return;
    }
    const int failures = t->budget.failuresInARow();
    const int base = t->job.status == FineTuningJob::Status::Running ? m_intervals.runningMs
                                                                     : m_intervals.waitingMs;
    const qint64 backoff = std::min<qint64>(
            m_intervals.maxBackoffMs, qint64(std::max(1, base)) << std::min(failures, 6));
    t->timer->start(int(backoff));
    Q_EMIT pollFailed(jobId, error, true);
}

} // namespace fs
