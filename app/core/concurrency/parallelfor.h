// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <atomic>
#include <functional>

class QThreadPool;

namespace fs {

/// How parallelFor() shares out its work.
struct ParallelOptions
{
    /// Indexes a thread claims at a time: small enough that threads stay evenly busy, big enough
    /// that claiming costs nothing next to the work.
    qsizetype chunk = 64;
    /// Fewer indexes than this run on the calling thread alone (starting threads costs more).
    qsizetype serialBelow = 0;
    /// When it turns true, no further chunk is started (indexes not reached are skipped).
    const std::atomic_bool *cancelled = nullptr;
    /// Called after each chunk with the number of indexes done so far, from whichever thread
    /// did the chunk: it must be thread-safe.
    std::function<void(qsizetype done)> progress;
    /// Default: workPool(), the app's own (workpool.h). Not owned.
    QThreadPool *pool = nullptr;
};

/**
 * @brief Calls body(from, to) for consecutive ranges covering [0, n) on the pool's threads and
 * the calling thread, and returns once all are done. Only pool threads free right now help, so
 * this never waits for queued work and may be called from work already running on the pool.
 * An exception thrown by `body` stops the other threads claiming chunks and is rethrown here.
 */
void parallelForChunks(qsizetype n, const std::function<void(qsizetype from, qsizetype to)> &body,
        const ParallelOptions &options = {});

/// Calls fn(i) for every i in [0, n) on all cores (see parallelForChunks()).
template<typename Fn>
void parallelFor(qsizetype n, Fn &&fn, const ParallelOptions &options = {})
{
    parallelForChunks(
            n,
            [&fn](qsizetype from, qsizetype to) {
                for (qsizetype i = from; i < to; ++i)
                    fn(i);
            },
            options);
}

} // namespace fs
