// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxserver.h"
#include "sandboxserver_p.h"
#include "sandboxstate.h"

#include "practicebucket.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStorageInfo>
#include <QtMath>

namespace fs::sandbox {

namespace {

const QString kStateFile = QStringLiteral("state.json");

/// "openai" (/openai/v1), "subscriptions" (the management plane) or "login"; empty otherwise.
QString azureDialectOf(const QString &path)
{
    for (const char *root : {"openai/v1", "subscriptions", "login"}) {
        const QString prefix = QLatin1Char('/') + QLatin1String(root);
        if (path == prefix || path.startsWith(prefix + QLatin1Char('/')))
            return QString::fromLatin1(root).section(QLatin1Char('/'), 0, 0);
    }
    return {};
}

/// Every record of `records` in the saved state's form.
template<typename Record>
QJsonArray stateArray(const QMap<QString, Record> &records)
{
    QJsonArray array;
    for (const Record &record : records)
        array.append(state::toJson(record));
    return array;
}

/// Adds the records saved in `array` (those with an id) to `records`.
template<typename Record>
void insertRecords(QMap<QString, Record> *records, const QJsonArray &array,
        Record (*read)(const QJsonObject &))
{
    for (const QJsonValue &value : array) {
        const Record record = read(value.toObject());
        if (!record.id.isEmpty())
            records->insert(record.id, record);
    }
}

} // namespace

double roundMetric(double value)
{
    return std::round(value * 100000.0) / 100000.0;
}

// ---- private: helpers -----------------------------------------------------------------------

SandboxServerPrivate::SandboxServerPrivate(SandboxServer *qq, const SandboxOptions &opts)
    : q(qq)
    , options(opts)
{
    if (!(options.timeScale > 0))
        options.timeScale = 1.0;
    if (options.deviceCodeApprovalSeconds < 0) {
        bool ok = false;
        const double seconds = qEnvironmentVariable("FS_SANDBOX_SIGN_IN_SECONDS").toDouble(&ok);
        options.deviceCodeApprovalSeconds = ok && seconds >= 0 ? seconds : 5.0;
    }
}

qint64 SandboxServerPrivate::now() const
{
    return QDateTime::currentSecsSinceEpoch() + clockOffset;
}

QString SandboxServerPrivate::newId(const QString &prefix, int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id = prefix;
    for (int i = 0; i < length; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]);
    return id;
}

Reply SandboxServerPrivate::json(const QJsonObject &object, int status)
{
    Reply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Indented);
    return reply;
}

Reply SandboxServerPrivate::error(int status, const QString &message, const QString &type,
        const QJsonValue &param, const QJsonValue &code)
{
    const QJsonObject body {{QStringLiteral("error"),
            QJsonObject {{QStringLiteral("message"), message}, {QStringLiteral("type"), type},
                    {QStringLiteral("param"), param}, {QStringLiteral("code"), code}}}};
    return json(body, status);
}

Reply SandboxServerPrivate::notFoundPath(const HttpRequest &request)
{
    return error(404,
            QStringLiteral("Invalid URL (%1 %2)")
                    .arg(QString::fromLatin1(request.method), request.path),
            QStringLiteral("invalid_request_error"));
}

Reply SandboxServerPrivate::badJson()
{
    return error(400,
            QStringLiteral("We could not parse the JSON body of your request. (HINT: This likely "
                           "means you aren't using your HTTP library correctly. The OpenAI API "
                           "expects a JSON payload, but what was sent was not valid JSON. If you "
                           "have trouble figuring out how to fix this, please contact us through "
                           "our help center at help.openai.com.)"),
            QStringLiteral("invalid_request_error"));
}

Reply SandboxServerPrivate::missingParameter(const QString &name)
{
    return error(400, QStringLiteral("Missing required parameter: '%1'.").arg(name),
            QStringLiteral("invalid_request_error"), name,
            QStringLiteral("missing_required_parameter"));
}

