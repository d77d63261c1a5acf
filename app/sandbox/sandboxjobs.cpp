// SPDX-License-Identifier: GPL-3.0-or-later
// Fine-tuning jobs of the sandbox: creation, the simulated training run, events, checkpoints.
#include "cursorpaging.h"
#include "sandboxserver_p.h"

#include "costestimate.h"
#include "datasetstatistics.h"
#include "modelregistry.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QtMath>
#include <algorithm>

namespace fs::sandbox {

namespace {

// Phase lengths in sandbox seconds; real time is this times the time scale.
constexpr double kValidatingSeconds = 4.0;
constexpr double kQueuedSeconds = 2.0;
constexpr double kStepSeconds = 0.45;
constexpr double kFinishingSeconds = 2.0;
constexpr int kMaxStoredPairs = 5000;

QString metricText(double value)
{
    return QString::number(value, 'f', 2);
}

QString csvNumber(double value)
{
    return QString::number(roundMetric(value), 'f', 5);
}

// "auto" or a number within [minimum, maximum] (exclusive minimum when asked).
bool readHyperparameter(const QJsonObject &object, const QString &name, bool integer,
        double minimum, double maximum, bool exclusiveMinimum, std::optional<double> *out,
        Reply *failure)
{
    if (!object.contains(name))
        return true;
    const QJsonValue value = object.value(name);
    if (value.isString() && value.toString() == QLatin1String("auto"))
        return true;
    const double number = value.toDouble();
    const bool inRange = exclusiveMinimum ? number > minimum : number >= minimum;
    if (!value.isDouble() || !inRange || number > maximum
            || (integer && number != std::floor(number))) {
        *failure = SandboxServerPrivate::error(400,
                QStringLiteral("Invalid value for hyperparameter '%1': expected \"auto\" or %2 "
                               "from %3 to %4.")
                        .arg(name,
                                integer ? QStringLiteral("an integer") : QStringLiteral("a number"))
                        .arg(minimum)
                        .arg(maximum),
                QStringLiteral("invalid_request_error"),
                QString(QStringLiteral("hyperparameters.") + name));
        return false;
    }
    *out = number;
    return true;
}

Reply invalidArgument(const QString &message, const QString &param)
{
    return SandboxServerPrivate::error(
            400, message, QStringLiteral("invalid_request_error"), param);
}

/// "Invalid type for 'NAME': expected EXPECTED."
Reply wrongType(const QString &name, const char *expected)
{
    return invalidArgument(QStringLiteral("Invalid type for '%1': expected %2.")
                                   .arg(name, QLatin1String(expected)),
            name);
}

/// Refuses the arguments POST fine_tuning/jobs does not know.
bool checkJobArguments(const QJsonObject &body, Reply *failure)
{
    static const QStringList known = {QStringLiteral("model"), QStringLiteral("training_file"),
            QStringLiteral("validation_file"), QStringLiteral("suffix"), QStringLiteral("seed"),
            QStringLiteral("hyperparameters"), QStringLiteral("method"),
            QStringLiteral("integrations"), QStringLiteral("metadata")};
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            *failure = invalidArgument(
                    QStringLiteral("Unrecognized request argument supplied: %1").arg(it.key()),
                    it.key());
            return false;
        }
    }
    return true;
}

/// A training or validation file: one of `dialect`'s, uploaded for fine-tuning.
bool checkJobFile(const QMap<QString, StoredFile> &files, const QString &dialect, const QString &id,
        const QString &param, Reply *failure)
{
    const auto file = files.constFind(id);
    if (file == files.constEnd() || file->dialect != dialect) {
        *failure = invalidArgument(QStringLiteral("invalid %1: %2").arg(param, id), param);
        return false;
    }
    if (file->purpose != QLatin1String("fine-tune")) {
        *failure = invalidArgument(QStringLiteral("File %1 has purpose '%2', but fine-tuning needs "
                                                  "a file with purpose 'fine-tune'.")
                                           .arg(id, file->purpose),
                param);
        return false;
    }
    return true;
}

/// True when `value` is given and not null.
bool given(const QJsonValue &value)
{
    return !value.isNull() && !value.isUndefined();
}

bool readSuffix(const QJsonValue &value, QString *suffix, Reply *failure)
{
    if (value.isString()) {
        *suffix = value.toString();
        if (suffix->isEmpty() || suffix->size() > 64) {
            *failure = invalidArgument(
                    QStringLiteral("Invalid 'suffix': expected a string of 1 to 64 characters."),
                    QStringLiteral("suffix"));
            return false;
        }
    } else if (given(value)) {
        *failure = wrongType(QStringLiteral("suffix"), "a string");
        return false;
    }
    return true;
}

