// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxs3.h"

#include "practicebucket.h"
#include "sigv4signer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <functional>

// The practice samples live in a resource of this static library (outside any namespace, as
// Q_INIT_RESOURCE requires).
static void initSandboxSamples()
{
    Q_INIT_RESOURCE(fs_sandbox_samples);
}

namespace fs::sandbox {

namespace {

using Answer = SandboxS3::Answer;

constexpr qint64 kMaxObjectBytes = 5LL * 1024 * 1024 * 1024; // S3's limit for one PUT
constexpr qint64 kMinPartBytes = 5LL * 1024 * 1024; // every part but the last
constexpr int kMaxKeys = 1000;
constexpr qint64 kAllowedSkewSeconds = 15 * 60;
const char kXmlns[] = "http://s3.amazonaws.com/doc/2006-03-01/";
const QString kIndexFile = QStringLiteral("index.json");

QString randomToken(int length)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString token;
    for (int i = 0; i < length; ++i)
        token += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]);
    return token;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
            .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
            .toLatin1();
}

QByteArray quoted(const QByteArray &etag)
{
    return '"' + etag + '"';
}

Answer xml(int status, const std::function<void(QXmlStreamWriter &)> &write)
{
    Answer answer;
    answer.status = status;
    QXmlStreamWriter writer(&answer.body);
    writer.writeStartDocument();
    write(writer);
    writer.writeEndDocument();
    answer.add("Content-Type", "application/xml");
    return answer;
}

Answer s3Error(int status, const QString &code, const QString &message,
        const QList<QPair<QString, QString>> &extra = {})
{
    return xml(status, [&](QXmlStreamWriter &w) {
        w.writeStartElement(QStringLiteral("Error"));
        w.writeTextElement(QStringLiteral("Code"), code);
        w.writeTextElement(QStringLiteral("Message"), message);
        for (const auto &item : extra)
            w.writeTextElement(item.first, item.second);
        w.writeEndElement();
    });
}

Answer noSuchBucket(const QString &bucket)
{
    return s3Error(404, QStringLiteral("NoSuchBucket"),
            QStringLiteral("The specified bucket does not exist"),
            {{QStringLiteral("BucketName"), bucket}});
}

Answer noSuchKey(const QString &key)
{
    return s3Error(404, QStringLiteral("NoSuchKey"),
            QStringLiteral("The specified key does not exist."), {{QStringLiteral("Key"), key}});
}

Answer noSuchUpload(const QString &uploadId)
{
    return s3Error(404, QStringLiteral("NoSuchUpload"),
            QStringLiteral("The specified upload does not exist. The upload ID may be invalid, or "
                           "the upload may have been aborted or completed."),
            {{QStringLiteral("UploadId"), uploadId}});
}

Answer accessDenied(const QString &message = QStringLiteral("Access Denied"))
{
    return s3Error(403, QStringLiteral("AccessDenied"), message);
}

bool validBucketName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"));
    return pattern.match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

QString queryValue(const HttpRequest &request, const QString &name)
{
    return request.query.queryItemValue(name, QUrl::FullyDecoded);
}

/**
 * The body of an `aws-chunked` upload with an unsigned trailer (what AWS's SDKs send for
 * streams): "SIZE-IN-HEX[;ext]\r\nDATA\r\n" … "0\r\n" then trailer lines. False when malformed.
 */
