// SPDX-License-Identifier: GPL-3.0-or-later
// The Uploader against an in-process sandbox on 127.0.0.1: both APIs, retries, resume, cancel,
// expiry, checksum and processing errors.
#include "apiclient.h"
#include "numberedexamples.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "uploader.h"
#include "uploadjournal.h"
#include "uploadsandboxfixture.h"
#include "uploadsource.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;
using fs::sandbox::SandboxOptions;
using fs::sandbox::SandboxServer;
using fs::test::numberedExamplesOfSize;

namespace {

/// Parts of 16 KiB, as the tests send them.
int partsOf(const QByteArray &data)
{
    return int((data.size() + 16 * 1024 - 1) / (16 * 1024));
}

/// A source whose first bytes read differently once `mutated` is set: the file changed.
class MutatingSource : public UploadSource
{
public:
    explicit MutatingSource(const QByteArray &data)
        : m_data(data)
    {
    }
    bool mutated = false;
    QString filename() const override { return QStringLiteral("mutating.jsonl"); }
    qint64 size() const override { return m_data.size(); }
    QString resumeKey() const override { return QStringLiteral("test:mutating"); }
    void read(qint64 offset, qint64 length, QObject *, ReadCallback done) override
    {
        QByteArray part = m_data.mid(offset, length);
        if (mutated && offset == 0)
            part[1] = 'X';
        done(part, {});
    }

private:
    QByteArray m_data;
};

/// A source that says it is large without holding the bytes (refused before any is read).
class HugeSource : public UploadSource
{
public:
    explicit HugeSource(qint64 size)
        : m_size(size)
    {
    }
    int reads = 0;
    QString filename() const override { return QStringLiteral("huge.jsonl"); }
    qint64 size() const override { return m_size; }
    QString resumeKey() const override { return QStringLiteral("test:huge"); }
    void read(qint64, qint64 length, QObject *, ReadCallback done) override
    {
        ++reads;
        done(QByteArray(int(std::min<qint64>(length, 1024)), 'x'), {});
    }

private:
    qint64 m_size;
};

} // namespace

class tst_Uploader : public QObject, public fs::test::UploadSandboxFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void smallFileGoesThroughTheFilesApi();
    void bufferSourceThroughTheFilesApi();
    void multipartArrivesByteForByte();
    void partFailingOnceIsRetried();
    void interruptedUploadResumesWithOnlyTheMissingParts();
    void cancelCleansUpTheServerSideUpload();
    void stoppedServerThenResumeAfterRestart();
    void unknownUploadStartsANewOne();
    void expiredUploadStartsANewOne();
    void checksumMismatchIsRejected();
    void processingErrorIsReported();
    void emptyFileFails();
    void localSourceKeyFollowsTheFile();
    void togetherSmallFileGoesMultipart();
    void togetherLargeFileGoesPresignedStreamedFromDisk();
    void togetherBufferSourceGoesPresigned();
    void togetherRefusesResumableParts();
    void togetherCancelWhileSending();
    void azureRefusesFilesOf512MegabytesWithItsAdvice();
    void azureUploadAsksForAzuresLongestExpiry_data();
    void azureUploadAsksForAzuresLongestExpiry();

private:
    /// A client on the sandbox's Together AI dialect (/together/v1).
    std::unique_ptr<ApiClient> togetherClient() const;
    QByteArray downloadTogether(ApiClient *client, const QString &fileId);
    UploadOptions partsOptions(qint64 partSize, int parallel) const;
    bool run(Uploader &uploader, int timeoutMs = 30000);
    QByteArray download(const QString &fileId);
    int served(const QString &pathPart, int status = 0) const;
    /// After `parts` successful parts, the next ones fail often enough to beat the retries.
    void failPartsAfter(int parts);

    std::unique_ptr<ApiClient> m_client;
    QMetaObject::Connection m_trigger;
};

