// SPDX-License-Identifier: GPL-3.0-or-later
// Together AI's dialect under /together/v1: files (multipart and presigned), fine-tunes, metrics,
// models and the chat gate. The engine (files, jobs, curve, replier) is the OpenAI side's own.
#include "chatreplier.h"
#include "multipart.h"
#include "sandboxserver_p.h"
#include "togetherwire.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>
#include <algorithm>

namespace fs::sandbox {

using namespace together;

namespace {

const QString kInvalid = QStringLiteral("invalid_request_error");

Reply badValue(const QString &param, const QString &message)
{
    return SandboxServerPrivate::error(
            400, message, kInvalid, param, QStringLiteral("invalid_value"));
}

Reply notFound(const QString &message, const QString &param = {},
        const QString &code = QStringLiteral("not_found"))
{
    return SandboxServerPrivate::error(404, message, kInvalid,
            param.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(param), code);
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// A number field in [minimum, maximum] (integer when asked); absent: `fallback`.
bool readNumber(const QJsonObject &body, const QString &name, bool integer, double minimum,
        double maximum, double fallback, double *out, Reply *failure)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull()) {
        *out = fallback;
        return true;
    }
    const double number = value.toDouble();
    if (!value.isDouble() || number < minimum || number > maximum
            || (integer && number != std::floor(number))) {
        *failure = badValue(name,
                QStringLiteral("Invalid value for '%1': expected %2 from %3 to %4.")
                        .arg(name,
                                integer ? QStringLiteral("an integer") : QStringLiteral("a number"))
                        .arg(minimum)
                        .arg(maximum));
        return false;
    }
    *out = number;
    return true;
}

bool readTrainingMethod(const QJsonObject &body, QJsonObject *method, Reply *failure)
{
    const QJsonValue value = body.value(QLatin1String("training_method"));
    // "auto" masks the prompts of chat data, i.e. false: the spec's schema allows only booleans.
    *method = QJsonObject {{QStringLiteral("method"), QStringLiteral("sft")},
            {QStringLiteral("train_on_inputs"), false}};
    if (value.isUndefined() || value.isNull())
        return true;
    const QJsonObject given = value.toObject();
    const QString kind = given.value(QLatin1String("method")).toString();
    if (kind == QLatin1String("sft")) {
        const QJsonValue inputs = given.value(QLatin1String("train_on_inputs"));
        if (inputs.isBool())
            method->insert(QStringLiteral("train_on_inputs"), inputs);
        return true;
    }
    if (kind != QLatin1String("dpo")) {
        *failure = badValue(QStringLiteral("training_method.method"),
                QStringLiteral("Invalid training method '%1': expected 'sft' or 'dpo'.").arg(kind));
        return false;
    }
    double beta = 0.1;
    if (!readNumber(given, QStringLiteral("dpo_beta"), false, 1e-6, 10, 0.1, &beta, failure))
        return false;
    *method = QJsonObject {
            {QStringLiteral("method"), QStringLiteral("dpo")}, {QStringLiteral("dpo_beta"), beta}};
    return true;
}

bool readTrainingType(
        const QJsonObject &body, const BaseModel &model, QJsonObject *type, Reply *failure)
{
    const QJsonValue value = body.value(QLatin1String("training_type"));
    QJsonObject given = value.toObject();
    if (value.isUndefined() || value.isNull())
        given = QJsonObject {{QStringLiteral("type"), QStringLiteral("Lora")}};
    const QString kind = given.value(QLatin1String("type")).toString();
    if (kind == QLatin1String("Full")) {
        *type = QJsonObject {{QStringLiteral("type"), kind}};
        return true;
    }
    if (kind != QLatin1String("Lora")) {
        *failure = badValue(QStringLiteral("training_type.type"),
                QStringLiteral("Invalid training type '%1': expected 'Full' or 'Lora'.").arg(kind));
        return false;
    }
    double rank = 8, alpha = 16, dropout = 0;
    if (!readNumber(given, QStringLiteral("lora_r"), true, 1, model.maxRank, 8, &rank, failure)
            || !readNumber(
                    given, QStringLiteral("lora_alpha"), true, 1, 1024, rank * 2, &alpha, failure)
            || !readNumber(
                    given, QStringLiteral("lora_dropout"), false, 0, 0.99, 0, &dropout, failure))
        return false;
    *type = QJsonObject {{QStringLiteral("type"), kind}, {QStringLiteral("lora_r"), int(rank)},
            {QStringLiteral("lora_alpha"), int(alpha)}, {QStringLiteral("lora_dropout"), dropout},
            {QStringLiteral("lora_trainable_modules"),
                    given.value(QLatin1String("lora_trainable_modules"))
                            .toString(QStringLiteral("all-linear"))}};
    return true;
}

/// The plain numeric settings of a create request, checked against the model's limits.
bool readNumbers(
        const QJsonObject &body, const BaseModel &model, QJsonObject *settings, Reply *failure)
{
    struct Field
    {
        const char *name;
        bool integer;
        double minimum, maximum, fallback;
    };
    const Field fields[] = {{"n_epochs", true, 1, 20, 1}, {"n_checkpoints", true, 1, 20, 1},
            {"n_evals", true, 0, 100, 0}, {"learning_rate", false, 1e-8, 1.0, kDefaultLearningRate},
            {"warmup_ratio", false, 0, 0.99, 0}, {"max_grad_norm", false, 0, 1e6, 1},
            {"weight_decay", false, 0, 1e6, 0}};
    for (const Field &f : fields) {
        double value = 0;
        if (!readNumber(body, QLatin1String(f.name), f.integer, f.minimum, f.maximum, f.fallback,
                    &value, failure))
            return false;
        settings->insert(QLatin1String(f.name), f.integer ? QJsonValue(int(value)) : value);
    }
    const QJsonValue batch = body.value(QLatin1String("batch_size"));
    if (batch.isString() && batch.toString() == QLatin1String("max"))
        return true;
    double size = 0;
    if (!readNumber(
                body, QStringLiteral("batch_size"), true, 1, model.maxBatchSize, 0, &size, failure))
        return false;
    if (size > 0)
        settings->insert(QStringLiteral("batch_size"), int(size));
    return true;
}

bool readSuffixAndSeed(const QJsonObject &body, QJsonObject *settings, Reply *failure)
{
    const QJsonValue suffix = body.value(QLatin1String("suffix"));
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_.-]{1,40}$"));
    if (!suffix.isUndefined() && !suffix.isNull()
            && (!suffix.isString() || !allowed.match(suffix.toString()).hasMatch())) {
        *failure = badValue(QStringLiteral("suffix"),
                QStringLiteral("Invalid 'suffix': use 1 to 40 letters, digits, '-', '_' or '.'."));
        return false;
    }
    settings->insert(QStringLiteral("suffix"), suffix.toString());
    const QJsonValue seed = body.value(QLatin1String("random_seed"));
    double number = 0;
    if (!readNumber(
                body, QStringLiteral("random_seed"), true, 0, 2147483647.0, 0, &number, failure))
        return false;
    settings->insert(QStringLiteral("random_seed"),
            seed.isDouble() ? QJsonValue(int(number)) : QJsonValue(QJsonValue::Null));
    return true;
}