bool decodeAwsChunked(const QByteArray &body, QByteArray *out)
{
    out->clear();
    qsizetype pos = 0;
    for (;;) {
        const qsizetype lineEnd = body.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        QByteArray sizeText = body.mid(pos, lineEnd - pos);
        const qsizetype semicolon = sizeText.indexOf(';');
        if (semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return false;
        pos = lineEnd + 2;
        if (size == 0)
            return true; // the trailer (checksums) follows; nothing in it is needed here
        if (pos + size + 2 > body.size())
            return false;
        out->append(body.constData() + pos, size);
        pos += size;
        if (body.mid(pos, 2) != "\r\n")
            return false;
        pos += 2;
    }
}

struct AuthorizationParts
{
    QString accessKeyId;
    QString date;
    QString region;
    QString service;
    QList<QByteArray> signedHeaders;
    QByteArray signature;
};

bool parseAuthorization(const QByteArray &header, AuthorizationParts *parts)
{
    static const QByteArray algorithm = "AWS4-HMAC-SHA256";
    const QByteArray value = header.trimmed();
    if (!value.startsWith(QByteArray(algorithm + ' ')))
        return false;
    const QList<QByteArray> fields = value.mid(algorithm.size() + 1).split(',');
    for (const QByteArray &raw : fields) {
        const QByteArray field = raw.trimmed();
        const qsizetype equals = field.indexOf('=');
        if (equals < 0)
            return false;
        const QByteArray name = field.left(equals);
        const QByteArray content = field.mid(equals + 1);
        if (name == "Credential") {
            const QStringList scope = QString::fromUtf8(content).split(QLatin1Char('/'));
            if (scope.size() != 5 || scope.at(4) != QLatin1String("aws4_request"))
                return false;
            parts->accessKeyId = scope.at(0);
            parts->date = scope.at(1);
            parts->region = scope.at(2);
            parts->service = scope.at(3);
        } else if (name == "SignedHeaders") {
            parts->signedHeaders = content.toLower().split(';');
        } else if (name == "Signature") {
            parts->signature = content.toLower();
        }
    }
    return !parts->accessKeyId.isEmpty() && !parts->signedHeaders.isEmpty()
            && !parts->signature.isEmpty();
}

/// Compares without stopping at the first difference, so timing tells nothing.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

/// One page of ListObjectsV2: objects and common prefixes, in key order.
struct ListedPage
{
    QList<const SandboxS3::Object *> objects;
    QStringList keys;
    QStringList commonPrefixes;
    bool truncated = false;
    QString nextToken;
};

/// Continuation tokens are opaque to clients: the last entry listed, base64url.
QString makeToken(const QString &lastEntry)
{
    return QString::fromLatin1(lastEntry.toUtf8().toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool readToken(const QString &token, QString *lastEntry)
{
    const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *lastEntry = QString::fromUtf8(*decoded);
    return true;
}

ListedPage listPage(const QMap<QString, SandboxS3::Object> &objects, const QString &prefix,
        const QString &delimiter, const QString &after, int maxKeys)
{
    ListedPage page;
    // A token after a common prefix skips everything under it.
    const bool afterFolder = !delimiter.isEmpty() && after.endsWith(delimiter);
    auto it = after.isEmpty() ? objects.lowerBound(prefix) : objects.upperBound(after);
    int count = 0;
    QString lastEntry;
    for (; it != objects.end(); ++it) {
        const QString &key = it.key();
        if (!key.startsWith(prefix)) {
            if (key > prefix)
                break;
            continue;
        }
        if (afterFolder && key.startsWith(after))
            continue;
        QString folder;
        if (!delimiter.isEmpty()) {
            const qsizetype at = key.indexOf(delimiter, prefix.size());
            if (at >= 0)
                folder = key.left(at + delimiter.size());
        }
        if (!folder.isEmpty() && !page.commonPrefixes.isEmpty()
                && page.commonPrefixes.last() == folder)
            continue;
        if (count == maxKeys) {
            page.truncated = maxKeys > 0;
            if (page.truncated)
                page.nextToken = makeToken(lastEntry);
            break;
        }
        ++count;
        if (folder.isEmpty()) {
            page.objects.append(&it.value());
            page.keys.append(key);
            lastEntry = key;
        } else {
            page.commonPrefixes.append(folder);
            lastEntry = folder;
        }
    }
    return page;
}

QString urlEncoded(const QString &text, bool encode)
{
    return encode ? QString::fromLatin1(SigV4Signer::uriEncode(text.toUtf8(), true)) : text;
}

} // namespace

SandboxS3::SandboxS3(const S3StoreOptions &options)
    : m_options(options)
{
    initSandboxSamples();
    if (m_options.accessKeyId.isEmpty())
        m_options.accessKeyId = practice::accessKeyId();
    if (m_options.secretAccessKey.isEmpty())
        m_options.secretAccessKey = practice::secretAccessKey();
}

SandboxS3::~SandboxS3() = default;

bool SandboxS3::open(QString *problem)
{
    if (!m_options.dataDir.isEmpty() && !load(problem))
        return false;
    seedPracticeBucket();
    return true;
}

void SandboxS3::seedPracticeBucket()
{
    // Missing or emptied: the samples (again), so there is always something to try.
    if (m_buckets.contains(practice::bucket())
            && !m_buckets.value(practice::bucket()).objects.isEmpty())
        return;
    Bucket &bucket = m_buckets[practice::bucket()];
    if (!bucket.created.isValid())
        bucket.created = QDateTime::currentDateTimeUtc();
    const QStringList keys = practice::sampleKeys();
    for (const QString &key : keys) {
        QFile sample(QStringLiteral(":/sandbox/samples/") + key);
        if (!sample.open(QIODevice::ReadOnly))
            continue;
        Object object;
        Answer failure;
        if (!store(&object, sample.readAll(), &failure))
            continue;
        object.contentType = "application/jsonl";
        bucket.objects.insert(key, object);
    }
    save();
}

// ---- storage of the bytes -------------------------------------------------------------------

bool SandboxS3::store(Object *object, const QByteArray &data, Answer *failure)
{
    object->size = data.size();
    object->etag = QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
    object->modified = QDateTime::currentDateTimeUtc();
    if (m_options.dataDir.isEmpty()) {
        if (m_memoryBytes + data.size() > m_options.memoryLimit) {
            *failure = s3Error(507, QStringLiteral("InsufficientStorage"),
                    QStringLiteral("The sandbox keeps at most %1 MB of objects in memory. Delete "
                                   "some, or start it with --data-dir to keep them on disk.")
                            .arg(m_options.memoryLimit / (1024 * 1024)));
            return false;
        }
        object->data = data;
        m_memoryBytes += data.size();
        return true;
    }
    object->file = randomToken(24);
    QSaveFile file(QDir(m_options.dataDir).filePath(QStringLiteral("s3/data/") + object->file));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *failure = s3Error(500, QStringLiteral("InternalError"),
                QStringLiteral("We encountered an internal error. Please try again."));
        return false;
    }
    return true;
}

QByteArray SandboxS3::read(const Object &object, qint64 offset, qint64 length) const
{
    if (length < 0)
        length = object.size - offset;
    if (object.file.isEmpty())
        return object.data.mid(offset, length);
    QFile file(QDir(m_options.dataDir).filePath(QStringLiteral("s3/data/") + object.file));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return {};
    return file.read(length);
}

bool SandboxS3::replace(const QString &bucket, const QString &key, Object *object,
        const QByteArray &data, Answer *failure)
{
    // The bytes being replaced do not count against their successor; they stay until it is kept,
    // so a refused PUT leaves the old object as it was (as on S3).
    const auto old = m_buckets[bucket].objects.constFind(key);
    const bool replacing = old != m_buckets[bucket].objects.cend();
    const qint64 credit = replacing && old->file.isEmpty() ? old->data.size() : 0;
    m_memoryBytes -= credit;
    const bool stored = store(object, data, failure);
    m_memoryBytes += credit;
    if (stored && replacing)
        release(old.value());
    return stored;
}

void SandboxS3::release(const Object &object)
{
    if (object.file.isEmpty()) {
        m_memoryBytes -= object.data.size();
        return;
    }
    QFile::remove(QDir(m_options.dataDir).filePath(QStringLiteral("s3/data/") + object.file));
}

namespace {

QJsonObject objectJson(const SandboxS3::Object &o)
{
    return {{QStringLiteral("file"), o.file}, {QStringLiteral("size"), o.size},
            {QStringLiteral("etag"), QString::fromLatin1(o.etag)},
            {QStringLiteral("content_type"), QString::fromUtf8(o.contentType)},
            {QStringLiteral("modified"), isoTime(o.modified)}};
}

SandboxS3::Object objectFromJson(const QJsonObject &j)
{
    SandboxS3::Object o;
    o.file = j.value(QLatin1String("file")).toString();
    o.size = qint64(j.value(QLatin1String("size")).toDouble());
    o.etag = j.value(QLatin1String("etag")).toString().toLatin1();
    o.contentType = j.value(QLatin1String("content_type")).toString().toUtf8();
    o.modified =
            QDateTime::fromString(j.value(QLatin1String("modified")).toString(), Qt::ISODateWithMs);
    return o;
}

} // namespace

void SandboxS3::save() const
{
    if (m_options.dataDir.isEmpty())
        return;
    QJsonObject buckets;
    for (auto b = m_buckets.cbegin(); b != m_buckets.cend(); ++b) {
        QJsonObject objects;
        for (auto o = b->objects.cbegin(); o != b->objects.cend(); ++o)
            objects.insert(o.key(), objectJson(o.value()));
        buckets.insert(b.key(),
                QJsonObject {{QStringLiteral("created"), isoTime(b->created)},
                        {QStringLiteral("objects"), objects}});
    }
    QJsonObject uploads;
    for (auto u = m_uploads.cbegin(); u != m_uploads.cend(); ++u) {
        QJsonObject parts;
        for (auto p = u->parts.cbegin(); p != u->parts.cend(); ++p)
            parts.insert(QString::number(p.key()), objectJson(p.value()));
        uploads.insert(u.key(),
                QJsonObject {{QStringLiteral("bucket"), u->bucket}, {QStringLiteral("key"), u->key},
                        {QStringLiteral("content_type"), QString::fromUtf8(u->contentType)},
                        {QStringLiteral("initiated"), isoTime(u->initiated)},
                        {QStringLiteral("parts"), parts}});
    }
    QSaveFile file(QDir(m_options.dataDir).filePath(QStringLiteral("s3/") + kIndexFile));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(
                QJsonObject {{QStringLiteral("version"), 1}, {QStringLiteral("buckets"), buckets},
                        {QStringLiteral("uploads"), uploads}})
                           .toJson(QJsonDocument::Compact));
        file.commit();
    }
}