void tst_Uploader::init()
{
    QString problem;
    QVERIFY2(startUploadSandbox(&problem), qPrintable(problem));
    m_client = std::make_unique<ApiClient>(m_nam.get(), sandboxConnection());
    RetryPolicy policy;
    policy.maxRetries = 2;
    policy.initialDelayMs = 20;
    policy.jitter = false;
    m_client->setRetryPolicy(policy);
}

void tst_Uploader::cleanup()
{
    disconnect(m_trigger);
    m_client.reset();
    stopUploadSandbox();
}

UploadOptions tst_Uploader::partsOptions(qint64 partSize, int parallel) const
{
    UploadOptions options;
    options.method = UploadOptions::Method::UploadsApi;
    options.partSize = partSize;
    options.parallelParts = parallel;
    options.journalDirectory = m_dir->filePath(QStringLiteral("journal"));
    options.processingPollMs = 20;
    return options;
}

bool tst_Uploader::run(Uploader &uploader, int timeoutMs)
{
    QSignalSpy finished(&uploader, &Uploader::finished);
    uploader.start();
    if (!finished.wait(timeoutMs))
        return false;
    return finished.size() == 1;
}

QByteArray tst_Uploader::download(const QString &fileId)
{
    ApiReply *reply = m_client->fileContent(fileId);
    QSignalSpy done(reply, &ApiReply::finished);
    if (!done.wait(10000) || !reply->ok())
        return "download failed";
    return reply->body();
}

int tst_Uploader::served(const QString &pathPart, int status) const
{
    return m_served->count(pathPart, status);
}

void tst_Uploader::failPartsAfter(int parts)
{
    m_trigger = connect(m_server.get(), &SandboxServer::requestServed, this,
            [this, parts](const QString &, const QString &path, int status) {
                if (path.endsWith(QLatin1String("/parts")) && status == 200
                        && served(QStringLiteral("/parts"), 200) == parts) {
                    // Three failures: the first try and both retries of the next part.
                    m_server->injectHttpError(500, 3, QStringLiteral("/parts"));
                    disconnect(m_trigger);
                }
            });
}

void tst_Uploader::smallFileGoesThroughTheFilesApi()
{
    const QByteArray data = numberedExamplesOfSize(3000);
    LocalFileSource source(writeFile(QStringLiteral("small.jsonl"), data));
    UploadOptions options;
    options.journalDirectory = m_dir->filePath(QStringLiteral("journal"));
    options.processingPollMs = 20;
    Uploader uploader(m_client.get(), &source, options);
    QList<UploadProgress::Phase> phases;
    connect(&uploader, &Uploader::progressChanged, this, [&phases](const UploadProgress &p) {
        if (phases.isEmpty() || phases.constLast() != p.phase)
            phases.append(p.phase);
    });
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Succeeded);
    QVERIFY(uploader.errorMessage().isEmpty());
    QCOMPARE(uploader.file().status, QStringLiteral("processed"));
    QCOMPARE(uploader.file().filename, QStringLiteral("small.jsonl"));
    QCOMPARE(uploader.file().bytes, data.size());
    QCOMPARE(served(QStringLiteral("/v1/files"), 200) >= 1, true);
    QCOMPARE(served(QStringLiteral("/uploads")), 0);
    QCOMPARE(uploader.progress().sentBytes, data.size());
    QCOMPARE(uploader.progress().partsTotal, 1);
    QCOMPARE(phases.constLast(), UploadProgress::Phase::Finished);
    QVERIFY(phases.contains(UploadProgress::Phase::Sending));
    QVERIFY(phases.contains(UploadProgress::Phase::Processing));
    QCOMPARE(download(uploader.file().id), data);
}

void tst_Uploader::bufferSourceThroughTheFilesApi()
{
    const QByteArray data = numberedExamplesOfSize(2000);
    BufferSource source(QStringLiteral("dataset.jsonl"), data);
    UploadOptions options;
    options.waitForProcessing = false;
    options.journalDirectory = m_dir->filePath(QStringLiteral("journal"));
    Uploader uploader(m_client.get(), &source, options);
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Succeeded);
    // Without waiting, the file is as it was created: still being processed.
    QCOMPARE(uploader.file().status, QStringLiteral("uploaded"));
    QCOMPARE(download(uploader.file().id), data);
}

