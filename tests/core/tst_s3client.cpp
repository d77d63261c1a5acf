// SPDX-License-Identifier: GPL-3.0-or-later
// The S3 client against s3rver (an S3-compatible server from npm) on 127.0.0.1: list with
// prefixes, folders and paging, get (streamed, ranged), head, put (signed and unsigned
// payload), delete, the errors in plain words, timeouts and cancel; and S3ObjectSource.
#include "../contract/s3rverprocess.h"
#include "requiretool.h"
#include "s3client.h"
#include "s3objectsource.h"
#include "s3testing.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

using namespace fs;
using fs::test::pattern;
using fs::test::waitFor;

class tst_S3Client : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void urlsArePathStyleAndEncoded();
    void putGetHeadDelete();
    void keysWithSpecialCharacters();
    void putSignedAndUnsignedFromFile();
    void streamedGetWithProgress();
    void rangedReads();
    void listFoldersAndPaging();
    void errorsInPlainWords();
    void unreachableAndTimeout();
    void cancel();
    void objectSource();
    void errorXmlParsing();

private:
    S3Client *client(const QString &bucket = QStringLiteral("data"),
            const QString &keyId = test::S3rverProcess::accessKeyId());

    test::S3rverProcess m_s3;
    QNetworkAccessManager m_nam;
};

S3Client *tst_S3Client::client(const QString &bucket, const QString &keyId)
{
    S3Config config;
    config.endpoint = m_s3.endpoint();
    config.region = QStringLiteral("auto");
    config.bucket = bucket;
    config.credentials = {keyId, test::S3rverProcess::secretAccessKey(), {}};
    config.inactivityTimeoutMs = 20000;
    return new S3Client(&m_nam, config, this);
}

void tst_S3Client::initTestCase()
{
    QString problem;
    const bool s3rverStarted =
            m_s3.start({QStringLiteral("data"), QStringLiteral("listing")}, &problem);
    FS_REQUIRE_TOOL(s3rverStarted, QStringLiteral("s3rver is needed for this test: ") + problem);
}

void tst_S3Client::cleanupTestCase()
{
    m_s3.stop();
}

void tst_S3Client::urlsArePathStyleAndEncoded()
{
    S3Config config;
    config.endpoint = QUrl(QStringLiteral("https://acc.r2.cloudflarestorage.com"));
    config.bucket = QStringLiteral("my-bucket");
    S3Client c(&m_nam, config);
    QCOMPARE(c.objectPath(QStringLiteral("data/train set (1).jsonl")),
            QByteArray("/my-bucket/data/train%20set%20%281%29.jsonl"));
    // What goes on the wire is exactly what is signed.
    const QUrl url = c.objectUrl(QStringLiteral("data/train set (1)+é!.jsonl"));
    QCOMPARE(url.path(QUrl::FullyEncoded).toLatin1(),
            c.objectPath(QStringLiteral("data/train set (1)+é!.jsonl")));
    QCOMPARE(url.host(), QStringLiteral("acc.r2.cloudflarestorage.com"));
    QCOMPARE(c.signer().options().region, QStringLiteral("auto"));
}

void tst_S3Client::putGetHeadDelete()
{
    S3Client *c = client();
    const QByteArray content = pattern(70000);
    S3Reply *put = c->putData(QStringLiteral("one/object.bin"), content);
    QVERIFY(waitFor(put));
    QVERIFY2(put->ok(), qPrintable(put->error().technicalSummary()));

    S3Reply *head = c->headObject(QStringLiteral("one/object.bin"));
    QVERIFY(waitFor(head));
    QVERIFY2(head->ok(), qPrintable(head->error().technicalSummary()));
    QCOMPARE(head->object().size, content.size());
    QCOMPARE(head->object().etag,
            QString::fromLatin1(
                    QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex()));
    QVERIFY(head->object().lastModified.isValid());
    QVERIFY(qAbs(head->object().lastModified.secsTo(QDateTime::currentDateTimeUtc())) < 600);

    S3Reply *get = c->getObject(QStringLiteral("one/object.bin"));
    QVERIFY(waitFor(get));
    QVERIFY(get->ok());
    QCOMPARE(get->data(), content);

    S3Reply *del = c->deleteObject(QStringLiteral("one/object.bin"));
    QVERIFY(waitFor(del));
    QVERIFY2(del->ok(), qPrintable(del->error().technicalSummary()));
    S3Reply *gone = c->headObject(QStringLiteral("one/object.bin"));
    QVERIFY(waitFor(gone));
    QCOMPARE(gone->error().kind, S3Error::Kind::Http);
    QCOMPARE(gone->error().httpStatus, 404);
    QCOMPARE(gone->error().code, QStringLiteral("NoSuchKey"));
}

