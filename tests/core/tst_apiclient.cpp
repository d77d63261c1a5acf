// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"
#include "fakenetworkaccessmanager.h"
#include "multipart.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QMutex>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <functional>
#include <memory>

using namespace fs;
using namespace fs::test;

namespace {

const QString kKey = QStringLiteral("sk-proj-TESTKEY-0123456789abcdef");

Connection openAi()
{
    Connection connection;
    connection.kind = Connection::Kind::OpenAI;
    connection.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:1/v1"));
    connection.apiKey = kKey;
    connection.organization = QStringLiteral("org-42");
    connection.project = QStringLiteral("proj_7");
    return connection;
}

Connection azure()
{
    Connection connection;
    connection.kind = Connection::Kind::Azure;
    connection.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:1/"));
    connection.apiKey = kKey;
    connection.organization = QStringLiteral("org-ignored");
    return connection;
}

RetryPolicy fastRetries()
{
    RetryPolicy policy;
    policy.initialDelayMs = 5;
    policy.maxDelayMs = 20;
    policy.jitter = false;
    return policy;
}

QByteArray fixtureBytes(const QString &name)
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/api/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

/// Takes ownership of a reply so that the test can inspect it after finished().
std::unique_ptr<ApiReply> own(ApiReply *reply)
{
    reply->setAutoDelete(false);
    return std::unique_ptr<ApiReply>(reply);
}

bool waitFinished(ApiReply *reply, int ms = 5000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ApiReply::finished);
    return spy.wait(ms);
}

struct MultipartPart
{
    QByteArray headers;
    QByteArray content;
};

QList<MultipartPart> parseMultipart(const QByteArray &body, const QByteArray &boundary)
{
    QList<MultipartPart> parts;
    const QByteArray delimiter = "--" + boundary;
    int pos = body.indexOf(delimiter);
    while (pos >= 0) {
        const int start = pos + int(delimiter.size());
        if (body.mid(start, 2) == "--")
            break;
        const int next = body.indexOf(QByteArray("\r\n" + delimiter), start);
        if (next < 0)
            break;
        const QByteArray part = body.mid(start + 2, next - start - 2);
        const int split = part.indexOf("\r\n\r\n");
        parts.append({part.left(split), part.mid(split + 4)});
        pos = next + 2;
    }
    return parts;
}

QByteArray boundaryOf(const QByteArray &contentType)
{
    const int at = contentType.indexOf("boundary=");
    return at < 0 ? QByteArray() : contentType.mid(at + 9);
}

// Captures every log line so that tests can look for secrets in them.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "")
                + QLatin1Char(' ') + message);
    }
    if (g_previousHandler && type != QtDebugMsg && type != QtInfoMsg)
        g_previousHandler(type, context, message);
}

QByteArray sse(const QByteArray &data)
{
    return "data: " + data + "\n\n";
}

} // namespace

class tst_ApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void requests_data();
    void requests();
    void openAiHeaders();
    void azureHeadersAndPath();
    void compatibleWithoutKey();
    void listFilesQuery();
    void pathSegmentsEncoded();
    void uploadFileMultipart();
    void uploadPartMultipart();
    void completeUploadBody();
    void createJobBodyHasNoNulls();

    void successExposesBodyAndHeaders();
    void httpErrorParsed();
    void nonJsonSuccessIsProtocolError();
    void fileContentIsRaw();
    void retriesThenSucceeds();
    void retriesThenGivesUp();
    void noRetryForQuota();
    void noRetryWhenServerSaysNo();
    void retriesUnreachable();
    void retryWaitHonoursRetryAfterMs();
    void timeout();
    void timeoutRetriedThenGivesUp();
    void abortInFlight();
    void abortDuringRetryWait();
    void abortFromRetryingSignal();
    void autoDelete();
    void insecureKeyRefused();
    void loopbackHttpAllowed();

    void streamHappyPath();
    void streamSpecChunks();
    void streamErrorMidStream();
    void streamBreaksBeforeDone();
    void streamEndsCleanlyWithoutDone();
    void streamHttpErrorRetried();
    void streamGarbageIsProtocolError();

    void redactedHeaderLines();
    void keyNeverLogged();

    // Limits (ApiLimits): sizes and times, at their edges
    void limitsFromEnvironmentText();
    void jsonAnswerAtAndOverLimit();
    void errorBodyOverLimit();
    void announcedLengthOverLimit();
    void downloadHasItsOwnLimit();
    void streamTotalOverLimit();
    void streamLineOverLimit();
    void streamEventOverLimit();
    void streamForgetsWhatItHandedOver();
    void idleTimeoutSaysSo();
    void overallTimeoutEndsATrickle();
    void overallTimeoutNotRetried();

private:
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
};

void tst_ApiClient::init()
{
    m_nam = std::make_unique<FakeNetworkAccessManager>();
    m_nam->setFallback(CannedResponse::json(200, "{}"));
}

