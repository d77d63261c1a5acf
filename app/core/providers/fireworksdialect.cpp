// SPDX-License-Identifier: GPL-3.0-or-later
// Every path and field name below is in shared/reference/fireworks/API-NOTES.md (the REST
// shapes of Fireworks' official SDK); tests/core/tst_fireworksconformance.cpp pins each one to
// its line there.
#include "fireworksdialect.h"

#include "metricentries.h"
#include "modelregistry.h"
#include "multipart.h"
#include "togetherdialect.h"
#include "wirefields.h"

#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace fs {

namespace {

using wire::integer;
using wire::number;
using wire::smallInteger;
using wire::text;

const QString kDatasets = QStringLiteral("/datasets");
const QString kJobs = QStringLiteral("/supervisedFineTuningJobs");
const QString kDeployments = QStringLiteral("/deployments");
/// The account whose models are Fireworks' public catalogue (research note §3.1, Kiln).
const QString kCatalogueAccount = QStringLiteral("fireworks");
/// Lists are asked for in the largest pages the service gives (API-NOTES: at most 200).
const QString kPageSize = QStringLiteral("200");

qint64 timeOf(const QJsonObject &object, QLatin1String key)
{
    return TogetherDialect::timeFromJson(object.value(key)); // RFC 3339, as Together's
}

/// The shared Status object {code, message}: an error unless absent or OK.
std::optional<JobError> statusError(const QJsonObject &object)
{
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    const QString code = text(status, QLatin1String("code"));
    const QString message = text(status, QLatin1String("message"));
    if ((code.isEmpty() || code == QLatin1String("OK")) && message.isEmpty())
        return std::nullopt;
    if (code == QLatin1String("OK"))
        return std::nullopt; // a message with OK is a remark, not an error
    return JobError {code, message, QString()};
}

/// The fields of the metrics file's lines: the step, the total and which domain metric a key
/// holds. The SDK does not describe the file (API-NOTES §2): the keys other services use are read.
const MetricEntryKeys kMetricEntries {
        {QLatin1String("step"), QLatin1String("global_step"), QLatin1String("train/global_step"),
                QLatin1String("eval/global_step")},
        {QLatin1String("total_steps"), QLatin1String("totalSteps")},
        {
                {QStringLiteral("train/loss"), Metric::TrainLoss},
                {QStringLiteral("train_loss"), Metric::TrainLoss},
                {QStringLiteral("loss"), Metric::TrainLoss},
                {QStringLiteral("train/accuracy"), Metric::TrainAccuracy},
                {QStringLiteral("train_accuracy"), Metric::TrainAccuracy},
                {QStringLiteral("eval/loss"), Metric::FullValidLoss},
                {QStringLiteral("eval_loss"), Metric::FullValidLoss},
                {QStringLiteral("validation_loss"), Metric::FullValidLoss},
                {QStringLiteral("eval/accuracy"), Metric::FullValidAccuracy},
                {QStringLiteral("eval_accuracy"), Metric::FullValidAccuracy},
        },
        true, // any line may say the total
};

/// A scale-to-zero window as Fireworks writes durations ("300s").
QString seconds(int minutes)
{
    return QString::number(qint64(minutes) * 60) + QLatin1Char('s');
}

} // namespace

// ---- mappings ------------------------------------------------------------------------------

