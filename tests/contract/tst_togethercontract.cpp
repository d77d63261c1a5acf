// SPDX-License-Identifier: GPL-3.0-or-later
// Every kind of request the app's Together dialect builds is accepted by Prism's validating mock
// of Together's official OpenAPI spec (shared/reference/together/openapi.yaml), and Prism's
// spec-shaped answers parse through the dialect without error. Run by run-together-mock.sh,
// which starts `prism mock` and sets FS_CONTRACT_BASE_URL.
//
// Not checkable here: the presigned upload's first step (POST /files?file_name&… answered by a
// 302) is what Together's own clients do but is not in the spec, and its PUT goes to a storage
// URL outside the service; both are covered by tst_providerclient and the sandbox's loop.
#include "apiclient.h"
#include "togetherdialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fs;

Q_DECLARE_METATYPE(fs::CreateJobRequest)

class tst_TogetherContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void files();
    void upload();
    void createJob_data();
    void createJob();
    void jobs();
    void metrics();
    void estimatePrice();
    void models();
    void endpoints();
    void chat_data();
    void chat();
    void prismRejectsABrokenRequest();

private:
    /// Sends the call; fails unless Prism accepted it (2xx, no violations). Returns the answer.
    HttpAnswer accepted(const Expected<HttpCall> &call);

    TogetherDialect m_dialect;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    bool m_failed = false;
};

void tst_TogetherContract::initTestCase()
{
    const QByteArray base = qgetenv("FS_CONTRACT_BASE_URL");
    if (base.isEmpty())
        QFAIL("FS_CONTRACT_BASE_URL is not set: run this through "
              "tests/contract/run-together-mock.sh");
    Connection connection;
    connection.kind = Connection::Kind::Together;
    connection.name = QStringLiteral("Prism mock of Together");
    connection.baseUrl = QUrl(QString::fromUtf8(base));
    connection.apiKey = QStringLiteral("tgp-contract-mock");
    m_client = std::make_unique<ApiClient>(&m_nam, connection);
    RetryPolicy noRetries;
    noRetries.maxRetries = 0; // a rejected request must show as it is, once
    m_client->setRetryPolicy(noRetries);
    m_client->setTimeoutMs(60000);
}

HttpAnswer tst_TogetherContract::accepted(const Expected<HttpCall> &call)
{
    m_failed = true;
    if (!call.ok()) {
        qWarning("the dialect refused: %s", qPrintable(call.error().message));
        return {};
    }
    ApiReply *reply = m_client->sendCall(call.value());
    reply->setAutoDelete(false);
    std::unique_ptr<ApiReply> owner(reply);
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &ApiReply::finished);
        if (!finished.wait(60000)) {
            qWarning("no answer from Prism within 60 s");
            return {};
        }
    }
    const QByteArray violations = reply->rawHeader("sl-violations");
    // Only violations of the request count: Prism also reports where its own generated answer
    // breaks the spec (FineTuneEvent.level allows null in its enum but types it a string).
    bool requestViolated = false;
    const QJsonArray list = QJsonDocument::fromJson(violations).array();
    for (const QJsonValue &violation : list) {
        const QJsonArray location = violation.toObject().value(QLatin1String("location")).toArray();
        if (location.isEmpty() || location.at(0).toString() != QLatin1String("response"))
            requestViolated = true;
    }
    if (!violations.isEmpty() && list.isEmpty())
        requestViolated = true; // unreadable: count it
    if (reply->httpStatus() < 200 || reply->httpStatus() >= 300 || requestViolated
            || !reply->ok()) {
        qWarning("%s %s: Prism answered HTTP %d (%s)\nsl-violations: %s\nbody: %s",
                call.value().verb.constData(), qPrintable(call.value().path), reply->httpStatus(),
                qPrintable(reply->error().technicalSummary()), violations.constData(),
                reply->body().left(2000).constData());
        return {};
    }
    m_failed = false;
    return {reply->httpStatus(), reply->rawHeaderPairs(), reply->body()};
}

#define ACCEPTED(answer, call)                                                                     \
    const HttpAnswer answer = accepted(call);                                                      \
    QVERIFY2(!m_failed, "Prism rejected the request (see the warning above)")

