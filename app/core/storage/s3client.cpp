// SPDX-License-Identifier: GPL-3.0-or-later
#include "s3client.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>
#include <QXmlStreamReader>

#include <memory>

namespace fs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::S3Error", text);
}

QString stripQuotes(QString etag)
{
    if (etag.size() >= 2 && etag.startsWith(QLatin1Char('"')) && etag.endsWith(QLatin1Char('"')))
        etag = etag.mid(1, etag.size() - 2);
    return etag;
}

QDateTime parseIsoTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time;
}

/// "Sat, 21 Nov 2026 19:44:00 GMT" (RFC 7231's preferred form).
QDateTime parseHttpDate(const QByteArray &text)
{
    QDateTime time = QLocale::c().toDateTime(
            QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace

// ---- S3Error ----------------------------------------------------------------------------------

S3Error S3Error::make(Kind kind, const QString &message)
{
    S3Error error;
    error.kind = kind;
    error.message = message;
    return error;
}

S3Error S3Error::fromResponse(int httpStatus, const QByteArray &body)
{
    S3Error error;
    error.kind = Kind::Http;
    error.httpStatus = httpStatus;
    QXmlStreamReader xml(body);
    QStringList path;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            path << xml.name().toString();
            if (path.size() == 2 && path.first() == QLatin1String("Error")) {
                const QString name = path.last();
                const QString text = xml.readElementText();
                path.removeLast();
                if (name == QLatin1String("Code"))
                    error.code = text;
                else if (name == QLatin1String("Message"))
                    error.message = text;
                else if (name == QLatin1String("RequestId"))
                    error.requestId = text;
                else if (name == QLatin1String("BucketName"))
                    error.bucket = text;
                else if (name == QLatin1String("Key"))
                    error.key = text;
            }
        } else if (token == QXmlStreamReader::EndElement && !path.isEmpty()) {
            path.removeLast();
        }
    }
    if (error.code.isEmpty()) {
        // HEAD answers carry no body; name the usual cause by the status.
        switch (httpStatus) {
        case 403:
            error.code = QStringLiteral("AccessDenied");
            break;
        case 404:
            error.code = QStringLiteral("NoSuchKey");
            break;
        case 416:
            error.code = QStringLiteral("InvalidRange");
            break;
        default:
            break;
        }
        if (error.message.isEmpty() && !body.isEmpty() && !body.startsWith('<'))
            error.message = QString::fromUtf8(body.left(200));
    }
    return error;
}

QString S3Error::plainMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Timeout:
        return tr("The storage did not answer in time. Check the network and try again.");
    case Kind::Cancelled:
        return tr("Cancelled.");
    case Kind::Unreachable:
        return tr("The storage could not be reached. Check the endpoint address and the "
                  "network connection.");
    case Kind::Protocol:
        return tr("The storage sent an answer this app does not understand. Check that the "
                  "endpoint is an S3-compatible storage address.");
    case Kind::Local:
        return message.isEmpty() ? tr("A file on this computer could not be read or written.")
                                 : message;
    case Kind::Http:
        break;
    }
    if (code == QLatin1String("NoSuchBucket"))
        return bucket.isEmpty()
                ? tr("The bucket does not exist at this address. Check the bucket name and the "
                     "endpoint.")
                : tr("There is no bucket named \"%1\" at this address. Check the bucket name "
                     "and the endpoint.")
                          .arg(bucket);
    if (code == QLatin1String("NoSuchKey"))
        return key.isEmpty() ? tr("This object is not in the bucket (any more).")
                             : tr("\"%1\" is not in the bucket (any more).").arg(key);
    if (code == QLatin1String("AccessDenied") || code == QLatin1String("AllAccessDisabled"))
        return tr("The storage refused access. Check that the access key may read and write "
                  "this bucket.");
    if (code == QLatin1String("SignatureDoesNotMatch"))
        return tr("The storage did not accept the secret access key. Check that it belongs to "
                  "the access key ID.");
    if (code == QLatin1String("InvalidAccessKeyId"))
        return tr("The storage does not know this access key ID. Check it, or create a new "
                  "key pair.");
    if (code == QLatin1String("RequestTimeTooSkewed"))
        return tr("This computer's clock is too far off for the storage. Correct the date and "
                  "time, then try again.");
    if (code == QLatin1String("ExpiredToken") || code == QLatin1String("TokenRefreshRequired"))
        return tr("The temporary storage credentials have expired.");
    if (code == QLatin1String("InvalidBucketName"))
        return tr("The bucket name is not valid.");
    if (code == QLatin1String("InvalidRange"))
        return tr("The requested part of the object lies beyond its end.");
    if (code == QLatin1String("EntityTooLarge"))
        return tr("The file is too large for one upload to this storage.");
    if (code == QLatin1String("SlowDown") || httpStatus == 503)
        return tr("The storage is busy. Wait a moment and try again.");
    if (httpStatus >= 500)
        return tr("The storage had an internal problem (HTTP %1). Try again later.")
                .arg(httpStatus);
    return tr("The storage refused the request (HTTP %1).").arg(httpStatus);
}