void tst_Uploader::multipartArrivesByteForByte()
{
    const QByteArray data = numberedExamplesOfSize(200 * 1024 + 123);
    LocalFileSource source(writeFile(QStringLiteral("big.jsonl"), data));
    Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 3));
    qint64 lastSent = 0;
    bool monotonic = true;
    connect(&uploader, &Uploader::progressChanged, this,
            [&lastSent, &monotonic](const UploadProgress &p) {
                monotonic = monotonic && p.sentBytes >= lastSent;
                lastSent = p.sentBytes;
            });
    QVERIFY(run(uploader));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    const int parts = int((data.size() + 16 * 1024 - 1) / (16 * 1024));
    QCOMPARE(parts, 13);
    QCOMPARE(served(QStringLiteral("/parts"), 200), parts);
    QCOMPARE(served(QStringLiteral("/complete"), 200), 1);
    QCOMPARE(served(QStringLiteral("/v1/uploads"), 200), parts + 2);
    QVERIFY(monotonic);
    QCOMPARE(uploader.progress().sentBytes, data.size());
    QCOMPARE(uploader.progress().partsDone, parts);
    QCOMPARE(uploader.progress().partsTotal, parts);
    QCOMPARE(uploader.progress().partsReused, 0);
    QCOMPARE(uploader.file().status, QStringLiteral("processed"));
    QCOMPARE(download(uploader.file().id), data);
    // Done: nothing left to resume.
    QVERIFY(UploadJournal(m_dir->filePath(QStringLiteral("journal"))).entries().isEmpty());
}

void tst_Uploader::partFailingOnceIsRetried()
{
    const QByteArray data = numberedExamplesOfSize(50 * 1024);
    BufferSource source(QStringLiteral("retry.jsonl"), data);
    m_server->injectHttpError(500, 1, QStringLiteral("/parts"));
    Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 2));
    QVERIFY(run(uploader));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    QCOMPARE(served(QStringLiteral("/parts"), 500), 1);
    QCOMPARE(served(QStringLiteral("/parts"), 200), partsOf(data));
    QCOMPARE(download(uploader.file().id), data);
}

void tst_Uploader::interruptedUploadResumesWithOnlyTheMissingParts()
{
    const QByteArray data = numberedExamplesOfSize(8 * 16 * 1024 - 100);
    const QString path = writeFile(QStringLiteral("resume.jsonl"), data);
    const QString journalDir = m_dir->filePath(QStringLiteral("journal"));
    failPartsAfter(3);
    {
        LocalFileSource source(path);
        Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 1));
        QVERIFY(run(uploader));
        QCOMPARE(uploader.state(), Uploader::State::Failed);
        QVERIFY(uploader.isResumable());
        QVERIFY(!uploader.errorMessage().isEmpty());
        QCOMPARE(uploader.apiError().httpStatus, 500);
        QCOMPARE(uploader.progress().partsDone, 3);
    }
    QCOMPARE(served(QStringLiteral("/parts"), 200), 3);
    // The journal offers it for "Resume", with what was sent.
    const QList<UploadJournalEntry> pending = UploadJournal(journalDir).pendingUploads();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.at(0).sourcePath, QFileInfo(path).absoluteFilePath());
    QCOMPARE(pending.at(0).sentParts.size(), 3);
    QCOMPARE(pending.at(0).bytes, data.size());

    // A new Uploader, as after restarting the app.
    m_served->clear();
    LocalFileSource source(path);
    Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 3));
    int reusedSeen = -1;
    connect(&uploader, &Uploader::progressChanged, this,
            [&reusedSeen](const UploadProgress &p) { reusedSeen = p.partsReused; });
    QVERIFY(run(uploader));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    QCOMPARE(reusedSeen, 3);
    QCOMPARE(uploader.progress().partsReused, 3);
    QCOMPARE(served(QStringLiteral("/parts")), 5); // only the missing ones
    QCOMPARE(served(QStringLiteral("/v1/uploads"), 200), 5 + 1); // no new upload
    QCOMPARE(download(uploader.file().id), data);
    QVERIFY(UploadJournal(journalDir).entries().isEmpty());
}

