// SPDX-License-Identifier: GPL-3.0-or-later
// Together AI's files under /together/v1: the documented multipart /files/upload and the
// presigned flow its own client uses (POST /files → 302 → PUT to the sandbox → GET /files/{id}).
#include "multipart.h"
#include "sandboxserver_p.h"
#include "togetherwire.h"

#include <QDateTime>
#include <QFileInfo>
#include <QUuid>
#include <algorithm>

namespace fs::sandbox {

using namespace together;

namespace {

const QStringList &purposes()
{
    static const QStringList list = {QStringLiteral("fine-tune"), QStringLiteral("eval"),
            QStringLiteral("eval-sample"), QStringLiteral("eval-output"),
            QStringLiteral("eval-summary"), QStringLiteral("batch-generated"),
            QStringLiteral("batch-api")};
    return list;
}

/// Checks purpose, name and type; an empty reply body means they are fine.
Reply checkUploadFields(const QString &purpose, const QString &fileName, const QString &fileType)
{
    const QString invalid = QStringLiteral("invalid_request_error");
    if (fileName.isEmpty())
        return SandboxServerPrivate::missingParameter(QStringLiteral("file_name"));
    if (!purposes().contains(purpose))
        return SandboxServerPrivate::error(400,
                QStringLiteral("Invalid purpose '%1': expected one of %2.")
                        .arg(purpose, purposes().join(QStringLiteral(", "))),
                invalid, QStringLiteral("purpose"), QStringLiteral("invalid_value"));
    static const QStringList types = {
            QStringLiteral("jsonl"), QStringLiteral("csv"), QStringLiteral("parquet")};
    if (!fileType.isEmpty() && !types.contains(fileType))
        return SandboxServerPrivate::error(400,
                QStringLiteral("Invalid file_type '%1': expected jsonl, csv or parquet.")
                        .arg(fileType),
                invalid, QStringLiteral("file_type"), QStringLiteral("invalid_value"));
    return {};
}

Reply fileNotFound(const QString &id)
{
    return SandboxServerPrivate::error(404, QStringLiteral("File %1 not found.").arg(id),
            QStringLiteral("invalid_request_error"), QStringLiteral("id"),
            QStringLiteral("not_found"));
}

} // namespace

const StoredFile *SandboxServerPrivate::togetherFile(const QString &id) const
{
    const auto it = files.constFind(id);
    return it != files.constEnd() && it->dialect == kDialect ? &*it : nullptr;
}

Reply SandboxServerPrivate::togetherUpload(const HttpRequest &request)
{
    QList<MultipartField> fields;
    if (!parseMultipart(request.header("content-type"), request.body, &fields))
        return error(400,
                QStringLiteral("The body must be multipart/form-data with the fields purpose, "
                               "file_name and file."),
                QStringLiteral("invalid_request_error"));
    const MultipartField *file = findField(fields, "file");
    if (!file)
        return missingParameter(QStringLiteral("file"));
    auto text = [&fields](const char *name) {
        const MultipartField *field = findField(fields, name);
        return field ? QString::fromUtf8(field->data).trimmed() : QString();
    };
    const QString name = QFileInfo(text("file_name")).fileName();
    Reply failure = checkUploadFields(text("purpose"), name, text("file_type"));
    if (!failure.body.isEmpty())
        return failure;
    QString problem;
    StoredFile *stored = createFile(name, text("purpose"), file->data, &problem,
            QStringLiteral("file-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!stored)
        return storageFailure(problem);
    stored->dialect = kDialect;
    return json(together::fileJson(*stored, false));
}

Reply SandboxServerPrivate::togetherPresign(const HttpRequest &request)
{
    const QString purpose =
            request.query.queryItemValue(QStringLiteral("purpose"), QUrl::FullyDecoded);
    // The official client sends the path it was given; the service keeps the name.
    const QString name =
            QFileInfo(request.query.queryItemValue(QStringLiteral("file_name"), QUrl::FullyDecoded))
                    .fileName();
    const QString type =
            request.query.queryItemValue(QStringLiteral("file_type"), QUrl::FullyDecoded);
    Reply failure = checkUploadFields(purpose, name, type);
    if (!failure.body.isEmpty())
        return failure;
    PresignedUpload upload {
            QStringLiteral("file-") + QUuid::createUuid().toString(QUuid::WithoutBraces), name,
            purpose};
    presignedUploads.insert(upload.fileId, upload);
    Reply reply;
    reply.status = 302;
    reply.contentType = "text/plain";
    const QByteArray target =
            QStringLiteral("http://127.0.0.1:%1/together/_upload/%2?X-Amz-Expires="
                           "3600&X-Amz-Signature=%3")
                    .arg(port)
                    .arg(upload.fileId, newId(QString(), 32).toLower())
                    .toUtf8();
    reply.headers.append({QByteArrayLiteral("Location"), target});
    reply.headers.append({QByteArrayLiteral("X-Together-File-Id"), upload.fileId.toUtf8()});
    return reply;
}

Reply SandboxServerPrivate::presignedPut(const HttpRequest &request, const QString &fileId)
{
    const auto it = presignedUploads.find(fileId);
    if (it == presignedUploads.end()) {
        Reply reply;
        reply.status = 403;
        reply.contentType = "application/xml";
        reply.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
                     "<Message>Request has expired or was never signed.</Message></Error>";
        return reply;
    }
    QString problem;
    StoredFile *stored = createFile(it->filename, it->purpose, request.body, &problem, it->fileId);
    if (!stored)
        return storageFailure(problem);
    stored->dialect = kDialect;
    presignedUploads.erase(it);
    Reply reply;
    reply.contentType = "application/xml";
    reply.headers.append({QByteArrayLiteral("ETag"), QByteArrayLiteral("\"sandbox\"")});
    return reply;
}

Reply SandboxServerPrivate::togetherListFiles() const
{
    QList<const StoredFile *> list;
    for (const StoredFile &file : std::as_const(files)) {
        if (file.dialect == kDialect)
            list.append(&file);
    }
    sortNewestFirst(list);
    QJsonArray data;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const StoredFile *file : std::as_const(list))
        data.append(together::fileJson(
                *file, nowMs >= file->readyAtMs && file->processingError.isEmpty()));
    return json(QJsonObject {{QStringLiteral("data"), data}});
}

Reply SandboxServerPrivate::togetherRetrieveFile(const QString &id) const
{
    const StoredFile *file = togetherFile(id);
    if (!file)
        return fileNotFound(id);
    const bool processed = QDateTime::currentMSecsSinceEpoch() >= file->readyAtMs
            && file->processingError.isEmpty();
    return json(together::fileJson(*file, processed));
}

Reply SandboxServerPrivate::togetherDeleteFile(const QString &id)
{
    if (!togetherFile(id))
        return fileNotFound(id);
    const auto it = files.find(id);
    removeFileData(*it);
    files.erase(it);
    scheduleSave();
    return json(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("deleted"), true}});
}

Reply SandboxServerPrivate::togetherFileContent(const QString &id) const
{
    const StoredFile *file = togetherFile(id);
    if (!file)
        return fileNotFound(id);
    Reply reply;
    reply.body = fileData(*file);
    reply.contentType = QByteArrayLiteral("text/plain");
    return reply;
}

} // namespace fs::sandbox