bool SandboxServerPrivate::parseJsonBody(
        const HttpRequest &request, QJsonObject *object, Reply *failure)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *failure = badJson();
        return false;
    }
    *object = document.object();
    return true;
}

int SandboxServerPrivate::queryLimit(
        const HttpRequest &request, int fallback, int maximum, Reply *failure, bool *ok)
{
    *ok = true;
    if (!request.query.hasQueryItem(QStringLiteral("limit")))
        return fallback;
    bool number = false;
    const int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&number);
    if (!number || limit < 1 || limit > maximum) {
        *ok = false;
        *failure = error(400,
                QStringLiteral("Invalid 'limit': expected an integer between 1 and %1.")
                        .arg(maximum),
                QStringLiteral("invalid_request_error"), QStringLiteral("limit"),
                QStringLiteral("integer_out_of_range"));
    }
    return limit;
}

// ---- private: dispatch ----------------------------------------------------------------------

void SandboxServerPrivate::handle(const HttpRequest &request, HttpExchange *exchange)
{
    const QString method = QString::fromLatin1(request.method);
    const QString path = request.path;
    QObject::connect(exchange, &HttpExchange::finished, q,
            [this, method, path](int status) { Q_EMIT q->requestServed(method, path, status); });
    Q_EMIT q->requestReceived(method, path, request.body);
    if (latencyMs > 0 && !path.startsWith(QLatin1String("/_sandbox"))) {
        QTimer::singleShot(
                latencyMs, exchange, [this, request, exchange] { process(request, exchange); });
        return;
    }
    process(request, exchange);
}

void SandboxServerPrivate::process(const HttpRequest &request, HttpExchange *exchange)
{
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    const QByteArray requestId = "req_" + newId(QString(), 32).toLatin1().toLower();
    Reply reply;
    const QString &path = request.path;
    // Together AI's dialect shares the engine; its presigned upload target needs no key.
    const bool together = path == QLatin1String("/together/v1")
            || path.startsWith(QLatin1String("/together/v1/"));
    const QLatin1String presigned("/together/_upload/");
    if (path == QLatin1String("/_sandbox") || path.startsWith(QLatin1String("/_sandbox/"))) {
        reply = handleControl(request);
    } else if (s3
            && (path == practice::storagePath()
                    || path.startsWith(practice::storagePath() + QLatin1Char('/')))) {
        s3->handle(request, exchange); // S3's own headers, errors and signatures
        return;
    } else if (path == QLatin1String("/fireworks")
            || path.startsWith(QLatin1String("/fireworks/"))) {
        reply = handleFireworks(request, exchange, requestId); // Fireworks AI's dialect
    } else if (path.startsWith(presigned) && request.method == "PUT") {
        reply = presignedPut(request, path.mid(presigned.size()));
    } else if (const QString dialect = azureDialectOf(path); !dialect.isEmpty()) {
        // Azure OpenAI: the data plane, the management plane and the sign-in, each with its
        // own credentials and error shape.
        const bool data = dialect == QLatin1String("openai");
        const bool management = dialect == QLatin1String("subscriptions");
        if (data ? azureAuthorized(request, &reply)
                 : (!management || managementAuthorized(request, &reply))) {
            bool injected = false;
            reply = takeInjectedError(path, &injected);
            if (injected) {
                reply = reshapeError(path, reply);
            } else {
                const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
                reply = data ? routeAzure(request, exchange, segments.mid(2), requestId)
                             : (management ? routeAzureManagement(request, segments)
                                           : routeLogin(request, segments.mid(1)));
            }
        }
        addAzureRequestIds(dialect, &reply);
    } else if (!together && path != QLatin1String("/v1")
            && !path.startsWith(QLatin1String("/v1/"))) {
        reply = notFoundPath(request);
    } else if (!authorized(request, &reply)) {
        if (together)
            reply = togetherAuthFailure(reply);
    } else {
        bool injected = false;
        reply = takeInjectedError(path, &injected);
        if (!injected) {
            const QStringList segments =
                    path.mid(together ? 12 : 3).split(QLatin1Char('/'), Qt::SkipEmptyParts);
            reply = together ? routeTogether(request, exchange, segments, requestId)
                             : route(request, exchange, segments, requestId);
        }
    }
    if (!reply.handled)
        send(exchange, reply, requestId, startedMs);
}