/// The seed as given, or a random one.
bool readSeed(const QJsonValue &value, qint64 *seed, Reply *failure)
{
    *seed = QRandomGenerator::global()->bounded(2147483647);
    if (value.isDouble()) {
        const double s = value.toDouble();
        if (s < 0 || s > 2147483647.0 || s != std::floor(s)) {
            *failure = invalidArgument(
                    QStringLiteral("Invalid 'seed': expected an integer from 0 to 2147483647."),
                    QStringLiteral("seed"));
            return false;
        }
        *seed = qint64(s);
    } else if (given(value)) {
        *failure = wrongType(QStringLiteral("seed"), "an integer");
        return false;
    }
    return true;
}

/// The method type (supervised unless given) and the hyperparameters: the top-level ones with
/// the method's own on top.
bool readMethod(const QJsonObject &body, QString *methodType, QJsonObject *hyper, Reply *failure)
{
    *methodType = QStringLiteral("supervised");
    *hyper = body.value(QLatin1String("hyperparameters")).toObject();
    const QJsonValue methodValue = body.value(QLatin1String("method"));
    if (!methodValue.isObject())
        return true;
    const QJsonObject method = methodValue.toObject();
    *methodType = method.value(QLatin1String("type")).toString();
    if (*methodType == QLatin1String("reinforcement")) {
        *failure = invalidArgument(QStringLiteral("Reinforcement fine-tuning is not available in "
                                                  "the sandbox; use 'supervised' or 'dpo'."),
                QStringLiteral("method.type"));
        return false;
    }
    if (*methodType != QLatin1String("supervised") && *methodType != QLatin1String("dpo")) {
        *failure = invalidArgument(QStringLiteral("Invalid 'method.type': expected 'supervised', "
                                                  "'dpo' or 'reinforcement'."),
                QStringLiteral("method.type"));
        return false;
    }
    const QJsonObject methodHyper =
            method.value(*methodType).toObject().value(QLatin1String("hyperparameters")).toObject();
    for (auto it = methodHyper.constBegin(); it != methodHyper.constEnd(); ++it)
        hyper->insert(it.key(), it.value());
    return true;
}

/// The hyperparameters as numbers where they were given as numbers ("auto" is left out).
bool readHyperparameters(
        const QJsonObject &hyper, const QString &method, QJsonObject *requested, Reply *failure)
{
    std::optional<double> epochs, batch, lr, beta;
    if (!readHyperparameter(hyper, QStringLiteral("n_epochs"), true, 1, 50, false, &epochs, failure)
            || !readHyperparameter(
                    hyper, QStringLiteral("batch_size"), true, 1, 256, false, &batch, failure)
            || !readHyperparameter(hyper, QStringLiteral("learning_rate_multiplier"), false, 0, 1e6,
                    true, &lr, failure)
            || !readHyperparameter(
                    hyper, QStringLiteral("beta"), false, 0, 2, true, &beta, failure))
        return false;
    if (epochs)
        requested->insert(QStringLiteral("n_epochs"), int(*epochs));
    if (batch)
        requested->insert(QStringLiteral("batch_size"), int(*batch));
    if (lr)
        requested->insert(QStringLiteral("learning_rate_multiplier"), *lr);
    if (beta && method == QLatin1String("dpo"))
        requested->insert(QStringLiteral("beta"), *beta);
    return true;
}

bool checkMetadata(const QJsonValue &metadata, Reply *failure)
{
    if (metadata.isObject()) {
        const QJsonObject map = metadata.toObject();
        if (map.size() > 16) {
            *failure = invalidArgument(
                    QStringLiteral("Invalid 'metadata': at most 16 keys are allowed."),
                    QStringLiteral("metadata"));
            return false;
        }
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            if (!it.value().isString() || it.key().size() > 64
                    || it.value().toString().size() > 512) {
                *failure = invalidArgument(
                        QStringLiteral("Invalid 'metadata': keys must be strings of up to 64 "
                                       "characters and values strings of up to 512."),
                        QStringLiteral("metadata"));
                return false;
            }
        }
    } else if (given(metadata)) {
        *failure = wrongType(QStringLiteral("metadata"), "an object");
        return false;
    }
    return true;
}

/// What a new job is asked to do, besides its model and training file.
struct JobSettings
{
    QString validationFile;
    QString suffix;
    qint64 seed = 0;
    QString method;
    QJsonObject requestedHyperparameters;
    QJsonValue metadata;
};