/// OpenAI's chat completion (or streamed chunk) as Together writes it: a completion carries
/// `prompt` (required by its spec), every chunk's delta its `role`; no `logprobs: null` (the spec
/// types logprobs as an object) and no system_fingerprint.
QJsonObject togetherChatShape(QJsonObject completion)
{
    const bool chunk = completion.value(QLatin1String("object")).toString()
            == QLatin1String("chat.completion.chunk");
    QJsonArray choices = completion.value(QLatin1String("choices")).toArray();
    for (qsizetype i = 0; i < choices.size(); ++i) {
        QJsonObject choice = choices.at(i).toObject();
        choice.remove(QStringLiteral("logprobs"));
        if (chunk) {
            QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
            delta.insert(QStringLiteral("role"), QStringLiteral("assistant"));
            delta.remove(QStringLiteral("refusal"));
            choice.insert(QStringLiteral("delta"), delta);
        }
        choices.replace(i, choice);
    }
    completion.insert(QStringLiteral("choices"), choices);
    if (!chunk)
        completion.insert(QStringLiteral("prompt"), QJsonArray());
    completion.remove(QStringLiteral("system_fingerprint"));
    return completion;
}

QJsonObject lrScheduler(const QJsonObject &body)
{
    const QJsonObject given = body.value(QLatin1String("lr_scheduler")).toObject();
    if (given.value(QLatin1String("lr_scheduler_type")).toString() == QLatin1String("cosine"))
        return given;
    return QJsonObject {{QStringLiteral("lr_scheduler_type"), QStringLiteral("linear")},
            {QStringLiteral("lr_scheduler_args"),
                    QJsonObject {{QStringLiteral("min_lr_ratio"), 0.0}}}};
}

