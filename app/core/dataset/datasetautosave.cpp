// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetautosave.h"

#include "backgroundtask.h"
#include "datasetdocument.h"
#include "datasetrecovery.h"
#include "workpool.h"

#include <QFile>
#include <QFileInfo>
#include <QTimer>

namespace fs {

DatasetAutosave::DatasetAutosave(DatasetDocument *document)
    : QObject(document)
    , m_document(document)
    , m_timer(new QTimer(this))
    , m_task(new BackgroundTask(this))
{
    m_task->setThreadPool(workPool());
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &DatasetAutosave::writeInBackground);
    // A hidden hook for tests that kill a real process: autosave sooner than a person would.
    if (const int ms = qEnvironmentVariableIntValue("FS_AUTOSAVE_MS"); ms > 0)
        m_delay = ms;
}

DatasetAutosave::~DatasetAutosave()
{
    m_task->cancelAndWait(); // a write in progress is finished, not cut off
}

void DatasetAutosave::setDelay(int delayMs)
{
    m_delay = qMax(0, delayMs);
    if (m_delay == 0)
        m_timer->stop();
    else if (m_document->isModified())
        schedule();
}

void DatasetAutosave::schedule()
{
    if (m_delay > 0)
        m_timer->start(m_delay);
}

void DatasetAutosave::documentChanged(bool modified)
{
    if (modified) {
        schedule();
        return;
    }
    m_timer->stop();
    if (!m_task->isRunning())
        DatasetRecovery::discard(recoveryFilePath());
}

void DatasetAutosave::saved(const QString &oldRecoveryFile)
{
    m_timer->stop();
    if (!m_task->isRunning())
        DatasetRecovery::discard(oldRecoveryFile);
}

void DatasetAutosave::discard()
{
    DatasetRecovery::discard(recoveryFilePath());
}

QString DatasetAutosave::recoveryFilePath() const
{
    const QString dir = m_dir.isEmpty() ? DatasetRecovery::directory() : m_dir;
    return DatasetRecovery::recoveryPathFor(dir, m_document->filePath(), m_document);
}

void DatasetAutosave::writeInBackground()
{
    if (!m_document->isModified() || m_document->isLoading())
        return;
    if (m_task->isRunning()) { // the previous write is still running
        schedule();
        return;
    }
    const QString path = recoveryFilePath();
    // The session's lock tells a later start whether this run is still alive.
    if (!DatasetRecovery::claimSession(QFileInfo(path).absolutePath()))
        return;
    const DatasetDocument *doc = m_document;
    QList<JsonlRecord> records;
    records.reserve(doc->m_rows.size());
    for (const DatasetDocument::Row &r : std::as_const(doc->m_rows))
        records.append(r.record);
    const QByteArray meta = DatasetRecovery::sidecarFor(doc->m_filePath, int(doc->m_rows.size()));
    // Writing a big dataset takes longer than the GUI may block. The sidecar first (see the
    // class comment).
    m_task->start(
            [path, records, bom = doc->m_bom, trailing = doc->m_trailing, end = doc->m_lineEnding,
                    meta](TaskControl &) {
                if (JsonlWriter::saveBytes(DatasetRecovery::sidecarPath(path), meta).isError())
                    return false;
                return !JsonlWriter::save(path, bom, records, trailing, end).isError();
            },
            [this, path](bool ok) {
                if (ok)
                    emit m_document->autosaved(path);
            });
}

DatasetError DatasetAutosave::writeNow()
{
    const QString path = recoveryFilePath();
    if (!DatasetRecovery::claimSession(QFileInfo(path).absolutePath()))
        return DatasetError::make(DatasetError::Kind::NotWritable, path);
    // The sidecar first (see the class comment).
    const DatasetError error = JsonlWriter::saveBytes(DatasetRecovery::sidecarPath(path),
            DatasetRecovery::sidecarFor(m_document->filePath(), m_document->count()));
    if (error.isError())
        return error;
    return JsonlWriter::saveBytes(path, m_document->toBytes());
}

DatasetError DatasetAutosave::restoreFrom(const QString &recoveryFile, const QString &originalPath)
{
    DatasetError error;
    JsonlContents contents = JsonlReader::readFile(recoveryFile, &error);
    if (error.isError())
        return error;
    DatasetDocument *doc = m_document;
    doc->cancelLoad();
    doc->resetContents(std::move(contents));
    doc->m_filePath = originalPath;
    emit doc->filePathChanged(doc->m_filePath);
    doc->m_forcedModified = true;
    doc->onStackChanged();
    return {};
}

DatasetError DatasetAutosave::recover(const RecoveryFile &file)
{
    const DatasetError error = restoreFrom(file.path, file.originalPath);
    if (error.isError())
        return error;
    // The work now belongs to this session: its file moves over, so a second crash before the
    // next autosave still leaves it behind.
    const QString own = recoveryFilePath();
    if (!DatasetRecovery::claimSession(QFileInfo(own).absolutePath()))
        return {};
    // The sidecar first (see the class comment).
    JsonlWriter::saveBytes(DatasetRecovery::sidecarPath(own),
            DatasetRecovery::sidecarFor(m_document->filePath(), m_document->count()));
    if (file.path != own) {
        QFile::remove(own);
        if (QFile::rename(file.path, own))
            QFile::remove(DatasetRecovery::sidecarPath(file.path));
    }
    return {};
}

} // namespace fs
