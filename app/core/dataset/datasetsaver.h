// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dataseterror.h"

#include <QObject>
#include <QString>
#include <optional>

namespace fs {

class BackgroundTask;
class DatasetDocument;

/**
 * @brief Writes a DatasetDocument to its file: at once (save(), saveAs()) or on a BackgroundTask
 * (saveAsync()), with the rules that decide whether the document still counts as modified.
 *
 * - A save writes a copy of the lines atomically; the file on disk is untouched on failure.
 * - An edit made while a background save runs is not in the file: afterwards the document is
 *   still modified — even when the edit was undone and another made, which ends at the same
 *   undo position with other content.
 * - A save asked for while one runs is queued (the latest target wins) and starts when the
 *   running one has succeeded, if the document is then still modified or goes to another file;
 *   after a failure the queue is dropped. isSaving() stays true from the first start to the
 *   last end, and the document's saveFinished() is emitted once per save written.
 *
 * Owned by the document; the document's save functions forward here.
 */
class DatasetSaver : public QObject
{
    Q_OBJECT
public:
    explicit DatasetSaver(DatasetDocument *document);
    /// Waits for a running save (its result is dropped).
    ~DatasetSaver() override;

    DatasetError saveAs(const QString &path);
    void saveAsync(const QString &path);
    bool isSaving() const;
    /// A save asked for while another one runs, waiting for its turn.
    bool hasQueuedSave() const { return m_queued.has_value(); }
    DatasetError saveCopy(const QString &path) const;

private:
    void start(const QString &target);
    void onFinished(const QString &target, const DatasetError &result);
    /// The document now equals the file at `path` (`clean`) or holds edits made meanwhile.
    void markSaved(const QString &path, bool clean);

    DatasetDocument *m_document;
    BackgroundTask *m_task;
    QString m_target; ///< of the running save
    bool m_editedWhileSaving = false;
    std::optional<QString> m_queued;
};

} // namespace fs
