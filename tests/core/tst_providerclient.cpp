// SPDX-License-Identifier: GPL-3.0-or-later
// ProviderClient runs a dialect's calls over ApiClient: retries on 429 with retry headers, the
// presigned upload (302, PUT elsewhere without the key, then the file), refusals by value, and
// domain values out of Together's answers. No network: the fake network access manager.
#include "fakenetworkaccessmanager.h"
#include "providerclient.h"
#include "togetherdialect.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fs;
using namespace fs::test;

namespace {

const QString kKey = QStringLiteral("tgp_v1_TESTKEY-0123456789abcdef");

Connection together()
{
    Connection connection;
    connection.kind = Connection::Kind::Together;
    connection.name = QStringLiteral("Together");
    connection.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:1/v1"));
    connection.apiKey = kKey;
    return connection;
}

/// Collects the one result a ProviderClient operation delivers.
template<typename T>
struct Catch
{
    std::shared_ptr<std::optional<ProviderResult<T>>> result =
            std::make_shared<std::optional<ProviderResult<T>>>();
    ProviderClient::Done<T> done() const
    {
        auto target = result;
        return [target](const ProviderResult<T> &value) { *target = value; };
    }
    bool arrived() const { return result->has_value(); }
    const ProviderResult<T> &get() const { return **result; }
};

} // namespace

class tst_ProviderClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void connectionKind();
    void followsTheClientsConnection();
    void metricsAfterA429WithRetryAfter();
    void a429WithRetryAfterMsAndQuotaStops();
    void presignedUploadFlow();
    void presignedUploadWithoutFileIdIsASentence();
    void refusalIsDeliveredLaterWithoutARequest();
    void wrongShapeBecomesAnErrorWithASentence();
    void endpointThatFailsToStart();
    void deleteEndpointWithoutBody();

private:
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<ProviderClient> m_client;
};

void tst_ProviderClient::init()
{
    m_client.reset();
    m_api.reset();
    m_nam = std::make_unique<FakeNetworkAccessManager>();
    m_api = std::make_unique<ApiClient>(m_nam.get(), together());
    RetryPolicy policy;
    policy.jitter = false;
    policy.initialDelayMs = 5;
    m_api->setRetryPolicy(policy);
    m_client = std::make_unique<ProviderClient>(m_api.get());
}

void tst_ProviderClient::connectionKind()
{
    QCOMPARE(m_client->dialect().id(), QStringLiteral("together"));
    QCOMPARE(Connection::kindToString(Connection::Kind::Together), QStringLiteral("together"));
    bool ok = false;
    QCOMPARE(Connection::kindFromString(QStringLiteral("together"), &ok),
            Connection::Kind::Together);
    QVERIFY(ok);
    QCOMPARE(
            Connection::kindDisplayName(Connection::Kind::Together), QStringLiteral("Together AI"));
    QCOMPARE(Connection::defaultBaseUrl(Connection::Kind::Together),
            QStringLiteral("https://api.together.xyz/v1"));
    QCOMPARE(Connection::apiKeyEnvironmentVariable(Connection::Kind::Together),
            QStringLiteral("TOGETHER_API_KEY"));
    QVERIFY(together().requiresKey());
    Connection openAi;
    openAi.kind = Connection::Kind::OpenAI;
    QCOMPARE(dialectFor(openAi)->id(), QStringLiteral("openai"));
}

void tst_ProviderClient::followsTheClientsConnection()
{
    QCOMPARE(m_client->dialect().id(), QStringLiteral("together"));
    Connection openAi;
    openAi.kind = Connection::Kind::OpenAI;
    openAi.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    m_api->setConnection(openAi);
    QCOMPARE(m_client->dialect().id(), QStringLiteral("openai"));
    m_api->setConnection(together());
    QCOMPARE(m_client->dialect().id(), QStringLiteral("together"));

    // Given its own dialect, a client keeps it whatever the connection.
    ProviderClient fixed(m_api.get(), dialectFor(openAi));
    QCOMPARE(fixed.dialect().id(), QStringLiteral("openai"));
}