bool SandboxS3::load(QString *problem)
{
    QDir dir(m_options.dataDir);
    if (!dir.mkpath(QStringLiteral("s3/data"))) {
        *problem = QCoreApplication::translate(
                "fs::sandbox", "The folder %1 cannot be created or written to.")
                           .arg(QDir::toNativeSeparators(dir.filePath(QStringLiteral("s3"))));
        return false;
    }
    QFile file(dir.filePath(QStringLiteral("s3/") + kIndexFile));
    if (!file.exists())
        return true;
    QJsonParseError parseError;
    const QJsonObject index = file.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(file.readAll(), &parseError).object()
            : QJsonObject();
    if (!file.isOpen() || parseError.error != QJsonParseError::NoError) {
        *problem = QCoreApplication::translate(
                "fs::sandbox", "The saved sandbox state in %1 is damaged.")
                           .arg(QDir::toNativeSeparators(file.fileName()));
        return false;
    }
    const QJsonObject buckets = index.value(QLatin1String("buckets")).toObject();
    for (auto b = buckets.begin(); b != buckets.end(); ++b) {
        const QJsonObject j = b.value().toObject();
        Bucket bucket;
        bucket.created = QDateTime::fromString(
                j.value(QLatin1String("created")).toString(), Qt::ISODateWithMs);
        const QJsonObject objects = j.value(QLatin1String("objects")).toObject();
        for (auto o = objects.begin(); o != objects.end(); ++o)
            bucket.objects.insert(o.key(), objectFromJson(o.value().toObject()));
        m_buckets.insert(b.key(), bucket);
    }
    const QJsonObject uploads = index.value(QLatin1String("uploads")).toObject();
    for (auto u = uploads.begin(); u != uploads.end(); ++u) {
        const QJsonObject j = u.value().toObject();
        Upload upload;
        upload.bucket = j.value(QLatin1String("bucket")).toString();
        upload.key = j.value(QLatin1String("key")).toString();
        upload.contentType = j.value(QLatin1String("content_type")).toString().toUtf8();
        upload.initiated = QDateTime::fromString(
                j.value(QLatin1String("initiated")).toString(), Qt::ISODateWithMs);
        const QJsonObject parts = j.value(QLatin1String("parts")).toObject();
        for (auto p = parts.begin(); p != parts.end(); ++p)
            upload.parts.insert(p.key().toInt(), objectFromJson(p.value().toObject()));
        m_uploads.insert(u.key(), upload);
    }
    return true;
}

// ---- authentication -------------------------------------------------------------------------

