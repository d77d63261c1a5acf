// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileDevice>

// Internals of SandboxServer shared by its implementation files (server, files, jobs, chat).

#include "httpadapter.h"
#include "sandboxs3.h"
#include "sandboxserver.h"
#include "trainingcurve.h"
#include "trainingdata.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

namespace fs::sandbox {

struct StoredFile
{
    QString id;
    qint64 bytes = 0;
    qint64 createdAt = 0;
    qint64 readyAtMs = 0; ///< wall-clock ms when status turns "processed"
    std::optional<qint64> expiresAt;
    QString filename;
    QString purpose;
    QByteArray data; ///< memory mode only; with a data dir the bytes live on disk
    qint64 seq = 0;
    /// Non-empty: processing ends with status "error" and this as status_details.
    QString processingError;
    QString dialect; ///< empty: OpenAI; "together": uploaded through /together/v1
};

struct StoredPart
{
    QString id;
    qint64 createdAt = 0;
    qint64 size = 0;
    QByteArray data; ///< memory mode only
};

struct StoredUpload
{
    QString id;
    QString filename;
    QString purpose;
    QString mimeType;
    qint64 bytes = 0;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    QString status; ///< pending | completed | cancelled | expired
    QString fileId;
    QList<StoredPart> parts;
};

struct JobEventRecord
{
    QString id;
    qint64 createdAt = 0;
    QString level;
    QString message;
    QString type;
    QJsonObject data;
};

struct CheckpointRecord
{
    QString id;
    qint64 createdAt = 0;
    QString model;
    int step = 0;
    QJsonObject metrics;
};

struct StoredJob
{
    QString id;
    qint64 createdAt = 0;
    qint64 seq = 0;
    QString model; ///< as requested (may be an ft: model for continued training)
    QString trainingFile;
    QString validationFile;
    QString suffix;
    qint64 seed = 0;
    QString method; ///< supervised | dpo
    QJsonObject requestedHyperparameters; ///< "auto" or numbers, as given
    QJsonValue metadata; ///< object or null
    QString status;
    QString statusBeforePause;
    QString errorCode;
    QString errorMessage;
    QString errorParam;
    std::optional<qint64> finishedAt;
    QString plannedModel; ///< ft:… name, public once the job succeeds
    bool modelPublished = false;
    QStringList resultFiles;
    std::optional<qint64> trainedTokens;
    bool resolved = false; ///< hyperparameters resolved after validation
    CurveInputs curve;
    qint64 tokensPerEpoch = 0;
    double phaseElapsed = 0; ///< sandbox seconds spent in the current phase or step
    int stepsDone = 0;
    QList<TrainingPair> pairs;
    QList<JobEventRecord> events; ///< oldest first
    QList<CheckpointRecord> checkpoints; ///< oldest first
    QString dialect; ///< empty: OpenAI; "together": created through /together/v1
    /// Together's own settings as resolved at creation (n_checkpoints, training_type, …).
    QJsonObject providerSettings;
};

/// A dedicated endpoint serving a model (Together's deployment step).
struct StoredEndpoint
{
    QString id;
    QString name;
    QString displayName;
    QString model;
    QString hardware;
    QString state; ///< PENDING | STARTING | STARTED | STOPPING | STOPPED | ERROR
    qint64 createdAt = 0;
    int minReplicas = 1;
    int maxReplicas = 1;
    std::optional<int> inactiveTimeout; ///< minutes; 0 or none: never stops by itself
    double phaseElapsed = 0; ///< sandbox seconds in the current state
    double idleSeconds = 0; ///< sandbox seconds since the last chat while started
    double billedSeconds = 0; ///< sandbox seconds spent started (billed per minute)
    double centsPerMinute = 0;
    bool deleted = false; ///< deleted: stops, then stays listed as STOPPED
    QString dialect; ///< empty: Together's /endpoints; "fireworks": a Fireworks deployment
    QString scaleToZeroWindow; ///< Fireworks: as given ("300s"); it wakes on demand, never stops
};

/// A Fireworks dataset (/fireworks/v1/accounts/{a}/datasets): made empty, filled by :upload or
/// a signed PUT (+ :validateUpload), READY once its engine file is processed.
struct StoredDataset
{
    QString id;
    QString account;
    QString displayName;
    QString exampleCount; ///< int64 as a string, as given
    QString format;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString fileId; ///< the engine's file holding the data; empty until uploaded
    QString signedFilename; ///< :getUploadEndpoint announced this name
    bool awaitingValidation = false; ///< bytes PUT, :validateUpload not called yet
};

/// A presigned upload announced by POST /together/v1/files, waiting for its PUT.
struct PresignedUpload
{
    QString fileId;
    QString filename;
    QString purpose;
};

/// An Azure OpenAI deployment made through the management plane (sandboxazuremanagement.cpp).
struct AzureDeployment
{
    QString subscription;
    QString resourceGroup;
    QString account;
    QString name;
    QString model; ///< a base model, BASE.ft-JOB or a checkpoint (ftchkpt-… or its model name)
    QString modelVersion;
    QString skuName; ///< DeveloperTier | Standard | GlobalStandard
    int capacity = 1;
    qint64 createdMs = 0; ///< sandbox clock (ms)
    qint64 modifiedMs = 0;
    QString createdBy;
    QString etag;
};

/// A device-code sign-in started under /login (sandboxazurelogin.cpp).
struct DeviceCodeGrant
{
    QString deviceCode;
    QString userCode;
    QString clientId;
    QString tenant;
    QStringList scopes;
    qint64 createdMs = 0; ///< sandbox clock (ms)
    qint64 expiresMs = 0;
    int interval = 5; ///< seconds between polls
    qint64 lastPollMs = -1; ///< last poll that was answered (not slow_down)
    bool declined = false; ///< the person "declined" (fault azure_sign_in_declined)
    bool redeemed = false;
};

/// An access or refresh token issued under /login.
struct IssuedToken
{
    QString audience; ///< https://management.azure.com, https://cognitiveservices.azure.com
    QStringList scopes;
    QString clientId;
    QString tenant;
    qint64 expiresAt = 0; ///< sandbox clock (s)
};

struct ModelRecord
{
    QString id;
    qint64 created = 0;
    QString ownedBy;
    QString jobId; ///< fine-tuned and checkpoint models
    bool listed = true; ///< checkpoints answer but are not listed
};

struct Reply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    HttpHeaders headers;
    bool handled = false; ///< the handler answered the exchange itself (streaming)
};

