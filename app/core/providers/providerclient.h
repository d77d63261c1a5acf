// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apiclient.h"
#include "dialect.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace fs {

/// A domain value, or what went wrong: on the way (ApiError from the transport) or in the
/// dialect (ApiError::Kind::Protocol with the dialect's code and sentence as its message).
template<typename T>
struct ProviderResult
{
    std::optional<T> value;
    ApiError error;
    bool ok() const { return value.has_value(); }
};

/**
 * @brief Runs a service's dialect over ApiClient and hands back domain types.
 *
 * Retries (429 with retry-after included), time limits and key redaction stay in ApiClient;
 * the dialect decides the calls and reads the answers. Each operation calls `done` exactly once,
 * always after it returned (also when the dialect refused to build the call), unless the client
 * is destroyed first. The returned ApiReply (nullptr when no request was sent) can be aborted.
 */
class ProviderClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = std::function<void(const ProviderResult<T> &)>;

    /// On `api`'s connection with the dialect that connection speaks.
    explicit ProviderClient(ApiClient *api, QObject *parent = nullptr);
    ProviderClient(ApiClient *api, std::unique_ptr<Dialect> dialect, QObject *parent = nullptr);
    ~ProviderClient() override;

    /// The dialect calls are made in. Made with the ApiClient alone, it follows the client's
    /// connection: after ApiClient::setConnection() to another kind, the next call speaks the
    /// new kind's dialect.
    const Dialect &dialect() const;
    ApiClient *api() const { return m_api; }
    /// The transport error a dialect's refusal becomes (Kind::Protocol, code, sentence).
    static ApiError errorFrom(const DialectError &error);

    // Files
    ApiReply *listFiles(const FileListQuery &query, Done<Page<FileObject>> done);
    ApiReply *retrieveFile(const QString &fileId, Done<FileObject> done);
    ApiReply *uploadFile(const QString &filename, const QByteArray &content, const QString &purpose,
            Done<FileObject> done);
    /// The presigned flow: ask where (302 with Location and the file id), PUT the bytes there,
    /// then read the file's description.
    void uploadFilePresigned(const QString &filename, const QByteArray &content,
            const QString &purpose, Done<FileObject> done);
    ApiReply *deleteFile(const QString &fileId, Done<DeletedObject> done);
    ApiReply *fileContent(const QString &fileId, Done<QByteArray> done);

    // Jobs
    ApiReply *createJob(const CreateJobRequest &request, Done<FineTuningJob> done);
    ApiReply *listJobs(const QString &after, int limit, Done<Page<FineTuningJob>> done);
    ApiReply *retrieveJob(const QString &jobId, Done<FineTuningJob> done);
    ApiReply *cancelJob(const QString &jobId, Done<FineTuningJob> done);
    /// Deletes a job (on Fireworks AI this is also how a running job is stopped).
    ApiReply *deleteJob(const QString &jobId, Done<bool> done);
    ApiReply *pauseJob(const QString &jobId, Done<FineTuningJob> done);
    ApiReply *resumeJob(const QString &jobId, Done<FineTuningJob> done);
    ApiReply *listEvents(
            const QString &jobId, const QString &after, int limit, Done<Page<JobEvent>> done);
    ApiReply *listCheckpoints(const QString &jobId, Done<Page<Checkpoint>> done);
    /// Steps from `fromStep` on (pass the last step known: only new steps come back). Where the
    /// service publishes a metrics file (Fireworks), the job is read first, then its file.
    ApiReply *listMetrics(const QString &jobId, int fromStep, Done<MetricsPage> done);
    ApiReply *estimatePrice(const CreateJobRequest &request, Done<PriceEstimate> done);

    // Models
    /// Every model the connection answers with.
    ApiReply *listModels(Done<QList<ModelObject>> done);
    ApiReply *listBaseModels(Done<QList<ModelObject>> done);
    ApiReply *modelLimits(const QString &model, Done<ModelLimits> done);

    // Deployments
    ApiReply *listHardware(const QString &model, Done<QList<HardwareOption>> done);
    ApiReply *createDeployment(const DeploymentRequest &request, Done<Deployment> done);
    ApiReply *retrieveDeployment(const QString &deploymentId, Done<Deployment> done);
    ApiReply *listDeployments(Done<QList<Deployment>> done);
    ApiReply *deleteDeployment(const QString &deploymentId, Done<bool> done);

    // Chat
    ApiReply *chat(const ChatRequest &request, Done<ChatCompletion> done);
    /// A started stream, or nullptr with `error` set when the dialect refused the request.
    ChatStream *streamChat(const ChatRequest &request, ApiError *error = nullptr);

private:
    template<typename T>
    ApiReply *run(const Expected<HttpCall> &call,
            std::function<Expected<T>(const HttpAnswer &)> parse, Done<T> done);
    template<typename T>
    void failLater(const ApiError &error, Done<T> done);

    const Dialect *current() const;

    ApiClient *m_api;
    mutable std::unique_ptr<Dialect> m_dialect;
    bool m_followsConnection = false;
    mutable Connection::Kind m_dialectKind = Connection::Kind::OpenAI;
    mutable AzureManagement m_dialectAzure;
};

} // namespace fs
