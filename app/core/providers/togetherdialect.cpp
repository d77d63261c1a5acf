// SPDX-License-Identifier: GPL-3.0-or-later
#include "togetherdialect.h"

#include "metricentries.h"
#include "multipart.h"
#include "wirefields.h"

#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace fs {

namespace {

using wire::integer;
using wire::number;
using wire::smallInteger;
using wire::text;

const QString kFineTunes = QStringLiteral("/fine-tunes/");
const QString kEndpoints = QStringLiteral("/endpoints/");

/// Together lists everything at once: the page's ends are its first and last items.
template<typename T>
Page<T> withEnds(Page<T> page)
{
    if (!page.data.isEmpty()) {
        page.firstId = page.data.constFirst().id;
        page.lastId = page.data.constLast().id;
    }
    return page;
}

QJsonObject trainingTypeJson(const TrainingSettings &settings)
{
    if (settings.type == TrainingSettings::Type::Full)
        return {{QLatin1String("type"), QStringLiteral("Full")}};
    QJsonObject lora {{QLatin1String("type"), QStringLiteral("Lora")}};
    const int rank = settings.loraRank.value_or(0);
    lora.insert(QLatin1String("lora_r"), rank);
    // Together's own client uses twice the rank when no alpha is given.
    lora.insert(QLatin1String("lora_alpha"), settings.loraAlpha.value_or(2 * rank));
    if (settings.loraDropout)
        lora.insert(QLatin1String("lora_dropout"), *settings.loraDropout);
    if (!settings.loraTrainableModules.isEmpty())
        lora.insert(QLatin1String("lora_trainable_modules"), settings.loraTrainableModules);
    return lora;
}

QJsonObject trainingMethodJson(const CreateJobRequest &request)
{
    if (request.methodType == QLatin1String("dpo")) {
        QJsonObject dpo {{QLatin1String("method"), QStringLiteral("dpo")}};
        if (!request.hyperparameters.beta.isAuto)
            dpo.insert(QLatin1String("dpo_beta"), request.hyperparameters.beta.value);
        return dpo;
    }
    // The spec requires train_on_inputs and, despite its "auto" default, types it as a boolean.
    // For chat data "auto" means false: only the assistant's turns are learnt, as on OpenAI.
    return {{QLatin1String("method"), QStringLiteral("sft")},
            {QLatin1String("train_on_inputs"), false}};
}

QString eventLevel(const QJsonValue &value)
{
    const QString level = value.toString();
    if (level.isEmpty() || level == QLatin1String("info") || level == QLatin1String("legacy_info"))
        return QStringLiteral("info");
    if (level == QLatin1String("warning") || level == QLatin1String("legacy_iwarning"))
        return QStringLiteral("warn");
    if (level == QLatin1String("error") || level == QLatin1String("legacy_ierror"))
        return QStringLiteral("error");
    return level;
}

QString hardwareName(const QJsonObject &specs, const QString &id)
{
    const QString gpu = text(specs, QLatin1String("gpu_type")).toUpper();
    if (gpu.isEmpty())
        return id;
    const qint64 count = integer(specs, QLatin1String("gpu_count")).value_or(1);
    QString name = QStringLiteral("%1 × %2").arg(count).arg(gpu);
    const QString link = text(specs, QLatin1String("gpu_link")).toUpper();
    if (!link.isEmpty())
        name += QLatin1Char(' ') + link;
    return name;
}

/// The fields of /metrics' entries: the step, the total and which domain metric a key holds
/// (names after the spec's example and the keys Together's dashboards use; others are ignored).
const MetricEntryKeys kMetricEntries {
        {QLatin1String("train/global_step"), QLatin1String("eval/global_step"),
                QLatin1String("global_step"), QLatin1String("step")},
        {QLatin1String("train/total_steps"), QLatin1String("total_steps")},
        {
                {QStringLiteral("train/loss"), Metric::TrainLoss},
                {QStringLiteral("train/accuracy"), Metric::TrainAccuracy},
                {QStringLiteral("train/mean_token_accuracy"), Metric::TrainAccuracy},
                // Together evaluates on the whole validation file (n_evals times): the domain's
                // "full validation" values.
                {QStringLiteral("eval/loss"), Metric::FullValidLoss},
                {QStringLiteral("eval/accuracy"), Metric::FullValidAccuracy},
                {QStringLiteral("eval/mean_token_accuracy"), Metric::FullValidAccuracy},
        },
        false, // the total only from the entries placed
};

} // namespace

// ---- mappings ------------------------------------------------------------------------------