struct InjectedError
{
    int status = 500;
    int count = 0;
    QString pathPart;
    int retryAfter = 1;
};

class SandboxServerPrivate
{
public:
    SandboxServerPrivate(SandboxServer *q, const SandboxOptions &options);

    SandboxServer *q;
    SandboxOptions options;
    HttpAdapter *http = nullptr;
    std::unique_ptr<SandboxS3> s3;
    quint16 port = 0;
    qint64 clockOffset = 0;
    qint64 sequence = 0;

    // faults
    int latencyMs = 0;
    QList<InjectedError> httpErrors;
    int streamDropAfter = -1;
    bool diskFull = false; ///< injected: every write into the data dir finds no space
    bool trainingNotAvailable = false;
    bool signInDeclined = false; ///< device codes are declined instead of approved

    QMap<QString, StoredFile> files;
    QMap<QString, StoredUpload> uploads;
    QMap<QString, StoredJob> jobs;
    QMap<QString, ModelRecord> models;
    QMap<QString, StoredEndpoint> endpoints;
    QMap<QString, PresignedUpload> presignedUploads;
    QMap<QString, AzureDeployment> azureDeployments; ///< key: azureDeploymentKey()
    QMap<QString, DeviceCodeGrant> deviceCodes;
    QHash<QString, IssuedToken> accessTokens;
    QHash<QString, IssuedToken> refreshTokens;
    QMap<QString, StoredDataset> datasets; ///< Fireworks, by dataset id

    QTimer tick;
    QElapsedTimer tickClock;
    QTimer saveTimer;