/// How the curve feels Together's absolute learning rate: 1e-5 trains like OpenAI's default.
double curveMultiplier(double learningRate)
{
    return qBound(0.1, 1.8 * std::sqrt(learningRate / kDefaultLearningRate), 10.0);
}

/// Every setting of a create request, checked, with Together's defaults filled in.
bool readJobSettings(
        const QJsonObject &body, const BaseModel &model, QJsonObject *settings, Reply *failure)
{
    QJsonObject method, type;
    if (!readNumbers(body, model, settings, failure) || !readSuffixAndSeed(body, settings, failure)
            || !readTrainingMethod(body, &method, failure)
            || !readTrainingType(body, model, &type, failure))
        return false;
    if (settings->value(QLatin1String("n_evals")).toInt() > 0
            && !body.value(QLatin1String("validation_file")).isString()) {
        *failure = badValue(QStringLiteral("n_evals"),
                QStringLiteral("n_evals needs a validation_file to evaluate on."));
        return false;
    }
    settings->insert(QStringLiteral("training_method"), method);
    settings->insert(QStringLiteral("training_type"), type);
    settings->insert(QStringLiteral("lr_scheduler"), lrScheduler(body));
    return true;
}

/// The engine's job for a checked request: Together's settings mapped onto the shared run.
StoredJob jobFromRequest(const QJsonObject &body, QJsonObject settings, qint64 now)
{
    StoredJob job;
    // The service's ids read ft-<uuid>, and so does the spec's prose, but its FinetuneResponse
    // schema says `format: uuid`: the checked schema wins (any client takes either).
    job.id = uuid();
    job.dialect = kDialect;
    job.createdAt = now;
    job.model = body.value(QLatin1String("model")).toString();
    job.trainingFile = body.value(QLatin1String("training_file")).toString();
    job.validationFile = body.value(QLatin1String("validation_file")).toString();
    job.suffix = settings.take(QStringLiteral("suffix")).toString();
    job.seed = settings.value(QLatin1String("random_seed")).toInt(42);
    const QJsonObject method = settings.value(QLatin1String("training_method")).toObject();
    const bool dpo = method.value(QLatin1String("method")).toString() == QLatin1String("dpo");
    job.method = dpo ? QStringLiteral("dpo") : QStringLiteral("supervised");
    QJsonObject requested {{QStringLiteral("n_epochs"), settings.value(QLatin1String("n_epochs"))},
            {QStringLiteral("learning_rate_multiplier"),
                    curveMultiplier(settings.value(QLatin1String("learning_rate")).toDouble())}};
    if (settings.value(QLatin1String("batch_size")).isDouble())
        requested.insert(QStringLiteral("batch_size"), settings.value(QLatin1String("batch_size")));
    if (dpo)
        requested.insert(QStringLiteral("beta"), method.value(QLatin1String("dpo_beta")));
    job.requestedHyperparameters = requested;
    job.providerSettings = settings;
    job.metadata = QJsonValue::Null;
    job.plannedModel = outputModelName(job.model, job.suffix, job.id);
    return job;
}

} // namespace

// ---- routing --------------------------------------------------------------------------------

Reply SandboxServerPrivate::routeTogether(const HttpRequest &request, HttpExchange *exchange,
        const QStringList &s, const QByteArray &requestId)
{
    const QString area = s.value(0);
    if (area == QLatin1String("files"))
        return routeTogetherFiles(request, s);
    if (area == QLatin1String("fine-tunes"))
        return routeTogetherFineTunes(request, s);
    if (area == QLatin1String("endpoints"))
        return routeTogetherEndpoints(request, s);
    if (area == QLatin1String("models") && s.size() == 1 && request.method == "GET")
        return togetherModels();
    if (area == QLatin1String("hardware") && s.size() == 1 && request.method == "GET") {
        QJsonArray data;
        for (const Hardware &hardware : hardwareList())
            data.append(hardwareJson(hardware, now()));
        return json(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                {QStringLiteral("data"), data}});
    }
    if (area == QLatin1String("chat") && s.value(1) == QLatin1String("completions") && s.size() == 2
            && request.method == "POST") {
        return chatCompletion(
                request, exchange, requestId,
                [this](const QString &model, const QString &prompt, QString *text, Reply *failure) {
                    return resolveTogetherChat(model, prompt, text, failure);
                },
                togetherChatShape);
    }
    return notFoundPath(request);
}