void tst_ProviderClient::metricsAfterA429WithRetryAfter()
{
    m_nam->enqueue(CannedResponse::json(429,
            R"({"error":{"message":"rate limited","type":"rate_limit","code":null}})",
            {{"retry-after", "1"}}));
    m_nam->enqueue(CannedResponse::json(200,
            R"({"metrics":[{"train/loss":0.5,"train/global_step":7},
                           {"train/loss":0.4,"eval/loss":0.6,"train/global_step":8}]})"));
    Catch<MetricsPage> metrics;
    ApiReply *reply = m_client->listMetrics(QStringLiteral("ft-1"), 7, metrics.done());
    QVERIFY(reply);
    QSignalSpy retrying(reply, &ApiReply::retrying);
    QTRY_VERIFY_WITH_TIMEOUT(metrics.arrived(), 10000);
    QVERIFY2(metrics.get().ok(), qPrintable(metrics.get().error.technicalSummary()));
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.at(0).at(1).toInt(), 1000); // retry-after: 1 second, as the service said
    QCOMPARE(m_nam->requestCount(), 2);
    const RecordedRequest request = m_nam->lastRequest();
    QCOMPARE(request.verb, QByteArray("GET"));
    QCOMPARE(request.path(), QStringLiteral("/v1/fine-tunes/ft-1/metrics"));
    QCOMPARE(request.query(), QStringLiteral("global_step_from=7"));
    QCOMPARE(request.json().value(QLatin1String("global_step_from")).toInt(), 7);
    QCOMPARE(request.header("Authorization"), "Bearer " + kKey.toUtf8());
    QCOMPARE(metrics.get().value->points.size(), 2);
    QCOMPARE(metrics.get().value->points.at(1).value(Metric::FullValidLoss), 0.6);
}

void tst_ProviderClient::a429WithRetryAfterMsAndQuotaStops()
{
    // retry-after-ms wins over retry-after; a quota error is never retried.
    m_nam->enqueue(CannedResponse::json(429, R"({"error":{"message":"slow down","type":"x"}})",
            {{"retry-after-ms", "30"}, {"retry-after", "100"}}));
    m_nam->enqueue(CannedResponse::json(200, R"({"id":"ft-1","status":"running"})"));
    Catch<FineTuningJob> job;
    ApiReply *reply = m_client->retrieveJob(QStringLiteral("ft-1"), job.done());
    QSignalSpy retrying(reply, &ApiReply::retrying);
    QTRY_VERIFY_WITH_TIMEOUT(job.arrived(), 10000);
    QVERIFY(job.get().ok());
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.at(0).at(1).toInt(), 30);
    QCOMPARE(job.get().value->status, FineTuningJob::Status::Running);

    m_nam->clear();
    m_nam->enqueue(CannedResponse::apiError(429, QStringLiteral("insufficient_quota"),
            QStringLiteral("no credit"), {{"retry-after", "1"}}));
    Catch<FineTuningJob> quota;
    m_client->retrieveJob(QStringLiteral("ft-1"), quota.done());
    QTRY_VERIFY(quota.arrived());
    QVERIFY(!quota.get().ok());
    QCOMPARE(quota.get().error.httpStatus, 429);
    QCOMPARE(m_nam->requestCount(), 1);
}

void tst_ProviderClient::presignedUploadFlow()
{
    const QByteArray content = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n";
    CannedResponse redirect;
    redirect.status = 302;
    redirect.headers = {{"Location", "https://storage.example/upload/abc?X-Amz-Signature=sig"},
            {"X-Together-File-Id", "file-abc"}};
    m_nam->route("POST", QStringLiteral("/v1/files"), redirect);
    CannedResponse stored;
    stored.status = 200;
    m_nam->route("PUT", QStringLiteral("/upload/abc"), stored);
    m_nam->route("GET", QStringLiteral("/v1/files/file-abc"),
            CannedResponse::json(200, R"({"id":"file-abc","object":"file","created_at":1,
                "filename":"train.jsonl","bytes":48,"purpose":"fine-tune","Processed":false,
                "FileType":"jsonl"})"));

    Catch<FileObject> file;
    m_client->uploadFilePresigned(
            QStringLiteral("train.jsonl"), content, QStringLiteral("fine-tune"), file.done());
    QTRY_VERIFY_WITH_TIMEOUT(file.arrived(), 10000);
    QVERIFY2(file.get().ok(), qPrintable(file.get().error.technicalSummary()));
    QCOMPARE(file.get().value->id, QStringLiteral("file-abc"));
    QCOMPARE(file.get().value->status, QStringLiteral("uploaded")); // not processed yet

    const QList<RecordedRequest> requests = m_nam->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).verb, QByteArray("POST"));
    QCOMPARE(requests.at(0).query(),
            QStringLiteral("file_name=train.jsonl&file_type=jsonl&purpose=fine-tune"));
    QCOMPARE(requests.at(1).verb, QByteArray("PUT"));
    QCOMPARE(requests.at(1).url.host(), QStringLiteral("storage.example"));
    QCOMPARE(requests.at(1).body, content);
    QVERIFY2(!requests.at(1).hasHeader("Authorization"), "the key must not go to the storage");
    QCOMPARE(requests.at(2).path(), QStringLiteral("/v1/files/file-abc"));
    QVERIFY(requests.at(2).hasHeader("Authorization"));
}

