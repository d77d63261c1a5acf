// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxstate.h"

namespace fs::sandbox::state {

namespace {

QJsonValue optionalInt(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

std::optional<qint64> readOptionalInt(const QJsonValue &value)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    return std::nullopt;
}

qint64 readInt(const QJsonObject &o, const char *name)
{
    return qint64(o.value(QLatin1String(name)).toDouble());
}

QString readText(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString();
}

QJsonArray pairsToJson(const QList<TrainingPair> &pairs)
{
    QJsonArray array;
    for (const TrainingPair &pair : pairs)
        array.append(QJsonArray {pair.prompt, pair.reply});
    return array;
}

QList<TrainingPair> pairsFromJson(const QJsonArray &array)
{
    QList<TrainingPair> pairs;
    for (const QJsonValue &value : array) {
        const QJsonArray pair = value.toArray();
        pairs.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return pairs;
}

QJsonObject curveToJson(const CurveInputs &c)
{
    return QJsonObject {{QStringLiteral("seed"), QString::number(c.seed)},
            {QStringLiteral("examples"), c.examples},
            {QStringLiteral("vocabulary"), c.vocabularySize},
            {QStringLiteral("mean_tokens"), c.meanExampleTokens},
            {QStringLiteral("has_validation"), c.hasValidation},
            {QStringLiteral("n_epochs"), c.plan.nEpochs},
            {QStringLiteral("batch_size"), c.plan.batchSize},
            {QStringLiteral("lr"), c.plan.learningRateMultiplier},
            {QStringLiteral("beta"), c.plan.beta},
            {QStringLiteral("steps_per_epoch"), c.plan.stepsPerEpoch},
            {QStringLiteral("total_steps"), c.plan.totalSteps}};
}

CurveInputs curveFromJson(const QJsonObject &c)
{
    CurveInputs curve;
    curve.seed = readText(c, "seed").toULongLong();
    curve.examples = c.value(QLatin1String("examples")).toInt();
    curve.vocabularySize = c.value(QLatin1String("vocabulary")).toInt();
    curve.meanExampleTokens = c.value(QLatin1String("mean_tokens")).toDouble();
    curve.hasValidation = c.value(QLatin1String("has_validation")).toBool();
    curve.plan.nEpochs = c.value(QLatin1String("n_epochs")).toInt(1);
    curve.plan.batchSize = c.value(QLatin1String("batch_size")).toInt(1);
    curve.plan.learningRateMultiplier = c.value(QLatin1String("lr")).toDouble(1.8);
    curve.plan.beta = c.value(QLatin1String("beta")).toDouble(0.1);
    curve.plan.stepsPerEpoch = c.value(QLatin1String("steps_per_epoch")).toInt(1);
    curve.plan.totalSteps = c.value(QLatin1String("total_steps")).toInt(1);
    return curve;
}

QJsonArray eventsToJson(const QList<JobEventRecord> &events)
{
    QJsonArray array;
    for (const JobEventRecord &e : events)
        array.append(QJsonObject {{QStringLiteral("id"), e.id},
                {QStringLiteral("created_at"), e.createdAt}, {QStringLiteral("level"), e.level},
                {QStringLiteral("message"), e.message}, {QStringLiteral("type"), e.type},
                {QStringLiteral("data"), e.data}});
    return array;
}

QList<JobEventRecord> eventsFromJson(const QJsonArray &array)
{
    QList<JobEventRecord> events;
    for (const QJsonValue &value : array) {
        const QJsonObject e = value.toObject();
        events.append({readText(e, "id"), readInt(e, "created_at"), readText(e, "level"),
                readText(e, "message"), readText(e, "type"),
                e.value(QLatin1String("data")).toObject()});
    }
    return events;
}

QJsonArray checkpointsToJson(const QList<CheckpointRecord> &checkpoints)
{
    QJsonArray array;
    for (const CheckpointRecord &c : checkpoints)
        array.append(QJsonObject {{QStringLiteral("id"), c.id},
                {QStringLiteral("created_at"), c.createdAt}, {QStringLiteral("model"), c.model},
                {QStringLiteral("step"), c.step}, {QStringLiteral("metrics"), c.metrics}});
    return array;
}

QList<CheckpointRecord> checkpointsFromJson(const QJsonArray &array)
{
    QList<CheckpointRecord> checkpoints;
    for (const QJsonValue &value : array) {
        const QJsonObject c = value.toObject();
        checkpoints.append({readText(c, "id"), readInt(c, "created_at"), readText(c, "model"),
                c.value(QLatin1String("step")).toInt(),
                c.value(QLatin1String("metrics")).toObject()});
    }
    return checkpoints;
}

} // namespace

QJsonObject toJson(const StoredFile &file)
{
    QJsonObject o {{QStringLiteral("id"), file.id}, {QStringLiteral("bytes"), file.bytes},
            {QStringLiteral("created_at"), file.createdAt},
            {QStringLiteral("expires_at"), optionalInt(file.expiresAt)},
            {QStringLiteral("filename"), file.filename}, {QStringLiteral("purpose"), file.purpose},
            {QStringLiteral("seq"), file.seq}};
    if (!file.processingError.isEmpty())
        o.insert(QStringLiteral("processing_error"), file.processingError);
    if (!file.dialect.isEmpty())
        o.insert(QStringLiteral("dialect"), file.dialect);
    return o;
}

StoredFile fileFromJson(const QJsonObject &o)
{
    StoredFile file;
    file.id = readText(o, "id");
    file.bytes = readInt(o, "bytes");
    file.createdAt = readInt(o, "created_at");
    file.expiresAt = readOptionalInt(o.value(QLatin1String("expires_at")));
    file.filename = readText(o, "filename");
    file.purpose = readText(o, "purpose");
    file.seq = readInt(o, "seq");
    file.processingError = readText(o, "processing_error");
    file.dialect = readText(o, "dialect");
    return file;
}

QJsonObject toJson(const StoredUpload &upload)
{
    QJsonArray parts;
    for (const StoredPart &part : upload.parts)
        parts.append(QJsonObject {{QStringLiteral("id"), part.id},
                {QStringLiteral("created_at"), part.createdAt},
                {QStringLiteral("size"), part.size}});
    return QJsonObject {{QStringLiteral("id"), upload.id},
            {QStringLiteral("filename"), upload.filename},
            {QStringLiteral("purpose"), upload.purpose},
            {QStringLiteral("mime_type"), upload.mimeType}, {QStringLiteral("bytes"), upload.bytes},
            {QStringLiteral("created_at"), upload.createdAt},
            {QStringLiteral("expires_at"), upload.expiresAt},
            {QStringLiteral("status"), upload.status}, {QStringLiteral("file_id"), upload.fileId},
            {QStringLiteral("parts"), parts}};
}

StoredUpload uploadFromJson(const QJsonObject &o)
{
    StoredUpload upload;
    upload.id = readText(o, "id");
    upload.filename = readText(o, "filename");
    upload.purpose = readText(o, "purpose");
    upload.mimeType = readText(o, "mime_type");
    upload.bytes = readInt(o, "bytes");
    upload.createdAt = readInt(o, "created_at");
    upload.expiresAt = readInt(o, "expires_at");
    upload.status = readText(o, "status");
    upload.fileId = readText(o, "file_id");
    const QJsonArray parts = o.value(QLatin1String("parts")).toArray();
    for (const QJsonValue &p : parts) {
        const QJsonObject po = p.toObject();
        upload.parts.append(
                {readText(po, "id"), readInt(po, "created_at"), readInt(po, "size"), {}});
    }
    return upload;
}

QJsonObject toJson(const StoredJob &job)
{
    return QJsonObject {{QStringLiteral("id"), job.id},
            {QStringLiteral("created_at"), job.createdAt}, {QStringLiteral("seq"), job.seq},
            {QStringLiteral("model"), job.model},
            {QStringLiteral("training_file"), job.trainingFile},
            {QStringLiteral("validation_file"), job.validationFile},
            {QStringLiteral("suffix"), job.suffix}, {QStringLiteral("seed"), job.seed},
            {QStringLiteral("method"), job.method},
            {QStringLiteral("requested_hyperparameters"), job.requestedHyperparameters},
            {QStringLiteral("metadata"), job.metadata}, {QStringLiteral("status"), job.status},
            {QStringLiteral("status_before_pause"), job.statusBeforePause},
            {QStringLiteral("error_code"), job.errorCode},
            {QStringLiteral("error_message"), job.errorMessage},
            {QStringLiteral("error_param"), job.errorParam},
            {QStringLiteral("finished_at"), optionalInt(job.finishedAt)},
            {QStringLiteral("planned_model"), job.plannedModel},
            {QStringLiteral("model_published"), job.modelPublished},
            {QStringLiteral("result_files"), QJsonArray::fromStringList(job.resultFiles)},
            {QStringLiteral("trained_tokens"), optionalInt(job.trainedTokens)},
            {QStringLiteral("resolved"), job.resolved},
            {QStringLiteral("curve"), curveToJson(job.curve)},
            {QStringLiteral("tokens_per_epoch"), job.tokensPerEpoch},
            {QStringLiteral("phase_elapsed"), job.phaseElapsed},
            {QStringLiteral("steps_done"), job.stepsDone},
            {QStringLiteral("pairs"), pairsToJson(job.pairs)},
            {QStringLiteral("events"), eventsToJson(job.events)},
            {QStringLiteral("checkpoints"), checkpointsToJson(job.checkpoints)},
            {QStringLiteral("dialect"), job.dialect},
            {QStringLiteral("provider_settings"), job.providerSettings}};
}

StoredJob jobFromJson(const QJsonObject &o)
{
    StoredJob job;
    job.id = readText(o, "id");
    job.createdAt = readInt(o, "created_at");
    job.seq = readInt(o, "seq");
    job.model = readText(o, "model");
    job.trainingFile = readText(o, "training_file");
    job.validationFile = readText(o, "validation_file");
    job.suffix = readText(o, "suffix");
    job.seed = readInt(o, "seed");
    job.method = readText(o, "method");
    job.requestedHyperparameters = o.value(QLatin1String("requested_hyperparameters")).toObject();
    job.metadata = o.value(QLatin1String("metadata"));
    job.status = readText(o, "status");
    job.statusBeforePause = readText(o, "status_before_pause");
    job.errorCode = readText(o, "error_code");
    job.errorMessage = readText(o, "error_message");
    job.errorParam = readText(o, "error_param");
    job.finishedAt = readOptionalInt(o.value(QLatin1String("finished_at")));
    job.plannedModel = readText(o, "planned_model");
    job.modelPublished = o.value(QLatin1String("model_published")).toBool();
    const QJsonArray results = o.value(QLatin1String("result_files")).toArray();
    for (const QJsonValue &r : results)
        job.resultFiles << r.toString();
    job.trainedTokens = readOptionalInt(o.value(QLatin1String("trained_tokens")));
    job.resolved = o.value(QLatin1String("resolved")).toBool();
    job.curve = curveFromJson(o.value(QLatin1String("curve")).toObject());
    job.tokensPerEpoch = readInt(o, "tokens_per_epoch");
    job.phaseElapsed = o.value(QLatin1String("phase_elapsed")).toDouble();
    job.stepsDone = o.value(QLatin1String("steps_done")).toInt();
    job.pairs = pairsFromJson(o.value(QLatin1String("pairs")).toArray());
    job.events = eventsFromJson(o.value(QLatin1String("events")).toArray());
    job.checkpoints = checkpointsFromJson(o.value(QLatin1String("checkpoints")).toArray());
    job.dialect = readText(o, "dialect");
    job.providerSettings = o.value(QLatin1String("provider_settings")).toObject();
    return job;
}

QJsonObject toJson(const ModelRecord &model)
{
    return QJsonObject {{QStringLiteral("id"), model.id},
            {QStringLiteral("created"), model.created}, {QStringLiteral("owned_by"), model.ownedBy},
            {QStringLiteral("job_id"), model.jobId}, {QStringLiteral("listed"), model.listed}};
}

ModelRecord modelFromJson(const QJsonObject &o)
{
    ModelRecord model;
    model.id = readText(o, "id");
    model.created = readInt(o, "created");
    model.ownedBy = readText(o, "owned_by");
    model.jobId = readText(o, "job_id");
    model.listed = o.value(QLatin1String("listed")).toBool(true);
    return model;
}

} // namespace fs::sandbox::state