Reply SandboxServerPrivate::routeTogetherFiles(const HttpRequest &request, const QStringList &s)
{
    const QByteArray &m = request.method;
    const qsizetype n = s.size();
    if (n == 1 && m == "GET")
        return togetherListFiles();
    if (n == 1 && m == "POST")
        return togetherPresign(request);
    if (n == 2 && m == "POST" && s.at(1) == QLatin1String("upload"))
        return togetherUpload(request);
    if (n == 2 && m == "GET")
        return togetherRetrieveFile(s.at(1));
    if (n == 2 && m == "DELETE")
        return togetherDeleteFile(s.at(1));
    if (n == 3 && m == "GET" && s.at(2) == QLatin1String("content"))
        return togetherFileContent(s.at(1));
    return notFoundPath(request);
}

Reply SandboxServerPrivate::routeTogetherFineTunes(const HttpRequest &request, const QStringList &s)
{
    const QByteArray &m = request.method;
    const qsizetype n = s.size();
    const QString second = s.value(1);
    if (n == 1)
        return m == "POST" ? togetherCreateJob(request)
                           : (m == "GET" ? togetherListJobs() : notFoundPath(request));
    if (n == 2 && m == "POST" && second == QLatin1String("estimate-price"))
        return togetherEstimatePrice(request);
    if (n == 3 && m == "GET" && second == QLatin1String("models")) {
        if (s.at(2) == QLatin1String("supported")) {
            QJsonArray names;
            for (const BaseModel &model : baseModels())
                names.append(QString::fromLatin1(model.name));
            return json(QJsonObject {{QStringLiteral("models"), names}});
        }
        if (s.at(2) == QLatin1String("limits"))
            return togetherModelLimits(request);
    }
    if (n == 2 && m == "GET")
        return togetherRetrieveJob(second);
    if (n == 3 && m == "POST" && s.at(2) == QLatin1String("cancel"))
        return togetherCancelJob(second);
    if (n == 3 && m == "GET") {
        if (s.at(2) == QLatin1String("events"))
            return togetherEvents(second);
        if (s.at(2) == QLatin1String("checkpoints"))
            return togetherCheckpoints(second);
        if (s.at(2) == QLatin1String("metrics"))
            return togetherMetrics(second, request);
    }
    return notFoundPath(request);
}

Reply SandboxServerPrivate::togetherAuthFailure(const Reply &openAiFailure) const
{
    const bool missing = openAiFailure.body.contains("didn't provide an API key");
    return error(401,
            missing ? QStringLiteral("Missing API key. Send it in an Authorization header as "
                                     "'Bearer YOUR_KEY'.")
                    : QStringLiteral("Invalid API key provided. You can find your API key at "
                                     "https://api.together.xyz/settings/api-keys."),
            kInvalid, QJsonValue::Null, QStringLiteral("invalid_api_key"));
}

// ---- fine-tunes -----------------------------------------------------------------------------

const StoredJob *SandboxServerPrivate::togetherJob(const QString &id) const
{
    const auto it = jobs.constFind(id);
    return it != jobs.constEnd() && it->dialect == kDialect ? &*it : nullptr;
}

static Reply jobNotFoundTogether(const QString &id)
{
    return notFound(QStringLiteral("Fine-tune job %1 not found.").arg(id), QStringLiteral("id"));
}

Reply SandboxServerPrivate::togetherCreateJob(const HttpRequest &request)
{
    QJsonObject body;
    Reply failure;
    if (!parseJsonBody(request, &body, &failure))
        return failure;
    if (!body.value(QLatin1String("model")).isString())
        return missingParameter(QStringLiteral("model"));
    const QString model = body.value(QLatin1String("model")).toString();
    const BaseModel *base = findBaseModel(model);
    if (!base)
        return error(400,
                QStringLiteral("The model '%1' is not available for fine-tuning. See "
                               "GET /fine-tunes/models/supported for the models you can "
                               "fine-tune.")
                        .arg(model),
                kInvalid, QStringLiteral("model"), QStringLiteral("model_not_supported"));
    QJsonObject settings;
    if (!checkJobFiles(body, &failure) || !readJobSettings(body, *base, &settings, &failure))
        return failure;
    StoredJob job = jobFromRequest(body, settings, now());
    job.seq = ++sequence;
    const StoredJob &started = startJob(job);
    return json(together::jobJson(
            started, now(), remainingSeconds(started) * options.timeScale, false));
}