void tst_Uploader::cancelCleansUpTheServerSideUpload()
{
    const QByteArray data = numberedExamplesOfSize(6 * 16 * 1024);
    LocalFileSource source(writeFile(QStringLiteral("cancel.jsonl"), data));
    m_server->injectLatency(150);
    Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 1));
    QSignalSpy finished(&uploader, &Uploader::finished);
    connect(&uploader, &Uploader::progressChanged, this, [&uploader](const UploadProgress &p) {
        if (p.partsDone == 2)
            uploader.cancel();
    });
    uploader.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(uploader.state(), Uploader::State::Cancelled);
    QVERIFY(!uploader.isResumable());
    QCOMPARE(served(QStringLiteral("/cancel"), 200), 1);
    QVERIFY(UploadJournal(m_dir->filePath(QStringLiteral("journal"))).entries().isEmpty());
    QVERIFY(served(QStringLiteral("/complete")) == 0);
    // The service's upload is cancelled: it takes no more parts.
    QString uploadId;
    for (const auto &request : m_served->all()) {
        if (request.path.endsWith(QLatin1String("/cancel")))
            uploadId = request.path.section(QLatin1Char('/'), 3, 3);
    }
    QVERIFY(uploadId.startsWith(QLatin1String("upload_")));
    m_server->clearFaults();
    ApiReply *late = m_client->addUploadPart(uploadId, "x");
    QSignalSpy lateDone(late, &ApiReply::finished);
    QVERIFY(lateDone.wait(5000));
    QCOMPARE(late->httpStatus(), 400);
    QVERIFY(late->error().message.contains(QLatin1String("cancelled")));
    QTest::qWait(200); // nothing to wait for: proves finished() comes once
    QCOMPARE(finished.size(), 1);
}

void tst_Uploader::stoppedServerThenResumeAfterRestart()
{
    // The sandbox keeps its uploads in a data folder: stopped and started again on the same
    // port, it still holds the parts that arrived, as the real service does for an hour.
    const QString dataDir = m_dir->filePath(QStringLiteral("sandbox"));
    SandboxOptions options;
    options.timeScale = 0.02;
    options.dataDir = dataDir;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->start());
    const quint16 port = m_server->port();
    m_client->setConnection(sandboxConnection());

    const QByteArray data = numberedExamplesOfSize(6 * 16 * 1024 - 10);
    LocalFileSource source(writeFile(QStringLiteral("stopped.jsonl"), data));
    Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 1));
    QSignalSpy finished(&uploader, &Uploader::finished);
    int stoppedAfter = -1;
    connect(&uploader, &Uploader::progressChanged, this, [&](const UploadProgress &p) {
        if (p.partsDone == 2 && stoppedAfter < 0) {
            stoppedAfter = p.partsDone;
            // Gone mid-upload: "the network was pulled".
            QMetaObject::invokeMethod(
                    this, [this] { m_server.reset(); }, Qt::QueuedConnection);
        }
    });
    uploader.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(stoppedAfter, 2);
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QVERIFY(uploader.isResumable());
    QCOMPARE(uploader.apiError().kind, ApiError::Kind::Unreachable);
    QVERIFY(!uploader.errorMessage().isEmpty());

    options.port = port;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->start());
    m_served = std::make_unique<fs::test::ServedRequests>(m_server.get());
    QVERIFY(run(uploader));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    QCOMPARE(uploader.progress().partsReused, 2);
    QCOMPARE(served(QStringLiteral("/parts"), 200), partsOf(data) - 2);
    QCOMPARE(download(uploader.file().id), data);
}

