// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace fs::cli {

/**
 * @brief Prints a streamed answer to a file descriptor from a thread of its own.
 *
 * When the reader of stdout is slow (a pipe into a pager, a busy parent process), a blocking
 * write would stop the event loop while Qt's network thread goes on reading the socket into
 * memory it does not bound. Here the event loop never waits: text is queued and written behind
 * it, so what waits in memory is at most what was received, which the stream limit bounds.
 *
 * A dedicated std::thread, not BackgroundTask: the writer blocks for as long as the reader is
 * slow, for the whole answer, and must not hold one of the pool's few threads that the rest of
 * the program (validation, counting) shares.
 */
class StreamPrinter
{
public:
    explicit StreamPrinter(int fd = 1);
    ~StreamPrinter(); ///< finishes (writes everything queued) if finish() was not called

    StreamPrinter(const StreamPrinter &) = delete;
    StreamPrinter &operator=(const StreamPrinter &) = delete;

    /// Queues `text`; never blocks on the reader.
    void print(const QByteArray &text);
    /// Writes everything queued and waits until it is written (or the reader went away).
    void finish();
    /// The most that was queued and not yet written at one time.
    qint64 peakQueued() const;

private:
    void run();

    const int m_fd;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QByteArray m_queue;
    qint64 m_peakQueued = 0;
    bool m_finishing = false;
    bool m_readerGone = false;
    std::thread m_thread;
};

} // namespace fs::cli
