// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace fs {

/// One interrupted (or running) upload through the Uploads API, as the journal keeps it.
struct UploadJournalEntry
{
    QString resumeKey; ///< UploadSource::resumeKey(): the same bytes
    QString server; ///< the connection's API base URL: an upload id means nothing elsewhere
    QString sourcePath; ///< the local file, when the source was a LocalFileSource
    QString sourceDescription; ///< otherwise what it was (e.g. "s3:endpoint/bucket/key")
    QString filename;
    qint64 bytes = 0;
    QString purpose;
    QString uploadId;
    qint64 createdAt = 0; ///< unix seconds (the service's clock)
    qint64 expiresAt = 0; ///< unix seconds (the service's clock)
    qint64 partSize = 0;
    QMap<int, QString> sentParts; ///< part index → part id

    bool isValid() const { return !resumeKey.isEmpty() && !uploadId.isEmpty() && partSize > 0; }
    int partCount() const;
    qint64 sentBytes() const; ///< bytes of the parts already sent
    /// Still worth resuming at `nowSecs`: expiresAt minus a safety margin is in the future.
    bool isUsable(qint64 nowSecs = QDateTime::currentSecsSinceEpoch()) const;
};

/**
 * @brief The resume journal: one small JSON file per upload, written atomically.
 *
 * The Uploader records each part the moment the service confirms it, so an upload interrupted
 * in any way (network gone, app quit, crash) resumes with only the missing parts. Entries whose
 * server-side upload has expired (or is about to) are useless and removed.
 */
class UploadJournal
{
public:
    /// Entries closer than this to their expiry are not resumed: finishing the rest may take
    /// longer than what is left.
    static constexpr qint64 kSafetyMarginSecs = 300;

    /// `directory` empty: defaultDirectory().
    explicit UploadJournal(const QString &directory = {});

    /// AppDataLocation + "/uploads".
    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    /// The entry for these bytes on this server (and purpose), if any (expired ones included).
    bool find(const QString &resumeKey, const QString &server, const QString &purpose,
            UploadJournalEntry *entry) const;
    /// Writes (replaces) the entry; false with a reason when it could not be written.
    bool save(const UploadJournalEntry &entry, QString *problem = nullptr) const;
    /// Records one confirmed part and saves.
    bool recordPart(UploadJournalEntry *entry, int index, const QString &partId,
            QString *problem = nullptr) const;
    void remove(const UploadJournalEntry &entry) const;
    void removeUpload(const QString &uploadId) const;

    /// Every entry on file (also expired ones), oldest first.
    QList<UploadJournalEntry> entries() const;
    /// Entries that can still be resumed (for the UI's "Resume"), oldest first; expired ones
    /// are deleted on the way. `server` non-empty: only that server's.
    QList<UploadJournalEntry> pendingUploads(
            const QString &server = {}, qint64 nowSecs = QDateTime::currentSecsSinceEpoch()) const;
    /// Deletes the entries that can no longer be resumed; returns how many.
    int prune(qint64 nowSecs = QDateTime::currentSecsSinceEpoch()) const;

private:
    QString fileFor(const UploadJournalEntry &entry) const;
    static bool read(const QString &path, UploadJournalEntry *entry);

    QString m_directory;
};

} // namespace fs
