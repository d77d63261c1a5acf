// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's bucket store (/s3) driven by the app's own S3 client (fs::S3Client): the
// practice bucket and its samples, put/get/head/delete, ranges, listing with prefixes,
// folders and continuation, CreateBucket, multipart uploads, S3's errors, Signature V4 checked
// (a wrong secret, an unknown key, a payload that does not match its hash), other credentials,
// and objects kept in the data dir across restarts.
#include "practicebucket.h"
#include "s3client.h"
#include "s3testing.h"
#include "sandboxserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace fs;
using fs::test::pattern;
using fs::test::waitFor;

namespace {

QByteArray sample(const QString &name)
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Raw
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QHash<QByteArray, QByteArray> headers;
    QString code() const { return S3Error::fromResponse(status, body).code; }
};

} // namespace

class tst_SandboxS3 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void practiceBucketHoldsTheSamples();
    void putGetHeadDelete();
    void rangedReads();
    void listWithPrefixDelimiterAndContinuation();
    void createBucket();
    void multipartUpload();
    void multipartErrors();
    void wrongSecretIsRefused();
    void unknownKeyIsRefused();
    void payloadHashIsChecked();
    void missingThingsAnswerAsS3Does();
    void otherCredentialsFromOptions();
    void dataDirKeepsObjects();
    void expectContinueIsAnswered();
    void memoryIsBounded();

private:
    std::unique_ptr<S3Client> client(const QString &bucket = practice::bucket(),
            const QString &secret = practice::secretAccessKey(),
            const QString &keyId = practice::accessKeyId(),
            sandbox::SandboxServer *server = nullptr);
    /// One request signed by `client` (payload hash of `body` unless `payloadHash` is given).
    Raw send(S3Client *client, const QByteArray &method, const QUrl &url,
            const QByteArray &body = {}, const QByteArray &payloadHash = {});
    QUrl withQuery(S3Client *client, const QString &key, const QString &query);

    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_nam;
};

void tst_SandboxS3::initTestCase()
{
    m_sandbox = std::make_unique<sandbox::SandboxServer>();
    QString problem;
    QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
    QCOMPARE(m_sandbox->s3Endpoint().toString(),
            QStringLiteral("http://127.0.0.1:%1/s3").arg(m_sandbox->port()));
}

std::unique_ptr<S3Client> tst_SandboxS3::client(const QString &bucket, const QString &secret,
        const QString &keyId, sandbox::SandboxServer *server)
{
    S3Config config;
    config.endpoint = (server ? server : m_sandbox.get())->s3Endpoint();
    config.region = practice::region();
    config.bucket = bucket;
    config.credentials = {keyId, secret, {}};
    return std::make_unique<S3Client>(&m_nam, config);
}

Raw tst_SandboxS3::send(S3Client *client, const QByteArray &method, const QUrl &url,
        const QByteArray &body, const QByteArray &payloadHash)
{
    QNetworkRequest request = client->signedRequest(
            method, url, {}, payloadHash.isEmpty() ? SigV4Signer::sha256Hex(body) : payloadHash);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/xml"));
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Raw raw;
    if (!finished.wait(30000)) {
        reply->abort();
        reply->deleteLater();
        return raw;
    }
    raw.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    raw.body = reply->readAll();
    raw.error = reply->error();
    for (const auto &pair : reply->rawHeaderPairs())
        raw.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return raw;
}

QUrl tst_SandboxS3::withQuery(S3Client *client, const QString &key, const QString &query)
{
    QUrl url = client->objectUrl(key);
    url.setQuery(query);
    return url;
}

void tst_SandboxS3::practiceBucketHoldsTheSamples()
{
    const auto s3 = client();
    S3Reply *list = s3->list();
    QVERIFY(waitFor(list));
    QVERIFY2(list->ok(), qPrintable(list->error().technicalSummary()));
    QStringList keys;
    for (const S3Object &object : list->listing().objects)
        keys << object.key;
    QCOMPARE(keys, practice::sampleKeys());

    const QByteArray expected = sample(QStringLiteral("support-bot.jsonl"));
    QVERIFY(!expected.isEmpty());
    S3Reply *get = s3->getObject(QStringLiteral("support-bot.jsonl"));
    QVERIFY(waitFor(get));
    QVERIFY2(get->ok(), qPrintable(get->error().technicalSummary()));
    QCOMPARE(get->data(), expected);
    QCOMPARE(get->object().etag,
            QString::fromLatin1(
                    QCryptographicHash::hash(expected, QCryptographicHash::Md5).toHex()));
}