FineTuningJob::Status FireworksDialect::jobStatus(const QString &state)
{
    using Status = FineTuningJob::Status;
    // research note §2.9, the 18 values of API-NOTES §2.
    static const QMap<QString, Status> table = {
            {QStringLiteral("JOB_STATE_CREATING"), Status::ValidatingFiles},
            {QStringLiteral("JOB_STATE_VALIDATING"), Status::ValidatingFiles},
            {QStringLiteral("JOB_STATE_CREATING_INPUT_DATASET"), Status::ValidatingFiles},
            {QStringLiteral("JOB_STATE_PENDING"), Status::Queued},
            {QStringLiteral("JOB_STATE_RE_QUEUEING"), Status::Queued},
            {QStringLiteral("JOB_STATE_IDLE"), Status::Queued},
            {QStringLiteral("JOB_STATE_RUNNING"), Status::Running},
            {QStringLiteral("JOB_STATE_WRITING_RESULTS"), Status::Running},
            // Still running until the service confirms it stopped.
            {QStringLiteral("JOB_STATE_CANCELLING"), Status::Running},
            {QStringLiteral("JOB_STATE_PAUSED"), Status::Paused},
            {QStringLiteral("JOB_STATE_COMPLETED"), Status::Succeeded},
            {QStringLiteral("JOB_STATE_EARLY_STOPPED"), Status::Succeeded},
            {QStringLiteral("JOB_STATE_FAILED"), Status::Failed},
            {QStringLiteral("JOB_STATE_EXPIRED"), Status::Failed},
            {QStringLiteral("JOB_STATE_CANCELLED"), Status::Cancelled},
            {QStringLiteral("JOB_STATE_DELETING"), Status::Cancelled},
            {QStringLiteral("JOB_STATE_DELETING_CLEANING_UP"), Status::Cancelled},
    };
    return table.value(state, Status::Unknown);
}

Deployment::State FireworksDialect::deploymentState(const QString &state)
{
    using State = Deployment::State;
    static const QMap<QString, State> table = {
            {QStringLiteral("CREATING"), State::Starting},
            {QStringLiteral("READY"), State::Running},
            // managed.py counts UPDATING as serving.
            {QStringLiteral("UPDATING"), State::Running},
            {QStringLiteral("DELETING"), State::Stopping},
            {QStringLiteral("DELETED"), State::Stopped},
            {QStringLiteral("FAILED"), State::Failed},
    };
    return table.value(state, State::Unknown);
}

QString FireworksDialect::shortId(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
}

QString FireworksDialect::datasetIdFor(const QString &filename, const QString &unique)
{
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    QString stem = filename.section(QLatin1Char('/'), -1).toLower();
    stem.replace(other, QStringLiteral("-"));
    QString tail = unique.toLower();
    tail.replace(other, QString());
    tail = tail.left(12);
    const int room = 63 - int(tail.size()) - 1;
    stem = stem.left(std::max(1, room));
    while (stem.endsWith(QLatin1Char('-')))
        stem.chop(1);
    while (stem.startsWith(QLatin1Char('-')))
        stem.remove(0, 1);
    // Kiln: an id must not start with a digit.
    if (stem.isEmpty() || !stem.at(0).isLetter())
        stem.prepend(QStringLiteral("data-"));
    stem = stem.left(std::max(1, room));
    while (stem.endsWith(QLatin1Char('-')))
        stem.chop(1);
    return tail.isEmpty() ? stem : stem + QLatin1Char('-') + tail;
}

Expected<QString> FireworksDialect::accountPath(const QString &rest) const
{
    if (m_account.trimmed().isEmpty())
        return invalidRequest(
                tr("Enter your Fireworks AI account id in the connection: every request "
                   "names it."));
    return QString(
            QStringLiteral("/v1/accounts/") + encodedPathSegment(m_account.trimmed()) + rest);
}

Expected<HttpCall> FireworksDialect::accountCall(const QByteArray &verb, const QString &rest,
        const QList<QPair<QString, QString>> &query) const
{
    const auto path = accountPath(rest);
    if (!path.ok())
        return path.error();
    return plainCall(verb, path.value(), query);
}

QString FireworksDialect::itemPath(const QString &collection, const QString &id)
{
    return collection + QLatin1Char('/') + encodedPathSegment(shortId(id));
}

QString FireworksDialect::resourceName(const QString &collection, const QString &id) const
{
    if (id.startsWith(QLatin1String("accounts/")))
        return id;
    return QStringLiteral("accounts/%1/%2/%3").arg(m_account.trimmed(), collection, id);
}

