// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchrunner.h"

#include "apiclient.h"
#include "providerclient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTimer>
#include <algorithm>
#include <memory>
#include <utility>

namespace fs {

namespace {
constexpr int kMaxBackoffMs = 30000;
constexpr int kConnectionsPerHost = 6; ///< QNetworkAccessManager's HTTP/1.1 limit in Qt 6.4

QList<ChatMessage> chatMessages(const Messages &prompt)
{
    QList<ChatMessage> messages;
    for (const Message &message : prompt)
        messages.append(ChatMessage {message.role(), message.text()});
    return messages;
}

} // namespace

BatchRunner::BatchRunner(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_pauseTimer(new QTimer(this))
{
    m_pauseTimer->setSingleShot(true);
    connect(m_pauseTimer, &QTimer::timeout, this, [this] {
        Q_EMIT resumed();
        dispatch();
    });
}

BatchRunner::~BatchRunner()
{
    m_cancelling = true;
    ++m_run; // what the aborts below answer is dropped
    for (const QPointer<ApiReply> &reply : std::as_const(m_inFlight)) {
        if (reply)
            reply->abort();
    }
    for (const QList<ProviderClient *> &clients : std::as_const(m_clients))
        qDeleteAll(clients);
}

void BatchRunner::setup(const QList<BatchItem> &items, const QList<ModelTarget> &models)
{
    if (m_running)
        return;
    m_results = BatchResults(items, models);
    m_results.recompute(m_stem);
    queueAll(false);
    Q_EMIT resultsReset();
}

void BatchRunner::setup(const BatchResults &results, bool retryFailed)
{
    if (m_running)
        return;
    m_results = results;
    m_stem = results.stems();
    queueAll(retryFailed);
    Q_EMIT resultsReset();
}

void BatchRunner::queueAll(bool retryFailed)
{
    m_queue.clear();
    for (int i = 0; i < m_results.itemCount(); ++i) {
        for (int m = 0; m < m_results.modelCount(); ++m) {
            const Generation::Status status = m_results.generation(i, m).status;
            if (status == Generation::Status::Pending
                    || (retryFailed && status == Generation::Status::Failed))
                m_queue.append(Task {i, m, 0});
        }
    }
    m_total = int(m_queue.size());
    m_completed = 0;
    m_elapsedMs = 0;
}

void BatchRunner::setConcurrency(int inFlight)
{
    m_concurrency = std::max(1, inFlight);
    if (m_running)
        dispatch();
}

void BatchRunner::setStem(bool stem)
{
    m_stem = stem;
    if (!m_running)
        m_results.recompute(stem);
}

void BatchRunner::start()
{
    if (m_running)
        return;
    if (m_queue.isEmpty())
        queueAll(false); // after a cancel: continue with what is still pending
    for (const QList<ProviderClient *> &clients : std::as_const(m_clients))
        qDeleteAll(clients);
    m_clients.clear();
    const int lanes = (m_concurrency + kConnectionsPerHost - 1) / kConnectionsPerHost;
    if (m_lanes.isEmpty())
        m_lanes.append(m_nam);
    while (m_lanes.size() < lanes) {
        auto *nam = new QNetworkAccessManager(this);
        nam->setProxy(m_nam->proxy());
        nam->setRedirectPolicy(m_nam->redirectPolicy());
        m_lanes.append(nam);
    }
    m_laneLoad = QList<int>(m_lanes.size(), 0);
    for (const ModelTarget &model : m_results.models()) {
        QList<ProviderClient *> clients;
        for (QNetworkAccessManager *nam : std::as_const(m_lanes)) {
            auto *api = new ApiClient(nam, model.connection, this);
            api->setRetryPolicy(m_retryPolicy);
            auto *client = new ProviderClient(api, this);
            api->setParent(client); // deleted with it
            clients.append(client);
        }
        m_clients.append(clients);
    }
    m_running = true;
    m_cancelling = false;
    m_backoffMs = 0;
    ++m_run;
    m_clock.start();
    Q_EMIT progress(m_completed, m_total);
    dispatch();
    finishIfDone();
}

bool BatchRunner::isPaused() const
{
    return m_pauseTimer->isActive();
}

int BatchRunner::total() const
{
    return m_total;
}

int BatchRunner::completed() const
{
    return m_completed;
}

qint64 BatchRunner::elapsedMs() const
{
    return m_running ? m_clock.elapsed() : m_elapsedMs;
}

void BatchRunner::dispatch()
{
    if (!m_running || isPaused())
        return;
    while (!m_queue.isEmpty() && m_inFlight.size() + m_refused < m_concurrency) {
        const Task task = m_queue.takeFirst();
        const BatchItem &item = m_results.items().at(task.item);
        const ModelTarget &model = m_results.models().at(task.model);
        const int lane =
                int(std::min_element(m_laneLoad.cbegin(), m_laneLoad.cend()) - m_laneLoad.cbegin());
        ++m_laneLoad[lane];
        // The reply is known only once chat() returned; the answer always comes after that.
        auto sent = std::make_shared<QPointer<ApiReply>>();
        const qint64 started = m_clock.elapsed();
        const int run = m_run;
        ApiReply *reply =
                m_clients.at(task.model)
                        .at(lane)
                        ->chat(model.request(chatMessages(item.prompt)),
                                [this, sent, task, lane, started, run](
                                        const ProviderResult<ChatCompletion> &result) {
                                    if (run == m_run)
                                        onChatFinished(result, sent->data(), task, lane, started);
                                });
        *sent = reply;
        if (reply)
            m_inFlight.append(reply);
        else
            ++m_refused; // the dialect refused: its answer (an error) comes right after
    }
}

void BatchRunner::onChatFinished(const ProviderResult<ChatCompletion> &result,
        const ApiReply *reply, Task task, int lane, qint64 startedMs)
{
    if (reply)
        m_inFlight.removeAll(QPointer<ApiReply>(const_cast<ApiReply *>(reply)));
    else
        --m_refused;
    if (lane >= 0 && lane < m_laneLoad.size())
        --m_laneLoad[lane];
    const ApiError error = result.error;
    if (m_cancelling || !m_running)
        return;
    Generation generation = m_results.generation(task.item, task.model);
    generation.attempts += reply ? reply->attempts() : 0;
    generation.latencyMs = m_clock.elapsed() - startedMs;

    if (result.ok()) {
        const ChatCompletion &completion = *result.value;
        generation.status = Generation::Status::Done;
        generation.text = completion.content;
        generation.error.clear();
        generation.completionTokens = completion.usage ? completion.usage->completionTokens : 0;
        m_backoffMs = 0;
    } else if (error.isRateLimit()
            || (error.isTransient() && task.transientFailures + 1 < m_maxRowAttempts)) {
        // The client's own retries did not absorb it: everyone waits, this row goes first
        // when dispatching resumes.
        if (!error.isRateLimit())
            ++task.transientFailures;
        m_results.setGeneration(task.item, task.model, generation);
        m_queue.prepend(task);
        const QByteArray retryAfterMs = reply ? reply->rawHeader("retry-after-ms") : QByteArray();
        const QByteArray retryAfter = reply ? reply->rawHeader("retry-after") : QByteArray();
        int delay = 0;
        if (!retryAfterMs.isEmpty() || !retryAfter.isEmpty()) {
            RetryPolicy policy = m_retryPolicy;
            policy.jitter = false;
            delay = policy.delayMs(reply->rawHeaderPairs(), 0);
        } else {
            m_backoffMs = m_backoffMs == 0 ? m_initialBackoffMs
                                           : std::min(m_backoffMs * 2, kMaxBackoffMs);
            delay = m_backoffMs;
        }
        pause(std::max(delay, 1), error);
        return;
    } else {
        generation.status = Generation::Status::Failed;
        generation.text.clear();
        generation.error = error.plainMessage();
    }
    m_results.setGeneration(task.item, task.model, generation);
    ++m_completed;
    Q_EMIT generationFinished(task.item, task.model);
    Q_EMIT progress(m_completed, m_total);
    dispatch();
    finishIfDone();
}

void BatchRunner::pause(int delayMs, const ApiError &error)
{
    if (isPaused() && m_pauseTimer->remainingTime() >= delayMs)
        return;
    m_pauseTimer->start(delayMs);
    Q_EMIT paused(delayMs, error);
}

void BatchRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelling = true;
    m_pauseTimer->stop();
    // A new run number first: what the aborted replies (or a refused request) answer is
    // dropped, so nothing of this run can touch the lanes or results of the next one.
    ++m_run;
    const QList<QPointer<ApiReply>> inFlight = std::exchange(m_inFlight, {});
    for (const QPointer<ApiReply> &reply : inFlight) {
        if (reply)
            reply->abort();
    }
    m_refused = 0;
    m_laneLoad.fill(0);
    m_queue.clear();
    m_running = false;
    m_cancelling = false;
    m_elapsedMs = m_clock.elapsed();
    Q_EMIT finished(true);
}

void BatchRunner::finishIfDone()
{
    if (!m_running || !m_queue.isEmpty() || !m_inFlight.isEmpty() || m_refused > 0 || isPaused())
        return;
    m_running = false;
    m_elapsedMs = m_clock.elapsed();
    Q_EMIT finished(false);
}

} // namespace fs