FineTuningJob::Status TogetherDialect::jobStatus(const QString &text)
{
    using Status = FineTuningJob::Status;
    static const QMap<QString, Status> table = {
            {QStringLiteral("pending"), Status::Queued},
            {QStringLiteral("queued"), Status::Queued},
            {QStringLiteral("running"), Status::Running},
            // Training is over but the model is still being packed and stored.
            {QStringLiteral("compressing"), Status::Running},
            {QStringLiteral("uploading"), Status::Running},
            // Still running until the service confirms "cancelled".
            {QStringLiteral("cancel_requested"), Status::Running},
            {QStringLiteral("completed"), Status::Succeeded},
            {QStringLiteral("cancelled"), Status::Cancelled},
            {QStringLiteral("error"), Status::Failed},
            {QStringLiteral("user_error"), Status::Failed},
    };
    return table.value(text, Status::Unknown);
}

Deployment::State TogetherDialect::deploymentState(const QString &text)
{
    using State = Deployment::State;
    static const QMap<QString, State> table = {
            {QStringLiteral("PENDING"), State::Pending},
            {QStringLiteral("STARTING"), State::Starting},
            {QStringLiteral("STARTED"), State::Running},
            {QStringLiteral("STOPPING"), State::Stopping},
            {QStringLiteral("STOPPED"), State::Stopped},
            {QStringLiteral("ERROR"), State::Failed},
    };
    return table.value(text.toUpper(), State::Unknown);
}

qint64 TogetherDialect::timeFromJson(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInteger();
    QString textValue = value.toString().trimmed();
    if (textValue.isEmpty())
        return 0;
    // "2025-02-04 10:43:55.405000+00:00": a space for the T, and microseconds Qt does not read.
    if (textValue.size() > 10 && textValue.at(10) == QLatin1Char(' '))
        textValue[10] = QLatin1Char('T');
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{1,3})\\d*"));
    textValue.replace(fraction, QStringLiteral(".\\1"));
    QDateTime when = QDateTime::fromString(textValue, Qt::ISODateWithMs);
    if (!when.isValid())
        return 0;
    if (when.timeSpec() == Qt::LocalTime) // no offset given: the service means UTC
        when.setTimeZone(QTimeZone::utc());
    return when.toSecsSinceEpoch();
}

Expected<QJsonArray> TogetherDialect::listData(const HttpAnswer &answer, const QString &what) const
{
    const auto object = answerObject(answer, what);
    if (!object.ok())
        return object.error();
    return objectArray(object.value(), QLatin1String("data"),
            tr("Together AI sent %1 in a form this app does not know.").arg(what),
            tr("Together AI sent %1 with an entry this app cannot read.").arg(what));
}

// ---- files ---------------------------------------------------------------------------------

namespace {

FileObject fileFromJson(const QJsonObject &object)
{
    FileObject file;
    file.id = text(object, QLatin1String("id"));
    file.bytes = integer(object, QLatin1String("bytes")).value_or(0);
    file.createdAt = TogetherDialect::timeFromJson(object.value(QLatin1String("created_at")));
    file.filename = text(object, QLatin1String("filename"));
    file.purpose = text(object, QLatin1String("purpose"));
    // Together says whether its check of the file is done; the domain speaks OpenAI's words.
    const QJsonValue processed = object.value(QLatin1String("Processed"));
    file.status =
            processed.toBool(false) ? QStringLiteral("processed") : QStringLiteral("uploaded");
    file.raw = object;
    return file;
}

} // namespace

Expected<HttpCall> TogetherDialect::listFiles(const FileListQuery &) const
{
    // Together lists every file at once: no purpose filter, order or paging.
    return plainCall("GET", QStringLiteral("/files"));
}

Expected<Page<FileObject>> TogetherDialect::parseFileList(const HttpAnswer &answer) const
{
    const auto data = listData(answer, tr("the list of files"));
    if (!data.ok())
        return data.error();
    Page<FileObject> page;
    for (const QJsonValue &item : data.value()) {
        FileObject file = fileFromJson(item.toObject());
        if (file.id.isEmpty())
            return unexpected(tr("Together AI listed a file without an id."));
        page.data.append(file);
    }
    return withEnds(std::move(page));
}

Expected<HttpCall> TogetherDialect::retrieveFile(const QString &fileId) const
{
    return plainCall("GET", QStringLiteral("/files/") + encodedPathSegment(fileId));
}

