// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apilimits.h"
#include "apitypes.h"
#include "connection.h"
#include "httpcall.h"
#include "sseparser.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QPointer>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace fs {

/// Every request line and response status of the API client ("fs.api"); headers are redacted.
Q_DECLARE_LOGGING_CATEGORY(lcApi)

/// When and how long to wait before retrying, as the official client libraries do.
struct RetryPolicy
{
    int maxRetries = 2;
    int initialDelayMs = 500; ///< doubles each attempt
    int maxDelayMs = 8000;
    int maxRetryAfterMs = 120000; ///< retry-after(-ms) beyond this is ignored
    bool jitter = true; ///< off in tests that assert exact delays

    /// Whether attempt `retriesSoFar`+1 may be made after this outcome: x-should-retry when the
    /// server sends it, else ApiError::isTransient(). Never a quota or a daily cap
    /// (ApiError::isQuotaExhausted(), whatever the server hints), never a cancelled call.
    bool shouldRetry(const ApiError &error, const QList<QPair<QByteArray, QByteArray>> &headers,
            int retriesSoFar) const;
    /// Milliseconds to wait before the next attempt: retry-after-ms, else retry-after (seconds
    /// or an HTTP date) when within (0, maxRetryAfterMs], else min(initial·2^n, max) with jitter.
    int delayMs(const QList<QPair<QByteArray, QByteArray>> &headers, int retriesSoFar) const;
};

/// Replaces the values of Authorization and api-key (and any key-like header) with
/// "[redacted]": every log line about a request goes through this.
QString redactedHeaderLine(const QByteArray &name, const QByteArray &value);

/**
 * @brief One API call: a job object that retries, times out, can be aborted and finishes once.
 *
 * Emits finished() exactly once (also on abort), then deletes itself later unless the caller
 * took ownership with setAutoDelete(false).
 */
class ApiReply : public QObject
{
    Q_OBJECT
public:
    ~ApiReply() override;