void SandboxServerPrivate::send(
        HttpExchange *exchange, const Reply &reply, const QByteArray &requestId, qint64 startedMs)
{
    HttpHeaders headers;
    if (!reply.contentType.isEmpty()) // empty: no body, so no type (ARM's DELETE answers)
        headers.append({QByteArrayLiteral("Content-Type"), reply.contentType});
    headers.append({QByteArrayLiteral("x-request-id"), requestId});
    headers.append({QByteArrayLiteral("openai-processing-ms"),
            QByteArray::number(QDateTime::currentMSecsSinceEpoch() - startedMs)});
    headers.append({QByteArrayLiteral("openai-version"), QByteArrayLiteral("2020-10-01")});
    headers.append({QByteArrayLiteral("openai-organization"), QByteArrayLiteral("sandbox")});
    headers += reply.headers;
    exchange->respond(reply.status, headers, reply.body);
}

bool SandboxServerPrivate::authorized(const HttpRequest &request, Reply *failure) const
{
    if (options.requiredKey.isEmpty())
        return true;
    QByteArray key;
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        key = authorization.mid(7).trimmed();
    else if (!request.header("api-key").isEmpty()) // Azure OpenAI style
        key = request.header("api-key").trimmed();
    if (!key.isEmpty() && QString::fromUtf8(key) == options.requiredKey)
        return true;
    QString message;
    if (key.isEmpty()) {
        message = QStringLiteral(
                "You didn't provide an API key. You need to provide your API key in an "
                "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), "
                "or as the password field (with blank username) if you're accessing the API "
                "from your browser and are prompted for a username and password. You can obtain "
                "an API key from https://platform.openai.com/account/api-keys.");
    } else {
        // Like the service: show only the ends of the key so logs never hold the whole of it.
        const QString text = QString::fromUtf8(key);
        const QString masked = text.size() > 8
                ? text.left(5) + QStringLiteral("***") + text.right(2)
                : QStringLiteral("***");
        message = QStringLiteral("Incorrect API key provided: %1. You can find your API key at "
                                 "https://platform.openai.com/account/api-keys.")
                          .arg(masked);
    }
    *failure = error(401, message, QStringLiteral("invalid_request_error"), QJsonValue::Null,
            QStringLiteral("invalid_api_key"));
    return false;
}

Reply SandboxServerPrivate::takeInjectedError(const QString &path, bool *matched)
{
    *matched = false;
    for (qsizetype i = 0; i < httpErrors.size(); ++i) {
        InjectedError &fault = httpErrors[i];
        if (!fault.pathPart.isEmpty() && !path.contains(fault.pathPart))
            continue;
        *matched = true;
        const InjectedError copy = fault;
        if (--fault.count <= 0)
            httpErrors.removeAt(i);
        Reply reply;
        switch (copy.status) {
        case 429:
            reply = error(429,
                    QStringLiteral("Rate limit reached for requests in organization "
                                   "org-sandbox on requests per min (RPM): Limit 3, Used "
                                   "3, Requested 1. Please try again in %1s. Visit "
                                   "https://platform.openai.com/account/rate-limits to "
                                   "learn more.")
                            .arg(copy.retryAfter),
                    QStringLiteral("requests"), QJsonValue::Null,
                    QStringLiteral("rate_limit_exceeded"));
            reply.headers.append(
                    {QByteArrayLiteral("retry-after"), QByteArray::number(copy.retryAfter)});
            reply.headers.append({QByteArrayLiteral("x-ratelimit-limit-requests"), "3"});
            reply.headers.append({QByteArrayLiteral("x-ratelimit-remaining-requests"), "0"});
            reply.headers.append({QByteArrayLiteral("x-ratelimit-reset-requests"),
                    QByteArray::number(copy.retryAfter) + "s"});
            break;
        case 500:
            reply = error(500,
                    QStringLiteral("The server had an error while processing your "
                                   "request. Sorry about that!"),
                    QStringLiteral("server_error"));
            break;
        case 502:
            reply = error(502, QStringLiteral("Bad gateway."), QStringLiteral("server_error"));
            break;
        case 503:
            reply = error(503,
                    QStringLiteral("The engine is currently overloaded, please try again "
                                   "later."),
                    QStringLiteral("server_error"));
            break;
        case 401:
            reply = error(401, QStringLiteral("Incorrect API key provided."),
                    QStringLiteral("invalid_request_error"), QJsonValue::Null,
                    QStringLiteral("invalid_api_key"));
            break;
        case 403:
            reply = error(403, QStringLiteral("You are not allowed to perform this request."),
                    QStringLiteral("invalid_request_error"), QJsonValue::Null,
                    QStringLiteral("permission_denied"));
            break;
        default:
            reply = error(copy.status,
                    QStringLiteral("The sandbox was asked to answer this request with "
                                   "HTTP %1.")
                            .arg(copy.status),
                    copy.status >= 500 ? QStringLiteral("server_error")
                                       : QStringLiteral("invalid_request_error"));
            break;
        }
        return reply;
    }
    return {};
}

