// SPDX-License-Identifier: GPL-3.0-or-later
// Fireworks AI's dialect under /fireworks: /fireworks/v1/accounts/{account}/… (datasets,
// supervisedFineTuningJobs, deployments, models) and /fireworks/inference/v1/chat/completions,
// camelCase fields and the states of shared/reference/fireworks/API-NOTES.md. Signed URLs for
// large uploads and metrics files live under /fireworks/_signed/ and need no key. The engine
// (files, jobs, curve, endpoints, replier) is the one the other dialects use.
#include "chatreplier.h"
#include "fireworkswire.h"
#include "multipart.h"
#include "sandboxserver_p.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace fs::sandbox {

using namespace fireworks;

namespace {

const QLatin1String kSigned("_signed");
const QString kSignature = QStringLiteral("X-Goog-Signature=sandbox");

/// "x:upload" → ("x", "upload"); "x" → ("x", "").
QPair<QString, QString> idAndVerb(const QString &segment)
{
    const qsizetype colon = segment.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return {segment, QString()};
    return {segment.left(colon), segment.mid(colon + 1)};
}

Reply datasetNotFound(const QString &id)
{
    return fireworks::error(404, QStringLiteral("Dataset %1 not found.").arg(id));
}

bool validId(const QString &id)
{
    static const QRegularExpression allowed(QStringLiteral("^[a-z][a-z0-9-]{0,62}$"));
    return allowed.match(id).hasMatch();
}

} // namespace

QString SandboxServerPrivate::fireworksSignedUrl(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1/fireworks/_signed/%2?%3")
            .arg(port)
            .arg(path, kSignature);
}

Reply SandboxServerPrivate::handleFireworks(
        const HttpRequest &request, HttpExchange *exchange, const QByteArray &requestId)
{
    const QStringList s = request.path.mid(10).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (s.value(0) == kSigned) {
        // Signed addresses carry their own signature instead of the key.
        if (request.query.queryItemValue(QStringLiteral("X-Goog-Signature"))
                != QLatin1String("sandbox"))
            return fireworks::error(403, QStringLiteral("The signature does not match."));
        if (s.value(1) == QLatin1String("upload") && s.size() == 4 && request.method == "PUT")
            return fireworksSignedPut(request, s);
        if (s.value(1) == QLatin1String("metrics") && s.size() == 3 && request.method == "GET")
            return fireworksMetricsFile(s.at(2));
        return notFoundPath(request);
    }
    Reply failure;
    if (!authorized(request, &failure))
        return fireworks::error(401,
                request.header("authorization").isEmpty()
                        ? QStringLiteral("Missing API key: send it as 'Authorization: Bearer "
                                         "YOUR_KEY'.")
                        : QStringLiteral("The API key is not valid."));
    bool injected = false;
    Reply reply = takeInjectedError(request.path, &injected);
    if (injected)
        return reply;
    if (s.size() == 4 && s.at(0) == QLatin1String("inference") && s.at(1) == QLatin1String("v1")
            && s.at(2) == QLatin1String("chat") && request.method == "POST") {
        if (s.at(3) != QLatin1String("completions"))
            return notFoundPath(request);
        return chatCompletion(request, exchange, requestId,
                [this](const QString &model, const QString &prompt, QString *text, Reply *fail) {
                    return resolveFireworksChat(model, prompt, text, fail);
                });
    }
    if (s.size() >= 4 && s.at(0) == QLatin1String("v1") && s.at(1) == QLatin1String("accounts")
            && !s.at(2).isEmpty())
        return routeFireworksAccount(request, s.at(2), s.mid(3));
    return noSuchPath(request);
}