    bool isFinished() const { return m_finished; }
    const ApiError &error() const { return m_error; }
    bool ok() const { return m_finished && !m_error.isError(); }
    int httpStatus() const { return m_httpStatus; }
    QByteArray body() const { return m_body; }
    QJsonObject json() const; ///< body parsed as an object (empty when not JSON)
    QByteArray rawHeader(const QByteArray &name) const; ///< case-insensitive, last response
    QList<QPair<QByteArray, QByteArray>> rawHeaderPairs() const { return m_headers; }
    QString requestId() const { return QString::fromLatin1(rawHeader("x-request-id")); }
    int attempts() const { return m_attempts; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

public Q_SLOTS:
    void abort();

Q_SIGNALS:
    void uploadProgress(qint64 sent, qint64 total);
    void downloadProgress(qint64 received, qint64 total);
    /// A retry was scheduled after a failed attempt (for a status line: "retrying in 2 s").
    void retrying(int attempt, int delayMs, const fs::ApiError &lastError);
    void finished();

protected:
    friend class ApiClient;
    ApiReply(QNetworkAccessManager *nam, QObject *parent);
    /// Sends the request (again). Subclasses (streams) hook into the reply's readyRead.
    virtual void start();
    /// Reads what arrived; the plain reply keeps the body (up to its limit).
    virtual void handleReadyRead();
    /// What the call reads, for its size and time limits.
    virtual ApiLimits::Kind limitKind() const
    {
        return m_expectJson ? ApiLimits::Kind::Json : ApiLimits::Kind::Download;
    }
    /// Appends to the body; false (and the call finished) when that passes the size limit.
    bool appendBody(const QByteArray &bytes);
    /// An error of the client's own limits: `code` (see ApiError::limit) with the limit reached.
    ApiError limitError(
            ApiError::Kind kind, const QString &code, qint64 limit, const QString &detail) const;
    /// Called when an attempt ended with a 2xx answer; streams check their ending here.
    virtual ApiError checkSuccess();
    /// False once a retry would repeat something the caller has already seen (stream deltas).
    virtual bool mayRetry() const { return true; }
    void finish(const ApiError &error);
    /// Stops the attempt in flight and finishes with `error`, without retrying.
    void failNow(const ApiError &error);
    /// Removes the key values this request carries from a text meant for the log.
    QString scrubbed(const QString &text) const;

    QNetworkAccessManager *m_nam = nullptr;
    QNetworkRequest m_request;
    QByteArray m_verb;
    QByteArray m_payload; ///< JSON or prebuilt multipart body
    QPointer<QIODevice> m_device; ///< large uploads stream from a device instead
    RetryPolicy m_retryPolicy;
    ApiLimits m_limits;
    int m_timeoutMs = 600000; ///< the idle time limit (m_limits.idleTimeoutMs)
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timeoutTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_overallTimer = nullptr; ///< the whole call, retries included
    ApiError m_error;
    int m_httpStatus = 0;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    int m_attempts = 0;
    bool m_finished = false;
    bool m_autoDelete = true;
    bool m_timedOut = false;
    bool m_aborted = false;
    bool m_expectJson = true; ///< a 2xx body that is not a JSON object is a Protocol error
    bool m_redirectIsAnswer = false; ///< a 3xx is the result (HttpCall::redirectIsAnswer)

private:
    void onReplyFinished(QNetworkReply *reply);
    void onTimeout();
    void onOverallTimeout();
    void retryOrFinish(const ApiError &error);
    void dropReply();
    // The steps of start(): this attempt's request, the plain-http refusal, sending, watching.
    QNetworkRequest attemptRequest();
    bool refuseInsecure(const QNetworkRequest &request);
    QNetworkReply *sendAttempt(const QNetworkRequest &request);
    void watch(QNetworkReply *reply);
    void checkAnnouncedSize(QNetworkReply *reply);
};

/**
 * @brief A streamed chat completion (server-sent events).
 *
 * Emits delta() for each content fragment as it arrives, usage() when the usage chunk arrives,
 * then finished(). An error object inside the stream ends it with ApiError::Kind::Stream.
 */
class ChatStream : public ApiReply
{
    Q_OBJECT
public:
    /// Everything received so far, kept only after setKeepContent(true): by default the stream
    /// hands each piece over with delta() and forgets it, so its memory stays bounded.
    QString content() const { return m_content; }
    void setKeepContent(bool keep) { m_keepContent = keep; }
    QString finishReason() const { return m_finishReason; }
    std::optional<Usage> finalUsage() const { return m_usage; }

Q_SIGNALS:
    void delta(const QString &text);
    void usageReceived(const fs::Usage &usage);

protected:
    friend class ApiClient;
    using ApiReply::ApiReply;
    void start() override;
    void handleReadyRead() override;
    ApiError checkSuccess() override;
    bool mayRetry() const override { return !m_receivedAny; }
    ApiLimits::Kind limitKind() const override { return ApiLimits::Kind::Stream; }

private:
    /// Feeds the parser within the stream's limits; an error when one was passed.
    ApiError feed(const QByteArray &bytes);

    ApiError processEvents(const QList<SseEvent> &events);

    SseParser m_parser;
    bool m_receivedAny = false;
    bool m_keepContent = false;
    qint64 m_streamBytes = 0;
    QString m_content;
    QString m_finishReason;
    std::optional<Usage> m_usage;
    bool m_sawDone = false;
};

/**
 * @brief Typed calls for the endpoints the app uses, against one connection.
 *
 * Every call returns a started ApiReply; connect to finished() and read error()/json(), then
 * parse with the fromJson()/parse*Page() helpers of apitypes.h.
 */
class ApiClient : public QObject
{
    Q_OBJECT
public:
    ApiClient(QNetworkAccessManager *nam, const Connection &connection, QObject *parent = nullptr);