void tst_SandboxS3::putGetHeadDelete()
{
    const auto s3 = client();
    const QByteArray data = pattern(70000, 1);
    // A signed payload (its sha256 checked by the store) …
    S3Reply *put = s3->putData(QStringLiteral("tests/signed file.bin"), data);
    QVERIFY(waitFor(put));
    QVERIFY2(put->ok(), qPrintable(put->error().technicalSummary()));
    const QString md5 =
            QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
    QCOMPARE(put->object().etag, md5);

    // … and UNSIGNED-PAYLOAD, from a file.
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(data);
    file.flush();
    S3Reply *putUnsigned = s3->putFile(QStringLiteral("tests/unsigned.bin"), file.fileName(),
            S3Client::PayloadSigning::Unsigned, QStringLiteral("text/plain"));
    QVERIFY(waitFor(putUnsigned));
    QVERIFY2(putUnsigned->ok(), qPrintable(putUnsigned->error().technicalSummary()));

    S3Reply *head = s3->headObject(QStringLiteral("tests/unsigned.bin"));
    QVERIFY(waitFor(head));
    QVERIFY2(head->ok(), qPrintable(head->error().technicalSummary()));
    QCOMPARE(head->object().size, data.size());
    QCOMPARE(head->object().etag, md5);
    QCOMPARE(head->object().contentType, QStringLiteral("text/plain"));
    QVERIFY(head->object().lastModified.isValid());

    S3Reply *get = s3->getObject(QStringLiteral("tests/signed file.bin"));
    QVERIFY(waitFor(get));
    QVERIFY2(get->ok(), qPrintable(get->error().technicalSummary()));
    QCOMPARE(get->data(), data);

    S3Reply *del = s3->deleteObject(QStringLiteral("tests/signed file.bin"));
    QVERIFY(waitFor(del));
    QVERIFY2(del->ok(), qPrintable(del->error().technicalSummary()));
    S3Reply *gone = s3->headObject(QStringLiteral("tests/signed file.bin"));
    QVERIFY(waitFor(gone));
    QCOMPARE(gone->error().httpStatus, 404);
    S3Reply *missing = s3->getObject(QStringLiteral("tests/signed file.bin"));
    QVERIFY(waitFor(missing));
    QCOMPARE(missing->error().code, QStringLiteral("NoSuchKey"));
    QCOMPARE(missing->error().key, QStringLiteral("tests/signed file.bin"));
    S3Reply *cleanup = s3->deleteObject(QStringLiteral("tests/unsigned.bin"));
    QVERIFY(waitFor(cleanup));
}

void tst_SandboxS3::rangedReads()
{
    const auto s3 = client();
    const QByteArray data = pattern(10000, 2);
    S3Reply *put = s3->putData(QStringLiteral("ranges.bin"), data);
    QVERIFY(waitFor(put));
    QVERIFY(put->ok());

    S3Reply *middle = s3->getObject(QStringLiteral("ranges.bin"), nullptr, 1234, 500);
    QVERIFY(waitFor(middle));
    QVERIFY2(middle->ok(), qPrintable(middle->error().technicalSummary())); // 206, or not ok
    QCOMPARE(middle->data(), data.mid(1234, 500));
    S3Reply *tail = s3->getObject(QStringLiteral("ranges.bin"), nullptr, 9990);
    QVERIFY(waitFor(tail));
    QVERIFY(tail->ok());
    QCOMPARE(tail->data(), data.mid(9990));
    S3Reply *beyond = s3->getObject(QStringLiteral("ranges.bin"), nullptr, 10000, 10);
    QVERIFY(waitFor(beyond));
    QCOMPARE(beyond->error().httpStatus, 416);
    QCOMPARE(beyond->error().code, QStringLiteral("InvalidRange"));

    QNetworkRequest request = s3->signedRequest(
            "GET", s3->objectUrl(QStringLiteral("ranges.bin")), {{"Range", "bytes=-100"}});
    QNetworkReply *suffix = m_nam.get(request);
    QSignalSpy done(suffix, &QNetworkReply::finished);
    QVERIFY(done.wait());
    QCOMPARE(suffix->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 206);
    QCOMPARE(suffix->rawHeader("Content-Range"), QByteArray("bytes 9900-9999/10000"));
    QCOMPARE(suffix->readAll(), data.right(100));
    suffix->deleteLater();
    S3Reply *del = s3->deleteObject(QStringLiteral("ranges.bin"));
    QVERIFY(waitFor(del));
}