Expected<FileObject> TogetherDialect::parseFile(const HttpAnswer &answer) const
{
    const auto object = answerObject(answer, tr("a file"));
    if (!object.ok())
        return object.error();
    FileObject file = fileFromJson(object.value());
    if (file.id.isEmpty())
        return unexpected(tr("Together AI described a file without its id."));
    return file;
}

Expected<HttpCall> TogetherDialect::uploadFile(
        const QString &filename, const QByteArray &content, const QString &purpose) const
{
    Multipart multipart(contentBoundary(content));
    multipart.addField(QStringLiteral("purpose"), purpose);
    multipart.addField(QStringLiteral("file_name"), filename);
    const QString suffix = filename.section(QLatin1Char('.'), -1).toLower();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("csv")
            || suffix == QLatin1String("parquet"))
        multipart.addField(QStringLiteral("file_type"), suffix);
    multipart.addFile(
            QStringLiteral("file"), filename, content, Multipart::mimeTypeForFileName(filename));
    return multipartCall(QStringLiteral("/files/upload"), multipart);
}

Expected<HttpCall> TogetherDialect::startPresignedUpload(
        const QString &filename, const QString &purpose) const
{
    const QString suffix = filename.section(QLatin1Char('.'), -1).toLower();
    if (suffix != QLatin1String("jsonl") && suffix != QLatin1String("csv")
            && suffix != QLatin1String("parquet"))
        return invalidRequest(
                tr("Together AI accepts only files ending in .jsonl, .csv or .parquet."));
    HttpCall call = plainCall("POST", QStringLiteral("/files"),
            {{QStringLiteral("file_name"), filename}, {QStringLiteral("file_type"), suffix},
                    {QStringLiteral("purpose"), purpose}});
    call.redirectIsAnswer = true;
    call.expectJson = false;
    return call;
}

Expected<PresignedUpload> TogetherDialect::parsePresignedUpload(const HttpAnswer &answer) const
{
    PresignedUpload upload;
    upload.url = QUrl(QString::fromUtf8(answer.header("Location")));
    upload.fileId = QString::fromUtf8(answer.header("X-Together-File-Id")).trimmed();
    if (answer.status < 300 || answer.status >= 400 || upload.url.isEmpty()
            || !upload.url.isValid())
        return unexpected(tr("Together AI did not say where to upload the file."));
    if (upload.fileId.isEmpty())
        return unexpected(tr("Together AI did not say which id the uploaded file will have."));
    return upload;
}

Expected<HttpCall> TogetherDialect::putPresigned(const QUrl &url, const QByteArray &content) const
{
    return presignedPut(url, content);
}

Expected<HttpCall> TogetherDialect::deleteFile(const QString &fileId) const
{
    return plainCall("DELETE", QStringLiteral("/files/") + encodedPathSegment(fileId));
}

Expected<DeletedObject> TogetherDialect::parseDeleted(const HttpAnswer &answer) const
{
    const auto object = answerObject(answer, tr("a deletion"));
    if (!object.ok())
        return object.error();
    DeletedObject deleted;
    deleted.id = text(object.value(), QLatin1String("id"));
    deleted.object = QStringLiteral("file");
    deleted.deleted = object.value().value(QLatin1String("deleted")).toBool(false);
    return deleted;
}

Expected<HttpCall> TogetherDialect::fileContent(const QString &fileId) const
{
    return fileContentCall(fileId);
}

// ---- jobs ----------------------------------------------------------------------------------

Expected<QJsonObject> TogetherDialect::trainingBody(const CreateJobRequest &request) const
{
    const TrainingSettings &settings = request.settings;
    if (request.trainingFile.isEmpty())
        return invalidRequest(tr("Choose a training file."));
    if (!request.hyperparameters.learningRateMultiplier.isAuto)
        return invalidRequest(
                tr("Together AI takes an absolute learning rate (such as 0.00001), not a "
                   "learning rate multiplier."));
    if (request.methodType != QLatin1String("supervised")
            && request.methodType != QLatin1String("dpo"))
        return invalidRequest(
                tr("Together AI has no “%1” training; choose supervised or preference "
                   "(DPO) training.")
                        .arg(request.methodType));
    if (request.methodType != QLatin1String("dpo") && !request.hyperparameters.beta.isAuto)
        return invalidRequest(tr("Beta applies only to preference (DPO) training."));
    const bool loraValues = settings.loraRank || settings.loraAlpha || settings.loraDropout
            || !settings.loraTrainableModules.isEmpty();
    if (settings.type != TrainingSettings::Type::Lora && loraValues)
        return invalidRequest(tr("LoRA rank, alpha and dropout apply only to LoRA training."));
    if (settings.type == TrainingSettings::Type::Lora && settings.loraRank.value_or(0) <= 0)
        return invalidRequest(tr("Together AI needs a LoRA rank (such as 8) for LoRA training."));

    QJsonObject body;
    body.insert(QLatin1String("training_file"), request.trainingFile);
    if (!request.validationFile.isEmpty())
        body.insert(QLatin1String("validation_file"), request.validationFile);
    if (!request.model.isEmpty())
        body.insert(QLatin1String("model"), request.model);
    if (!request.hyperparameters.nEpochs.isAuto)
        body.insert(QLatin1String("n_epochs"), qRound(request.hyperparameters.nEpochs.value));
    if (settings.nEvals)
        body.insert(QLatin1String("n_evals"), *settings.nEvals);
    body.insert(QLatin1String("training_method"), trainingMethodJson(request));
    if (settings.type != TrainingSettings::Type::Default)
        body.insert(QLatin1String("training_type"), trainingTypeJson(settings));
    return body;
}