/// Reads and checks the settings of POST fine_tuning/jobs in the order the service does.
bool readJobSettings(const QJsonObject &body, const QMap<QString, StoredFile> &files,
        const QString &dialect, JobSettings *settings, Reply *failure)
{
    const QJsonValue validationValue = body.value(QLatin1String("validation_file"));
    if (validationValue.isString()) {
        settings->validationFile = validationValue.toString();
        if (!checkJobFile(files, dialect, settings->validationFile,
                    QStringLiteral("validation_file"), failure))
            return false;
    } else if (given(validationValue)) {
        *failure = wrongType(QStringLiteral("validation_file"), "a string");
        return false;
    }
    QJsonObject hyper;
    const QJsonValue metadata = body.value(QLatin1String("metadata"));
    if (!readSuffix(body.value(QLatin1String("suffix")), &settings->suffix, failure)
            || !readSeed(body.value(QLatin1String("seed")), &settings->seed, failure)
            || !readMethod(body, &settings->method, &hyper, failure)
            || !readHyperparameters(
                    hyper, settings->method, &settings->requestedHyperparameters, failure)
            || !checkMetadata(metadata, failure))
        return false;
    settings->metadata = metadata.isObject() ? metadata : QJsonValue(QJsonValue::Null);
    return true;
}

/// The name the fine-tuned model will have: OpenAI's ft:BASE:sandbox:SUFFIX:ID, or with
/// `azureJobId` Azure's BASE.ft-JOB (the job id without "ftjob-"). Continued training names the
/// new model after the original base.
QString plannedModelName(const QString &model, const QString &suffix, const QString &shortId,
        const QString &azureJobId)
{
    const ProviderKind provider =
            azureJobId.isEmpty() ? ProviderKind::OpenAI : ProviderKind::AzureOpenAI;
    const ProviderModels &names = ModelRegistry::provider(provider);
    const FineTunedName from = names.parseFineTuned(model);
    FineTunedName planned;
    planned.base = from.isValid() ? from.base : model;
    planned.organization = QStringLiteral("sandbox");
    planned.suffix = suffix;
    planned.jobId = azureJobId.isEmpty() ? shortId : azureJobId;
    return names.fineTunedName(planned);
}

} // namespace

bool SandboxServerPrivate::isActive(const StoredJob &job)
{
    return job.status == QLatin1String("validating_files") || job.status == QLatin1String("queued")
            || job.status == QLatin1String("running");
}

QJsonObject SandboxServerPrivate::hyperparametersJson(const StoredJob &job) const
{
    QJsonObject h;
    if (job.resolved) {
        h.insert(QStringLiteral("batch_size"), job.curve.plan.batchSize);
        h.insert(QStringLiteral("learning_rate_multiplier"), job.curve.plan.learningRateMultiplier);
        h.insert(QStringLiteral("n_epochs"), job.curve.plan.nEpochs);
        if (job.method == QLatin1String("dpo"))
            h.insert(QStringLiteral("beta"), job.curve.plan.beta);
        return h;
    }
    const QStringList names = job.method == QLatin1String("dpo")
            ? QStringList {QStringLiteral("batch_size"), QStringLiteral("learning_rate_multiplier"),
                    QStringLiteral("n_epochs"), QStringLiteral("beta")}
            : QStringList {QStringLiteral("batch_size"), QStringLiteral("learning_rate_multiplier"),
                    QStringLiteral("n_epochs")};
    for (const QString &name : names) {
        const QJsonValue value = job.requestedHyperparameters.value(name);
        h.insert(name, value.isDouble() ? value : QJsonValue(QStringLiteral("auto")));
    }
    return h;
}

QJsonObject SandboxServerPrivate::jobJson(const StoredJob &job) const
{
    QJsonObject hyper = hyperparametersJson(job);
    QJsonObject topLevel = hyper;
    topLevel.remove(QStringLiteral("beta")); // the deprecated top-level object has no beta
    QJsonObject method {{QStringLiteral("type"), job.method},
            {job.method, QJsonObject {{QStringLiteral("hyperparameters"), hyper}}}};
    QJsonValue error = QJsonValue::Null;
    if (!job.errorCode.isEmpty())
        error = QJsonObject {{QStringLiteral("code"), job.errorCode},
                {QStringLiteral("message"), job.errorMessage},
                {QStringLiteral("param"),
                        job.errorParam.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(job.errorParam)}};
    QJsonValue estimatedFinish = QJsonValue::Null;
    if (job.status == QLatin1String("running") || job.status == QLatin1String("queued"))
        estimatedFinish = now() + qint64(std::ceil(remainingSeconds(job) * options.timeScale));
    QJsonObject object {{QStringLiteral("id"), job.id},
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
            {QStringLiteral("created_at"), job.createdAt}, {QStringLiteral("error"), error},
            {QStringLiteral("fine_tuned_model"),
                    job.modelPublished ? QJsonValue(job.plannedModel)
                                       : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("finished_at"),
                    job.finishedAt ? QJsonValue(*job.finishedAt) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("hyperparameters"), topLevel}, {QStringLiteral("model"), job.model},
            {QStringLiteral("organization_id"), QStringLiteral("org-sandbox")},
            {QStringLiteral("result_files"), QJsonArray::fromStringList(job.resultFiles)},
            {QStringLiteral("status"), job.status},
            {QStringLiteral("trained_tokens"),
                    job.trainedTokens ? QJsonValue(*job.trainedTokens)
                                      : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("training_file"), job.trainingFile},
            {QStringLiteral("validation_file"),
                    job.validationFile.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(job.validationFile)},
            {QStringLiteral("integrations"), QJsonArray()}, {QStringLiteral("seed"), job.seed},
            {QStringLiteral("estimated_finish"), estimatedFinish},
            {QStringLiteral("method"), method},
            {QStringLiteral("metadata"),
                    job.metadata.isObject() ? job.metadata : QJsonValue(QJsonValue::Null)}};
    if (!job.suffix.isEmpty())
        object.insert(QStringLiteral("user_provided_suffix"), job.suffix);
    return object;
}

