// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiclient.h"
#include "apierror.h"
#include "apitypes.h"
#include "jobeventlog.h"
#include "metricsseries.h"
#include "providerclient.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace fs {

class ApiClient;
class JobHistory;

/// Polling intervals of the tracker (milliseconds); tests and the CLI shorten them.
struct TrackerIntervals
{
    int runningMs = 2000; ///< while the job runs (new steps arrive)
    int waitingMs = 5000; ///< validating files, queued, paused, unknown status
    int maxBackoffMs = 60000; ///< ceiling of the back-off after failed polls
    /// Fallback: the job object is re-read after this many cycles without a status event.
    int jobRefreshEvery = 10;
    int pageSize = 100; ///< events per page
};

/**
 * @brief Follows several fine-tuning jobs at once: status, events, metrics, checkpoints.
 *
 * Every call goes through a ProviderClient built on the ApiClient given (it speaks the
 * connection's dialect and follows it), so a Together AI job is followed like an OpenAI one.
 * Which rule a job follows depends on where the dialect serves its per-step metrics.
 *
 * **Metrics in events** (OpenAI and compatible servers), per job and cycle (one timer per job):
 *  1. Read the newest page of events. If it does not reach an event already known (first watch
 *     without history, or the app was away), follow `after` pages until it does or the list
 *     ends: back-fill, only while catching up.
 *  2. Read the job object only when (a) the job is not known yet, (b) the new events include
 *     one that is not a metrics event (status changes come with a message event), or metrics
 *     events while the job is not known as running (it started without a message), or (c) the
 *     last `jobRefreshEvery` cycles read no job (a fallback for estimated_finish and silent
 *     changes). So a running job costs **one request per interval** in steady state.
 *
 * **Metrics from a metrics endpoint** (Together AI: the dialect's listMetrics() is supported):
 *  1. Read the job object (status, steps completed, total steps).
 *  2. Read the metrics from the last step known on (`listMetrics(id, lastStep)`, inclusive so a
 *     late evaluation of that step still arrives) when the job has trained steps not yet known,
 *     or at the end; the new points are merged into metrics() by step (a repeated step is kept
 *     once, its values merged). So a running job costs **two requests per interval**, and only
 *     the new steps are transferred.
 *  3. Read the events (one unpaged list) on the first cycle, when the status or the epoch
 *     changed, every `jobRefreshEvery` cycles and at the end.
 *  New steps come with metricsAdded(); the service's seconds remaining become the job's
 *  estimatedFinish, so the time left reads as for OpenAI.
 *
 * Both:
 *  - Next cycle after runningMs while running, waitingMs otherwise; after a failure,
 *    min(maxBackoffMs, interval·2^failures). 401/403/404 and a cancelled call stop the job's
 *    polling (pollFailed with willRetry false).
 *  - Other failures are retried within a WatchBudget (limits from the client's ApiLimits: so
 *    many failed checks in a row, fewer for answers of the wrong shape, or so long without a
 *    good answer); when it is spent, polling stops with gaveUp() and a sentence, and watch()
 *    or keepTrying() starts afresh.
 *  - Once the job is terminal, one more cycle reads the last events (and steps); then the
 *    checkpoints (through the dialect) and, for a succeeded job with a result file (OpenAI),
 *    the result CSV are read once, the metrics are completed from it, and finished() is emitted.
 *    A dialect without result files (Together) completes its metrics from the endpoint.
 *
 * With a JobHistory set, watching a job starts from what the history holds (events, metrics,
 * checkpoints, the job), and everything new is written to it.
 */
class JobTracker : public QObject
{
    Q_OBJECT
public:
    explicit JobTracker(ApiClient *client, QObject *parent = nullptr);
    ~JobTracker() override;

    /// Another connection: stops every watch.
    void setClient(ApiClient *client);
    ApiClient *client() const { return m_client; }
    void setHistory(JobHistory *history) { m_history = history; }
    JobHistory *history() const { return m_history; }
    void setIntervals(const TrackerIntervals &intervals) { m_intervals = intervals; }
    TrackerIntervals intervals() const { return m_intervals; }
    /// Whether checkpoints and the result CSV are fetched at the end (default true).
    void setFetchResultsAtEnd(bool fetch) { m_fetchResults = fetch; }

    /// Starts following `jobId` (no-op when already followed and polling). A job known as
    /// finished (history, or an earlier watch) is still polled once to catch up.
    void watch(const QString &jobId);
    void unwatch(const QString &jobId);
    void unwatchAll();
    /// Polls now instead of waiting for the timer (e.g. after the user paused or resumed).
    void pollNow(const QString &jobId);

