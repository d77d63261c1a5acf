// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"
#include "uploadtask.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace fs {

class UploadSource;

/**
 * @brief The one way the app sends files to a fine-tuning service: a queue of UploadTasks,
 * each checked by the dataset linter first (fine-tuning data only), then sent one at a time in the
 * order they were added, then followed through the service's own check of the file.
 *
 * One at a time because a large upload already sends parts in parallel: two at once would
 * share the same line and both finish later. The linter's check and the service's check after
 * sending overlap with the next upload. The Files area shows every task of the queue (also
 * those the new-job dialog, the Buckets area or a drop added); the CLI's `files upload` runs
 * one task through its own queue.
 *
 * Using it (e.g. the new-job dialog):
 * @code
 *   UploadQueue *queue = …;                         // the window's, or one of your own
 *   queue->setConnection(connection);               // where the next tasks go
 *   UploadTask *task = queue->addData(name, bytes, settings);
 *   connect(task, &UploadTask::stageChanged, …);    // NeedsConfirmation: show task->warningText()
 *   connect(task, &UploadTask::progressChanged, …); // task->stageText(), task->detailText()
 *   connect(task, &UploadTask::finished, …);        // Done: task->file().id; Failed:
 * errorMessage()
 * @endcode
 * A task whose check found errors waits in NeedsConfirmation until uploadAnyway() or cancel();
 * tasks belong to the queue (remove() or removeFinished() to let them go).
 */
class UploadQueue : public QObject
{
    Q_OBJECT
public:
    /// `nam` is not owned and must outlive the queue.
    explicit UploadQueue(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~UploadQueue() override;

    /// The connection the next tasks upload to; each task keeps the one it was added with.
    void setConnection(const Connection &connection) { m_connection = connection; }
    Connection connection() const { return m_connection; }

    /// A local file (checked first when its purpose is fine-tune and settings.preflight).
    UploadTask *addFile(const QString &path, const UploadSettings &settings);
    /// Bytes in memory (the open dataset) under `filename`.
    UploadTask *addData(
            const QString &filename, const QByteArray &data, const UploadSettings &settings);
    /// Any source (a bucket object); the queue's task takes ownership. Not checked first.
    UploadTask *addSource(UploadSource *source, const UploadSettings &settings);

    /// Every task, oldest first.
    QList<UploadTask *> tasks() const { return m_tasks; }
    /// True while a task is checking, waiting or uploading.
    bool hasActive() const;
    /// The task sending (or about to send) the bytes with this resume key, null if none.
    UploadTask *activeTask(const QString &resumeKey) const;
    /// Cancels the task if it runs and lets it go (deleted later).
    void remove(UploadTask *task);
    /// Lets go of the tasks that ended (done, failed for good, cancelled).
    void removeFinished();

Q_SIGNALS:
    void taskAdded(fs::UploadTask *task);
    void taskRemoved(fs::UploadTask *task);
    void taskStageChanged(fs::UploadTask *task);
    /// The file exists on the service (the service is checking it, or it is ready).
    void fileAppeared(fs::UploadTask *task, const fs::FileObject &file);
    /// A task is Done: the file is on the service and checked.
    void uploaded(fs::UploadTask *task, const fs::FileObject &file);

private:
    UploadTask *add(UploadTask *task);
    void onStage(UploadTask *task);
    void scheduleNext();

    QNetworkAccessManager *m_nam;
    Connection m_connection;
    QList<UploadTask *> m_tasks;
    bool m_scheduled = false;
};

} // namespace fs
