// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace fs {

/// A recovery file left by autosave (unsaved work of a dataset).
struct RecoveryFile
{
    QString path; ///< the recovery file (.jsonl)
    QString originalPath; ///< the dataset it belongs to; empty for an untitled one
    QDateTime savedAt;
    int examples = 0;
    QString session; ///< the session (app run) that wrote it
};

/// How a recovery file differs from the saved file it belongs to.
struct RecoveryDiff
{
    enum class Kind { Changed, Added, Removed };
    struct Entry
    {
        Kind kind = Kind::Changed;
        int row = 0; ///< 0-based; in the recovered examples (Removed: in the saved file)
        QString preview; ///< the example's first user text, one line
    };
    /// False for an untitled dataset or when the saved file can no longer be read: then every
    /// recovered example counts as added.
    bool hasOriginal = false;
    int unchanged = 0;
    int changed = 0;
    int added = 0;
    int removed = 0;
    /// The differing examples (at most kMaxEntries): changed and added ones in recovered row
    /// order, then the deleted ones.
    QList<Entry> entries;
    static constexpr int kMaxEntries = 500;

    bool isEmpty() const { return changed == 0 && added == 0 && removed == 0; }
};

/**
 * @brief Finding, comparing, restoring and discarding recovery files after a crash.
 *
 * Each recovery file "<dir>/<name>-<hash>-<session>.jsonl" has a sidecar ".json" with
 * {originalPath, savedAt, examples, session, pid}. A session is one run of the app: it holds a
 * lock on "<dir>/session-<id>.lock" for as long as it lives — the system releases the lock when
 * the process ends in any way (a crash, kill -9), also while it lingers as a zombie nobody has
 * reaped, and a new process that happens to get the same process id is a different session. A
 * document deletes its own recovery file on save and on close; recovery files of sessions that
 * no longer hold their lock are abandoned work, to be offered back.
 */
class DatasetRecovery
{
    Q_DECLARE_TR_FUNCTIONS(fs::DatasetRecovery)

public:
    /// <AppDataLocation>/recovery (created on demand).
    static QString directory();
    /// This run's session id (random, fixed for the process).
    static QString sessionId();
    /// Takes this session's lock in `dir` (once per folder; later calls return at once). Called
    /// before the first recovery file is written there.
    static bool claimSession(const QString &dir);
    /// Whether the session that wrote files in `dir` is still running (holds its lock).
    static bool isSessionAlive(const QString &dir, const QString &session);
    /// The recovery file path for a dataset: a hash of its absolute path and this session (an
    /// untitled document gets a name per session and document).
    static QString recoveryPathFor(
            const QString &dir, const QString &originalPath, const void *document);
    /// Recovery files in `dir` (default: directory()) whose session has ended, newest first.
    static QList<RecoveryFile> find(const QString &dir = {});
    /// The newest abandoned recovery file of the dataset at `originalPath`, if any.
    static std::optional<RecoveryFile> findFor(
            const QString &originalPath, const QString &dir = {});
    /// Compares the recovered examples with the saved file (read again from disk).
    static RecoveryDiff compare(const RecoveryFile &file);
    /// A short plain summary for people: "3 examples changed, 1 added."
    static QString summary(const RecoveryDiff &diff);
    /// Deletes the recovery file and its sidecar.
    static bool discard(const RecoveryFile &file);
    static bool discard(const QString &recoveryPath);
    static QString sidecarPath(const QString &recoveryPath);
    /// The sidecar's contents for a recovery file written now by this session.
    static QByteArray sidecarFor(const QString &originalPath, int examples);
};

} // namespace fs
