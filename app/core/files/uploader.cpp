// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploader.h"

#include "apiclient.h"
#include "fireworksdialect.h"
#include "multipart.h"
#include "multipartdevice.h"
#include "providerclient.h"
#include "uploadjournal.h"
#include "uploadsource.h"
#include "workpool.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

namespace fs {

namespace {
/// Azure OpenAI's limit for one file (its documentation: "less than 512 MB").
constexpr qint64 kAzureFileLimit = 512LL * 1024 * 1024;
} // namespace

namespace {

Q_LOGGING_CATEGORY(lcUpload, "fs.upload", QtWarningMsg)

constexpr int kProgressIntervalMs = 100;
constexpr qint64 kSpeedWindowMs = 5000;
constexpr int kMaxPollFailures = 3;
constexpr qint64 kProcessingTimeoutMs = 30LL * 60 * 1000; // as the official Python helper

/// The upload the service was asked about does not exist (any more): expired, cancelled
/// elsewhere, or unknown to this server. A new upload is the only way on.
bool uploadIsGone(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Http)
        return false;
    if (error.httpStatus == 404)
        return true;
    if (error.httpStatus != 400)
        return false;
    return error.param == QLatin1String("upload_id")
            || error.message.contains(QLatin1String("expired"), Qt::CaseInsensitive);
}

bool isChecksumMismatch(const ApiError &error)
{
    return error.kind == ApiError::Kind::Http && error.httpStatus == 400
            && (error.param == QLatin1String("md5")
                    || error.message.contains(QLatin1String("md5"), Qt::CaseInsensitive));
}

/// After a part failed: whether the same upload can take the rest later. A request the service
/// refuses as such (400, 413, 422) will be refused again; anything else (network, overload, a key
/// to fix) may pass next time.
bool worthResuming(const ApiError &error)
{
    return !(error.kind == ApiError::Kind::Http
            && (error.httpStatus == 400 || error.httpStatus == 413 || error.httpStatus == 422));
}

QString mimeTypeFor(const QString &filename, const QString &purpose)
{
    if (purpose == QLatin1String("fine-tune") || filename.endsWith(QLatin1String(".jsonl")))
        return QStringLiteral("text/jsonl");
    return QString::fromLatin1(Multipart::mimeTypeForFileName(filename));
}

} // namespace

class Uploader::Private : public QObject
{
public:
    Private(Uploader *qq, ApiClient *c, UploadSource *s, const UploadOptions &o)
        : q(qq)
        , client(c)
        , source(s)
        , options(o)
        , journal(o.journalDirectory)
        , provider(new ProviderClient(c, this))
    {
        pollTimer.setSingleShot(true);
        connect(&pollTimer, &QTimer::timeout, this, &Private::poll);
    }

    Uploader *q;
    ApiClient *client;
    QPointer<UploadSource> source;
    UploadOptions options;
    UploadJournal journal;
    /// The connection's dialect: Together's uploads and every service's file check.
    ProviderClient *provider;

    quint64 generation = 0; ///< callbacks of an earlier run (or a cancelled one) are dropped
    QList<QPointer<ApiReply>> replies;

    // Uploads API
    UploadJournalEntry entry;
    bool usingUploads = false;
    int partCount = 0;
    int nextRead = 0; ///< the sequential reader's next part (it also feeds the md5)
    bool reading = false;
    int hashesRunning = 0;
    int hashedParts = 0;
    std::shared_ptr<QCryptographicHash> md5;
    struct Slot
    {
        QPointer<ApiReply> reply;
        qint64 length = 0;
        qint64 sent = 0;
    };
    QMap<int, Slot> inFlight;
    bool stopping = false; ///< a part failed: finish what is in flight, then fail
    ApiError stopError;
    bool restarted = false; ///< a new upload replaced a gone one in this run

    // progress
    QElapsedTimer clock;
    qint64 lastEmitMs = -kProgressIntervalMs;
    QList<QPair<qint64, qint64>> samples; ///< (ms, sent bytes) over the speed window
    qint64 completedBytes = 0; ///< bytes of parts the service confirmed (reused included)

    // processing
    QTimer pollTimer;
    int pollFailures = 0;
    qint64 processingStartedMs = 0;

    /// Fireworks: the dataset being filled; empty for services that take files.
    QString datasetId;

    void begin();
    // The steps of begin(): a clean state, then the way this service takes a file.
    void resetForStart();
    void beginIntoDataset();
    void beginTogether(qint64 size);
    void beginAzure(qint64 size);
    void beginOpenAi(qint64 size);
    void beginDataset();
    void afterDatasetCreated();
    /// The multipart request for `content`: the dialect's file upload, or into the dataset.
    Expected<HttpCall> multipartCall(const QString &filename, const QByteArray &content) const;
    /// After the bytes arrived in one request: the file (or the dataset) it made.
    void afterMultipart(ApiReply *reply);
    void beginMultipart();
    void beginPresigned();
    void putPresigned(const PresignedUpload &upload);
    void retrieveCreated(const QString &fileId);
    /// Follows the one request that carries the bytes (progress, phase Sending).
    void watchSending(ApiReply *reply);
    void beginFilesApi();
    void beginUploadsApi();
    void createUpload();
    void pump();
    void onPartRead(quint64 gen, int index, const QByteArray &data, const QString &error);
    void sendPart(int index, const QByteArray &data);
    void onPartFinished(quint64 gen, int index, ApiReply *reply);
    void complete();
    void restartUpload();
    void afterFileCreated(const FileObject &file);
    void poll();
    void checkProcessed(const FileObject &file);