Reply SandboxServerPrivate::handleControl(const HttpRequest &request)
{
    const QString path = request.path;
    const QByteArray &method = request.method;
    auto faultsJson = [this] {
        QJsonArray errors;
        for (const InjectedError &fault : std::as_const(httpErrors))
            errors.append(QJsonObject {{QStringLiteral("status"), fault.status},
                    {QStringLiteral("count"), fault.count},
                    {QStringLiteral("path"), fault.pathPart},
                    {QStringLiteral("retry_after"), fault.retryAfter}});
        return QJsonObject {{QStringLiteral("latency_ms"), latencyMs},
                {QStringLiteral("http_errors"), errors},
                {QStringLiteral("stream_drop_after"), streamDropAfter},
                {QStringLiteral("training_not_available"), trainingNotAvailable},
                {QStringLiteral("azure_sign_in_declined"), signInDeclined},
                {QStringLiteral("time_scale"), options.timeScale},
                {QStringLiteral("clock_offset"), clockOffset}};
    };
    if (path == QLatin1String("/_sandbox/faults")) {
        if (method == "GET")
            return json(faultsJson());
        if (method == "DELETE") {
            q->clearFaults();
            return json(faultsJson());
        }
        if (method == "POST") {
            QJsonObject body;
            Reply failure;
            if (!parseJsonBody(request, &body, &failure))
                return failure;
            if (body.contains(QLatin1String("latency_ms")))
                q->injectLatency(body.value(QLatin1String("latency_ms")).toInt());
            auto addError = [this](const QJsonObject &e) {
                q->injectHttpError(e.value(QLatin1String("status")).toInt(500),
                        e.value(QLatin1String("count")).toInt(1),
                        e.value(QLatin1String("path")).toString(),
                        e.value(QLatin1String("retry_after")).toInt(1));
            };
            const QJsonValue errorValue = body.value(QLatin1String("http_error"));
            if (errorValue.isObject())
                addError(errorValue.toObject());
            else if (errorValue.isArray()) {
                const QJsonArray array = errorValue.toArray();
                for (const QJsonValue &e : array)
                    addError(e.toObject());
            }
            if (body.contains(QLatin1String("stream_drop_after")))
                q->injectStreamDrop(body.value(QLatin1String("stream_drop_after")).toInt(2));
            if (body.contains(QLatin1String("training_not_available")))
                q->setTrainingNotAvailable(
                        body.value(QLatin1String("training_not_available")).toBool());
            if (body.contains(QLatin1String("time_scale"))) {
                const double scale = body.value(QLatin1String("time_scale")).toDouble();
                if (scale > 0)
                    q->setTimeScale(scale);
            }
            if (body.contains(QLatin1String("azure_sign_in_declined")))
                signInDeclined = body.value(QLatin1String("azure_sign_in_declined")).toBool();
            if (body.contains(QLatin1String("advance_clock_seconds")))
                q->advanceClock(
                        qint64(body.value(QLatin1String("advance_clock_seconds")).toDouble()));
            return json(faultsJson());
        }
    }
    if (path == QLatin1String("/_sandbox/health") && method == "GET")
        return json(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")}});
    return notFoundPath(request);
}

Reply SandboxServerPrivate::route(const HttpRequest &request, HttpExchange *exchange,
        const QStringList &s, const QByteArray &requestId)
{
    const QByteArray &m = request.method;
    const qsizetype n = s.size();
    if (n == 0)
        return notFoundPath(request);
    const QString &area = s.at(0);
    if (area == QLatin1String("models")) {
        // Model ids may contain '/' only if encoded; join the rest to be safe.
        if (n == 1 && m == "GET")
            return listModels();
        if (n >= 2) {
            const QString id = s.mid(1).join(QLatin1Char('/'));
            if (m == "GET")
                return retrieveModel(id);
            if (m == "DELETE")
                return deleteModel(id);
        }
    } else if (area == QLatin1String("files")) {
        if (n == 1 && m == "POST")
            return createFileRequest(request);
        if (n == 1 && m == "GET")
            return listFiles(request);
        if (n == 2 && m == "GET")
            return retrieveFile(s.at(1));
        if (n == 2 && m == "DELETE")
            return deleteFile(s.at(1));
        if (n == 3 && m == "GET" && s.at(2) == QLatin1String("content"))
            return fileContent(s.at(1));
    } else if (area == QLatin1String("uploads")) {
        if (n == 1 && m == "POST")
            return createUpload(request);
        if (n == 3 && m == "POST") {
            if (s.at(2) == QLatin1String("parts"))
                return addUploadPart(s.at(1), request);
            if (s.at(2) == QLatin1String("complete"))
                return completeUpload(s.at(1), request);
            if (s.at(2) == QLatin1String("cancel"))
                return cancelUpload(s.at(1));
        }
    } else if (area == QLatin1String("fine_tuning") && n >= 2 && s.at(1) == QLatin1String("jobs")) {
        if (n == 2 && m == "POST")
            return createJob(request);
        if (n == 2 && m == "GET")
            return listJobs(request);
        if (n == 3 && m == "GET")
            return retrieveJob(s.at(2));
        if (n == 4 && m == "POST") {
            if (s.at(3) == QLatin1String("cancel"))
                return cancelJob(s.at(2));
            if (s.at(3) == QLatin1String("pause"))
                return pauseJob(s.at(2));
            if (s.at(3) == QLatin1String("resume"))
                return resumeJob(s.at(2));
        }
        if (n == 4 && m == "GET") {
            if (s.at(3) == QLatin1String("events"))
                return listEvents(s.at(2), request);
            if (s.at(3) == QLatin1String("checkpoints"))
                return listCheckpoints(s.at(2), request);
        }
    } else if (area == QLatin1String("chat") && n == 2 && s.at(1) == QLatin1String("completions")
            && m == "POST") {
        return chatCompletion(request, exchange, requestId);
    }
    return notFoundPath(request);
}

// ---- private: persistence -------------------------------------------------------------------

QString SandboxServerPrivate::filePath(const QString &fileId) const
{
    return QDir(options.dataDir).filePath(QStringLiteral("files/") + fileId);
}

QString SandboxServerPrivate::partPath(const QString &uploadId, const QString &partId) const
{
    return QDir(options.dataDir).filePath(QStringLiteral("uploads/%1/%2").arg(uploadId, partId));
}

QByteArray SandboxServerPrivate::fileData(const StoredFile &file) const
{
    if (options.dataDir.isEmpty())
        return file.data;
    QFile f(filePath(file.id));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool SandboxServerPrivate::writeFileData(StoredFile *file, const QByteArray &data, QString *problem)
{
    file->bytes = data.size();
    if (options.dataDir.isEmpty()) {
        file->data = data;
        return true;
    }
    if (noSpaceFor(data.size())) {
        if (problem)
            *problem = noSpaceProblem();
        return false;
    }
    // QSaveFile: on any failure the half-written temporary file is removed, never listed.
    QSaveFile f(filePath(file->id));
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (problem)
            *problem = writeProblem(f, data.size());
        return false;
    }
    return true;
}

bool SandboxServerPrivate::noSpaceFor(qint64 bytes) const
{
    if (diskFull)
        return true;
    if (options.dataDir.isEmpty())
        return false;
    QStorageInfo storage(options.dataDir);
    if (!storage.isValid())
        return false;
    storage.refresh();
    // Room for the bytes and the state file written after them.
    return storage.bytesAvailable() >= 0 && storage.bytesAvailable() < bytes + (1 << 20);
}

QString SandboxServerPrivate::writeProblem(const QFileDevice &file, qint64 bytes) const
{
    if (noSpaceFor(bytes))
        return noSpaceProblem();
    const QString text = file.errorString();
    return text.isEmpty() || text == QLatin1String("Unknown error")
            ? QStringLiteral("the data folder could not be written")
            : text;
}

QString SandboxServerPrivate::noSpaceProblem()
{
    return QStringLiteral("there is no space left on the disk of the sandbox's data folder");
}

Reply SandboxServerPrivate::storageFailure(const QString &problem)
{
    if (problem == noSpaceProblem())
        return error(507,
                QStringLiteral("The file could not be stored: %1. Free some disk space, then "
                               "upload it again.")
                        .arg(problem),
                QStringLiteral("server_error"), QJsonValue::Null,
                QStringLiteral("insufficient_storage"));
    return error(500, QStringLiteral("The file could not be stored: %1").arg(problem),
            QStringLiteral("server_error"));
}

void SandboxServerPrivate::removeFileData(const StoredFile &file)
{
    if (!options.dataDir.isEmpty())
        QFile::remove(filePath(file.id));
}

void SandboxServerPrivate::scheduleSave()
{
    if (options.dataDir.isEmpty())
        return;
    if (!saveTimer.isActive())
        saveTimer.start();
}

void SandboxServerPrivate::saveNow()
{
    saveTimer.stop();
    if (options.dataDir.isEmpty())
        return;
    QJsonArray modelArray;
    for (const ModelRecord &model : std::as_const(models)) {
        if (!model.jobId.isEmpty()) // base models are built in
            modelArray.append(state::toJson(model));
    }
    const QJsonObject saved {{QStringLiteral("version"), 1}, {QStringLiteral("sequence"), sequence},
            {QStringLiteral("files"), stateArray(files)},
            {QStringLiteral("uploads"), stateArray(uploads)},
            {QStringLiteral("jobs"), stateArray(jobs)}, {QStringLiteral("models"), modelArray}};
    QSaveFile f(QDir(options.dataDir).filePath(kStateFile));
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(saved).toJson(QJsonDocument::Compact));
        f.commit();
    }
}