Expected<QJsonArray> FireworksDialect::listItems(const HttpAnswer &answer, QLatin1String key,
        const QString &what, QString *nextPageToken) const
{
    const auto object = answerObject(answer, what);
    if (!object.ok())
        return object.error();
    *nextPageToken = text(object.value(), QLatin1String("nextPageToken"));
    return objectArray(object.value(), key,
            tr("Fireworks AI sent %1 in a form this app does not know.").arg(what),
            tr("Fireworks AI sent %1 with an entry this app cannot read.").arg(what));
}

namespace {

QList<QPair<QString, QString>> pageQuery(const QString &pageToken, int limit)
{
    QList<QPair<QString, QString>> query {{QStringLiteral("pageSize"),
            limit > 0 ? QString::number(std::min(limit, 200)) : kPageSize}};
    if (!pageToken.isEmpty())
        query.append({QStringLiteral("pageToken"), pageToken});
    return query;
}

template<typename T>
Page<T> pageOf(QList<T> items, const QString &nextPageToken)
{
    Page<T> page;
    page.data = std::move(items);
    if (!page.data.isEmpty())
        page.firstId = page.data.constFirst().id;
    // The next page is asked for with the token: it stands where OpenAI's last id would.
    page.hasMore = !nextPageToken.isEmpty();
    page.lastId = page.hasMore ? nextPageToken
                               : (page.data.isEmpty() ? QString() : page.data.constLast().id);
    return page;
}

} // namespace

// ---- datasets (the domain's files) ---------------------------------------------------------

Expected<FileObject> FireworksDialect::datasetFromJson(const QJsonObject &object) const
{
    FileObject file;
    file.id = shortId(text(object, QLatin1String("name")));
    if (file.id.isEmpty())
        return unexpected(tr("Fireworks AI described a dataset without its name."));
    file.filename = text(object, QLatin1String("displayName"));
    if (file.filename.isEmpty())
        file.filename = file.id;
    file.createdAt = timeOf(object, QLatin1String("createTime"));
    file.purpose = QStringLiteral("fine-tune");
    // exampleCount and estimatedTokenCount are int64 written as strings; no byte size is sent.
    const QString state = text(object, QLatin1String("state"));
    const std::optional<JobError> problem = statusError(object);
    if (problem) {
        file.status = QStringLiteral("error");
        file.statusDetails = problem->message.isEmpty() ? problem->code : problem->message;
    } else if (state == QLatin1String("READY")) {
        file.status = QStringLiteral("processed");
    } else {
        file.status = QStringLiteral("uploaded"); // UPLOADING, STATE_UNSPECIFIED: wait
    }
    file.raw = object;
    return file;
}

Expected<HttpCall> FireworksDialect::listFiles(const FileListQuery &query) const
{
    return accountCall("GET", kDatasets, pageQuery(query.after, query.limit));
}

Expected<Page<FileObject>> FireworksDialect::parseFileList(const HttpAnswer &answer) const
{
    QString next;
    const auto items = listItems(answer, QLatin1String("datasets"), tr("the datasets"), &next);
    if (!items.ok())
        return items.error();
    const auto files = readEach<FileObject>(
            items.value(), [this](const QJsonObject &object) { return datasetFromJson(object); });
    if (!files.ok())
        return files.error();
    return pageOf(files.value(), next);
}

Expected<HttpCall> FireworksDialect::retrieveFile(const QString &fileId) const
{
    return accountCall("GET", itemPath(kDatasets, fileId));
}

Expected<FileObject> FireworksDialect::parseFile(const HttpAnswer &answer) const
{
    return readAnswer<FileObject>(answer, tr("a dataset"),
            [this](const QJsonObject &object) { return datasetFromJson(object); });
}

Expected<HttpCall> FireworksDialect::putPresigned(const QUrl &url, const QByteArray &content) const
{
    return presignedPut(url, content);
}

Expected<HttpCall> FireworksDialect::deleteFile(const QString &fileId) const
{
    return accountCall("DELETE", itemPath(kDatasets, fileId));
}

Expected<DeletedObject> FireworksDialect::parseDeleted(const HttpAnswer &answer) const
{
    // Deleting answers {} (the SDK's `object`).
    const auto object = answerObject(answer, tr("a deletion"));
    if (!object.ok())
        return object.error();
    DeletedObject deleted;
    deleted.object = QStringLiteral("dataset");
    deleted.deleted = true;
    return deleted;
}