void tst_SandboxS3::listWithPrefixDelimiterAndContinuation()
{
    const auto s3 = client();
    const QStringList keys = {QStringLiteral("list/a.jsonl"), QStringLiteral("list/b.jsonl"),
            QStringLiteral("list/c.jsonl"), QStringLiteral("list/d/1.jsonl"),
            QStringLiteral("list/d/2.jsonl"), QStringLiteral("list/e/1.jsonl"),
            QStringLiteral("list/f.jsonl")};
    for (const QString &key : keys) {
        S3Reply *put = s3->putData(key, key.toUtf8());
        QVERIFY(waitFor(put));
        QVERIFY(put->ok());
    }
    // Folders: objects directly under the prefix, and the "folders" below it.
    S3Reply *folders = s3->list(QStringLiteral("list/"));
    QVERIFY(waitFor(folders));
    QVERIFY(folders->ok());
    QStringList direct;
    for (const S3Object &object : folders->listing().objects)
        direct << object.key;
    QCOMPARE(direct,
            QStringList({QStringLiteral("list/a.jsonl"), QStringLiteral("list/b.jsonl"),
                    QStringLiteral("list/c.jsonl"), QStringLiteral("list/f.jsonl")}));
    QCOMPARE(folders->listing().commonPrefixes,
            QStringList({QStringLiteral("list/d/"), QStringLiteral("list/e/")}));

    // Pages of two: a continuation token on each but the last, nothing lost or repeated.
    S3Reply *first = s3->listPage(QStringLiteral("list/"), QStringLiteral("/"), QString(), 2);
    QVERIFY(waitFor(first));
    QVERIFY(first->ok());
    QVERIFY(first->listing().truncated);
    QVERIFY(!first->listing().nextContinuationToken.isEmpty());
    QCOMPARE(first->listing().objects.size(), 2);
    S3Reply *paged = s3->list(QStringLiteral("list/"), QStringLiteral("/"), 2);
    QVERIFY(waitFor(paged));
    QVERIFY(paged->ok());
    QCOMPARE(paged->listing().pages, 3);
    QCOMPARE(paged->listing().objects.size(), 4);
    QCOMPARE(paged->listing().commonPrefixes, folders->listing().commonPrefixes);
    // Without a delimiter every key below the prefix, one to a page at the edge.
    S3Reply *flat = s3->list(QStringLiteral("list/d"), QString(), 1);
    QVERIFY(waitFor(flat));
    QVERIFY(flat->ok());
    QCOMPARE(flat->listing().objects.size(), 2);
    QCOMPARE(flat->listing().pages, 2);

    for (const QString &key : keys) {
        S3Reply *del = s3->deleteObject(key);
        QVERIFY(waitFor(del));
    }
}

void tst_SandboxS3::createBucket()
{
    const auto s3 = client(QStringLiteral("team-data"));
    S3Reply *before = s3->list();
    QVERIFY(waitFor(before));
    QCOMPARE(before->error().code, QStringLiteral("NoSuchBucket"));
    QCOMPARE(before->error().httpStatus, 404);

    Raw created = send(s3.get(), "PUT", s3->objectUrl());
    QCOMPARE(created.status, 200);
    Raw again = send(s3.get(), "PUT", s3->objectUrl());
    QCOMPARE(again.status, 409);
    QCOMPARE(again.code(), QStringLiteral("BucketAlreadyOwnedByYou"));
    const auto invalid = client(QStringLiteral("No_Such"));
    QCOMPARE(send(invalid.get(), "PUT", invalid->objectUrl()).code(),
            QStringLiteral("InvalidBucketName"));

    S3Reply *put = s3->putData(QStringLiteral("x.jsonl"), "{}\n");
    QVERIFY(waitFor(put));
    QVERIFY2(put->ok(), qPrintable(put->error().technicalSummary()));
    S3Reply *after = s3->list();
    QVERIFY(waitFor(after));
    QVERIFY(after->ok());
    QCOMPARE(after->listing().objects.size(), 1);
    QCOMPARE(send(s3.get(), "DELETE", s3->objectUrl()).code(), QStringLiteral("BucketNotEmpty"));
}