bool SandboxServerPrivate::load(QString *problem)
{
    QDir dir(options.dataDir);
    if (!dir.mkpath(QStringLiteral("files")) || !dir.mkpath(QStringLiteral("uploads"))) {
        *problem = QCoreApplication::translate(
                "fs::sandbox", "The folder %1 cannot be created or written to.")
                           .arg(QDir::toNativeSeparators(options.dataDir));
        return false;
    }
    QFile f(dir.filePath(kStateFile));
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = QCoreApplication::translate("fs::sandbox", "The file %1 cannot be read.")
                           .arg(QDir::toNativeSeparators(f.fileName()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonObject saved = QJsonDocument::fromJson(f.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *problem = QCoreApplication::translate(
                "fs::sandbox", "The saved sandbox state in %1 is damaged.")
                           .arg(QDir::toNativeSeparators(f.fileName()));
        return false;
    }
    sequence = qint64(saved.value(QLatin1String("sequence")).toDouble());
    insertRecords(&files, saved.value(QLatin1String("files")).toArray(), &state::fileFromJson);
    insertRecords(
            &uploads, saved.value(QLatin1String("uploads")).toArray(), &state::uploadFromJson);
    insertRecords(&jobs, saved.value(QLatin1String("jobs")).toArray(), &state::jobFromJson);
    insertRecords(&models, saved.value(QLatin1String("models")).toArray(), &state::modelFromJson);
    return true;
}

// ---- public ---------------------------------------------------------------------------------

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SandboxServerPrivate>(this, options))
{
    d->addBaseModels();
    d->tick.setInterval(20);
    connect(&d->tick, &QTimer::timeout, this, [this] { d->onTick(); });
    d->saveTimer.setSingleShot(true);
    d->saveTimer.setInterval(200);
    connect(&d->saveTimer, &QTimer::timeout, this, [this] { d->saveNow(); });
}

SandboxServer::~SandboxServer()
{
    if (d->port != 0)
        d->saveNow();
}

bool SandboxServer::start(QString *errorMessage)
{
    if (d->port != 0)
        return true;
    QString problem;
    if (!d->options.dataDir.isEmpty() && !d->load(&problem)) {
        if (errorMessage)
            *errorMessage = problem;
        return false;
    }
    auto s3 = std::make_unique<SandboxS3>(S3StoreOptions {d->options.s3AccessKeyId,
            d->options.s3SecretAccessKey, d->options.dataDir, d->options.s3MemoryLimit});
    if (!s3->open(&problem)) {
        if (errorMessage)
            *errorMessage = problem;
        return false;
    }
    d->s3 = std::move(s3);
    d->http = new HttpAdapter(this);
    d->http->setHandler([this](const HttpRequest &request, HttpExchange *exchange) {
        d->handle(request, exchange);
    });
    if (d->options.port == 0 && d->options.preferredPort != 0)
        d->port = d->http->listen(d->options.preferredPort);
    if (d->port == 0)
        d->port = d->http->listen(d->options.port);
    if (d->port == 0) {
        delete d->http;
        d->http = nullptr;
        if (errorMessage)
            *errorMessage = tr("Port %1 on this computer is already in use or not available.")
                                    .arg(d->options.port);
        return false;
    }
    d->ensureTicking();
    return true;
}

quint16 SandboxServer::port() const
{
    return d->port;
}

QUrl SandboxServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(d->port));
}