Expected<HttpCall> FireworksDialect::fileContent(const QString &) const
{
    // :getDownloadEndpoint answers with addresses to fetch, not the content: not used yet.
    return DialectError {DialectError::Kind::Unsupported,
            tr("Fireworks AI does not give an uploaded dataset back to this app; the job "
               "reports its cost once it runs.")};
}

Expected<HttpCall> FireworksDialect::createDataset(
        const QString &datasetId, const QString &filename, std::optional<qint64> examples) const
{
    const auto path = accountPath(kDatasets);
    if (!path.ok())
        return path.error();
    if (datasetId.isEmpty())
        return invalidRequest(tr("A dataset needs an id to be created."));
    QJsonObject dataset {{QLatin1String("userUploaded"), QJsonObject()},
            {QLatin1String("format"), QStringLiteral("CHAT")}};
    if (!filename.isEmpty())
        dataset.insert(QLatin1String("displayName"), filename.left(63));
    if (examples) // int64: a string on this wire
        dataset.insert(QLatin1String("exampleCount"), QString::number(*examples));
    return jsonCall("POST", path.value(),
            QJsonObject {
                    {QLatin1String("datasetId"), datasetId}, {QLatin1String("dataset"), dataset}});
}

Expected<HttpCall> FireworksDialect::uploadToDataset(
        const QString &datasetId, const QString &filename, const QByteArray &content) const
{
    const auto path = accountPath(kDatasets + QLatin1Char('/') + encodedPathSegment(datasetId)
            + QStringLiteral(":upload"));
    if (!path.ok())
        return path.error();
    Multipart multipart(contentBoundary(content));
    multipart.addFile(
            QStringLiteral("file"), filename, content, Multipart::mimeTypeForFileName(filename));
    return multipartCall(path.value(), multipart);
}

Expected<HttpCall> FireworksDialect::datasetUploadEndpoint(
        const QString &datasetId, const QString &filename, qint64 bytes) const
{
    const auto path = accountPath(kDatasets + QLatin1Char('/') + encodedPathSegment(datasetId)
            + QStringLiteral(":getUploadEndpoint"));
    if (!path.ok())
        return path.error();
    return jsonCall("POST", path.value(),
            QJsonObject {{QLatin1String("filenameToSize"),
                    QJsonObject {{filename, QString::number(bytes)}}}});
}

Expected<PresignedUpload> FireworksDialect::parseDatasetUploadEndpoint(
        const HttpAnswer &answer, const QString &datasetId, const QString &filename) const
{
    const auto object = answerObject(answer, tr("the upload address"));
    if (!object.ok())
        return object.error();
    const QJsonObject urls = object.value().value(QLatin1String("filenameToSignedUrls")).toObject();
    const QUrl url(urls.value(filename).toString());
    if (url.isEmpty() || !url.isValid())
        return unexpected(tr("Fireworks AI did not say where to upload the file."));
    return PresignedUpload {url, datasetId};
}

Expected<HttpCall> FireworksDialect::validateDatasetUpload(const QString &datasetId) const
{
    const auto path = accountPath(kDatasets + QLatin1Char('/') + encodedPathSegment(datasetId)
            + QStringLiteral(":validateUpload"));
    if (!path.ok())
        return path.error();
    return jsonCall("POST", path.value(), QJsonObject());
}

// ---- supervised fine-tuning jobs -----------------------------------------------------------

