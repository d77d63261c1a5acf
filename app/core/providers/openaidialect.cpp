// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaidialect.h"

#include "apitypes.h"
#include "multipart.h"

#include <QJsonArray>

namespace fs {

namespace {

const QString kJobs = QStringLiteral("/fine_tuning/jobs/");

} // namespace

Expected<QJsonObject> OpenAiDialect::describedObject(
        const HttpAnswer &answer, const QString &what, const QStringList &keys) const
{
    const auto object = answerObject(answer, what);
    if (!object.ok())
        return object.error();
    for (const QString &key : keys) {
        const QJsonValue value = object.value().value(key);
        if (!value.isString() || value.toString().isEmpty())
            return unexpected(tr("%1 sent %2 whose “%3” is missing or not text.")
                                      .arg(serviceName(), what, key));
    }
    return object;
}

Expected<QJsonObject> OpenAiDialect::listObject(
        const HttpAnswer &answer, const QString &what, const QStringList &keys) const
{
    const auto object = answerObject(answer, what);
    if (!object.ok())
        return object.error();
    const QJsonValue data = object.value().value(QLatin1String("data"));
    if (!data.isArray())
        return unexpected(tr("%1 sent %2 without the list itself (“data” is missing or not a "
                             "list).")
                                  .arg(serviceName(), what));
    const QJsonArray entries = data.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).isObject())
            return unexpected(tr("%1 sent %2 in which entry %3 is not a description of one item.")
                                      .arg(serviceName(), what)
                                      .arg(i + 1));
        const QJsonObject entry = entries.at(i).toObject();
        for (const QString &key : keys) {
            const QJsonValue value = entry.value(key);
            if (!value.isString() || value.toString().isEmpty())
                return unexpected(tr("%1 sent %2 in which entry %3 has no “%4” (or not as text).")
                                          .arg(serviceName(), what)
                                          .arg(i + 1)
                                          .arg(key));
        }
    }
    const QJsonValue hasMore = object.value().value(QLatin1String("has_more"));
    if (!hasMore.isUndefined() && !hasMore.isNull() && !hasMore.isBool())
        return unexpected(tr("%1 sent %2 whose “has_more” is neither true nor false.")
                                  .arg(serviceName(), what));
    return object;
}

Expected<HttpCall> OpenAiDialect::listFiles(const FileListQuery &query) const
{
    QList<QPair<QString, QString>> items;
    if (!query.purpose.isEmpty())
        items.append({QStringLiteral("purpose"), query.purpose});
    if (!query.order.isEmpty())
        items.append({QStringLiteral("order"), query.order});
    items += pagingQuery(query.after, query.limit);
    return plainCall("GET", QStringLiteral("/files"), items);
}

Expected<Page<FileObject>> OpenAiDialect::parseFileList(const HttpAnswer &answer) const
{
    const auto object = listObject(answer, tr("the files"), {QStringLiteral("id")});
    if (!object.ok())
        return object.error();
    return parseFilePage(object.value());
}

Expected<HttpCall> OpenAiDialect::retrieveFile(const QString &fileId) const
{
    return plainCall("GET", QStringLiteral("/files/") + encodedPathSegment(fileId));
}

Expected<FileObject> OpenAiDialect::parseFile(const HttpAnswer &answer) const
{
    const auto object = describedObject(answer, tr("a file"), {QStringLiteral("id")});
    if (!object.ok())
        return object.error();
    return FileObject::fromJson(object.value());
}

Expected<HttpCall> OpenAiDialect::uploadFile(
        const QString &filename, const QByteArray &content, const QString &purpose) const
{
    Multipart multipart(contentBoundary(content));
    for (const auto &[name, value] : uploadFields(purpose))
        multipart.addField(name, value);
    multipart.addFile(
            QStringLiteral("file"), filename, content, Multipart::mimeTypeForFileName(filename));
    return multipartCall(QStringLiteral("/files"), multipart);
}

QList<QPair<QString, QString>> OpenAiDialect::uploadFields(const QString &purpose) const
{
    return {{QStringLiteral("purpose"), purpose}};
}

Expected<HttpCall> OpenAiDialect::deleteFile(const QString &fileId) const
{
    return plainCall("DELETE", QStringLiteral("/files/") + encodedPathSegment(fileId));
}

Expected<DeletedObject> OpenAiDialect::parseDeleted(const HttpAnswer &answer) const
{
    const auto object = answerObject(answer, tr("a deletion"));
    if (!object.ok())
        return object.error();
    return DeletedObject::fromJson(object.value());
}

Expected<HttpCall> OpenAiDialect::fileContent(const QString &fileId) const
{
    return fileContentCall(fileId);
}