QUrl SandboxServer::azureEndpoint() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(d->port));
}

QUrl SandboxServer::s3Endpoint() const
{
    return practice::endpointFor(baseUrl());
}

void SandboxServer::setTimeScale(double scale)
{
    if (scale > 0)
        d->options.timeScale = scale;
}

double SandboxServer::timeScale() const
{
    return d->options.timeScale;
}

void SandboxServer::injectLatency(int ms)
{
    d->latencyMs = qMax(0, ms);
}

void SandboxServer::injectHttpError(
        int status, int count, const QString &pathPart, int retryAfterSeconds)
{
    if (status < 400 || status > 599 || count < 1)
        return;
    d->httpErrors.append({status, count, pathPart, qMax(1, retryAfterSeconds)});
}

void SandboxServer::injectStreamDrop(int afterChunks)
{
    d->streamDropAfter = qMax(0, afterChunks);
}

void SandboxServer::setTrainingNotAvailable(bool on)
{
    d->trainingNotAvailable = on;
}

void SandboxServer::injectDiskFull(bool on)
{
    d->diskFull = on;
}

void SandboxServer::clearFaults()
{
    d->diskFull = false;
    d->latencyMs = 0;
    d->httpErrors.clear();
    d->streamDropAfter = -1;
    d->trainingNotAvailable = false;
    d->signInDeclined = false;
}

void SandboxServer::advanceClock(qint64 seconds)
{
    d->clockOffset += seconds;
}

qint64 SandboxServer::currentTime() const
{
    return d->now();
}

} // namespace fs::sandbox