    void track(ApiReply *reply) { replies.append(reply); }
    /// Tracks `reply` and runs `handle` when it finishes, unless a newer run (or a cancel) has
    /// begun since.
    /// The local file opened for streaming (owned by the caller), or nullptr after fail() said
    /// why. With `sameSize`, a file whose size changed since the upload began is refused too.
    QFile *openLocal(const QString &path, bool sameSize = false);
    /// The whole source read into memory, then `then` (only if this upload is still current);
    /// a read error fails the upload.
    void readWhole(const std::function<void(const QByteArray &)> &then);
    void whenCurrent(ApiReply *reply, const std::function<void()> &handle)
    {
        track(reply);
        const quint64 gen = generation;
        connect(reply, &ApiReply::finished, this, [this, gen, handle] {
            if (gen == generation)
                handle();
        });
    }
    /// True when `expected` holds a value; else fails the upload with the dialect's sentence.
    template<typename T>
    bool accepted(const Expected<T> &expected)
    {
        if (expected.ok())
            return true;
        fail(expected.error().message, ProviderClient::errorFrom(expected.error()), false);
        return false;
    }
    /// One request of the upload: `call` sent (a dialect error fails the upload), then `then`
    /// with its reply once it answered well; an error answer fails the upload.
    void sendStep(const Expected<HttpCall> &call, const std::function<void(ApiReply *)> &then)
    {
        if (!accepted(call))
            return;
        ApiReply *reply = client->sendCall(call.value());
        whenCurrent(reply, [this, reply, then] {
            if (!reply->ok()) {
                failWithApiError(reply->error(), false);
                return;
            }
            then(reply);
        });
    }
    void abortAll();
    void setPhase(UploadProgress::Phase phase);
    void updateProgress(bool force = false);
    void succeed();
    void fail(const QString &message, const ApiError &error, bool resumable);
    void failWithApiError(const ApiError &error, bool resumable);
    qint64 partLength(int index) const
    {
        return std::min(entry.partSize, entry.bytes - qint64(index) * entry.partSize);
    }
};

// ---- Uploader ------------------------------------------------------------------------------

Uploader::Uploader(
        ApiClient *client, UploadSource *source, const UploadOptions &options, QObject *parent)
    : QObject(parent)
    , d(new Private(this, client, source, options))
{
}

Uploader::~Uploader()
{
    // Leaves the server-side upload and the journal as they are: it can be resumed later.
    ++d->generation;
    d->abortAll();
    if (d->source)
        d->source->cancelReads();
    delete d;
}

void Uploader::start()
{
    if (m_state == State::Running)
        return;
    m_errorMessage.clear();
    m_apiError = {};
    m_resumable = false;
    m_processingError = false;
    m_file = {};
    m_progress = {};
    m_state = State::Running;
    Q_EMIT stateChanged(m_state);
    // From the event loop, so that finished() never comes before start() has returned.
    const quint64 generation = ++d->generation;
    QMetaObject::invokeMethod(
            d,
            [this, generation] {
                if (generation == d->generation && m_state == State::Running)
                    d->begin();
            },
            Qt::QueuedConnection);
}

void Uploader::cancel()
{
    const bool cleanup = m_state == State::Running || (m_state == State::Failed && m_resumable);
    if (!cleanup)
        return;
    ++d->generation;
    d->abortAll();
    d->pollTimer.stop();
    if (d->source)
        d->source->cancelReads();
    m_resumable = false;
    m_state = State::Cancelled;
    Q_EMIT stateChanged(m_state);
    const QString uploadId = d->entry.uploadId;
    const bool pending = d->usingUploads && !uploadId.isEmpty() && m_file.id.isEmpty();
    if (!uploadId.isEmpty())
        d->journal.remove(d->entry);
    d->entry = {};
    if (!pending) {
        Q_EMIT finished();
        return;
    }
    // The service keeps the parts for an hour otherwise; finished() once it has answered.
    ApiReply *reply = d->client->cancelUpload(uploadId);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok())
            qCInfo(lcUpload) << "cancelling the upload failed:"
                             << reply->error().technicalSummary();
        Q_EMIT finished();
    });
}

// ---- Private: start ------------------------------------------------------------------------

void Uploader::Private::begin()
{
    resetForStart();
    if (!source) {
        fail(QCoreApplication::translate("fs::Uploader", "There is nothing to upload."), {}, false);
        return;
    }
    const qint64 size = source->size();
    q->m_progress.totalBytes = size;
    if (size <= 0) {
        fail(QCoreApplication::translate(
                     "fs::Uploader", "The file is empty: there is nothing to upload."),
                {}, false);
        return;
    }
    datasetId.clear();
    if (provider->dialect().uploadsIntoDatasets())
        beginIntoDataset();
    else if (client->connection().providerKind() == ProviderKind::Together)
        beginTogether(size);
    else if (client->connection().providerKind() == ProviderKind::AzureOpenAI)
        beginAzure(size);
    else
        beginOpenAi(size);
}