void tst_Uploader::unknownUploadStartsANewOne()
{
    // A journal entry naming an upload the server never heard of (404): a new one, silently.
    const QByteArray data = numberedExamplesOfSize(3 * 16 * 1024 - 10);
    BufferSource source(QStringLiteral("unknown.jsonl"), data);
    UploadJournalEntry entry;
    entry.resumeKey = source.resumeKey();
    entry.server = m_client->connection().apiBaseUrl().toString();
    entry.filename = source.filename();
    entry.bytes = data.size();
    entry.purpose = QStringLiteral("fine-tune");
    entry.uploadId = QStringLiteral("upload_neverheardof");
    entry.createdAt = QDateTime::currentSecsSinceEpoch();
    entry.expiresAt = entry.createdAt + 3600;
    entry.partSize = 16 * 1024;
    entry.sentParts.insert(0, QStringLiteral("part_x"));
    const UploadJournal journal(m_dir->filePath(QStringLiteral("journal")));
    QVERIFY(journal.save(entry));
    Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 1));
    QVERIFY(run(uploader));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    QCOMPARE(served(QStringLiteral("/parts"), 404), 1);
    QCOMPARE(served(QStringLiteral("/parts"), 200), partsOf(data));
    QCOMPARE(uploader.progress().partsReused, 0);
    QCOMPARE(download(uploader.file().id), data);
    QVERIFY(journal.entries().isEmpty());
}

void tst_Uploader::expiredUploadStartsANewOne()
{
    const QByteArray data = numberedExamplesOfSize(6 * 16 * 1024);
    BufferSource source(QStringLiteral("expire.jsonl"), data);
    failPartsAfter(2);
    Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 1));
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QVERIFY(uploader.isResumable());

    // More than an hour later on the service's clock: the upload has expired there.
    m_server->advanceClock(3700);
    m_served->clear();
    QList<int> reused;
    connect(&uploader, &Uploader::progressChanged, this,
            [&reused](const UploadProgress &p) { reused.append(p.partsReused); });
    QVERIFY(run(uploader));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    QVERIFY(reused.contains(2)); // it tried to resume…
    QCOMPARE(uploader.progress().partsReused, 0); // …then started over, and said so
    QCOMPARE(served(QStringLiteral("/parts"), 400), 1);
    QCOMPARE(served(QStringLiteral("/parts"), 200),
            int((data.size() + 16 * 1024 - 1) / (16 * 1024)));
    QCOMPARE(download(uploader.file().id), data);
}

void tst_Uploader::checksumMismatchIsRejected()
{
    const QByteArray data = numberedExamplesOfSize(5 * 16 * 1024);
    MutatingSource source(data);
    failPartsAfter(2);
    Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 1));
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QVERIFY(uploader.isResumable());

    // The content changed before the resume: the md5 of what is read now no longer matches
    // the parts the service holds.
    source.mutated = true;
    m_served->clear();
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QVERIFY(!uploader.isResumable());
    QCOMPARE(served(QStringLiteral("/complete"), 400), 1);
    QCOMPARE(uploader.apiError().param, QStringLiteral("md5"));
    QVERIFY2(uploader.errorMessage().contains(QLatin1String("changed")),
            qPrintable(uploader.errorMessage()));
    QVERIFY(uploader.file().id.isEmpty());
    QVERIFY(UploadJournal(m_dir->filePath(QStringLiteral("journal"))).entries().isEmpty());
    QTRY_COMPARE(served(QStringLiteral("/cancel"), 200), 1);
}

void tst_Uploader::processingErrorIsReported()
{
    QByteArray data = numberedExamplesOfSize(1000);
    data += "this line is not JSON\n";
    LocalFileSource source(writeFile(QStringLiteral("broken.jsonl"), data));
    UploadOptions options;
    options.processingPollMs = 20;
    options.journalDirectory = m_dir->filePath(QStringLiteral("journal"));
    Uploader uploader(m_client.get(), &source, options);
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QVERIFY(uploader.isProcessingError());
    QVERIFY(!uploader.isResumable());
    QCOMPARE(uploader.file().status, QStringLiteral("error"));
    QVERIFY(!uploader.file().id.isEmpty());
    QVERIFY2(uploader.errorMessage().contains(QLatin1String("not valid JSON")),
            qPrintable(uploader.errorMessage()));
}