Expected<HttpCall> FireworksDialect::createJob(const CreateJobRequest &request) const
{
    const auto path = accountPath(kJobs);
    if (!path.ok())
        return path.error();
    const TrainingSettings &settings = request.settings;
    if (request.trainingFile.isEmpty())
        return invalidRequest(tr("Choose a training dataset."));
    if (request.model.isEmpty())
        return invalidRequest(tr("Choose a base model."));
    if (request.methodType != QLatin1String("supervised"))
        return invalidRequest(tr("This app starts only supervised fine-tuning on Fireworks AI."));
    if (!request.hyperparameters.learningRateMultiplier.isAuto)
        return invalidRequest(
                tr("Fireworks AI takes an absolute learning rate (such as 0.0001), not a "
                   "learning rate multiplier."));
    if (!request.hyperparameters.batchSize.isAuto)
        return invalidRequest(tr("Fireworks AI chooses the batch size itself in this app."));
    if (!request.metadata.isEmpty())
        return invalidRequest(tr("Fireworks AI does not keep notes (metadata) with a job."));
    if (request.seed)
        return invalidRequest(tr("Fireworks AI takes no seed for a job."));
    if (settings.type == TrainingSettings::Type::Full)
        return invalidRequest(tr("Fireworks AI trains a LoRA adapter here; full training is not "
                                 "offered."));
    if (settings.loraAlpha || settings.loraDropout || !settings.loraTrainableModules.isEmpty()
            || settings.nEvals || settings.nCheckpoints)
        return invalidRequest(
                tr("Fireworks AI takes the LoRA rank, but no alpha, dropout, modules, "
                   "evaluation count or checkpoint count."));

    QJsonObject body;
    body.insert(QLatin1String("dataset"),
            resourceName(QStringLiteral("datasets"), request.trainingFile));
    body.insert(QLatin1String("baseModel"), request.model);
    if (!request.validationFile.isEmpty())
        body.insert(QLatin1String("evaluationDataset"),
                resourceName(QStringLiteral("datasets"), request.validationFile));
    if (!request.suffix.isEmpty())
        body.insert(QLatin1String("displayName"), request.suffix);
    if (!request.hyperparameters.nEpochs.isAuto)
        body.insert(QLatin1String("epochs"), qRound(request.hyperparameters.nEpochs.value));
    if (settings.learningRate)
        body.insert(QLatin1String("learningRate"), *settings.learningRate);
    if (settings.loraRank)
        body.insert(QLatin1String("loraRank"), *settings.loraRank);
    if (settings.maxContextLength)
        body.insert(QLatin1String("maxContextLength"), *settings.maxContextLength);
    return jsonCall("POST", path.value(), body);
}

Expected<FineTuningJob> FireworksDialect::jobFromJson(const QJsonObject &object) const
{
    FineTuningJob job;
    job.id = shortId(text(object, QLatin1String("name")));
    if (job.id.isEmpty())
        return unexpected(tr("Fireworks AI described a fine-tuning job without its name."));
    job.statusText = text(object, QLatin1String("state"));
    if (job.statusText.isEmpty())
        return unexpected(tr("Fireworks AI described a fine-tuning job without its state."));
    job.status = jobStatus(job.statusText);
    job.createdAt = timeOf(object, QLatin1String("createTime"));
    const qint64 completed = timeOf(object, QLatin1String("completedTime"));
    if (completed > 0)
        job.finishedAt = completed;
    else if (job.isTerminal() && timeOf(object, QLatin1String("updateTime")) > 0)
        job.finishedAt = timeOf(object, QLatin1String("updateTime"));
    job.model = text(object, QLatin1String("baseModel"));
    if (job.model.isEmpty())
        job.model = text(object, QLatin1String("warmStartFrom"));
    job.outputModelName = text(object, QLatin1String("outputModel"));
    if (job.status == FineTuningJob::Status::Succeeded)
        job.fineTunedModel = job.outputModelName;
    job.trainingFile = shortId(text(object, QLatin1String("dataset")));
    job.validationFile = shortId(text(object, QLatin1String("evaluationDataset")));
    job.suffix = text(object, QLatin1String("displayName"));
    job.methodType = QStringLiteral("supervised");
    if (const auto epochs = number(object, QLatin1String("epochs")))
        job.hyperparameters.nEpochs = fixedHyperparameter(*epochs);
    TrainingSettings &settings = job.settings;
    settings.type = TrainingSettings::Type::Lora;
    settings.learningRate = number(object, QLatin1String("learningRate"));
    settings.loraRank = smallInteger(object, QLatin1String("loraRank"));
    settings.maxContextLength = smallInteger(object, QLatin1String("maxContextLength"));
    const QJsonObject progress = object.value(QLatin1String("jobProgress")).toObject();
    // "usually starting from 0": the epoch in progress, i.e. the number of epochs done.
    if (const auto epoch = number(progress, QLatin1String("epoch")))
        job.epochsCompleted = qint64(*epoch);
    const QJsonObject cost = object.value(QLatin1String("estimatedCost")).toObject();
    const auto units = number(cost, QLatin1String("units"));
    const auto nanos = number(cost, QLatin1String("nanos"));
    if (units || nanos)
        job.totalPrice = units.value_or(0) + nanos.value_or(0) / 1e9;
    if (const std::optional<JobError> problem = statusError(object);
            problem && job.status != FineTuningJob::Status::Succeeded)
        job.error = problem;
    job.raw = object;
    return job;
}