void tst_ApiClient::requests_data()
{
    using Call = std::function<ApiReply *(ApiClient &)>;
    QTest::addColumn<Call>("call");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("body");

    const QString job = QStringLiteral("/v1/fine_tuning/jobs/ftjob-abc123");
    QTest::newRow("listFiles") << Call([](ApiClient &c) { return c.listFiles(); })
                               << QByteArray("GET") << "/v1/files" << QString() << QByteArray();
    QTest::newRow("retrieveFile") << Call([](ApiClient &c) {
        return c.retrieveFile(QStringLiteral("file-1"));
    }) << QByteArray("GET") << "/v1/files/file-1"
                                  << QString() << QByteArray();
    QTest::newRow("deleteFile") << Call([](ApiClient &c) {
        return c.deleteFile(QStringLiteral("file-1"));
    }) << QByteArray("DELETE") << "/v1/files/file-1"
                                << QString() << QByteArray();
    QTest::newRow("fileContent") << Call([](ApiClient &c) {
        return c.fileContent(QStringLiteral("file-1"));
    }) << QByteArray("GET") << "/v1/files/file-1/content"
                                 << QString() << QByteArray();
    CreateUploadRequest upload;
    upload.filename = QStringLiteral("big.jsonl");
    upload.bytes = 123;
    QTest::newRow("createUpload")
            << Call([upload](ApiClient &c) { return c.createUpload(upload); }) << QByteArray("POST")
            << "/v1/uploads" << QString()
            << QByteArray(
                       R"({"bytes":123,"filename":"big.jsonl","mime_type":"text/jsonl","purpose":"fine-tune"})");
    QTest::newRow("cancelUpload") << Call([](ApiClient &c) {
        return c.cancelUpload(QStringLiteral("upload_1"));
    }) << QByteArray("POST") << "/v1/uploads/upload_1/cancel"
                                  << QString() << QByteArray();
    QTest::newRow("listJobs") << Call([](ApiClient &c) { return c.listJobs(); })
                              << QByteArray("GET") << "/v1/fine_tuning/jobs" << QString()
                              << QByteArray();
    QTest::newRow("listJobs paged")
            << Call([](ApiClient &c) { return c.listJobs(QStringLiteral("ftjob-9"), 50); })
            << QByteArray("GET") << "/v1/fine_tuning/jobs"
            << "after=ftjob-9&limit=50" << QByteArray();
    QTest::newRow("retrieveJob") << Call(
            [](ApiClient &c) { return c.retrieveJob(QStringLiteral("ftjob-abc123")); })
                                 << QByteArray("GET") << job << QString() << QByteArray();
    QTest::newRow("cancelJob") << Call([](ApiClient &c) {
        return c.cancelJob(QStringLiteral("ftjob-abc123"));
    }) << QByteArray("POST") << job + QStringLiteral("/cancel")
                               << QString() << QByteArray();
    QTest::newRow("pauseJob") << Call([](ApiClient &c) {
        return c.pauseJob(QStringLiteral("ftjob-abc123"));
    }) << QByteArray("POST") << job + QStringLiteral("/pause")
                              << QString() << QByteArray();
    QTest::newRow("resumeJob") << Call([](ApiClient &c) {
        return c.resumeJob(QStringLiteral("ftjob-abc123"));
    }) << QByteArray("POST") << job + QStringLiteral("/resume")
                               << QString() << QByteArray();
    QTest::newRow("events") << Call([](ApiClient &c) {
        return c.listJobEvents(QStringLiteral("ftjob-abc123"));
    }) << QByteArray("GET") << job + QStringLiteral("/events")
                            << QString() << QByteArray();
    QTest::newRow("events after") << Call([](ApiClient &c) {
        return c.listJobEvents(QStringLiteral("ftjob-abc123"), QStringLiteral("ftevent-5"), 100);
    }) << QByteArray("GET") << job + QStringLiteral("/events")
                                  << "after=ftevent-5&limit=100" << QByteArray();
    QTest::newRow("checkpoints") << Call([](ApiClient &c) {
        return c.listCheckpoints(QStringLiteral("ftjob-abc123"), {}, 10);
    }) << QByteArray("GET") << job + QStringLiteral("/checkpoints")
                                 << "limit=10" << QByteArray();
    QTest::newRow("listModels") << Call([](ApiClient &c) { return c.listModels(); })
                                << QByteArray("GET") << "/v1/models" << QString() << QByteArray();
    QTest::newRow("retrieveModel")
            << Call([](ApiClient &c) { return c.retrieveModel(QStringLiteral("gpt-4.1")); })
            << QByteArray("GET") << "/v1/models/gpt-4.1" << QString() << QByteArray();
    QTest::newRow("deleteModel") << Call([](ApiClient &c) {
        return c.deleteModel(QStringLiteral("ft:gpt-4o-mini:org::abc"));
    }) << QByteArray("DELETE") << "/v1/models/ft:gpt-4o-mini:org::abc"
                                 << QString() << QByteArray();
    ChatRequest chat;
    chat.model = QStringLiteral("gpt-4.1-mini");
    chat.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
    QTest::newRow("chat")
            << Call([chat](ApiClient &c) { return c.createChatCompletion(chat); })
            << QByteArray("POST") << "/v1/chat/completions" << QString()
            << QByteArray(
                       R"({"messages":[{"content":"Hi","role":"user"}],"model":"gpt-4.1-mini"})");
}

void tst_ApiClient::requests()
{
    using Call = std::function<ApiReply *(ApiClient &)>;
    QFETCH(Call, call);
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QByteArray, body);
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(call(client));
    QVERIFY(waitFinished(reply.get()));
    QVERIFY2(reply->ok(), qPrintable(reply->error().technicalSummary()));
    QCOMPARE(m_nam->requestCount(), 1);
    const RecordedRequest request = m_nam->lastRequest();
    QCOMPARE(request.verb, verb);
    QCOMPARE(request.path(), path);
    QCOMPARE(request.query(), query);
    QCOMPARE(request.body, body);
    QCOMPARE(request.url.scheme(), QStringLiteral("https"));
    QCOMPARE(request.header("Content-Type"),
            body.isEmpty() ? QByteArray() : QByteArray("application/json"));
    QCOMPARE(request.header("User-Agent"), QByteArray("FinetuneStudio/" FS_VERSION));
    QCOMPARE(request.header("x-stainless-retry-count"), QByteArray("0"));
}

void tst_ApiClient::openAiHeaders()
{
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(client.listModels());
    QVERIFY(waitFinished(reply.get()));
    const RecordedRequest request = m_nam->lastRequest();
    QCOMPARE(request.header("Authorization"), "Bearer " + kKey.toUtf8());
    QCOMPARE(request.header("OpenAI-Organization"), QByteArray("org-42"));
    QCOMPARE(request.header("OpenAI-Project"), QByteArray("proj_7"));
    QVERIFY(!request.hasHeader("api-key"));
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
}

void tst_ApiClient::azureHeadersAndPath()
{
    ApiClient client(m_nam.get(), azure());
    auto reply = own(client.listJobs());
    QVERIFY(waitFinished(reply.get()));
    const RecordedRequest request = m_nam->lastRequest();
    QCOMPARE(request.path(), QStringLiteral("/openai/v1/fine_tuning/jobs"));
    QCOMPARE(request.header("api-key"), kKey.toUtf8());
    QVERIFY(!request.hasHeader("Authorization"));
    QVERIFY(!request.hasHeader("OpenAI-Organization"));
}

void tst_ApiClient::compatibleWithoutKey()
{
    Connection connection;
    connection.kind = Connection::Kind::Compatible;
    connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1/"));
    connection.organization = QStringLiteral("org-ignored");
    ApiClient client(m_nam.get(), connection);
    auto reply = own(client.listModels());
    QVERIFY(waitFinished(reply.get()));
    const RecordedRequest request = m_nam->lastRequest();
    QCOMPARE(request.url.toString(), QStringLiteral("http://127.0.0.1:8000/v1/models"));
    QVERIFY(!request.hasHeader("Authorization"));
    QVERIFY(!request.hasHeader("OpenAI-Organization"));
}

void tst_ApiClient::listFilesQuery()
{
    ApiClient client(m_nam.get(), openAi());
    FileListQuery query;
    query.purpose = QStringLiteral("fine-tune");
    query.order = QStringLiteral("asc");
    query.after = QStringLiteral("file-abc");
    query.limit = 100;
    auto reply = own(client.listFiles(query));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(m_nam->lastRequest().query(),
            QStringLiteral("purpose=fine-tune&order=asc&after=file-abc&limit=100"));
    FileListQuery onlyLimit;
    onlyLimit.limit = 5;
    auto second = own(client.listFiles(onlyLimit));
    QVERIFY(waitFinished(second.get()));
    QCOMPARE(m_nam->lastRequest().query(), QStringLiteral("limit=5"));
}