void tst_S3Client::keysWithSpecialCharacters()
{
    S3Client *c = client();
    const QStringList keys = {QStringLiteral("folder with space/Überprüfung (v2).jsonl"),
            QStringLiteral("a+b=c&d.jsonl"), QStringLiteral("tilde~and*star!.jsonl")};
    for (const QString &key : keys) {
        S3Reply *put = c->putData(key, key.toUtf8());
        QVERIFY(waitFor(put));
        QVERIFY2(put->ok(),
                qPrintable(key + QStringLiteral(": ") + put->error().technicalSummary()));
        S3Reply *get = c->getObject(key);
        QVERIFY(waitFor(get));
        QVERIFY2(get->ok(), qPrintable(key));
        QCOMPARE(get->data(), key.toUtf8());
    }
    S3Reply *list = c->list(QStringLiteral("folder with space/"));
    QVERIFY(waitFor(list));
    QVERIFY(list->ok());
    QCOMPARE(list->listing().objects.size(), 1);
    QCOMPARE(list->listing().objects.first().key, keys.first());
}

void tst_S3Client::putSignedAndUnsignedFromFile()
{
    S3Client *c = client();
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray content = pattern(9 * 1024 * 1024 + 17, 2);
    file.write(content);
    file.flush();

    S3Reply *signedPut = c->putFile(QStringLiteral("files/signed.bin"), file.fileName());
    QSignalSpy hashing(signedPut, &S3Reply::hashingProgress);
    QSignalSpy progress(signedPut, &S3Reply::progress);
    QVERIFY(waitFor(signedPut));
    QVERIFY2(signedPut->ok(), qPrintable(signedPut->error().technicalSummary()));
    QVERIFY(hashing.size() >= 3); // 4 MB slices
    QCOMPARE(hashing.last().at(0).toLongLong(), content.size());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), content.size());

    S3Reply *unsignedPut = c->putFile(QStringLiteral("files/unsigned.bin"), file.fileName(),
            S3Client::PayloadSigning::Unsigned);
    QSignalSpy noHashing(unsignedPut, &S3Reply::hashingProgress);
    QVERIFY(waitFor(unsignedPut));
    QVERIFY2(unsignedPut->ok(), qPrintable(unsignedPut->error().technicalSummary()));
    QCOMPARE(noHashing.size(), 0);

    for (const QString &key :
            {QStringLiteral("files/signed.bin"), QStringLiteral("files/unsigned.bin")}) {
        S3Reply *get = c->getObject(key);
        QVERIFY(waitFor(get));
        QVERIFY(get->data() == content);
    }

    S3Reply *missing = c->putFile(QStringLiteral("x"), QStringLiteral("/nonexistent/file.jsonl"));
    QVERIFY(waitFor(missing));
    QCOMPARE(missing->error().kind, S3Error::Kind::Local);
    QVERIFY(missing->error().plainMessage().contains(QLatin1String("/nonexistent/file.jsonl")));
}

void tst_S3Client::streamedGetWithProgress()
{
    S3Client *c = client();
    const QByteArray content = pattern(6 * 1024 * 1024, 3);
    S3Reply *put = c->putData(QStringLiteral("big/stream.bin"), content);
    QVERIFY(waitFor(put));
    QVERIFY(put->ok());

    QTemporaryFile out;
    QVERIFY(out.open());
    S3Reply *get = c->getObject(QStringLiteral("big/stream.bin"), &out);
    QSignalSpy progress(get, &S3Reply::progress);
    QVERIFY(waitFor(get));
    QVERIFY2(get->ok(), qPrintable(get->error().technicalSummary()));
    QVERIFY(get->data().isEmpty()); // streamed to the file, not kept
    QVERIFY(!progress.isEmpty());
    qint64 last = -1;
    for (const auto &args : std::as_const(progress)) {
        QVERIFY(args.at(0).toLongLong() >= last);
        last = args.at(0).toLongLong();
    }
    QCOMPARE(last, content.size());
    out.flush();
    out.seek(0);
    QVERIFY(out.readAll() == content);

    // An error answer is never written into the file.
    QTemporaryFile none;
    QVERIFY(none.open());
    S3Reply *missing = c->getObject(QStringLiteral("big/missing.bin"), &none);
    QVERIFY(waitFor(missing));
    QCOMPARE(missing->error().code, QStringLiteral("NoSuchKey"));
    QCOMPARE(none.size(), 0);
}

