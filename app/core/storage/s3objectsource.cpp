// SPDX-License-Identifier: GPL-3.0-or-later
#include "s3objectsource.h"

#include <QCoreApplication>
#include <QTimer>

namespace fs {

S3ObjectSource::S3ObjectSource(S3Client *client, const S3Object &object, QObject *parent)
    : UploadSource(parent)
    , m_client(client)
    , m_object(object)
{
}

S3ObjectSource::~S3ObjectSource()
{
    cancelReads();
}

QString S3ObjectSource::filename() const
{
    const QString key = m_object.key;
    const int slash = key.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? key : key.mid(slash + 1);
}

QString S3ObjectSource::resumeKey() const
{
    // Without an etag the content cannot be told apart from a changed object: never resumed.
    if (m_object.etag.isEmpty())
        return {};
    const S3Config &config = m_client->config();
    return QStringLiteral("s3:%1/%2/%3|%4")
            .arg(config.endpoint.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash),
                    config.bucket, m_object.key, m_object.etag);
}

void S3ObjectSource::read(qint64 offset, qint64 length, QObject *context, ReadCallback done)
{
    QPointer<QObject> guard(context);
    if (offset < 0 || length < 0 || offset + length > m_object.size) {
        QTimer::singleShot(0, context, [done] {
            done({},
                    QCoreApplication::translate(
                            "fs::S3ObjectSource", "The part asked for lies beyond the object."));
        });
        return;
    }
    S3Reply *reply = m_client->getObject(m_object.key, nullptr, offset, length);
    m_inFlight.append(reply);
    const qint64 expected = length;
    connect(reply, &S3Reply::finished, this, [this, reply, guard, done, expected] {
        m_inFlight.removeAll(reply);
        reply->deleteLater();
        if (!guard)
            return;
        if (!reply->ok()) {
            done({}, reply->error().plainMessage());
            return;
        }
        const QByteArray data = reply->data();
        if (data.size() != expected) {
            // The object changed or the storage cut the range short: never send wrong bytes.
            done({},
                    QCoreApplication::translate("fs::S3ObjectSource",
                            "The storage sent %1 bytes instead of %2. Has the object changed?")
                            .arg(data.size())
                            .arg(expected));
            return;
        }
        done(data, {});
    });
}

void S3ObjectSource::cancelReads()
{
    const QList<QPointer<S3Reply>> inFlight = m_inFlight;
    m_inFlight.clear();
    for (const QPointer<S3Reply> &reply : inFlight) {
        if (!reply)
            continue;
        // Finishing as cancelled must not reach the callback any more.
        disconnect(reply, &S3Reply::finished, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace fs