namespace {

/// The Authorization header of Signature Version 4, for this store's key and for S3.
bool readAuthorization(const HttpRequest &request, const QString &accessKeyId,
        AuthorizationParts *parts, Answer *failure)
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty()) {
        *failure = request.query.hasQueryItem(QStringLiteral("X-Amz-Signature"))
                ? accessDenied(QStringLiteral("The sandbox accepts only the Authorization header "
                                              "form of Signature Version 4, not presigned URLs."))
                : accessDenied();
        return false;
    }
    if (!parseAuthorization(authorization, parts)) {
        *failure = s3Error(400, QStringLiteral("AuthorizationHeaderMalformed"),
                QStringLiteral("The authorization header is malformed; the authorization header "
                               "requires three components: Credential, SignedHeaders, and "
                               "Signature."));
        return false;
    }
    if (parts->accessKeyId != accessKeyId) {
        *failure = s3Error(403, QStringLiteral("InvalidAccessKeyId"),
                QStringLiteral("The AWS Access Key Id you provided does not exist in our records."),
                {{QStringLiteral("AWSAccessKeyId"), parts->accessKeyId}});
        return false;
    }
    if (parts->service != QLatin1String("s3")) {
        *failure = s3Error(400, QStringLiteral("AuthorizationHeaderMalformed"),
                QStringLiteral("The authorization header is malformed; incorrect service \"%1\". "
                               "This endpoint belongs to \"s3\".")
                        .arg(parts->service));
        return false;
    }
    return true;
}

/// x-amz-date: when the request was signed, within the allowed skew of now.
bool readSigningTime(const HttpRequest &request, QDateTime *signedAt, Answer *failure)
{
    const QByteArray amzDate = request.header("x-amz-date");
    *signedAt = QDateTime::fromString(
            QString::fromLatin1(amzDate), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    signedAt->setTimeSpec(Qt::UTC);
    if (!signedAt->isValid()) {
        *failure = accessDenied(
                QStringLiteral("AWS authentication requires a valid Date or x-amz-date header"));
        return false;
    }
    const qint64 skew = qAbs(signedAt->secsTo(QDateTime::currentDateTimeUtc()));
    if (skew > kAllowedSkewSeconds) {
        *failure = s3Error(403, QStringLiteral("RequestTimeTooSkewed"),
                QStringLiteral("The difference between the request time and the current time is "
                               "too large."),
                {{QStringLiteral("RequestTime"), QString::fromLatin1(amzDate)},
                        {QStringLiteral("ServerTime"), isoTime(QDateTime::currentDateTimeUtc())}});
        return false;
    }
    return true;
}

/// The canonical request as the client made it: the path encoded the S3 way, the decoded
/// query, and exactly the headers it says it signed.
SigV4Request requestToCheck(
        const HttpRequest &request, const AuthorizationParts &parts, const QByteArray &payloadHash)
{
    SigV4Request toCheck;
    toCheck.method = request.method;
    toCheck.path = SigV4Signer::uriEncode(request.path.toUtf8(), true);
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        toCheck.query.append({item.first.toUtf8(), item.second.toUtf8()});
    for (const QByteArray &name : std::as_const(parts.signedHeaders)) {
        bool found = false;
        for (const auto &header : request.headers) {
            if (header.first.toLower() == name) {
                toCheck.headers.append({name, header.second});
                found = true;
            }
        }
        if (!found && name != "x-amz-date" && name != "x-amz-content-sha256")
            toCheck.headers.append({name, QByteArray()});
    }
    toCheck.payloadHash = payloadHash;
    return toCheck;
}

/// Signs `toCheck` again with the secret and compares with the signature given.
bool checkSignature(const SigV4Request &toCheck, const AuthorizationParts &parts,
        const QString &secretAccessKey, const QDateTime &signedAt, Answer *failure)
{
    SigV4Signer::Options options;
    options.region = parts.region;
    options.service = parts.service;
    options.s3 = true;
    // The signer always adds these two; a client that did not sign them did not sign them.
    for (const QByteArray &name :
            {QByteArrayLiteral("x-amz-date"), QByteArrayLiteral("x-amz-content-sha256")}) {
        if (!parts.signedHeaders.contains(name))
            options.unsignedHeaders.append(name);
    }
    SigV4Signer signer({parts.accessKeyId, secretAccessKey, {}}, options);
    signer.setClock([signedAt] { return signedAt; });
    const SigV4Signature expected = signer.sign(toCheck);
    if (sameBytes(expected.signature, parts.signature))
        return true;
    *failure = s3Error(403, QStringLiteral("SignatureDoesNotMatch"),
            QStringLiteral("The request signature we calculated does not match the signature "
                           "you provided. Check your key and signing method."),
            {{QStringLiteral("AWSAccessKeyId"), parts.accessKeyId},
                    {QStringLiteral("StringToSign"), QString::fromUtf8(expected.stringToSign)},
                    {QStringLiteral("CanonicalRequest"),
                            QString::fromUtf8(expected.canonicalRequest)}});
    return false;
}

/// An aws-chunked body with an unsigned trailer, decoded; signed chunks are not checked here.
bool readChunkedPayload(const HttpRequest &request, const QByteArray &payloadHash, QByteArray *body,
        Answer *failure)
{
    if (payloadHash != "STREAMING-UNSIGNED-PAYLOAD-TRAILER") {
        *failure = s3Error(501, QStringLiteral("NotImplemented"),
                QStringLiteral("The sandbox does not check signed chunks (%1). Send the payload "
                               "whole, or unsigned.")
                        .arg(QString::fromLatin1(payloadHash)));
        return false;
    }
    if (!decodeAwsChunked(request.body, body)) {
        *failure = s3Error(400, QStringLiteral("IncompleteBody"),
                QStringLiteral("The request body terminated unexpectedly"));
        return false;
    }
    const QByteArray declared = request.header("x-amz-decoded-content-length");
    if (!declared.isEmpty() && declared.toLongLong() != body->size()) {
        *failure = s3Error(400, QStringLiteral("IncompleteBody"),
                QStringLiteral("You did not provide the number of bytes specified by the "
                               "x-amz-decoded-content-length header."));
        return false;
    }
    return true;
}

/// The payload: as sent, or decoded from aws-chunked; its hash checked when one was signed.
bool readPayload(const HttpRequest &request, const QByteArray &payloadHash, QByteArray *body,
        Answer *failure)
{
    if (payloadHash.startsWith("STREAMING-"))
        return readChunkedPayload(request, payloadHash, body, failure);
    *body = request.body;
    if (payloadHash == SigV4Signer::unsignedPayload())
        return true;
    const QByteArray computed = SigV4Signer::sha256Hex(request.body);
    if (sameBytes(computed, payloadHash.toLower()))
        return true;
    *failure = s3Error(400, QStringLiteral("XAmzContentSHA256Mismatch"),
            QStringLiteral("The provided 'x-amz-content-sha256' header does not match what "
                           "was computed."),
            {{QStringLiteral("ClientComputedContentSHA256"), QString::fromLatin1(payloadHash)},
                    {QStringLiteral("S3ComputedContentSHA256"), QString::fromLatin1(computed)}});
    return false;
}

} // namespace