void tst_SandboxS3::multipartUpload()
{
    const auto s3 = client();
    const QString key = QStringLiteral("big/multipart.bin");
    Raw created = send(s3.get(), "POST", withQuery(s3.get(), key, QStringLiteral("uploads")));
    QCOMPARE(created.status, 200);
    const QByteArray start = "<UploadId>";
    const qsizetype at = created.body.indexOf(start);
    QVERIFY2(at > 0, created.body.constData());
    const QString uploadId = QString::fromLatin1(created.body.mid(
            at + start.size(), created.body.indexOf('<', at + 1) - at - start.size()));

    const QByteArray part1 = pattern(5 * 1024 * 1024, 3);
    const QByteArray part2 = pattern(1000, 4);
    const auto partUrl = [&](int n) {
        return withQuery(
                s3.get(), key, QStringLiteral("partNumber=%1&uploadId=%2").arg(n).arg(uploadId));
    };
    Raw sent1 = send(s3.get(), "PUT", partUrl(1), part1);
    QCOMPARE(sent1.status, 200);
    // The second part unsigned: the store accepts UNSIGNED-PAYLOAD as well.
    Raw sent2 = send(s3.get(), "PUT", partUrl(2), part2, SigV4Signer::unsignedPayload());
    QCOMPARE(sent2.status, 200);
    const QByteArray etag1 = sent1.header("ETag");
    const QByteArray etag2 = sent2.header("ETag");
    QCOMPARE(etag1, '"' + QCryptographicHash::hash(part1, QCryptographicHash::Md5).toHex() + '"');

    const QByteArray complete = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"
            + etag1 + "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" + etag2
            + "</ETag></Part></CompleteMultipartUpload>";
    Raw done = send(s3.get(), "POST",
            withQuery(s3.get(), key, QStringLiteral("uploadId=") + uploadId), complete);
    QCOMPARE(done.status, 200);
    const QByteArray md5s = QCryptographicHash::hash(part1, QCryptographicHash::Md5)
            + QCryptographicHash::hash(part2, QCryptographicHash::Md5);
    const QString etag = QString::fromLatin1(
            QCryptographicHash::hash(md5s, QCryptographicHash::Md5).toHex() + "-2");
    QVERIFY2(done.body.contains(etag.toLatin1()), done.body.constData());

    S3Reply *get = s3->getObject(key);
    QVERIFY(waitFor(get));
    QVERIFY(get->ok());
    QCOMPARE(get->data(), part1 + part2);
    QCOMPARE(get->object().etag, etag);
    // Completed: the upload is gone.
    QCOMPARE(send(s3.get(), "PUT", partUrl(3), part2).code(), QStringLiteral("NoSuchUpload"));
    S3Reply *del = s3->deleteObject(key);
    QVERIFY(waitFor(del));
}

