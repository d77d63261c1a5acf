// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadqueue.h"

#include "uploadsource.h"

#include <QTimer>
#include <algorithm>

namespace fs {

UploadQueue::UploadQueue(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
}

UploadQueue::~UploadQueue()
{
    // Tasks first (their uploaders and checks), while the queue's signals still have a sender.
    const QList<UploadTask *> tasks = m_tasks;
    m_tasks.clear();
    for (UploadTask *task : tasks) {
        task->disconnect(this);
        delete task;
    }
}

UploadTask *UploadQueue::addFile(const QString &path, const UploadSettings &settings)
{
    return add(new UploadTask(m_connection, m_nam, path, settings, this));
}

UploadTask *UploadQueue::addData(
        const QString &filename, const QByteArray &data, const UploadSettings &settings)
{
    return add(new UploadTask(m_connection, m_nam, filename, data, settings, this));
}

UploadTask *UploadQueue::addSource(UploadSource *source, const UploadSettings &settings)
{
    return add(new UploadTask(m_connection, m_nam, source, settings, this));
}

UploadTask *UploadQueue::add(UploadTask *task)
{
    m_tasks << task;
    connect(task, &UploadTask::stageChanged, this, [this, task] { onStage(task); });
    connect(task, &UploadTask::progressChanged, this, [this, task](const UploadProgress &progress) {
        // The file exists once the service checks it.
        if (progress.phase >= UploadProgress::Phase::Processing && !task->file().id.isEmpty())
            Q_EMIT fileAppeared(task, task->file());
        scheduleNext();
    });
    Q_EMIT taskAdded(task);
    task->begin();
    scheduleNext();
    return task;
}

void UploadQueue::onStage(UploadTask *task)
{
    const FileObject file = task->file();
    if (task->stage() == UploadTask::Stage::Done) {
        Q_EMIT fileAppeared(task, file);
        Q_EMIT uploaded(task, file);
    } else if (task->stage() == UploadTask::Stage::Failed && !file.id.isEmpty()) {
        Q_EMIT fileAppeared(task, file); // it is there, with the service's reason
    }
    Q_EMIT taskStageChanged(task);
    scheduleNext();
}

void UploadQueue::scheduleNext()
{
    // Deferred: stage signals arrive in the middle of a task's own state change.
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        for (UploadTask *task : std::as_const(m_tasks)) {
            if (task->isSending())
                return;
        }
        for (UploadTask *task : std::as_const(m_tasks)) {
            // In the order they were added: checks run side by side and a later, smaller file
            // may be checked first, but it waits for the earlier one's check.
            if (task->stage() == UploadTask::Stage::Checking)
                return;
            if (task->stage() == UploadTask::Stage::Waiting) {
                task->send();
                return;
            }
        }
    });
}

bool UploadQueue::hasActive() const
{
    return std::any_of(m_tasks.cbegin(), m_tasks.cend(),
            [](const UploadTask *task) { return task->isActive(); });
}

UploadTask *UploadQueue::activeTask(const QString &resumeKey) const
{
    for (UploadTask *task : m_tasks) {
        if (task->isActive() && task->resumeKey() == resumeKey)
            return task;
    }
    return nullptr;
}

void UploadQueue::remove(UploadTask *task)
{
    if (!m_tasks.removeOne(task))
        return;
    task->disconnect(this);
    task->cancel();
    Q_EMIT taskRemoved(task);
    task->deleteLater();
    scheduleNext();
}

void UploadQueue::removeFinished()
{
    const QList<UploadTask *> tasks = m_tasks;
    for (UploadTask *task : tasks) {
        if (!task->isActive() && !task->isResumable())
            remove(task);
    }
}

} // namespace fs