void tst_ApiClient::pathSegmentsEncoded()
{
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(client.retrieveModel(QStringLiteral("meta-llama/Llama 3?x")));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(m_nam->lastRequest().path(), QStringLiteral("/v1/models/meta-llama%2FLlama%203%3Fx"));
    QVERIFY(m_nam->lastRequest().query().isEmpty());
}

void tst_ApiClient::uploadFileMultipart()
{
    ApiClient client(m_nam.get(), openAi());
    const QByteArray content = "{\"messages\":[]}\n{\"messages\":[]}\n";
    auto reply = own(client.uploadFile(QStringLiteral("train \"v2\".jsonl"), content));
    QVERIFY(waitFinished(reply.get()));
    const RecordedRequest request = m_nam->lastRequest();
    QCOMPARE(request.verb, QByteArray("POST"));
    QCOMPARE(request.path(), QStringLiteral("/v1/files"));
    const QByteArray contentType = request.header("Content-Type");
    QVERIFY(contentType.startsWith("multipart/form-data; boundary="));
    const QByteArray boundary = boundaryOf(contentType);
    QVERIFY(boundary.size() >= 20);
    QVERIFY(request.body.endsWith(QByteArray("--" + boundary + "--\r\n")));
    const QList<MultipartPart> parts = parseMultipart(request.body, boundary);
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0).headers, QByteArray("Content-Disposition: form-data; name=\"purpose\""));
    QCOMPARE(parts.at(0).content, QByteArray("fine-tune"));
    QCOMPARE(parts.at(1).headers,
            QByteArray("Content-Disposition: form-data; name=\"file\"; filename=\"train "
                       "%22v2%22.jsonl\"\r\n"
                       "Content-Type: application/jsonl"));
    QCOMPARE(parts.at(1).content, content);

    // a different purpose, and a fresh boundary per request
    auto other = own(client.uploadFile(QStringLiteral("a.png"), "PNG", QStringLiteral("vision")));
    QVERIFY(waitFinished(other.get()));
    const QByteArray otherBoundary = boundaryOf(m_nam->lastRequest().header("Content-Type"));
    QVERIFY(otherBoundary != boundary);
    const QList<MultipartPart> otherParts =
            parseMultipart(m_nam->lastRequest().body, otherBoundary);
    QCOMPARE(otherParts.at(0).content, QByteArray("vision"));
    QVERIFY(otherParts.at(1).headers.endsWith("Content-Type: image/png"));
}

void tst_ApiClient::uploadPartMultipart()
{
    ApiClient client(m_nam.get(), openAi());
    QByteArray data(70000, '\0');
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i % 251); // binary, including CR/LF and NUL bytes
    auto reply = own(client.addUploadPart(QStringLiteral("upload_abc"), data));
    QVERIFY(waitFinished(reply.get()));
    const RecordedRequest request = m_nam->lastRequest();
    QCOMPARE(request.verb, QByteArray("POST"));
    QCOMPARE(request.path(), QStringLiteral("/v1/uploads/upload_abc/parts"));
    const QList<MultipartPart> parts =
            parseMultipart(request.body, boundaryOf(request.header("Content-Type")));
    QCOMPARE(parts.size(), 1);
    QVERIFY(parts.at(0).headers.startsWith(
            "Content-Disposition: form-data; name=\"data\"; filename="));
    QCOMPARE(parts.at(0).content, data);
}

void tst_ApiClient::completeUploadBody()
{
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(client.completeUpload(QStringLiteral("upload_abc"),
            {QStringLiteral("part_1"), QStringLiteral("part_2")},
            QStringLiteral("d41d8cd98f00b204e9800998ecf8427e")));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(m_nam->lastRequest().path(), QStringLiteral("/v1/uploads/upload_abc/complete"));
    QCOMPARE(m_nam->lastRequest().body,
            QByteArray(
                    R"({"md5":"d41d8cd98f00b204e9800998ecf8427e","part_ids":["part_1","part_2"]})"));
    auto noMd5 =
            own(client.completeUpload(QStringLiteral("upload_abc"), {QStringLiteral("part_1")}));
    QVERIFY(waitFinished(noMd5.get()));
    QCOMPARE(m_nam->lastRequest().body, QByteArray(R"({"part_ids":["part_1"]})"));
}

void tst_ApiClient::createJobBodyHasNoNulls()
{
    ApiClient client(m_nam.get(), openAi());
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4.1-nano-2025-04-14");
    request.trainingFile = QStringLiteral("file-t");
    request.hyperparameters.batchSize.isAuto = false;
    request.hyperparameters.batchSize.value = 8;
    auto reply = own(client.createJob(request));
    QVERIFY(waitFinished(reply.get()));
    const RecordedRequest sent = m_nam->lastRequest();
    QCOMPARE(sent.verb, QByteArray("POST"));
    QCOMPARE(sent.path(), QStringLiteral("/v1/fine_tuning/jobs"));
    QCOMPARE(sent.body,
            QByteArray(
                    R"({"method":{"supervised":{"hyperparameters":{"batch_size":8}},"type":"supervised"},)"
                    R"("model":"gpt-4.1-nano-2025-04-14","training_file":"file-t"})"));
}

void tst_ApiClient::successExposesBodyAndHeaders()
{
    m_nam->enqueue(CannedResponse::json(200, fixtureBytes(QStringLiteral("fine_tuning_job.json")),
            {{"x-request-id", "req_ok"}, {"openai-processing-ms", "12"}}));
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(client.retrieveJob(QStringLiteral("ftjob-abc123")));
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    QVERIFY(finished.wait());
    QVERIFY(reply->ok());
    QCOMPARE(reply->httpStatus(), 200);
    QCOMPARE(reply->attempts(), 1);
    QCOMPARE(reply->rawHeader("X-Request-Id"), QByteArray("req_ok"));
    QCOMPARE(reply->requestId(), QStringLiteral("req_ok"));
    QCOMPARE(FineTuningJob::fromJson(reply->json()).id, QStringLiteral("ftjob-abc123"));
    QTest::qWait(20); // nothing to wait for: proves finished() comes once
    QCOMPARE(finished.count(), 1);
}

void tst_ApiClient::httpErrorParsed()
{
    m_nam->enqueue(CannedResponse::apiError(404, QStringLiteral("model_not_found"),
            QStringLiteral("The model does not exist"), {{"x-request-id", "req_404"}}));
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(client.retrieveModel(QStringLiteral("ft:x")));
    QVERIFY(waitFinished(reply.get()));
    QVERIFY(!reply->ok());
    const ApiError error = reply->error();
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, 404);
    QCOMPARE(error.code, QStringLiteral("model_not_found"));
    QCOMPARE(error.message, QStringLiteral("The model does not exist"));
    QCOMPARE(error.requestId, QStringLiteral("req_404"));
    QCOMPARE(reply->attempts(), 1); // 404 is not retried
    QVERIFY(reply->body().contains("model_not_found"));
}