Reply SandboxServerPrivate::routeFireworksAccount(
        const HttpRequest &request, const QString &account, const QStringList &s)
{
    const QString area = s.value(0);
    if (area == QLatin1String("datasets"))
        return fireworksDatasets(request, account, s);
    if (area == QLatin1String("supervisedFineTuningJobs"))
        return fireworksJobs(request, account, s);
    if (area == QLatin1String("deployments"))
        return fireworksDeployments(request, account, s);
    if (area == QLatin1String("models") && s.size() == 1 && request.method == "GET")
        return fireworksModels(account);
    return noSuchPath(request);
}

// ---- datasets -------------------------------------------------------------------------------

QJsonObject SandboxServerPrivate::fireworksDatasetJson(const StoredDataset &d) const
{
    QJsonObject object {{QStringLiteral("name"),
                                QStringLiteral("accounts/%1/datasets/%2").arg(d.account, d.id)},
            {QStringLiteral("displayName"), d.displayName},
            {QStringLiteral("createTime"), rfc3339(d.createdAt)},
            {QStringLiteral("updateTime"), rfc3339(d.updatedAt)},
            {QStringLiteral("createdBy"), QStringLiteral("sandbox@example.com")},
            {QStringLiteral("format"), d.format}, {QStringLiteral("userUploaded"), QJsonObject()}};
    if (!d.exampleCount.isEmpty())
        object.insert(QStringLiteral("exampleCount"), d.exampleCount);
    QString state = QStringLiteral("UPLOADING");
    const auto file = files.constFind(d.fileId);
    if (!d.fileId.isEmpty() && file != files.constEnd() && !d.awaitingValidation
            && QDateTime::currentMSecsSinceEpoch() >= file->readyAtMs) {
        if (file->processingError.isEmpty()) {
            state = QStringLiteral("READY");
            object.insert(QStringLiteral("status"),
                    QJsonObject {{QStringLiteral("code"), QStringLiteral("OK")},
                            {QStringLiteral("message"), QString()}});
        } else {
            object.insert(QStringLiteral("status"),
                    QJsonObject {{QStringLiteral("code"), QStringLiteral("INVALID_ARGUMENT")},
                            {QStringLiteral("message"), file->processingError}});
        }
    }
    object.insert(QStringLiteral("state"), state);
    return object;
}

Reply SandboxServerPrivate::fireworksDatasets(
        const HttpRequest &request, const QString &account, const QStringList &s)
{
    const QByteArray &m = request.method;
    if (s.size() == 1 && m == "GET") {
        QJsonArray list;
        for (const StoredDataset &dataset : std::as_const(datasets)) {
            if (dataset.account == account)
                list.append(fireworksDatasetJson(dataset));
        }
        return onePage(QStringLiteral("datasets"), list);
    }
    if (s.size() == 1 && m == "POST")
        return createFireworksDataset(request, account);
    if (s.size() != 2)
        return noSuchPath(request);
    const auto [id, verb] = idAndVerb(s.at(1));
    auto it = datasets.find(id);
    if (it == datasets.end() || it->account != account)
        return datasetNotFound(id);
    if (verb.isEmpty() && m == "GET")
        return json(fireworksDatasetJson(*it));
    if (verb.isEmpty() && m == "DELETE") {
        if (!it->fileId.isEmpty())
            files.remove(it->fileId);
        datasets.erase(it);
        return json(QJsonObject());
    }
    if (verb == QLatin1String("upload") && m == "POST")
        return uploadFireworksDataset(request, *it);
    if (verb == QLatin1String("getUploadEndpoint") && m == "POST")
        return fireworksUploadEndpoint(request, *it);
    if (verb == QLatin1String("validateUpload") && m == "POST") {
        if (it->fileId.isEmpty())
            return fireworks::error(
                    412, QStringLiteral("Nothing was uploaded to dataset %1 yet.").arg(id));
        it->awaitingValidation = false;
        it->updatedAt = now();
        return json(QJsonObject());
    }
    return noSuchPath(request);
}