#define PARSES(expression)                                                                         \
    do {                                                                                           \
        const auto parsed = (expression);                                                          \
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));                                 \
    } while (false)

void tst_TogetherContract::files()
{
    {
        ACCEPTED(list, m_dialect.listFiles({}));
        PARSES(m_dialect.parseFileList(list));
    }
    {
        ACCEPTED(file, m_dialect.retrieveFile(QStringLiteral("file-123")));
        PARSES(m_dialect.parseFile(file));
    }
    {
        ACCEPTED(deleted, m_dialect.deleteFile(QStringLiteral("file-123")));
        PARSES(m_dialect.parseDeleted(deleted));
    }
    {
        ACCEPTED(content, m_dialect.fileContent(QStringLiteral("file-123")));
        Q_UNUSED(content);
    }
}

void tst_TogetherContract::upload()
{
    const QByteArray content = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                               "{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n";
    ACCEPTED(file,
            m_dialect.uploadFile(
                    QStringLiteral("train.jsonl"), content, QStringLiteral("fine-tune")));
    PARSES(m_dialect.parseFile(file));
}

void tst_TogetherContract::createJob_data()
{
    QTest::addColumn<CreateJobRequest>("request");
    CreateJobRequest minimal;
    minimal.model = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    minimal.trainingFile = QStringLiteral("file-train");
    QTest::newRow("minimal") << minimal;

    CreateJobRequest lora = minimal;
    lora.validationFile = QStringLiteral("file-valid");
    lora.suffix = QStringLiteral("support-bot");
    lora.seed = 42;
    lora.hyperparameters.nEpochs = Hyperparameter {false, 3};
    lora.hyperparameters.batchSize = Hyperparameter {false, 8};
    lora.settings.type = TrainingSettings::Type::Lora;
    lora.settings.loraRank = 16;
    lora.settings.loraAlpha = 32;
    lora.settings.loraDropout = 0.05;
    lora.settings.loraTrainableModules = QStringLiteral("all-linear");
    lora.settings.learningRate = 1e-5;
    lora.settings.nEvals = 4;
    lora.settings.nCheckpoints = 2;
    QTest::newRow("LoRA with every setting") << lora;

    CreateJobRequest dpo = minimal;
    dpo.methodType = QStringLiteral("dpo");
    dpo.hyperparameters.beta = Hyperparameter {false, 0.1};
    dpo.settings.type = TrainingSettings::Type::Full;
    QTest::newRow("DPO, full training") << dpo;
}

void tst_TogetherContract::createJob()
{
    QFETCH(CreateJobRequest, request);
    ACCEPTED(job, m_dialect.createJob(request));
    PARSES(m_dialect.parseJob(job));
}

void tst_TogetherContract::jobs()
{
    const QString id = QStringLiteral("ft-01234567890123456789");
    {
        ACCEPTED(list, m_dialect.listJobs({}, 0));
        PARSES(m_dialect.parseJobList(list));
    }
    {
        ACCEPTED(job, m_dialect.retrieveJob(id));
        PARSES(m_dialect.parseJob(job));
    }
    {
        ACCEPTED(cancelled, m_dialect.cancelJob(id));
        PARSES(m_dialect.parseJob(cancelled));
    }
    {
        ACCEPTED(events, m_dialect.listEvents(id, {}, 0));
        PARSES(m_dialect.parseEvents(events));
    }
    {
        ACCEPTED(checkpoints, m_dialect.listCheckpoints(id));
        PARSES(m_dialect.parseCheckpoints(checkpoints, id));
    }
}

void tst_TogetherContract::metrics()
{
    ACCEPTED(page, m_dialect.listMetrics(QStringLiteral("ft-1"), 7));
    const auto parsed = m_dialect.parseMetrics(page, 7);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    // The spec's own example: steps 7 and 14 with their training loss.
    QCOMPARE(parsed.value().points.size(), 2);
    QCOMPARE(parsed.value().points.at(0).value(Metric::TrainLoss), 0.5);
    QCOMPARE(parsed.value().lastStep, 14);
}

