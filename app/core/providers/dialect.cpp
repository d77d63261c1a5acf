// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialect.h"

#include "azuredialect.h"
#include "connection.h"
#include "fireworksdialect.h"
#include "multipart.h"
#include "openaidialect.h"
#include "togetherdialect.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace fs {

QByteArray HttpAnswer::header(const QByteArray &name) const
{
    QByteArray value;
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            value = pair.second;
    }
    return value;
}

QString DialectError::code() const
{
    switch (kind) {
    case Kind::Unsupported:
        return QStringLiteral("unsupported_operation");
    case Kind::InvalidRequest:
        return QStringLiteral("invalid_request");
    case Kind::UnexpectedAnswer:
        break;
    }
    return QStringLiteral("unexpected_answer");
}

Dialect::~Dialect() = default;

DialectError Dialect::unsupported(const QString &what) const
{
    return {DialectError::Kind::Unsupported, tr("%1 has no %2.").arg(serviceName(), what)};
}

DialectError Dialect::unexpected(const QString &sentence) const
{
    return {DialectError::Kind::UnexpectedAnswer, sentence};
}

Expected<QJsonObject> Dialect::answerObject(const HttpAnswer &answer, const QString &what) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return unexpected(
                tr("%1 sent something other than a description of %2.").arg(serviceName(), what));
    return document.object();
}

Expected<QJsonArray> Dialect::objectArray(const QJsonObject &object, QLatin1String key,
        const QString &wrongForm, const QString &badEntry) const
{
    const QJsonValue items = object.value(key);
    if (items.isUndefined() || items.isNull())
        return QJsonArray(); // an empty list is sent without its key
    if (!items.isArray())
        return unexpected(wrongForm);
    const QJsonArray array = items.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return unexpected(badEntry);
    }
    return array;
}

Expected<ChatCompletion> Dialect::chatAnswer(const HttpAnswer &answer, const QString &noReply) const
{
    const auto object = answerObject(answer, tr("an answer"));
    if (!object.ok())
        return object.error();
    if (!object.value().value(QLatin1String("choices")).isArray())
        return unexpected(noReply);
    return ChatCompletion::fromJson(object.value());
}

// ---- operations a service may lack ---------------------------------------------------------