void tst_SandboxS3::multipartErrors()
{
    const auto s3 = client();
    const QString key = QStringLiteral("small-parts.bin");
    Raw created = send(s3.get(), "POST", withQuery(s3.get(), key, QStringLiteral("uploads")));
    QCOMPARE(created.status, 200);
    const qsizetype at = created.body.indexOf("<UploadId>") + 10;
    const QString uploadId =
            QString::fromLatin1(created.body.mid(at, created.body.indexOf('<', at) - at));
    const auto partUrl = [&](int n) {
        return withQuery(
                s3.get(), key, QStringLiteral("partNumber=%1&uploadId=%2").arg(n).arg(uploadId));
    };
    const QByteArray etag1 = send(s3.get(), "PUT", partUrl(1), "first").header("ETag");
    const QByteArray etag2 = send(s3.get(), "PUT", partUrl(2), "second").header("ETag");
    QVERIFY(!etag1.isEmpty() && !etag2.isEmpty());
    const QUrl completeUrl = withQuery(s3.get(), key, QStringLiteral("uploadId=") + uploadId);
    auto body = [](int a, const QByteArray &ea, int b, const QByteArray &eb) -> QByteArray {
        return "<CompleteMultipartUpload><Part><PartNumber>" + QByteArray::number(a)
                + "</PartNumber><ETag>" + ea + "</ETag></Part><Part><PartNumber>"
                + QByteArray::number(b) + "</PartNumber><ETag>" + eb
                + "</ETag></Part></CompleteMultipartUpload>";
    };
    // Parts other than the last must be at least 5 MiB; order and ETags are checked.
    QCOMPARE(send(s3.get(), "POST", completeUrl, body(1, etag1, 2, etag2)).code(),
            QStringLiteral("EntityTooSmall"));
    QCOMPARE(send(s3.get(), "POST", completeUrl, body(2, etag2, 1, etag1)).code(),
            QStringLiteral("InvalidPartOrder"));
    QCOMPARE(send(s3.get(), "POST", completeUrl, body(1, etag2, 2, etag2)).code(),
            QStringLiteral("InvalidPart"));
    // Abort: the upload and its parts are gone.
    QCOMPARE(send(s3.get(), "DELETE", completeUrl).status, 204);
    QCOMPARE(send(s3.get(), "DELETE", completeUrl).code(), QStringLiteral("NoSuchUpload"));
    QCOMPARE(send(s3.get(), "PUT", partUrl(3), "x").code(), QStringLiteral("NoSuchUpload"));
}

void tst_SandboxS3::wrongSecretIsRefused()
{
    const auto s3 = client(practice::bucket(), QStringLiteral("not-the-secret"));
    S3Reply *list = s3->list();
    QVERIFY(waitFor(list));
    QCOMPARE(list->error().httpStatus, 403);
    QCOMPARE(list->error().code, QStringLiteral("SignatureDoesNotMatch"));
    QVERIFY(!list->error().plainMessage().isEmpty());
    S3Reply *put = s3->putData(QStringLiteral("intruder.txt"), "no");
    QVERIFY(waitFor(put));
    QCOMPARE(put->error().code, QStringLiteral("SignatureDoesNotMatch"));
    // Nothing was written.
    const auto practiceClient = client();
    S3Reply *head = practiceClient->headObject(QStringLiteral("intruder.txt"));
    QVERIFY(waitFor(head));
    QCOMPARE(head->error().httpStatus, 404);
}