void tst_TogetherContract::estimatePrice()
{
    CreateJobRequest request;
    request.model = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    request.trainingFile = QStringLiteral("file-train");
    request.validationFile = QStringLiteral("file-valid");
    request.hyperparameters.nEpochs = Hyperparameter {false, 2};
    request.settings.type = TrainingSettings::Type::Lora;
    request.settings.loraRank = 8;
    request.settings.nEvals = 2;
    ACCEPTED(estimate, m_dialect.estimatePrice(request));
    PARSES(m_dialect.parsePriceEstimate(estimate));
}

void tst_TogetherContract::models()
{
    {
        ACCEPTED(supported, m_dialect.listBaseModels());
        PARSES(m_dialect.parseModels(supported));
    }
    {
        ACCEPTED(limits, m_dialect.modelLimits(QStringLiteral("Qwen/Qwen3-8B")));
        PARSES(m_dialect.parseModelLimits(limits));
    }
    {
        ACCEPTED(hardware, m_dialect.listHardware(QStringLiteral("me/model")));
        PARSES(m_dialect.parseHardware(hardware));
    }
    {
        ACCEPTED(hardware, m_dialect.listHardware({}));
        PARSES(m_dialect.parseHardware(hardware));
    }
}

void tst_TogetherContract::endpoints()
{
    DeploymentRequest request;
    request.model = QStringLiteral("me/Llama-3-8b-support-bot");
    request.hardware = QStringLiteral("1x_nvidia_h100_80gb_sxm");
    request.displayName = QStringLiteral("Try support-bot");
    request.inactiveTimeoutMinutes = 30;
    {
        ACCEPTED(created, m_dialect.createDeployment(request));
        PARSES(m_dialect.parseDeployment(created));
    }
    {
        DeploymentRequest plain;
        plain.model = request.model;
        plain.hardware = request.hardware;
        ACCEPTED(created, m_dialect.createDeployment(plain));
        PARSES(m_dialect.parseDeployment(created));
    }
    {
        ACCEPTED(endpoint, m_dialect.retrieveDeployment(QStringLiteral("endpoint-1")));
        PARSES(m_dialect.parseDeployment(endpoint));
    }
    {
        ACCEPTED(list, m_dialect.listDeployments());
        PARSES(m_dialect.parseDeployments(list));
    }
    {
        ACCEPTED(deleted, m_dialect.deleteDeployment(QStringLiteral("endpoint-1")));
        Q_UNUSED(deleted);
    }
}

void tst_TogetherContract::chat_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<bool>("allOptions");
    QTest::newRow("plain") << false << false;
    QTest::newRow("every option") << false << true;
    QTest::newRow("streamed") << true << true;
}

void tst_TogetherContract::chat()
{
    QFETCH(bool, stream);
    QFETCH(bool, allOptions);
    ChatRequest request;
    request.model = QStringLiteral("me/Llama-3-8b-support-bot");
    request.messages = {{QStringLiteral("system"), QStringLiteral("Be brief.")},
            {QStringLiteral("user"), QStringLiteral("Hi")}};
    if (allOptions) {
        request.temperature = 0.2;
        request.topP = 0.9;
        request.maxCompletionTokens = 64;
        request.seed = 7;
    }
    Expected<HttpCall> call = m_dialect.chat(request, stream);
    QVERIFY(call.ok());
    // Prism answers a streamed request with its JSON example, not events: accept any body.
    call.value().expectJson = !stream;
    ACCEPTED(answer, call);
    if (!stream)
        PARSES(m_dialect.parseChat(answer));
}

void tst_TogetherContract::prismRejectsABrokenRequest()
{
    // The check can fail: a body without the required training_file is refused.
    HttpCall broken = jsonCall("POST", QStringLiteral("/fine-tunes"),
            QJsonObject {{QLatin1String("model"), QStringLiteral("m")}});
    ApiReply *reply = m_client->sendCall(broken);
    reply->setAutoDelete(false);
    std::unique_ptr<ApiReply> owner(reply);
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(60000));
    QVERIFY2(reply->httpStatus() == 422 || !reply->rawHeader("sl-violations").isEmpty(),
            qPrintable(QStringLiteral("HTTP %1").arg(reply->httpStatus())));
}

QTEST_GUILESS_MAIN(tst_TogetherContract)
#include "tst_togethercontract.moc"