QJsonObject SandboxServerPrivate::eventJson(const JobEventRecord &event)
{
    return QJsonObject {{QStringLiteral("id"), event.id},
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job.event")},
            {QStringLiteral("created_at"), event.createdAt}, {QStringLiteral("level"), event.level},
            {QStringLiteral("message"), event.message}, {QStringLiteral("type"), event.type},
            {QStringLiteral("data"), event.data}};
}

QJsonObject SandboxServerPrivate::checkpointJson(
        const StoredJob &job, const CheckpointRecord &checkpoint) const
{
    return QJsonObject {{QStringLiteral("id"), checkpoint.id},
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job.checkpoint")},
            {QStringLiteral("created_at"), checkpoint.createdAt},
            {QStringLiteral("fine_tuned_model_checkpoint"), checkpoint.model},
            {QStringLiteral("step_number"), checkpoint.step},
            {QStringLiteral("metrics"), checkpoint.metrics},
            {QStringLiteral("fine_tuning_job_id"), job.id}};
}

void SandboxServerPrivate::addEvent(StoredJob &job, const QString &level, const QString &message,
        const QString &type, const QJsonObject &data)
{
    job.events.append({newId(QStringLiteral("ftevent-"), 24), now(), level, message, type, data});
    scheduleSave();
}

Reply SandboxServerPrivate::jobNotFound(const QString &id)
{
    return error(404, QStringLiteral("Could not find fine-tuning job: %1").arg(id),
            QStringLiteral("invalid_request_error"), QStringLiteral("fine_tuning_job_id"));
}

double SandboxServerPrivate::remainingSeconds(const StoredJob &job) const
{
    const int total = job.resolved ? job.curve.plan.totalSteps : 100;
    double remaining = kFinishingSeconds + (total - job.stepsDone) * kStepSeconds;
    if (job.status == QLatin1String("validating_files"))
        remaining += kValidatingSeconds + kQueuedSeconds - job.phaseElapsed;
    else if (job.status == QLatin1String("queued"))
        remaining += kQueuedSeconds - job.phaseElapsed;
    else
        remaining -= job.phaseElapsed;
    return qMax(0.0, remaining);
}

// ---- endpoints ------------------------------------------------------------------------------

Reply SandboxServerPrivate::createJob(const HttpRequest &request, const QString &dialect)
{
    const bool azure = dialect == kAzureDialect;
    QJsonObject body;
    Reply failure;
    if (!parseJsonBody(request, &body, &failure))
        return failure;
    if (trainingNotAvailable && !azure)
        return error(403,
                QStringLiteral("OpenAI's self-serve fine-tuning is being wound down, and "
                               "your organization can no longer create new fine-tuning "
                               "training jobs. Existing fine-tuned models remain "
                               "available for inference."),
                QStringLiteral("invalid_request_error"), QJsonValue::Null,
                QStringLiteral("training_not_available"));
    if (!checkJobArguments(body, &failure))
        return failure;
    if (!body.value(QLatin1String("model")).isString())
        return missingParameter(QStringLiteral("model"));
    const QString model = body.value(QLatin1String("model")).toString();
    const auto modelIt = models.constFind(model);
    // Azure trains the same base models, and continues from its own BASE.ft-JOB models.
    const bool knownModel =
            modelIt != models.constEnd() && modelIt->listed && (!azure || modelIt->jobId.isEmpty());
    if (!knownModel && !(azure && azureJobByModel(model)))
        return error(400,
                QStringLiteral("Model %1 is not available for fine-tuning or does not "
                               "exist.")
                        .arg(model),
                QStringLiteral("invalid_request_error"), QStringLiteral("model"),
                QStringLiteral("model_not_available"));
    if (!body.value(QLatin1String("training_file")).isString())
        return missingParameter(QStringLiteral("training_file"));
    const QString trainingFile = body.value(QLatin1String("training_file")).toString();
    JobSettings settings;
    if (!checkJobFile(files, dialect, trainingFile, QStringLiteral("training_file"), &failure)
            || !readJobSettings(body, files, dialect, &settings, &failure))
        return failure;

    StoredJob job;
    job.id = azure ? azureId("ftjob-") : newId(QStringLiteral("ftjob-"), 24);
    job.dialect = dialect;
    job.createdAt = now();
    job.seq = ++sequence;
    job.model = model;
    job.trainingFile = trainingFile;
    job.validationFile = settings.validationFile;
    job.suffix = settings.suffix;
    job.seed = settings.seed;
    job.method = settings.method;
    job.requestedHyperparameters = settings.requestedHyperparameters;
    job.metadata = settings.metadata;
    job.plannedModel = plannedModelName(
            model, settings.suffix, newId(QString(), 8), azure ? job.id : QString());
    return json(jobJson(startJob(job)));
}