Expected<HttpCall> OpenAiDialect::createJob(const CreateJobRequest &request) const
{
    const TrainingSettings &settings = request.settings;
    if (settings.type == TrainingSettings::Type::Lora)
        return invalidRequest(
                tr("OpenAI has no LoRA training: it chooses how to train by itself."));
    if (settings.type == TrainingSettings::Type::Full || settings.loraRank || settings.loraAlpha
            || settings.loraDropout || !settings.loraTrainableModules.isEmpty())
        return invalidRequest(tr("OpenAI has no choice between full and LoRA training."));
    if (settings.learningRate)
        return invalidRequest(
                tr("OpenAI takes a learning rate multiplier, not an absolute learning rate."));
    if (settings.nEvals || settings.nCheckpoints)
        return invalidRequest(
                tr("OpenAI has no setting for the number of evaluations or checkpoints."));
    return jsonCall("POST", QStringLiteral("/fine_tuning/jobs"), request.toJson());
}

Expected<FineTuningJob> OpenAiDialect::parseJob(const HttpAnswer &answer) const
{
    const auto object =
            describedObject(answer, tr("a job"), {QStringLiteral("id"), QStringLiteral("status")});
    if (!object.ok())
        return object.error();
    return FineTuningJob::fromJson(object.value());
}

Expected<HttpCall> OpenAiDialect::listJobs(const QString &after, int limit) const
{
    return plainCall("GET", QStringLiteral("/fine_tuning/jobs"), pagingQuery(after, limit));
}

Expected<Page<FineTuningJob>> OpenAiDialect::parseJobList(const HttpAnswer &answer) const
{
    const auto object =
            listObject(answer, tr("the jobs"), {QStringLiteral("id"), QStringLiteral("status")});
    if (!object.ok())
        return object.error();
    return parseJobPage(object.value());
}

Expected<HttpCall> OpenAiDialect::retrieveJob(const QString &jobId) const
{
    return plainCall("GET", kJobs + encodedPathSegment(jobId));
}

Expected<HttpCall> OpenAiDialect::cancelJob(const QString &jobId) const
{
    return plainCall("POST", kJobs + encodedPathSegment(jobId) + QStringLiteral("/cancel"));
}

Expected<HttpCall> OpenAiDialect::pauseJob(const QString &jobId) const
{
    return plainCall("POST", kJobs + encodedPathSegment(jobId) + QStringLiteral("/pause"));
}

Expected<HttpCall> OpenAiDialect::resumeJob(const QString &jobId) const
{
    return plainCall("POST", kJobs + encodedPathSegment(jobId) + QStringLiteral("/resume"));
}

Expected<HttpCall> OpenAiDialect::listEvents(
        const QString &jobId, const QString &after, int limit) const
{
    return plainCall("GET", kJobs + encodedPathSegment(jobId) + QStringLiteral("/events"),
            pagingQuery(after, limit));
}

Expected<Page<JobEvent>> OpenAiDialect::parseEvents(const HttpAnswer &answer) const
{
    const auto object = listObject(answer, tr("the job's events"), {QStringLiteral("id")});
    if (!object.ok())
        return object.error();
    return parseEventPage(object.value());
}

Expected<HttpCall> OpenAiDialect::listCheckpoints(const QString &jobId) const
{
    return plainCall("GET", kJobs + encodedPathSegment(jobId) + QStringLiteral("/checkpoints"));
}

Expected<Page<Checkpoint>> OpenAiDialect::parseCheckpoints(
        const HttpAnswer &answer, const QString &) const
{
    const auto object = listObject(answer, tr("the job's checkpoints"), {QStringLiteral("id")});
    if (!object.ok())
        return object.error();
    return parseCheckpointPage(object.value());
}

Expected<HttpCall> OpenAiDialect::listModels() const
{
    return plainCall("GET", QStringLiteral("/models"));
}

Expected<QList<ModelObject>> OpenAiDialect::parseModelList(const HttpAnswer &answer) const
{
    const auto object = listObject(answer, tr("the models"), {QStringLiteral("id")});
    if (!object.ok())
        return object.error();
    return parseModelPage(object.value()).data;
}

Expected<HttpCall> OpenAiDialect::listBaseModels() const
{
    return plainCall("GET", QStringLiteral("/models"));
}

Expected<QList<ModelObject>> OpenAiDialect::parseModels(const HttpAnswer &answer) const
{
    const auto object = listObject(answer, tr("the models"), {QStringLiteral("id")});
    if (!object.ok())
        return object.error();
    return parseModelPage(object.value()).data;
}

Expected<HttpCall> OpenAiDialect::chat(const ChatRequest &request, bool stream) const
{
    return jsonCall("POST", QStringLiteral("/chat/completions"), request.toJson(stream));
}

Expected<ChatCompletion> OpenAiDialect::parseChat(const HttpAnswer &answer) const
{
    const auto object = answerObject(answer, tr("an answer"));
    if (!object.ok())
        return object.error();
    return ChatCompletion::fromJson(object.value());
}

} // namespace fs