bool SandboxS3::authenticate(const HttpRequest &request, QByteArray *body, Answer *failure) const
{
    AuthorizationParts parts;
    QDateTime signedAt;
    if (!readAuthorization(request, m_options.accessKeyId, &parts, failure)
            || !readSigningTime(request, &signedAt, failure))
        return false;
    const QByteArray payloadHash = request.header("x-amz-content-sha256").trimmed();
    if (payloadHash.isEmpty()) {
        *failure = s3Error(400, QStringLiteral("InvalidRequest"),
                QStringLiteral("Missing required header for this request: x-amz-content-sha256"));
        return false;
    }
    return checkSignature(requestToCheck(request, parts, payloadHash), parts,
                   m_options.secretAccessKey, signedAt, failure)
            && readPayload(request, payloadHash, body, failure);
}

// ---- dispatch -------------------------------------------------------------------------------

void SandboxS3::handle(const HttpRequest &request, HttpExchange *exchange)
{
    const QByteArray requestId = randomToken(16).toUpper().toLatin1();
    QByteArray body;
    Answer answer;
    if (authenticate(request, &body, &answer))
        answer = route(request, body);
    if (answer.status >= 300 && !answer.body.isEmpty()) {
        // Every error names its request and resource, as S3's do.
        const QByteArray tail = "<Resource>" + request.path.toHtmlEscaped().toUtf8()
                + "</Resource><RequestId>" + requestId + "</RequestId></Error>";
        answer.body.replace(QByteArrayLiteral("</Error>"), tail);
    }
    answer.add("x-amz-request-id", requestId);
    answer.add("x-amz-id-2", QByteArray(requestId).toBase64());
    answer.add("Date", httpDate(QDateTime::currentDateTimeUtc()));
    answer.add("Server", "FinetuneStudioSandbox");
    if (request.method == "HEAD") {
        bool hasLength = false;
        for (const auto &header : std::as_const(answer.headers))
            hasLength = hasLength || header.first.toLower() == "content-length";
        if (!hasLength)
            answer.add("Content-Length", "0");
        answer.body.clear();
    }
    exchange->respond(answer.status, answer.headers, answer.body);
}

Answer SandboxS3::route(const HttpRequest &request, const QByteArray &body)
{
    const QString rest = request.path.mid(practice::storagePath().size());
    if (rest.isEmpty() || rest == QLatin1String("/")) {
        if (request.method == "GET")
            return listBuckets();
        return s3Error(405, QStringLiteral("MethodNotAllowed"),
                QStringLiteral("The specified method is not allowed against this resource."));
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'), 1);
    const QString bucket = rest.mid(1, slash < 0 ? -1 : slash - 1);
    const QString key = slash < 0 ? QString() : rest.mid(slash + 1);
    if (key.isEmpty())
        return bucketRequest(request, bucket);
    if (!m_buckets.contains(bucket))
        return noSuchBucket(bucket);
    return objectRequest(request, bucket, key, body);
}

Answer SandboxS3::listBuckets() const
{
    return xml(200, [this](QXmlStreamWriter &w) {
        w.writeStartElement(QStringLiteral("ListAllMyBucketsResult"));
        w.writeDefaultNamespace(QString::fromLatin1(kXmlns));
        w.writeStartElement(QStringLiteral("Owner"));
        w.writeTextElement(QStringLiteral("ID"), m_options.accessKeyId);
        w.writeTextElement(QStringLiteral("DisplayName"), m_options.accessKeyId);
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("Buckets"));
        for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it) {
            w.writeStartElement(QStringLiteral("Bucket"));
            w.writeTextElement(QStringLiteral("Name"), it.key());
            w.writeTextElement(QStringLiteral("CreationDate"), isoTime(it->created));
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    });
}

Answer SandboxS3::bucketRequest(const HttpRequest &request, const QString &bucket)
{
    const QByteArray &method = request.method;
    if (method == "PUT") {
        if (!validBucketName(bucket))
            return s3Error(400, QStringLiteral("InvalidBucketName"),
                    QStringLiteral("The specified bucket is not valid."),
                    {{QStringLiteral("BucketName"), bucket}});
        if (m_buckets.contains(bucket))
            return s3Error(409, QStringLiteral("BucketAlreadyOwnedByYou"),
                    QStringLiteral("Your previous request to create the named bucket succeeded "
                                   "and you already own it."),
                    {{QStringLiteral("BucketName"), bucket}});
        m_buckets[bucket].created = QDateTime::currentDateTimeUtc();
        save();
        Answer answer;
        answer.add("Location", '/' + bucket.toUtf8());
        return answer;
    }
    if (!m_buckets.contains(bucket))
        return noSuchBucket(bucket);
    if (method == "HEAD") {
        Answer answer;
        answer.add("x-amz-bucket-region", practice::region().toLatin1());
        return answer;
    }
    if (method == "GET") {
        if (request.query.hasQueryItem(QStringLiteral("location")))
            return xml(200, [](QXmlStreamWriter &w) {
                w.writeStartElement(QStringLiteral("LocationConstraint"));
                w.writeDefaultNamespace(QString::fromLatin1(kXmlns));
                w.writeCharacters(practice::region());
                w.writeEndElement();
            });
        return listObjects(request, bucket);
    }
    if (method == "DELETE") {
        const bool busy = std::any_of(m_uploads.cbegin(), m_uploads.cend(),
                [&bucket](const Upload &u) { return u.bucket == bucket; });
        if (!m_buckets.value(bucket).objects.isEmpty() || busy)
            return s3Error(409, QStringLiteral("BucketNotEmpty"),
                    QStringLiteral("The bucket you tried to delete is not empty"),
                    {{QStringLiteral("BucketName"), bucket}});
        m_buckets.remove(bucket);
        save();
        Answer answer;
        answer.status = 204;
        return answer;
    }
    return s3Error(501, QStringLiteral("NotImplemented"),
            QStringLiteral("A header or query you provided implies functionality that is not "
                           "implemented."));
}

