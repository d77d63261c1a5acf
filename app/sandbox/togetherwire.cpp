// SPDX-License-Identifier: GPL-3.0-or-later
#include "togetherwire.h"

#include "modelregistry.h"

#include <QDateTime>
#include <QFileInfo>
#include <QtMath>

namespace fs::sandbox::together {

namespace {

QJsonValue setting(const StoredJob &job, const char *name)
{
    return job.providerSettings.value(QLatin1String(name));
}

bool isFinishing(const StoredJob &job)
{
    return job.status == QLatin1String("running") && job.resolved
            && job.stepsDone >= job.curve.plan.totalSteps;
}

/// Together's event type for an event the engine recorded; empty: not shown in this dialect.
QString eventType(const StoredJob &job, const JobEventRecord &event)
{
    const QString &m = event.message;
    if (event.level == QLatin1String("error"))
        return QStringLiteral("job_error");
    if (event.type == QLatin1String("metrics")) {
        const int step = event.data.value(QLatin1String("step")).toInt();
        const int perEpoch = qMax(1, job.curve.plan.stepsPerEpoch);
        return step % perEpoch == 0 ? QStringLiteral("epoch_complete") : QString();
    }
    static const QList<QPair<QString, QString>> prefixes = {
            {QStringLiteral("Created fine-tuning job"), QStringLiteral("job_pending")},
            {QStringLiteral("Validating training file"),
                    QStringLiteral("training_data_downloading")},
            {QStringLiteral("Files validated"), QStringLiteral("training_data_download_complete")},
            {QStringLiteral("Fine-tuning job started"), QStringLiteral("training_start")},
            {QStringLiteral("Checkpoint created"), QStringLiteral("checkpoint_save")},
            {QStringLiteral("New fine-tuned model created"),
                    QStringLiteral("model_upload_complete")},
            {QStringLiteral("The job has successfully completed"), QStringLiteral("job_complete")},
            {QStringLiteral("Fine-tuning job cancelled"), QStringLiteral("cancel_requested")}};
    for (const auto &prefix : prefixes) {
        if (m.startsWith(prefix.first))
            return prefix.second;
    }
    return {};
}

QString eventMessage(const StoredJob &job, const QString &type, const JobEventRecord &event)
{
    if (type == QLatin1String("job_pending"))
        return QStringLiteral("Fine tune request created");
    if (type == QLatin1String("training_data_downloading"))
        return QStringLiteral("Downloading training data %1").arg(job.trainingFile);
    if (type == QLatin1String("training_data_download_complete"))
        return QStringLiteral("Training data downloaded and checked");
    if (type == QLatin1String("training_start"))
        return QStringLiteral("Training started for model %1").arg(job.model);
    if (type == QLatin1String("epoch_complete"))
        return QStringLiteral("Epoch completed, at step %1")
                .arg(event.data.value(QLatin1String("step")).toInt());
    if (type == QLatin1String("model_upload_complete"))
        return QStringLiteral("Model upload complete: %1").arg(job.plannedModel);
    if (type == QLatin1String("job_complete"))
        return QStringLiteral("Job finished at %1").arg(isoTime(event.createdAt));
    if (type == QLatin1String("cancel_requested"))
        return QStringLiteral("Job cancelled by user");
    return event.message;
}

QJsonObject trainingTypeJson(const StoredJob &job)
{
    return setting(job, "training_type").toObject();
}

} // namespace

const QList<BaseModel> &baseModels()
{
    // Prices per million trained tokens follow Together's published tiers (up to 16B, 70B+).
    static const QList<BaseModel> models = {
            {"meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", 0.48, 0.54, 64, 32},
            {"meta-llama/Meta-Llama-3.1-70B-Instruct-Reference", 2.90, 3.20, 64, 16},
            {"meta-llama/Llama-3.3-70B-Instruct-Reference", 2.90, 3.20, 64, 16},
            {"meta-llama/Llama-3.2-3B-Instruct", 0.48, 0.54, 64, 32},
            {"Qwen/Qwen2.5-14B-Instruct", 0.48, 0.54, 64, 32},
            {"Qwen/Qwen2.5-72B-Instruct", 2.90, 3.20, 64, 16},
    };
    return models;
}

const BaseModel *findBaseModel(const QString &name)
{
    for (const BaseModel &model : baseModels()) {
        if (name == QLatin1String(model.name))
            return &model;
    }
    return nullptr;
}

const QList<Hardware> &hardwareList()
{
    static const QList<Hardware> list = {
            {"1x_nvidia_l40s_48gb_pcie", "l40s-48gb", 48, 1, 3.5},
            {"1x_nvidia_a100_80gb_sxm", "a100-80gb", 80, 1, 4.0},
            {"1x_nvidia_h100_80gb_sxm", "h100-80gb", 80, 1, 5.6},
            {"2x_nvidia_h100_80gb_sxm", "h100-80gb", 80, 2, 11.2},
    };
    return list;
}

const Hardware *findHardware(const QString &id)
{
    for (const Hardware &hardware : hardwareList()) {
        if (id == QLatin1String(hardware.id))
            return &hardware;
    }
    return nullptr;
}

QString isoTime(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString jobStatus(const StoredJob &job)
{
    const QString &s = job.status;
    if (s == QLatin1String("validating_files"))
        return QStringLiteral("pending");
    if (s == QLatin1String("queued") || s == QLatin1String("paused"))
        return QStringLiteral("queued");
    if (isFinishing(job))
        return job.phaseElapsed < 1.0 ? QStringLiteral("compressing") : QStringLiteral("uploading");
    if (s == QLatin1String("running"))
        return QStringLiteral("running");
    if (s == QLatin1String("succeeded"))
        return QStringLiteral("completed");
    if (s == QLatin1String("cancelled"))
        return QStringLiteral("cancelled");
    return QStringLiteral("error");
}

QString outputModelName(const QString &baseModel, const QString &suffix, const QString &hash)
{
    // Together's naming, from the model registry (ACCOUNT/BASE:SUFFIX:JOB_ID).
    FineTunedName parts;
    parts.organization = QStringLiteral("sandbox");
    parts.base = baseModel.section(QLatin1Char('/'), -1);
    parts.suffix = suffix;
    parts.jobId = hash;
    return ModelRegistry::provider(ProviderKind::Together).fineTunedName(parts);
}

QJsonObject fileJson(const StoredFile &file, bool processed)
{
    QString type = QFileInfo(file.filename).suffix().toLower();
    if (type != QLatin1String("csv") && type != QLatin1String("parquet"))
        type = QStringLiteral("jsonl");
    return QJsonObject {{QStringLiteral("id"), file.id},
            {QStringLiteral("object"), QStringLiteral("file")},
            {QStringLiteral("created_at"), file.createdAt},
            {QStringLiteral("filename"), file.filename}, {QStringLiteral("bytes"), file.bytes},
            {QStringLiteral("purpose"), file.purpose}, {QStringLiteral("FileType"), type},
            {QStringLiteral("Processed"), processed}};
}

QJsonObject jobJson(const StoredJob &job, qint64 now, double secondsRemaining, bool full)
{
    const bool finished = job.finishedAt.has_value();
    QJsonObject o {{QStringLiteral("id"), job.id}, {QStringLiteral("status"), jobStatus(job)},
            {QStringLiteral("created_at"), isoTime(job.createdAt)},
            {QStringLiteral("updated_at"), isoTime(finished ? *job.finishedAt : now)},
            {QStringLiteral("started_at"), isoTime(job.createdAt)},
            {QStringLiteral("user_id"), QStringLiteral("user_sandbox")},
            {QStringLiteral("owner_address"), QStringLiteral("sandbox@example.com")},
            {QStringLiteral("training_file"), job.trainingFile},
            {QStringLiteral("model"), job.model},
            {QStringLiteral("model_output_name"), job.plannedModel},
            {QStringLiteral("n_epochs"), setting(job, "n_epochs")},
            {QStringLiteral("n_evals"), setting(job, "n_evals")},
            {QStringLiteral("n_checkpoints"), setting(job, "n_checkpoints")},
            {QStringLiteral("training_type"), trainingTypeJson(job)},
            {QStringLiteral("training_method"), setting(job, "training_method")},
            {QStringLiteral("learning_rate"), setting(job, "learning_rate")},
            {QStringLiteral("lr_scheduler"), setting(job, "lr_scheduler")},
            {QStringLiteral("warmup_ratio"), setting(job, "warmup_ratio")},
            {QStringLiteral("max_grad_norm"), setting(job, "max_grad_norm")},
            {QStringLiteral("weight_decay"), setting(job, "weight_decay")},
            {QStringLiteral("random_seed"), setting(job, "random_seed")},
            {QStringLiteral("progress"),
                    QJsonObject {{QStringLiteral("estimate_available"), !finished},
                            {QStringLiteral("seconds_remaining"),
                                    finished ? 0 : qint64(std::ceil(secondsRemaining))}}}};
    if (!job.validationFile.isEmpty())
        o.insert(QStringLiteral("validation_file"), job.validationFile);
    if (!job.suffix.isEmpty())
        o.insert(QStringLiteral("suffix"), job.suffix);
    if (job.resolved) {
        o.insert(QStringLiteral("batch_size"), job.curve.plan.batchSize);
        o.insert(QStringLiteral("total_steps"), job.curve.plan.totalSteps);
        o.insert(QStringLiteral("steps_completed"), job.stepsDone);
        o.insert(QStringLiteral("epochs_completed"),
                job.stepsDone / qMax(1, job.curve.plan.stepsPerEpoch));
        o.insert(QStringLiteral("token_count"), job.tokensPerEpoch * job.curve.plan.nEpochs);
    } else if (setting(job, "batch_size").isDouble()) {
        o.insert(QStringLiteral("batch_size"), setting(job, "batch_size"));
    }
    if (full) {
        o.insert(QStringLiteral("events"), eventsJson(job));
        o.insert(QStringLiteral("train_on_inputs"),
                setting(job, "training_method")
                        .toObject()
                        .value(QLatin1String("train_on_inputs"))
                        .toBool());
    }
    return o;
}

QJsonArray eventsJson(const StoredJob &job)
{
    QJsonArray array;
    for (const JobEventRecord &event : job.events) {
        const QString type = eventType(job, event);
        if (type.isEmpty())
            continue;
        const int step = event.data.value(QLatin1String("step")).toInt();
        array.append(QJsonObject {{QStringLiteral("object"), QStringLiteral("fine-tune-event")},
                {QStringLiteral("created_at"), isoTime(event.createdAt)},
                {QStringLiteral("level"), event.level},
                {QStringLiteral("message"), eventMessage(job, type, event)},
                {QStringLiteral("type"), type}, {QStringLiteral("param_count"), 0},
                {QStringLiteral("token_count"), job.tokensPerEpoch},
                {QStringLiteral("total_steps"), job.resolved ? job.curve.plan.totalSteps : 0},
                {QStringLiteral("wandb_url"), QString()}, {QStringLiteral("step"), step},
                {QStringLiteral("checkpoint_path"), QString()},
                {QStringLiteral("model_path"),
                        type == QLatin1String("model_upload_complete") ? job.plannedModel
                                                                       : QString()},
                {QStringLiteral("training_offset"), 0}, {QStringLiteral("hash"), event.id}});
    }
    return array;
}

QJsonArray checkpointsJson(const StoredJob &job)
{
    QJsonArray array; // newest first
    if (job.status == QLatin1String("succeeded")) {
        const int total = job.curve.plan.totalSteps;
        const QString created = isoTime(job.finishedAt.value_or(job.createdAt));
        const bool lora = trainingTypeJson(job).value(QLatin1String("type")).toString()
                == QLatin1String("Lora");
        auto final = [&](const QString &type, const QString &path) {
            array.append(QJsonObject {{QStringLiteral("step"), total},
                    {QStringLiteral("created_at"), created}, {QStringLiteral("path"), path},
                    {QStringLiteral("checkpoint_type"), type}});
        };
        if (lora) {
            final(QStringLiteral("Final Merged"), job.plannedModel);
            final(QStringLiteral("Final Adapter"), job.plannedModel + QStringLiteral("_adapter"));
        } else {
            final(QStringLiteral("Final"), job.plannedModel);
        }
    }
    for (qsizetype i = job.checkpoints.size() - 1; i >= 0; --i) {
        const CheckpointRecord &c = job.checkpoints.at(i);
        array.append(QJsonObject {{QStringLiteral("step"), c.step},
                {QStringLiteral("created_at"), isoTime(c.createdAt)},
                {QStringLiteral("path"), QStringLiteral("%1:%2").arg(job.id).arg(c.step)},
                {QStringLiteral("checkpoint_type"), QStringLiteral("Intermediate")}});
    }
    return array;
}

bool isEvalStep(const StoredJob &job, int step)
{
    const int evals = setting(job, "n_evals").toInt();
    const int total = job.curve.plan.totalSteps;
    if (evals <= 0 || !job.curve.hasValidation || total <= 0)
        return false;
    for (int k = 1; k <= evals; ++k) {
        if (step == qMax(1, int(qint64(k) * total / evals)))
            return true;
    }
    return false;
}

QJsonArray metricsJson(const StoredJob &job, qint64 from, qint64 to)
{
    QJsonArray array;
    if (!job.resolved)
        return array;
    const TrainingCurve curve(job.curve);
    const TrainingPlan &plan = job.curve.plan;
    const double lr = setting(job, "learning_rate").toDouble(kDefaultLearningRate);
    const qint64 first = qMax<qint64>(1, from);
    const qint64 last = to < 0 ? job.stepsDone : qMin<qint64>(to, job.stepsDone);
    for (qint64 step = first; step <= last; ++step) {
        const int s = int(step);
        QJsonObject point {{QStringLiteral("train/loss"), roundMetric(curve.at(s).trainLoss)},
                {QStringLiteral("train/learning_rate"),
                        lr * (1.0 - double(s - 1) / double(qMax(1, plan.totalSteps)))},
                {QStringLiteral("train/epoch"),
                        roundMetric(double(s) / double(qMax(1, plan.stepsPerEpoch)))},
                {QStringLiteral("train/global_step"), s}};
        if (isEvalStep(job, s))
            point.insert(QStringLiteral("eval/loss"), roundMetric(curve.validationLossAt(s)));
        array.append(point);
    }
    return array;
}

QJsonObject endpointJson(const StoredEndpoint &e)
{
    const double billedMinutes = std::ceil(e.billedSeconds / 60.0);
    return QJsonObject {{QStringLiteral("object"), QStringLiteral("endpoint")},
            {QStringLiteral("id"), e.id}, {QStringLiteral("name"), e.name},
            {QStringLiteral("display_name"), e.displayName}, {QStringLiteral("model"), e.model},
            {QStringLiteral("hardware"), e.hardware},
            {QStringLiteral("type"), QStringLiteral("dedicated")},
            {QStringLiteral("owner"), QStringLiteral("sandbox")},
            {QStringLiteral("state"), e.state},
            {QStringLiteral("autoscaling"),
                    QJsonObject {{QStringLiteral("min_replicas"), e.minReplicas},
                            {QStringLiteral("max_replicas"), e.maxReplicas}}},
            {QStringLiteral("created_at"), isoTime(e.createdAt)},
            {QStringLiteral("inactive_timeout"),
                    e.inactiveTimeout ? QJsonValue(*e.inactiveTimeout)
                                      : QJsonValue(QJsonValue::Null)},
            // Not in the spec: what the sandbox has billed so far, for the app's cost display.
            {QStringLiteral("billing"),
                    QJsonObject {{QStringLiteral("cents_per_minute"), e.centsPerMinute},
                            {QStringLiteral("billed_minutes"), billedMinutes},
                            {QStringLiteral("cost_cents"),
                                    roundMetric(billedMinutes * e.centsPerMinute)}}}};
}

QJsonObject hardwareJson(const Hardware &h, qint64 now)
{
    return QJsonObject {{QStringLiteral("object"), QStringLiteral("hardware")},
            {QStringLiteral("id"), QString::fromLatin1(h.id)},
            {QStringLiteral("pricing"),
                    QJsonObject {{QStringLiteral("cents_per_minute"), h.centsPerMinute}}},
            {QStringLiteral("specs"),
                    QJsonObject {{QStringLiteral("gpu_type"), QString::fromLatin1(h.gpuType)},
                            {QStringLiteral("gpu_link"),
                                    QString::fromLatin1(h.id).section(QLatin1Char('_'), -1)},
                            {QStringLiteral("gpu_memory"), h.gpuMemory},
                            {QStringLiteral("gpu_count"), h.gpuCount}}},
            {QStringLiteral("availability"),
                    QJsonObject {{QStringLiteral("status"), QStringLiteral("available")}}},
            {QStringLiteral("updated_at"), isoTime(now)}};
}

QJsonObject modelLimitsJson(const BaseModel &m)
{
    auto batch = [&m](bool lora) {
        QJsonObject o {{QStringLiteral("max_batch_size"), m.maxBatchSize},
                {QStringLiteral("max_batch_size_dpo"), qMax(1, m.maxBatchSize / 2)},
                {QStringLiteral("min_batch_size"), 1}};
        if (lora) {
            o.insert(QStringLiteral("max_rank"), m.maxRank);
            o.insert(QStringLiteral("target_modules"),
                    QJsonArray {QStringLiteral("q_proj"), QStringLiteral("k_proj"),
                            QStringLiteral("v_proj"), QStringLiteral("o_proj"),
                            QStringLiteral("gate_proj"), QStringLiteral("up_proj"),
                            QStringLiteral("down_proj")});
        }
        return o;
    };
    return QJsonObject {{QStringLiteral("model_name"), QString::fromLatin1(m.name)},
            {QStringLiteral("full_training"), batch(false)},
            {QStringLiteral("lora_training"), batch(true)}, {QStringLiteral("max_num_epochs"), 20},
            {QStringLiteral("max_num_evals"), 100}, {QStringLiteral("max_learning_rate"), 1.0},
            {QStringLiteral("min_learning_rate"), 1e-8}, {QStringLiteral("supports_vision"), false},
            {QStringLiteral("supports_tools"), false},
            {QStringLiteral("supports_reasoning"), false},
            {QStringLiteral("merge_output_lora"), true}};
}

} // namespace fs::sandbox::together