void Uploader::Private::resetForStart()
{
    ++generation;
    abortAll();
    inFlight.clear();
    stopping = false;
    stopError = {};
    restarted = false;
    reading = false;
    hashesRunning = 0;
    samples.clear();
    completedBytes = 0;
    pollFailures = 0;
    clock.start();
    lastEmitMs = -kProgressIntervalMs;
    setPhase(UploadProgress::Phase::Preparing);
}

// Fireworks: the file goes into a dataset, in one piece.
void Uploader::Private::beginIntoDataset()
{
    usingUploads = false;
    if (options.method == UploadOptions::Method::UploadsApi) {
        fail(QCoreApplication::translate("fs::Uploader",
                     "Resumable uploads in parts are an OpenAI feature: %1 takes each file "
                     "in one piece. Upload it without “resumable”.")
                        .arg(provider->dialect().serviceName()),
                {}, false);
        return;
    }
    beginDataset();
}

// Together: one multipart request, or a presigned PUT for large files; never in parts.
void Uploader::Private::beginTogether(qint64 size)
{
    using Method = UploadOptions::Method;
    usingUploads = false;
    if (options.method == Method::UploadsApi) {
        fail(QCoreApplication::translate("fs::Uploader",
                     "Resumable uploads in parts are an OpenAI feature: Together AI takes "
                     "each file in one piece. Upload it without “resumable”."),
                {}, false);
        return;
    }
    if (options.method == Method::FilesApi
            || (options.method == Method::Automatic && size <= options.multipartLimit))
        beginMultipart();
    else
        beginPresigned();
}

void Uploader::Private::beginAzure(qint64 size)
{
    // Azure has no uploads in parts: one multipart request, for files under 512 MB.
    if (size >= kAzureFileLimit) {
        fail(QCoreApplication::translate("fs::Uploader",
                     "Azure OpenAI takes files under 512 MB, and this one is larger. "
                     "Microsoft recommends importing large files from Azure Blob Storage "
                     "(in the Azure AI Foundry portal) rather than uploading them: an "
                     "upload this big cannot be resumed if it breaks. Or split the "
                     "dataset into smaller files."),
                {}, false);
        return;
    }
    if (options.method == UploadOptions::Method::UploadsApi) {
        fail(QCoreApplication::translate("fs::Uploader",
                     "Resumable uploads in parts are an OpenAI feature: Azure OpenAI takes "
                     "each file in one piece. Upload it without “resumable”."),
                {}, false);
        return;
    }
    usingUploads = false;
    // The dialect's form: Azure's spec requires `expires_after`, which OpenAI's has not.
    beginMultipart();
}

// OpenAI and compatible servers: one request through the Files API, or in parts (Uploads API).
void Uploader::Private::beginOpenAi(qint64 size)
{
    using Method = UploadOptions::Method;
    const bool simpleSource = qobject_cast<LocalFileSource *>(source.data())
            || qobject_cast<BufferSource *>(source.data());
    bool uploads = false;
    switch (options.method) {
    case Method::Automatic:
        // Sources that are neither a local file nor in memory go in parts, so that they are
        // never held whole.
        uploads = size > options.filesApiLimit || !simpleSource;
        break;
    case Method::FilesApi:
        if (size > 512LL * 1024 * 1024) {
            fail(QCoreApplication::translate("fs::Uploader",
                         "Files over 512 MB cannot be sent in one piece; they are sent in parts."),
                    {}, false);
            return;
        }
        uploads = false;
        break;
    case Method::UploadsApi:
        uploads = true;
        break;
    }
    usingUploads = uploads;
    if (uploads)
        beginUploadsApi();
    else
        beginFilesApi();
}

void Uploader::Private::beginFilesApi()
{
    q->m_progress.partsTotal = 1;
    const quint64 gen = generation;
    auto send = [this, gen](ApiReply *reply) {
        watchSending(reply);
        connect(reply, &ApiReply::finished, this, [this, gen, reply] {
            if (gen != generation)
                return;
            if (!reply->ok()) {
                failWithApiError(reply->error(), false);
                return;
            }
            q->m_progress.sentBytes = q->m_progress.totalBytes;
            q->m_progress.partsDone = 1;
            afterFileCreated(FileObject::fromJson(reply->json()));
        });
    };
    const QString filename = source->filename();
    if (auto *local = qobject_cast<LocalFileSource *>(source.data())) {
        QFile *file = openLocal(local->path());
        if (!file)
            return;
        // Streamed from disk: a 500 MB file never sits in memory.
        send(client->uploadFile(filename, file, q->m_progress.totalBytes, options.purpose));
        return;
    }
    readWhole([this, send, filename](const QByteArray &data) {
        send(client->uploadFile(filename, data, options.purpose));
    });
}