bool SandboxServerPrivate::checkJobFiles(const QJsonObject &body, Reply *failure) const
{
    for (const char *name : {"training_file", "validation_file"}) {
        const QJsonValue id = body.value(QLatin1String(name));
        if (qstrcmp(name, "training_file") == 0 && !id.isString()) {
            *failure = missingParameter(QLatin1String(name));
            return false;
        }
        if (id.isString() && !togetherFile(id.toString())) {
            *failure = error(400,
                    QStringLiteral("The file '%1' was not found: upload it first.")
                            .arg(id.toString()),
                    kInvalid, QLatin1String(name), QStringLiteral("file_not_found"));
            return false;
        }
    }
    return true;
}

Reply SandboxServerPrivate::togetherListJobs() const
{
    QList<const StoredJob *> list;
    for (const StoredJob &job : std::as_const(jobs)) {
        if (job.dialect == kDialect)
            list.append(&job);
    }
    sortNewestFirst(list);
    QJsonArray data;
    for (const StoredJob *job : std::as_const(list))
        data.append(
                together::jobJson(*job, now(), remainingSeconds(*job) * options.timeScale, false));
    return json(QJsonObject {{QStringLiteral("data"), data}});
}

Reply SandboxServerPrivate::togetherRetrieveJob(const QString &id) const
{
    const StoredJob *job = togetherJob(id);
    if (!job)
        return jobNotFoundTogether(id);
    return json(together::jobJson(*job, now(), remainingSeconds(*job) * options.timeScale, true));
}

Reply SandboxServerPrivate::togetherCancelJob(const QString &id)
{
    const auto it = jobs.find(id);
    if (it == jobs.end() || it->dialect != kDialect)
        return jobNotFoundTogether(id);
    if (!isActive(*it))
        return error(400,
                QStringLiteral("Fine-tune job %1 cannot be cancelled: it is already %2.")
                        .arg(id, jobStatus(*it)),
                kInvalid, QStringLiteral("id"), QStringLiteral("invalid_job_status"));
    markCancelled(*it);
    return json(together::jobJson(*it, now(), 0, false));
}

Reply SandboxServerPrivate::togetherEvents(const QString &id) const
{
    const StoredJob *job = togetherJob(id);
    if (!job)
        return jobNotFoundTogether(id);
    return json(QJsonObject {{QStringLiteral("data"), eventsJson(*job)}});
}

Reply SandboxServerPrivate::togetherCheckpoints(const QString &id) const
{
    const StoredJob *job = togetherJob(id);
    if (!job)
        return jobNotFoundTogether(id);
    return json(QJsonObject {{QStringLiteral("data"), checkpointsJson(*job)}});
}

Reply SandboxServerPrivate::togetherMetrics(const QString &id, const HttpRequest &request) const
{
    const StoredJob *job = togetherJob(id);
    if (!job)
        return jobNotFoundTogether(id);
    // The spec puts the filters in a JSON body of the GET; Together's client sends them as query
    // parameters. Both are read, the query winning.
    QJsonObject filters = QJsonDocument::fromJson(request.body).object();
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        bool ok = false;
        const qint64 value = item.second.toLongLong(&ok);
        filters.insert(item.first, ok ? QJsonValue(value) : QJsonValue(item.second));
    }
    double from = 0, to = -1;
    Reply failure;
    if (!readNumber(filters, QStringLiteral("global_step_from"), true, 0, 1e12, 0, &from, &failure)
            || !readNumber(
                    filters, QStringLiteral("global_step_to"), true, 0, 1e12, -1, &to, &failure))
        return failure;
    return json(
            QJsonObject {{QStringLiteral("metrics"), metricsJson(*job, qint64(from), qint64(to))}});
}

Reply SandboxServerPrivate::togetherModels() const
{
    QJsonArray list;
    for (const BaseModel &model : baseModels()) {
        const QString id = QString::fromLatin1(model.name);
        list.append(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("object"), "model"},
                {QStringLiteral("created"), 1721692800}, {QStringLiteral("type"), "chat"},
                {QStringLiteral("display_name"), id.section(QLatin1Char('/'), 1)},
                {QStringLiteral("organization"), id.section(QLatin1Char('/'), 0, 0)}});
    }
    Reply reply;
    reply.body = QJsonDocument(list).toJson(QJsonDocument::Indented);
    return reply;
}