Expected<HttpCall> TogetherDialect::createJob(const CreateJobRequest &request) const
{
    if (request.model.isEmpty())
        return invalidRequest(tr("Choose a base model."));
    if (!request.metadata.isEmpty())
        return invalidRequest(tr("Together AI does not keep notes (metadata) with a job."));
    if (request.suffix.size() > 40)
        return invalidRequest(
                tr("Together AI allows at most 40 characters in a model name suffix."));
    auto body = trainingBody(request);
    if (!body.ok())
        return body.error();
    QJsonObject &object = body.value();
    const TrainingSettings &settings = request.settings;
    if (settings.nCheckpoints)
        object.insert(QLatin1String("n_checkpoints"), *settings.nCheckpoints);
    if (!request.hyperparameters.batchSize.isAuto)
        object.insert(QLatin1String("batch_size"), qRound(request.hyperparameters.batchSize.value));
    if (settings.learningRate)
        object.insert(QLatin1String("learning_rate"), *settings.learningRate);
    if (!request.suffix.isEmpty())
        object.insert(QLatin1String("suffix"), request.suffix);
    if (request.seed)
        object.insert(QLatin1String("random_seed"), *request.seed);
    return jsonCall("POST", QStringLiteral("/fine-tunes"), object);
}

Expected<FineTuningJob> TogetherDialect::jobFromJson(const QJsonObject &object) const
{
    FineTuningJob job;
    job.id = text(object, QLatin1String("id"));
    if (job.id.isEmpty())
        return unexpected(tr("Together AI described a fine-tuning job without its id."));
    job.statusText = text(object, QLatin1String("status"));
    if (job.statusText.isEmpty())
        return unexpected(tr("Together AI described a fine-tuning job without its status."));
    job.status = jobStatus(job.statusText);
    job.createdAt = timeFromJson(object.value(QLatin1String("created_at")));
    if (job.isTerminal()) {
        const qint64 updated = timeFromJson(object.value(QLatin1String("updated_at")));
        if (updated > 0)
            job.finishedAt = updated;
    }
    job.model = text(object, QLatin1String("model"));
    job.outputModelName = text(object, QLatin1String("model_output_name"));
    if (job.status == FineTuningJob::Status::Succeeded)
        job.fineTunedModel = job.outputModelName;
    job.trainingFile = text(object, QLatin1String("training_file"));
    job.validationFile = text(object, QLatin1String("validation_file"));
    job.suffix = text(object, QLatin1String("suffix"));
    job.trainedTokens = integer(object, QLatin1String("token_count"));
    job.totalPrice = number(object, QLatin1String("total_price"));
    job.seed = integer(object, QLatin1String("random_seed"));
    job.totalSteps = integer(object, QLatin1String("total_steps"));
    job.stepsCompleted = integer(object, QLatin1String("steps_completed"));
    job.epochsCompleted = integer(object, QLatin1String("epochs_completed"));
    const QJsonObject progress = object.value(QLatin1String("progress")).toObject();
    if (progress.value(QLatin1String("estimate_available")).toBool(false))
        job.secondsRemaining = integer(progress, QLatin1String("seconds_remaining"));

    if (const auto epochs = number(object, QLatin1String("n_epochs")))
        job.hyperparameters.nEpochs = fixedHyperparameter(*epochs);
    if (const auto batch = number(object, QLatin1String("batch_size"))) // "max": automatic
        job.hyperparameters.batchSize = fixedHyperparameter(*batch);
    TrainingSettings &settings = job.settings;
    settings.learningRate = number(object, QLatin1String("learning_rate"));
    settings.nEvals = smallInteger(object, QLatin1String("n_evals"));
    settings.nCheckpoints = smallInteger(object, QLatin1String("n_checkpoints"));

    const QJsonObject type = object.value(QLatin1String("training_type")).toObject();
    const QString typeName = text(type, QLatin1String("type"));
    if (typeName.compare(QLatin1String("lora"), Qt::CaseInsensitive) == 0) {
        settings.type = TrainingSettings::Type::Lora;
        settings.loraRank = smallInteger(type, QLatin1String("lora_r"));
        settings.loraAlpha = smallInteger(type, QLatin1String("lora_alpha"));
        settings.loraDropout = number(type, QLatin1String("lora_dropout"));
        settings.loraTrainableModules = text(type, QLatin1String("lora_trainable_modules"));
    } else if (typeName.compare(QLatin1String("full"), Qt::CaseInsensitive) == 0) {
        settings.type = TrainingSettings::Type::Full;
    }
    const QJsonObject method = object.value(QLatin1String("training_method")).toObject();
    job.methodType = text(method, QLatin1String("method")) == QLatin1String("dpo")
            ? QStringLiteral("dpo")
            : QStringLiteral("supervised");
    if (const auto beta = number(method, QLatin1String("dpo_beta")))
        job.hyperparameters.beta = fixedHyperparameter(*beta);

    const QJsonValue error = object.value(QLatin1String("error"));
    JobError jobError;
    if (error.isObject()) {
        jobError.code = text(error.toObject(), QLatin1String("code"));
        jobError.message = text(error.toObject(), QLatin1String("message"));
    } else if (error.isString()) {
        jobError.message = error.toString();
    }
    if (!jobError.isEmpty())
        job.error = jobError;
    job.raw = object;
    return job;
}