    // ---- helpers (sandboxserver.cpp)
    qint64 now() const;
    QString newId(const QString &prefix, int length = 24);
    static Reply json(const QJsonObject &object, int status = 200);
    static Reply error(int status, const QString &message, const QString &type,
            const QJsonValue &param = QJsonValue::Null, const QJsonValue &code = QJsonValue::Null);
    static Reply notFoundPath(const HttpRequest &request);
    static Reply badJson();
    static Reply missingParameter(const QString &name);
    /// Parses a JSON object body; on failure `failure` holds the 400 to send.
    static bool parseJsonBody(const HttpRequest &request, QJsonObject *object, Reply *failure);
    static int queryLimit(
            const HttpRequest &request, int fallback, int maximum, Reply *failure, bool *ok);

    void handle(const HttpRequest &request, HttpExchange *exchange);
    void process(const HttpRequest &request, HttpExchange *exchange);
    void send(HttpExchange *exchange, const Reply &reply, const QByteArray &requestId,
            qint64 startedMs);
    bool authorized(const HttpRequest &request, Reply *failure) const;
    Reply takeInjectedError(const QString &path, bool *matched);
    Reply handleControl(const HttpRequest &request);
    Reply route(const HttpRequest &request, HttpExchange *exchange, const QStringList &segments,
            const QByteArray &requestId);

    // ---- persistence
    QString filePath(const QString &fileId) const;
    QString partPath(const QString &uploadId, const QString &partId) const;
    QByteArray fileData(const StoredFile &file) const;
    bool writeFileData(StoredFile *file, const QByteArray &data, QString *problem);
    /// True when the data dir cannot take `bytes` more (or a full disk is injected): checked
    /// before writing, so nothing half-written is left, and after a failed write to say why.
    bool noSpaceFor(qint64 bytes) const;
    /// Why writing `file` failed: noSpaceProblem() when the disk is full, else the system's text.
    QString writeProblem(const QFileDevice &file, qint64 bytes) const;
    static QString noSpaceProblem();
    /// The answer to a failed write: 507 insufficient_storage when the disk is full, else 500.
    static Reply storageFailure(const QString &problem);
    void removeFileData(const StoredFile &file);
    void scheduleSave();
    void saveNow();
    bool load(QString *problem);

    // ---- files & uploads (sandboxfiles.cpp)
    QJsonObject fileJson(const StoredFile &file) const;
    QJsonObject uploadJson(StoredUpload &upload);
    void refreshUploadExpiry(StoredUpload &upload);
    /// Ends an upload with `status` (expired, cancelled, completed): its parts are dropped.
    void closeUpload(StoredUpload &upload, const QString &status);
    /// The upload `id` while it still takes parts; null with the 404 or 400 in `failure`.
    StoredUpload *pendingUpload(const QString &id, Reply *failure);
    /// A new file's record (a new id unless `id` is given), not stored yet.
    StoredFile newFileRecord(
            const QString &filename, const QString &purpose, const QString &id = {});
    StoredFile *createFile(const QString &filename, const QString &purpose, const QByteArray &data,
            QString *problem, const QString &id = {});
    Reply createFileRequest(const HttpRequest &request);
    Reply listFiles(const HttpRequest &request);
    Reply retrieveFile(const QString &id);
    Reply deleteFile(const QString &id);
    Reply fileContent(const QString &id);
    Reply createUpload(const HttpRequest &request);
    Reply addUploadPart(const QString &id, const HttpRequest &request);
    Reply completeUpload(const QString &id, const HttpRequest &request);
    /// The upload's file from the parts kept in memory (no data dir).
    StoredFile *assembleInMemory(const StoredUpload &upload,
            const QList<const StoredPart *> &ordered, const QString &md5, Reply *failure);
    /// The upload's file written part by part from the data dir, never whole in memory.
    StoredFile *assembleOnDisk(const StoredUpload &upload, const QList<const StoredPart *> &ordered,
            const QString &md5, Reply *failure);
    Reply cancelUpload(const QString &id);

