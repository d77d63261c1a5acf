// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace fs {

class ApiClient;
class UploadSource;

struct UploadOptions
{
    enum class Method {
        /// OpenAI: the Files API up to filesApiLimit, the Uploads API beyond. Together AI: one
        /// multipart request up to multipartLimit, the presigned flow beyond.
        Automatic,
        FilesApi, ///< one multipart request (refused for files over 512 MB)
        /// OpenAI only: 64 MB parts, a few in parallel, resumable. Other services have no
        /// parts; asking for them fails with a sentence saying so.
        UploadsApi,
    };

    QString purpose = QStringLiteral("fine-tune");
    Method method = Method::Automatic;
    qint64 filesApiLimit = 512LL * 1024 * 1024;
    /// Together AI: files up to this size go to the documented multipart `/files/upload`;
    /// larger ones through the presigned flow Together's own client uses (POST /files → 302 →
    /// PUT). Both stream a local file from disk.
    qint64 multipartLimit = 64LL * 1024 * 1024;
    /// Fireworks AI: a dataset is created, then files up to this size go in one multipart
    /// `:upload` (its limit is 150 MB); larger ones to a signed URL, then `:validateUpload`.
    qint64 datasetUploadLimit = 150LL * 1024 * 1024;
    qint64 partSize = 64LL * 1024 * 1024; ///< tests use small parts
    int parallelParts = 3;
    /// Where the resume journal lives; empty: UploadJournal::defaultDirectory().
    QString journalDirectory;
    /// After the file exists, follow its status until processed or error.
    bool waitForProcessing = true;
    int processingPollMs = 1000;
};

struct UploadProgress
{
    enum class Phase {
        Preparing, ///< looking for an upload to resume, creating the upload
        Sending, ///< bytes on their way
        Completing, ///< all parts sent, the upload is being completed (md5)
        Processing, ///< the service checks the file (status "uploaded")
        Finished, ///< processed (or, without waitForProcessing, created)
    };

    Phase phase = Phase::Preparing;
    qint64 sentBytes = 0; ///< includes parts reused from an earlier attempt
    qint64 totalBytes = 0;
    double bytesPerSecond = 0; ///< recent speed, 0 while unknown
    int secondsLeft = -1; ///< -1 while unknown
    int partsDone = 0;
    int partsTotal = 0; ///< 1 for the Files API
    int partsReused = 0; ///< parts an earlier, interrupted attempt had already sent
};

/**
 * @brief Sends one source to the fine-tuning service and follows the file until it is ready.
 *
 * The connection's service decides how (Connection::providerKind()). On Together AI: a file up
 * to UploadOptions::multipartLimit in one multipart request, a larger one through the presigned
 * flow; a local file streams from disk either way (memory stays at Qt's network buffers), other
 * sources (a bucket object) are read whole first. Then the file's check is followed through the
 * dialect. Cancel
 * aborts what is in flight; Together keeps nothing half-sent, so there is nothing to resume.
 *
 * On OpenAI (and compatible servers): small files go through the Files API in one request;
 * large ones (or on request) through the Uploads API: parts of partSize, parallelParts at a time,
 * completed in order with the md5 of the whole content. Each part sent is written to the
 * UploadJournal at once, so an upload that failed or was interrupted (also by quitting the app)
 * resumes — sending only the missing parts — while the server-side upload is still valid (one
 * hour). A failed part is retried by the API client first; when it still fails the Uploader stops
 * with the upload left resumable.
 */
class Uploader : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    /// Neither `client` nor `source` is owned; both must outlive the Uploader.
    Uploader(ApiClient *client, UploadSource *source, const UploadOptions &options = {},
            QObject *parent = nullptr);
    ~Uploader() override;

    State state() const { return m_state; }
    UploadProgress progress() const { return m_progress; }
    /// The file on the service once created (status follows while processing).
    FileObject file() const { return m_file; }
    /// Why it failed, in plain words (translated); empty unless Failed.
    QString errorMessage() const { return m_errorMessage; }
    /// The API error behind the failure, when there was one.
    ApiError apiError() const { return m_apiError; }
    /// True when the failure left an upload that start() can resume.
    bool isResumable() const { return m_resumable; }
    /// True when the file arrived but the service could not process it (status "error");
    /// errorMessage() then carries status_details.
    bool isProcessingError() const { return m_processingError; }

public Q_SLOTS:
    /// Starts, or resumes an interrupted upload of the same source (same resumeKey).
    void start();
    /// Stops sending and cancels the server-side upload (its journal entry is removed).
    void cancel();

Q_SIGNALS:
    void progressChanged(const fs::UploadProgress &progress);
    void stateChanged(fs::Uploader::State state);
    /// Once, when Succeeded, Failed or Cancelled.
    void finished();

private:
    class Private;
    friend class Private;
    Private *d;
    State m_state = State::Idle;
    UploadProgress m_progress;
    FileObject m_file;
    QString m_errorMessage;
    ApiError m_apiError;
    bool m_resumable = false;
    bool m_processingError = false;
};

} // namespace fs
