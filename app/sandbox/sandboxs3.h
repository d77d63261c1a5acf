// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The sandbox's S3-compatible bucket store, served under /s3 on the sandbox's port.

#include "httpadapter.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace fs::sandbox {

struct S3StoreOptions
{
    QString accessKeyId;
    QString secretAccessKey;
    QString dataDir; ///< objects kept in DIR/s3 across restarts; empty: memory only
    /// Memory mode only: the most bytes of objects and unfinished parts kept at once.
    qint64 memoryLimit = 256LL * 1024 * 1024;
};

/**
 * @brief An S3-compatible bucket store for practice, path-style under /s3/BUCKET/KEY.
 *
 * Every request is checked like S3 checks it: Signature Version 4 recomputed with the app's
 * own signer (fs::SigV4Signer) from the canonical request, the payload hash compared with the
 * body unless it is UNSIGNED-PAYLOAD (aws-chunked bodies with an unsigned trailer are
 * decoded). Buckets: list, create, head, delete. Objects: ListObjectsV2 (prefix, delimiter,
 * continuation tokens, max-keys, start-after), Get with Range, Head, Put, Delete, and multipart
 * uploads (create, upload part, complete, abort). Errors are S3's XML errors with S3's codes.
 */
class SandboxS3
{
public:
    explicit SandboxS3(const S3StoreOptions &options);
    ~SandboxS3();

    /// Reads the store from the data dir (if any) and creates the practice bucket with its
    /// samples when it is missing. False with a reason when the folder is unusable.
    bool open(QString *problem);
    /// Answers one request whose path starts with the store's path (practice::storagePath()).
    void handle(const HttpRequest &request, HttpExchange *exchange);

    struct Object
    {
        QByteArray data; ///< memory mode
        QString file; ///< disk mode: the file name in the data folder
        qint64 size = 0;
        QByteArray etag; ///< without quotes
        QByteArray contentType;
        QDateTime modified;
    };
    struct Bucket
    {
        QDateTime created;
        QMap<QString, Object> objects; ///< by key, in S3's (byte) order
    };
    struct Upload
    {
        QString bucket;
        QString key;
        QByteArray contentType;
        QDateTime initiated;
        QMap<int, Object> parts;
    };
    struct Answer
    {
        int status = 200;
        HttpHeaders headers;
        QByteArray body;

        void add(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
    };

private:
    Answer route(const HttpRequest &request, const QByteArray &body);
    Answer listBuckets() const;
    Answer bucketRequest(const HttpRequest &request, const QString &bucket);
    Answer objectRequest(const HttpRequest &request, const QString &bucket, const QString &key,
            const QByteArray &body);
    Answer listObjects(const HttpRequest &request, const QString &bucket) const;
    Answer getObject(
            const HttpRequest &request, const QString &bucket, const QString &key, bool head) const;
    Answer putObject(const HttpRequest &request, const QString &bucket, const QString &key,
            const QByteArray &body);
    Answer createUpload(const HttpRequest &request, const QString &bucket, const QString &key);
    Answer uploadPart(const HttpRequest &request, const QString &bucket, const QString &key,
            const QByteArray &body);
    Answer completeUpload(const HttpRequest &request, const QString &bucket, const QString &key,
            const QByteArray &body);
    Answer abortUpload(const HttpRequest &request, const QString &bucket, const QString &key);

    /// Checks the signature and the payload; on success `body` is the decoded payload.
    bool authenticate(const HttpRequest &request, QByteArray *body, Answer *failure) const;
    bool store(Object *object, const QByteArray &data, Answer *failure);
    /// store() for the object that takes the place of `key` (if any), released once kept.
    bool replace(const QString &bucket, const QString &key, Object *object, const QByteArray &data,
            Answer *failure);
    QByteArray read(const Object &object, qint64 offset = 0, qint64 length = -1) const;
    void release(const Object &object);
    void save() const;
    bool load(QString *problem);
    void seedPracticeBucket();

    S3StoreOptions m_options;
    QMap<QString, Bucket> m_buckets;
    QMap<QString, Upload> m_uploads;
    qint64 m_memoryBytes = 0;
};

} // namespace fs::sandbox