    // ---- jobs (sandboxjobs.cpp)
    QJsonObject jobJson(const StoredJob &job) const;
    QJsonObject hyperparametersJson(const StoredJob &job) const;
    static QJsonObject eventJson(const JobEventRecord &event);
    QJsonObject checkpointJson(const StoredJob &job, const CheckpointRecord &checkpoint) const;
    void addEvent(StoredJob &job, const QString &level, const QString &message,
            const QString &type = QStringLiteral("message"), const QJsonObject &data = {});
    /// POST fine_tuning/jobs; `dialect` "azure" makes an Azure OpenAI job (ids, model name).
    Reply createJob(const HttpRequest &request, const QString &dialect = {});
    Reply listJobs(const HttpRequest &request, const QString &dialect = {});
    Reply retrieveJob(const QString &id, const QString &dialect = {});
    Reply cancelJob(const QString &id);
    Reply pauseJob(const QString &id);
    Reply resumeJob(const QString &id);
    Reply listEvents(const QString &id, const HttpRequest &request);
    Reply listCheckpoints(const QString &id, const HttpRequest &request);
    static Reply jobNotFound(const QString &id);
    void ensureTicking();
    void onTick();
    void advanceJob(StoredJob &job, double seconds);
    void finishValidation(StoredJob &job);
    /// Tokens one epoch over `data` bills, counted as the app predicts them (both dialects).
    static qint64 billedTokensPerEpoch(const QByteArray &data, const QString &model, int epochs);
    void runStep(StoredJob &job);
    void completeJob(StoredJob &job);
    void failJob(StoredJob &job, const QString &code, const QString &message, const QString &param);
    double remainingSeconds(const StoredJob &job) const;
    static bool isActive(const StoredJob &job);
    /// Records a new job and starts its simulated run (both dialects).
    StoredJob &startJob(StoredJob job);
    void markCancelled(StoredJob &job);

    // ---- models & chat (sandboxchat.cpp)
    void addBaseModels();
    QJsonObject modelJson(const ModelRecord &model) const;
    Reply listModels();
    Reply retrieveModel(const QString &id);
    Reply deleteModel(const QString &id);
    /// Decides who answers `model`: fills `reply` for `prompt`, or returns false with `failure`.
    using ChatResolver = std::function<bool(
            const QString &model, const QString &prompt, QString *reply, Reply *failure)>;
    /// Rewrites a completion or a streamed chunk into another dialect's shape.
    using ChatShaper = std::function<QJsonObject(QJsonObject)>;
    Reply chatCompletion(const HttpRequest &request, HttpExchange *exchange,
            const QByteArray &requestId, const ChatResolver &resolve = {},
            const ChatShaper &shape = {});
    bool resolveOpenAiChat(
            const QString &model, const QString &prompt, QString *reply, Reply *failure) const;
    static Reply modelNotFound(const QString &id);

    // ---- Together AI dialect under /together/v1 (sandboxtogether.cpp, sandboxendpoints.cpp)
    Reply routeTogether(const HttpRequest &request, HttpExchange *exchange,
            const QStringList &segments, const QByteArray &requestId);
    Reply routeTogetherFiles(const HttpRequest &request, const QStringList &segments);
    Reply routeTogetherFineTunes(const HttpRequest &request, const QStringList &segments);
    Reply routeTogetherEndpoints(const HttpRequest &request, const QStringList &segments);
    Reply togetherUpload(const HttpRequest &request);
    Reply togetherPresign(const HttpRequest &request);
    Reply presignedPut(const HttpRequest &request, const QString &fileId);
    Reply togetherListFiles() const;
    Reply togetherRetrieveFile(const QString &id) const;
    Reply togetherDeleteFile(const QString &id);
    Reply togetherFileContent(const QString &id) const;
    const StoredFile *togetherFile(const QString &id) const;
    Reply togetherCreateJob(const HttpRequest &request);
    bool checkJobFiles(const QJsonObject &body, Reply *failure) const;
    Reply togetherListJobs() const;
    Reply togetherRetrieveJob(const QString &id) const;
    Reply togetherCancelJob(const QString &id);
    Reply togetherEvents(const QString &id) const;
    Reply togetherCheckpoints(const QString &id) const;
    Reply togetherMetrics(const QString &id, const HttpRequest &request) const;
    Reply togetherEstimatePrice(const HttpRequest &request) const;
    /// GET /together/v1/models: the base models as Together's ModelInfoList (a bare array).
    Reply togetherModels() const;
    Reply togetherModelLimits(const HttpRequest &request) const;
    const StoredJob *togetherJob(const QString &id) const;
    bool resolveTogetherChat(
            const QString &model, const QString &prompt, QString *reply, Reply *failure);
    const StoredJob *togetherJobByOutputName(const QString &model) const;
    Reply togetherAuthFailure(const Reply &openAiFailure) const;

