// SPDX-License-Identifier: GPL-3.0-or-later
// (c) Every kind of request fs::ApiClient sends is accepted by Prism's validating mock of the
// official OpenAPI spec: a request that breaks the spec gets 422 with the list of violations.
// Run by run-apiclient-mock.sh, which starts `prism mock` and sets FS_CONTRACT_BASE_URL.
#include "apiclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fs;

class tst_ApiClientContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void uploadFile();
    void listFiles_data();
    void listFiles();
    void retrieveFile();
    void deleteFile();
    void fileContent();

    void createUpload();
    void addUploadPart();
    void completeUpload_data();
    void completeUpload();
    void cancelUpload();

    void createJob_data();
    void createJob();
    void listJobs_data();
    void listJobs();
    void retrieveJob();
    void cancelJob();
    void pauseJob();
    void resumeJob();
    void listJobEvents_data();
    void listJobEvents();
    void listCheckpoints_data();
    void listCheckpoints();

    void listModels();
    void retrieveModel();
    void deleteModel();

    void createChatCompletion_data();
    void createChatCompletion();
    void streamChatCompletion();

    void prismRejectsABrokenRequest();

private:
    /// Waits for the reply and fails unless Prism accepted the request (no 422, no violation).
    /// With `expectParsed`, the mock's (spec-conforming) answer must also parse as success.
    void expectAccepted(ApiReply *reply, bool expectParsed = true);
    static ChatRequest chatRequest(bool allOptions);
    /// Prism skips the schema of chat requests (see spec-check.mjs): the wrapper checks the
    /// bodies written here after the run.
    static void dumpBody(const QString &name, const QJsonObject &body);

    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
};

void tst_ApiClientContract::initTestCase()
{
    const QByteArray base = qgetenv("FS_CONTRACT_BASE_URL");
    if (base.isEmpty())
        QFAIL("FS_CONTRACT_BASE_URL is not set: run this through "
              "tests/contract/run-apiclient-mock.sh");
    Connection connection;
    connection.kind = Connection::Kind::OpenAI;
    connection.name = QStringLiteral("Prism mock");
    connection.baseUrl = QUrl(QString::fromUtf8(base));
    connection.apiKey = QStringLiteral("sk-contract-mock");
    connection.organization = QStringLiteral("org-contract");
    connection.project = QStringLiteral("proj_contract");
    m_client = std::make_unique<ApiClient>(&m_nam, connection);
    RetryPolicy noRetries;
    noRetries.maxRetries = 0; // a rejected request must show as it is, once
    m_client->setRetryPolicy(noRetries);
    m_client->setTimeoutMs(60000);
}

void tst_ApiClientContract::expectAccepted(ApiReply *reply, bool expectParsed)
{
    QVERIFY(reply);
    reply->setAutoDelete(false);
    std::unique_ptr<ApiReply> owner(reply);
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &ApiReply::finished);
        QVERIFY2(finished.wait(60000), "no answer from Prism within 60 s");
    }
    const QByteArray violations = reply->rawHeader("sl-violations");
    const QString detail =
            QStringLiteral("HTTP %1, error: %2\nsl-violations: %3\nbody: %4")
                    .arg(reply->httpStatus())
                    .arg(reply->error().technicalSummary(), QString::fromUtf8(violations),
                            QString::fromUtf8(reply->body().left(2000)));
    QVERIFY2(reply->httpStatus() != 422,
            qPrintable(QStringLiteral("Prism rejected the request: ") + detail));
    QVERIFY2(reply->httpStatus() >= 200 && reply->httpStatus() < 300, qPrintable(detail));
    QVERIFY2(violations.isEmpty(), qPrintable(QStringLiteral("Prism found violations: ") + detail));
    if (expectParsed)
        QVERIFY2(reply->ok(), qPrintable(detail));
}

ChatRequest tst_ApiClientContract::chatRequest(bool allOptions)
{
    ChatRequest request;
    request.model = QStringLiteral("ft:gpt-4o-mini-2024-07-18:org:contract:AbC123");
    request.messages = {{QStringLiteral("system"), QStringLiteral("You are terse.")},
            {QStringLiteral("user"), QStringLiteral("Hello?")},
            {QStringLiteral("assistant"), QStringLiteral("Hi.")},
            {QStringLiteral("user"), QStringLiteral("Capital of France?")}};
    if (allOptions) {
        request.temperature = 0.7;
        request.topP = 0.9;
        request.maxCompletionTokens = 64;
        request.seed = 42;
    }
    return request;
}