void tst_ApiClient::nonJsonSuccessIsProtocolError()
{
    // e.g. a base URL without /v1 that lands on a web page
    CannedResponse html = CannedResponse::json(200, "<!doctype html><title>Welcome</title>");
    m_nam->enqueue(html);
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(client.listModels());
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->error().kind, ApiError::Kind::Protocol);
    QCOMPARE(reply->attempts(), 1);
}

void tst_ApiClient::fileContentIsRaw()
{
    m_nam->enqueue(CannedResponse::json(200, "c3RlcCx0cmFpbl9sb3Nz"));
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(client.fileContent(QStringLiteral("file-r")));
    QVERIFY(waitFinished(reply.get()));
    QVERIFY2(reply->ok(), qPrintable(reply->error().technicalSummary()));
    QCOMPARE(reply->body(), QByteArray("c3RlcCx0cmFpbl9sb3Nz"));
}

void tst_ApiClient::retriesThenSucceeds()
{
    m_nam->enqueue(CannedResponse::apiError(503, {}, QStringLiteral("overloaded")));
    m_nam->enqueue(CannedResponse::apiError(429, QStringLiteral("rate_limit_exceeded"),
            QStringLiteral("slow down"), {{"retry-after-ms", "15"}}));
    m_nam->enqueue(CannedResponse::json(200, fixtureBytes(QStringLiteral("model.json"))));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    auto reply = own(client.retrieveModel(QStringLiteral("gpt")));
    QSignalSpy retrying(reply.get(), &ApiReply::retrying);
    QVERIFY(waitFinished(reply.get()));
    QVERIFY2(reply->ok(), qPrintable(reply->error().technicalSummary()));
    QCOMPARE(reply->attempts(), 3);
    QCOMPARE(m_nam->requestCount(), 3);
    QCOMPARE(retrying.count(), 2);
    QCOMPARE(retrying.at(0).at(0).toInt(), 2); // next attempt number
    QCOMPARE(retrying.at(0).at(1).toInt(), 5); // backoff
    QCOMPARE(retrying.at(0).at(2).value<ApiError>().httpStatus, 503);
    QCOMPARE(retrying.at(1).at(0).toInt(), 3);
    QCOMPARE(retrying.at(1).at(1).toInt(), 15); // retry-after-ms
    const QList<RecordedRequest> requests = m_nam->requests();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(requests.at(i).header("x-stainless-retry-count"), QByteArray::number(i));
        QCOMPARE(requests.at(i).path(), QStringLiteral("/v1/models/gpt"));
        QCOMPARE(requests.at(i).header("Authorization"), "Bearer " + kKey.toUtf8());
    }
    QCOMPARE(ModelObject::fromJson(reply->json()).ownedBy, QStringLiteral("openai"));
}

void tst_ApiClient::retriesThenGivesUp()
{
    for (int i = 0; i < 5; ++i)
        m_nam->enqueue(CannedResponse::apiError(500, {}, QStringLiteral("boom %1").arg(i)));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    CreateJobRequest job;
    job.model = QStringLiteral("m");
    job.trainingFile = QStringLiteral("f");
    auto reply = own(client.createJob(job));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->attempts(), 3); // 1 + at most 2 retries
    QCOMPARE(m_nam->requestCount(), 3);
    QCOMPARE(reply->error().kind, ApiError::Kind::Http);
    QCOMPARE(reply->error().httpStatus, 500);
    QCOMPARE(reply->error().message, QStringLiteral("boom 2")); // the last answer
    // the retried POST carried the same body every time
    QCOMPARE(m_nam->requests().at(2).body, m_nam->requests().at(0).body);
}

void tst_ApiClient::noRetryForQuota()
{
    m_nam->enqueue(CannedResponse::apiError(429, QStringLiteral("insufficient_quota"),
            QStringLiteral("You exceeded your current quota"), {{"retry-after", "1"}}));
    m_nam->enqueue(CannedResponse::apiError(429, QStringLiteral("daily_rate_limit_exceeded"),
            QStringLiteral("maximum of 3 fine-tuning requests per day")));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    auto quota = own(client.listJobs());
    QVERIFY(waitFinished(quota.get()));
    QCOMPARE(quota->attempts(), 1);
    QCOMPARE(quota->error().code, QStringLiteral("insufficient_quota"));
    auto daily = own(client.listJobs());
    QVERIFY(waitFinished(daily.get()));
    QCOMPARE(daily->attempts(), 1);
    QCOMPARE(daily->error().code, QStringLiteral("daily_rate_limit_exceeded"));
    QCOMPARE(m_nam->requestCount(), 2);
}

void tst_ApiClient::noRetryWhenServerSaysNo()
{
    m_nam->enqueue(
            CannedResponse::apiError(503, {}, QStringLiteral("no"), {{"x-should-retry", "false"}}));
    m_nam->enqueue(CannedResponse::apiError(
            400, {}, QStringLiteral("flaky"), {{"x-should-retry", "true"}}));
    m_nam->enqueue(CannedResponse::json(200, "{}"));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    auto no = own(client.listModels());
    QVERIFY(waitFinished(no.get()));
    QCOMPARE(no->attempts(), 1);
    QCOMPARE(no->error().httpStatus, 503);
    auto yes = own(client.listModels());
    QVERIFY(waitFinished(yes.get()));
    QCOMPARE(yes->attempts(), 2);
    QVERIFY(yes->ok());
}

void tst_ApiClient::retriesUnreachable()
{
    m_nam->enqueue(CannedResponse::networkError(QNetworkReply::ConnectionRefusedError));
    m_nam->enqueue(CannedResponse::networkError(QNetworkReply::HostNotFoundError));
    m_nam->enqueue(CannedResponse::networkError(QNetworkReply::RemoteHostClosedError));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    auto reply = own(client.listModels());
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->attempts(), 3);
    QCOMPARE(reply->error().kind, ApiError::Kind::Unreachable);
    QCOMPARE(reply->error().httpStatus, 0);

    m_nam->enqueue(CannedResponse::networkError(QNetworkReply::SslHandshakeFailedError));
    auto tls = own(client.listModels());
    QVERIFY(waitFinished(tls.get()));
    QCOMPARE(tls->error().kind, ApiError::Kind::Certificate);
    QCOMPARE(tls->attempts(), 1);
}

void tst_ApiClient::retryWaitHonoursRetryAfterMs()
{
    m_nam->enqueue(CannedResponse::apiError(
            429, QStringLiteral("rate_limit_exceeded"), {}, {{"retry-after-ms", "300"}}));
    m_nam->enqueue(CannedResponse::json(200, "{}"));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    QElapsedTimer timer;
    timer.start();
    auto reply = own(client.listModels());
    QVERIFY(waitFinished(reply.get()));
    QVERIFY(reply->ok());
    // coarse timers may fire 5 % early; the plain backoff here would be 5 ms
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
}