Expected<FineTuningJob> FireworksDialect::parseJob(const HttpAnswer &answer) const
{
    return readAnswer<FineTuningJob>(answer, tr("a fine-tuning job"),
            [this](const QJsonObject &object) { return jobFromJson(object); });
}

Expected<HttpCall> FireworksDialect::listJobs(const QString &after, int limit) const
{
    return accountCall("GET", kJobs, pageQuery(after, limit));
}

Expected<Page<FineTuningJob>> FireworksDialect::parseJobList(const HttpAnswer &answer) const
{
    QString next;
    const auto items = listItems(answer, QLatin1String("supervisedFineTuningJobs"),
            tr("the list of fine-tuning jobs"), &next);
    if (!items.ok())
        return items.error();
    const auto jobs = readEach<FineTuningJob>(
            items.value(), [this](const QJsonObject &object) { return jobFromJson(object); });
    if (!jobs.ok())
        return jobs.error();
    return pageOf(jobs.value(), next);
}

Expected<HttpCall> FireworksDialect::retrieveJob(const QString &jobId) const
{
    return accountCall("GET", itemPath(kJobs, jobId));
}

Expected<HttpCall> FireworksDialect::cancelJob(const QString &) const
{
    return DialectError {DialectError::Kind::Unsupported,
            tr("Fireworks AI has no way to cancel a fine-tuning job; deleting the job stops "
               "it.")};
}

Expected<HttpCall> FireworksDialect::deleteJob(const QString &jobId) const
{
    return accountCall("DELETE", itemPath(kJobs, jobId));
}

Expected<HttpCall> FireworksDialect::listMetrics(const QString &jobId, int) const
{
    // The job names its metrics file (metricsFileSignedUrl); there is no metrics endpoint.
    return retrieveJob(jobId);
}

Expected<std::optional<HttpCall>> FireworksDialect::metricsFileCall(
        const HttpAnswer &jobAnswer) const
{
    const auto object = answerObject(jobAnswer, tr("a fine-tuning job"));
    if (!object.ok())
        return object.error();
    const QUrl url(text(object.value(), QLatin1String("metricsFileSignedUrl")));
    if (url.isEmpty())
        return std::optional<HttpCall>(); // no steps written yet
    if (!url.isValid())
        return unexpected(tr("Fireworks AI named a metrics file this app cannot read."));
    HttpCall call;
    call.absoluteUrl = url;
    call.expectJson = false; // JSON lines
    return std::optional<HttpCall>(call);
}

Expected<MetricsPage> FireworksDialect::parseMetrics(const HttpAnswer &answer, int fromStep) const
{
    // The SDK leaves the file's layout open (API-NOTES §2): JSON lines (or one JSON array) of
    // flat objects with a step and the loss under the keys other services use.
    QList<QJsonObject> entries;
    const QByteArray body = answer.body.trimmed();
    if (body.startsWith('[')) {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (!document.isArray())
            return unexpected(tr("Fireworks AI's metrics file is not in a form this app knows."));
        for (const QJsonValue &value : document.array()) {
            if (!value.isObject())
                return unexpected(tr("Fireworks AI's metrics file holds a line this app cannot "
                                     "read."));
            entries.append(value.toObject());
        }
    } else {
        for (const QByteArray &line : body.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonDocument document = QJsonDocument::fromJson(line);
            if (!document.isObject())
                return unexpected(tr("Fireworks AI's metrics file holds a line this app cannot "
                                     "read."));
            entries.append(document.object());
        }
    }
    return metricsByStep(entries, fromStep, kMetricEntries);
}

