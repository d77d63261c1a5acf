// SPDX-License-Identifier: GPL-3.0-or-later
// Azure OpenAI's data plane under /openai/v1: files, fine-tuning jobs (with Azure's pausing and
// paused), events, checkpoints, models and chat through a deployment. The engine (files, jobs,
// curve, replier) is the OpenAI side's own; only ids, names, limits and errors are Azure's.
#include "chatreplier.h"
#include "multipart.h"
#include "sandboxserver_p.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>
#include <algorithm>
#include <memory>

namespace fs::sandbox {

namespace {

// A pause asked for while running: "pausing" this long (sandbox seconds), then "paused".
constexpr double kPausingSeconds = 2.0;

Reply azureError(int status, const QString &code, const QString &message, const QString &param = {})
{
    QJsonObject error {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    // The spec types param as a plain string: left out rather than null.
    if (!param.isEmpty())
        error.insert(QStringLiteral("param"), param);
    return SandboxServerPrivate::json(QJsonObject {{QStringLiteral("error"), error}}, status);
}

QString fallbackCode(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("401");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 409:
        return QStringLiteral("Conflict");
    case 429:
        return QStringLiteral("429");
    default:
        return status >= 500 ? QStringLiteral("InternalServerError") : QString::number(status);
    }
}

Reply deploymentNotFound()
{
    return azureError(404, QStringLiteral("DeploymentNotFound"),
            QStringLiteral("The API deployment for this resource does not exist. If you created "
                           "the deployment within the last 5 minutes, please wait a moment and "
                           "try again."));
}

Reply jobNotFoundAzure(const QString &id)
{
    return azureError(404, QStringLiteral("NotFound"),
            QStringLiteral("The specified fine-tuning job '%1' could not be found.").arg(id),
            QStringLiteral("fine_tuning_job_id"));
}

Reply fileNotFoundAzure(const QString &id)
{
    return azureError(404, QStringLiteral("NotFound"),
            QStringLiteral("File with id '%1' was not found.").arg(id), QStringLiteral("file_id"));
}

QString csvCell(bool present, double value)
{
    return present ? QString::number(roundMetric(value), 'f', 5) : QString();
}

} // namespace

QString azureId(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

void addAzureRequestIds(const QString &surface, Reply *reply)
{
    const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    if (surface == QLatin1String("openai")) {
        reply->headers.append({QByteArrayLiteral("apim-request-id"), id});
        return;
    }
    reply->headers.append({QByteArrayLiteral("x-ms-request-id"), id});
    reply->headers.append({QByteArrayLiteral("x-ms-correlation-request-id"),
            QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
}

qint64 SandboxServerPrivate::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + clockOffset * 1000;
}

// ---- errors and credentials -----------------------------------------------------------------

Reply SandboxServerPrivate::reshapeError(const QString &path, const Reply &openAiError)
{
    const QJsonObject error = QJsonDocument::fromJson(openAiError.body)
                                      .object()
                                      .value(QLatin1String("error"))
                                      .toObject();
    const QString message = error.value(QLatin1String("message")).toString();
    const QJsonValue code = error.value(QLatin1String("code"));
    Reply reply;
    if (path.startsWith(QLatin1String("/login"))) {
        // Microsoft's identity platform: OAuth's flat error object.
        const int status = openAiError.status;
        const QString oauth = status >= 500
                ? QStringLiteral("temporarily_unavailable")
                : (status == 429 ? QStringLiteral("slow_down") : QStringLiteral("invalid_request"));
        reply = json(QJsonObject {{QStringLiteral("error"), oauth},
                             {QStringLiteral("error_description"),
                                     QStringLiteral("AADSTS90033: %1").arg(message)},
                             {QStringLiteral("error_codes"), QJsonArray {90033}},
                             {QStringLiteral("timestamp"),
                                     QDateTime::currentDateTimeUtc().toString(
                                             QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"))},
                             {QStringLiteral("trace_id"),
                                     QUuid::createUuid().toString(QUuid::WithoutBraces)},
                             {QStringLiteral("correlation_id"),
                                     QUuid::createUuid().toString(QUuid::WithoutBraces)}},
                status);
    } else if (path.startsWith(QLatin1String("/subscriptions"))) {
        // Azure Resource Manager: common-types ErrorResponse.
        const int status = openAiError.status;
        const QString armCode = status == 429 ? QStringLiteral("TooManyRequests")
                : status >= 500               ? QStringLiteral("InternalServerError")
                : code.isString()             ? code.toString()
                                              : fallbackCode(status);
        reply = json(QJsonObject {{QStringLiteral("error"),
                             QJsonObject {{QStringLiteral("code"), armCode},
                                     {QStringLiteral("message"), message}}}},
                status);
    } else {
        // Azure's rate limit and key errors carry the status as their code.
        const int status = openAiError.status;
        reply = azureError(status,
                code.isString() && status != 429 && status != 401 ? code.toString()
                                                                  : fallbackCode(status),
                message, error.value(QLatin1String("param")).toString());
    }
    reply.headers = openAiError.headers;
    return reply;
}

bool SandboxServerPrivate::azureAuthorized(const HttpRequest &request, Reply *failure) const
{
    if (options.requiredKey.isEmpty())
        return true;
    const QByteArray apiKey = request.header("api-key").trimmed();
    const QByteArray authorization = request.header("authorization").trimmed();
    QByteArray bearer;
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        bearer = authorization.mid(7).trimmed();
    // The key in `api-key` or as a bearer (what the openai client sends with baseURL
    // …/openai/v1), or a Microsoft Entra token for Cognitive Services issued under /login.
    if (!apiKey.isEmpty() && QString::fromUtf8(apiKey) == options.requiredKey)
        return true;
    if (!bearer.isEmpty()) {
        const QString text = QString::fromUtf8(bearer);
        if (text == options.requiredKey)
            return true;
        const auto token = accessTokens.constFind(text);
        if (token != accessTokens.constEnd()
                && token->audience == QLatin1String("https://cognitiveservices.azure.com")
                && token->expiresAt > now())
            return true;
    }
    if (apiKey.isEmpty() && bearer.count('.') == 2) {
        // A Microsoft Entra token (a JWT) that is not for this resource, unknown or expired.
        *failure = azureError(401, QStringLiteral("401"),
                QStringLiteral("Unauthorized. Access token is missing, invalid, audience is "
                               "incorrect (https://cognitiveservices.azure.com), or have "
                               "expired."));
        return false;
    }
    *failure = azureError(401, QStringLiteral("401"),
            apiKey.isEmpty() && bearer.isEmpty()
                    ? QStringLiteral("Access denied due to missing subscription key. Make sure "
                                     "to include subscription key when making requests to an "
                                     "API.")
                    : QStringLiteral("Access denied due to invalid subscription key or wrong API "
                                     "endpoint. Make sure to provide a valid key for an active "
                                     "subscription and use a correct regional API endpoint for "
                                     "your resource."));
    return false;
}

// ---- routing --------------------------------------------------------------------------------

Reply SandboxServerPrivate::routeAzure(const HttpRequest &request, HttpExchange *exchange,
        const QStringList &s, const QByteArray &requestId)
{
    // The v1 surface takes no dated api-version: only the spec's v1 and preview.
    if (request.query.hasQueryItem(QStringLiteral("api-version"))) {
        const QString version = request.query.queryItemValue(QStringLiteral("api-version"));
        if (version != QLatin1String("v1") && version != QLatin1String("preview"))
            return azureError(400, QStringLiteral("BadRequest"),
                    QStringLiteral("API version not supported"), QStringLiteral("api-version"));
    }
    const QByteArray &m = request.method;
    const qsizetype n = s.size();
    const QString area = s.value(0);
    Reply reply = notFoundPath(request);
    if (area == QLatin1String("files")) {
        reply = routeAzureFiles(request, s);
    } else if (area == QLatin1String("fine_tuning") && s.value(1) == QLatin1String("jobs")) {
        reply = routeAzureJobs(request, s);
    } else if (area == QLatin1String("models") && m == "GET") {
        if (n == 1)
            reply = azureModels();
        else if (n == 2)
            reply = azureModel(s.at(1));
    } else if (area == QLatin1String("chat") && n == 2 && s.at(1) == QLatin1String("completions")
            && m == "POST") {
        reply = azureChat(request, exchange, requestId);
    }
    if (reply.handled || reply.status < 400)
        return reply;
    if (reply.body.contains("Invalid URL ("))
        return azureError(404, QStringLiteral("404"), QStringLiteral("Resource not found"));
    return reshapeError(request.path, reply);
}

Reply SandboxServerPrivate::routeAzureFiles(const HttpRequest &request, const QStringList &s)
{
    const QByteArray &m = request.method;
    const qsizetype n = s.size();
    if (n == 1 && m == "POST")
        return azureCreateFile(request);
    if (n == 1 && m == "GET")
        return azureListFiles(request);
    if (n >= 2 && !azureFile(s.at(1)))
        return fileNotFoundAzure(s.at(1));
    if (n == 2 && m == "GET")
        return json(azureFileJson(*azureFile(s.at(1))));
    if (n == 2 && m == "DELETE")
        return deleteFile(s.at(1));
    if (n == 3 && m == "GET" && s.at(2) == QLatin1String("content"))
        return fileContent(s.at(1));
    return notFoundPath(request);
}

Reply SandboxServerPrivate::routeAzureJobs(const HttpRequest &request, const QStringList &s)
{
    const QByteArray &m = request.method;
    const qsizetype n = s.size();
    const QString id = s.value(2);
    const QString action = s.value(3);
    if (n == 2 && m == "POST")
        return createJob(request, kAzureDialect);
    if (n == 2 && m == "GET")
        return listJobs(request, kAzureDialect);
    if (n >= 3 && !azureJob(id))
        return jobNotFoundAzure(id);
    if (n == 3 && m == "GET")
        return retrieveJob(id, kAzureDialect);
    if (n == 4 && m == "POST" && action == QLatin1String("cancel"))
        return cancelJob(id);
    if (n == 4 && m == "POST" && action == QLatin1String("pause"))
        return azurePauseJob(id);
    if (n == 4 && m == "POST" && action == QLatin1String("resume"))
        return azureResumeJob(id);
    // Azure's how-to pages POST to events and checkpoints, its spec says GET: both answer.
    const bool read = m == "GET" || m == "POST";
    if (n == 4 && read && action == QLatin1String("events"))
        return listEvents(id, request);
    if (n == 4 && read && action == QLatin1String("checkpoints"))
        return listCheckpoints(id, request);
    return notFoundPath(request);
}

Reply SandboxServerPrivate::azureModel(const QString &id) const
{
    const QJsonArray data = QJsonDocument::fromJson(azureModels().body)
                                    .object()
                                    .value(QLatin1String("data"))
                                    .toArray();
    Reply reply = azureError(404, QStringLiteral("NotFound"),
            QStringLiteral("The model '%1' does not exist.").arg(id), QStringLiteral("model"));
    for (const QJsonValue &model : data) {
        if (model.toObject().value(QLatin1String("id")).toString() == id)
            reply = json(model.toObject());
    }
    return reply;
}

Reply SandboxServerPrivate::azureChat(
        const HttpRequest &request, HttpExchange *exchange, const QByteArray &requestId)
{
    // The answer names the model behind the deployment, as Azure does.
    auto served = std::make_shared<QString>();
    return chatCompletion(
            request, exchange, requestId,
            [this, served](const QString &deployment, const QString &prompt, QString *text,
                    Reply *failure) {
                return resolveAzureChat(deployment, prompt, text, served.get(), failure);
            },
            [served](QJsonObject completion) {
                completion.insert(QStringLiteral("model"), *served);
                // Azure's stream schema types usage as an object, never null: chunks before
                // the last leave it out instead of sending null as OpenAI does.
                if (completion.value(QLatin1String("usage")).isNull())
                    completion.remove(QStringLiteral("usage"));
                return completion;
            });
}

// ---- files ----------------------------------------------------------------------------------

const StoredFile *SandboxServerPrivate::azureFile(const QString &id) const
{
    const auto it = files.constFind(id);
    return it != files.constEnd() && it->dialect == kAzureDialect ? &*it : nullptr;
}

QJsonObject SandboxServerPrivate::azureFileJson(const StoredFile &file) const
{
    QJsonObject object = fileJson(file);
    // Azure's word for a file still being imported is "pending".
    if (object.value(QLatin1String("status")).toString() == QLatin1String("uploaded"))
        object.insert(QStringLiteral("status"), QStringLiteral("pending"));
    return object;
}

Reply SandboxServerPrivate::azureCreateFile(const HttpRequest &request)
{
    const QByteArray contentType = request.header("content-type");
    QList<MultipartField> fields;
    if (!contentType.toLower().startsWith("multipart/form-data")
            || !parseMultipart(contentType, request.body, &fields))
        return azureError(400, QStringLiteral("invalidPayload"),
                QStringLiteral("The request body must be multipart/form-data with the fields "
                               "'file' and 'purpose'."));
    const MultipartField *fileField = findField(fields, "file");
    const MultipartField *purposeField = findField(fields, "purpose");
    if (!fileField || !fileField->hasFilename)
        return azureError(400, QStringLiteral("invalidPayload"),
                QStringLiteral("Missing required parameter: 'file'."), QStringLiteral("file"));
    static const QStringList purposes = {QStringLiteral("assistants"), QStringLiteral("batch"),
            QStringLiteral("fine-tune"), QStringLiteral("evals")};
    const QString purpose =
            purposeField ? QString::fromUtf8(purposeField->data).trimmed() : QString();
    if (!purposes.contains(purpose))
        return azureError(400, QStringLiteral("invalidPayload"),
                QStringLiteral("'%1' is not a supported purpose. Supported purposes are: "
                               "assistants, batch, fine-tune, evals.")
                        .arg(purpose),
                QStringLiteral("purpose"));
    // The spec requires expires_after (anchor created_at), by OpenAPI's multipart rules a JSON
    // part; the openai client sends expires_after[anchor] and [seconds]; Azure's own how-to
    // sends none. All three are taken.
    std::optional<qint64> expiresAfter;
    QByteArray anchorText;
    QByteArray secondsText;
    if (const MultipartField *object = findField(fields, "expires_after")) {
        const QJsonObject o = QJsonDocument::fromJson(object->data).object();
        anchorText = o.value(QLatin1String("anchor")).toString().toUtf8();
        secondsText = QByteArray::number(o.value(QLatin1String("seconds")).toInteger(-1));
    } else if (const MultipartField *seconds = findField(fields, "expires_after[seconds]")) {
        const MultipartField *anchor = findField(fields, "expires_after[anchor]");
        anchorText = anchor ? anchor->data.trimmed() : QByteArray("created_at");
        secondsText = seconds->data.trimmed();
    }
    if (!secondsText.isEmpty()) {
        bool ok = false;
        const qint64 value = secondsText.toLongLong(&ok);
        if (!ok || value < 1209600 || value > 2592000 || anchorText != "created_at")
            return azureError(400, QStringLiteral("invalidPayload"),
                    QStringLiteral("'expires_after' takes anchor 'created_at' and between "
                                   "1209600 (14 days) and 2592000 (30 days) seconds."),
                    QStringLiteral("expires_after"));
        expiresAfter = value;
    }
    if (fileField->data.size() >= options.azureMaxFileBytes)
        return azureError(413, QStringLiteral("fileTooLarge"),
                QStringLiteral("The file is %1 bytes. Azure OpenAI takes files smaller than %2 "
                               "bytes (512 MB); import larger training files from Azure Blob "
                               "Storage instead.")
                        .arg(fileField->data.size())
                        .arg(options.azureMaxFileBytes),
                QStringLiteral("file"));
    if (fileField->data.isEmpty())
        return azureError(400, QStringLiteral("invalidPayload"),
                QStringLiteral("The file is empty."), QStringLiteral("file"));
    QString problem;
    StoredFile *file = createFile(QString::fromUtf8(fileField->filename), purpose, fileField->data,
            &problem, azureId("file-"));
    if (!file)
        return reshapeError(request.path, storageFailure(problem));
    file->dialect = kAzureDialect;
    if (expiresAfter)
        file->expiresAt = file->createdAt + *expiresAfter;
    scheduleSave();
    return json(azureFileJson(*file));
}

Reply SandboxServerPrivate::azureListFiles(const HttpRequest &request) const
{
    const QString purpose = request.query.queryItemValue(QStringLiteral("purpose"));
    QList<const StoredFile *> list;
    for (const StoredFile &file : std::as_const(files)) {
        if (file.dialect == kAzureDialect && (purpose.isEmpty() || file.purpose == purpose))
            list.append(&file);
    }
    sortNewestFirst(list);
    QJsonArray data;
    for (const StoredFile *file : std::as_const(list))
        data.append(azureFileJson(*file));
    // first_id and last_id are required strings in the spec.
    auto idAt = [&data](qsizetype i) {
        return data.isEmpty() ? QString()
                              : data.at(i).toObject().value(QLatin1String("id")).toString();
    };
    return json(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
            {QStringLiteral("data"), data}, {QStringLiteral("first_id"), idAt(0)},
            {QStringLiteral("last_id"), idAt(data.size() - 1)},
            {QStringLiteral("has_more"), false}});
}

// ---- jobs -----------------------------------------------------------------------------------

const StoredJob *SandboxServerPrivate::azureJob(const QString &id) const
{
    const auto it = jobs.constFind(id);
    return it != jobs.constEnd() && it->dialect == kAzureDialect ? &*it : nullptr;
}

const StoredJob *SandboxServerPrivate::azureJobByModel(const QString &model) const
{
    for (const StoredJob &job : std::as_const(jobs)) {
        if (job.dialect == kAzureDialect && job.modelPublished && job.plannedModel == model)
            return &job;
    }
    return nullptr;
}

Reply SandboxServerPrivate::azurePauseJob(const QString &id)
{
    StoredJob &job = jobs[id];
    // Azure pauses only a running job that has trained at least one step.
    if (job.status != QLatin1String("running") || job.stepsDone < 1)
        return azureError(400, QStringLiteral("invalidJobStatus"),
                QStringLiteral("Job %1 cannot be paused: its status is '%2'. Only a running job "
                               "that has trained at least one step can be paused.")
                        .arg(id, job.status),
                QStringLiteral("fine_tuning_job_id"));
    job.statusBeforePause = job.status;
    job.status = QStringLiteral("pausing");
    job.phaseElapsed = 0;
    addEvent(job, QStringLiteral("info"), QStringLiteral("Pausing the fine-tuning job"));
    if (port != 0 && !tick.isActive()) {
        tickClock.start();
        tick.start();
    }
    return json(jobJson(job));
}

Reply SandboxServerPrivate::azureResumeJob(const QString &id)
{
    StoredJob &job = jobs[id];
    if (job.status != QLatin1String("paused"))
        return azureError(400, QStringLiteral("invalidJobStatus"),
                QStringLiteral("Job %1 cannot be resumed: its status is '%2'. Only a paused job "
                               "can be resumed.")
                        .arg(id, job.status),
                QStringLiteral("fine_tuning_job_id"));
    return resumeJob(id);
}

bool SandboxServerPrivate::advanceAzureJobs(double seconds)
{
    bool still = false;
    for (StoredJob &job : jobs) {
        if (job.dialect != kAzureDialect || job.status != QLatin1String("pausing"))
            continue;
        job.phaseElapsed += seconds;
        if (job.phaseElapsed < kPausingSeconds) {
            still = true;
            continue;
        }
        // Paused: a deployable checkpoint at the step reached, as Azure makes one.
        job.phaseElapsed = 0;
        job.status = QStringLiteral("paused");
        const TrainingCurve curve(job.curve);
        const StepMetrics m = curve.at(job.stepsDone);
        QJsonObject metrics {{QStringLiteral("step"), job.stepsDone},
                {QStringLiteral("train_loss"), roundMetric(m.trainLoss)},
                {QStringLiteral("train_mean_token_accuracy"), roundMetric(m.trainAccuracy)}};
        if (m.hasValid) {
            metrics.insert(QStringLiteral("valid_loss"), roundMetric(m.validLoss));
            metrics.insert(
                    QStringLiteral("valid_mean_token_accuracy"), roundMetric(m.validAccuracy));
        }
        const bool known = std::any_of(job.checkpoints.cbegin(), job.checkpoints.cend(),
                [&job](const CheckpointRecord &c) { return c.step == job.stepsDone; });
        if (!known)
            job.checkpoints.append({azureId("ftchkpt-"), now(),
                    job.plannedModel + QStringLiteral(":ckpt-step-%1").arg(job.stepsDone),
                    job.stepsDone, metrics});
        addEvent(job, QStringLiteral("info"),
                QStringLiteral("Fine-tuning job paused at step %1; a deployable checkpoint was "
                               "created")
                        .arg(job.stepsDone));
        scheduleSave();
    }
    return still;
}

QByteArray SandboxServerPrivate::azureResultCsv(const StoredJob &job) const
{
    // Azure's columns (its how-to's table): validation_mean_token_accuracy, not valid_….
    QByteArray csv = "step,train_loss,train_mean_token_accuracy,valid_loss,"
                     "validation_mean_token_accuracy,full_valid_loss,"
                     "full_valid_mean_token_accuracy\n";
    const TrainingCurve curve(job.curve);
    for (int step = 1; step <= job.curve.plan.totalSteps; ++step) {
        const StepMetrics m = curve.at(step);
        const QStringList cells {QString::number(step), csvCell(true, m.trainLoss),
                csvCell(true, m.trainAccuracy), csvCell(m.hasValid, m.validLoss),
                csvCell(m.hasValid, m.validAccuracy), csvCell(m.hasFullValid, m.fullValidLoss),
                csvCell(m.hasFullValid, m.fullValidAccuracy)};
        csv += cells.join(QLatin1Char(',')).toLatin1() + '\n';
    }
    return csv;
}

// ---- models and chat ------------------------------------------------------------------------

Reply SandboxServerPrivate::azureModels() const
{
    QJsonArray data;
    for (const ModelRecord &model : std::as_const(models)) {
        if (model.jobId.isEmpty() && model.listed)
            data.append(modelJson(model));
    }
    for (const StoredJob &job : std::as_const(jobs)) {
        if (job.dialect == kAzureDialect && job.modelPublished)
            data.append(QJsonObject {{QStringLiteral("id"), job.plannedModel},
                    {QStringLiteral("object"), QStringLiteral("model")},
                    {QStringLiteral("created"), job.finishedAt.value_or(job.createdAt)},
                    {QStringLiteral("owned_by"), QStringLiteral("organization-owner")}});
    }
    return json(QJsonObject {
            {QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
}

bool SandboxServerPrivate::resolveAzureChat(const QString &deploymentName, const QString &prompt,
        QString *reply, QString *servedModel, Reply *failure)
{
    // Base models answer under their own names (the sandbox's resource has a deployment of
    // each, named after it); a fine-tune only through a deployment that has succeeded.
    const auto base = models.constFind(deploymentName);
    if (base != models.constEnd() && base->jobId.isEmpty()) {
        *servedModel = deploymentName;
        *reply = ChatReplier::baseReply(deploymentName, prompt);
        return true;
    }
    const AzureDeployment *deployment = succeededAzureDeployment(deploymentName);
    if (!deployment) {
        *failure = deploymentNotFound();
        return false;
    }
    QString jobId;
    azureDeployable(deployment->model, &jobId, servedModel);
    const auto job = jobs.constFind(jobId);
    *reply = job != jobs.constEnd() ? ChatReplier::fineTunedReply(*servedModel, prompt, job->pairs)
                                    : ChatReplier::baseReply(*servedModel, prompt);
    return true;
}

} // namespace fs::sandbox