void tst_ApiClient::timeout()
{
    m_nam->enqueue(CannedResponse::hanging());
    ApiClient client(m_nam.get(), openAi());
    RetryPolicy policy = fastRetries();
    policy.maxRetries = 0;
    client.setRetryPolicy(policy);
    client.setTimeoutMs(100);
    auto reply = own(client.listModels());
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    QVERIFY(finished.wait(3000));
    QCOMPARE(reply->error().kind, ApiError::Kind::Timeout);
    QCOMPARE(m_nam->requestCount(), 1);
    QCOMPARE(m_nam->abortedCount(), 1); // the hanging request was really stopped
    QTest::qWait(50); // nothing to wait for: proves finished() comes once
    QCOMPARE(finished.count(), 1);
}

void tst_ApiClient::timeoutRetriedThenGivesUp()
{
    m_nam->setFallback(CannedResponse::hanging());
    ApiClient client(m_nam.get(), openAi());
    RetryPolicy policy = fastRetries();
    policy.maxRetries = 1;
    client.setRetryPolicy(policy);
    client.setTimeoutMs(60);
    auto reply = own(client.retrieveJob(QStringLiteral("ftjob-1")));
    QVERIFY(waitFinished(reply.get(), 3000));
    QCOMPARE(reply->error().kind, ApiError::Kind::Timeout);
    QCOMPARE(reply->attempts(), 2);
    QCOMPARE(m_nam->requestCount(), 2);
}

void tst_ApiClient::abortInFlight()
{
    m_nam->enqueue(CannedResponse::hanging());
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(client.listModels());
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    QTRY_COMPARE(m_nam->requestCount(), 1); // on its way (and hanging)
    QVERIFY(!reply->isFinished());
    reply->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error().kind, ApiError::Kind::Cancelled);
    reply->abort(); // a second abort changes nothing
    QTest::qWait(50); // nothing to wait for: proves nothing more comes
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_nam->requestCount(), 1);
    QCOMPARE(m_nam->abortedCount(), 1);
}

void tst_ApiClient::abortDuringRetryWait()
{
    m_nam->enqueue(CannedResponse::apiError(503, {}, {}, {{"retry-after", "5"}}));
    ApiClient client(m_nam.get(), openAi());
    auto reply = own(client.listModels());
    QSignalSpy retrying(reply.get(), &ApiReply::retrying);
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    QVERIFY(retrying.wait(2000));
    QCOMPARE(retrying.at(0).at(1).toInt(), 5000);
    reply->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error().kind, ApiError::Kind::Cancelled);
    QTest::qWait(50); // nothing to wait for: proves the retry is not sent
    QCOMPARE(m_nam->requestCount(), 1);
}

void tst_ApiClient::abortFromRetryingSignal()
{
    m_nam->setFallback(CannedResponse::apiError(500, {}, {}));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    auto reply = own(client.listModels());
    ApiReply *raw = reply.get();
    connect(raw, &ApiReply::retrying, raw, [raw] { raw->abort(); });
    QSignalSpy finished(raw, &ApiReply::finished);
    QVERIFY(finished.wait(2000));
    QTest::qWait(50); // nothing to wait for: proves finished() comes once
    QCOMPARE(finished.count(), 1);
    QCOMPARE(raw->error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(m_nam->requestCount(), 1);
}

void tst_ApiClient::autoDelete()
{
    ApiClient client(m_nam.get(), openAi());
    QPointer<ApiReply> reply = client.listModels();
    QSignalSpy finished(reply.data(), &ApiReply::finished);
    QVERIFY(finished.wait());
    QTRY_VERIFY(reply.isNull());

    QPointer<ApiReply> kept = client.listModels();
    kept->setAutoDelete(false);
    QVERIFY(waitFinished(kept.data()));
    QTest::qWait(20); // nothing to wait for: proves it is not deleted
    QVERIFY(!kept.isNull());
    delete kept.data();
}

void tst_ApiClient::insecureKeyRefused()
{
    Connection connection = openAi();
    connection.baseUrl = QUrl(QStringLiteral("http://192.0.2.1/v1")); // TEST-NET, never contacted
    ApiClient client(m_nam.get(), connection);
    auto reply = own(client.listModels());
    QVERIFY(!reply->isFinished()); // finished() comes from the event loop, never synchronously
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->error().kind, ApiError::Kind::Certificate);
    QCOMPARE(reply->error().code, QStringLiteral("insecure_connection"));
    QCOMPARE(m_nam->requestCount(), 0);
}

void tst_ApiClient::loopbackHttpAllowed()
{
    Connection connection = openAi();
    connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:4010/v1"));
    ApiClient client(m_nam.get(), connection);
    auto reply = own(client.listModels());
    QVERIFY(waitFinished(reply.get()));
    QVERIFY(reply->ok());
    QCOMPARE(m_nam->lastRequest().header("Authorization"), "Bearer " + kKey.toUtf8());
}

void tst_ApiClient::streamHappyPath()
{
    const QByteArray stream =
            sse(R"({"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null})")
            + ": keep-alive\n\n"
            + sse(R"({"id":"c","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}],"usage":null})")
            + sse(R"({"id":"c","choices":[{"index":0,"delta":{"content":"lo \u00e9"},"finish_reason":null}],"usage":null})")
            + sse(R"({"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null})")
            + sse(R"({"id":"c","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}})")
            + sse("[DONE]");
    // deliver in awkward pieces, CRLF line endings
    QByteArray crlf = stream;
    crlf.replace("\n", "\r\n");
    QList<QByteArray> chunks;
    for (int i = 0; i < crlf.size(); i += 13)
        chunks.append(crlf.mid(i, 13));
    m_nam->enqueue(CannedResponse::stream(chunks, {{"x-request-id", "req_s"}}));

    ApiClient client(m_nam.get(), openAi());
    ChatRequest request;
    request.model = QStringLiteral("ft:gpt-4.1-nano:org::x");
    request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
    ChatStream *raw = client.streamChatCompletion(request);
    raw->setAutoDelete(false);
    raw->setKeepContent(true);
    std::unique_ptr<ChatStream> stream_(raw);
    QSignalSpy deltas(raw, &ChatStream::delta);
    QSignalSpy usage(raw, &ChatStream::usageReceived);
    QSignalSpy finished(raw, &ApiReply::finished);
    QVERIFY(finished.wait());
    QVERIFY2(raw->ok(), qPrintable(raw->error().technicalSummary()));
    QCOMPARE(raw->content(), QString::fromUtf8("Hello \xC3\xA9"));
    QCOMPARE(deltas.count(), 2);
    QCOMPARE(deltas.at(0).at(0).toString(), QStringLiteral("Hel"));
    QCOMPARE(raw->finishReason(), QStringLiteral("stop"));
    QCOMPARE(usage.count(), 1);
    QVERIFY(raw->finalUsage().has_value());
    QCOMPARE(raw->finalUsage()->totalTokens, 12);
    QCOMPARE(raw->requestId(), QStringLiteral("req_s"));
    QCOMPARE(finished.count(), 1);

    const RecordedRequest sent = m_nam->lastRequest();
    QCOMPARE(sent.path(), QStringLiteral("/v1/chat/completions"));
    QCOMPARE(sent.header("Accept"), QByteArray("text/event-stream"));
    QCOMPARE(sent.json().value(QLatin1String("stream")), QJsonValue(true));
    QCOMPARE(sent.json().value(QLatin1String("stream_options")).toObject(),
            (QJsonObject {{QLatin1String("include_usage"), true}}));
}