Expected<FineTuningJob> TogetherDialect::parseJob(const HttpAnswer &answer) const
{
    return readAnswer<FineTuningJob>(answer, tr("a fine-tuning job"),
            [this](const QJsonObject &object) { return jobFromJson(object); });
}

Expected<HttpCall> TogetherDialect::listJobs(const QString &, int) const
{
    return plainCall("GET", QStringLiteral("/fine-tunes")); // one list, no paging
}

Expected<Page<FineTuningJob>> TogetherDialect::parseJobList(const HttpAnswer &answer) const
{
    const auto data = listData(answer, tr("the list of fine-tuning jobs"));
    if (!data.ok())
        return data.error();
    const auto jobs = readEach<FineTuningJob>(
            data.value(), [this](const QJsonObject &object) { return jobFromJson(object); });
    if (!jobs.ok())
        return jobs.error();
    Page<FineTuningJob> page;
    page.data = jobs.value();
    return withEnds(std::move(page));
}

Expected<HttpCall> TogetherDialect::retrieveJob(const QString &jobId) const
{
    return plainCall("GET", kFineTunes + encodedPathSegment(jobId));
}

Expected<HttpCall> TogetherDialect::cancelJob(const QString &jobId) const
{
    return plainCall("POST", kFineTunes + encodedPathSegment(jobId) + QStringLiteral("/cancel"));
}

Expected<HttpCall> TogetherDialect::listEvents(const QString &jobId, const QString &, int) const
{
    return plainCall("GET", kFineTunes + encodedPathSegment(jobId) + QStringLiteral("/events"));
}

Expected<Page<JobEvent>> TogetherDialect::parseEvents(const HttpAnswer &answer) const
{
    const auto data = listData(answer, tr("the job's events"));
    if (!data.ok())
        return data.error();
    Page<JobEvent> page;
    for (const QJsonValue &item : data.value()) {
        const QJsonObject object = item.toObject();
        JobEvent event;
        event.createdAt = timeFromJson(object.value(QLatin1String("created_at")));
        event.level = eventLevel(object.value(QLatin1String("level")));
        event.message = text(object, QLatin1String("message"));
        event.type = text(object, QLatin1String("type"));
        for (const QLatin1String key :
                {QLatin1String("step"), QLatin1String("total_steps"), QLatin1String("token_count"),
                        QLatin1String("param_count"), QLatin1String("checkpoint_path"),
                        QLatin1String("model_path"), QLatin1String("wandb_url")}) {
            const QJsonValue value = object.value(key);
            if (!value.isNull() && !value.isUndefined()
                    && !(value.isString() && value.toString().isEmpty()))
                event.data.insert(key, value);
        }
        // Together's events have no id: its hash when given, else what makes the event itself.
        event.id = text(object, QLatin1String("hash"));
        if (event.id.isEmpty())
            event.id = QStringLiteral("%1|%2|%3|%4")
                               .arg(text(object, QLatin1String("created_at")), event.type)
                               .arg(integer(object, QLatin1String("step")).value_or(-1))
                               .arg(event.message);
        page.data.append(event);
    }
    return withEnds(std::move(page));
}

