// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dataseterror.h"

#include <QObject>
#include <QString>

class QTimer;

namespace fs {

class BackgroundTask;
class DatasetDocument;
struct RecoveryFile;

/**
 * @brief Keeps unsaved work of a DatasetDocument safe from a crash: a recovery file written on a
 * BackgroundTask a while after the last change, removed once the work is saved or dropped, and
 * restoring such a file into the document.
 *
 * The recovery file and its sidecar are DatasetRecovery's format; the sidecar is always written
 * first, so a crash between the two writes never leaves a file that can't be offered. Owned by
 * the document; the document's autosave functions forward here.
 */
class DatasetAutosave : public QObject
{
    Q_OBJECT
public:
    explicit DatasetAutosave(DatasetDocument *document);
    /// Waits for a write in progress.
    ~DatasetAutosave() override;

    void setDelay(int delayMs);
    void setDirectory(const QString &dir) { m_dir = dir; }
    QString recoveryFilePath() const;
    DatasetError writeNow();
    DatasetError restoreFrom(const QString &recoveryFile, const QString &originalPath);
    DatasetError recover(const RecoveryFile &file);

    /// The document's modified state changed (or a change was made): schedule a write, or drop
    /// the recovery file when nothing is unsaved any more.
    void documentChanged(bool modified);
    /// The document was saved: no write is due, and `oldRecoveryFile` (its name before a Save
    /// As) is removed.
    void saved(const QString &oldRecoveryFile);
    /// Removes this document's recovery file (opening another file, clearing).
    void discard();

private:
    void schedule();
    void writeInBackground();

    DatasetDocument *m_document;
    QTimer *m_timer;
    BackgroundTask *m_task;
    QString m_dir;
    int m_delay = 30000;
};

} // namespace fs