QString S3Error::technicalSummary() const
{
    QString text;
    if (httpStatus > 0)
        text = QStringLiteral("HTTP %1").arg(httpStatus);
    if (!code.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + code;
    if (!message.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + message;
    if (!requestId.isEmpty())
        text += QStringLiteral(" (request %1)").arg(requestId);
    return text;
}

// ---- listing ------------------------------------------------------------------------------------

S3Listing parseListObjectsV2(const QByteArray &xml, QString *problem)
{
    S3Listing listing;
    QXmlStreamReader reader(xml);
    bool sawRoot = false;
    while (reader.readNextStartElement()) {
        if (reader.name() != QLatin1String("ListBucketResult")) {
            reader.skipCurrentElement();
            continue;
        }
        sawRoot = true;
        while (reader.readNextStartElement()) {
            const auto name = reader.name();
            if (name == QLatin1String("Contents")) {
                S3Object object;
                while (reader.readNextStartElement()) {
                    const auto field = reader.name();
                    if (field == QLatin1String("Key"))
                        object.key = reader.readElementText();
                    else if (field == QLatin1String("Size"))
                        object.size = reader.readElementText().toLongLong();
                    else if (field == QLatin1String("LastModified"))
                        object.lastModified = parseIsoTime(reader.readElementText());
                    else if (field == QLatin1String("ETag"))
                        object.etag = stripQuotes(reader.readElementText());
                    else
                        reader.skipCurrentElement();
                }
                listing.objects.append(object);
            } else if (name == QLatin1String("CommonPrefixes")) {
                while (reader.readNextStartElement()) {
                    if (reader.name() == QLatin1String("Prefix"))
                        listing.commonPrefixes.append(reader.readElementText());
                    else
                        reader.skipCurrentElement();
                }
            } else if (name == QLatin1String("IsTruncated")) {
                listing.truncated = reader.readElementText() == QLatin1String("true");
            } else if (name == QLatin1String("NextContinuationToken")) {
                listing.nextContinuationToken = reader.readElementText();
            } else if (name == QLatin1String("Prefix")) {
                listing.prefix = reader.readElementText();
            } else {
                reader.skipCurrentElement();
            }
        }
        break; // reading on past the root element would report a premature end
    }
    if (problem) {
        if (reader.hasError())
            *problem = reader.errorString();
        else if (!sawRoot)
            *problem = QStringLiteral("no ListBucketResult in the answer");
        else
            problem->clear();
    }
    listing.pages = 1;
    return listing;
}

// ---- S3Reply ----------------------------------------------------------------------------------

S3Reply::S3Reply(QObject *parent)
    : QObject(parent)
{
}

S3Reply::~S3Reply() = default;

void S3Reply::abort()
{
    if (m_finished)
        return;
    if (m_abort) {
        m_abort();
        return;
    }
    finish(S3Error::make(S3Error::Kind::Cancelled));
}

void S3Reply::finish(const S3Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_abort = nullptr;
    Q_EMIT finished();
}

// ---- one signed HTTP exchange -------------------------------------------------------------------

/// One request of a call: signs, sends, streams, watches for inactivity, maps errors.
class S3Call : public QObject
{
public:
    struct Spec
    {
        QByteArray method;
        QUrl url;
        SigV4Headers headers;
        QByteArray payloadHash;
        QByteArray body;
        QIODevice *upload = nullptr;
        qint64 uploadSize = -1;
        QIODevice *sink = nullptr; ///< 2xx bodies go here instead of to memory
        QString key; ///< for error messages
    };
    /// Returns false when it started another request itself (the call is not over yet).
    using OnSuccess = std::function<bool(QNetworkReply *, const QByteArray &body)>;

    /// A spec for one object: `method` on `url`, named `key` in error messages.
    static Spec forObject(const QByteArray &method, const QUrl &url, const QString &key)
    {
        Spec spec;
        spec.method = method;
        spec.url = url;
        spec.key = key;
        return spec;
    }
    /// Makes the call for `reply` and starts it (it belongs to the reply).
    static void run(S3Client *client, S3Reply *reply, const Spec &spec, OnSuccess onSuccess)
    {
        (new S3Call(client, reply, spec, std::move(onSuccess)))->start();
    }

    S3Call(S3Client *client, S3Reply *reply, const Spec &spec, OnSuccess onSuccess)
        : QObject(reply)
        , m_client(client)
        , m_reply(reply)
        , m_spec(spec)
        , m_onSuccess(std::move(onSuccess))
    {
    }

    void start()
    {
        QNetworkRequest request = m_client->signedRequest(m_spec.method, m_spec.url, m_spec.headers,
                m_spec.payloadHash.isEmpty() ? SigV4Signer::sha256Hex(m_spec.body)
                                             : m_spec.payloadHash);
        // Set after signing: the HTTP stack may still change these on the way.
        if (m_spec.upload)
            request.setHeader(QNetworkRequest::ContentLengthHeader, m_spec.uploadSize);
        // No transparent decompression: bytes (and ranges) stay exactly as stored.
        request.setRawHeader("Accept-Encoding", "identity");
        request.setAttribute(
                QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(0);

        if (m_spec.upload)
            m_net = m_client->m_nam->sendCustomRequest(request, m_spec.method, m_spec.upload);
        else if (!m_spec.body.isEmpty())
            m_net = m_client->m_nam->sendCustomRequest(request, m_spec.method, m_spec.body);
        else if (m_spec.method == "GET")
            m_net = m_client->m_nam->get(request);
        else if (m_spec.method == "HEAD")
            m_net = m_client->m_nam->head(request);
        else
            m_net = m_client->m_nam->sendCustomRequest(request, m_spec.method);
        m_net->setParent(this);

        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        m_timer->setInterval(m_client->m_config.inactivityTimeoutMs);
        connect(m_timer, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            m_net->abort();
        });
        m_timer->start();

        m_reply->m_abort = [this] {
            m_cancelled = true;
            m_net->abort();
        };
        connect(m_net, &QNetworkReply::readyRead, this, &S3Call::onReadyRead);
        connect(m_net, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
            m_timer->start();
            if (m_spec.upload && total > 0) {
                m_reply->m_done = sent;
                m_reply->m_total = total;
                Q_EMIT m_reply->progress(sent, total);
            }
        });
        connect(m_net, &QNetworkReply::downloadProgress, this,
                [this](qint64 received, qint64 total) {
                    m_timer->start();
                    if (m_spec.method == "GET" && isSuccess()) {
                        m_reply->m_done = received;
                        m_reply->m_total = total;
                        Q_EMIT m_reply->progress(received, total);
                    }
                });
        connect(m_net, &QNetworkReply::finished, this, &S3Call::onFinished);
    }

private:
    int status() const
    {
        return m_net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    bool isSuccess() const { return status() >= 200 && status() < 300; }

    void onReadyRead()
    {
        if (m_cancelled || m_timedOut)
            return; // nothing more reaches the caller after abort()
        m_timer->start();
        const QByteArray chunk = m_net->readAll();
        if (m_spec.sink && isSuccess()) {
            if (m_spec.sink->write(chunk) != chunk.size()) {
                m_writeError = m_spec.sink->errorString();
                m_net->abort();
            }
            return;
        }
        m_body += chunk;
    }

    void onFinished()
    {
        m_timer->stop();
        if (m_net->bytesAvailable() > 0)
            onReadyRead();
        S3Error error;
        error.key = m_spec.key;
        error.bucket = m_client->m_config.bucket;
        const int code = status();
        if (m_cancelled) {
            error.kind = S3Error::Kind::Cancelled;
        } else if (m_timedOut) {
            error.kind = S3Error::Kind::Timeout;
        } else if (!m_writeError.isEmpty()) {
            error.kind = S3Error::Kind::Local;
            error.message = tr("The download could not be written: %1").arg(m_writeError);
        } else if (code == 0) {
            error.kind = S3Error::Kind::Unreachable;
            error.message = m_net->errorString();
        } else if (code < 200 || code >= 300) {
            const QString key = error.key;
            const QString bucket = error.bucket;
            error = S3Error::fromResponse(code, m_body);
            if (error.key.isEmpty())
                error.key = key;
            if (error.bucket.isEmpty())
                error.bucket = bucket;
        } else if (m_net->error() != QNetworkReply::NoError) {
            // A 2xx whose body broke off half-way.
            error.kind = S3Error::Kind::Unreachable;
            error.message = m_net->errorString();
        }
        S3Reply *reply = m_reply;
        if (error.isError()) {
            deleteLater();
            reply->finish(error);
            return;
        }
        const bool done = m_onSuccess(m_net, m_body);
        deleteLater();
        if (done && !reply->isFinished())
            reply->finish({});
    }

    S3Client *m_client;
    S3Reply *m_reply;
    Spec m_spec;
    OnSuccess m_onSuccess;
    QNetworkReply *m_net = nullptr;
    QTimer *m_timer = nullptr;
    QByteArray m_body;
    QString m_writeError;
    bool m_cancelled = false;
    bool m_timedOut = false;
};

// ---- S3Client -----------------------------------------------------------------------------------

namespace {

SigV4Signer::Options signerOptions(const S3Config &config)
{
    SigV4Signer::Options options;
    options.region = config.region.isEmpty() ? QStringLiteral("auto") : config.region;
    options.service = QStringLiteral("s3");
    options.s3 = true;
    return options;
}

S3Object objectFromHeaders(QNetworkReply *net, const QString &key)
{
    S3Object object;
    object.key = key;
    object.etag = stripQuotes(QString::fromLatin1(net->rawHeader("ETag")));
    object.contentType = QString::fromLatin1(net->rawHeader("Content-Type"));
    const QByteArray length = net->rawHeader("Content-Length");
    object.size = length.isEmpty() ? -1 : length.toLongLong();
    object.lastModified = parseHttpDate(net->rawHeader("Last-Modified"));
    return object;
}

} // namespace

S3Client::S3Client(QNetworkAccessManager *nam, const S3Config &config, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_config(config)
    , m_signer(config.credentials, signerOptions(config))
{
}

S3Client::~S3Client() = default;

void S3Client::setClock(SigV4Signer::Clock clock)
{
    m_signer.setClock(std::move(clock));
}

QNetworkRequest S3Client::signedRequest(const QByteArray &method, const QUrl &url,
        const SigV4Headers &headers, const QByteArray &payloadHash) const
{
    QNetworkRequest request(url);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    m_signer.signNetworkRequest(&request, method, payloadHash);
    return request;
}

QByteArray S3Client::objectPath(const QString &key) const
{
    QByteArray path = m_config.endpoint.path(QUrl::FullyEncoded).toLatin1();
    if (path.endsWith('/'))
        path.chop(1);
    path += '/' + SigV4Signer::uriEncode(m_config.bucket.toUtf8(), false);
    if (!key.isEmpty())
        path += '/' + SigV4Signer::uriEncode(key.toUtf8(), true);
    return path;
}

QUrl S3Client::objectUrl(const QString &key) const
{
    QUrl url = m_config.endpoint;
    url.setQuery(QString());
    url.setFragment(QString());
    url.setPath(QString::fromLatin1(objectPath(key)), QUrl::StrictMode);
    return url;
}

QUrl S3Client::listUrl(const QString &prefix, const QString &delimiter,
        const QString &continuationToken, int pageSize) const
{
    QUrl url = objectUrl();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("list-type"), QStringLiteral("2"));
    // Encoded here the AWS way, so that the URL carries exactly what is signed.
    auto add = [&query](const char *name, const QString &value) {
        query.addQueryItem(QString::fromLatin1(name),
                QString::fromLatin1(SigV4Signer::uriEncode(value.toUtf8(), false)));
    };
    if (!continuationToken.isEmpty())
        add("continuation-token", continuationToken);
    if (!delimiter.isEmpty())
        add("delimiter", delimiter);
    add("max-keys", QString::number(pageSize));
    if (!prefix.isEmpty())
        add("prefix", prefix);
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

S3Reply *S3Client::listPage(const QString &prefix, const QString &delimiter,
        const QString &continuationToken, int pageSize)
{
    auto *reply = new S3Reply(this);
    const QUrl url = listUrl(prefix, delimiter, continuationToken, pageSize);
    S3Call::Spec spec;
    spec.method = "GET";
    spec.url = url;
    S3Call::run(this, reply, spec, [reply](QNetworkReply *, const QByteArray &body) {
        QString problem;
        S3Listing page = parseListObjectsV2(body, &problem);
        if (!problem.isEmpty()) {
            S3Error error;
            error.kind = S3Error::Kind::Protocol;
            error.message = problem;
            reply->finish(error);
            return true;
        }
        reply->m_listing = page;
        return true;
    });
    return reply;
}

S3Reply *S3Client::list(const QString &prefix, const QString &delimiter, int pageSize)
{
    auto *reply = new S3Reply(this);
    reply->m_listing.prefix = prefix;
    // Each page is its own call; the outer reply gathers them and forwards abort(). The reply
    // owns the page fetcher, which refers to itself only weakly: a listing that never ends (the
    // window closed while it ran) leaked the fetcher and its pages before (LeakSanitizer).
    using Fetch = std::function<void(const QString &)>;
    auto fetch = std::make_shared<Fetch>();
    connect(reply, &QObject::destroyed, [fetch] {});
    std::weak_ptr<Fetch> self = fetch;
    *fetch = [this, reply, prefix, delimiter, pageSize, self](const QString &token) {
        S3Reply *page = listPage(prefix, delimiter, token, pageSize);
        reply->m_abort = [page] { page->abort(); };
        connect(page, &S3Reply::finished, reply, [reply, page, token, self] {
            page->deleteLater();
            if (!page->ok()) {
                reply->finish(page->error());
                return;
            }
            const S3Listing listing = page->listing();
            S3Listing &all = reply->m_listing;
            all.objects += listing.objects;
            all.commonPrefixes += listing.commonPrefixes;
            ++all.pages;
            Q_EMIT reply->progress(all.objects.size() + all.commonPrefixes.size(), -1);
            // A token that does not move would loop forever: stop there.
            if (listing.truncated && !listing.nextContinuationToken.isEmpty()
                    && listing.nextContinuationToken != token) {
                if (const std::shared_ptr<Fetch> next = self.lock())
                    (*next)(listing.nextContinuationToken);
                return;
            }
            all.truncated = false;
            reply->finish({});
        });
    };
    (*fetch)(QString());
    return reply;
}

S3Reply *S3Client::headObject(const QString &key)
{
    auto *reply = new S3Reply(this);
    S3Call::Spec spec = S3Call::forObject("HEAD", objectUrl(key), key);
    S3Call::run(this, reply, spec, [reply, key](QNetworkReply *net, const QByteArray &) {
        reply->m_object = objectFromHeaders(net, key);
        return true;
    });
    return reply;
}

S3Reply *S3Client::getObject(const QString &key, QIODevice *device, qint64 offset, qint64 length)
{
    auto *reply = new S3Reply(this);
    S3Call::Spec spec = S3Call::forObject("GET", objectUrl(key), key);
    spec.sink = device;
    if (length == 0) {
        // An empty range cannot be asked for; nothing to fetch.
        QTimer::singleShot(0, reply, [reply] { reply->finish({}); });
        return reply;
    }
    if (offset > 0 || length > 0) {
        const QByteArray end = length > 0 ? QByteArray::number(offset + length - 1) : QByteArray();
        spec.headers.append({"Range", "bytes=" + QByteArray::number(offset) + '-' + end});
    }
    S3Call::run(this, reply, spec,
            [reply, key, device, offset, length](QNetworkReply *net, const QByteArray &body) {
                reply->m_object = objectFromHeaders(net, key);
                const int status = net->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if ((offset > 0 || length > 0) && status != 206) {
                    // A server that ignores Range would hand us the wrong bytes.
                    S3Error error;
                    error.kind = S3Error::Kind::Protocol;
                    error.message = QStringLiteral("the storage ignored the byte range");
                    reply->finish(error);
                    return true;
                }
                if (!device)
                    reply->m_data = body;
                return true;
            });
    return reply;
}

S3Reply *S3Client::putObject(const QString &key, QIODevice *device, qint64 size,
        PayloadSigning signing, const QString &contentType)
{
    auto *reply = new S3Reply(this);
    reply->m_total = size;
    auto send = [this, reply, key, device, size, contentType](const QByteArray &payloadHash) {
        S3Call::Spec spec = S3Call::forObject("PUT", objectUrl(key), key);
        spec.upload = device;
        spec.uploadSize = size;
        spec.payloadHash = payloadHash;
        spec.headers.append({"Content-Type", contentType.toUtf8()});
        S3Call::run(this, reply, spec, [reply, key, size](QNetworkReply *net, const QByteArray &) {
            reply->m_object = objectFromHeaders(net, key);
            reply->m_object.size = size;
            return true;
        });
    };
    if (signing == PayloadSigning::Unsigned) {
        send(SigV4Signer::unsignedPayload());
        return reply;
    }
    if (!device->isOpen() || device->isSequential()) {
        QTimer::singleShot(0, reply, [reply] {
            S3Error error;
            error.kind = S3Error::Kind::Local;
            error.message = tr("The file could not be read.");
            reply->finish(error);
        });
        return reply;
    }
    // First pass: the sha256 of the body, in slices so the event loop keeps running.
    const qint64 start = device->pos();
    auto hash = std::make_shared<QCryptographicHash>(QCryptographicHash::Sha256);
    auto done = std::make_shared<qint64>(0);
    auto *timer = new QTimer(reply);
    timer->setInterval(0);
    reply->m_abort = [reply, timer] {
        timer->stop();
        reply->finish(S3Error::make(S3Error::Kind::Cancelled));
    };
    connect(timer, &QTimer::timeout, reply, [=] {
        constexpr qint64 slice = 4 * 1024 * 1024;
        const QByteArray chunk = device->read(std::min(slice, size - *done));
        if (chunk.isEmpty() && *done < size) {
            timer->stop();
            S3Error error;
            error.kind = S3Error::Kind::Local;
            error.message = tr("The file could not be read: %1").arg(device->errorString());
            reply->finish(error);
            return;
        }
        hash->addData(chunk);
        *done += chunk.size();
        Q_EMIT reply->hashingProgress(*done, size);
        if (*done < size)
            return;
        timer->stop();
        timer->deleteLater();
        if (!device->seek(start)) {
            S3Error error;
            error.kind = S3Error::Kind::Local;
            error.message = tr("The file could not be read: %1").arg(device->errorString());
            reply->finish(error);
            return;
        }
        send(hash->result().toHex());
    });
    timer->start();
    return reply;
}

S3Reply *S3Client::putFile(
        const QString &key, const QString &path, PayloadSigning signing, const QString &contentType)
{
    auto *file = new QFile(path);
    if (!file->open(QIODevice::ReadOnly)) {
        auto *reply = new S3Reply(this);
        S3Error error;
        error.kind = S3Error::Kind::Local;
        error.message = tr("%1 could not be read: %2").arg(path, file->errorString());
        delete file;
        QTimer::singleShot(0, reply, [reply, error] { reply->finish(error); });
        return reply;
    }
    S3Reply *reply = putObject(key, file, file->size(), signing, contentType);
    file->setParent(reply);
    return reply;
}

S3Reply *S3Client::putData(const QString &key, const QByteArray &data, const QString &contentType)
{
    auto *buffer = new QBuffer;
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    S3Reply *reply = putObject(key, buffer, data.size(), PayloadSigning::Signed, contentType);
    buffer->setParent(reply);
    return reply;
}

S3Reply *S3Client::deleteObject(const QString &key)
{
    auto *reply = new S3Reply(this);
    S3Call::Spec spec = S3Call::forObject("DELETE", objectUrl(key), key);
    S3Call::run(this, reply, spec, [](QNetworkReply *, const QByteArray &) { return true; });
    return reply;
}

} // namespace fs