Expected<HttpCall> TogetherDialect::listCheckpoints(const QString &jobId) const
{
    return plainCall(
            "GET", kFineTunes + encodedPathSegment(jobId) + QStringLiteral("/checkpoints"));
}

Expected<Page<Checkpoint>> TogetherDialect::parseCheckpoints(
        const HttpAnswer &answer, const QString &jobId) const
{
    const auto data = listData(answer, tr("the job's checkpoints"));
    if (!data.ok())
        return data.error();
    Page<Checkpoint> page;
    for (const QJsonValue &item : data.value()) {
        const QJsonObject object = item.toObject();
        Checkpoint checkpoint;
        checkpoint.jobId = jobId;
        checkpoint.stepNumber = integer(object, QLatin1String("step")).value_or(0);
        checkpoint.createdAt = timeFromJson(object.value(QLatin1String("created_at")));
        checkpoint.kind = text(object, QLatin1String("checkpoint_type"));
        checkpoint.fineTunedModelCheckpoint = text(object, QLatin1String("path"));
        // Together names a checkpoint "<job id>:<step>" (as from_checkpoint takes it).
        checkpoint.id = checkpoint.stepNumber > 0
                ? QStringLiteral("%1:%2").arg(jobId).arg(checkpoint.stepNumber)
                : jobId;
        page.data.append(checkpoint);
    }
    return withEnds(std::move(page));
}

Expected<HttpCall> TogetherDialect::listMetrics(const QString &jobId, int fromStep) const
{
    // The spec puts the step range in a JSON body of this GET; Together's Python client sends
    // it as query parameters. Both are sent, so either reading gets only the new steps.
    const int from = std::max(fromStep, 0);
    HttpCall call =
            jsonCall("GET", kFineTunes + encodedPathSegment(jobId) + QStringLiteral("/metrics"),
                    QJsonObject {{QLatin1String("global_step_from"), from}});
    call.query = {{QStringLiteral("global_step_from"), QString::number(from)}};
    return call;
}

Expected<MetricsPage> TogetherDialect::parseMetrics(const HttpAnswer &answer, int fromStep) const
{
    const auto object = answerObject(answer, tr("the training metrics"));
    if (!object.ok())
        return object.error();
    const auto metrics = objectArray(object.value(), QLatin1String("metrics"),
            tr("Together AI sent the training metrics in a form this app does not know."),
            tr("Together AI sent a training metric this app cannot read."));
    if (!metrics.ok())
        return metrics.error();
    QList<QJsonObject> entries;
    for (const QJsonValue &item : metrics.value())
        entries.append(item.toObject());
    return metricsByStep(entries, fromStep, kMetricEntries);
}

Expected<HttpCall> TogetherDialect::estimatePrice(const CreateJobRequest &request) const
{
    auto body = trainingBody(request);
    if (!body.ok())
        return body.error();
    return jsonCall("POST", QStringLiteral("/fine-tunes/estimate-price"), body.value());
}

Expected<PriceEstimate> TogetherDialect::parsePriceEstimate(const HttpAnswer &answer) const
{
    const auto object = answerObject(answer, tr("a price estimate"));
    if (!object.ok())
        return object.error();
    const QJsonObject &json = object.value();
    PriceEstimate estimate;
    estimate.estimatedCost = number(json, QLatin1String("estimated_total_price"));
    if (!estimate.estimatedCost)
        return unexpected(tr("Together AI's price estimate holds no price."));
    estimate.trainTokens = integer(json, QLatin1String("estimated_train_token_count"));
    estimate.evalTokens = integer(json, QLatin1String("estimated_eval_token_count"));
    estimate.accountLimit = number(json, QLatin1String("user_limit"));
    estimate.allowed = json.value(QLatin1String("allowed_to_proceed")).toBool(true);
    estimate.raw = json;
    return estimate;
}

// ---- models --------------------------------------------------------------------------------

Expected<HttpCall> TogetherDialect::listModels() const
{
    HttpCall call = plainCall("GET", QStringLiteral("/models"));
    call.expectJson = false; // a bare array: parseModelList() checks the shape
    return call;
}

