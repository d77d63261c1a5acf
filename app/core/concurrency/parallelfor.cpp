// SPDX-License-Identifier: GPL-3.0-or-later
#include "parallelfor.h"

#include "workpool.h"
#include <QMutex>
#include <QSemaphore>

#include <QThreadPool>
#include <exception>

namespace fs {

void parallelForChunks(qsizetype n, const std::function<void(qsizetype, qsizetype)> &body,
        const ParallelOptions &options)
{
    if (n <= 0)
        return;
    const qsizetype chunk = qMax<qsizetype>(1, options.chunk);
    std::atomic<qsizetype> next {0};
    std::atomic<qsizetype> done {0};
    std::atomic_bool stop {false};
    QMutex errorLock;
    std::exception_ptr error;
    auto work = [&]() {
        try {
            for (;;) {
                if (stop.load(std::memory_order_relaxed)
                        || (options.cancelled
                                && options.cancelled->load(std::memory_order_relaxed)))
                    return;
                const qsizetype from = next.fetch_add(chunk);
                if (from >= n)
                    return;
                const qsizetype to = qMin(n, from + chunk);
                body(from, to);
                const qsizetype now = done.fetch_add(to - from) + (to - from);
                if (options.progress)
                    options.progress(now);
            }
        } catch (...) {
            stop = true;
            const QMutexLocker locker(&errorLock);
            if (!error)
                error = std::current_exception();
        }
    };
    QThreadPool *pool = options.pool ? options.pool : workPool();
    QSemaphore helpersDone;
    int helpers = 0;
    if (n >= options.serialBelow) {
        // Only helpers that get a thread right away: waiting for queued ones could deadlock when
        // this runs on the same pool.
        const qsizetype chunks = (n + chunk - 1) / chunk;
        const qsizetype wanted = qMin<qsizetype>(pool->maxThreadCount(), chunks) - 1;
        for (qsizetype i = 0; i < wanted; ++i) {
            if (!pool->tryStart([&]() {
                    work();
                    helpersDone.release();
                }))
                break;
            ++helpers;
        }
    }
    work();
    helpersDone.acquire(helpers);
    if (error)
        std::rethrow_exception(error);
}

} // namespace fs