// ---- models --------------------------------------------------------------------------------

namespace {

/// Fireworks' Model resource: {name: "accounts/{a}/models/{id}", displayName, createTime, …}.
Expected<QList<ModelObject>> modelsFrom(const QJsonArray &items, bool tunableOnly,
        const std::function<DialectError(const QString &)> &unexpected)
{
    QList<ModelObject> list;
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        const QString name = object.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            return unexpected(FireworksDialect::tr("Fireworks AI listed a model without a name."));
        if (tunableOnly && !object.value(QLatin1String("supervisedLoraTunable")).toBool(false)
                && !object.value(QLatin1String("supervisedFullParameterTunable")).toBool(false))
            continue;
        ModelObject model;
        model.id = name;
        model.ownedBy = name.section(QLatin1Char('/'), 1, 1);
        model.created = TogetherDialect::timeFromJson(object.value(QLatin1String("createTime")));
        list.append(model);
    }
    return list;
}

} // namespace

Expected<HttpCall> FireworksDialect::listModels() const
{
    // The account's own models: answering proves both the key and the account id.
    return accountCall("GET", QStringLiteral("/models"), {{QStringLiteral("pageSize"), kPageSize}});
}

Expected<QList<ModelObject>> FireworksDialect::parseModelList(const HttpAnswer &answer) const
{
    QString next;
    const auto items = listItems(answer, QLatin1String("models"), tr("the models"), &next);
    if (!items.ok())
        return items.error();
    const auto object = answerObject(answer, tr("the models"));
    // A page without its collection key and without a token is not a Fireworks list.
    if (!object.value().contains(QLatin1String("models"))
            && !object.value().contains(QLatin1String("nextPageToken"))
            && !object.value().isEmpty())
        return unexpected(tr("The server answered, but not with Fireworks AI's list of models."));
    return modelsFrom(items.value(), false, [this](const QString &s) { return unexpected(s); });
}

Expected<HttpCall> FireworksDialect::listBaseModels() const
{
    // Fireworks' own catalogue, filtered on the tunable flags (as Kiln does).
    return plainCall("GET",
            QStringLiteral("/v1/accounts/") + kCatalogueAccount + QStringLiteral("/models"),
            {{QStringLiteral("pageSize"), kPageSize}});
}

Expected<QList<ModelObject>> FireworksDialect::parseModels(const HttpAnswer &answer) const
{
    QString next;
    const auto items = listItems(answer, QLatin1String("models"), tr("the models"), &next);
    if (!items.ok())
        return items.error();
    return modelsFrom(items.value(), true, [this](const QString &s) { return unexpected(s); });
}

// ---- deployments ---------------------------------------------------------------------------

std::optional<QList<HardwareOption>> FireworksDialect::documentedHardware() const
{
    // acceleratorType values from API-NOTES §3 with prices per GPU-hour from the model
    // registry's data (fireworks.json "deploymentPrices", unconfirmed: shown as estimates).
    return ModelRegistry::provider(ProviderKind::Fireworks).deploymentPrices();
}