void tst_Uploader::emptyFileFails()
{
    LocalFileSource source(writeFile(QStringLiteral("empty.jsonl"), QByteArray()));
    Uploader uploader(m_client.get(), &source, partsOptions(16 * 1024, 3));
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QVERIFY(!uploader.errorMessage().isEmpty());
    QVERIFY(m_served->isEmpty());
}

void tst_Uploader::localSourceKeyFollowsTheFile()
{
    const QString path = writeFile(QStringLiteral("key.jsonl"), numberedExamplesOfSize(100));
    LocalFileSource source(path);
    QVERIFY(source.isReadable());
    const QString before = source.resumeKey();
    QVERIFY(before.startsWith(QLatin1String("file:")));
    QCOMPARE(source.resumeKey(), before);
    // Edited since: other bytes, so an earlier upload of it must not be resumed.
    QVERIFY(!writeFile(QStringLiteral("key.jsonl"), numberedExamplesOfSize(300)).isEmpty());
    QVERIFY(source.resumeKey() != before);

    LocalFileSource missing(m_dir->filePath(QStringLiteral("missing.jsonl")));
    QString problem;
    QVERIFY(!missing.isReadable(&problem));
    QVERIFY(problem.contains(QLatin1String("does not exist")));
    QVERIFY(missing.resumeKey().isEmpty());

    // Reads answer through the event loop, and not at all once cancelled.
    QByteArray got;
    source.read(10, 20, this, [&got](const QByteArray &data, const QString &) { got = data; });
    QVERIFY(got.isEmpty());
    QTRY_COMPARE(got.size(), 20);
    bool called = false;
    source.read(0, 20, this, [&called](const QByteArray &, const QString &) { called = true; });
    source.cancelReads();
    QTest::qWait(200); // nothing to wait for: proves no callback
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(tst_Uploader)
#include "tst_uploader.moc"

// ---- Together AI ---------------------------------------------------------------------------

std::unique_ptr<ApiClient> tst_Uploader::togetherClient() const
{
    Connection connection;
    connection.kind = Connection::Kind::Together;
    QUrl base = m_server->baseUrl();
    base.setPath(QStringLiteral("/together/v1"));
    connection.baseUrl = base;
    connection.apiKey = QStringLiteral("tgp_v1_test");
    auto client = std::make_unique<ApiClient>(m_nam.get(), connection);
    client->setRetryPolicy(m_client->retryPolicy());
    return client;
}

QByteArray tst_Uploader::downloadTogether(ApiClient *client, const QString &fileId)
{
    ProviderClient provider(client);
    QByteArray content = "download failed";
    bool done = false;
    provider.fileContent(fileId, [&](const ProviderResult<QByteArray> &result) {
        if (result.ok())
            content = *result.value;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        return "download timed out";
    return content;
}

void tst_Uploader::togetherSmallFileGoesMultipart()
{
    const std::unique_ptr<ApiClient> client = togetherClient();
    const QByteArray data = numberedExamplesOfSize(3000);
    LocalFileSource source(writeFile(QStringLiteral("small.jsonl"), data));
    UploadOptions options;
    options.journalDirectory = m_dir->filePath(QStringLiteral("journal"));
    options.processingPollMs = 20;
    Uploader uploader(client.get(), &source, options);
    QList<UploadProgress::Phase> phases;
    connect(&uploader, &Uploader::progressChanged, this, [&phases](const UploadProgress &p) {
        if (phases.isEmpty() || phases.constLast() != p.phase)
            phases.append(p.phase);
    });
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Succeeded);
    QVERIFY2(uploader.errorMessage().isEmpty(), qPrintable(uploader.errorMessage()));
    // The documented multipart upload, not OpenAI's /files or /uploads.
    QCOMPARE(served(QStringLiteral("/together/v1/files/upload"), 200), 1);
    QCOMPARE(served(QStringLiteral("/together/_upload")), 0);
    QCOMPARE(served(QStringLiteral("/uploads")), 0);
    // Together's "Processed" is followed until it is true.
    QCOMPARE(uploader.file().status, QStringLiteral("processed"));
    QCOMPARE(uploader.file().filename, QStringLiteral("small.jsonl"));
    QCOMPARE(uploader.file().bytes, data.size());
    QVERIFY(uploader.file().id.startsWith(QLatin1String("file-")));
    QCOMPARE(uploader.progress().sentBytes, data.size());
    QVERIFY(phases.contains(UploadProgress::Phase::Sending));
    QCOMPARE(phases.constLast(), UploadProgress::Phase::Finished);
    QCOMPARE(downloadTogether(client.get(), uploader.file().id), data);
}

void tst_Uploader::togetherLargeFileGoesPresignedStreamedFromDisk()
{
    const std::unique_ptr<ApiClient> client = togetherClient();
    const QByteArray data = numberedExamplesOfSize(300 * 1024 + 77);
    LocalFileSource source(writeFile(QStringLiteral("large.jsonl"), data));
    UploadOptions options;
    options.multipartLimit = 64 * 1024; // "large" for the test
    options.processingPollMs = 20;
    Uploader uploader(client.get(), &source, options);
    QList<UploadProgress::Phase> phases;
    qint64 lastSent = 0;
    bool monotonic = true;
    connect(&uploader, &Uploader::progressChanged, this, [&](const UploadProgress &p) {
        if (phases.isEmpty() || phases.constLast() != p.phase)
            phases.append(p.phase);
        monotonic = monotonic && p.sentBytes >= lastSent;
        lastSent = p.sentBytes;
    });
    QVERIFY(run(uploader));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    // POST /files?… answered 302, then the PUT to the presigned URL, then the file itself.
    QCOMPARE(served(QStringLiteral("/together/v1/files"), 302), 1);
    QCOMPARE(served(QStringLiteral("/together/_upload/"), 200), 1);
    QCOMPARE(served(QStringLiteral("/together/v1/files/upload")), 0);
    QCOMPARE(uploader.file().filename, QStringLiteral("large.jsonl"));
    QCOMPARE(uploader.file().bytes, data.size());
    QCOMPARE(uploader.file().status, QStringLiteral("processed"));
    QCOMPARE(uploader.progress().sentBytes, data.size());
    QCOMPARE(uploader.progress().partsTotal, 1);
    QVERIFY(monotonic);
    QVERIFY(phases.contains(UploadProgress::Phase::Sending));
    QVERIFY(phases.contains(UploadProgress::Phase::Processing));
    QCOMPARE(downloadTogether(client.get(), uploader.file().id), data);
}

void tst_Uploader::togetherBufferSourceGoesPresigned()
{
    const std::unique_ptr<ApiClient> client = togetherClient();
    const QByteArray data = numberedExamplesOfSize(40 * 1024);
    BufferSource source(QStringLiteral("dataset.jsonl"), data);
    UploadOptions options;
    options.multipartLimit = 1024;
    options.waitForProcessing = false;
    Uploader uploader(client.get(), &source, options);
    QVERIFY(run(uploader));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    QCOMPARE(served(QStringLiteral("/together/_upload/"), 200), 1);
    QCOMPARE(downloadTogether(client.get(), uploader.file().id), data);
}

void tst_Uploader::togetherRefusesResumableParts()
{
    const std::unique_ptr<ApiClient> client = togetherClient();
    BufferSource source(QStringLiteral("dataset.jsonl"), numberedExamplesOfSize(2000));
    UploadOptions options = partsOptions(16 * 1024, 1);
    Uploader uploader(client.get(), &source, options);
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QCOMPARE(uploader.errorMessage(),
            QStringLiteral("Resumable uploads in parts are an OpenAI feature: Together AI takes "
                           "each file in one piece. Upload it without “resumable”."));
    QVERIFY(!uploader.isResumable());
    QCOMPARE(m_served->size(), 0);
}

void tst_Uploader::togetherCancelWhileSending()
{
    const std::unique_ptr<ApiClient> client = togetherClient();
    const QByteArray data = numberedExamplesOfSize(100 * 1024);
    LocalFileSource source(writeFile(QStringLiteral("cancel.jsonl"), data));
    UploadOptions options;
    options.multipartLimit = 1024;
    m_server->injectLatency(300);
    Uploader uploader(client.get(), &source, options);
    QSignalSpy finished(&uploader, &Uploader::finished);
    connect(&uploader, &Uploader::progressChanged, this, [&uploader](const UploadProgress &p) {
        if (p.phase == UploadProgress::Phase::Sending)
            uploader.cancel();
    });
    uploader.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(uploader.state(), Uploader::State::Cancelled);
    QVERIFY(uploader.file().id.isEmpty());
    QVERIFY(uploader.errorMessage().isEmpty());
    QCOMPARE(finished.size(), 1);
}

void tst_Uploader::azureRefusesFilesOf512MegabytesWithItsAdvice()
{
    // Azure OpenAI takes files under 512 MB in one request and has no uploads in parts: a
    // larger file is refused before anything is sent, with Microsoft's advice.
    Connection connection;
    connection.kind = Connection::Kind::Azure;
    connection.baseUrl = m_server->baseUrl();
    connection.apiKey = QStringLiteral("azure-key");
    ApiClient client(m_nam.get(), connection);
    HugeSource source(512LL * 1024 * 1024);
    Uploader uploader(&client, &source, UploadOptions());
    QVERIFY(run(uploader));
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QVERIFY2(uploader.errorMessage().contains(QStringLiteral("under 512 MB")),
            qPrintable(uploader.errorMessage()));
    QVERIFY(uploader.errorMessage().contains(QStringLiteral("Azure Blob Storage")));
    QCOMPARE(source.reads, 0);
    QCOMPARE(m_served->size(), 0);
}

void tst_Uploader::azureUploadAsksForAzuresLongestExpiry_data()
{
    QTest::addColumn<bool>("fromDisk");
    QTest::newRow("streamed from disk") << true;
    QTest::newRow("from memory") << false;
}

void tst_Uploader::azureUploadAsksForAzuresLongestExpiry()
{
    // Azure's v1 spec requires expires_after with an upload (and Azure counts files without one
    // against a quota of 500): the app asks for the longest Azure allows, 30 days, and the file
    // arrives whole.
    QFETCH(bool, fromDisk);
    Connection connection;
    connection.kind = Connection::Kind::Azure;
    connection.baseUrl = m_server->azureEndpoint();
    connection.apiKey = QStringLiteral("azure-key");
    ApiClient client(m_nam.get(), connection);
    const QByteArray data = numberedExamplesOfSize(3000);
    LocalFileSource local(writeFile(QStringLiteral("azure.jsonl"), data));
    BufferSource memory(QStringLiteral("azure.jsonl"), data);
    UploadOptions options;
    options.processingPollMs = 20;
    Uploader uploader(&client, fromDisk ? static_cast<UploadSource *>(&local) : &memory, options);
    QVERIFY(run(uploader));
    QVERIFY2(uploader.state() == Uploader::State::Succeeded, qPrintable(uploader.errorMessage()));
    const FileObject file = uploader.file();
    QVERIFY2(file.expiresAt.has_value(), "the upload carried no expires_after");
    QCOMPARE(*file.expiresAt - file.createdAt, qint64(30 * 24 * 3600));
    QCOMPARE(served(QStringLiteral("/openai/v1/files"), 200) >= 1, true);
    ApiReply *reply = client.fileContent(file.id);
    QSignalSpy done(reply, &ApiReply::finished);
    QVERIFY(done.wait(10000));
    QVERIFY(reply->ok());
    QCOMPARE(reply->body(), data);
}