Expected<QList<ModelObject>> TogetherDialect::parseModelList(const HttpAnswer &answer) const
{
    // ModelInfoList: a bare array of {id, object: "model", created, type, organization, …}.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isArray())
        return unexpected(tr("The server answered, but not with Together AI's list of models."));
    QList<ModelObject> list;
    const QJsonArray items = document.array();
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        const QString id = object.value(QLatin1String("id")).toString();
        if (id.isEmpty())
            return unexpected(tr("Together AI listed a model without a name."));
        ModelObject model;
        model.id = id;
        model.created = object.value(QLatin1String("created")).toInteger();
        model.ownedBy = object.value(QLatin1String("organization")).toString();
        if (model.ownedBy.isEmpty())
            model.ownedBy = id.section(QLatin1Char('/'), 0, 0);
        list.append(model);
    }
    return list;
}

Expected<HttpCall> TogetherDialect::listBaseModels() const
{
    return plainCall("GET", QStringLiteral("/fine-tunes/models/supported"));
}

Expected<QList<ModelObject>> TogetherDialect::parseModels(const HttpAnswer &answer) const
{
    const auto object = answerObject(answer, tr("the models"));
    if (!object.ok())
        return object.error();
    const QJsonValue models = object.value().value(QLatin1String("models"));
    if (!models.isArray())
        return unexpected(tr("Together AI sent the list of models in a form this app does not "
                             "know."));
    QList<ModelObject> list;
    for (const QJsonValue &item : models.toArray()) {
        if (!item.isString() || item.toString().isEmpty())
            return unexpected(tr("Together AI listed a model without a name."));
        ModelObject model;
        model.id = item.toString();
        model.ownedBy = model.id.section(QLatin1Char('/'), 0, 0);
        list.append(model);
    }
    return list;
}

Expected<HttpCall> TogetherDialect::modelLimits(const QString &model) const
{
    return plainCall("GET", QStringLiteral("/fine-tunes/models/limits"),
            {{QStringLiteral("model_name"), model}});
}

Expected<ModelLimits> TogetherDialect::parseModelLimits(const HttpAnswer &answer) const
{
    const auto object = answerObject(answer, tr("a model's limits"));
    if (!object.ok())
        return object.error();
    const QJsonObject &json = object.value();
    ModelLimits limits;
    limits.model = text(json, QLatin1String("model_name"));
    if (limits.model.isEmpty())
        return unexpected(tr("Together AI sent limits without saying for which model."));
    limits.maxEpochs = smallInteger(json, QLatin1String("max_num_epochs"));
    limits.maxEvals = smallInteger(json, QLatin1String("max_num_evals"));
    limits.minLearningRate = number(json, QLatin1String("min_learning_rate"));
    limits.maxLearningRate = number(json, QLatin1String("max_learning_rate"));
    const QJsonValue full = json.value(QLatin1String("full_training"));
    const QJsonValue lora = json.value(QLatin1String("lora_training"));
    limits.supportsFullTraining = full.isObject();
    limits.supportsLora = lora.isObject();
    const QJsonObject batches = limits.supportsLora ? lora.toObject() : full.toObject();
    limits.minBatchSize = smallInteger(batches, QLatin1String("min_batch_size"));
    limits.maxBatchSize = smallInteger(batches, QLatin1String("max_batch_size"));
    limits.maxBatchSizeDpo = smallInteger(batches, QLatin1String("max_batch_size_dpo"));
    limits.maxLoraRank = smallInteger(lora.toObject(), QLatin1String("max_rank"));
    limits.raw = json;
    return limits;
}

// ---- deployments (Together's dedicated endpoints) ------------------------------------------

Expected<HttpCall> TogetherDialect::listHardware(const QString &model) const
{
    QList<QPair<QString, QString>> query;
    if (!model.isEmpty())
        query.append({QStringLiteral("model"), model});
    return plainCall("GET", QStringLiteral("/hardware"), query);
}