void tst_ApiClient::streamSpecChunks()
{
    // The spec's own example chunks, then the usage chunk and [DONE].
    const QJsonArray specChunks =
            QJsonDocument::fromJson(fixtureBytes(QStringLiteral("chat_completion_chunks.json")))
                    .array();
    QList<QByteArray> chunks;
    for (const QJsonValue &chunk : specChunks)
        chunks.append(sse(QJsonDocument(chunk.toObject()).toJson(QJsonDocument::Compact)));
    chunks.append(sse(
            R"({"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}})"));
    chunks.append("data: [DONE]\n\n");
    m_nam->enqueue(CannedResponse::stream(chunks));
    ApiClient client(m_nam.get(), openAi());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    raw->setKeepContent(true);
    std::unique_ptr<ChatStream> owner(raw);
    QVERIFY(waitFinished(raw));
    QVERIFY2(raw->ok(), qPrintable(raw->error().technicalSummary()));
    QCOMPARE(raw->content(), QStringLiteral("Hello"));
    QCOMPARE(raw->finishReason(), QStringLiteral("stop"));
    QCOMPARE(raw->finalUsage()->totalTokens, 2);
}

void tst_ApiClient::streamErrorMidStream()
{
    m_nam->enqueue(CannedResponse::stream(
            {sse(R"({"id":"c","choices":[{"index":0,"delta":{"content":"Par"}}]})"),
                    sse(R"({"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":"server_error"}})"),
                    sse(R"({"id":"c","choices":[{"index":0,"delta":{"content":"never"}}]})"),
                    sse("[DONE]")}));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    raw->setKeepContent(true);
    std::unique_ptr<ChatStream> owner(raw);
    QSignalSpy finished(raw, &ApiReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(raw->error().kind, ApiError::Kind::Stream);
    QCOMPARE(raw->error().code, QStringLiteral("server_error"));
    QVERIFY(raw->error().message.contains(QLatin1String("processing your request")));
    QCOMPARE(raw->content(), QStringLiteral("Par"));
    QTest::qWait(50); // nothing to wait for: proves finished() comes once
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_nam->requestCount(), 1);
}

void tst_ApiClient::streamBreaksBeforeDone()
{
    CannedResponse broken = CannedResponse::stream(
            {sse(R"({"id":"c","choices":[{"index":0,"delta":{"content":"Half"}}]})"),
                    "data: {\"id\":"});
    broken.error = QNetworkReply::RemoteHostClosedError;
    m_nam->enqueue(broken);
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    raw->setKeepContent(true);
    std::unique_ptr<ChatStream> owner(raw);
    QVERIFY(waitFinished(raw));
    QVERIFY(!raw->ok());
    QVERIFY(raw->error().kind == ApiError::Kind::Unreachable
            || raw->error().kind == ApiError::Kind::Protocol);
    QCOMPARE(raw->content(), QStringLiteral("Half"));
    QVERIFY(!raw->finalUsage().has_value());
    QCOMPARE(m_nam->requestCount(), 1); // text already shown: not repeated by a retry
}

void tst_ApiClient::streamEndsCleanlyWithoutDone()
{
    m_nam->enqueue(CannedResponse::stream(
            {sse(R"({"id":"c","choices":[{"index":0,"delta":{"content":"Half"}}]})")}));
    ApiClient client(m_nam.get(), openAi());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    raw->setKeepContent(true);
    std::unique_ptr<ChatStream> owner(raw);
    QVERIFY(waitFinished(raw));
    QCOMPARE(raw->error().kind, ApiError::Kind::Protocol);
    QCOMPARE(raw->content(), QStringLiteral("Half"));
}

void tst_ApiClient::streamHttpErrorRetried()
{
    m_nam->enqueue(CannedResponse::apiError(429, QStringLiteral("rate_limit_exceeded"),
            QStringLiteral("slow"), {{"retry-after-ms", "5"}}));
    m_nam->enqueue(CannedResponse::stream(
            {sse(R"({"choices":[{"index":0,"delta":{"content":"ok"}}]})"), sse("[DONE]")}));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    raw->setKeepContent(true);
    std::unique_ptr<ChatStream> owner(raw);
    QVERIFY(waitFinished(raw));
    QVERIFY2(raw->ok(), qPrintable(raw->error().technicalSummary()));
    QCOMPARE(raw->attempts(), 2);
    QCOMPARE(raw->content(), QStringLiteral("ok"));

    m_nam->enqueue(CannedResponse::apiError(
            401, QStringLiteral("invalid_api_key"), QStringLiteral("bad key")));
    ChatStream *denied = client.streamChatCompletion({});
    denied->setAutoDelete(false);
    std::unique_ptr<ChatStream> deniedOwner(denied);
    QVERIFY(waitFinished(denied));
    QCOMPARE(denied->error().kind, ApiError::Kind::Http);
    QCOMPARE(denied->error().code, QStringLiteral("invalid_api_key"));
}

void tst_ApiClient::streamGarbageIsProtocolError()
{
    m_nam->enqueue(CannedResponse::stream({"data: not json\n\n", sse("[DONE]")}));
    ApiClient client(m_nam.get(), openAi());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    raw->setKeepContent(true);
    std::unique_ptr<ChatStream> owner(raw);
    QVERIFY(waitFinished(raw));
    QCOMPARE(raw->error().kind, ApiError::Kind::Protocol);
}

void tst_ApiClient::redactedHeaderLines()
{
    QCOMPARE(redactedHeaderLine("Authorization", "Bearer sk-abc"),
            QStringLiteral("Authorization: [redacted]"));
    QCOMPARE(redactedHeaderLine("authorization", "Bearer sk-abc"),
            QStringLiteral("authorization: [redacted]"));
    QCOMPARE(redactedHeaderLine("api-key", "abc123"), QStringLiteral("api-key: [redacted]"));
    QCOMPARE(redactedHeaderLine("API-Key", "abc123"), QStringLiteral("API-Key: [redacted]"));
    QCOMPARE(redactedHeaderLine("x-api-key", "abc123"), QStringLiteral("x-api-key: [redacted]"));
    QCOMPARE(redactedHeaderLine("Proxy-Authorization", "Basic x"),
            QStringLiteral("Proxy-Authorization: [redacted]"));
    QCOMPARE(redactedHeaderLine("Set-Cookie", "s=1"), QStringLiteral("Set-Cookie: [redacted]"));
    QCOMPARE(redactedHeaderLine("Content-Type", "application/json"),
            QStringLiteral("Content-Type: application/json"));
    QCOMPARE(redactedHeaderLine("x-request-id", "req_1"), QStringLiteral("x-request-id: req_1"));
    QCOMPARE(redactedHeaderLine("x-ratelimit-remaining-tokens", "999"),
            QStringLiteral("x-ratelimit-remaining-tokens: 999"));
}