void Uploader::Private::beginUploadsApi()
{
    md5 = std::make_shared<QCryptographicHash>(QCryptographicHash::Md5);
    nextRead = 0;
    hashedParts = 0;
    const QString server = client->connection().apiBaseUrl().toString();
    UploadJournalEntry found;
    const qint64 size = q->m_progress.totalBytes;
    if (journal.find(source->resumeKey(), server, options.purpose, &found)) {
        if (found.isUsable() && found.bytes == size) {
            entry = found;
            partCount = entry.partCount();
            // Parts an earlier run sent; a stale index beyond the end would be a damaged entry.
            for (auto it = entry.sentParts.begin(); it != entry.sentParts.end();) {
                if (it.key() >= partCount)
                    it = entry.sentParts.erase(it);
                else
                    ++it;
            }
            completedBytes = entry.sentBytes();
            q->m_progress.sentBytes = completedBytes;
            q->m_progress.partsTotal = partCount;
            q->m_progress.partsDone = int(entry.sentParts.size());
            q->m_progress.partsReused = int(entry.sentParts.size());
            setPhase(UploadProgress::Phase::Sending);
            pump();
            return;
        }
        journal.remove(found);
    }
    createUpload();
}

void Uploader::Private::createUpload()
{
    entry = {};
    entry.resumeKey = source->resumeKey();
    entry.server = client->connection().apiBaseUrl().toString();
    if (auto *local = qobject_cast<LocalFileSource *>(source.data()))
        entry.sourcePath = local->path();
    else
        entry.sourceDescription = entry.resumeKey.section(QLatin1Char('|'), 0, 0);
    entry.filename = source->filename();
    entry.bytes = q->m_progress.totalBytes;
    entry.purpose = options.purpose;
    entry.partSize = std::clamp<qint64>(options.partSize, 1, 64LL * 1024 * 1024);
    partCount = entry.partCount();
    completedBytes = 0;
    md5 = std::make_shared<QCryptographicHash>(QCryptographicHash::Md5);
    nextRead = 0;
    hashedParts = 0;
    q->m_progress.sentBytes = 0;
    q->m_progress.partsDone = 0;
    q->m_progress.partsReused = 0;
    q->m_progress.partsTotal = partCount;
    setPhase(UploadProgress::Phase::Preparing);

    CreateUploadRequest request;
    request.filename = entry.filename;
    request.purpose = entry.purpose;
    request.bytes = entry.bytes;
    request.mimeType = mimeTypeFor(entry.filename, entry.purpose);
    ApiReply *reply = client->createUpload(request);
    whenCurrent(reply, [this, reply] {
        if (!reply->ok()) {
            failWithApiError(reply->error(), reply->error().isTransient());
            return;
        }
        const UploadObject upload = UploadObject::fromJson(reply->json());
        if (upload.id.isEmpty()) {
            fail(QCoreApplication::translate(
                         "fs::Uploader", "The service did not start the upload."),
                    {}, false);
            return;
        }
        entry.uploadId = upload.id;
        entry.createdAt = upload.createdAt;
        entry.expiresAt = upload.expiresAt > 0 ? upload.expiresAt : upload.createdAt + 3600;
        QString problem;
        if (!entry.resumeKey.isEmpty() && !journal.save(entry, &problem))
            qCWarning(lcUpload) << "the upload journal cannot be written:" << problem;
        setPhase(UploadProgress::Phase::Sending);
        pump();
    });
}

// ---- Private: Together AI's multipart and presigned uploads -----------------------------------

namespace {

HttpAnswer answerOf(const ApiReply *reply)
{
    return {reply->httpStatus(), reply->rawHeaderPairs(), reply->body()};
}

} // namespace

void Uploader::Private::watchSending(ApiReply *reply)
{
    track(reply);
    setPhase(UploadProgress::Phase::Sending);
    const quint64 gen = generation;
    connect(reply, &ApiReply::uploadProgress, this, [this, gen](qint64 sent, qint64 total) {
        if (gen != generation || total <= 0)
            return;
        // A multipart body has a few hundred bytes of form around the file.
        q->m_progress.sentBytes = std::min(q->m_progress.totalBytes,
                qint64(double(sent) / double(total) * double(q->m_progress.totalBytes)));
        updateProgress();
    });
    connect(reply, &ApiReply::retrying, this, [this, gen](int, int, const ApiError &) {
        if (gen != generation)
            return;
        q->m_progress.sentBytes = 0; // sent again from the start
        updateProgress(true);
    });
}

// ---- Private: Fireworks AI's datasets --------------------------------------------------------

namespace {

/// The examples in a local JSONL file (its non-blank lines), which Fireworks wants to know when
/// the dataset is made; nullopt for other sources and files too large to count at once.
std::optional<qint64> countExamples(UploadSource *source, qint64 limit)
{
    if (auto *buffer = qobject_cast<BufferSource *>(source)) {
        qint64 count = 0;
        for (const QByteArray &line : buffer->data().split('\n'))
            count += line.trimmed().isEmpty() ? 0 : 1;
        return count;
    }
    auto *local = qobject_cast<LocalFileSource *>(source);
    if (!local || source->size() > limit)
        return std::nullopt;
    QFile file(local->path());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    qint64 count = 0;
    while (!file.atEnd()) {
        if (!file.readLine().trimmed().isEmpty())
            ++count;
    }
    return count;
}

} // namespace