Expected<HttpCall> Dialect::listFiles(const FileListQuery &) const
{
    return unsupported(tr("file storage"));
}
Expected<Page<FileObject>> Dialect::parseFileList(const HttpAnswer &) const
{
    return unsupported(tr("file storage"));
}
Expected<HttpCall> Dialect::retrieveFile(const QString &) const
{
    return unsupported(tr("file storage"));
}
Expected<FileObject> Dialect::parseFile(const HttpAnswer &) const
{
    return unsupported(tr("file storage"));
}
Expected<HttpCall> Dialect::uploadFile(const QString &, const QByteArray &, const QString &) const
{
    return unsupported(tr("file uploads"));
}
Expected<HttpCall> Dialect::startPresignedUpload(const QString &, const QString &) const
{
    return unsupported(tr("uploads to a separate storage address"));
}
Expected<PresignedUpload> Dialect::parsePresignedUpload(const HttpAnswer &) const
{
    return unsupported(tr("uploads to a separate storage address"));
}
Expected<HttpCall> Dialect::putPresigned(const QUrl &, const QByteArray &) const
{
    return unsupported(tr("uploads to a separate storage address"));
}
Expected<HttpCall> Dialect::deleteFile(const QString &) const
{
    return unsupported(tr("file storage"));
}
Expected<DeletedObject> Dialect::parseDeleted(const HttpAnswer &) const
{
    return unsupported(tr("file storage"));
}
Expected<HttpCall> Dialect::fileContent(const QString &) const
{
    return unsupported(tr("file downloads"));
}
Expected<HttpCall> Dialect::createJob(const CreateJobRequest &) const
{
    return unsupported(tr("fine-tuning jobs"));
}
Expected<FineTuningJob> Dialect::parseJob(const HttpAnswer &) const
{
    return unsupported(tr("fine-tuning jobs"));
}
Expected<HttpCall> Dialect::listJobs(const QString &, int) const
{
    return unsupported(tr("fine-tuning jobs"));
}
Expected<Page<FineTuningJob>> Dialect::parseJobList(const HttpAnswer &) const
{
    return unsupported(tr("fine-tuning jobs"));
}
Expected<HttpCall> Dialect::retrieveJob(const QString &) const
{
    return unsupported(tr("fine-tuning jobs"));
}
Expected<HttpCall> Dialect::cancelJob(const QString &) const
{
    return unsupported(tr("way to cancel a job"));
}
Expected<HttpCall> Dialect::pauseJob(const QString &) const
{
    return unsupported(tr("way to pause a job"));
}
Expected<HttpCall> Dialect::resumeJob(const QString &) const
{
    return unsupported(tr("way to resume a paused job"));
}
Expected<HttpCall> Dialect::listEvents(const QString &, const QString &, int) const
{
    return unsupported(tr("job events"));
}
Expected<Page<JobEvent>> Dialect::parseEvents(const HttpAnswer &) const
{
    return unsupported(tr("job events"));
}
Expected<HttpCall> Dialect::listCheckpoints(const QString &) const
{
    return unsupported(tr("checkpoints"));
}
Expected<Page<Checkpoint>> Dialect::parseCheckpoints(const HttpAnswer &, const QString &) const
{
    return unsupported(tr("checkpoints"));
}
Expected<HttpCall> Dialect::listMetrics(const QString &, int) const
{
    return unsupported(tr("separate list of training metrics"));
}
Expected<MetricsPage> Dialect::parseMetrics(const HttpAnswer &, int) const
{
    return unsupported(tr("separate list of training metrics"));
}
Expected<HttpCall> Dialect::estimatePrice(const CreateJobRequest &) const
{
    return unsupported(tr("price estimate before a job starts"));
}
Expected<PriceEstimate> Dialect::parsePriceEstimate(const HttpAnswer &) const
{
    return unsupported(tr("price estimate before a job starts"));
}
Expected<HttpCall> Dialect::listModels() const
{
    return unsupported(tr("list of models"));
}
Expected<QList<ModelObject>> Dialect::parseModelList(const HttpAnswer &) const
{
    return unsupported(tr("list of models"));
}

Expected<HttpCall> Dialect::listBaseModels() const
{
    return unsupported(tr("list of models"));
}
Expected<QList<ModelObject>> Dialect::parseModels(const HttpAnswer &) const
{
    return unsupported(tr("list of models"));
}
Expected<HttpCall> Dialect::modelLimits(const QString &) const
{
    return unsupported(tr("published limits per model"));
}
Expected<ModelLimits> Dialect::parseModelLimits(const HttpAnswer &) const
{
    return unsupported(tr("published limits per model"));
}
std::optional<QList<HardwareOption>> Dialect::fixedHardware(const QString &) const
{
    return std::nullopt;
}

Expected<HttpCall> Dialect::listHardware(const QString &) const
{
    return unsupported(tr("deployments"));
}
Expected<QList<HardwareOption>> Dialect::parseHardware(const HttpAnswer &) const
{
    return unsupported(tr("deployments"));
}
Expected<HttpCall> Dialect::createDeployment(const DeploymentRequest &) const
{
    return unsupported(tr("deployments"));
}
Expected<Deployment> Dialect::parseDeployment(const HttpAnswer &) const
{
    return unsupported(tr("deployments"));
}
Expected<HttpCall> Dialect::retrieveDeployment(const QString &) const
{
    return unsupported(tr("deployments"));
}
Expected<HttpCall> Dialect::listDeployments() const
{
    return unsupported(tr("deployments"));
}
Expected<QList<Deployment>> Dialect::parseDeployments(const HttpAnswer &) const
{
    return unsupported(tr("deployments"));
}
Expected<HttpCall> Dialect::deleteDeployment(const QString &) const
{
    return unsupported(tr("deployments"));
}
Expected<HttpCall> Dialect::createDataset(
        const QString &, const QString &, std::optional<qint64>) const
{
    return unsupported(tr("datasets"));
}

Expected<HttpCall> Dialect::uploadToDataset(
        const QString &, const QString &, const QByteArray &) const
{
    return unsupported(tr("datasets"));
}

Expected<HttpCall> Dialect::datasetUploadEndpoint(const QString &, const QString &, qint64) const
{
    return unsupported(tr("datasets"));
}