void tst_ProviderClient::presignedUploadWithoutFileIdIsASentence()
{
    CannedResponse redirect;
    redirect.status = 302;
    redirect.headers = {{"Location", "https://storage.example/upload/abc"}};
    m_nam->route("POST", QStringLiteral("/v1/files"), redirect);
    Catch<FileObject> file;
    m_client->uploadFilePresigned(
            QStringLiteral("train.jsonl"), "x", QStringLiteral("fine-tune"), file.done());
    QTRY_VERIFY(file.arrived());
    QVERIFY(!file.get().ok());
    QCOMPARE(file.get().error.code, QStringLiteral("unexpected_answer"));
    QCOMPARE(file.get().error.plainMessage(),
            QStringLiteral("Together AI did not say which id the uploaded file will have."));
    QCOMPARE(m_nam->requestCount(), 1); // nothing was put anywhere
}

void tst_ProviderClient::refusalIsDeliveredLaterWithoutARequest()
{
    CreateJobRequest request;
    request.model = QStringLiteral("Qwen/Qwen3-8B");
    request.trainingFile = QStringLiteral("file-t");
    request.hyperparameters.learningRateMultiplier.isAuto = false;
    request.hyperparameters.learningRateMultiplier.value = 2;
    Catch<FineTuningJob> job;
    QCOMPARE(m_client->createJob(request, job.done()), nullptr);
    QVERIFY(!job.arrived()); // never inside the call: callers connect nothing, but may rely on it
    QTRY_VERIFY(job.arrived());
    QVERIFY(!job.get().ok());
    QCOMPARE(job.get().error.kind, ApiError::Kind::Protocol);
    QCOMPARE(job.get().error.code, QStringLiteral("invalid_request"));
    QVERIFY(job.get().error.plainMessage().contains(QLatin1String("absolute learning rate")));
    QCOMPARE(m_nam->requestCount(), 0);
}

void tst_ProviderClient::wrongShapeBecomesAnErrorWithASentence()
{
    m_nam->enqueue(CannedResponse::json(200, R"({"data":{"id":"ft-1"}})"));
    Catch<Page<FineTuningJob>> jobs;
    m_client->listJobs({}, 0, jobs.done());
    QTRY_VERIFY(jobs.arrived());
    QVERIFY(!jobs.get().ok());
    QCOMPARE(jobs.get().error.httpStatus, 200);
    QVERIFY(jobs.get().error.plainMessage().startsWith(QLatin1String("Together AI sent")));
}

void tst_ProviderClient::endpointThatFailsToStart()
{
    m_nam->enqueue(CannedResponse::json(200, R"({"id":"endpoint-1","state":"PENDING"})"));
    m_nam->enqueue(CannedResponse::json(200, R"({"id":"endpoint-1","state":"STARTING"})"));
    m_nam->enqueue(CannedResponse::json(200, R"({"id":"endpoint-1","state":"ERROR"})"));
    QList<Deployment::State> seen;
    for (int i = 0; i < 3; ++i) {
        Catch<Deployment> deployment;
        m_client->retrieveDeployment(QStringLiteral("endpoint-1"), deployment.done());
        QTRY_VERIFY(deployment.arrived());
        QVERIFY(deployment.get().ok());
        seen.append(deployment.get().value->state);
    }
    QCOMPARE(seen,
            QList<Deployment::State>({Deployment::State::Pending, Deployment::State::Starting,
                    Deployment::State::Failed}));
    QCOMPARE(m_nam->lastRequest().path(), QStringLiteral("/v1/endpoints/endpoint-1"));
}

void tst_ProviderClient::deleteEndpointWithoutBody()
{
    CannedResponse noContent;
    noContent.status = 204;
    m_nam->enqueue(noContent);
    Catch<bool> deleted;
    m_client->deleteDeployment(QStringLiteral("endpoint-1"), deleted.done());
    QTRY_VERIFY(deleted.arrived());
    QVERIFY2(deleted.get().ok(), qPrintable(deleted.get().error.technicalSummary()));
    QCOMPARE(m_nam->lastRequest().verb, QByteArray("DELETE"));
}

QTEST_GUILESS_MAIN(tst_ProviderClient)
#include "tst_providerclient.moc"