void Uploader::Private::beginDataset()
{
    q->m_progress.partsTotal = 1;
    const QString filename = source->filename();
    datasetId = FireworksDialect::datasetIdFor(
            filename, QUuid::createUuid().toString(QUuid::Id128).left(8));
    sendStep(provider->dialect().createDataset(
                     datasetId, filename, countExamples(source.data(), options.datasetUploadLimit)),
            [this](ApiReply *reply) {
                const Expected<FileObject> dataset = provider->dialect().parseFile(answerOf(reply));
                if (!accepted(dataset))
                    return;
                q->m_file = dataset.value();
                afterDatasetCreated();
            });
}

void Uploader::Private::afterDatasetCreated()
{
    if (q->m_progress.totalBytes <= options.datasetUploadLimit) {
        beginMultipart();
        return;
    }
    sendStep(provider->dialect().datasetUploadEndpoint(
                     datasetId, source->filename(), q->m_progress.totalBytes),
            [this](ApiReply *reply) {
                const Expected<PresignedUpload> upload =
                        provider->dialect().parseDatasetUploadEndpoint(
                                answerOf(reply), datasetId, source->filename());
                if (accepted(upload))
                    putPresigned(upload.value());
            });
}

Expected<HttpCall> Uploader::Private::multipartCall(
        const QString &filename, const QByteArray &content) const
{
    if (!datasetId.isEmpty())
        return provider->dialect().uploadToDataset(datasetId, filename, content);
    return provider->dialect().uploadFile(filename, content, options.purpose);
}

void Uploader::Private::afterMultipart(ApiReply *reply)
{
    if (!reply->ok()) {
        failWithApiError(reply->error(), false);
        return;
    }
    q->m_progress.partsDone = 1;
    if (!datasetId.isEmpty()) {
        // The answer is a receipt; the dataset says when it is READY.
        q->m_progress.sentBytes = q->m_progress.totalBytes;
        retrieveCreated(datasetId);
        return;
    }
    const Expected<FileObject> file = provider->dialect().parseFile(answerOf(reply));
    if (accepted(file))
        afterFileCreated(file.value());
}

void Uploader::Private::beginMultipart()
{
    q->m_progress.partsTotal = 1;
    const QString filename = source->filename();
    if (auto *local = qobject_cast<LocalFileSource *>(source.data())) {
        // The dialect frames the request around a marker; the file streams from disk in its
        // place, so the form's fields stay the dialect's and the file never sits in memory.
        const QByteArray marker =
                QByteArrayLiteral("fs-stream-") + QUuid::createUuid().toByteArray(QUuid::Id128);
        const Expected<HttpCall> framed = multipartCall(filename, marker);
        if (!accepted(framed))
            return;
        HttpCall call = framed.value();
        const qsizetype at = call.body.indexOf(marker);
        if (at >= 0 && call.body.indexOf(marker, at + 1) < 0) {
            QFile *file = openLocal(local->path());
            if (!file)
                return;
            auto *body = new MultipartDevice;
            body->appendBytes(call.body.left(at));
            body->appendDevice(file, 0, q->m_progress.totalBytes);
            body->appendBytes(call.body.mid(at + marker.size()));
            body->open(QIODevice::ReadOnly);
            file->setParent(body);
            call.body.clear();
            ApiReply *reply = client->sendCall(call, body);
            watchSending(reply);
            whenCurrent(reply, [this, reply] { afterMultipart(reply); });
            return;
        }
    }
    readWhole([this, filename](const QByteArray &data) {
        const Expected<HttpCall> call = multipartCall(filename, data);
        if (!accepted(call))
            return;
        ApiReply *reply = client->sendCall(call.value());
        watchSending(reply);
        whenCurrent(reply, [this, reply] { afterMultipart(reply); });
    });
}

void Uploader::Private::beginPresigned()
{
    q->m_progress.partsTotal = 1;
    sendStep(provider->dialect().startPresignedUpload(source->filename(), options.purpose),
            [this](ApiReply *reply) {
                const Expected<PresignedUpload> upload =
                        provider->dialect().parsePresignedUpload(answerOf(reply));
                if (accepted(upload))
                    putPresigned(upload.value());
            });
}