Expected<PresignedUpload> Dialect::parseDatasetUploadEndpoint(
        const HttpAnswer &, const QString &, const QString &) const
{
    return unsupported(tr("datasets"));
}

Expected<HttpCall> Dialect::validateDatasetUpload(const QString &) const
{
    return unsupported(tr("datasets"));
}

Expected<HttpCall> Dialect::deleteJob(const QString &) const
{
    return unsupported(tr("way to delete a job"));
}

Expected<std::optional<HttpCall>> Dialect::metricsFileCall(const HttpAnswer &) const
{
    return unsupported(tr("metrics file"));
}

Expected<HttpCall> Dialect::chat(const ChatRequest &, bool) const
{
    return unsupported(tr("chat"));
}
Expected<ChatCompletion> Dialect::parseChat(const HttpAnswer &) const
{
    return unsupported(tr("chat"));
}

// ---- helpers -------------------------------------------------------------------------------

std::unique_ptr<Dialect> dialectFor(const Connection &connection)
{
    if (connection.kind == Connection::Kind::Together)
        return std::make_unique<TogetherDialect>();
    if (connection.kind == Connection::Kind::Azure)
        return std::make_unique<AzureDialect>(
                connection.azure, connection.azure.managementRoot(connection.baseUrl));
    if (connection.kind == Connection::Kind::Fireworks)
        return std::make_unique<FireworksDialect>(connection.account);
    return std::make_unique<OpenAiDialect>();
}

std::unique_ptr<Dialect> dialectForId(const QString &id)
{
    if (id == TogetherDialect().id())
        return std::make_unique<TogetherDialect>();
    if (id == AzureDialect().id())
        return std::make_unique<AzureDialect>();
    if (id == FireworksDialect(QString()).id())
        return std::make_unique<FireworksDialect>(QString());
    return std::make_unique<OpenAiDialect>();
}

QString encodedPathSegment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id, ":@"));
}

QByteArray contentBoundary(const QByteArray &content)
{
    return "fs-" + QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex();
}

QList<QPair<QString, QString>> pagingQuery(const QString &after, int limit)
{
    QList<QPair<QString, QString>> query;
    if (!after.isEmpty())
        query.append({QStringLiteral("after"), after});
    if (limit > 0)
        query.append({QStringLiteral("limit"), QString::number(limit)});
    return query;
}

DialectError invalidRequest(const QString &sentence)
{
    return {DialectError::Kind::InvalidRequest, sentence};
}

Hyperparameter fixedHyperparameter(double value)
{
    Hyperparameter parameter;
    parameter.isAuto = false;
    parameter.value = value;
    return parameter;
}

HttpCall presignedPut(const QUrl &url, const QByteArray &content)
{
    HttpCall call;
    call.verb = "PUT";
    call.absoluteUrl = url;
    call.body = content;
    call.contentType = "application/octet-stream";
    call.expectJson = false;
    return call;
}

HttpCall multipartCall(const QString &path, const Multipart &multipart)
{
    HttpCall call = plainCall("POST", path);
    call.contentType = multipart.contentType();
    call.body = multipart.body();
    return call;
}

HttpCall fileContentCall(const QString &fileId)
{
    HttpCall call = plainCall("GET",
            QStringLiteral("/files/") + encodedPathSegment(fileId) + QStringLiteral("/content"));
    call.expectJson = false;
    call.headers.append(qMakePair(QByteArray("Accept"), QByteArray("*/*")));
    return call;
}

HttpCall maxTokensChatCall(const QString &path, const ChatRequest &request, bool stream)
{
    QJsonObject body = request.toJson(stream);
    const QJsonValue maxTokens = body.take(QLatin1String("max_completion_tokens"));
    if (!maxTokens.isUndefined())
        body.insert(QLatin1String("max_tokens"), maxTokens);
    return jsonCall("POST", path, body);
}

HttpCall jsonCall(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    HttpCall call;
    call.verb = verb;
    call.path = path;
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.contentType = "application/json";
    return call;
}

HttpCall plainCall(
        const QByteArray &verb, const QString &path, const QList<QPair<QString, QString>> &query)
{
    HttpCall call;
    call.verb = verb;
    call.path = path;
    call.query = query;
    return call;
}

} // namespace fs