StoredJob &SandboxServerPrivate::startJob(StoredJob job)
{
    job.status = QStringLiteral("validating_files");
    addEvent(
            job, QStringLiteral("info"), QStringLiteral("Created fine-tuning job: %1").arg(job.id));
    addEvent(job, QStringLiteral("info"),
            job.validationFile.isEmpty()
                    ? QStringLiteral("Validating training file: %1").arg(job.trainingFile)
                    : QStringLiteral("Validating training file: %1 and validation file: %2")
                              .arg(job.trainingFile, job.validationFile));
    auto it = jobs.insert(job.id, job);
    ensureTicking();
    scheduleSave();
    return *it;
}

void SandboxServerPrivate::markCancelled(StoredJob &job)
{
    job.status = QStringLiteral("cancelled");
    job.finishedAt = now();
    addEvent(job, QStringLiteral("info"), QStringLiteral("Fine-tuning job cancelled"));
}

Reply SandboxServerPrivate::listJobs(const HttpRequest &request, const QString &dialect)
{
    Reply failure;
    bool ok = true;
    const int limit = queryLimit(request, 20, 10000, &failure, &ok);
    if (!ok)
        return failure;
    QList<const StoredJob *> list;
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const StoredJob &job : std::as_const(jobs)) {
        bool keep = job.dialect == dialect; // each dialect lists its own jobs
        for (const auto &item : items) {
            if (!item.first.startsWith(QLatin1String("metadata[")) || !item.first.endsWith(']'))
                continue;
            const QString key = item.first.mid(9, item.first.size() - 10);
            if (job.metadata.toObject().value(key).toString() != item.second)
                keep = false;
        }
        if (keep)
            list.append(&job);
    }
    sortNewestFirst(list);
    const qsizetype start = startAfter(request.query.queryItemValue(QStringLiteral("after")), list,
            [](const StoredJob *job) { return job->id; });
    QJsonArray data;
    for (qsizetype i = start; i < list.size() && data.size() < limit; ++i)
        data.append(jobJson(*list.at(i)));
    return json(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
            {QStringLiteral("data"), data},
            {QStringLiteral("has_more"), start + data.size() < list.size()}});
}

Reply SandboxServerPrivate::retrieveJob(const QString &id, const QString &dialect)
{
    const auto it = jobs.constFind(id);
    if (it == jobs.constEnd() || it->dialect != dialect)
        return jobNotFound(id);
    return json(jobJson(*it));
}

Reply SandboxServerPrivate::cancelJob(const QString &id)
{
    const auto it = jobs.find(id);
    if (it == jobs.end())
        return jobNotFound(id);
    if (!isActive(*it) && it->status != QLatin1String("paused")
            && it->status != QLatin1String("pausing")) // Azure's
        return error(400,
                QStringLiteral("Job %1 cannot be cancelled: it has already finished with "
                               "status '%2'.")
                        .arg(id, it->status),
                QStringLiteral("invalid_request_error"), QStringLiteral("fine_tuning_job_id"),
                QStringLiteral("invalid_job_status"));
    markCancelled(*it);
    return json(jobJson(*it));
}

Reply SandboxServerPrivate::pauseJob(const QString &id)
{
    const auto it = jobs.find(id);
    if (it == jobs.end())
        return jobNotFound(id);
    if (!isActive(*it))
        return error(400,
                QStringLiteral("Job %1 cannot be paused: its status is '%2'; only a job "
                               "that is validating, queued or running can be paused.")
                        .arg(id, it->status),
                QStringLiteral("invalid_request_error"), QStringLiteral("fine_tuning_job_id"),
                QStringLiteral("invalid_job_status"));
    it->statusBeforePause = it->status;
    it->status = QStringLiteral("paused");
    addEvent(*it, QStringLiteral("info"), QStringLiteral("Fine-tuning job paused"));
    return json(jobJson(*it));
}

