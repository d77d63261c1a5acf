// SPDX-License-Identifier: GPL-3.0-or-later
// A 100 MB object in S3-compatible storage (s3rver) sent to the fine-tuning service (the
// in-process sandbox) with S3ObjectSource + Uploader: streamed in ranged reads, never whole in
// memory, and the file on the service is the object byte for byte.
#include "../contract/s3rverprocess.h"
#include "apiclient.h"
#include "requiretool.h"
#include "s3client.h"
#include "s3objectsource.h"
#include "sandboxserver.h"
#include "uploader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace fs;

namespace {

bool waitFor(S3Reply *reply, int ms = 120000)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &S3Reply::finished);
        if (!spy.wait(ms))
            return false;
    }
    return true;
}

} // namespace

class tst_StorageSend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void send100MegabytesByteForByte();
    void missingObjectFailsInPlainWords();

private:
    test::S3rverProcess m_s3;
    QNetworkAccessManager m_nam;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<S3Client> m_client;
    std::unique_ptr<ApiClient> m_api;
    QTemporaryDir m_journal;
};

void tst_StorageSend::initTestCase()
{
    QString problem;
    const bool s3rverStarted = m_s3.start({QStringLiteral("training")}, &problem);
    FS_REQUIRE_TOOL(s3rverStarted, QStringLiteral("s3rver is needed for this test: ") + problem);
    m_sandbox = std::make_unique<sandbox::SandboxServer>();
    QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));

    S3Config config;
    config.endpoint = m_s3.endpoint();
    config.bucket = QStringLiteral("training");
    config.credentials = {
            test::S3rverProcess::accessKeyId(), test::S3rverProcess::secretAccessKey(), {}};
    m_client = std::make_unique<S3Client>(&m_nam, config);

    Connection connection;
    connection.name = QStringLiteral("sandbox");
    connection.kind = Connection::Kind::Sandbox;
    connection.baseUrl = m_sandbox->baseUrl();
    connection.apiKey = QStringLiteral("sk-sandbox");
    m_api = std::make_unique<ApiClient>(&m_nam, connection);
}

void tst_StorageSend::send100MegabytesByteForByte()
{
    // 100 MB of JSONL-looking lines, each different, written to disk and put in the bucket.
    const qint64 size = 100LL * 1024 * 1024;
    // The object lies on disk three times (this file, s3rver's copy, the sandbox's): say so
    // plainly when the disk cannot hold that, rather than fail later as "connection refused".
    const qint64 freeBytes = QStorageInfo(QDir::tempPath()).bytesAvailable();
    QVERIFY2(freeBytes > 4 * size,
            qPrintable(QStringLiteral("this test needs %1 MB free in %2; there are %3 MB")
                               .arg(4 * size / 1048576)
                               .arg(QDir::tempPath())
                               .arg(freeBytes / 1048576)));
    QTemporaryFile file;
    QVERIFY(file.open());
    QCryptographicHash sha(QCryptographicHash::Sha256);
    {
        QByteArray block;
        qint64 written = 0;
        int line = 0;
        while (written < size) {
            block.clear();
            while (block.size() < 1024 * 1024) {
                block += "{\"messages\":[{\"role\":\"user\",\"content\":\"question "
                        + QByteArray::number(line) + "\"},{\"role\":\"assistant\",\"content\":\""
                        + QByteArray::number(line * 7919LL) + "\"}]}\n";
                ++line;
            }
            block.truncate(std::min<qint64>(block.size(), size - written));
            sha.addData(block);
            QCOMPARE(file.write(block), block.size());
            written += block.size();
        }
    }
    file.flush();
    const QByteArray expectedSha = sha.result();

    S3Reply *put = m_client->putFile(QStringLiteral("datasets/big-train.jsonl"), file.fileName(),
            S3Client::PayloadSigning::Unsigned);
    QVERIFY(waitFor(put));
    QVERIFY2(put->ok(), qPrintable(put->error().technicalSummary()));
    S3Reply *head = m_client->headObject(QStringLiteral("datasets/big-train.jsonl"));
    QVERIFY(waitFor(head));
    QCOMPARE(head->object().size, size);

    S3ObjectSource source(m_client.get(), head->object());
    UploadOptions options;
    options.partSize = 16LL * 1024 * 1024;
    options.parallelParts = 3;
    options.journalDirectory = m_journal.path();
    options.waitForProcessing = false;
    Uploader uploader(m_api.get(), &source, options);
    int peakReads = 0;
    qint64 lastSent = 0;
    bool sentWentBack = false;
    connect(&uploader, &Uploader::progressChanged, this, [&](const UploadProgress &p) {
        peakReads = std::max(peakReads, source.readsInFlight());
        sentWentBack = sentWentBack || p.sentBytes < lastSent;
        lastSent = p.sentBytes;
    });
    QSignalSpy finished(&uploader, &Uploader::finished);
    uploader.start();
    QVERIFY(finished.wait(240000));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    QCOMPARE(uploader.file().bytes, size);
    QCOMPARE(uploader.file().filename, QStringLiteral("big-train.jsonl"));
    QCOMPARE(uploader.progress().partsTotal, 7);
    QCOMPARE(uploader.progress().sentBytes, size);
    QVERIFY(!sentWentBack);
    // Streamed: never more ranged reads in flight than parts sent in parallel.
    QVERIFY2(peakReads <= options.parallelParts, qPrintable(QString::number(peakReads)));

    ApiReply *content = m_api->fileContent(uploader.file().id);
    QSignalSpy contentDone(content, &ApiReply::finished);
    QVERIFY(contentDone.wait(120000));
    QCOMPARE(content->body().size(), size);
    QVERIFY(QCryptographicHash::hash(content->body(), QCryptographicHash::Sha256) == expectedSha);
}

void tst_StorageSend::missingObjectFailsInPlainWords()
{
    S3Object ghost;
    ghost.key = QStringLiteral("datasets/ghost.jsonl");
    ghost.size = 5000;
    ghost.etag = QStringLiteral("abc");
    S3ObjectSource source(m_client.get(), ghost);
    UploadOptions options;
    options.journalDirectory = m_journal.path();
    options.waitForProcessing = false;
    Uploader uploader(m_api.get(), &source, options);
    QSignalSpy finished(&uploader, &Uploader::finished);
    uploader.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QVERIFY2(uploader.errorMessage().contains(QLatin1String("ghost.jsonl")),
            qPrintable(uploader.errorMessage()));
}

QTEST_GUILESS_MAIN(tst_StorageSend)
#include "tst_storagesend.moc"