void Uploader::Private::putPresigned(const PresignedUpload &upload)
{
    // Resolved as ProviderClient::uploadFilePresigned() does: against the connection's base.
    const QUrl target = client->connection().apiBaseUrl().resolved(upload.url);
    const QString fileId = upload.fileId;
    auto whenPut = [this, fileId](ApiReply *reply) {
        watchSending(reply);
        whenCurrent(reply, [this, reply, fileId] {
            if (!reply->ok()) {
                failWithApiError(reply->error(), false);
                return;
            }
            q->m_progress.sentBytes = q->m_progress.totalBytes;
            q->m_progress.partsDone = 1;
            if (datasetId.isEmpty()) {
                retrieveCreated(fileId);
                return;
            }
            // Fireworks: the service checks what arrived, then the dataset turns READY.
            sendStep(provider->dialect().validateDatasetUpload(datasetId),
                    [this](ApiReply *) { retrieveCreated(datasetId); });
        });
    };
    if (auto *local = qobject_cast<LocalFileSource *>(source.data())) {
        const Expected<HttpCall> call = provider->dialect().putPresigned(target, {});
        if (!accepted(call))
            return;
        QFile *file = openLocal(local->path(), true);
        if (!file)
            return;
        // Streamed from disk: however large, the file never sits in memory.
        whenPut(client->sendCall(call.value(), file));
        return;
    }
    readWhole([this, target, whenPut](const QByteArray &data) {
        const Expected<HttpCall> call = provider->dialect().putPresigned(target, data);
        if (!accepted(call))
            return;
        whenPut(client->sendCall(call.value()));
    });
}

QFile *Uploader::Private::openLocal(const QString &path, bool sameSize)
{
    auto *file = new QFile(path);
    if (file->open(QIODevice::ReadOnly) && (!sameSize || file->size() == q->m_progress.totalBytes))
        return file;
    const QString reason = file->isOpen()
            ? QCoreApplication::translate("fs::Uploader", "it changed size while it was being sent")
            : file->errorString();
    delete file;
    fail(QCoreApplication::translate("fs::Uploader", "The file %1 cannot be read: %2")
                    .arg(source->filename(), reason),
            {}, false);
    return nullptr;
}

void Uploader::Private::readWhole(const std::function<void(const QByteArray &)> &then)
{
    const quint64 gen = generation;
    reading = true;
    source->read(0, q->m_progress.totalBytes, this,
            [this, gen, then](const QByteArray &data, const QString &error) {
                if (gen != generation)
                    return;
                reading = false;
                if (!error.isEmpty()) {
                    fail(error, {}, false);
                    return;
                }
                then(data);
            });
}

void Uploader::Private::retrieveCreated(const QString &fileId)
{
    const quint64 gen = generation;
    ApiReply *reply =
            provider->retrieveFile(fileId, [this, gen](const ProviderResult<FileObject> &result) {
                if (gen != generation)
                    return;
                if (!result.ok()) {
                    failWithApiError(result.error, false);
                    return;
                }
                afterFileCreated(*result.value);
            });
    if (reply)
        track(reply);
}

// ---- Private: the part pipeline ------------------------------------------------------------

void Uploader::Private::pump()
{
    if (q->m_state != State::Running || stopping)
        return;
    // One sequential reader feeds both the md5 (in order) and the parts to send; it waits when
    // parallelParts parts are in flight, so memory stays at a few parts.
    if (!reading && hashesRunning == 0 && nextRead < partCount) {
        const int index = nextRead;
        const bool needsSending = !entry.sentParts.contains(index);
        if (!needsSending || inFlight.size() < std::max(1, options.parallelParts)) {
            ++nextRead;
            reading = true;
            const quint64 gen = generation;
            source->read(qint64(index) * entry.partSize, partLength(index), this,
                    [this, gen, index](const QByteArray &data, const QString &error) {
                        onPartRead(gen, index, data, error);
                    });
            return;
        }
    }
    if (nextRead >= partCount && !reading && hashesRunning == 0 && inFlight.isEmpty()
            && hashedParts == partCount && entry.sentParts.size() == partCount)
        complete();
}

void Uploader::Private::onPartRead(
        quint64 gen, int index, const QByteArray &data, const QString &error)
{
    if (gen != generation)
        return;
    reading = false;
    if (stopping) {
        // A part failed meanwhile: no new ones; fail once those in flight have ended.
        if (inFlight.isEmpty())
            failWithApiError(stopError, worthResuming(stopError));
        return;
    }
    if (!error.isEmpty() || data.size() != partLength(index)) {
        stopping = true;
        fail(error.isEmpty() ? QCoreApplication::translate(
                     "fs::Uploader", "The data to upload changed while it was being sent.")
                             : error,
                {}, false);
        return;
    }
    if (!entry.sentParts.contains(index))
        sendPart(index, data);
    // The md5 of the whole content, in order, on a worker thread (64 MB take a while).
    ++hashesRunning;
    const std::shared_ptr<QCryptographicHash> hash = md5;
    QPointer<Private> self(this);
    workPool()->start([hash, data, self, gen]() {
        hash->addData(data);
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, gen]() {
                    if (!self || gen != self->generation)
                        return;
                    --self->hashesRunning;
                    ++self->hashedParts;
                    self->pump();
                },
                Qt::QueuedConnection);
    });
    pump();
}

