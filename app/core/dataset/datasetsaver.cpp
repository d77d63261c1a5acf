// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetsaver.h"

#include "backgroundtask.h"
#include "datasetautosave.h"
#include "datasetdocument.h"
#include "workpool.h"

#include <QUndoStack>

namespace fs {

DatasetSaver::DatasetSaver(DatasetDocument *document)
    : QObject(document)
    , m_document(document)
    , m_task(new BackgroundTask(this))
{
    m_task->setThreadPool(workPool());
    // Any step of the undo stack while the copy is written (an edit, an undo) means the
    // document may differ from what reaches the file.
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (m_task->isRunning())
            m_editedWhileSaving = true;
    });
    // Out of memory while writing: reported like any failed save.
    connect(m_task, &BackgroundTask::failed, this, [this](const QString &message) {
        onFinished(
                m_target, DatasetError::make(DatasetError::Kind::NotWritable, m_target, message));
    });
}

DatasetSaver::~DatasetSaver()
{
    m_task->cancelAndWait(); // the file is written completely; the result is dropped
}

bool DatasetSaver::isSaving() const
{
    return m_task->isRunning();
}

DatasetError DatasetSaver::saveCopy(const QString &path) const
{
    return JsonlWriter::saveBytes(path, m_document->toBytes());
}

DatasetError DatasetSaver::saveAs(const QString &path)
{
    const DatasetError error = saveCopy(path);
    if (error.isError())
        return error;
    markSaved(path, true);
    return {};
}

void DatasetSaver::markSaved(const QString &path, bool clean)
{
    DatasetDocument *doc = m_document;
    const QString oldRecovery = doc->recoveryFilePath();
    if (path != doc->m_filePath) {
        doc->m_filePath = path;
        emit doc->filePathChanged(doc->m_filePath);
    }
    doc->m_forcedModified = false;
    doc->m_autosave->saved(oldRecovery);
    if (clean)
        doc->undoStack()->setClean();
    else
        doc->undoStack()->resetClean();
    doc->onStackChanged();
    emit doc->saved(path);
}

void DatasetSaver::saveAsync(const QString &path)
{
    const QString target = path.isEmpty() ? m_document->filePath() : path;
    if (m_document->isLoading())
        return;
    if (target.isEmpty()) {
        emit m_document->saveFinished(DatasetError::make(
                DatasetError::Kind::NotWritable, DatasetDocument::tr("Untitled")));
        return;
    }
    if (m_task->isRunning()) {
        // The running save may not hold the latest edits: this one follows it.
        m_queued = target;
        return;
    }
    start(target);
}

void DatasetSaver::start(const QString &target)
{
    QList<JsonlRecord> records;
    records.reserve(m_document->m_rows.size());
    for (const DatasetDocument::Row &r : std::as_const(m_document->m_rows))
        records.append(r.record);
    m_editedWhileSaving = false;
    m_target = target;
    m_task->start(
            [target, records, bom = m_document->m_bom, trailing = m_document->m_trailing,
                    end = m_document->m_lineEnding](TaskControl &) {
                return JsonlWriter::save(target, bom, records, trailing, end);
            },
            [this, target](const DatasetError &result) { onFinished(target, result); });
}

void DatasetSaver::onFinished(const QString &target, const DatasetError &result)
{
    const std::optional<QString> next = std::exchange(m_queued, std::nullopt);
    if (result.isError()) {
        emit m_document->saveFinished(result);
        return;
    }
    // Only when nothing changed meanwhile is the document now equal to the file.
    markSaved(target, !m_editedWhileSaving);
    // The next save starts before this one is reported, so that isSaving() holds throughout.
    if (next && (m_document->isModified() || *next != m_document->filePath()))
        start(*next);
    emit m_document->saveFinished(result);
}

} // namespace fs