Reply SandboxServerPrivate::resumeJob(const QString &id)
{
    const auto it = jobs.find(id);
    if (it == jobs.end())
        return jobNotFound(id);
    if (it->status != QLatin1String("paused"))
        return error(400,
                QStringLiteral("Job %1 cannot be resumed: its status is '%2'; only a "
                               "paused job can be resumed.")
                        .arg(id, it->status),
                QStringLiteral("invalid_request_error"), QStringLiteral("fine_tuning_job_id"),
                QStringLiteral("invalid_job_status"));
    if (it->statusBeforePause == QLatin1String("validating_files")) {
        it->status = QStringLiteral("validating_files");
    } else {
        // Training restarts from the step it reached, after a short wait in the queue.
        it->status = QStringLiteral("queued");
        it->phaseElapsed = 0;
    }
    addEvent(*it, QStringLiteral("info"), QStringLiteral("Fine-tuning job resumed"));
    ensureTicking();
    return json(jobJson(*it));
}

Reply SandboxServerPrivate::listEvents(const QString &id, const HttpRequest &request)
{
    const auto it = jobs.constFind(id);
    if (it == jobs.constEnd())
        return jobNotFound(id);
    Reply failure;
    bool ok = true;
    const int limit = queryLimit(request, 20, 10000, &failure, &ok);
    if (!ok)
        return failure;
    // Newest first; `after` continues with the events older than that one.
    const qsizetype start = startBefore(request.query.queryItemValue(QStringLiteral("after")),
            it->events, [](const auto &event) { return event.id; });
    QJsonArray data;
    qsizetype i = start;
    for (; i >= 0 && data.size() < limit; --i)
        data.append(eventJson(it->events.at(i)));
    return json(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
            {QStringLiteral("data"), data}, {QStringLiteral("has_more"), i >= 0}});
}

Reply SandboxServerPrivate::listCheckpoints(const QString &id, const HttpRequest &request)
{
    const auto it = jobs.constFind(id);
    if (it == jobs.constEnd())
        return jobNotFound(id);
    Reply failure;
    bool ok = true;
    const int limit = queryLimit(request, 10, 10000, &failure, &ok);
    if (!ok)
        return failure;
    const qsizetype start = startBefore(request.query.queryItemValue(QStringLiteral("after")),
            it->checkpoints, [](const auto &checkpoint) { return checkpoint.id; });
    QJsonArray data;
    qsizetype i = start;
    for (; i >= 0 && data.size() < limit; --i)
        data.append(checkpointJson(*it, it->checkpoints.at(i)));
    const QJsonValue firstId = data.isEmpty() ? QJsonValue(QJsonValue::Null)
                                              : data.first().toObject().value(QLatin1String("id"));
    const QJsonValue lastId = data.isEmpty() ? QJsonValue(QJsonValue::Null)
                                             : data.last().toObject().value(QLatin1String("id"));
    return json(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
            {QStringLiteral("data"), data}, {QStringLiteral("first_id"), firstId},
            {QStringLiteral("last_id"), lastId}, {QStringLiteral("has_more"), i >= 0}});
}

// ---- the simulated run ----------------------------------------------------------------------

void SandboxServerPrivate::ensureTicking()
{
    if (port == 0 || tick.isActive())
        return;
    if (anyEndpointTicking()) {
        tickClock.start();
        tick.start();
        return;
    }
    for (const StoredJob &job : std::as_const(jobs)) {
        if (isActive(job)) {
            tickClock.start();
            tick.start();
            return;
        }
    }
}

void SandboxServerPrivate::onTick()
{
    const double seconds = double(tickClock.restart()) / 1000.0 / options.timeScale;
    bool anyActive = false;
    for (StoredJob &job : jobs) {
        if (!isActive(job))
            continue;
        advanceJob(job, seconds);
        anyActive = anyActive || isActive(job);
    }
    advanceEndpoints(seconds);
    const bool pausing = advanceAzureJobs(seconds);
    if (!anyActive && !anyEndpointTicking() && !pausing)
        tick.stop();
}

void SandboxServerPrivate::advanceJob(StoredJob &job, double seconds)
{
    while (seconds > 0 && isActive(job)) {
        double duration = kStepSeconds;
        if (job.status == QLatin1String("validating_files"))
            duration = kValidatingSeconds;
        else if (job.status == QLatin1String("queued"))
            duration = kQueuedSeconds;
        else if (job.resolved && job.stepsDone >= job.curve.plan.totalSteps)
            duration = kFinishingSeconds;
        const double needed = duration - job.phaseElapsed;
        if (seconds < needed) {
            job.phaseElapsed += seconds;
            break;
        }
        seconds -= needed;
        job.phaseElapsed = 0;
        if (job.status == QLatin1String("validating_files")) {
            finishValidation(job);
        } else if (job.status == QLatin1String("queued")) {
            job.status = QStringLiteral("running");
            if (job.stepsDone == 0)
                addEvent(job, QStringLiteral("info"), QStringLiteral("Fine-tuning job started"));
        } else if (job.stepsDone < job.curve.plan.totalSteps) {
            runStep(job);
        } else {
            completeJob(job);
        }
    }
    scheduleSave();
}

