// SPDX-License-Identifier: GPL-3.0-or-later
// Prints, as JSON, S3 requests signed by our code (S3Client::signedRequest, the path every call
// takes) for sigv4-smithy.mjs, which signs the same requests with AWS's own JavaScript signer
// (@smithy/signature-v4) and compares the Authorization headers.
#include "s3client.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <cstdio>

using namespace fs;

namespace {

const QDateTime kTime(QDate(2026, 11, 21), QTime(19, 0, 5), Qt::UTC);

QJsonObject describe(const QString &name, const S3Client &client, const QByteArray &method,
        const QUrl &url, const SigV4Headers &headers, const QByteArray &payloadHash)
{
    const QNetworkRequest request = client.signedRequest(method, url, headers, payloadHash);
    QJsonArray query;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        query.append(QJsonArray {item.first, item.second});
    QJsonObject sent;
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &header : names) {
        if (header.toLower() != "authorization")
            sent.insert(QString::fromLatin1(header.toLower()),
                    QString::fromUtf8(request.rawHeader(header)));
    }
    sent.insert(QStringLiteral("host"), QString::fromLatin1(SigV4Signer::hostHeader(url)));
    const S3Config &config = client.config();
    return QJsonObject {
            {QStringLiteral("name"), name},
            {QStringLiteral("method"), QString::fromLatin1(method)},
            {QStringLiteral("protocol"), QString(url.scheme() + QLatin1Char(':'))},
            {QStringLiteral("hostname"), url.host()},
            {QStringLiteral("port"), url.port()},
            {QStringLiteral("path"), url.path(QUrl::FullyEncoded)},
            {QStringLiteral("query"), query},
            {QStringLiteral("headers"), sent},
            {QStringLiteral("region"), config.region},
            {QStringLiteral("accessKeyId"), config.credentials.accessKeyId},
            {QStringLiteral("secretAccessKey"), config.credentials.secretAccessKey},
            {QStringLiteral("sessionToken"), config.credentials.sessionToken},
            {QStringLiteral("signingDate"), kTime.toString(Qt::ISODate)},
            {QStringLiteral("authorization"),
                    QString::fromLatin1(request.rawHeader("Authorization"))},
    };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QNetworkAccessManager nam;

    S3Config r2;
    r2.endpoint = QUrl(QStringLiteral("https://0123456789abcdef.r2.cloudflarestorage.com"));
    r2.region = QStringLiteral("auto");
    r2.bucket = QStringLiteral("fine-tuning-data");
    r2.credentials = {QStringLiteral("AKIAEXAMPLER2KEY"),
            QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}};
    S3Client cloud(&nam, r2);
    cloud.setClock([] { return kTime; });

    S3Config minio;
    minio.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9000"));
    minio.region = QStringLiteral("us-east-1");
    minio.bucket = QStringLiteral("local");
    minio.credentials = {QStringLiteral("minioadmin"), QStringLiteral("minio secret+/="),
            QStringLiteral("session/token+==")};
    S3Client local(&nam, minio);
    local.setClock([] { return kTime; });

    const QByteArray body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n";
    const QByteArray bodyHash = SigV4Signer::sha256Hex(body);
    const QByteArray unsignedPayload = SigV4Signer::unsignedPayload();
    const QString key = QStringLiteral("datasets/2026 run/train (v2)+ü.jsonl");

    QJsonArray cases;
    cases.append(describe(QStringLiteral("ListObjectsV2 with prefix and delimiter"), cloud, "GET",
            cloud.listUrl(QStringLiteral("datasets/2026 run/"), QStringLiteral("/")), {},
            SigV4Signer::emptyPayloadHash()));
    cases.append(describe(QStringLiteral("ListObjectsV2, next page"), cloud, "GET",
            cloud.listUrl(QStringLiteral("datasets/"), QStringLiteral("/"),
                    QStringLiteral("1Ed1IVoeBiUbnYc7T4h/1NJrU9095HXx+=="), 1),
            {}, SigV4Signer::emptyPayloadHash()));
    cases.append(describe(QStringLiteral("GetObject"), cloud, "GET", cloud.objectUrl(key), {},
            SigV4Signer::emptyPayloadHash()));
    cases.append(describe(QStringLiteral("GetObject, ranged"), cloud, "GET", cloud.objectUrl(key),
            {{"Range", "bytes=67108864-134217727"}}, SigV4Signer::emptyPayloadHash()));
    cases.append(describe(QStringLiteral("HeadObject"), cloud, "HEAD", cloud.objectUrl(key), {},
            SigV4Signer::emptyPayloadHash()));
    cases.append(describe(QStringLiteral("PutObject with payload hash"), cloud, "PUT",
            cloud.objectUrl(QStringLiteral("datasets/small.jsonl")),
            {{"Content-Type", "application/x-ndjson"}}, bodyHash));
    cases.append(describe(QStringLiteral("PutObject UNSIGNED-PAYLOAD (streamed)"), cloud, "PUT",
            cloud.objectUrl(key), {{"Content-Type", "application/octet-stream"}}, unsignedPayload));
    cases.append(describe(QStringLiteral("DeleteObject"), cloud, "DELETE", cloud.objectUrl(key), {},
            SigV4Signer::emptyPayloadHash()));
    cases.append(describe(QStringLiteral("MinIO on a port, session token, ListObjectsV2"), local,
            "GET", local.listUrl(QString(), QStringLiteral("/")), {},
            SigV4Signer::emptyPayloadHash()));
    cases.append(describe(QStringLiteral("MinIO PutObject with payload hash"), local, "PUT",
            local.objectUrl(QStringLiteral("a/b//c.jsonl")), {{"Content-Type", "text/plain"}},
            bodyHash));

    std::fputs(QJsonDocument(cases).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
