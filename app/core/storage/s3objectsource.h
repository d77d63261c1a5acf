// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "s3client.h"
#include "uploadsource.h"

#include <QList>
#include <QPointer>

namespace fs {

/**
 * @brief An object in a bucket as the source of an upload to the fine-tuning service.
 *
 * Each part the Uploader asks for is one ranged GET, so the object is streamed through
 * without ever being held in memory whole. The object's size and etag come from a listing or
 * a HEAD request made beforehand.
 */
class S3ObjectSource : public UploadSource
{
    Q_OBJECT
public:
    /// `client` is not owned and must outlive the source; `object` needs key and size.
    S3ObjectSource(S3Client *client, const S3Object &object, QObject *parent = nullptr);
    ~S3ObjectSource() override;

    S3Object object() const { return m_object; }

    QString filename() const override; ///< the last part of the key
    qint64 size() const override { return m_object.size; }
    /// "s3:ENDPOINT/BUCKET/KEY|etag": resumed only for the same content.
    QString resumeKey() const override;
    void read(qint64 offset, qint64 length, QObject *context, ReadCallback done) override;
    void cancelReads() override;

    /// How many ranged reads are in flight (for tests).
    int readsInFlight() const { return int(m_inFlight.size()); }

private:
    S3Client *m_client;
    S3Object m_object;
    QList<QPointer<S3Reply>> m_inFlight;
};

} // namespace fs
