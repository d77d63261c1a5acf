// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetloader.h"

#include "backgroundtask.h"
#include "datasetdocument.h"
#include "linter.h"
#include "workpool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

namespace fs {

struct DatasetLoader::State
{
    bool done = false; ///< GUI thread only
    QString path;
};

DatasetLoader::DatasetLoader(DatasetDocument *document)
    : QObject(document)
    , m_document(document)
    , m_task(new BackgroundTask(this))
{
    m_task->setThreadPool(workPool());
}

DatasetLoader::~DatasetLoader()
{
    // The work posts to this object: it must have returned before this goes.
    m_task->cancelAndWait();
}

bool DatasetLoader::isLoading() const
{
    return m_state && !m_state->done;
}

void DatasetLoader::start(const QString &path)
{
    auto state = std::make_shared<State>();
    state->path = path;
    m_state = state;
    // Batches and the end reach this object as queued calls while the work runs (the task's own
    // result would come only at the end).
    m_task->start([this, state](TaskControl &control) { read(state, control); }, [] {});
}

void DatasetLoader::deliver(const std::shared_ptr<State> &state, QList<JsonlRecord> records,
        QList<ExampleSummary> summaries, bool bom, qint64 done, qint64 total)
{
    auto *self = this;
    QMetaObject::invokeMethod(
            self,
            [self, state, records = std::move(records), summaries = std::move(summaries), bom, done,
                    total]() mutable {
                if (self->m_state != state)
                    return;
                self->m_document->m_bom = bom;
                self->m_document->appendLoaded(std::move(records), std::move(summaries));
                emit self->m_document->loadProgress(done, total);
            },
            Qt::QueuedConnection);
}

void DatasetLoader::finish(const std::shared_ptr<State> &state, const DatasetError &error,
        QList<JsonlIssue> issues, const QByteArray &trailing)
{
    auto *self = this;
    QMetaObject::invokeMethod(
            self,
            [self, state, error, issues = std::move(issues), trailing] {
                if (self->m_state != state)
                    return;
                self->m_document->m_loadIssues = issues;
                self->m_document->m_trailing = trailing;
                self->finishLoad(error);
            },
            Qt::QueuedConnection);
}

// Runs in the worker thread.
void DatasetLoader::read(const std::shared_ptr<State> &state, const TaskControl &control)
{
    const QString &path = state->path;
    QFile file(path);
    DatasetError openError;
    if (!DatasetError::openForReading(file, &openError)) {
        finish(state, openError, {}, {});
        return;
    }
    const qint64 total = file.size();
    qint64 done = 0;
    JsonlReader reader;
    QElapsedTimer sincePost;
    sincePost.start();
    bool first = true;
    QList<JsonlRecord> records;
    QList<ExampleSummary> summaries;
    // Until a read gives nothing, not until atEnd(): files in /proc say their size is 0.
    while (!control.isCancelled()) {
        // A small first chunk so the first examples show at once.
        const QByteArray chunk = file.read(first ? (128 << 10) : (1 << 20));
        if (first && Linter::looksLikeUtf16(chunk)) {
            finish(state, DatasetError::utf16(path), {}, {});
            return;
        }
        if (chunk.isEmpty()) {
            if (file.error() != QFile::NoError) {
                finish(state,
                        DatasetError::make(
                                DatasetError::Kind::Unreadable, path, file.errorString()),
                        reader.takeIssues(), {});
                return;
            }
            break;
        }
        done += chunk.size();
        reader.addData(chunk);
        if (first || sincePost.elapsed() >= 40) {
            reader.takeRecords(&records, &summaries);
            deliver(state, std::move(records), std::move(summaries), reader.hasBom(), done, total);
            records = {};
            summaries = {};
            sincePost.restart();
            first = false;
        }
    }
    const bool cancelled = control.isCancelled();
    if (!cancelled)
        reader.finish();
    reader.takeRecords(&records, &summaries);
    deliver(state, std::move(records), std::move(summaries), reader.hasBom(), done, total);
    finish(state,
            cancelled ? DatasetError::make(DatasetError::Kind::Cancelled, path) : DatasetError(),
            reader.takeIssues(), reader.trailing());
}

void DatasetLoader::finishLoad(const DatasetError &error)
{
    if (m_state)
        m_state->done = true;
    m_task->waitForFinished(); // it posted this as its last step
    emit m_document->loadFinished(error);
}

void DatasetLoader::cancel()
{
    if (!m_state || m_state->done)
        return;
    m_task->cancel();
    m_task->waitForFinished();
    // The thread's last batches are queued; deliver them now so the document holds what was read.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_state && !m_state->done)
        finishLoad(DatasetError::make(DatasetError::Kind::Cancelled, m_state->path));
}

} // namespace fs
