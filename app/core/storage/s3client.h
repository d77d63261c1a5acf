// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sigv4signer.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

namespace fs {

/// What went wrong with one storage call, as a value.
struct S3Error
{
    enum class Kind {
        None,
        Http, ///< the storage answered with an error (code holds S3's error code when given)
        Timeout, ///< no progress within the time limit
        Cancelled,
        Unreachable, ///< connection refused, DNS, TLS, dropped
        Protocol, ///< an answer that could not be understood
        Local, ///< a local file could not be read or written
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code; ///< e.g. "NoSuchKey", "AccessDenied", "SignatureDoesNotMatch"
    QString message; ///< the storage's own message or a technical detail (English)
    QString requestId;
    QString bucket; ///< the bucket involved, for the plain message
    QString key; ///< the object involved, for the plain message

    bool isError() const { return kind != Kind::None; }
    static S3Error make(Kind kind, const QString &message = {});
    /// Parses an S3 XML error body (`<Error><Code>…`); without a body the code is derived from
    /// the status (a HEAD answers without one).
    static S3Error fromResponse(int httpStatus, const QByteArray &body);
    /// The cause in plain words for people (translated).
    QString plainMessage() const;
    /// One line for logs and the CLI, e.g. "HTTP 404 NoSuchKey: The specified key does not exist."
    QString technicalSummary() const;
};

struct S3Object
{
    QString key;
    qint64 size = -1;
    QDateTime lastModified;
    QString etag; ///< without quotes
    QString contentType;
};

struct S3Listing
{
    QString prefix;
    QList<S3Object> objects; ///< directly under the prefix (with a delimiter) or all below it
    QStringList commonPrefixes; ///< "folders", each ending in the delimiter
    bool truncated = false;
    QString nextContinuationToken;
    int pages = 0; ///< how many requests the listing took
};

/// Parses one ListObjectsV2 answer.
S3Listing parseListObjectsV2(const QByteArray &xml, QString *problem = nullptr);

/// Where a storage client talks to and as whom. Path-style addressing: ENDPOINT/BUCKET/KEY.
struct S3Config
{
    QUrl endpoint; ///< e.g. https://<account>.r2.cloudflarestorage.com or http://127.0.0.1:9000
    QString region = QStringLiteral("auto"); ///< "auto" for R2; us-east-1 for MinIO by default
    QString bucket;
    SigV4Credentials credentials;
    /// A call fails when nothing moves for this long.
    int inactivityTimeoutMs = 60000;
};

/// One storage call in flight. Deletes itself (deleteLater) after finished() unless kept.
class S3Reply : public QObject
{
    Q_OBJECT
public:
    explicit S3Reply(QObject *parent = nullptr);
    ~S3Reply() override;

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    S3Error error() const { return m_error; }

    /// list(): the whole listing.
    S3Listing listing() const { return m_listing; }
    /// headObject(), putObject(), getObject(): size, etag, content type, modified.
    S3Object object() const { return m_object; }
    /// getObject() without a device, range reads: the bytes.
    QByteArray data() const { return m_data; }
    /// Bytes moved so far, and the total (-1 while unknown).
    qint64 bytesDone() const { return m_done; }
    qint64 bytesTotal() const { return m_total; }

public Q_SLOTS:
    /// Stops the call; it finishes with Kind::Cancelled.
    void abort();

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    /// The hashing pass of a signed upload (done, total), before any byte is sent.
    void hashingProgress(qint64 done, qint64 total);
    void finished();

private:
    friend class S3Client;
    friend class S3Call;
    void finish(const S3Error &error);

    bool m_finished = false;
    S3Error m_error;
    S3Listing m_listing;
    S3Object m_object;
    QByteArray m_data;
    qint64 m_done = 0;
    qint64 m_total = -1;
    std::function<void()> m_abort;
};

/**
 * @brief An asynchronous client for S3-compatible storage (AWS S3, Cloudflare R2, MinIO).
 *
 * Every request is signed with Signature Version 4. Downloads and uploads stream: nothing
 * is held in memory whole except where asked (data()). Errors come back by value in
 * S3Reply::error(), with plain words in S3Error::plainMessage().
 */
class S3Client : public QObject
{
    Q_OBJECT
public:
    enum class PayloadSigning {
        Signed, ///< the sha256 of the body is computed in a first pass and signed
        Unsigned, ///< "UNSIGNED-PAYLOAD": one pass only (TLS protects the bytes)
    };

    /// `nam` is not owned.
    S3Client(QNetworkAccessManager *nam, const S3Config &config, QObject *parent = nullptr);
    ~S3Client() override;

    const S3Config &config() const { return m_config; }
    void setClock(SigV4Signer::Clock clock);
    SigV4Signer &signer() { return m_signer; }

    /// The URL of an object (or of the bucket when `key` is empty), path-style and encoded.
    QUrl objectUrl(const QString &key = {}) const;
    /// "/bucket/key" encoded the S3 way (each byte but unreserved ones and '/').
    QByteArray objectPath(const QString &key) const;
    /// The ListObjectsV2 URL of one page; values are encoded the AWS way (what is signed).
    QUrl listUrl(const QString &prefix, const QString &delimiter,
            const QString &continuationToken = {}, int pageSize = 1000) const;

    /// The request exactly as sent: `headers` set, then signed for `payloadHash` (empty: an
    /// empty body) at the signer's clock. Used by every call, public for the contract test.
    QNetworkRequest signedRequest(const QByteArray &method, const QUrl &url,
            const SigV4Headers &headers = {}, const QByteArray &payloadHash = {}) const;

    /// ListObjectsV2 through every page (continuation tokens). With delimiter "/", objects
    /// below a "folder" are folded into commonPrefixes.
    S3Reply *list(const QString &prefix = {}, const QString &delimiter = QStringLiteral("/"),
            int pageSize = 1000);
    /// One page only, from `continuationToken` (empty: the first page).
    S3Reply *listPage(const QString &prefix, const QString &delimiter,
            const QString &continuationToken, int pageSize = 1000);
    S3Reply *headObject(const QString &key);
    /// Streams the object (or the range [offset, offset + length) when length >= 0) into
    /// `device` (not owned, open for writing); without a device the bytes go to data().
    S3Reply *getObject(
            const QString &key, QIODevice *device = nullptr, qint64 offset = 0, qint64 length = -1);
    /// Uploads `size` bytes from `device` (not owned; must stay open and, for Signed, be
    /// seekable: it is read twice).
    S3Reply *putObject(const QString &key, QIODevice *device, qint64 size,
            PayloadSigning signing = PayloadSigning::Signed,
            const QString &contentType = QStringLiteral("application/octet-stream"));
    S3Reply *putFile(const QString &key, const QString &path,
            PayloadSigning signing = PayloadSigning::Signed,
            const QString &contentType = QStringLiteral("application/octet-stream"));
    S3Reply *putData(const QString &key, const QByteArray &data,
            const QString &contentType = QStringLiteral("application/octet-stream"));
    S3Reply *deleteObject(const QString &key);

private:
    friend class S3Call;
    QNetworkAccessManager *m_nam;
    S3Config m_config;
    SigV4Signer m_signer;
};

} // namespace fs