Answer SandboxS3::objectRequest(const HttpRequest &request, const QString &bucket,
        const QString &key, const QByteArray &body)
{
    const QByteArray &method = request.method;
    const bool upload = request.query.hasQueryItem(QStringLiteral("uploadId"));
    if (method == "GET" || method == "HEAD")
        return getObject(request, bucket, key, method == "HEAD");
    if (method == "PUT") {
        if (!request.header("x-amz-copy-source").isEmpty())
            return s3Error(501, QStringLiteral("NotImplemented"),
                    QStringLiteral("The sandbox does not copy objects."));
        return upload ? uploadPart(request, bucket, key, body)
                      : putObject(request, bucket, key, body);
    }
    if (method == "POST" && request.query.hasQueryItem(QStringLiteral("uploads")))
        return createUpload(request, bucket, key);
    if (method == "POST" && upload)
        return completeUpload(request, bucket, key, body);
    if (method == "DELETE") {
        if (upload)
            return abortUpload(request, bucket, key);
        Bucket &b = m_buckets[bucket];
        const auto it = b.objects.constFind(key);
        if (it != b.objects.cend()) {
            release(it.value());
            b.objects.remove(key);
            save();
        }
        Answer answer;
        answer.status = 204; // also when there was nothing to delete, as S3 does
        return answer;
    }
    return s3Error(405, QStringLiteral("MethodNotAllowed"),
            QStringLiteral("The specified method is not allowed against this resource."));
}

// ---- objects --------------------------------------------------------------------------------

Answer SandboxS3::listObjects(const HttpRequest &request, const QString &bucket) const
{
    const QString prefix = queryValue(request, QStringLiteral("prefix"));
    const QString delimiter = queryValue(request, QStringLiteral("delimiter"));
    const QString token = queryValue(request, QStringLiteral("continuation-token"));
    const QString startAfter = queryValue(request, QStringLiteral("start-after"));
    const bool urlEncoding =
            queryValue(request, QStringLiteral("encoding-type")) == QLatin1String("url");
    int maxKeys = kMaxKeys;
    if (request.query.hasQueryItem(QStringLiteral("max-keys"))) {
        bool ok = false;
        maxKeys = queryValue(request, QStringLiteral("max-keys")).toInt(&ok);
        if (!ok || maxKeys < 0)
            return s3Error(400, QStringLiteral("InvalidArgument"),
                    QStringLiteral("Provided max-keys not an integer or within integer range"),
                    {{QStringLiteral("ArgumentName"), QStringLiteral("max-keys")}});
        maxKeys = std::min(maxKeys, kMaxKeys);
    }
    QString after = startAfter;
    if (!token.isEmpty()) {
        if (!readToken(token, &after))
            return s3Error(400, QStringLiteral("InvalidArgument"),
                    QStringLiteral("The continuation token provided is incorrect"),
                    {{QStringLiteral("ArgumentName"), QStringLiteral("continuation-token")}});
    }
    // By reference: the page points into the bucket's own objects.
    const ListedPage page =
            listPage(m_buckets.constFind(bucket)->objects, prefix, delimiter, after, maxKeys);
    return xml(200, [&](QXmlStreamWriter &w) {
        w.writeStartElement(QStringLiteral("ListBucketResult"));
        w.writeDefaultNamespace(QString::fromLatin1(kXmlns));
        w.writeTextElement(QStringLiteral("Name"), bucket);
        w.writeTextElement(QStringLiteral("Prefix"), urlEncoded(prefix, urlEncoding));
        if (!delimiter.isEmpty())
            w.writeTextElement(QStringLiteral("Delimiter"), urlEncoded(delimiter, urlEncoding));
        w.writeTextElement(QStringLiteral("MaxKeys"), QString::number(maxKeys));
        w.writeTextElement(QStringLiteral("KeyCount"),
                QString::number(page.objects.size() + page.commonPrefixes.size()));
        w.writeTextElement(QStringLiteral("IsTruncated"),
                page.truncated ? QStringLiteral("true") : QStringLiteral("false"));
        if (urlEncoding)
            w.writeTextElement(QStringLiteral("EncodingType"), QStringLiteral("url"));
        if (!token.isEmpty())
            w.writeTextElement(QStringLiteral("ContinuationToken"), token);
        if (page.truncated)
            w.writeTextElement(QStringLiteral("NextContinuationToken"), page.nextToken);
        if (!startAfter.isEmpty())
            w.writeTextElement(QStringLiteral("StartAfter"), urlEncoded(startAfter, urlEncoding));
        for (qsizetype i = 0; i < page.objects.size(); ++i) {
            const Object &o = *page.objects.at(i);
            w.writeStartElement(QStringLiteral("Contents"));
            w.writeTextElement(QStringLiteral("Key"), urlEncoded(page.keys.at(i), urlEncoding));
            w.writeTextElement(QStringLiteral("LastModified"), isoTime(o.modified));
            w.writeTextElement(QStringLiteral("ETag"), QString::fromLatin1(quoted(o.etag)));
            w.writeTextElement(QStringLiteral("Size"), QString::number(o.size));
            w.writeTextElement(QStringLiteral("StorageClass"), QStringLiteral("STANDARD"));
            w.writeEndElement();
        }
        for (const QString &folder : page.commonPrefixes) {
            w.writeStartElement(QStringLiteral("CommonPrefixes"));
            w.writeTextElement(QStringLiteral("Prefix"), urlEncoded(folder, urlEncoding));
            w.writeEndElement();
        }
        w.writeEndElement();
    });
}

