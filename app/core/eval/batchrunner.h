// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiclient.h"
#include "apierror.h"
#include "batchresults.h"
#include "providerclient.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QTimer;

namespace fs {

class ApiClient;
class ApiReply;
class ProviderClient;

/**
 * @brief Sends every item to every model (non-streamed chats through each model's provider
 * dialect, ProviderClient::chat) with at most concurrency() requests in flight overall, and
 * scores each answer with ROUGE as it arrives. A target's `servedAs` (its running deployment)
 * is the name sent.
 *
 * Rate limits: each request has the API client's own retries (RetryPolicy). A 429 (or 5xx,
 * timeout, dropped connection) that those could not absorb pauses dispatching for every model —
 * for the response's retry-after when given, else a back-off doubling from 1 s to 30 s — and the
 * row goes back to the queue; nothing is lost. Other errors (400, 404 …) fail that row after
 * maxRowAttempts and the batch goes on. Runs on the thread it lives on (the GUI thread is fine:
 * everything is asynchronous; scoring is microseconds per row).
 *
 * Qt 6.4's QNetworkAccessManager opens at most 6 HTTP/1.1 connections per host; for a higher
 * concurrency the runner adds network managers of its own (same proxy) so that N really are in
 * flight against a plain-HTTP server such as the sandbox. (HTTPS servers speaking HTTP/2 multiplex
 * on one connection anyway.)
 */
class BatchRunner : public QObject
{
    Q_OBJECT
public:
    explicit BatchRunner(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~BatchRunner() override;

    /// Sets up a new run (clears previous results). Not while running.
    void setup(const QList<BatchItem> &items, const QList<ModelTarget> &models);
    /// Continues a stored run: only Pending (and, with retryFailed, Failed) rows are sent.
    void setup(const BatchResults &results, bool retryFailed = true);
    void setConcurrency(int inFlight); ///< ≥ 1; default 4
    int concurrency() const { return m_concurrency; }
    void setStem(bool stem);
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    void setMaxRowAttempts(int attempts) { m_maxRowAttempts = attempts; } ///< default 3
    /// First pause after an unabsorbed rate limit without retry-after (default 1000 ms).
    void setInitialBackoffMs(int ms) { m_initialBackoffMs = ms; }

    void start();
    void cancel(); ///< aborts what is in flight; the rows stay Pending; finished(true)
    bool isRunning() const { return m_running; }
    bool isPaused() const; ///< waiting out a rate limit

    const BatchResults &results() const { return m_results; }
    int inFlight() const { return int(m_inFlight.size()); }
    int total() const; ///< requests of this run
    int completed() const; ///< of those, done or failed
    qint64 elapsedMs() const;

Q_SIGNALS:
    /// setup() replaced the results (views re-read everything).
    void resultsReset();
    void progress(int completed, int total);
    void generationFinished(int item, int model);
    /// Dispatching stopped for `delayMs` because of a rate limit (or a server error).
    void paused(int delayMs, const fs::ApiError &error);
    void resumed();
    void finished(bool cancelled);

private:
    struct Task
    {
        int item = 0;
        int model = 0;
        int transientFailures = 0; ///< 5xx/timeouts/drops the runner has retried this row for
    };
    void queueAll(bool retryFailed);
    void dispatch();
    void onChatFinished(const ProviderResult<ChatCompletion> &result, const ApiReply *reply,
            Task task, int lane, qint64 startedMs);
    void pause(int delayMs, const ApiError &error);
    void finishIfDone();

    QNetworkAccessManager *m_nam;
    QList<QNetworkAccessManager *> m_lanes; ///< [0] is m_nam; more above 6 in flight
    QList<QList<ProviderClient *>> m_clients; ///< [model][lane]
    QList<int> m_laneLoad; ///< requests in flight per lane
    BatchResults m_results;
    QList<Task> m_queue;
    QList<QPointer<ApiReply>> m_inFlight;
    QTimer *m_pauseTimer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_elapsedMs = 0;
    RetryPolicy m_retryPolicy;
    int m_concurrency = 4;
    int m_maxRowAttempts = 3;
    int m_initialBackoffMs = 1000;
    int m_backoffMs = 0;
    int m_refused = 0; ///< requests the dialect refused, their error still to come
    int m_run = 0; ///< counts start()s and cancel()s: answers of an earlier run are dropped
    int m_total = 0;
    int m_completed = 0;
    bool m_running = false;
    bool m_cancelling = false;
    bool m_stem = false;
};

} // namespace fs