    // ---- Fireworks AI under /fireworks (sandboxfireworks*.cpp)
    /// Everything under /fireworks: signed URLs (no key), auth, injected faults, routing.
    Reply handleFireworks(
            const HttpRequest &request, HttpExchange *exchange, const QByteArray &requestId);
    Reply routeFireworksAccount(
            const HttpRequest &request, const QString &account, const QStringList &segments);
    Reply fireworksDatasets(
            const HttpRequest &request, const QString &account, const QStringList &segments);
    Reply fireworksJobs(
            const HttpRequest &request, const QString &account, const QStringList &segments);
    Reply fireworksDeployments(
            const HttpRequest &request, const QString &account, const QStringList &segments);
    Reply listFireworksJobs(const QString &account) const;
    Reply createFireworksJob(const HttpRequest &request, const QString &account);
    /// The engine's file behind the READY dataset `name` (accounts/{account}/datasets/…);
    /// empty with the 404 or 412 in `failure`.
    QString fireworksDatasetFile(const QString &account, const QString &name, Reply *failure) const;
    /// POST …/deployments; `prefix`: accounts/{account}/deployments/.
    Reply createFireworksDeployment(const HttpRequest &request, const QString &prefix);
    Reply createFireworksDataset(const HttpRequest &request, const QString &account);
    /// POST …/datasets/{id}:upload: the data as a multipart form, made the engine's file.
    Reply uploadFireworksDataset(const HttpRequest &request, StoredDataset &dataset);
    /// POST …/datasets/{id}:getUploadEndpoint: a signed address to PUT the data to.
    Reply fireworksUploadEndpoint(const HttpRequest &request, StoredDataset &dataset);
    Reply fireworksModels(const QString &account) const;
    Reply fireworksSignedPut(const HttpRequest &request, const QStringList &segments);
    Reply fireworksMetricsFile(const QString &jobId) const;
    QJsonObject fireworksDatasetJson(const StoredDataset &dataset) const;
    QJsonObject fireworksJobJson(const StoredJob &job) const;
    QJsonObject fireworksDeploymentJson(const StoredEndpoint &endpoint) const;
    /// The signed address this sandbox hands out for `path` (under /fireworks/_signed/).
    QString fireworksSignedUrl(const QString &path) const;
    bool resolveFireworksChat(
            const QString &model, const QString &prompt, QString *reply, Reply *failure);
    const StoredJob *fireworksJobByModel(const QString &model) const;

    Reply createEndpoint(const HttpRequest &request);
    Reply listEndpoints() const;
    Reply retrieveEndpoint(const QString &id) const;
    Reply updateEndpoint(const QString &id, const HttpRequest &request);
    Reply deleteEndpoint(const QString &id);
    void advanceEndpoints(double seconds);
    bool anyEndpointTicking() const;
    StoredEndpoint *startedEndpointFor(const QString &model);

    // ---- Azure OpenAI: data plane under /openai/v1 (sandboxazure.cpp)
    qint64 nowMs() const; ///< the sandbox clock in ms (wall clock plus advanceClock())
    bool azureAuthorized(const HttpRequest &request, Reply *failure) const;
    Reply routeAzure(const HttpRequest &request, HttpExchange *exchange,
            const QStringList &segments, const QByteArray &requestId);
    Reply routeAzureFiles(const HttpRequest &request, const QStringList &segments);
    Reply routeAzureJobs(const HttpRequest &request, const QStringList &segments);
    /// GET /openai/v1/models/{id}: one of azureModels(), or Azure's 404.
    Reply azureModel(const QString &id) const;
    /// Chat completions through a deployment: the answer names the model behind it.
    Reply azureChat(
            const HttpRequest &request, HttpExchange *exchange, const QByteArray &requestId);
    Reply azureCreateFile(const HttpRequest &request);
    Reply azureListFiles(const HttpRequest &request) const;
    QJsonObject azureFileJson(const StoredFile &file) const;
    const StoredFile *azureFile(const QString &id) const;
    Reply azureModels() const;
    const StoredJob *azureJob(const QString &id) const;
    const StoredJob *azureJobByModel(const QString &model) const;
    Reply azurePauseJob(const QString &id);
    Reply azureResumeJob(const QString &id);
    bool resolveAzureChat(const QString &deployment, const QString &prompt, QString *reply,
            QString *servedModel, Reply *failure);
    /// Moves Azure jobs that are pausing on; true while any still is.
    bool advanceAzureJobs(double seconds);
    /// Azure's result file: results.csv with Azure's column names, plain text.
    QByteArray azureResultCsv(const StoredJob &job) const;
    /// An error in the shape of the dialect that `path` belongs to (Azure data plane, management
    /// plane, sign-in); other paths keep OpenAI's shape.
    static Reply reshapeError(const QString &path, const Reply &openAiError);