Reply SandboxServerPrivate::createFireworksDataset(
        const HttpRequest &request, const QString &account)
{
    QJsonObject body;
    Reply failure;
    QString id;
    if (!readBody(request, &body, &failure) || !requiredText(body, "datasetId", &id, &failure))
        return failure;
    if (!validId(id))
        return fireworks::error(400,
                QStringLiteral("Invalid datasetId '%1': use lower-case letters, digits and "
                               "'-', starting with a letter, at most 63 characters.")
                        .arg(id));
    if (datasets.contains(id))
        return fireworks::error(409, QStringLiteral("Dataset %1 already exists.").arg(id));
    const QJsonObject given = body.value(QLatin1String("dataset")).toObject();
    StoredDataset dataset;
    dataset.id = id;
    dataset.account = account;
    dataset.displayName = given.value(QLatin1String("displayName")).toString(id);
    dataset.exampleCount = given.value(QLatin1String("exampleCount")).toString();
    dataset.format = given.value(QLatin1String("format")).toString(QStringLiteral("CHAT"));
    dataset.createdAt = dataset.updatedAt = now();
    datasets.insert(id, dataset);
    return json(fireworksDatasetJson(dataset));
}

Reply SandboxServerPrivate::uploadFireworksDataset(
        const HttpRequest &request, StoredDataset &dataset)
{
    QList<MultipartField> fields;
    if (!parseMultipart(request.header("content-type"), request.body, &fields))
        return fireworks::error(400, QStringLiteral("The body must be multipart/form-data."));
    const MultipartField *file = findField(fields, "file");
    if (!file)
        return fireworks::error(400, QStringLiteral("The form needs a part named 'file'."));
    if (!dataset.fileId.isEmpty())
        return fireworks::error(
                412, QStringLiteral("Dataset %1 already holds an upload.").arg(dataset.id));
    QString problem;
    StoredFile *stored = createFile(
            QString::fromUtf8(file->filename), QStringLiteral("fine-tune"), file->data, &problem);
    if (!stored)
        return storageFailure(problem);
    stored->dialect = kDialect;
    dataset.fileId = stored->id;
    dataset.updatedAt = now();
    // The one snake_case answer of this API: an OpenAI-like file receipt.
    return json(QJsonObject {{QStringLiteral("id"), dataset.id},
            {QStringLiteral("bytes"), stored->bytes},
            {QStringLiteral("created_at"), stored->createdAt},
            {QStringLiteral("filename"), stored->filename},
            {QStringLiteral("object"), QStringLiteral("file")},
            {QStringLiteral("purpose"), QStringLiteral("fine-tune")}});
}

Reply SandboxServerPrivate::fireworksUploadEndpoint(
        const HttpRequest &request, StoredDataset &dataset)
{
    QJsonObject body;
    Reply failure;
    if (!readBody(request, &body, &failure))
        return failure;
    const QJsonObject sizes = body.value(QLatin1String("filenameToSize")).toObject();
    if (sizes.size() != 1)
        return fireworks::error(
                400, QStringLiteral("filenameToSize names exactly one file in this sandbox."));
    const QString name = sizes.constBegin().key();
    bool ok = false;
    sizes.constBegin().value().toString().toLongLong(&ok);
    if (!ok)
        return fireworks::error(
                400, QStringLiteral("filenameToSize values are sizes in bytes, as strings."));
    dataset.signedFilename = name;
    const QString url = fireworksSignedUrl(
            QStringLiteral("upload/%1/%2")
                    .arg(dataset.id, QString::fromLatin1(QUrl::toPercentEncoding(name))));
    return json(QJsonObject {{QStringLiteral("filenameToSignedUrls"), QJsonObject {{name, url}}}});
}

