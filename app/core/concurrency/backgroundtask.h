// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

class QThreadPool;
class QTimer;

namespace fs {

/**
 * @brief What the work of a BackgroundTask is handed: a cooperative cancel token and a place to
 * say how far it got. Thread-safe; the work checks isCancelled() between steps and returns early
 * when it turns true.
 */
class TaskControl
{
public:
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    void cancel() { m_cancelled.store(true); }
    /// For functions that take a cancel flag (validateFile(), lintLines(), parallelFor() …).
    const std::atomic_bool *cancelFlag() const { return &m_cancelled; }

    /// How far the work got, from any thread; `total` -1: unknown. The task reports it on its
    /// own thread (BackgroundTask::progress), at most about ten times a second.
    void setProgress(qint64 done, qint64 total = -1)
    {
        m_total.store(total, std::memory_order_relaxed);
        m_done.store(done, std::memory_order_relaxed);
    }
    qint64 done() const { return m_done.load(std::memory_order_relaxed); }
    qint64 total() const { return m_total.load(std::memory_order_relaxed); }

private:
    std::atomic_bool m_cancelled {false};
    std::atomic<qint64> m_done {0};
    std::atomic<qint64> m_total {-1};
};

/**
 * @brief The one way to run work off the calling thread: on a QThreadPool (QtConcurrent), with
 * progress, a cooperative cancel and the result delivered on the thread this object lives in.
 *
 * @code
 * m_task->start([lines](TaskControl &control) { return count(lines, control.cancelFlag()); },
 *               [this](QList<int> counts) { show(counts); });   // on this object's thread
 * @endcode
 *
 * - start() while a run is going cancels that run (without waiting): only the latest run's
 *   result is delivered. Cancelled runs end on their own and deliver nothing.
 * - When the work throws, failed() is emitted with the exception's message instead of `done`.
 * - finished() follows every delivered result (or failed()).
 * - The destructor cancels and waits for every run still going. Work that uses its owner's
 *   members must be waited for in the owner's destructor (cancelAndWait()), before they go.
 */
class BackgroundTask : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundTask(QObject *parent = nullptr);
    ~BackgroundTask() override; ///< cancels and waits for every run still going

    /**
     * Runs `work(TaskControl &)` on the pool. When it returns (and the run was neither cancelled
     * nor replaced by a later start()), `done(result)` — or `done()` for work returning void —
     * is called on this object's thread.
     */
    template<typename Work, typename Done>
    void start(Work work, Done done);

    /// A run is going whose result will be delivered (cancelled runs do not count).
    bool isRunning() const { return m_current != nullptr; }
    /// The running run's control (null when none), e.g. to read its progress now.
    const TaskControl *control() const;

    /// The pool the work runs on (default: workPool(), the app's own — see workpool.h); not owned.
    void setThreadPool(QThreadPool *pool) { m_pool = pool; }
    /// How often progress() may be emitted (default 100 ms).
    void setProgressInterval(int ms);

public Q_SLOTS:
    /// Asks the running work to stop and drops its result; returns at once.
    void cancel();
    /// Asks the running work to stop (TaskControl::isCancelled() turns true) but still delivers
    /// what it returns: for work that reports "cancelled" or keeps what it finished.
    void requestStop();
    /// Blocks until every run started so far has returned (results still to be delivered are
    /// delivered from the event loop as usual, unless cancelled).
    void waitForFinished();
    /// cancel() then waitForFinished(): for destructors of owners whose members the work uses.
    void cancelAndWait();

Q_SIGNALS:
    /// How far the running work got (TaskControl::setProgress), on this object's thread.
    void progress(qint64 done, qint64 total);
    /// The work threw: `message` is the exception's what() (a plain "out of memory" for
    /// std::bad_alloc).
    void failed(const QString &message);
    /// After the latest run's result was delivered, or after failed().
    void finished();

private:
    struct Run
    {
        TaskControl control;
        QFuture<void> future;
        QString error; ///< set when the work threw
        bool threw = false;
    };

    std::shared_ptr<Run> begin();
    void watch(const std::shared_ptr<Run> &run, std::function<void()> deliver);
    void onRunEnded(const std::shared_ptr<Run> &run, const std::function<void()> &deliver);
    void reportProgress();
    QThreadPool *pool() const;
    static void fail(Run &run, const std::exception_ptr &exception);

    QThreadPool *m_pool = nullptr;
    QTimer *m_progressTimer = nullptr;
    std::shared_ptr<Run> m_current;
    QList<std::shared_ptr<Run>> m_runs; ///< every run not yet returned, cancelled ones too
    qint64 m_reportedDone = -1;
    qint64 m_reportedTotal = -1;
};

template<typename Work, typename Done>
void BackgroundTask::start(Work work, Done done)
{
    using Result = std::invoke_result_t<Work &, TaskControl &>;
    std::shared_ptr<Run> run = begin();
    if constexpr (std::is_void_v<Result>) {
        run->future = QtConcurrent::run(pool(), [run, work = std::move(work)]() mutable {
            try {
                work(run->control);
            } catch (...) {
                fail(*run, std::current_exception());
            }
        });
        watch(run, [done = std::move(done)]() mutable { done(); });
    } else {
        auto result = std::make_shared<std::optional<Result>>();
        run->future = QtConcurrent::run(pool(), [run, result, work = std::move(work)]() mutable {
            try {
                result->emplace(work(run->control));
            } catch (...) {
                fail(*run, std::current_exception());
            }
        });
        watch(run, [result, done = std::move(done)]() mutable { done(std::move(**result)); });
    }
}

} // namespace fs