    // ---- Azure management plane at the root (sandboxazuremanagement.cpp)
    Reply routeAzureManagement(const HttpRequest &request, const QStringList &segments);
    /// The status monitor a create points to: Creating, Succeeded or Failed.
    Reply azureOperationStatus(const HttpRequest &request, const QString &operation);
    /// The deployments whose key starts with `keyPrefix` (one account's).
    Reply listAzureDeployments(const QString &keyPrefix) const;
    /// Creates or updates the deployment at `path` (its subscription, group, account and name).
    Reply putAzureDeployment(
            const HttpRequest &request, const AzureDeployment &path, const QString &key);
    bool checkDeployable(const QString &skuName, const QString &modelName, Reply *failure) const;
    /// Azure-AsyncOperation (the status monitor) and Retry-After of a new deployment.
    void addOperationHeaders(const QString &subscription, const QString &key, Reply *reply) const;
    bool managementAuthorized(const HttpRequest &request, Reply *failure) const;
    QJsonObject azureDeploymentJson(const AzureDeployment &deployment) const;
    QString azureDeploymentState(const AzureDeployment &deployment) const;
    /// Drops Developer deployments older than their 24-hour lifetime.
    void expireAzureDeployments();
    const AzureDeployment *succeededAzureDeployment(const QString &name);
    /// Whether `model` can be deployed: a base model, a succeeded job's model or a checkpoint
    /// (by id or name). `jobId`: the job behind it (empty for a base model); `servedModel`: the
    /// model name a chat answer names.
    bool azureDeployable(const QString &model, QString *jobId, QString *servedModel) const;

    // ---- Microsoft's device-code sign-in under /login (sandboxazurelogin.cpp)
    Reply routeLogin(const HttpRequest &request, const QStringList &segments);
    Reply startDeviceCode(const HttpRequest &request, const QString &tenant);
    Reply issueToken(const HttpRequest &request, const QString &tenant);
    Reply redeemRefreshToken(
            const QString &refreshToken, const QString &clientId, const QString &scope);
    Reply redeemDeviceCode(
            const QString &deviceCode, const QString &clientId, const QString &tenant);
    /// Whether this poll of `grant` gets tokens: false with the OAuth error (pending, slow_down,
    /// expired, declined, …) in `failure`. An answered poll is remembered for slow_down.
    bool checkDevicePoll(DeviceCodeGrant &grant, const QString &clientId, Reply *failure);
    /// The OpenID Connect ID token for the person signed in.
    QString idToken(const QString &clientId, const QString &tenant) const;
    QJsonObject newTokens(const IssuedToken &grant, bool withRefresh);
};

/// The dialect tag of Azure OpenAI's files and jobs (created under /openai/v1).
inline const QString kAzureDialect = QStringLiteral("azure");
/// Azure's object ids: PREFIX and 32 hex digits (file-…, ftjob-…, ftchkpt-…, ftevent-…).
QString azureId(const char *prefix);

/// The request ids Azure's surfaces answer with: apim-request-id (data plane), x-ms-request-id
/// and x-ms-correlation-request-id (management plane, sign-in).
void addAzureRequestIds(const QString &surface, Reply *reply);

/// Sorts files or jobs newest first: by creation time, then by the order they were made in.
template<typename Record>
void sortNewestFirst(QList<const Record *> &list)
{
    std::sort(list.begin(), list.end(), [](const Record *a, const Record *b) {
        return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->seq > b->seq;
    });
}

/// Numbers in metrics and CSV cells: a few significant digits, as the service writes them.
double roundMetric(double value);

} // namespace fs::sandbox
