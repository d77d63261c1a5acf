// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundtask.h"

#include "workpool.h"

#include <QThreadPool>
#include <QTimer>
#include <new>

namespace fs {

BackgroundTask::BackgroundTask(QObject *parent)
    : QObject(parent)
    , m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &BackgroundTask::reportProgress);
}

BackgroundTask::~BackgroundTask()
{
    cancelAndWait();
}

const TaskControl *BackgroundTask::control() const
{
    return m_current ? &m_current->control : nullptr;
}

void BackgroundTask::setProgressInterval(int ms)
{
    m_progressTimer->setInterval(ms);
}

QThreadPool *BackgroundTask::pool() const
{
    return m_pool ? m_pool : workPool();
}

void BackgroundTask::cancel()
{
    if (!m_current)
        return;
    m_current->control.cancel();
    m_current.reset();
    m_progressTimer->stop();
}

void BackgroundTask::requestStop()
{
    if (m_current)
        m_current->control.cancel();
}

void BackgroundTask::waitForFinished()
{
    // A copy: the runs' watchers may not touch the list while this waits, but stay safe.
    const QList<std::shared_ptr<Run>> runs = m_runs;
    for (const std::shared_ptr<Run> &run : runs)
        run->future.waitForFinished();
}

void BackgroundTask::cancelAndWait()
{
    for (const std::shared_ptr<Run> &run : std::as_const(m_runs))
        run->control.cancel();
    cancel();
    waitForFinished();
}

std::shared_ptr<BackgroundTask::Run> BackgroundTask::begin()
{
    cancel();
    auto run = std::make_shared<Run>();
    m_current = run;
    m_runs.append(run);
    m_reportedDone = -1;
    m_reportedTotal = -1;
    m_progressTimer->start();
    return run;
}

void BackgroundTask::watch(const std::shared_ptr<Run> &run, std::function<void()> deliver)
{
    // The watcher lives in this object's thread, so its finished() (and the delivery) does too.
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this,
            [this, watcher, run, deliver = std::move(deliver)] {
                watcher->deleteLater();
                onRunEnded(run, deliver);
            });
    watcher->setFuture(run->future);
}

void BackgroundTask::onRunEnded(
        const std::shared_ptr<Run> &run, const std::function<void()> &deliver)
{
    m_runs.removeOne(run);
    if (run != m_current)
        return; // cancelled or replaced by a later start(): nothing to deliver
    reportProgress();
    m_current.reset();
    m_progressTimer->stop();
    if (run->threw)
        Q_EMIT failed(run->error);
    else
        deliver();
    Q_EMIT finished();
}

void BackgroundTask::reportProgress()
{
    if (!m_current)
        return;
    const qint64 done = m_current->control.done();
    const qint64 total = m_current->control.total();
    if (done == m_reportedDone && total == m_reportedTotal)
        return;
    m_reportedDone = done;
    m_reportedTotal = total;
    Q_EMIT progress(done, total);
}

void BackgroundTask::fail(Run &run, const std::exception_ptr &exception)
{
    run.threw = true;
    try {
        std::rethrow_exception(exception);
    } catch (const std::bad_alloc &) {
        run.error = tr("There is not enough memory for this.");
    } catch (const std::exception &e) {
        run.error = QString::fromLocal8Bit(e.what());
    } catch (...) {
        run.error = tr("Something went wrong while working in the background.");
    }
}

} // namespace fs