void tst_ApiClientContract::dumpBody(const QString &name, const QJsonObject &body)
{
    const QString dir = QString::fromLocal8Bit(qgetenv("FS_CONTRACT_DUMP_DIR"));
    if (dir.isEmpty())
        return;
    QFile file(dir + QLatin1Char('/') + name + QStringLiteral(".json"));
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    file.write(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

// ---- files ----------------------------------------------------------------------------------

void tst_ApiClientContract::uploadFile()
{
    const QByteArray jsonl = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                             "{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n";
    expectAccepted(m_client->uploadFile(QStringLiteral("train set.jsonl"), jsonl));
}

void tst_ApiClientContract::listFiles_data()
{
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("limit");
    QTest::newRow("defaults") << QString() << QString() << QString() << 0;
    QTest::newRow("everything") << QStringLiteral("fine-tune") << QStringLiteral("asc")
                                << QStringLiteral("file-abc123") << 100;
    QTest::newRow("desc") << QString() << QStringLiteral("desc") << QString() << 1;
}

void tst_ApiClientContract::listFiles()
{
    QFETCH(QString, purpose);
    QFETCH(QString, order);
    QFETCH(QString, after);
    QFETCH(int, limit);
    FileListQuery query;
    query.purpose = purpose;
    query.order = order;
    query.after = after;
    query.limit = limit;
    expectAccepted(m_client->listFiles(query));
}

void tst_ApiClientContract::retrieveFile()
{
    expectAccepted(m_client->retrieveFile(QStringLiteral("file-abc123")));
}

void tst_ApiClientContract::deleteFile()
{
    expectAccepted(m_client->deleteFile(QStringLiteral("file-abc123")));
}

void tst_ApiClientContract::fileContent()
{
    expectAccepted(m_client->fileContent(QStringLiteral("file-abc123")));
}

// ---- uploads --------------------------------------------------------------------------------

void tst_ApiClientContract::createUpload()
{
    CreateUploadRequest request;
    request.filename = QStringLiteral("big.jsonl");
    request.bytes = 2147483648LL;
    expectAccepted(m_client->createUpload(request));
}

void tst_ApiClientContract::addUploadPart()
{
    expectAccepted(m_client->addUploadPart(
            QStringLiteral("upload_abc123"), QByteArray("{\"messages\":[]}\n").repeated(100)));
}

void tst_ApiClientContract::completeUpload_data()
{
    QTest::addColumn<QString>("md5");
    QTest::newRow("without md5") << QString();
    QTest::newRow("with md5") << QStringLiteral("d41d8cd98f00b204e9800998ecf8427e");
}

void tst_ApiClientContract::completeUpload()
{
    QFETCH(QString, md5);
    expectAccepted(m_client->completeUpload(QStringLiteral("upload_abc123"),
            {QStringLiteral("part_a"), QStringLiteral("part_b")}, md5));
}

void tst_ApiClientContract::cancelUpload()
{
    expectAccepted(m_client->cancelUpload(QStringLiteral("upload_abc123")));
}

// ---- jobs -----------------------------------------------------------------------------------

void tst_ApiClientContract::createJob_data()
{
    QTest::addColumn<int>("variant");
    QTest::newRow("minimal") << 0;
    QTest::newRow("supervised, every field") << 1;
    QTest::newRow("dpo with beta") << 2;
}

void tst_ApiClientContract::createJob()
{
    QFETCH(int, variant);
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4o-mini-2024-07-18");
    request.trainingFile = QStringLiteral("file-abc123");
    if (variant >= 1) {
        request.validationFile = QStringLiteral("file-def456");
        request.suffix = QStringLiteral("contract");
        request.seed = 42;
        request.hyperparameters.nEpochs = {false, 3};
        request.hyperparameters.batchSize = {false, 8};
        request.hyperparameters.learningRateMultiplier = {false, 0.5};
        request.metadata.insert(QStringLiteral("project"), QStringLiteral("contract"));
    }
    if (variant == 2) {
        request.methodType = QStringLiteral("dpo");
        request.hyperparameters.beta = {false, 0.1};
    }
    expectAccepted(m_client->createJob(request));
}

void tst_ApiClientContract::listJobs_data()
{
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("limit");
    QTest::newRow("defaults") << QString() << 0;
    QTest::newRow("paged") << QStringLiteral("ftjob-abc123") << 20;
}

void tst_ApiClientContract::listJobs()
{
    QFETCH(QString, after);
    QFETCH(int, limit);
    expectAccepted(m_client->listJobs(after, limit));
}

void tst_ApiClientContract::retrieveJob()
{
    expectAccepted(m_client->retrieveJob(QStringLiteral("ftjob-abc123")));
}

void tst_ApiClientContract::cancelJob()
{
    expectAccepted(m_client->cancelJob(QStringLiteral("ftjob-abc123")));
}

void tst_ApiClientContract::pauseJob()
{
    expectAccepted(m_client->pauseJob(QStringLiteral("ftjob-abc123")));
}

void tst_ApiClientContract::resumeJob()
{
    expectAccepted(m_client->resumeJob(QStringLiteral("ftjob-abc123")));
}

void tst_ApiClientContract::listJobEvents_data()
{
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("limit");
    QTest::newRow("newest page") << QString() << 100;
    QTest::newRow("older page") << QStringLiteral("ftevent-abc123") << 100;
    QTest::newRow("defaults") << QString() << 0;
}

void tst_ApiClientContract::listJobEvents()
{
    QFETCH(QString, after);
    QFETCH(int, limit);
    expectAccepted(m_client->listJobEvents(QStringLiteral("ftjob-abc123"), after, limit));
}

void tst_ApiClientContract::listCheckpoints_data()
{
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("limit");
    QTest::newRow("defaults") << QString() << 0;
    QTest::newRow("paged") << QStringLiteral("ftckpt_abc123") << 10;
}

void tst_ApiClientContract::listCheckpoints()
{
    QFETCH(QString, after);
    QFETCH(int, limit);
    expectAccepted(m_client->listCheckpoints(QStringLiteral("ftjob-abc123"), after, limit));
}

// ---- models ---------------------------------------------------------------------------------

void tst_ApiClientContract::listModels()
{
    expectAccepted(m_client->listModels());
}

void tst_ApiClientContract::retrieveModel()
{
    expectAccepted(m_client->retrieveModel(
            QStringLiteral("ft:gpt-4o-mini-2024-07-18:org:contract:AbC123")));
}

void tst_ApiClientContract::deleteModel()
{
    expectAccepted(
            m_client->deleteModel(QStringLiteral("ft:gpt-4o-mini-2024-07-18:org:contract:AbC123")));
}

// ---- chat -----------------------------------------------------------------------------------

void tst_ApiClientContract::createChatCompletion_data()
{
    QTest::addColumn<bool>("allOptions");
    QTest::newRow("plain") << false;
    QTest::newRow("every option") << true;
}

void tst_ApiClientContract::createChatCompletion()
{
    QFETCH(bool, allOptions);
    dumpBody(allOptions ? QStringLiteral("chat-every-option") : QStringLiteral("chat-plain"),
            chatRequest(allOptions).toJson(false));
    expectAccepted(m_client->createChatCompletion(chatRequest(allOptions)));
}

void tst_ApiClientContract::streamChatCompletion()
{
    // Prism's mock cannot produce an event stream and skips the chat request schema: the body is
    // judged by spec-check.mjs from the dump, the stream itself against the sandbox elsewhere.
    dumpBody(QStringLiteral("chat-streamed"), chatRequest(true).toJson(true));
    ChatStream *stream = m_client->streamChatCompletion(chatRequest(true));
    QVERIFY(stream);
    stream->setAutoDelete(false);
    std::unique_ptr<ChatStream> owner(stream);
    if (!stream->isFinished()) {
        QSignalSpy finished(stream, &ApiReply::finished);
        QVERIFY2(finished.wait(60000), "no answer from Prism within 60 s");
    }
    // Prism answers 500 NO_COMPLEX_OBJECT_TEXT when asked for a text/event-stream example.
    const QByteArray body = stream->body();
    QVERIFY2(stream->httpStatus() != 422, body.constData());
    QVERIFY2(stream->rawHeader("sl-violations").isEmpty(),
            stream->rawHeader("sl-violations").constData());
    if (stream->httpStatus() == 500)
        QVERIFY2(body.contains("NO_COMPLEX_OBJECT_TEXT"), body.constData());
    else
        QVERIFY2(stream->httpStatus() == 200, body.constData());
}

// ---- the check itself can fail --------------------------------------------------------------

void tst_ApiClientContract::prismRejectsABrokenRequest()
{
    // A job without a model breaks the spec: if this is not a 422, the checks above prove nothing.
    QNetworkRequest request(QUrl(QString::fromUtf8(qgetenv("FS_CONTRACT_BASE_URL"))
            + QStringLiteral("/fine_tuning/jobs")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    m_client->connection().applyAuth(request);
    std::unique_ptr<QNetworkReply> reply(
            m_nam.post(request, QByteArray("{\"training_file\":\"file-abc123\"}")));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(60000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 422);
    const QByteArray body = reply->readAll();
    QVERIFY2(body.contains("must have required property 'model'"), body.constData());
}

QTEST_GUILESS_MAIN(tst_ApiClientContract)
#include "tst_apiclientcontract.moc"
