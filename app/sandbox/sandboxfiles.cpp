// SPDX-License-Identifier: GPL-3.0-or-later
// Files and Uploads endpoints of the sandbox.
#include "cursorpaging.h"
#include "multipart.h"
#include "sandboxserver_p.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <algorithm>

namespace fs::sandbox {

namespace {

constexpr qint64 kMaxPartBytes = 64LL * 1024 * 1024;
constexpr qint64 kMaxUploadBytes = 8LL * 1024 * 1024 * 1024;
constexpr qint64 kUploadLifetime = 3600;

const QStringList &uploadPurposes()
{
    static const QStringList purposes = {QStringLiteral("assistants"), QStringLiteral("batch"),
            QStringLiteral("fine-tune"), QStringLiteral("vision"), QStringLiteral("user_data"),
            QStringLiteral("evals")};
    return purposes;
}

QString purposeListText()
{
    QStringList quoted;
    for (const QString &purpose : uploadPurposes())
        quoted << QLatin1Char('\'') + purpose + QLatin1Char('\'');
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

/**
 * The service's processing of a fine-tuning file, cheaply: every line must be a JSON object.
 * Fed in chunks so a gigabyte never sits in memory; beyond kFullCheckBytes only the first
 * kSampledLines lines are looked at (the real checks of the examples happen at job start).
 */
class FormatCheck
{
public:
    explicit FormatCheck(bool enabled)
        : m_enabled(enabled)
    {
    }

    void feed(const QByteArray &chunk)
    {
        if (!m_enabled || !m_problem.isEmpty() || m_stopped)
            return;
        m_fed += chunk.size();
        m_pending += chunk;
        qsizetype start = 0;
        for (;;) {
            const qsizetype end = m_pending.indexOf('\n', start);
            if (end < 0)
                break;
            checkLine(QByteArrayView(m_pending).sliced(start, end - start));
            start = end + 1;
            if (!m_problem.isEmpty() || m_stopped) {
                m_pending.clear();
                return;
            }
        }
        m_pending.remove(0, start);
    }

    /// The status_details of a file that is not valid training data; empty when it is.
    QString finish()
    {
        if (m_enabled && m_problem.isEmpty() && !m_stopped && !m_pending.isEmpty())
            checkLine(QByteArrayView(m_pending));
        m_pending.clear();
        if (m_enabled && m_problem.isEmpty() && m_lines == 0)
            m_problem = QStringLiteral("Invalid file format. The file has no examples.");
        return m_problem;
    }

private:
    static constexpr qint64 kFullCheckBytes = 64LL * 1024 * 1024;
    static constexpr int kSampledLines = 10000;

    void checkLine(QByteArrayView raw)
    {
        QByteArray line = raw.trimmed().toByteArray();
        if (m_lines == 0 && m_blank == 0 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        if (line.isEmpty()) {
            ++m_blank;
            return;
        }
        ++m_lines;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            m_problem = QStringLiteral("Invalid file format. Line %1 is not valid JSON: %2.")
                                .arg(m_lines + m_blank)
                                .arg(parseError.errorString());
        else if (!document.isObject())
            m_problem = QStringLiteral("Invalid file format. Line %1 is not a JSON object.")
                                .arg(m_lines + m_blank);
        if (m_fed > kFullCheckBytes && m_lines >= kSampledLines)
            m_stopped = true;
    }

    bool m_enabled = false;
    bool m_stopped = false;
    QByteArray m_pending;
    qint64 m_fed = 0;
    int m_lines = 0;
    int m_blank = 0;
    QString m_problem;
};

/// Refuses a purpose the service does not know.
bool checkPurpose(const QString &purpose, Reply *failure)
{
    if (uploadPurposes().contains(purpose))
        return true;
    *failure = SandboxServerPrivate::error(400,
            QStringLiteral("'%1' is not one of %2 - 'purpose'").arg(purpose, purposeListText()),
            QStringLiteral("invalid_request_error"), QStringLiteral("purpose"));
    return false;
}

/// False, with the answer in `failure`, when `md5` is given and is not the hash `actual`.
bool checksumMatches(const QString &md5, const QByteArray &actual, Reply *failure)
{
    if (md5.isEmpty() || !QString::fromLatin1(actual.toHex()).compare(md5, Qt::CaseInsensitive))
        return true;
    *failure = SandboxServerPrivate::error(400,
            QStringLiteral("The md5 checksum %1 does not match the uploaded bytes (%2).")
                    .arg(md5, QString::fromLatin1(actual.toHex())),
            QStringLiteral("invalid_request_error"), QStringLiteral("md5"));
    return false;
}

/// The parts `partIds` names, in that order; they must belong to `upload` and add up to its size.
bool orderParts(const StoredUpload &upload, const QJsonArray &partIds,
        QList<const StoredPart *> *ordered, Reply *failure)
{
    qint64 total = 0;
    for (const QJsonValue &value : partIds) {
        const QString partId = value.toString();
        const auto part = std::find_if(upload.parts.cbegin(), upload.parts.cend(),
                [&partId](const StoredPart &p) { return p.id == partId; });
        if (part == upload.parts.cend()) {
            *failure = SandboxServerPrivate::error(400,
                    QStringLiteral("Part %1 does not belong to upload %2.").arg(partId, upload.id),
                    QStringLiteral("invalid_request_error"), QStringLiteral("part_ids"));
            return false;
        }
        ordered->append(&*part);
        total += part->size;
    }
    if (total != upload.bytes) {
        *failure = SandboxServerPrivate::error(400,
                QStringLiteral("The parts add up to %1 bytes, but the upload was created "
                               "with bytes=%2.")
                        .arg(total)
                        .arg(upload.bytes),
                QStringLiteral("invalid_request_error"), QStringLiteral("bytes"));
        return false;
    }
    return true;
}

QString formatProblem(const QString &purpose, const QByteArray &data)
{
    FormatCheck check(purpose == QLatin1String("fine-tune"));
    check.feed(data);
    return check.finish();
}

} // namespace

QJsonObject SandboxServerPrivate::fileJson(const StoredFile &file) const
{
    QJsonObject object {{QStringLiteral("id"), file.id},
            {QStringLiteral("object"), QStringLiteral("file")},
            {QStringLiteral("bytes"), file.bytes}, {QStringLiteral("created_at"), file.createdAt},
            {QStringLiteral("filename"), file.filename}, {QStringLiteral("purpose"), file.purpose},
            {QStringLiteral("status"), QStringLiteral("uploaded")}};
    if (QDateTime::currentMSecsSinceEpoch() >= file.readyAtMs) {
        if (file.processingError.isEmpty()) {
            object.insert(QStringLiteral("status"), QStringLiteral("processed"));
        } else {
            object.insert(QStringLiteral("status"), QStringLiteral("error"));
            object.insert(QStringLiteral("status_details"), file.processingError);
        }
    }
    if (file.expiresAt)
        object.insert(QStringLiteral("expires_at"), *file.expiresAt);
    return object;
}

StoredFile SandboxServerPrivate::newFileRecord(
        const QString &filename, const QString &purpose, const QString &id)
{
    StoredFile file;
    file.id = id.isEmpty() ? newId(QStringLiteral("file-"), 22) : id;
    file.createdAt = now();
    // Processing takes a moment, as on the real service (scaled like everything else).
    file.readyAtMs = QDateTime::currentMSecsSinceEpoch() + qint64(1000.0 * options.timeScale);
    file.filename = filename;
    file.purpose = purpose;
    return file;
}

StoredFile *SandboxServerPrivate::createFile(const QString &filename, const QString &purpose,
        const QByteArray &data, QString *problem, const QString &id)
{
    StoredFile file = newFileRecord(filename, purpose, id);
    file.seq = ++sequence;
    file.processingError = formatProblem(purpose, data);
    if (!writeFileData(&file, data, problem))
        return nullptr;
    auto it = files.insert(file.id, file);
    scheduleSave();
    return &it.value();
}

Reply SandboxServerPrivate::createFileRequest(const HttpRequest &request)
{
    const QByteArray contentType = request.header("content-type");
    QList<MultipartField> fields;
    if (!contentType.toLower().startsWith("multipart/form-data"))
        return error(400,
                QStringLiteral("Invalid Content-Type header (%1), expected "
                               "multipart/form-data.")
                        .arg(QString::fromLatin1(contentType)),
                QStringLiteral("invalid_request_error"));
    if (!parseMultipart(contentType, request.body, &fields))
        return error(400,
                QStringLiteral("The multipart/form-data body could not be read: the "
                               "boundary is missing or the body is cut off."),
                QStringLiteral("invalid_request_error"));
    const MultipartField *fileField = findField(fields, "file");
    const MultipartField *purposeField = findField(fields, "purpose");
    if (!fileField || !fileField->hasFilename)
        return missingParameter(QStringLiteral("file"));
    if (!purposeField)
        return missingParameter(QStringLiteral("purpose"));
    const QString purpose = QString::fromUtf8(purposeField->data).trimmed();
    Reply failure;
    if (!checkPurpose(purpose, &failure))
        return failure;
    std::optional<qint64> expiresAfter;
    if (const MultipartField *seconds = findField(fields, "expires_after[seconds]")) {
        bool ok = false;
        const qint64 value = seconds->data.trimmed().toLongLong(&ok);
        if (!ok || value < 3600 || value > 2592000)
            return error(400,
                    QStringLiteral("Invalid 'expires_after[seconds]': expected an integer "
                                   "between 3600 and 2592000."),
                    QStringLiteral("invalid_request_error"),
                    QStringLiteral("expires_after[seconds]"),
                    QStringLiteral("integer_out_of_range"));
        expiresAfter = value;
    } else if (purpose == QLatin1String("batch")) {
        expiresAfter = 30LL * 24 * 3600;
    }
    if (fileField->data.isEmpty())
        return error(400, QStringLiteral("The file is empty."),
                QStringLiteral("invalid_request_error"), QStringLiteral("file"));
    QString problem;
    StoredFile *file =
            createFile(QString::fromUtf8(fileField->filename), purpose, fileField->data, &problem);
    if (!file)
        return storageFailure(problem);
    if (expiresAfter)
        file->expiresAt = file->createdAt + *expiresAfter;
    return json(fileJson(*file));
}

Reply SandboxServerPrivate::listFiles(const HttpRequest &request)
{
    Reply failure;
    bool ok = true;
    const int limit = queryLimit(request, 10000, 10000, &failure, &ok);
    if (!ok)
        return failure;
    const QString order = request.query.queryItemValue(QStringLiteral("order"));
    if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc"))
        return error(400, QStringLiteral("Invalid value for 'order': expected 'asc' or 'desc'."),
                QStringLiteral("invalid_request_error"), QStringLiteral("order"));
    const bool ascending = order == QLatin1String("asc");
    const QString purpose = request.query.queryItemValue(QStringLiteral("purpose"));
    QList<const StoredFile *> list;
    for (const StoredFile &file : std::as_const(files)) {
        if (file.dialect.isEmpty() && (purpose.isEmpty() || file.purpose == purpose))
            list.append(&file);
    }
    std::sort(list.begin(), list.end(), [ascending](const StoredFile *a, const StoredFile *b) {
        const bool aFirst =
                a->createdAt != b->createdAt ? a->createdAt < b->createdAt : a->seq < b->seq;
        return ascending ? aFirst : !aFirst;
    });
    const qsizetype start = startAfter(request.query.queryItemValue(QStringLiteral("after")), list,
            [](const StoredFile *file) { return file->id; });
    QJsonArray data;
    for (qsizetype i = start; i < list.size() && data.size() < limit; ++i)
        data.append(fileJson(*list.at(i)));
    const bool hasMore = start + data.size() < list.size();
    // The spec types first_id/last_id as strings: empty rather than null for an empty page.
    return json(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
            {QStringLiteral("data"), data},
            {QStringLiteral("first_id"),
                    data.isEmpty() ? QString()
                                   : data.first().toObject().value(QLatin1String("id")).toString()},
            {QStringLiteral("last_id"),
                    data.isEmpty() ? QString()
                                   : data.last().toObject().value(QLatin1String("id")).toString()},
            {QStringLiteral("has_more"), hasMore}});
}

static Reply fileNotFound(const QString &id)
{
    return SandboxServerPrivate::error(404, QStringLiteral("No such File object: %1").arg(id),
            QStringLiteral("invalid_request_error"), QStringLiteral("id"));
}

Reply SandboxServerPrivate::retrieveFile(const QString &id)
{
    const auto it = files.constFind(id);
    if (it == files.constEnd())
        return fileNotFound(id);
    return json(fileJson(*it));
}

Reply SandboxServerPrivate::deleteFile(const QString &id)
{
    const auto it = files.find(id);
    if (it == files.end())
        return fileNotFound(id);
    removeFileData(*it);
    files.erase(it);
    scheduleSave();
    return json(QJsonObject {{QStringLiteral("id"), id},
            {QStringLiteral("object"), QStringLiteral("file")}, {QStringLiteral("deleted"), true}});
}

Reply SandboxServerPrivate::fileContent(const QString &id)
{
    const auto it = files.constFind(id);
    if (it == files.constEnd())
        return fileNotFound(id);
    if (it->purpose == QLatin1String("assistants") || it->purpose == QLatin1String("user_data"))
        return error(400,
                QStringLiteral("Not allowed to download files of purpose: %1").arg(it->purpose),
                QStringLiteral("invalid_request_error"));
    Reply reply;
    reply.body = fileData(*it);
    // Raw bytes, as the service sends them. The spec declares application/json (a string), which
    // no file body can satisfy: a validating proxy flags this one response (see README.md).
    reply.contentType = QByteArrayLiteral("application/octet-stream");
    reply.headers.append({QByteArrayLiteral("Content-Disposition"),
            "attachment; filename=\"" + it->filename.toUtf8() + '"'});
    return reply;
}

// ---- uploads --------------------------------------------------------------------------------

void SandboxServerPrivate::refreshUploadExpiry(StoredUpload &upload)
{
    if (upload.status == QLatin1String("pending") && now() >= upload.expiresAt)
        closeUpload(upload, QStringLiteral("expired"));
}

void SandboxServerPrivate::closeUpload(StoredUpload &upload, const QString &status)
{
    upload.status = status;
    if (!options.dataDir.isEmpty())
        QDir(QDir(options.dataDir).filePath(QStringLiteral("uploads/") + upload.id))
                .removeRecursively();
    for (StoredPart &part : upload.parts)
        part.data.clear();
    scheduleSave();
}

QJsonObject SandboxServerPrivate::uploadJson(StoredUpload &upload)
{
    refreshUploadExpiry(upload);
    QJsonObject object {{QStringLiteral("id"), upload.id},
            {QStringLiteral("object"), QStringLiteral("upload")},
            {QStringLiteral("bytes"), upload.bytes},
            {QStringLiteral("created_at"), upload.createdAt},
            {QStringLiteral("expires_at"), upload.expiresAt},
            {QStringLiteral("filename"), upload.filename},
            {QStringLiteral("purpose"), upload.purpose}, {QStringLiteral("status"), upload.status}};
    // `file` is left out until there is one: the spec's schema does not accept null there.
    const auto file = files.constFind(upload.fileId);
    if (!upload.fileId.isEmpty() && file != files.constEnd())
        object.insert(QStringLiteral("file"), fileJson(*file));
    return object;
}

Reply SandboxServerPrivate::createUpload(const HttpRequest &request)
{
    QJsonObject body;
    Reply failure;
    if (!parseJsonBody(request, &body, &failure))
        return failure;
    for (const char *name : {"filename", "purpose", "bytes", "mime_type"}) {
        if (!body.contains(QLatin1String(name)))
            return missingParameter(QString::fromLatin1(name));
    }
    const QString purpose = body.value(QLatin1String("purpose")).toString();
    if (!checkPurpose(purpose, &failure))
        return failure;
    const QJsonValue bytesValue = body.value(QLatin1String("bytes"));
    const double bytes = bytesValue.toDouble(-1);
    if (!bytesValue.isDouble() || bytes < 0 || bytes != std::floor(bytes)
            || bytes > double(kMaxUploadBytes))
        return error(400,
                QStringLiteral("Invalid 'bytes': expected an integer between 0 and %1.")
                        .arg(kMaxUploadBytes),
                QStringLiteral("invalid_request_error"), QStringLiteral("bytes"),
                QStringLiteral("integer_out_of_range"));
    const QString mimeType = body.value(QLatin1String("mime_type")).toString();
    if (purpose == QLatin1String("fine-tune")) {
        static const QStringList jsonl = {QStringLiteral("text/jsonl"),
                QStringLiteral("application/jsonl"), QStringLiteral("application/x-ndjson"),
                QStringLiteral("application/json")};
        if (!jsonl.contains(mimeType))
            return error(400,
                    QStringLiteral("The mime type '%1' is not supported for purpose "
                                   "'fine-tune'. Use 'text/jsonl'.")
                            .arg(mimeType),
                    QStringLiteral("invalid_request_error"), QStringLiteral("mime_type"));
    }
    const QString filename = body.value(QLatin1String("filename")).toString();
    if (filename.isEmpty())
        return missingParameter(QStringLiteral("filename"));
    StoredUpload upload;
    upload.id = newId(QStringLiteral("upload_"), 24);
    upload.filename = filename;
    upload.purpose = purpose;
    upload.mimeType = mimeType;
    upload.bytes = qint64(bytes);
    upload.createdAt = now();
    upload.expiresAt = upload.createdAt + kUploadLifetime;
    upload.status = QStringLiteral("pending");
    auto it = uploads.insert(upload.id, upload);
    scheduleSave();
    return json(uploadJson(*it));
}

static Reply uploadNotFound(const QString &id)
{
    return SandboxServerPrivate::error(404, QStringLiteral("No such Upload object: %1").arg(id),
            QStringLiteral("invalid_request_error"), QStringLiteral("upload_id"));
}

static Reply uploadNotPending(const StoredUpload &upload)
{
    if (upload.status == QLatin1String("expired"))
        return SandboxServerPrivate::error(400,
                QStringLiteral("Upload %1 has expired: uploads must be completed within one "
                               "hour of creation.")
                        .arg(upload.id),
                QStringLiteral("invalid_request_error"), QStringLiteral("upload_id"));
    return SandboxServerPrivate::error(400,
            QStringLiteral("Upload %1 is already %2 and cannot be changed.")
                    .arg(upload.id, upload.status),
            QStringLiteral("invalid_request_error"), QStringLiteral("upload_id"));
}

StoredUpload *SandboxServerPrivate::pendingUpload(const QString &id, Reply *failure)
{
    const auto it = uploads.find(id);
    if (it == uploads.end()) {
        *failure = uploadNotFound(id);
        return nullptr;
    }
    refreshUploadExpiry(*it);
    if (it->status != QLatin1String("pending")) {
        *failure = uploadNotPending(*it);
        return nullptr;
    }
    return &*it;
}

Reply SandboxServerPrivate::addUploadPart(const QString &id, const HttpRequest &request)
{
    Reply failure;
    StoredUpload *upload = pendingUpload(id, &failure);
    if (!upload)
        return failure;
    const QByteArray contentType = request.header("content-type");
    QList<MultipartField> fields;
    if (!contentType.toLower().startsWith("multipart/form-data")
            || !parseMultipart(contentType, request.body, &fields))
        return error(400,
                QStringLiteral("Expected a multipart/form-data body with a 'data' field."),
                QStringLiteral("invalid_request_error"));
    const MultipartField *data = findField(fields, "data");
    if (!data)
        return missingParameter(QStringLiteral("data"));
    if (data->data.size() > kMaxPartBytes)
        return error(400,
                QStringLiteral("Upload parts can be at most 64 MB; this part has %1 bytes.")
                        .arg(data->data.size()),
                QStringLiteral("invalid_request_error"), QStringLiteral("data"));
    StoredPart part;
    part.id = newId(QStringLiteral("part_"), 24);
    part.createdAt = now();
    part.size = data->data.size();
    if (options.dataDir.isEmpty()) {
        part.data = data->data;
    } else {
        QDir().mkpath(QDir(options.dataDir).filePath(QStringLiteral("uploads/") + id));
        if (noSpaceFor(data->data.size()))
            return storageFailure(noSpaceProblem());
        // Written whole or not at all: a part cut short by a full disk is never listed.
        QSaveFile f(partPath(id, part.id));
        if (!f.open(QIODevice::WriteOnly) || f.write(data->data) != data->data.size()
                || !f.commit())
            return storageFailure(writeProblem(f, data->data.size()));
    }
    upload->parts.append(part);
    scheduleSave();
    return json(QJsonObject {{QStringLiteral("id"), part.id},
            {QStringLiteral("object"), QStringLiteral("upload.part")},
            {QStringLiteral("created_at"), part.createdAt}, {QStringLiteral("upload_id"), id}});
}

Reply SandboxServerPrivate::completeUpload(const QString &id, const HttpRequest &request)
{
    QJsonObject body;
    Reply failure;
    if (!parseJsonBody(request, &body, &failure))
        return failure;
    StoredUpload *upload = pendingUpload(id, &failure);
    if (!upload)
        return failure;
    if (!body.value(QLatin1String("part_ids")).isArray())
        return missingParameter(QStringLiteral("part_ids"));
    QList<const StoredPart *> ordered;
    if (!orderParts(*upload, body.value(QLatin1String("part_ids")).toArray(), &ordered, &failure))
        return failure;
    const QString md5 = body.value(QLatin1String("md5")).toString();
    const StoredFile *file = options.dataDir.isEmpty()
            ? assembleInMemory(*upload, ordered, md5, &failure)
            : assembleOnDisk(*upload, ordered, md5, &failure);
    if (!file)
        return failure;
    upload->fileId = file->id;
    closeUpload(*upload, QStringLiteral("completed"));
    return json(uploadJson(*upload));
}

StoredFile *SandboxServerPrivate::assembleInMemory(const StoredUpload &upload,
        const QList<const StoredPart *> &ordered, const QString &md5, Reply *failure)
{
    QByteArray assembled;
    assembled.reserve(upload.bytes);
    for (const StoredPart *part : ordered)
        assembled += part->data;
    if (!checksumMatches(
                md5, QCryptographicHash::hash(assembled, QCryptographicHash::Md5), failure))
        return nullptr;
    QString problem;
    StoredFile *file = createFile(upload.filename, upload.purpose, assembled, &problem);
    if (!file)
        *failure = storageFailure(problem);
    return file;
}

StoredFile *SandboxServerPrivate::assembleOnDisk(const StoredUpload &upload,
        const QList<const StoredPart *> &ordered, const QString &md5, Reply *failure)
{
    // Part by part into the file, hashing and checking on the way: a gigabyte upload never
    // sits in memory.
    const qint64 total = upload.bytes;
    StoredFile stored = newFileRecord(upload.filename, upload.purpose);
    stored.bytes = total;
    QCryptographicHash hash(QCryptographicHash::Md5);
    FormatCheck check(upload.purpose == QLatin1String("fine-tune"));
    if (noSpaceFor(total)) {
        *failure = storageFailure(noSpaceProblem());
        return nullptr;
    }
    QSaveFile out(filePath(stored.id));
    if (!out.open(QIODevice::WriteOnly)) {
        *failure = storageFailure(writeProblem(out, total));
        return nullptr;
    }
    for (const StoredPart *part : ordered) {
        QFile in(partPath(upload.id, part->id));
        if (!in.open(QIODevice::ReadOnly)) {
            *failure = error(500, QStringLiteral("An upload part could not be read back."),
                    QStringLiteral("server_error"));
            return nullptr;
        }
        while (!in.atEnd()) {
            const QByteArray chunk = in.read(4 * 1024 * 1024);
            if (chunk.isEmpty())
                break;
            hash.addData(chunk);
            check.feed(chunk);
            if (out.write(chunk) != chunk.size()) {
                *failure = storageFailure(writeProblem(out, total));
                return nullptr;
            }
        }
    }
    if (!checksumMatches(md5, hash.result(), failure)) {
        out.cancelWriting();
        return nullptr;
    }
    if (!out.commit()) {
        *failure = storageFailure(writeProblem(out, total));
        return nullptr;
    }
    stored.processingError = check.finish();
    stored.seq = ++sequence;
    return &files.insert(stored.id, stored).value();
}

Reply SandboxServerPrivate::cancelUpload(const QString &id)
{
    Reply failure;
    StoredUpload *upload = pendingUpload(id, &failure);
    if (!upload)
        return failure;
    closeUpload(*upload, QStringLiteral("cancelled"));
    return json(uploadJson(*upload));
}

} // namespace fs::sandbox