void SandboxServerPrivate::failJob(
        StoredJob &job, const QString &code, const QString &message, const QString &param)
{
    job.status = QStringLiteral("failed");
    job.errorCode = code;
    job.errorMessage = message;
    job.errorParam = param;
    job.finishedAt = now();
    addEvent(job, QStringLiteral("error"), message, QStringLiteral("message"),
            QJsonObject {
                    {QStringLiteral("error_code"), code}, {QStringLiteral("error_param"), param}});
}

qint64 SandboxServerPrivate::billedTokensPerEpoch(
        const QByteArray &data, const QString &model, int epochs)
{
    return fs::CostEstimate::compute(
            fs::TokenCountJob::countFile(data, fs::Tokenizer::encodingForModel(model)), model, -1,
            epochs)
            .billedTokensPerEpoch;
}

void SandboxServerPrivate::finishValidation(StoredJob &job)
{
    const TrainingMethod method =
            job.method == QLatin1String("dpo") ? TrainingMethod::Dpo : TrainingMethod::Supervised;
    const auto training = files.constFind(job.trainingFile);
    if (training == files.constEnd()) {
        failJob(job, QStringLiteral("invalid_training_file"),
                QStringLiteral("The training file %1 no longer exists.").arg(job.trainingFile),
                QStringLiteral("training_file"));
        return;
    }
    const QByteArray trainingData = fileData(*training);
    const TrainingAnalysis analysis =
            analyzeTrainingFile(trainingData, method, QStringLiteral("Training"), 10);
    if (!analysis.valid) {
        failJob(job, analysis.errorCode, analysis.errorMessage, QStringLiteral("training_file"));
        return;
    }
    bool hasValidation = false;
    if (!job.validationFile.isEmpty()) {
        const auto validation = files.constFind(job.validationFile);
        if (validation == files.constEnd()) {
            failJob(job, QStringLiteral("invalid_validation_file"),
                    QStringLiteral("The validation file %1 no longer exists.")
                            .arg(job.validationFile),
                    QStringLiteral("validation_file"));
            return;
        }
        const TrainingAnalysis check =
                analyzeTrainingFile(fileData(*validation), method, QStringLiteral("Validation"), 1);
        if (!check.valid) {
            failJob(job, check.errorCode, check.errorMessage, QStringLiteral("validation_file"));
            return;
        }
        hasValidation = true;
    }
    const QJsonObject &h = job.requestedHyperparameters;
    auto optionalInt = [&h](const char *name) -> std::optional<int> {
        if (h.value(QLatin1String(name)).isDouble())
            return h.value(QLatin1String(name)).toInt();
        return std::nullopt;
    };
    auto optionalDouble = [&h](const char *name) -> std::optional<double> {
        if (h.value(QLatin1String(name)).isDouble())
            return h.value(QLatin1String(name)).toDouble();
        return std::nullopt;
    };
    job.curve.plan =
            planTraining(analysis.exampleCount, optionalInt("n_epochs"), optionalInt("batch_size"),
                    optionalDouble("learning_rate_multiplier"), optionalDouble("beta"));
    job.curve.seed = analysis.contentSeed ^ (quint64(job.seed) * 0x9E3779B97F4A7C15ULL);
    job.curve.examples = analysis.exampleCount;
    job.curve.vocabularySize = analysis.vocabularySize;
    job.curve.meanExampleTokens = analysis.meanExampleTokens;
    job.curve.hasValidation = hasValidation;
    // Billed as the app predicts it (New job form, statistics, `validate`): each example's chat
    // tokens counted by the core tokenizer for this model, capped at the model's example limit.
    job.tokensPerEpoch = billedTokensPerEpoch(trainingData, job.model, job.curve.plan.nEpochs);
    job.pairs = analysis.pairs.mid(0, kMaxStoredPairs);
    job.resolved = true;
    job.status = QStringLiteral("queued");
    addEvent(job, QStringLiteral("info"),
            QStringLiteral("Files validated, moving job to queued state"));
}