void tst_SandboxS3::unknownKeyIsRefused()
{
    const auto s3 =
            client(practice::bucket(), practice::secretAccessKey(), QStringLiteral("AKIDNOBODY"));
    S3Reply *list = s3->list();
    QVERIFY(waitFor(list));
    QCOMPARE(list->error().httpStatus, 403);
    QCOMPARE(list->error().code, QStringLiteral("InvalidAccessKeyId"));

    // No Authorization at all: AccessDenied.
    QNetworkReply *anonymous = m_nam.get(QNetworkRequest(s3->objectUrl()));
    QSignalSpy done(anonymous, &QNetworkReply::finished);
    QVERIFY(done.wait());
    QCOMPARE(anonymous->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
    QCOMPARE(S3Error::fromResponse(403, anonymous->readAll()).code, QStringLiteral("AccessDenied"));
    anonymous->deleteLater();
}

void tst_SandboxS3::payloadHashIsChecked()
{
    const auto s3 = client();
    // Signed for one body, sent with another: the signature holds, the payload does not.
    const QByteArray claimed = SigV4Signer::sha256Hex("the body that was signed");
    Raw swapped = send(s3.get(), "PUT", s3->objectUrl(QStringLiteral("swapped.txt")),
            "a different body", claimed);
    QCOMPARE(swapped.status, 400);
    QCOMPARE(swapped.code(), QStringLiteral("XAmzContentSHA256Mismatch"));
    S3Reply *head = s3->headObject(QStringLiteral("swapped.txt"));
    QVERIFY(waitFor(head));
    QCOMPARE(head->error().httpStatus, 404);
}

void tst_SandboxS3::missingThingsAnswerAsS3Does()
{
    const auto nowhere = client(QStringLiteral("no-such-bucket"));
    S3Reply *get = nowhere->getObject(QStringLiteral("a.jsonl"));
    QVERIFY(waitFor(get));
    QCOMPARE(get->error().httpStatus, 404);
    QCOMPARE(get->error().code, QStringLiteral("NoSuchBucket"));
    QCOMPARE(get->error().bucket, QStringLiteral("no-such-bucket"));
    S3Reply *put = nowhere->putData(QStringLiteral("a.jsonl"), "x");
    QVERIFY(waitFor(put));
    QCOMPARE(put->error().code, QStringLiteral("NoSuchBucket"));
    // Deleting what is not there succeeds, as on S3.
    const auto practiceClient = client();
    S3Reply *del = practiceClient->deleteObject(QStringLiteral("never-there.jsonl"));
    QVERIFY(waitFor(del));
    QVERIFY(del->ok());
}

void tst_SandboxS3::otherCredentialsFromOptions()
{
    sandbox::SandboxOptions options;
    options.s3AccessKeyId = QStringLiteral("team-key");
    options.s3SecretAccessKey = QStringLiteral("team-secret");
    sandbox::SandboxServer server(options);
    QString problem;
    QVERIFY2(server.start(&problem), qPrintable(problem));
    const auto practiceKeys = client(
            practice::bucket(), practice::secretAccessKey(), practice::accessKeyId(), &server);
    S3Reply *refused = practiceKeys->list();
    QVERIFY(waitFor(refused));
    QCOMPARE(refused->error().code, QStringLiteral("InvalidAccessKeyId"));
    const auto own = client(
            practice::bucket(), QStringLiteral("team-secret"), QStringLiteral("team-key"), &server);
    S3Reply *accepted = own->list();
    QVERIFY(waitFor(accepted));
    QVERIFY2(accepted->ok(), qPrintable(accepted->error().technicalSummary()));
}

void tst_SandboxS3::dataDirKeepsObjects()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    sandbox::SandboxOptions options;
    options.dataDir = dir.path();
    const QByteArray data = pattern(3000, 5);
    {
        sandbox::SandboxServer server(options);
        QString problem;
        QVERIFY2(server.start(&problem), qPrintable(problem));
        const auto s3 = client(
                practice::bucket(), practice::secretAccessKey(), practice::accessKeyId(), &server);
        S3Reply *put = s3->putData(QStringLiteral("kept/data.bin"), data);
        QVERIFY(waitFor(put));
        QVERIFY(put->ok());
        S3Reply *del = s3->deleteObject(practice::sampleKeys().first());
        QVERIFY(waitFor(del));
        QVERIFY(del->ok());
    }
    sandbox::SandboxServer again(options);
    QString problem;
    QVERIFY2(again.start(&problem), qPrintable(problem));
    const auto s3 = client(
            practice::bucket(), practice::secretAccessKey(), practice::accessKeyId(), &again);
    S3Reply *get = s3->getObject(QStringLiteral("kept/data.bin"), nullptr, 100, 50);
    QVERIFY(waitFor(get));
    QVERIFY2(get->ok(), qPrintable(get->error().technicalSummary()));
    QCOMPARE(get->data(), data.mid(100, 50));
    // The bucket was not empty, so a deleted sample stays deleted …
    S3Reply *head = s3->headObject(practice::sampleKeys().first());
    QVERIFY(waitFor(head));
    QCOMPARE(head->error().httpStatus, 404);

    // … but an emptied practice bucket gets its samples back at the next start.
    const QStringList left = {QStringLiteral("kept/data.bin"), practice::sampleKeys().last()};
    for (const QString &key : left) {
        S3Reply *del = s3->deleteObject(key);
        QVERIFY(waitFor(del));
        QVERIFY(del->ok());
    }
    sandbox::SandboxServer third(options);
    QVERIFY2(third.start(&problem), qPrintable(problem));
    const auto refilled = client(
            practice::bucket(), practice::secretAccessKey(), practice::accessKeyId(), &third);
    S3Reply *list = refilled->list();
    QVERIFY(waitFor(list));
    QVERIFY(list->ok());
    QCOMPARE(list->listing().objects.size(), practice::sampleKeys().size());
}