Answer SandboxS3::getObject(
        const HttpRequest &request, const QString &bucket, const QString &key, bool head) const
{
    const Bucket &b = *m_buckets.constFind(bucket);
    const auto it = b.objects.constFind(key);
    if (it == b.objects.cend())
        return noSuchKey(key);
    const Object &object = it.value();
    Answer answer;
    answer.add("ETag", quoted(object.etag));
    answer.add("Last-Modified", httpDate(object.modified));
    answer.add("Accept-Ranges", "bytes");
    answer.add("Content-Type",
            object.contentType.isEmpty() ? QByteArray("application/octet-stream")
                                         : object.contentType);
    qint64 first = 0;
    qint64 last = object.size - 1;
    const QByteArray range = request.header("range").trimmed();
    const bool ranged = range.startsWith("bytes=") && !range.contains(',');
    if (ranged) {
        // bytes=A-B, bytes=A- or bytes=-N (the last N bytes)
        const QByteArray spec = range.mid(6);
        const qsizetype dash = spec.indexOf('-');
        bool okFirst = false;
        bool okLast = false;
        const qint64 a = spec.left(dash).toLongLong(&okFirst);
        const qint64 z = spec.mid(dash + 1).toLongLong(&okLast);
        if (dash < 0 || (!okFirst && !okLast)) {
            // Not a range S3 understands: the whole object, as S3 does.
        } else if (!okFirst) {
            first = std::max<qint64>(0, object.size - z);
        } else {
            first = a;
            if (okLast)
                last = std::min(z, object.size - 1);
            if (first >= object.size || (okLast && z < a)) {
                Answer invalid = s3Error(416, QStringLiteral("InvalidRange"),
                        QStringLiteral("The requested range is not satisfiable"),
                        {{QStringLiteral("RangeRequested"), QString::fromLatin1(range)},
                                {QStringLiteral("ActualObjectSize"),
                                        QString::number(object.size)}});
                invalid.add("Content-Range", "bytes */" + QByteArray::number(object.size));
                return invalid;
            }
        }
        if (okFirst || okLast) {
            answer.status = 206;
            answer.add("Content-Range",
                    "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                            + QByteArray::number(object.size));
        }
    }
    const qint64 length = std::max<qint64>(0, last - first + 1);
    if (head)
        answer.add("Content-Length", QByteArray::number(length));
    else
        answer.body = read(object, first, length);
    return answer;
}

Answer SandboxS3::putObject(const HttpRequest &request, const QString &bucket, const QString &key,
        const QByteArray &body)
{
    if (body.size() > kMaxObjectBytes)
        return s3Error(400, QStringLiteral("EntityTooLarge"),
                QStringLiteral("Your proposed upload exceeds the maximum allowed object size."));
    Object object;
    Answer failure;
    if (!replace(bucket, key, &object, body, &failure))
        return failure;
    object.contentType = request.header("content-type");
    m_buckets[bucket].objects.insert(key, object);
    save();
    Answer answer;
    answer.add("ETag", quoted(object.etag));
    return answer;
}

// ---- multipart uploads ----------------------------------------------------------------------

Answer SandboxS3::createUpload(
        const HttpRequest &request, const QString &bucket, const QString &key)
{
    Upload upload;
    upload.bucket = bucket;
    upload.key = key;
    upload.contentType = request.header("content-type");
    upload.initiated = QDateTime::currentDateTimeUtc();
    const QString id = randomToken(40);
    m_uploads.insert(id, upload);
    save();
    return xml(200, [&](QXmlStreamWriter &w) {
        w.writeStartElement(QStringLiteral("InitiateMultipartUploadResult"));
        w.writeDefaultNamespace(QString::fromLatin1(kXmlns));
        w.writeTextElement(QStringLiteral("Bucket"), bucket);
        w.writeTextElement(QStringLiteral("Key"), key);
        w.writeTextElement(QStringLiteral("UploadId"), id);
        w.writeEndElement();
    });
}

Answer SandboxS3::uploadPart(const HttpRequest &request, const QString &bucket, const QString &key,
        const QByteArray &body)
{
    const QString id = queryValue(request, QStringLiteral("uploadId"));
    auto it = m_uploads.find(id);
    if (it == m_uploads.end() || it->bucket != bucket || it->key != key)
        return noSuchUpload(id);
    bool ok = false;
    const int number = queryValue(request, QStringLiteral("partNumber")).toInt(&ok);
    if (!ok || number < 1 || number > 10000)
        return s3Error(400, QStringLiteral("InvalidArgument"),
                QStringLiteral("Part number must be an integer between 1 and 10000, inclusive"),
                {{QStringLiteral("ArgumentName"), QStringLiteral("partNumber")}});
    if (it->parts.contains(number)) {
        release(it->parts.value(number));
        it->parts.remove(number);
    }
    Object part;
    Answer failure;
    if (!store(&part, body, &failure))
        return failure;
    it->parts.insert(number, part);
    save();
    Answer answer;
    answer.add("ETag", quoted(part.etag));
    return answer;
}

namespace {

/// <CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"…"</ETag></Part>…: the
/// parts' numbers and ETags (without quotes); empty when the XML is not that.
QList<QPair<int, QByteArray>> listedParts(const QByteArray &body)
{
    QList<QPair<int, QByteArray>> listed;
    QXmlStreamReader reader(body);
    while (reader.readNextStartElement()) {
        if (reader.name() != QLatin1String("CompleteMultipartUpload")) {
            reader.skipCurrentElement();
            continue;
        }
        while (reader.readNextStartElement()) {
            if (reader.name() != QLatin1String("Part")) {
                reader.skipCurrentElement();
                continue;
            }
            int number = 0;
            QByteArray etag;
            while (reader.readNextStartElement()) {
                if (reader.name() == QLatin1String("PartNumber"))
                    number = reader.readElementText().toInt();
                else if (reader.name() == QLatin1String("ETag"))
                    etag = reader.readElementText().toLatin1().replace('"', QByteArray());
                else
                    reader.skipCurrentElement();
            }
            listed.append({number, etag});
        }
        break;
    }
    if (reader.hasError())
        return {};
    return listed;
}

/// First the list itself (order, parts that exist with these ETags), then the sizes (every part
/// but the last at least kMinPartBytes).
bool checkListedParts(const SandboxS3::Upload &upload, const QString &id,
        const QList<QPair<int, QByteArray>> &listed, Answer *failure)
{
    int previous = 0;
    for (const auto &[number, etag] : listed) {
        if (number <= previous) {
            *failure = s3Error(400, QStringLiteral("InvalidPartOrder"),
                    QStringLiteral("The list of parts was not in ascending order. Parts must be "
                                   "ordered by part number."),
                    {{QStringLiteral("UploadId"), id}});
            return false;
        }
        previous = number;
        const auto part = upload.parts.constFind(number);
        if (part == upload.parts.cend() || part->etag != etag) {
            *failure = s3Error(400, QStringLiteral("InvalidPart"),
                    QStringLiteral("One or more of the specified parts could not be found. The "
                                   "part may not have been uploaded, or the specified entity tag "
                                   "may not match the part's entity tag."),
                    {{QStringLiteral("UploadId"), id},
                            {QStringLiteral("PartNumber"), QString::number(number)}});
            return false;
        }
    }
    for (qsizetype i = 0; i + 1 < listed.size(); ++i) {
        const SandboxS3::Object &part = *upload.parts.constFind(listed.at(i).first);
        if (part.size < kMinPartBytes) {
            *failure = s3Error(400, QStringLiteral("EntityTooSmall"),
                    QStringLiteral("Your proposed upload is smaller than the minimum allowed "
                                   "object size."),
                    {{QStringLiteral("PartNumber"), QString::number(listed.at(i).first)},
                            {QStringLiteral("ProposedSize"), QString::number(part.size)},
                            {QStringLiteral("MinSizeAllowed"), QString::number(kMinPartBytes)}});
            return false;
        }
    }
    return true;
}

/// S3's ETag of a multipart object: the MD5 of the parts' MD5s, a dash and the part count.
QByteArray multipartEtag(
        const SandboxS3::Upload &upload, const QList<QPair<int, QByteArray>> &listed)
{
    QByteArray md5s;
    for (const auto &entry : listed)
        md5s += QByteArray::fromHex(upload.parts.value(entry.first).etag);
    return QCryptographicHash::hash(md5s, QCryptographicHash::Md5).toHex() + '-'
            + QByteArray::number(listed.size());
}

} // namespace

Answer SandboxS3::completeUpload(const HttpRequest &request, const QString &bucket,
        const QString &key, const QByteArray &body)
{
    const QString id = queryValue(request, QStringLiteral("uploadId"));
    auto it = m_uploads.find(id);
    if (it == m_uploads.end() || it->bucket != bucket || it->key != key)
        return noSuchUpload(id);
    const QList<QPair<int, QByteArray>> listed = listedParts(body);
    if (listed.isEmpty())
        return s3Error(400, QStringLiteral("MalformedXML"),
                QStringLiteral("The XML you provided was not well-formed or did not validate "
                               "against our published schema."));
    Answer failure;
    if (!checkListedParts(*it, id, listed, &failure))
        return failure;
    // Put together; the parts' bytes are given back before the object's are counted.
    QByteArray data;
    for (const auto &entry : std::as_const(listed))
        data += read(it->parts.value(entry.first));
    const Upload upload = it.value();
    for (const Object &part : upload.parts)
        release(part);
    m_uploads.erase(it);
    Bucket &b = m_buckets[bucket];
    Object object;
    if (!replace(bucket, key, &object, data, &failure)) {
        save();
        return failure;
    }
    data.clear();
    object.etag = multipartEtag(upload, listed);
    object.contentType = upload.contentType;
    b.objects.insert(key, object);
    save();
    return xml(200, [&](QXmlStreamWriter &w) {
        w.writeStartElement(QStringLiteral("CompleteMultipartUploadResult"));
        w.writeDefaultNamespace(QString::fromLatin1(kXmlns));
        w.writeTextElement(QStringLiteral("Location"),
                practice::storagePath() + QLatin1Char('/') + bucket + QLatin1Char('/') + key);
        w.writeTextElement(QStringLiteral("Bucket"), bucket);
        w.writeTextElement(QStringLiteral("Key"), key);
        w.writeTextElement(QStringLiteral("ETag"), QString::fromLatin1(quoted(object.etag)));
        w.writeEndElement();
    });
}

Answer SandboxS3::abortUpload(const HttpRequest &request, const QString &bucket, const QString &key)
{
    const QString id = queryValue(request, QStringLiteral("uploadId"));
    auto it = m_uploads.find(id);
    if (it == m_uploads.end() || it->bucket != bucket || it->key != key)
        return noSuchUpload(id);
    for (const Object &part : std::as_const(it->parts))
        release(part);
    m_uploads.erase(it);
    save();
    Answer answer;
    answer.status = 204;
    return answer;
}

} // namespace fs::sandbox