void tst_S3Client::rangedReads()
{
    S3Client *c = client();
    const QByteArray content = pattern(1000, 4);
    S3Reply *put = c->putData(QStringLiteral("ranged.bin"), content);
    QVERIFY(waitFor(put));

    S3Reply *middle = c->getObject(QStringLiteral("ranged.bin"), nullptr, 100, 250);
    QVERIFY(waitFor(middle));
    QVERIFY2(middle->ok(), qPrintable(middle->error().technicalSummary()));
    QCOMPARE(middle->data(), content.mid(100, 250));

    S3Reply *tail = c->getObject(QStringLiteral("ranged.bin"), nullptr, 990, 10);
    QVERIFY(waitFor(tail));
    QCOMPARE(tail->data(), content.mid(990));

    S3Reply *beyond = c->getObject(QStringLiteral("ranged.bin"), nullptr, 5000, 10);
    QVERIFY(waitFor(beyond));
    QVERIFY(!beyond->ok());
    QCOMPARE(beyond->error().httpStatus, 416);
    QVERIFY(!beyond->error().plainMessage().isEmpty());
}

void tst_S3Client::listFoldersAndPaging()
{
    S3Client *c = client(QStringLiteral("listing"));
    const QStringList keys = {QStringLiteral("a.jsonl"), QStringLiteral("data/train.jsonl"),
            QStringLiteral("data/valid.jsonl"), QStringLiteral("data/old/2025.jsonl"),
            QStringLiteral("data/zeta.jsonl"), QStringLiteral("other/y.txt")};
    for (const QString &key : keys) {
        S3Reply *put = c->putData(key, key.toUtf8());
        QVERIFY(waitFor(put));
        QVERIFY(put->ok());
    }

    S3Reply *root = c->list();
    QVERIFY(waitFor(root));
    QVERIFY2(root->ok(), qPrintable(root->error().technicalSummary()));
    QCOMPARE(root->listing().objects.size(), 1);
    QCOMPARE(root->listing().objects.first().key, QStringLiteral("a.jsonl"));
    QCOMPARE(root->listing().objects.first().size, 7);
    QVERIFY(root->listing().objects.first().lastModified.isValid());
    QCOMPARE(root->listing().commonPrefixes,
            QStringList({QStringLiteral("data/"), QStringLiteral("other/")}));

    S3Reply *data = c->list(QStringLiteral("data/"));
    QVERIFY(waitFor(data));
    QStringList names;
    for (const S3Object &o : data->listing().objects)
        names << o.key;
    QCOMPARE(names,
            QStringList({QStringLiteral("data/train.jsonl"), QStringLiteral("data/valid.jsonl"),
                    QStringLiteral("data/zeta.jsonl")}));
    QCOMPARE(data->listing().commonPrefixes, QStringList {QStringLiteral("data/old/")});
    QCOMPARE(data->listing().pages, 1);

    // Pages of one entry: every page is followed, nothing lost or repeated.
    S3Reply *paged = c->list(QStringLiteral("data/"), QStringLiteral("/"), 1);
    QVERIFY(waitFor(paged));
    QVERIFY2(paged->ok(), qPrintable(paged->error().technicalSummary()));
    QVERIFY(paged->listing().pages >= 3); // one page per key (folders may share one)
    QCOMPARE(paged->listing().objects.size(), 3);
    QCOMPARE(paged->listing().commonPrefixes, QStringList {QStringLiteral("data/old/")});

    // Without a delimiter: everything below, recursively.
    S3Reply *flat = c->list(QString(), QString(), 2);
    QVERIFY(waitFor(flat));
    QCOMPARE(flat->listing().objects.size(), keys.size());
    QVERIFY(flat->listing().commonPrefixes.isEmpty());
    QCOMPARE(flat->listing().pages, 3);

    S3Reply *nothing = c->list(QStringLiteral("nothing-here/"));
    QVERIFY(waitFor(nothing));
    QVERIFY(nothing->ok());
    QVERIFY(nothing->listing().objects.isEmpty());
}