void tst_SandboxS3::expectContinueIsAnswered()
{
    // AWS's SDKs send "Expect: 100-continue" with bodies of a few MB and wait for the go-ahead
    // before sending them: the store must give it, or every large part waits out a timeout.
    const auto s3 = client();
    const QByteArray body = pattern(3 * 1024 * 1024, 6);
    const QUrl url = s3->objectUrl(QStringLiteral("continue.bin"));
    const QNetworkRequest signedRequest =
            s3->signedRequest("PUT", url, {}, SigV4Signer::sha256Hex(body));
    QByteArray head = "PUT " + url.path(QUrl::FullyEncoded).toLatin1()
            + " HTTP/1.1\r\nHost: " + SigV4Signer::hostHeader(url) + "\r\n";
    for (const QByteArray &name : signedRequest.rawHeaderList())
        head += name + ": " + signedRequest.rawHeader(name) + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size())
            + "\r\nExpect: 100-continue\r\n\r\n";
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_sandbox->port());
    QVERIFY(socket.waitForConnected(10000));
    socket.write(head);
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), 20000);
    QVERIFY2(received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), received.constData());
    received.clear();
    socket.write(body);
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), 20000);
    QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
    S3Reply *get = s3->getObject(QStringLiteral("continue.bin"));
    QVERIFY(waitFor(get));
    QVERIFY(get->ok());
    QCOMPARE(get->data(), body);
    S3Reply *del = s3->deleteObject(QStringLiteral("continue.bin"));
    QVERIFY(waitFor(del));
}

void tst_SandboxS3::memoryIsBounded()
{
    sandbox::SandboxOptions options;
    options.s3MemoryLimit = 100 * 1024;
    sandbox::SandboxServer server(options);
    QString problem;
    QVERIFY2(server.start(&problem), qPrintable(problem));
    const auto s3 = client(
            practice::bucket(), practice::secretAccessKey(), practice::accessKeyId(), &server);
    S3Reply *first = s3->putData(QStringLiteral("first.bin"), pattern(60 * 1024, 7));
    QVERIFY(waitFor(first));
    QVERIFY2(first->ok(), qPrintable(first->error().technicalSummary()));
    // Beyond the bound: refused, and nothing kept.
    S3Reply *second = s3->putData(QStringLiteral("second.bin"), pattern(60 * 1024, 8));
    QVERIFY(waitFor(second));
    QCOMPARE(second->error().httpStatus, 507);
    QCOMPARE(second->error().code, QStringLiteral("InsufficientStorage"));
    S3Reply *head = s3->headObject(QStringLiteral("second.bin"));
    QVERIFY(waitFor(head));
    QCOMPARE(head->error().httpStatus, 404);
    // A refused replacement leaves the old object as it was.
    S3Reply *tooBig = s3->putData(QStringLiteral("first.bin"), pattern(120 * 1024, 10));
    QVERIFY(waitFor(tooBig));
    QCOMPARE(tooBig->error().httpStatus, 507);
    S3Reply *kept = s3->getObject(QStringLiteral("first.bin"));
    QVERIFY(waitFor(kept));
    QVERIFY(kept->ok());
    QCOMPARE(kept->data(), pattern(60 * 1024, 7));
    // Replacing an object counts its new size only; deleting gives the room back.
    S3Reply *replace = s3->putData(QStringLiteral("first.bin"), pattern(80 * 1024, 9));
    QVERIFY(waitFor(replace));
    QVERIFY2(replace->ok(), qPrintable(replace->error().technicalSummary()));
    S3Reply *del = s3->deleteObject(QStringLiteral("first.bin"));
    QVERIFY(waitFor(del));
    S3Reply *again = s3->putData(QStringLiteral("second.bin"), pattern(60 * 1024, 8));
    QVERIFY(waitFor(again));
    QVERIFY2(again->ok(), qPrintable(again->error().technicalSummary()));
}

QTEST_GUILESS_MAIN(tst_SandboxS3)
#include "tst_sandboxs3.moc"