void tst_ApiClient::keyNeverLogged()
{
    {
        QMutexLocker locker(&g_logMutex);
        g_log.clear();
    }
    g_previousHandler = qInstallMessageHandler(captureHandler);
    QLoggingCategory::setFilterRules(QStringLiteral("fs.api.debug=true\nfs.api.info=true"));

    // A server that echoes the key back in its error message (some compatible servers do).
    m_nam->enqueue(CannedResponse::apiError(401, QStringLiteral("invalid_api_key"),
            QStringLiteral("Incorrect API key provided: ") + kKey));
    m_nam->enqueue(CannedResponse::apiError(500, {}, {}));
    m_nam->enqueue(CannedResponse::json(200, "{}", {{"Set-Cookie", "session=" + kKey.toUtf8()}}));
    m_nam->enqueue(CannedResponse::stream(
            {sse(R"({"choices":[{"index":0,"delta":{"content":"x"}}]})"), sse("[DONE]")}));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    auto unauthorized = own(client.listModels());
    QVERIFY(waitFinished(unauthorized.get()));
    auto retried = own(client.listFiles());
    QVERIFY(waitFinished(retried.get()));
    ChatStream *stream = client.streamChatCompletion({});
    stream->setAutoDelete(false);
    std::unique_ptr<ChatStream> owner(stream);
    QVERIFY(waitFinished(stream));

    ApiClient azureClient(m_nam.get(), azure());
    azureClient.setRetryPolicy(fastRetries());
    auto azureReply = own(azureClient.uploadFile(QStringLiteral("t.jsonl"), "{}\n"));
    QVERIFY(waitFinished(azureReply.get()));

    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules(QString());

    QStringList log;
    {
        QMutexLocker locker(&g_logMutex);
        log = g_log;
    }
    QVERIFY2(log.size() > 10, "the client logged nothing; the test would prove nothing");
    const QString all = log.join(QLatin1Char('\n'));
    QVERIFY(all.contains(QLatin1String("fs.api")));
    QVERIFY(all.contains(QLatin1String("Authorization: [redacted]")));
    QVERIFY(all.contains(QLatin1String("api-key: [redacted]")));
    QVERIFY(all.contains(QLatin1String("/v1/models")));
    QVERIFY(all.contains(QLatin1String("invalid_api_key"))); // the error itself is logged …
    QVERIFY2(!all.contains(kKey), qPrintable(all)); // … but never the key
    QVERIFY(!all.contains(kKey.left(20)));
}

QTEST_GUILESS_MAIN(tst_ApiClient)
// ---- Limits ---------------------------------------------------------------------------------

namespace {

ApiLimits smallLimits()
{
    ApiLimits limits;
    limits.maxJsonBytes = 1000;
    limits.maxDownloadBytes = 4000;
    limits.maxStreamBytes = 3000;
    limits.maxSseLineBytes = 400;
    limits.maxSseEventBytes = 800;
    return limits;
}

QByteArray jsonOfSize(int size)
{
    QByteArray body = "{\"pad\":\"";
    body.append(QByteArray(size - body.size() - 2, 'x'));
    body.append("\"}");
    Q_ASSERT(body.size() == size);
    return body;
}

QByteArray contentEvent(int contentSize)
{
    return sse(R"({"choices":[{"index":0,"delta":{"content":")" + QByteArray(contentSize, 'a')
            + R"("}}]})");
}

} // namespace

void tst_ApiClient::limitsFromEnvironmentText()
{
    const ApiLimits limits = ApiLimits::withOverrides(ApiLimits(),
            QStringLiteral("json=10, idle=200,stream-time=300,bogus=1,download=-5,sse-line=7"));
    QCOMPARE(limits.maxJsonBytes, qint64(10));
    QCOMPARE(limits.idleTimeoutMs, 200);
    QCOMPARE(limits.streamTimeoutMs, 300);
    QCOMPARE(limits.maxSseLineBytes, qint64(7));
    QCOMPARE(limits.maxDownloadBytes, ApiLimits().maxDownloadBytes); // bad values are ignored
    QVERIFY(ApiLimits().maxJsonBytes < ApiLimits().maxDownloadBytes);
    QVERIFY(ApiLimits().idleTimeoutMs < ApiLimits().jsonTimeoutMs);
}

void tst_ApiClient::jsonAnswerAtAndOverLimit()
{
    m_nam->enqueue(CannedResponse::json(200, jsonOfSize(1000)));
    m_nam->enqueue(CannedResponse::json(200, jsonOfSize(1001)));
    ApiClient client(m_nam.get(), openAi());
    client.setLimits(smallLimits());
    auto atLimit = own(client.listModels());
    QVERIFY(waitFinished(atLimit.get()));
    QVERIFY2(atLimit->ok(), qPrintable(atLimit->error().technicalSummary()));

    auto over = own(client.listModels());
    QVERIFY(waitFinished(over.get()));
    QCOMPARE(over->error().kind, ApiError::Kind::Protocol);
    QCOMPARE(over->error().code, QStringLiteral("answer_too_large"));
    QCOMPARE(over->error().limit, qint64(1000));
    QCOMPARE(over->error().plainMessage(),
            QStringLiteral("The service sent an answer larger than 1 kB — stopped reading. "
                           "Check that the address points to the right service."));
    QVERIFY(over->body().size() <= 1000);
    QCOMPARE(m_nam->requestCount(), 2); // not retried: the same answer would come again
}

void tst_ApiClient::errorBodyOverLimit()
{
    m_nam->enqueue(CannedResponse::json(500, QByteArray(5000, '<')));
    ApiClient client(m_nam.get(), openAi());
    client.setRetryPolicy(fastRetries());
    client.setLimits(smallLimits());
    auto reply = own(client.listModels());
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->error().code, QStringLiteral("answer_too_large"));
}

void tst_ApiClient::announcedLengthOverLimit()
{
    // Only the header says it: the client stops before a byte of the body.
    m_nam->enqueue(CannedResponse::json(200, "{}", {{"Content-Length", "900000000"}}));
    ApiClient client(m_nam.get(), openAi());
    client.setLimits(smallLimits());
    auto reply = own(client.retrieveJob(QStringLiteral("ftjob-1")));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->error().code, QStringLiteral("answer_too_large"));
    QCOMPARE(m_nam->abortedCount(), 1);
}