void tst_S3Client::errorsInPlainWords()
{
    S3Reply *noBucket = client(QStringLiteral("no-such-bucket"))->list();
    QVERIFY(waitFor(noBucket));
    QCOMPARE(noBucket->error().code, QStringLiteral("NoSuchBucket"));
    QCOMPARE(noBucket->error().httpStatus, 404);
    QVERIFY2(noBucket->error().plainMessage().contains(QLatin1String("no-such-bucket")),
            qPrintable(noBucket->error().plainMessage()));

    S3Reply *noKey = client()->getObject(QStringLiteral("not/there.jsonl"));
    QVERIFY(waitFor(noKey));
    QCOMPARE(noKey->error().code, QStringLiteral("NoSuchKey"));
    QVERIFY(noKey->error().plainMessage().contains(QLatin1String("not/there.jsonl")));

    S3Reply *badKeyId = client(QStringLiteral("data"), QStringLiteral("WRONGKEY"))->list();
    QVERIFY(waitFor(badKeyId));
    QCOMPARE(badKeyId->error().code, QStringLiteral("InvalidAccessKeyId"));
    QCOMPARE(badKeyId->error().httpStatus, 403);
    QVERIFY(badKeyId->error().plainMessage().contains(QLatin1String("access key ID")));
    QVERIFY(badKeyId->error().technicalSummary().startsWith(
            QLatin1String("HTTP 403 InvalidAccessKeyId: ")));

    // A clock an hour off: the storage refuses the request's time.
    S3Client *skewed = client();
    skewed->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(-3600); });
    S3Reply *late = skewed->list();
    QVERIFY(waitFor(late));
    QCOMPARE(late->error().code, QStringLiteral("RequestTimeTooSkewed"));
    QVERIFY(late->error().plainMessage().contains(QLatin1String("clock")));
}

void tst_S3Client::unreachableAndTimeout()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 closedPort = closed.serverPort();
    closed.close();
    S3Config config;
    config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
    config.bucket = QStringLiteral("b");
    config.credentials = {QStringLiteral("k"), QStringLiteral("s"), {}};
    S3Client refused(&m_nam, config);
    S3Reply *reply = refused.list();
    QVERIFY(waitFor(reply));
    QCOMPARE(reply->error().kind, S3Error::Kind::Unreachable);
    QVERIFY(reply->error().plainMessage().contains(QLatin1String("endpoint")));

    // A server that accepts and never answers: the inactivity limit ends the call.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> sockets;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = silent.nextPendingConnection())
            sockets << s;
    });
    config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    config.inactivityTimeoutMs = 300;
    S3Client slow(&m_nam, config);
    S3Reply *timedOut = slow.headObject(QStringLiteral("k"));
    QVERIFY(waitFor(timedOut, 5000));
    QCOMPARE(timedOut->error().kind, S3Error::Kind::Timeout);
    QVERIFY(timedOut->error().plainMessage().contains(QLatin1String("in time")));
}

void tst_S3Client::cancel()
{
    S3Client *c = client();
    const QByteArray content = pattern(20 * 1024 * 1024, 5);
    S3Reply *put = c->putData(QStringLiteral("cancel.bin"), content);
    // Cancelled while hashing: nothing sent.
    put->abort();
    QVERIFY(put->isFinished());
    QCOMPARE(put->error().kind, S3Error::Kind::Cancelled);

    S3Reply *put2 = c->putData(QStringLiteral("cancel.bin"), content);
    QVERIFY(waitFor(put2));
    QVERIFY(put2->ok());

    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    S3Reply *get = c->getObject(QStringLiteral("cancel.bin"), &sink);
    qint64 writtenAtCancel = -1;
    connect(get, &S3Reply::progress, get, [&, get](qint64 done, qint64) {
        if (done > 0 && writtenAtCancel < 0) {
            writtenAtCancel = sink.size();
            get->abort();
        }
    });
    QVERIFY(waitFor(get));
    QCOMPARE(get->error().kind, S3Error::Kind::Cancelled);
    QCOMPARE(get->error().plainMessage(), QStringLiteral("Cancelled."));
    // Nothing is written after the cancel, even what was already on its way.
    QVERIFY(writtenAtCancel >= 0);
    QCOMPARE(sink.size(), writtenAtCancel);
    QTest::qWait(100); // nothing to wait for: proves no late write
    QCOMPARE(sink.size(), writtenAtCancel);
}