void SandboxServerPrivate::runStep(StoredJob &job)
{
    const int step = ++job.stepsDone;
    const TrainingCurve curve(job.curve);
    const TrainingPlan &plan = job.curve.plan;
    const StepMetrics m = curve.at(step);
    QJsonObject data {{QStringLiteral("step"), step},
            {QStringLiteral("total_steps"), plan.totalSteps},
            {QStringLiteral("train_loss"), roundMetric(m.trainLoss)},
            {QStringLiteral("train_mean_token_accuracy"), roundMetric(m.trainAccuracy)}};
    QString message = QStringLiteral("Step %1/%2: training loss=%3")
                              .arg(step)
                              .arg(plan.totalSteps)
                              .arg(metricText(m.trainLoss));
    if (m.hasValid) {
        data.insert(QStringLiteral("valid_loss"), roundMetric(m.validLoss));
        data.insert(QStringLiteral("valid_mean_token_accuracy"), roundMetric(m.validAccuracy));
        message += QStringLiteral(", validation loss=%1").arg(metricText(m.validLoss));
    }
    if (m.hasFullValid) {
        data.insert(QStringLiteral("full_valid_loss"), roundMetric(m.fullValidLoss));
        data.insert(
                QStringLiteral("full_valid_mean_token_accuracy"), roundMetric(m.fullValidAccuracy));
        message += QStringLiteral(", full validation loss=%1").arg(metricText(m.fullValidLoss));
    }
    if (curve.isReportedStep(step))
        addEvent(job, QStringLiteral("info"), message, QStringLiteral("metrics"), data);
    // A checkpoint at the end of each of the last three epochs, or (Together) n_checkpoints - 1
    // intermediate ones spread evenly, the final one coming with the finished model.
    const int nCheckpoints = job.providerSettings.value(QLatin1String("n_checkpoints")).toInt();
    const int every = nCheckpoints > 0 ? qMax(1, plan.totalSteps / nCheckpoints) : 0;
    const bool wanted = nCheckpoints > 0
            ? nCheckpoints > 1 && step % every == 0 && step / every < nCheckpoints
            : curve.isEpochEnd(step) && step / qMax(1, plan.stepsPerEpoch) > plan.nEpochs - 3;
    if (wanted) {
        QJsonObject metrics = data;
        metrics.remove(QStringLiteral("total_steps"));
        CheckpointRecord checkpoint {job.dialect == kAzureDialect
                        ? azureId("ftchkpt-")
                        : newId(QStringLiteral("ftckpt_"), 24),
                now(), job.plannedModel + QStringLiteral(":ckpt-step-%1").arg(step), step, metrics};
        job.checkpoints.append(checkpoint);
    }
}

void SandboxServerPrivate::completeJob(StoredJob &job)
{
    const TrainingCurve curve(job.curve);
    QByteArray csv = "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n";
    for (int step = 1; step <= job.curve.plan.totalSteps; ++step) {
        const StepMetrics m = curve.at(step);
        QString row = QString::number(step) + QLatin1Char(',') + csvNumber(m.trainLoss)
                + QLatin1Char(',') + csvNumber(m.trainAccuracy) + QLatin1Char(',');
        if (m.hasValid)
            row += csvNumber(m.validLoss) + QLatin1Char(',') + csvNumber(m.validAccuracy);
        else
            row += QLatin1Char(',');
        csv += row.toLatin1() + '\n';
    }
    // The service hands result files out base64-encoded; store them that way so bytes match.
    const bool azure = job.dialect == kAzureDialect;
    // Azure writes results.csv as plain text with its own column names.
    StoredFile *result = azure
            ? createFile(QStringLiteral("results.csv"), QStringLiteral("fine-tune-results"),
                    azureResultCsv(job), nullptr, azureId("file-"))
            : createFile(QStringLiteral("step_metrics.csv"), QStringLiteral("fine-tune-results"),
                    csv.toBase64(), nullptr);
    if (result) {
        result->readyAtMs = 0;
        if (azure)
            result->dialect = kAzureDialect;
        job.resultFiles = QStringList {result->id};
    }
    job.trainedTokens = job.tokensPerEpoch * job.curve.plan.nEpochs;
    // Together's models are not in the OpenAI catalogue: they answer through an endpoint.
    const bool openAi = job.dialect.isEmpty();
    for (const CheckpointRecord &checkpoint : std::as_const(job.checkpoints)) {
        addEvent(job, QStringLiteral("info"),
                QStringLiteral("Checkpoint created at step %1 with Snapshot ID: %2")
                        .arg(checkpoint.step)
                        .arg(checkpoint.model));
        if (openAi)
            models.insert(checkpoint.model,
                    {checkpoint.model, checkpoint.createdAt, QStringLiteral("user-sandbox"), job.id,
                            false});
    }
    job.modelPublished = true;
    if (openAi)
        models.insert(job.plannedModel,
                {job.plannedModel, now(), QStringLiteral("user-sandbox"), job.id, true});
    addEvent(job, QStringLiteral("info"),
            QStringLiteral("New fine-tuned model created: %1").arg(job.plannedModel));
    addEvent(job, QStringLiteral("info"),
            QStringLiteral("Evaluating model against our usage policies"));
    addEvent(job, QStringLiteral("info"),
            QStringLiteral("Usage policy evaluations completed, model is now enabled for "
                           "sampling"));
    job.status = QStringLiteral("succeeded");
    job.finishedAt = now();
    addEvent(job, QStringLiteral("info"), QStringLiteral("The job has successfully completed"));
}

} // namespace fs::sandbox