    bool isWatching(const QString &jobId) const; ///< still polling
    bool isKnown(const QString &jobId) const; ///< watched at some point (data available)
    QStringList watchedJobs() const; ///< polling now
    /// The job as last read (a default FineTuningJob with Status::Unknown when never read).
    FineTuningJob job(const QString &jobId) const;
    /// The events merged so far (nullptr when not known).
    const JobEventLog *eventLog(const QString &jobId) const;
    /// The job's metrics, owned by the tracker (nullptr when not known). Stays valid until
    /// forget() or the tracker is destroyed.
    JobMetrics *metrics(const QString &jobId) const;
    QList<Checkpoint> checkpoints(const QString &jobId) const;
    /// Forgets a job's data (and stops watching it).
    void forget(const QString &jobId);

    /// Requests sent for `jobId` since it was first watched (for tests and diagnostics).
    int requestCount(const QString &jobId) const;
    /// Bytes of answers received for `jobId` since it was first watched (bodies only).
    qint64 bytesReceived(const QString &jobId) const;
    /// Whether the connection's dialect serves per-step metrics apart from the events
    /// (Together AI): then metricsAdded() brings the steps.
    bool metricsFromEndpoint() const;
    /// The dialect the calls are made in (nullptr without a client).
    const Dialect *dialect() const;
    /// The calls in the connection's dialect, on client() (nullptr without one): for the
    /// actions on a job (cancel, pause, resume) next to the polling.
    ProviderClient *provider() const { return m_client ? m_provider : nullptr; }
    /// Why watching `jobId` stopped when its WatchBudget ran out (as gaveUp() said); empty while
    /// it is watched, or when it stopped for another reason.
    QString gaveUpSentence(const QString &jobId) const;
    /// Watches again, with a fresh budget, every job whose budget ran out ("Keep trying").
    void keepTrying();
    /// Cycles completed for `jobId`.
    int cycleCount(const QString &jobId) const;

Q_SIGNALS:
    void eventsAdded(const QString &jobId, const QList<fs::JobEvent> &oldestFirst);
    void jobUpdated(const fs::FineTuningJob &job);
    void statusChanged(
            const QString &jobId, fs::FineTuningJob::Status from, fs::FineTuningJob::Status to);
    void checkpointsUpdated(const QString &jobId, const QList<fs::Checkpoint> &checkpoints);
    /// New steps read from the dialect's metrics endpoint (not those carried by events), by step.
    void metricsAdded(const QString &jobId, const QList<fs::MetricPoint> &points);
    /// A poll failed; polling goes on after a longer pause unless the error is final.
    void pollFailed(const QString &jobId, const fs::ApiError &error, bool willRetry);
    /// Polls kept failing until the job's WatchBudget ran out: polling stopped. `sentence`
    /// names the last problem and why watching stopped; `lastError` is that problem.
    void gaveUp(const QString &jobId, const fs::ApiError &lastError, const QString &sentence);
    /// The job is terminal, its last events are read and results fetched; polling stopped.
    void finished(const fs::FineTuningJob &job);

private:
    struct Tracked;
    Tracked *tracked(const QString &jobId) const;
    Tracked *ensure(const QString &jobId);
    void poll(Tracked *t);
    /// Sends one request for the job (`start` gets the callback); `handle` gets the result if
    /// the job is still tracked, polling and waiting for this very request (else it is dropped).
    template<typename T>
    void send(Tracked *t, const std::function<ApiReply *(ProviderClient::Done<T>)> &start,
            const std::function<void(Tracked *, const ProviderResult<T> &)> &handle);
    /// Drops the answer of the request in flight (it is aborted).
    void dropRequest(Tracked *t);
    void fetchEvents(Tracked *t, const QString &after);
    void mergeEvents(
            Tracked *t, const QList<JobEvent> &newestFirst, bool *newNonMetrics, bool *newMetrics);
    void afterEvents(Tracked *t, bool newNonMetrics);
    /// Reads and applies the job; `then` gets it (and whether its status or epoch moved) if the
    /// job is still followed.
    void readJob(Tracked *t, const std::function<void(Tracked *, bool moved)> &then);
    void fetchJob(Tracked *t);
    // The metrics-endpoint cycle
    void fetchJobFirst(Tracked *t);
    void fetchMetrics(Tracked *t);
    void fetchEventList(Tracked *t);
    void endMetricsCycle(Tracked *t);
    void fetchCheckpoints(Tracked *t);
    void fetchResults(Tracked *t);
    void finish(Tracked *t);
    void scheduleNext(Tracked *t);
    void handleError(Tracked *t, const ApiError &error);
    void applyJob(Tracked *t, const FineTuningJob &job);

    QPointer<ApiClient> m_client;
    ProviderClient *m_provider = nullptr;
    JobHistory *m_history = nullptr;
    TrackerIntervals m_intervals;
    bool m_fetchResults = true;
    QHash<QString, Tracked *> m_jobs;
};

} // namespace fs