void Uploader::Private::sendPart(int index, const QByteArray &data)
{
    ApiReply *reply = client->addUploadPartStreamed(entry.uploadId, data);
    track(reply);
    Slot slot;
    slot.reply = reply;
    slot.length = data.size();
    inFlight.insert(index, slot);
    const quint64 gen = generation;
    connect(reply, &ApiReply::uploadProgress, this, [this, gen, index](qint64 sent, qint64 total) {
        if (gen != generation || total <= 0)
            return;
        auto it = inFlight.find(index);
        if (it == inFlight.end())
            return;
        it->sent = std::min(it->length, qint64(double(sent) / double(total) * double(it->length)));
        updateProgress();
    });
    connect(reply, &ApiReply::retrying, this, [this, gen, index](int, int, const ApiError &) {
        if (gen != generation)
            return;
        auto it = inFlight.find(index);
        if (it != inFlight.end())
            it->sent = 0; // sent again from the start
        updateProgress(true);
    });
    connect(reply, &ApiReply::finished, this,
            [this, gen, index, reply] { onPartFinished(gen, index, reply); });
}

void Uploader::Private::onPartFinished(quint64 gen, int index, ApiReply *reply)
{
    if (gen != generation)
        return;
    const Slot slot = inFlight.take(index);
    if (!reply->ok()) {
        const ApiError error = reply->error();
        if (uploadIsGone(error) && !restarted) {
            restartUpload();
            return;
        }
        if (!stopping) {
            stopping = true;
            stopError = error;
        }
        if (inFlight.isEmpty())
            failWithApiError(stopError, worthResuming(stopError));
        return;
    }
    const UploadPart part = UploadPart::fromJson(reply->json());
    QString problem;
    if (!entry.resumeKey.isEmpty()) {
        // At once: an interruption a moment later must not cost this part.
        if (!journal.recordPart(&entry, index, part.id, &problem))
            qCWarning(lcUpload) << "the upload journal cannot be written:" << problem;
    } else {
        entry.sentParts.insert(index, part.id);
    }
    completedBytes += slot.length;
    ++q->m_progress.partsDone;
    updateProgress(true);
    if (stopping) {
        if (inFlight.isEmpty())
            failWithApiError(stopError, worthResuming(stopError));
        return;
    }
    pump();
}

void Uploader::Private::restartUpload()
{
    // The service forgot the upload (it expired): the parts sent so far are lost with it.
    qCInfo(lcUpload) << "upload" << entry.uploadId << "is gone; starting a new one";
    ++generation;
    abortAll();
    inFlight.clear();
    if (source)
        source->cancelReads();
    reading = false;
    hashesRunning = 0;
    stopping = false;
    restarted = true;
    journal.remove(entry);
    createUpload();
}

void Uploader::Private::complete()
{
    setPhase(UploadProgress::Phase::Completing);
    QStringList partIds;
    for (int i = 0; i < partCount; ++i)
        partIds << entry.sentParts.value(i);
    const QString md5Hex = QString::fromLatin1(md5->result().toHex());
    ApiReply *reply = client->completeUpload(entry.uploadId, partIds, md5Hex);
    whenCurrent(reply, [this, reply] {
        if (!reply->ok()) {
            const ApiError error = reply->error();
            if (uploadIsGone(error) && !restarted) {
                restartUpload();
                return;
            }
            if (isChecksumMismatch(error)) {
                // What arrived is not what the source holds now: resuming cannot fix that
                // (fail() cancels the service's upload and drops the journal entry).
                fail(QCoreApplication::translate("fs::Uploader",
                             "The file changed while it was being uploaded (its checksum does not "
                             "match what arrived). Upload it again."),
                        error, false);
                return;
            }
            failWithApiError(error, error.isTransient());
            return;
        }
        const UploadObject upload = UploadObject::fromJson(reply->json());
        journal.remove(entry);
        if (!upload.file) {
            fail(QCoreApplication::translate("fs::Uploader",
                         "The service completed the upload but did not say which file it made."),
                    {}, false);
            return;
        }
        afterFileCreated(*upload.file);
    });
}

// ---- Private: processing -------------------------------------------------------------------

void Uploader::Private::afterFileCreated(const FileObject &file)
{
    q->m_file = file;
    q->m_progress.sentBytes = q->m_progress.totalBytes;
    q->m_progress.partsDone = q->m_progress.partsTotal;
    q->m_progress.secondsLeft = 0;
    if (!options.waitForProcessing) {
        succeed();
        return;
    }
    setPhase(UploadProgress::Phase::Processing);
    processingStartedMs = clock.elapsed();
    checkProcessed(file);
}

void Uploader::Private::checkProcessed(const FileObject &file)
{
    q->m_file = file;
    const QString status = file.status;
    if (status == QLatin1String("error")) {
        q->m_processingError = true;
        const QString details = file.statusDetails.trimmed();
        fail(details.isEmpty() ? QCoreApplication::translate(
                     "fs::Uploader", "The file arrived, but the service could not process it.")
                               : QCoreApplication::translate("fs::Uploader",
                                       "The file arrived, but the service could not process it: %1")
                                         .arg(details),
                {}, false);
        return;
    }
    // Servers without a status (some compatible ones) have nothing more to wait for.
    if (status.isEmpty() || status == QLatin1String("processed")) {
        succeed();
        return;
    }
    if (clock.elapsed() - processingStartedMs > kProcessingTimeoutMs) {
        fail(QCoreApplication::translate("fs::Uploader",
                     "The file arrived, but the service has not finished processing it after 30 "
                     "minutes. Look at its status in the file list later."),
                {}, false);
        return;
    }
    pollTimer.start(std::max(10, options.processingPollMs));
}