void tst_S3Client::objectSource()
{
    S3Client *c = client();
    const QByteArray content = pattern(300000, 6);
    S3Reply *put = c->putData(QStringLiteral("train/support-bot.jsonl"), content);
    QVERIFY(waitFor(put));
    S3Reply *head = c->headObject(QStringLiteral("train/support-bot.jsonl"));
    QVERIFY(waitFor(head));

    S3ObjectSource source(c, head->object());
    QCOMPARE(source.filename(), QStringLiteral("support-bot.jsonl"));
    QCOMPARE(source.size(), content.size());
    QVERIFY(source.resumeKey().startsWith(
            QStringLiteral("s3:%1/data/train/support-bot.jsonl|").arg(m_s3.endpoint().toString())));
    QVERIFY(source.resumeKey().endsWith(head->object().etag));

    // Parts asked for out of order, several at once, come back exact.
    QMap<qint64, QByteArray> parts;
    int answers = 0;
    const qint64 part = 65536;
    for (qint64 offset : {qint64(0), part * 2, part, part * 4, part * 3}) {
        const qint64 length = std::min(part, content.size() - offset);
        source.read(
                offset, length, this, [&, offset](const QByteArray &data, const QString &error) {
                    QVERIFY2(error.isEmpty(), qPrintable(error));
                    parts.insert(offset, data);
                    ++answers;
                });
    }
    QCOMPARE(source.readsInFlight(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(answers, 5, 10000);
    QByteArray joined;
    for (const QByteArray &data : std::as_const(parts))
        joined += data;
    QVERIFY(joined == content);

    // Beyond the end: an error, not a short read.
    QString rangeError;
    source.read(content.size() - 10, 20, this,
            [&](const QByteArray &, const QString &error) { rangeError = error; });
    QTRY_VERIFY(!rangeError.isEmpty());

    // Cancelled reads never call back.
    bool called = false;
    source.read(0, 1000, this, [&](const QByteArray &, const QString &) { called = true; });
    source.cancelReads();
    QCOMPARE(source.readsInFlight(), 0);
    QTest::qWait(300); // nothing to wait for: proves no callback
    QVERIFY(!called);

    // The object replaced by a shorter one: the source refuses the wrong bytes.
    S3Reply *shrink = c->putData(QStringLiteral("train/support-bot.jsonl"), content.left(1000));
    QVERIFY(waitFor(shrink));
    QString changed;
    source.read(0, 5000, this, [&](const QByteArray &, const QString &error) { changed = error; });
    QTRY_VERIFY(!changed.isEmpty());
}

void tst_S3Client::errorXmlParsing()
{
    const S3Error error = S3Error::fromResponse(403,
            "<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The "
            "request signature we calculated does not match</Message><RequestId>R1</RequestId>"
            "</Error>");
    QCOMPARE(error.code, QStringLiteral("SignatureDoesNotMatch"));
    QCOMPARE(error.requestId, QStringLiteral("R1"));
    QVERIFY(error.plainMessage().contains(QLatin1String("secret access key")));
    QCOMPARE(S3Error::fromResponse(403, {}).code, QStringLiteral("AccessDenied"));
    QVERIFY(S3Error::fromResponse(500, "oops").plainMessage().contains(QLatin1String("500")));

    QString problem;
    parseListObjectsV2("<html>not s3</html>", &problem);
    QVERIFY(!problem.isEmpty());
    const S3Listing listing = parseListObjectsV2(
            "<ListBucketResult><Prefix>p/</Prefix><IsTruncated>true</IsTruncated>"
            "<NextContinuationToken>tok</NextContinuationToken><Contents><Key>p/a</Key>"
            "<Size>12</Size><ETag>&quot;abc&quot;</ETag><LastModified>2026-11-21T10:00:00.000Z"
            "</LastModified></Contents><CommonPrefixes><Prefix>p/q/</Prefix></CommonPrefixes>"
            "</ListBucketResult>",
            &problem);
    QVERIFY(problem.isEmpty());
    QCOMPARE(listing.prefix, QStringLiteral("p/"));
    QVERIFY(listing.truncated);
    QCOMPARE(listing.nextContinuationToken, QStringLiteral("tok"));
    QCOMPARE(listing.objects.first().etag, QStringLiteral("abc"));
    QCOMPARE(listing.objects.first().size, 12);
    QCOMPARE(listing.commonPrefixes, QStringList {QStringLiteral("p/q/")});
}

QTEST_GUILESS_MAIN(tst_S3Client)
#include "tst_s3client.moc"
