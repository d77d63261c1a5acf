// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace fs {

/// A recovery file left by autosave (unsaved work of a dataset).
struct RecoveryFile
{
    QString path; ///< the recovery file (.jsonl)
    QString originalPath; ///< the dataset it belongs to; empty for an untitled one
    QDateTime savedAt;
    int examples = 0;
};

/**
 * @brief Finding, restoring and discarding recovery files after a crash.
 *
 * Each recovery file "<dir>/<key>.jsonl" has a sidecar "<key>.json" with {originalPath, savedAt,
 * examples, pid}. A document deletes its own recovery file on save and on close; whatever is left
 * when the app starts belongs to a session that ended without saving.
 */
class DatasetRecovery
{
public:
    /// <AppDataLocation>/recovery (created on demand).
    static QString directory();
    /// The recovery file path for a dataset (a hash of the path; untitled documents get a unique
    /// name per process and document).
    static QString recoveryPathFor(
            const QString &dir, const QString &originalPath, const void *document);
    /// Recovery files in `dir` (default: directory()) left by processes that are no longer
    /// running, newest first.
    static QList<RecoveryFile> find(const QString &dir = {});
    /// Deletes the recovery file and its sidecar.
    static bool discard(const RecoveryFile &file);
    static bool discard(const QString &recoveryPath);
    static QString sidecarPath(const QString &recoveryPath);
};

} // namespace fs
