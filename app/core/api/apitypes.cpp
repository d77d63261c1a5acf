// SPDX-License-Identifier: GPL-3.0-or-later
#include "apitypes.h"

#include "modelregistry.h"

#include <QJsonValue>
#include <cmath>

namespace fs {

namespace {

QString text(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

// Some compatible servers send numbers as strings; both are accepted.
std::optional<qint64> optionalInteger(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble())
        return value.toInteger();
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

qint64 integer(const QJsonObject &object, QLatin1String key)
{
    return optionalInteger(object, key).value_or(0);
}

QMap<QString, QString> stringMap(const QJsonValue &value)
{
    QMap<QString, QString> map;
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        map.insert(it.key(), it.value().toVariant().toString());
    return map;
}

template<typename T>
Page<T> parsePage(const QJsonObject &object)
{
    Page<T> page;
    const QJsonArray data = object.value(QLatin1String("data")).toArray();
    page.data.reserve(data.size());
    for (const QJsonValue &item : data) {
        if (item.isObject())
            page.data.append(T::fromJson(item.toObject()));
    }
    page.hasMore = object.value(QLatin1String("has_more")).toBool(false);
    page.firstId = text(object, QLatin1String("first_id"));
    page.lastId = text(object, QLatin1String("last_id"));
    if (page.firstId.isEmpty() && !page.data.isEmpty())
        page.firstId = page.data.constFirst().id;
    if (page.lastId.isEmpty() && !page.data.isEmpty())
        page.lastId = page.data.constLast().id;
    return page;
}

} // namespace

FileObject FileObject::fromJson(const QJsonObject &object)
{
    FileObject file;
    file.id = text(object, QLatin1String("id"));
    file.bytes = integer(object, QLatin1String("bytes"));
    file.createdAt = integer(object, QLatin1String("created_at"));
    file.expiresAt = optionalInteger(object, QLatin1String("expires_at"));
    file.filename = text(object, QLatin1String("filename"));
    file.purpose = text(object, QLatin1String("purpose"));
    file.status = text(object, QLatin1String("status"));
    file.statusDetails = text(object, QLatin1String("status_details"));
    file.raw = object;
    return file;
}

DeletedObject DeletedObject::fromJson(const QJsonObject &object)
{
    DeletedObject deleted;
    deleted.id = text(object, QLatin1String("id"));
    deleted.object = text(object, QLatin1String("object"));
    deleted.deleted = object.value(QLatin1String("deleted")).toBool(false);
    return deleted;
}

UploadObject UploadObject::fromJson(const QJsonObject &object)
{
    UploadObject upload;
    upload.id = text(object, QLatin1String("id"));
    upload.bytes = integer(object, QLatin1String("bytes"));
    upload.createdAt = integer(object, QLatin1String("created_at"));
    upload.expiresAt = integer(object, QLatin1String("expires_at"));
    upload.filename = text(object, QLatin1String("filename"));
    upload.purpose = text(object, QLatin1String("purpose"));
    upload.status = text(object, QLatin1String("status"));
    const QJsonValue file = object.value(QLatin1String("file"));
    if (file.isObject() && !file.toObject().isEmpty())
        upload.file = FileObject::fromJson(file.toObject());
    upload.raw = object;
    return upload;
}

UploadPart UploadPart::fromJson(const QJsonObject &object)
{
    UploadPart part;
    part.id = text(object, QLatin1String("id"));
    part.uploadId = text(object, QLatin1String("upload_id"));
    part.createdAt = integer(object, QLatin1String("created_at"));
    return part;
}

Hyperparameter Hyperparameter::fromJson(const QJsonValue &value)
{
    Hyperparameter parameter;
    if (value.isDouble()) {
        parameter.isAuto = false;
        parameter.value = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        const double number = value.toString().toDouble(&ok);
        if (ok) {
            parameter.isAuto = false;
            parameter.value = number;
        }
    }
    return parameter; // "auto", null and missing all mean "let the service choose"
}

QJsonValue Hyperparameter::toJson() const
{
    if (isAuto)
        return QStringLiteral("auto");
    // batch_size and n_epochs are integers in the spec; keep whole numbers integral.
    if (std::floor(value) == value && std::abs(value) < 9.0e15)
        return QJsonValue(static_cast<qint64>(value));
    return value;
}

Hyperparameters Hyperparameters::fromJson(const QJsonObject &object)
{
    Hyperparameters parameters;
    parameters.batchSize = Hyperparameter::fromJson(object.value(QLatin1String("batch_size")));
    parameters.learningRateMultiplier =
            Hyperparameter::fromJson(object.value(QLatin1String("learning_rate_multiplier")));
    parameters.nEpochs = Hyperparameter::fromJson(object.value(QLatin1String("n_epochs")));
    parameters.beta = Hyperparameter::fromJson(object.value(QLatin1String("beta")));
    return parameters;
}

FineTuningJob::Status FineTuningJob::statusFromString(const QString &text)
{
    static const QList<QPair<QLatin1String, Status>> table = {
            {QLatin1String("validating_files"), Status::ValidatingFiles},
            {QLatin1String("queued"), Status::Queued},
            {QLatin1String("running"), Status::Running},
            {QLatin1String("paused"), Status::Paused},
            {QLatin1String("succeeded"), Status::Succeeded},
            {QLatin1String("failed"), Status::Failed},
            {QLatin1String("cancelled"), Status::Cancelled},
            // very old servers and clients
            {QLatin1String("created"), Status::Queued},
            {QLatin1String("pending"), Status::Queued},
    };
    for (const auto &entry : table) {
        if (text == entry.first)
            return entry.second;
    }
    return Status::Unknown;
}

QString FineTuningJob::statusToString(Status status)
{
    switch (status) {
    case Status::ValidatingFiles:
        return QStringLiteral("validating_files");
    case Status::Queued:
        return QStringLiteral("queued");
    case Status::Running:
        return QStringLiteral("running");
    case Status::Paused:
        return QStringLiteral("paused");
    case Status::Succeeded:
        return QStringLiteral("succeeded");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    case Status::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

FineTuningJob FineTuningJob::fromJson(const QJsonObject &object)
{
    FineTuningJob job;
    job.id = text(object, QLatin1String("id"));
    job.createdAt = integer(object, QLatin1String("created_at"));
    job.finishedAt = optionalInteger(object, QLatin1String("finished_at"));
    job.model = text(object, QLatin1String("model"));
    job.fineTunedModel = text(object, QLatin1String("fine_tuned_model"));
    job.organizationId = text(object, QLatin1String("organization_id"));
    job.statusText = text(object, QLatin1String("status"));
    job.status = statusFromString(job.statusText);
    job.trainingFile = text(object, QLatin1String("training_file"));
    job.validationFile = text(object, QLatin1String("validation_file"));
    const QJsonArray results = object.value(QLatin1String("result_files")).toArray();
    for (const QJsonValue &value : results) {
        if (value.isString())
            job.resultFiles.append(value.toString());
    }
    job.trainedTokens = optionalInteger(object, QLatin1String("trained_tokens"));

    // method.<type>.hyperparameters holds the resolved values for every method; the top-level
    // field is deprecated and null for DPO and some failed jobs.
    const QJsonObject method = object.value(QLatin1String("method")).toObject();
    job.methodType = text(method, QLatin1String("type"));
    if (job.methodType.isEmpty())
        job.methodType = QStringLiteral("supervised");
    const QJsonValue methodParameters =
            method.value(job.methodType).toObject().value(QLatin1String("hyperparameters"));
    const QJsonValue topParameters = object.value(QLatin1String("hyperparameters"));
    if (methodParameters.isObject())
        job.hyperparameters = Hyperparameters::fromJson(methodParameters.toObject());
    else if (topParameters.isObject())
        job.hyperparameters = Hyperparameters::fromJson(topParameters.toObject());

    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject()) {
        const QJsonObject errorObject = error.toObject();
        JobError jobError;
        jobError.code = text(errorObject, QLatin1String("code"));
        jobError.message = text(errorObject, QLatin1String("message"));
        jobError.param = text(errorObject, QLatin1String("param"));
        if (!jobError.isEmpty())
            job.error = jobError;
    }

    job.seed = optionalInteger(object, QLatin1String("seed"));
    job.estimatedFinish = optionalInteger(object, QLatin1String("estimated_finish"));
    if (job.estimatedFinish && *job.estimatedFinish == 0)
        job.estimatedFinish.reset();
    job.suffix = text(object, QLatin1String("user_provided_suffix"));
    job.metadata = stringMap(object.value(QLatin1String("metadata")));
    job.raw = object;
    return job;
}

JobEvent JobEvent::fromJson(const QJsonObject &object)
{
    JobEvent event;
    event.id = text(object, QLatin1String("id"));
    event.createdAt = integer(object, QLatin1String("created_at"));
    event.level = text(object, QLatin1String("level"));
    event.message = text(object, QLatin1String("message"));
    event.type = text(object, QLatin1String("type"));
    event.data = object.value(QLatin1String("data")).toObject();
    return event;
}

Checkpoint Checkpoint::fromJson(const QJsonObject &object)
{
    Checkpoint checkpoint;
    checkpoint.id = text(object, QLatin1String("id"));
    checkpoint.createdAt = integer(object, QLatin1String("created_at"));
    checkpoint.fineTunedModelCheckpoint =
            text(object, QLatin1String("fine_tuned_model_checkpoint"));
    checkpoint.stepNumber = integer(object, QLatin1String("step_number"));
    checkpoint.jobId = text(object, QLatin1String("fine_tuning_job_id"));
    const QJsonObject metrics = object.value(QLatin1String("metrics")).toObject();
    for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it) {
        if (it.value().isDouble())
            checkpoint.metrics.insert(it.key(), it.value().toDouble());
    }
    return checkpoint;
}

bool ModelObject::isFineTuned() const
{
    return ModelRegistry::isFineTuned(id);
}

ModelObject ModelObject::fromJson(const QJsonObject &object)
{
    ModelObject model;
    model.id = text(object, QLatin1String("id"));
    model.created = integer(object, QLatin1String("created"));
    model.ownedBy = text(object, QLatin1String("owned_by"));
    model.shutdownDate = text(object, QLatin1String("shutdown_date"));
    return model;
}

Page<FileObject> parseFilePage(const QJsonObject &object)
{
    return parsePage<FileObject>(object);
}

Page<FineTuningJob> parseJobPage(const QJsonObject &object)
{
    return parsePage<FineTuningJob>(object);
}

Page<JobEvent> parseEventPage(const QJsonObject &object)
{
    return parsePage<JobEvent>(object);
}

Page<Checkpoint> parseCheckpointPage(const QJsonObject &object)
{
    return parsePage<Checkpoint>(object);
}

Page<ModelObject> parseModelPage(const QJsonObject &object)
{
    return parsePage<ModelObject>(object);
}

QJsonObject CreateUploadRequest::toJson() const
{
    QJsonObject object;
    object.insert(QLatin1String("filename"), filename);
    object.insert(QLatin1String("purpose"), purpose);
    object.insert(QLatin1String("bytes"), bytes);
    object.insert(QLatin1String("mime_type"), mimeType);
    return object;
}

QJsonObject CreateJobRequest::toJson() const
{
    QJsonObject object;
    object.insert(QLatin1String("model"), model);
    object.insert(QLatin1String("training_file"), trainingFile);
    if (!validationFile.isEmpty())
        object.insert(QLatin1String("validation_file"), validationFile);
    if (!suffix.isEmpty())
        object.insert(QLatin1String("suffix"), suffix);
    if (seed)
        object.insert(QLatin1String("seed"), *seed);

    // Hyperparameters travel inside `method` (the top-level field is deprecated); values left on
    // "auto" are omitted so the service chooses them.
    const QString type = methodType.isEmpty() ? QStringLiteral("supervised") : methodType;
    QJsonObject parameters;
    const auto add = [&parameters](QLatin1String key, const Hyperparameter &parameter) {
        if (!parameter.isAuto)
            parameters.insert(key, parameter.toJson());
    };
    add(QLatin1String("batch_size"), hyperparameters.batchSize);
    add(QLatin1String("learning_rate_multiplier"), hyperparameters.learningRateMultiplier);
    add(QLatin1String("n_epochs"), hyperparameters.nEpochs);
    if (type == QLatin1String("dpo"))
        add(QLatin1String("beta"), hyperparameters.beta);
    QJsonObject method;
    method.insert(QLatin1String("type"), type);
    if (!parameters.isEmpty())
        method.insert(type, QJsonObject {{QLatin1String("hyperparameters"), parameters}});
    object.insert(QLatin1String("method"), method);

    if (!metadata.isEmpty()) {
        QJsonObject map;
        for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it)
            map.insert(it.key(), it.value());
        object.insert(QLatin1String("metadata"), map);
    }
    return object;
}

QJsonObject ChatRequest::toJson(bool stream) const
{
    QJsonObject object;
    object.insert(QLatin1String("model"), model);
    QJsonArray list;
    for (const ChatMessage &message : messages) {
        list.append(QJsonObject {{QLatin1String("role"), message.role},
                {QLatin1String("content"), message.content}});
    }
    object.insert(QLatin1String("messages"), list);
    if (temperature)
        object.insert(QLatin1String("temperature"), *temperature);
    if (topP)
        object.insert(QLatin1String("top_p"), *topP);
    if (maxCompletionTokens)
        object.insert(QLatin1String("max_completion_tokens"), *maxCompletionTokens);
    if (seed)
        object.insert(QLatin1String("seed"), *seed);
    if (stream) {
        object.insert(QLatin1String("stream"), true);
        object.insert(QLatin1String("stream_options"),
                QJsonObject {{QLatin1String("include_usage"), true}});
    }
    return object;
}

Usage Usage::fromJson(const QJsonObject &object)
{
    Usage usage;
    usage.promptTokens = integer(object, QLatin1String("prompt_tokens"));
    usage.completionTokens = integer(object, QLatin1String("completion_tokens"));
    usage.totalTokens = integer(object, QLatin1String("total_tokens"));
    if (usage.totalTokens == 0)
        usage.totalTokens = usage.promptTokens + usage.completionTokens;
    return usage;
}

ChatCompletion ChatCompletion::fromJson(const QJsonObject &object)
{
    ChatCompletion completion;
    completion.id = text(object, QLatin1String("id"));
    completion.model = text(object, QLatin1String("model"));
    const QJsonArray choices = object.value(QLatin1String("choices")).toArray();
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        completion.content =
                text(choice.value(QLatin1String("message")).toObject(), QLatin1String("content"));
        completion.finishReason = text(choice, QLatin1String("finish_reason"));
    }
    const QJsonValue usage = object.value(QLatin1String("usage"));
    if (usage.isObject())
        completion.usage = Usage::fromJson(usage.toObject());
    return completion;
}

} // namespace fs