    const Connection &connection() const { return m_connection; }
    void setConnection(const Connection &connection) { m_connection = connection; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    RetryPolicy retryPolicy() const { return m_retryPolicy; }
    /// The idle time limit: no byte received or sent for this long ends an attempt.
    void setTimeoutMs(int ms) { m_limits.idleTimeoutMs = ms; }
    int timeoutMs() const { return m_limits.idleTimeoutMs; }
    /// Size and time limits of every call from now on (ApiLimits::defaults() at first).
    void setLimits(const ApiLimits &limits) { m_limits = limits; }
    const ApiLimits &limits() const { return m_limits; }

    // Files
    ApiReply *uploadFile(const QString &filename, const QByteArray &content,
            const QString &purpose = QStringLiteral("fine-tune"));
    /// Streams the file from `device` (`size` bytes from position 0, open for reading) instead
    /// of building the body in memory; the reply takes ownership of the device.
    ApiReply *uploadFile(const QString &filename, QIODevice *device, qint64 size,
            const QString &purpose = QStringLiteral("fine-tune"));
    ApiReply *listFiles(const FileListQuery &query = {});
    ApiReply *retrieveFile(const QString &fileId);
    ApiReply *deleteFile(const QString &fileId);
    ApiReply *fileContent(const QString &fileId);

    // Uploads (multipart, up to 8 GB)
    ApiReply *createUpload(const CreateUploadRequest &request);
    ApiReply *addUploadPart(const QString &uploadId, const QByteArray &data);
    /// As addUploadPart(), but the body shares `data` instead of copying it (large parts).
    ApiReply *addUploadPartStreamed(const QString &uploadId, const QByteArray &data);
    ApiReply *completeUpload(
            const QString &uploadId, const QStringList &partIds, const QString &md5Hex = {});
    ApiReply *cancelUpload(const QString &uploadId);

    // Fine-tuning jobs
    ApiReply *createJob(const CreateJobRequest &request);
    ApiReply *listJobs(const QString &after = {}, int limit = 0);
    ApiReply *retrieveJob(const QString &jobId);
    ApiReply *cancelJob(const QString &jobId);
    ApiReply *pauseJob(const QString &jobId);
    ApiReply *resumeJob(const QString &jobId);
    ApiReply *listJobEvents(const QString &jobId, const QString &after = {}, int limit = 0);
    ApiReply *listCheckpoints(const QString &jobId, const QString &after = {}, int limit = 0);

    // Models
    ApiReply *listModels();
    ApiReply *retrieveModel(const QString &modelId);
    ApiReply *deleteModel(const QString &modelId);

    // Chat completions
    ApiReply *createChatCompletion(const ChatRequest &request);
    /// stream:true with stream_options.include_usage:true
    ChatStream *streamChatCompletion(const ChatRequest &request);

    /// Sends a call a dialect built (providers/dialect.h) on this connection, with the same
    /// retries, time limits and redaction as the typed calls above.
    ApiReply *sendCall(const HttpCall &call);
    /// As sendCall(), with the body read from `body` instead of `call.body` (a presigned PUT
    /// streamed from disk). The reply owns `body` from then on; it must be open and seekable
    /// (a retry starts it again from the beginning).
    ApiReply *sendCall(const HttpCall &call, QIODevice *body);
    /// As sendCall(), read as a streamed chat answer.
    ChatStream *streamCall(const HttpCall &call);

private:
    QNetworkRequest makeRequest(
            const QString &path, const QList<QPair<QString, QString>> &query = {}) const;
    QNetworkRequest makeJsonRequest(const QString &path) const;
    QNetworkRequest makeCallRequest(const HttpCall &call) const;
    template<typename Reply = ApiReply>
    Reply *send(const QByteArray &verb, const QNetworkRequest &request,
            const QByteArray &payload = {}, bool expectJson = true, bool redirectIsAnswer = false);

    /// Gives a new reply what every call carries (verb, request, retries, limits).
    void prepare(ApiReply *reply, const QByteArray &verb, const QNetworkRequest &request,
            bool expectJson) const;

    /// Sends a body read from `device` (owned by the reply from then on).
    ApiReply *sendDevice(const QByteArray &verb, QNetworkRequest request, QIODevice *device,
            bool expectJson = true);

    QNetworkAccessManager *m_nam;
    Connection m_connection;
    RetryPolicy m_retryPolicy;
    ApiLimits m_limits = ApiLimits::defaults();
};

} // namespace fs
