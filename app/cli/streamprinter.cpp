// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamprinter.h"

#include <cerrno>
#include <unistd.h>

namespace fs::cli {

StreamPrinter::StreamPrinter(int fd)
    : m_fd(fd)
    , m_thread([this] { run(); })
{
}

StreamPrinter::~StreamPrinter()
{
    finish();
}

void StreamPrinter::print(const QByteArray &text)
{
    if (text.isEmpty())
        return;
    {
        const std::lock_guard lock(m_mutex);
        if (m_readerGone)
            return;
        m_queue.append(text);
        m_peakQueued = std::max<qint64>(m_peakQueued, m_queue.size());
    }
    m_wake.notify_one();
}

void StreamPrinter::finish()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_finishing = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

qint64 StreamPrinter::peakQueued() const
{
    const std::lock_guard lock(m_mutex);
    return m_peakQueued;
}

void StreamPrinter::run()
{
    for (;;) {
        QByteArray chunk;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return !m_queue.isEmpty() || m_finishing; });
            if (m_queue.isEmpty())
                return; // finishing with nothing left
            chunk.swap(m_queue);
        }
        qsizetype done = 0;
        while (done < chunk.size()) {
            const ssize_t written = ::write(m_fd, chunk.constData() + done, chunk.size() - done);
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0) { // the reader went away (EPIPE) or the disk is full: stop printing
                const std::lock_guard lock(m_mutex);
                m_readerGone = true;
                m_queue.clear();
                return;
            }
            done += written;
        }
    }
}

} // namespace fs::cli