void tst_ApiClient::downloadHasItsOwnLimit()
{
    CannedResponse file;
    file.status = 200;
    file.body = QByteArray(4000, 'r');
    m_nam->enqueue(file);
    file.body = QByteArray(4001, 'r');
    m_nam->enqueue(file);
    ApiClient client(m_nam.get(), openAi());
    client.setLimits(smallLimits());
    auto within = own(client.fileContent(QStringLiteral("file-1")));
    QVERIFY(waitFinished(within.get()));
    QVERIFY2(within->ok(), qPrintable(within->error().technicalSummary()));
    QCOMPARE(within->body().size(), 4000); // four times the JSON limit: downloads are larger

    auto over = own(client.fileContent(QStringLiteral("file-1")));
    QVERIFY(waitFinished(over.get()));
    QCOMPARE(over->error().code, QStringLiteral("answer_too_large"));
    QCOMPARE(over->error().limit, qint64(4000));
}

void tst_ApiClient::streamTotalOverLimit()
{
    // Each event is within the event limit, together they pass the stream's limit of 3000.
    QList<QByteArray> chunks;
    for (int i = 0; i < 20; ++i)
        chunks.append(contentEvent(200));
    chunks.append(sse("[DONE]"));
    m_nam->enqueue(CannedResponse::stream(chunks));
    ApiClient client(m_nam.get(), openAi());
    client.setLimits(smallLimits());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    std::unique_ptr<ChatStream> owner(raw);
    QSignalSpy deltas(raw, &ChatStream::delta);
    QVERIFY(waitFinished(raw));
    QCOMPARE(raw->error().code, QStringLiteral("stream_too_large"));
    QCOMPARE(raw->error().plainMessage(),
            QStringLiteral("The service sent a streamed answer larger than 3 kB — stopped "
                           "reading."));
    QVERIFY(deltas.count() > 5); // what came within the limit was handed over
    QVERIFY(deltas.count() < 20);
    QCOMPARE(m_nam->abortedCount(), 1);
}

void tst_ApiClient::streamLineOverLimit()
{
    // A line at the limit passes; one byte more (no newline ever) ends the stream.
    const QByteArray atLimit = "data: " + QByteArray(400 - 6, 'z');
    QCOMPARE(atLimit.size(), 400);
    m_nam->enqueue(CannedResponse::stream({": " + QByteArray(398, 'c') + "\n", contentEvent(10),
            atLimit + "z", QByteArray(100, 'z'), sse("[DONE]")}));
    ApiClient client(m_nam.get(), openAi());
    client.setLimits(smallLimits());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    std::unique_ptr<ChatStream> owner(raw);
    QSignalSpy deltas(raw, &ChatStream::delta);
    QVERIFY(waitFinished(raw));
    QCOMPARE(raw->error().code, QStringLiteral("stream_line_too_long"));
    QCOMPARE(deltas.count(), 1);
    QVERIFY(raw->error().plainMessage().contains(QLatin1String("longer than 400 bytes")));
}

void tst_ApiClient::streamEventOverLimit()
{
    // Many short data lines of one event: each line is fine, the event is not.
    QByteArray event;
    for (int i = 0; i < 10; ++i)
        event += "data: " + QByteArray(99, 'e') + "\n";
    m_nam->enqueue(CannedResponse::stream({event, "\n", sse("[DONE]")}));
    ApiClient client(m_nam.get(), openAi());
    client.setLimits(smallLimits());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    std::unique_ptr<ChatStream> owner(raw);
    QVERIFY(waitFinished(raw));
    QCOMPARE(raw->error().code, QStringLiteral("stream_event_too_large"));
    QCOMPARE(raw->error().limit, qint64(800));
}

void tst_ApiClient::streamForgetsWhatItHandedOver()
{
    m_nam->enqueue(CannedResponse::stream(
            {contentEvent(50), contentEvent(50), contentEvent(50), sse("[DONE]")}));
    ApiClient client(m_nam.get(), openAi());
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    std::unique_ptr<ChatStream> owner(raw);
    QSignalSpy deltas(raw, &ChatStream::delta);
    QVERIFY(waitFinished(raw));
    QVERIFY(raw->ok());
    QCOMPARE(deltas.count(), 3);
    QVERIFY(raw->content().isEmpty()); // handed over and forgotten
    QVERIFY(raw->body().isEmpty());
}

void tst_ApiClient::idleTimeoutSaysSo()
{
    m_nam->enqueue(CannedResponse::hanging());
    ApiClient client(m_nam.get(), openAi());
    RetryPolicy policy = fastRetries();
    policy.maxRetries = 0;
    client.setRetryPolicy(policy);
    client.setTimeoutMs(150);
    auto reply = own(client.listModels());
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->error().kind, ApiError::Kind::Timeout);
    QCOMPARE(reply->error().code, QStringLiteral("idle_timeout"));
    QCOMPARE(reply->error().plainMessage(),
            QStringLiteral("The service sent nothing for 1 second — stopped waiting. Try again "
                           "in a moment."));
}

void tst_ApiClient::overallTimeoutEndsATrickle()
{
    // A byte every 10 ms never trips the idle limit; the overall limit of a stream ends it.
    QList<QByteArray> trickle;
    for (int i = 0; i < 100000; ++i)
        trickle.append(":");
    CannedResponse response = CannedResponse::stream(trickle);
    response.chunkIntervalMs = 10;
    m_nam->enqueue(response);
    ApiClient client(m_nam.get(), openAi());
    ApiLimits limits;
    limits.idleTimeoutMs = 2000;
    limits.streamTimeoutMs = 300;
    client.setLimits(limits);
    ChatStream *raw = client.streamChatCompletion({});
    raw->setAutoDelete(false);
    std::unique_ptr<ChatStream> owner(raw);
    QVERIFY(waitFinished(raw, 20000));
    QCOMPARE(raw->error().kind, ApiError::Kind::Timeout);
    QCOMPARE(raw->error().code, QStringLiteral("overall_timeout"));
    QCOMPARE(raw->error().limit, qint64(300));
    QCOMPARE(m_nam->abortedCount(), 1);
}

void tst_ApiClient::overallTimeoutNotRetried()
{
    // Idle timeouts are retried, but never past the call's overall limit.
    m_nam->setFallback(CannedResponse::hanging());
    ApiClient client(m_nam.get(), openAi());
    RetryPolicy policy = fastRetries();
    policy.maxRetries = 1000;
    client.setRetryPolicy(policy);
    ApiLimits limits;
    limits.idleTimeoutMs = 50;
    limits.jsonTimeoutMs = 400;
    client.setLimits(limits);
    auto reply = own(client.retrieveJob(QStringLiteral("ftjob-1")));
    QVERIFY(waitFinished(reply.get(), 20000));
    QCOMPARE(reply->error().code, QStringLiteral("overall_timeout"));
    QVERIFY(reply->attempts() >= 2);
    QVERIFY(reply->attempts() < 1000);
}

#include "tst_apiclient.moc"