Reply SandboxServerPrivate::togetherEstimatePrice(const HttpRequest &request) const
{
    QJsonObject body;
    Reply failure;
    if (!parseJsonBody(request, &body, &failure))
        return failure;
    const StoredFile *training =
            togetherFile(body.value(QLatin1String("training_file")).toString());
    if (!training)
        return body.value(QLatin1String("training_file")).isString()
                ? error(400, QStringLiteral("The training file was not found: upload it first."),
                        kInvalid, QStringLiteral("training_file"), QStringLiteral("file_not_found"))
                : missingParameter(QStringLiteral("training_file"));
    const QString modelName = body.value(QLatin1String("model"))
                                      .toString(QString::fromLatin1(baseModels().first().name));
    const BaseModel *model = findBaseModel(modelName);
    if (!model)
        return badValue(QStringLiteral("model"),
                QStringLiteral("The model '%1' is not available for fine-tuning.").arg(modelName));
    double epochs = 1, evals = 0;
    if (!readNumber(body, QStringLiteral("n_epochs"), true, 1, 20, 1, &epochs, &failure)
            || !readNumber(body, QStringLiteral("n_evals"), true, 0, 100, 0, &evals, &failure))
        return failure;
    // The same count the job bills later (token_count), so the price shown is the price paid.
    const qint64 trainTokens =
            billedTokensPerEpoch(fileData(*training), modelName, int(epochs)) * qint64(epochs);
    qint64 evalTokens = 0;
    if (const StoredFile *validation =
                    togetherFile(body.value(QLatin1String("validation_file")).toString()))
        evalTokens = billedTokensPerEpoch(fileData(*validation), modelName, 1) * qint64(evals);
    const bool full = body.value(QLatin1String("training_type"))
                              .toObject()
                              .value(QLatin1String("type"))
                              .toString()
            == QLatin1String("Full");
    const double rate = full ? model->fullDollarsPerMillion : model->loraDollarsPerMillion;
    const double price = roundMetric(double(trainTokens + evalTokens) * rate / 1e6);
    const double limit = 100.0; // the sandbox account's credit limit in dollars
    return json(QJsonObject {{QStringLiteral("estimated_total_price"), price},
            {QStringLiteral("allowed_to_proceed"), price <= limit},
            {QStringLiteral("user_limit"), limit},
            {QStringLiteral("estimated_train_token_count"), trainTokens},
            {QStringLiteral("estimated_eval_token_count"), evalTokens}});
}

Reply SandboxServerPrivate::togetherModelLimits(const HttpRequest &request) const
{
    const QString name =
            request.query.queryItemValue(QStringLiteral("model_name"), QUrl::FullyDecoded);
    if (name.isEmpty())
        return missingParameter(QStringLiteral("model_name"));
    const BaseModel *model = findBaseModel(name);
    if (!model)
        return json(
                QJsonObject {{QStringLiteral("message"),
                        QStringLiteral("Model %1 is not available for fine-tuning.").arg(name)}},
                404);
    return json(modelLimitsJson(*model));
}

// ---- chat -----------------------------------------------------------------------------------

const StoredJob *SandboxServerPrivate::togetherJobByOutputName(const QString &model) const
{
    for (const StoredJob &job : std::as_const(jobs)) {
        if (job.dialect == kDialect && job.modelPublished && job.plannedModel == model)
            return &job;
    }
    return nullptr;
}

bool SandboxServerPrivate::resolveTogetherChat(
        const QString &model, const QString &prompt, QString *reply, Reply *failure)
{
    if (findBaseModel(model)) {
        *reply = ChatReplier::baseReply(model, prompt);
        return true;
    }
    if (StoredEndpoint *endpoint = startedEndpointFor(model)) {
        endpoint->idleSeconds = 0;
        const StoredJob *job = togetherJobByOutputName(endpoint->model);
        *reply = job ? ChatReplier::fineTunedReply(endpoint->model, prompt, job->pairs)
                     : ChatReplier::baseReply(endpoint->model, prompt);
        return true;
    }
    // Like the service: a model that exists but is not deployed answers 404 with a pointer to
    // the dedicated endpoint it needs.
    const QString text = togetherJobByOutputName(model)
            ? QStringLiteral("Unable to access non-serverless model %1. Please visit "
                             "https://api.together.ai/models/%1 to create and start a new "
                             "dedicated endpoint for the model.")
            : QStringLiteral("Unable to access model %1. Please visit "
                             "https://api.together.ai/models to view the list of supported "
                             "models.");
    *failure = notFound(
            text.arg(model), QStringLiteral("model"), QStringLiteral("model_not_available"));
    return false;
}

} // namespace fs::sandbox