Reply SandboxServerPrivate::fireworksSignedPut(const HttpRequest &request, const QStringList &s)
{
    const QString id = s.at(2);
    auto it = datasets.find(id);
    if (it == datasets.end() || it->signedFilename.isEmpty() || it->signedFilename != s.at(3))
        return fireworks::error(403, QStringLiteral("Request has expired or was never signed."));
    QString problem;
    StoredFile *stored =
            createFile(it->signedFilename, QStringLiteral("fine-tune"), request.body, &problem);
    if (!stored)
        return storageFailure(problem);
    stored->dialect = kDialect;
    it->fileId = stored->id;
    it->awaitingValidation = true;
    it->signedFilename.clear();
    Reply reply;
    reply.contentType = "text/plain";
    return reply;
}

// ---- models ---------------------------------------------------------------------------------

Reply SandboxServerPrivate::fireworksModels(const QString &account) const
{
    QJsonArray list;
    if (account == kCatalogue) {
        for (const QString &name : baseModels())
            list.append(QJsonObject {{QStringLiteral("name"), name},
                    {QStringLiteral("displayName"), lastSegment(name)},
                    {QStringLiteral("createTime"), rfc3339(1721692800)},
                    {QStringLiteral("state"), QStringLiteral("READY")},
                    {QStringLiteral("kind"), QStringLiteral("HF_BASE_MODEL")},
                    {QStringLiteral("supervisedLoraTunable"), true},
                    {QStringLiteral("supervisedFullParameterTunable"), false}});
        // One that cannot be tuned, as the real catalogue holds many.
        list.append(QJsonObject {
                {QStringLiteral("name"), QStringLiteral("accounts/fireworks/models/whisper-v3")},
                {QStringLiteral("state"), QStringLiteral("READY")},
                {QStringLiteral("supervisedLoraTunable"), false},
                {QStringLiteral("supervisedFullParameterTunable"), false}});
    }
    for (const StoredJob &job : std::as_const(jobs)) {
        if (job.dialect == kDialect && job.modelPublished
                && job.providerSettings.value(QLatin1String("account")).toString() == account)
            list.append(QJsonObject {{QStringLiteral("name"), job.plannedModel},
                    {QStringLiteral("createTime"), rfc3339(job.finishedAt.value_or(job.createdAt))},
                    {QStringLiteral("state"), QStringLiteral("READY")},
                    {QStringLiteral("kind"), QStringLiteral("HF_PEFT_ADDON")},
                    {QStringLiteral("baseModelDetails"),
                            QJsonObject {{QStringLiteral("baseModel"), job.model}}}});
    }
    return onePage(QStringLiteral("models"), list);
}

// ---- chat -----------------------------------------------------------------------------------

const StoredJob *SandboxServerPrivate::fireworksJobByModel(const QString &model) const
{
    for (const StoredJob &job : std::as_const(jobs)) {
        if (job.dialect == kDialect && job.modelPublished && job.plannedModel == model)
            return &job;
    }
    return nullptr;
}

bool SandboxServerPrivate::resolveFireworksChat(
        const QString &model, const QString &prompt, QString *reply, Reply *failure)
{
    if (isBaseModel(model)) {
        *reply = ChatReplier::baseReply(model, prompt);
        return true;
    }
    // "<model>#accounts/{a}/deployments/{id}": a model on an on-demand deployment.
    const QString target = model.section(QLatin1Char('#'), 0, 0);
    const QString deployment = lastSegment(model.section(QLatin1Char('#'), 1));
    if (!deployment.isEmpty()) {
        auto it = endpoints.find(deployment);
        if (it != endpoints.end() && it->dialect == kDialect && it->model == target
                && it->state == QLatin1String("STARTED")) {
            it->idleSeconds = 0;
            const StoredJob *job = fireworksJobByModel(target);
            *reply = job ? ChatReplier::fineTunedReply(target, prompt, job->pairs)
                         : ChatReplier::baseReply(target, prompt);
            return true;
        }
    }
    *failure = fireworks::error(404,
            QStringLiteral("Model not found, inaccessible, and/or not deployed: %1").arg(model));
    return false;
}

} // namespace fs::sandbox
