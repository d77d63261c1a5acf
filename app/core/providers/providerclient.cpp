// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerclient.h"

#include <QTimer>

namespace fs {

namespace {

HttpAnswer answerOf(const ApiReply *reply)
{
    return {reply->httpStatus(), reply->rawHeaderPairs(), reply->body()};
}

} // namespace

ProviderClient::ProviderClient(ApiClient *api, QObject *parent)
    : ProviderClient(api, dialectFor(api->connection()), parent)
{
    m_followsConnection = true;
    m_dialectKind = api->connection().kind;
    m_dialectAzure = api->connection().azure;
}

ProviderClient::ProviderClient(ApiClient *api, std::unique_ptr<Dialect> dialect, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_dialect(std::move(dialect))
{
}

ProviderClient::~ProviderClient() = default;

const Dialect &ProviderClient::dialect() const
{
    return *current();
}

const Dialect *ProviderClient::current() const
{
    // Azure's dialect also carries the management details and the sign-in's token.
    if (m_followsConnection
            && (m_api->connection().kind != m_dialectKind
                    || (m_dialectKind == Connection::Kind::Azure
                            && m_api->connection().azure != m_dialectAzure))) {
        m_dialectKind = m_api->connection().kind;
        m_dialectAzure = m_api->connection().azure;
        m_dialect = dialectFor(m_api->connection());
    }
    return m_dialect.get();
}

ApiError ProviderClient::errorFrom(const DialectError &error)
{
    ApiError apiError;
    apiError.kind = ApiError::Kind::Protocol;
    apiError.code = error.code();
    apiError.message = error.message;
    return apiError;
}

template<typename T>
void ProviderClient::failLater(const ApiError &error, Done<T> done)
{
    QTimer::singleShot(0, this, [error, done] { done(ProviderResult<T> {std::nullopt, error}); });
}

template<typename T>
ApiReply *ProviderClient::run(const Expected<HttpCall> &call,
        std::function<Expected<T>(const HttpAnswer &)> parse, Done<T> done)
{
    if (!call.ok()) {
        failLater<T>(errorFrom(call.error()), std::move(done));
        return nullptr;
    }
    ApiReply *reply = m_api->sendCall(call.value());
    connect(reply, &ApiReply::finished, this, [reply, parse, done] {
        if (!reply->ok()) {
            done(ProviderResult<T> {std::nullopt, reply->error()});
            return;
        }
        const Expected<T> parsed = parse(answerOf(reply));
        if (!parsed.ok()) {
            ApiError error = errorFrom(parsed.error());
            error.httpStatus = reply->httpStatus();
            error.requestId = reply->requestId();
            done(ProviderResult<T> {std::nullopt, error});
            return;
        }
        done(ProviderResult<T> {parsed.value(), {}});
    });
    return reply;
}

ApiReply *ProviderClient::listFiles(const FileListQuery &query, Done<Page<FileObject>> done)
{
    return run<Page<FileObject>>(
            current()->listFiles(query),
            [this](const HttpAnswer &a) { return current()->parseFileList(a); }, std::move(done));
}

ApiReply *ProviderClient::retrieveFile(const QString &fileId, Done<FileObject> done)
{
    return run<FileObject>(
            current()->retrieveFile(fileId),
            [this](const HttpAnswer &a) { return current()->parseFile(a); }, std::move(done));
}

ApiReply *ProviderClient::uploadFile(const QString &filename, const QByteArray &content,
        const QString &purpose, Done<FileObject> done)
{
    return run<FileObject>(
            current()->uploadFile(filename, content, purpose),
            [this](const HttpAnswer &a) { return current()->parseFile(a); }, std::move(done));
}

void ProviderClient::uploadFilePresigned(const QString &filename, const QByteArray &content,
        const QString &purpose, Done<FileObject> done)
{
    const QUrl base = m_api->connection().apiBaseUrl();
    run<PresignedUpload>(
            current()->startPresignedUpload(filename, purpose),
            [this](const HttpAnswer &a) { return current()->parsePresignedUpload(a); },
            [this, base, content, done](const ProviderResult<PresignedUpload> &started) {
                if (!started.ok()) {
                    done({std::nullopt, started.error});
                    return;
                }
                const PresignedUpload upload = *started.value;
                const QUrl target = base.resolved(upload.url);
                run<bool>(
                        current()->putPresigned(target, content),
                        [](const HttpAnswer &) { return Expected<bool>(true); },
                        [this, upload, done](const ProviderResult<bool> &put) {
                            if (!put.ok()) {
                                done({std::nullopt, put.error});
                                return;
                            }
                            retrieveFile(upload.fileId, done);
                        });
            });
}

ApiReply *ProviderClient::deleteFile(const QString &fileId, Done<DeletedObject> done)
{
    return run<DeletedObject>(
            current()->deleteFile(fileId),
            [this](const HttpAnswer &a) { return current()->parseDeleted(a); }, std::move(done));
}

ApiReply *ProviderClient::fileContent(const QString &fileId, Done<QByteArray> done)
{
    return run<QByteArray>(
            current()->fileContent(fileId),
            [](const HttpAnswer &a) { return Expected<QByteArray>(a.body); }, std::move(done));
}

ApiReply *ProviderClient::createJob(const CreateJobRequest &request, Done<FineTuningJob> done)
{
    return run<FineTuningJob>(
            current()->createJob(request),
            [this](const HttpAnswer &a) { return current()->parseJob(a); }, std::move(done));
}

ApiReply *ProviderClient::listJobs(const QString &after, int limit, Done<Page<FineTuningJob>> done)
{
    return run<Page<FineTuningJob>>(
            current()->listJobs(after, limit),
            [this](const HttpAnswer &a) { return current()->parseJobList(a); }, std::move(done));
}

ApiReply *ProviderClient::retrieveJob(const QString &jobId, Done<FineTuningJob> done)
{
    return run<FineTuningJob>(
            current()->retrieveJob(jobId),
            [this](const HttpAnswer &a) { return current()->parseJob(a); }, std::move(done));
}

ApiReply *ProviderClient::cancelJob(const QString &jobId, Done<FineTuningJob> done)
{
    return run<FineTuningJob>(
            current()->cancelJob(jobId),
            [this](const HttpAnswer &a) { return current()->parseJob(a); }, std::move(done));
}

ApiReply *ProviderClient::pauseJob(const QString &jobId, Done<FineTuningJob> done)
{
    return run<FineTuningJob>(
            current()->pauseJob(jobId),
            [this](const HttpAnswer &a) { return current()->parseJob(a); }, std::move(done));
}

ApiReply *ProviderClient::resumeJob(const QString &jobId, Done<FineTuningJob> done)
{
    return run<FineTuningJob>(
            current()->resumeJob(jobId),
            [this](const HttpAnswer &a) { return current()->parseJob(a); }, std::move(done));
}

ApiReply *ProviderClient::listEvents(
        const QString &jobId, const QString &after, int limit, Done<Page<JobEvent>> done)
{
    return run<Page<JobEvent>>(
            current()->listEvents(jobId, after, limit),
            [this](const HttpAnswer &a) { return current()->parseEvents(a); }, std::move(done));
}

ApiReply *ProviderClient::listCheckpoints(const QString &jobId, Done<Page<Checkpoint>> done)
{
    return run<Page<Checkpoint>>(
            current()->listCheckpoints(jobId),
            [this, jobId](const HttpAnswer &a) { return current()->parseCheckpoints(a, jobId); },
            std::move(done));
}

ApiReply *ProviderClient::deleteJob(const QString &jobId, Done<bool> done)
{
    return run<bool>(
            current()->deleteJob(jobId), [](const HttpAnswer &) { return Expected<bool>(true); },
            std::move(done));
}

ApiReply *ProviderClient::listMetrics(const QString &jobId, int fromStep, Done<MetricsPage> done)
{
    if (current()->metricsInFile()) {
        // The job names its file; the file is read (outside the service, without the key).
        return run<std::optional<HttpCall>>(
                current()->listMetrics(jobId, fromStep),
                [this](const HttpAnswer &a) { return current()->metricsFileCall(a); },
                [this, fromStep, done](const ProviderResult<std::optional<HttpCall>> &file) {
                    if (!file.ok()) {
                        done({std::nullopt, file.error});
                        return;
                    }
                    if (!*file.value) {
                        done({MetricsPage(), {}}); // nothing written yet
                        return;
                    }
                    run<MetricsPage>(
                            **file.value,
                            [this, fromStep](const HttpAnswer &a) {
                                return current()->parseMetrics(a, fromStep);
                            },
                            done);
                });
    }
    return run<MetricsPage>(
            current()->listMetrics(jobId, fromStep),
            [this, fromStep](const HttpAnswer &a) { return current()->parseMetrics(a, fromStep); },
            std::move(done));
}

ApiReply *ProviderClient::estimatePrice(const CreateJobRequest &request, Done<PriceEstimate> done)
{
    return run<PriceEstimate>(
            current()->estimatePrice(request),
            [this](const HttpAnswer &a) { return current()->parsePriceEstimate(a); },
            std::move(done));
}

ApiReply *ProviderClient::listModels(Done<QList<ModelObject>> done)
{
    return run<QList<ModelObject>>(
            current()->listModels(),
            [this](const HttpAnswer &a) { return current()->parseModelList(a); }, std::move(done));
}

ApiReply *ProviderClient::listBaseModels(Done<QList<ModelObject>> done)
{
    return run<QList<ModelObject>>(
            current()->listBaseModels(),
            [this](const HttpAnswer &a) { return current()->parseModels(a); }, std::move(done));
}

ApiReply *ProviderClient::modelLimits(const QString &model, Done<ModelLimits> done)
{
    return run<ModelLimits>(
            current()->modelLimits(model),
            [this](const HttpAnswer &a) { return current()->parseModelLimits(a); },
            std::move(done));
}

ApiReply *ProviderClient::listHardware(const QString &model, Done<QList<HardwareOption>> done)
{
    if (const auto fixed = current()->documentedHardware()) {
        // Documented, not listed by the service: answered without a request.
        QTimer::singleShot(0, this, [fixed, done] { done({*fixed, {}}); });
        return nullptr;
    }
    return run<QList<HardwareOption>>(
            current()->listHardware(model),
            [this](const HttpAnswer &a) { return current()->parseHardware(a); }, std::move(done));
}

ApiReply *ProviderClient::createDeployment(const DeploymentRequest &request, Done<Deployment> done)
{
    return run<Deployment>(
            current()->createDeployment(request),
            [this](const HttpAnswer &a) { return current()->parseDeployment(a); }, std::move(done));
}

ApiReply *ProviderClient::retrieveDeployment(const QString &deploymentId, Done<Deployment> done)
{
    return run<Deployment>(
            current()->retrieveDeployment(deploymentId),
            [this](const HttpAnswer &a) { return current()->parseDeployment(a); }, std::move(done));
}

ApiReply *ProviderClient::listDeployments(Done<QList<Deployment>> done)
{
    return run<QList<Deployment>>(
            current()->listDeployments(),
            [this](const HttpAnswer &a) { return current()->parseDeployments(a); },
            std::move(done));
}

ApiReply *ProviderClient::deleteDeployment(const QString &deploymentId, Done<bool> done)
{
    return run<bool>(
            current()->deleteDeployment(deploymentId),
            [](const HttpAnswer &) { return Expected<bool>(true); }, std::move(done));
}

ApiReply *ProviderClient::chat(const ChatRequest &request, Done<ChatCompletion> done)
{
    return run<ChatCompletion>(
            current()->chat(request, false),
            [this](const HttpAnswer &a) { return current()->parseChat(a); }, std::move(done));
}

ChatStream *ProviderClient::streamChat(const ChatRequest &request, ApiError *error)
{
    const Expected<HttpCall> call = current()->chat(request, true);
    if (!call.ok()) {
        if (error)
            *error = errorFrom(call.error());
        return nullptr;
    }
    return m_api->streamCall(call.value());
}

} // namespace fs