Expected<QList<HardwareOption>> TogetherDialect::parseHardware(const HttpAnswer &answer) const
{
    const auto data = listData(answer, tr("the list of hardware"));
    if (!data.ok())
        return data.error();
    QList<HardwareOption> list;
    for (const QJsonValue &item : data.value()) {
        const QJsonObject object = item.toObject();
        HardwareOption option;
        option.id = text(object, QLatin1String("id"));
        if (option.id.isEmpty())
            return unexpected(tr("Together AI listed hardware without its id."));
        option.name = hardwareName(object.value(QLatin1String("specs")).toObject(), option.id);
        const auto centsPerMinute = number(object.value(QLatin1String("pricing")).toObject(),
                QLatin1String("cents_per_minute"));
        if (centsPerMinute)
            option.pricePerHour = *centsPerMinute * 60.0 / 100.0;
        option.availabilityText = text(
                object.value(QLatin1String("availability")).toObject(), QLatin1String("status"));
        if (option.availabilityText == QLatin1String("available"))
            option.availability = HardwareOption::Availability::Available;
        else if (option.availabilityText == QLatin1String("unavailable"))
            option.availability = HardwareOption::Availability::Unavailable;
        else if (option.availabilityText == QLatin1String("insufficient"))
            option.availability = HardwareOption::Availability::Insufficient;
        option.raw = object;
        list.append(option);
    }
    return list;
}

Expected<HttpCall> TogetherDialect::createDeployment(const DeploymentRequest &request) const
{
    if (request.model.isEmpty() || request.hardware.isEmpty())
        return invalidRequest(tr("Choose the model and the hardware to deploy it on."));
    QJsonObject body {{QLatin1String("model"), request.model},
            {QLatin1String("hardware"), request.hardware},
            {QLatin1String("autoscaling"),
                    QJsonObject {{QLatin1String("min_replicas"), request.minReplicas},
                            {QLatin1String("max_replicas"), request.maxReplicas}}}};
    if (!request.displayName.isEmpty())
        body.insert(QLatin1String("display_name"), request.displayName);
    if (request.inactiveTimeoutMinutes)
        body.insert(QLatin1String("inactive_timeout"), *request.inactiveTimeoutMinutes);
    return jsonCall("POST", QStringLiteral("/endpoints"), body);
}

Expected<Deployment> TogetherDialect::deploymentFromJson(const QJsonObject &object) const
{
    Deployment deployment;
    deployment.id = text(object, QLatin1String("id"));
    if (deployment.id.isEmpty())
        return unexpected(tr("Together AI described an endpoint without its id."));
    deployment.name = text(object, QLatin1String("name"));
    deployment.displayName = text(object, QLatin1String("display_name"));
    deployment.model = text(object, QLatin1String("model"));
    deployment.hardware = text(object, QLatin1String("hardware"));
    deployment.stateText = text(object, QLatin1String("state"));
    deployment.state = deploymentState(deployment.stateText);
    deployment.createdAt = timeFromJson(object.value(QLatin1String("created_at")));
    deployment.inactiveTimeoutMinutes = smallInteger(object, QLatin1String("inactive_timeout"));
    deployment.raw = object;
    return deployment;
}

Expected<Deployment> TogetherDialect::parseDeployment(const HttpAnswer &answer) const
{
    return readAnswer<Deployment>(answer, tr("an endpoint"),
            [this](const QJsonObject &object) { return deploymentFromJson(object); });
}

Expected<HttpCall> TogetherDialect::retrieveDeployment(const QString &deploymentId) const
{
    return plainCall("GET", kEndpoints + encodedPathSegment(deploymentId));
}

Expected<HttpCall> TogetherDialect::listDeployments() const
{
    // Only this account's dedicated endpoints: serverless ones neither bill by the minute nor
    // can be stopped.
    return plainCall("GET", QStringLiteral("/endpoints"),
            {{QStringLiteral("type"), QStringLiteral("dedicated")},
                    {QStringLiteral("mine"), QStringLiteral("true")}});
}

Expected<QList<Deployment>> TogetherDialect::parseDeployments(const HttpAnswer &answer) const
{
    const auto data = listData(answer, tr("the list of endpoints"));
    if (!data.ok())
        return data.error();
    return readEach<Deployment>(
            data.value(), [this](const QJsonObject &object) { return deploymentFromJson(object); });
}

Expected<HttpCall> TogetherDialect::deleteDeployment(const QString &deploymentId) const
{
    HttpCall call = plainCall("DELETE", kEndpoints + encodedPathSegment(deploymentId));
    call.expectJson = false; // 204 without a body
    return call;
}

// ---- chat ----------------------------------------------------------------------------------

Expected<HttpCall> TogetherDialect::chat(const ChatRequest &request, bool stream) const
{
    return maxTokensChatCall(QStringLiteral("/chat/completions"), request, stream);
}

Expected<ChatCompletion> TogetherDialect::parseChat(const HttpAnswer &answer) const
{
    return chatAnswer(answer, tr("Together AI's answer holds no reply."));
}

} // namespace fs