Expected<HttpCall> FireworksDialect::createDeployment(const DeploymentRequest &request) const
{
    const auto path = accountPath(kDeployments);
    if (!path.ok())
        return path.error();
    if (request.model.isEmpty())
        return invalidRequest(tr("Choose the model to deploy."));
    // "Live merge" (research note §2.3): the fine-tuned model is the deployment's baseModel;
    // it scales to zero when idle, so it bills only while it answers.
    QJsonObject body {{QLatin1String("baseModel"), request.model},
            {QLatin1String("minReplicaCount"), 0},
            {QLatin1String("maxReplicaCount"), std::max(1, request.maxReplicas)}};
    if (!request.hardware.isEmpty())
        body.insert(QLatin1String("acceleratorType"), request.hardware);
    if (!request.displayName.isEmpty())
        body.insert(QLatin1String("displayName"), request.displayName.left(63));
    if (request.inactiveTimeoutMinutes && *request.inactiveTimeoutMinutes > 0)
        body.insert(QLatin1String("autoscalingPolicy"),
                QJsonObject {{QLatin1String("scaleToZeroWindow"),
                        seconds(*request.inactiveTimeoutMinutes)}});
    return jsonCall("POST", path.value(), body);
}

Expected<Deployment> FireworksDialect::deploymentFromJson(const QJsonObject &object) const
{
    Deployment deployment;
    const QString name = text(object, QLatin1String("name"));
    deployment.id = shortId(name);
    if (deployment.id.isEmpty())
        return unexpected(tr("Fireworks AI described a deployment without its name."));
    deployment.model = text(object, QLatin1String("baseModel"));
    // A model on an on-demand deployment is asked for as "<model>#<deployment name>".
    deployment.name =
            deployment.model.isEmpty() ? name : deployment.model + QLatin1Char('#') + name;
    deployment.displayName = text(object, QLatin1String("displayName"));
    deployment.hardware = text(object, QLatin1String("acceleratorType"));
    deployment.stateText = text(object, QLatin1String("state"));
    deployment.state = deploymentState(deployment.stateText);
    deployment.createdAt = timeOf(object, QLatin1String("createTime"));
    const QString window = text(object.value(QLatin1String("autoscalingPolicy")).toObject(),
            QLatin1String("scaleToZeroWindow"));
    if (window.endsWith(QLatin1Char('s'))) {
        bool ok = false;
        const double secondsValue = window.chopped(1).toDouble(&ok);
        if (ok && secondsValue > 0)
            deployment.inactiveTimeoutMinutes = int(std::ceil(secondsValue / 60.0));
    }
    if (const auto options = documentedHardware()) {
        for (const HardwareOption &option : *options) {
            if (option.id == deployment.hardware) {
                deployment.pricePerHour = option.pricePerHour;
                deployment.priceIsEstimate = option.priceIsEstimate;
            }
        }
    }
    deployment.raw = object;
    return deployment;
}

Expected<Deployment> FireworksDialect::parseDeployment(const HttpAnswer &answer) const
{
    return readAnswer<Deployment>(answer, tr("a deployment"),
            [this](const QJsonObject &object) { return deploymentFromJson(object); });
}

Expected<HttpCall> FireworksDialect::retrieveDeployment(const QString &deploymentId) const
{
    return accountCall("GET", itemPath(kDeployments, deploymentId));
}

Expected<HttpCall> FireworksDialect::listDeployments() const
{
    return accountCall("GET", kDeployments, pageQuery(QString(), 0));
}

Expected<QList<Deployment>> FireworksDialect::parseDeployments(const HttpAnswer &answer) const
{
    QString next;
    const auto items =
            listItems(answer, QLatin1String("deployments"), tr("the list of deployments"), &next);
    if (!items.ok())
        return items.error();
    return readEach<Deployment>(items.value(),
            [this](const QJsonObject &object) { return deploymentFromJson(object); });
}

Expected<HttpCall> FireworksDialect::deleteDeployment(const QString &deploymentId) const
{
    return accountCall("DELETE", itemPath(kDeployments, deploymentId));
}

// ---- chat ----------------------------------------------------------------------------------

Expected<HttpCall> FireworksDialect::chat(const ChatRequest &request, bool stream) const
{
    return maxTokensChatCall(QStringLiteral("/inference/v1/chat/completions"), request, stream);
}

Expected<ChatCompletion> FireworksDialect::parseChat(const HttpAnswer &answer) const
{
    return chatAnswer(answer, tr("Fireworks AI's answer holds no reply."));
}

} // namespace fs