void Uploader::Private::poll()
{
    if (q->m_state != State::Running)
        return;
    // Through the connection's dialect: Together says "Processed", OpenAI a status.
    const quint64 gen = generation;
    ApiReply *reply = provider->retrieveFile(
            q->m_file.id, [this, gen](const ProviderResult<FileObject> &result) {
                if (gen != generation)
                    return;
                if (!result.ok()) {
                    if (result.error.httpStatus == 404 || ++pollFailures > kMaxPollFailures) {
                        failWithApiError(result.error, false);
                        return;
                    }
                    pollTimer.start(std::max(10, options.processingPollMs));
                    return;
                }
                pollFailures = 0;
                checkProcessed(*result.value);
            });
    if (reply)
        track(reply);
}

// ---- Private: state and progress -----------------------------------------------------------

void Uploader::Private::abortAll()
{
    const QList<QPointer<ApiReply>> list = replies;
    replies.clear();
    for (const QPointer<ApiReply> &reply : list) {
        if (reply && !reply->isFinished())
            reply->abort();
    }
}

void Uploader::Private::setPhase(UploadProgress::Phase phase)
{
    q->m_progress.phase = phase;
    updateProgress(true);
}

void Uploader::Private::updateProgress(bool force)
{
    // Replies that finished are dropped from the list now and then.
    replies.removeIf([](const QPointer<ApiReply> &reply) { return reply.isNull(); });
    UploadProgress &p = q->m_progress;
    if (usingUploads && p.phase == UploadProgress::Phase::Sending) {
        qint64 inFlightBytes = 0;
        for (const Slot &slot : std::as_const(inFlight))
            inFlightBytes += slot.sent;
        p.sentBytes = std::min(p.totalBytes, completedBytes + inFlightBytes);
    }
    const qint64 now = clock.isValid() ? clock.elapsed() : 0;
    if (p.phase == UploadProgress::Phase::Sending) {
        // Samples at least 100 ms apart keep the list short however often the network reports.
        if (samples.size() >= 2 && now - samples.at(samples.size() - 2).first < 100)
            samples.last() = {now, p.sentBytes};
        else
            samples.append({now, p.sentBytes});
        while (samples.size() > 2 && samples.constFirst().first < now - kSpeedWindowMs)
            samples.removeFirst();
        const qint64 span = samples.constLast().first - samples.constFirst().first;
        const qint64 bytes = samples.constLast().second - samples.constFirst().second;
        if (span >= 300 && bytes >= 0) {
            p.bytesPerSecond = double(bytes) * 1000.0 / double(span);
            p.secondsLeft = p.bytesPerSecond > 0
                    ? int(std::ceil(double(p.totalBytes - p.sentBytes) / p.bytesPerSecond))
                    : -1;
        }
    } else if (p.phase != UploadProgress::Phase::Preparing) {
        p.secondsLeft = p.sentBytes >= p.totalBytes ? 0 : p.secondsLeft;
    }
    if (!force && now - lastEmitMs < kProgressIntervalMs)
        return;
    lastEmitMs = now;
    Q_EMIT q->progressChanged(p);
}

void Uploader::Private::succeed()
{
    ++generation;
    setPhase(UploadProgress::Phase::Finished);
    q->m_state = State::Succeeded;
    Q_EMIT q->stateChanged(q->m_state);
    Q_EMIT q->finished();
}

void Uploader::Private::fail(const QString &message, const ApiError &error, bool resumable)
{
    ++generation;
    abortAll();
    pollTimer.stop();
    if (source)
        source->cancelReads();
    inFlight.clear();
    q->m_errorMessage = message;
    q->m_apiError = error;
    // Resuming needs an upload on the service and a journal entry that names it.
    q->m_resumable =
            resumable && usingUploads && !entry.uploadId.isEmpty() && !entry.resumeKey.isEmpty();
    if (!q->m_resumable && usingUploads && !entry.uploadId.isEmpty() && q->m_file.id.isEmpty()) {
        // Nothing will resume it: free the service's copy of the parts now.
        journal.remove(entry);
        client->cancelUpload(entry.uploadId);
        entry.uploadId.clear();
    }
    q->m_progress.bytesPerSecond = 0;
    q->m_progress.secondsLeft = -1;
    updateProgress(true);
    q->m_state = State::Failed;
    Q_EMIT q->stateChanged(q->m_state);
    Q_EMIT q->finished();
}

void Uploader::Private::failWithApiError(const ApiError &error, bool resumable)
{
    QString message = error.plainMessage();
    if (resumable && usingUploads && !entry.uploadId.isEmpty())
        message = QCoreApplication::translate("fs::Uploader",
                "%1 The parts sent so far are kept: the upload can be resumed within the "
                "hour.")
                          .arg(message);
    fail(message, error, resumable);
}

} // namespace fs
