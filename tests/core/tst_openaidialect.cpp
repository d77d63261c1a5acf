// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenAI dialect wraps today's parsing without changing it, builds the calls ApiClient's
// typed functions send, and answers "OpenAI has no …" by value for what OpenAI lacks.
#include "apiclient.h"
#include "apitypes.h"
#include "fakenetworkaccessmanager.h"
#include "openaidialect.h"
#include "providerfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace fs;
using namespace fs::test;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/api/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

} // namespace

class tst_OpenAiDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsingIsTodays();
    void wrongShapeIsASentence();
    void callsMatchTheTypedClient();
    void createJobBodyIsTodays();
    void refusesWhatOpenAiLacks_data();
    void refusesWhatOpenAiLacks();
    void operationsOpenAiLacks();
};

void tst_OpenAiDialect::parsingIsTodays()
{
    OpenAiDialect dialect;
    const QByteArray jobBody = fixture(QStringLiteral("fine_tuning_job.json"));
    const auto job = dialect.parseJob(answer(jobBody));
    QVERIFY(job.ok());
    const FineTuningJob expected =
            FineTuningJob::fromJson(QJsonDocument::fromJson(jobBody).object());
    QCOMPARE(job.value().id, expected.id);
    QCOMPARE(job.value().status, expected.status);
    QCOMPARE(job.value().raw, expected.raw);
    QCOMPARE(job.value().hyperparameters.nEpochs.value, expected.hyperparameters.nEpochs.value);

    const QByteArray events = fixture(QStringLiteral("job_events_list.json"));
    const auto page = dialect.parseEvents(answer(events));
    QVERIFY(page.ok());
    QCOMPARE(page.value().data.size(),
            parseEventPage(QJsonDocument::fromJson(events).object()).data.size());
    QCOMPARE(
            page.value().hasMore, parseEventPage(QJsonDocument::fromJson(events).object()).hasMore);

    const auto files = dialect.parseFileList(answer(fixture(QStringLiteral("files_list.json"))));
    QVERIFY(files.ok());
    QVERIFY(!files.value().data.isEmpty());
    const auto checkpoints = dialect.parseCheckpoints(
            answer(fixture(QStringLiteral("checkpoints_list.json"))), QStringLiteral("ftjob-x"));
    QVERIFY(checkpoints.ok());
    QVERIFY(!checkpoints.value().data.isEmpty());
    const auto models = dialect.parseModels(answer(fixture(QStringLiteral("models_list.json"))));
    QVERIFY(models.ok());
    QVERIFY(!models.value().isEmpty());
    const auto chat = dialect.parseChat(answer(fixture(QStringLiteral("chat_completion.json"))));
    QVERIFY(chat.ok());
    QVERIFY(!chat.value().content.isEmpty());
    // Unknown statuses stay as today: Unknown with the word kept.
    const auto unknown =
            dialect.parseJob(answer(fixture(QStringLiteral("job_status_unknown.json"))));
    QVERIFY(unknown.ok());
    QCOMPARE(unknown.value().status, FineTuningJob::Status::Unknown);
    QVERIFY(!unknown.value().statusText.isEmpty());
}

void tst_OpenAiDialect::wrongShapeIsASentence()
{
    OpenAiDialect dialect;
    const auto job = dialect.parseJob(answer("<html>Bad gateway</html>"));
    QVERIFY(!job.ok());
    QCOMPARE(job.error().kind, DialectError::Kind::UnexpectedAnswer);
    QVERIFY(job.error().message.startsWith(QLatin1String("OpenAI ")));
    QVERIFY(job.error().message.endsWith(QLatin1Char('.')));
}

void tst_OpenAiDialect::callsMatchTheTypedClient()
{
    // The same requests as ApiClient's typed calls, seen on the wire.
    OpenAiDialect dialect;
    FakeNetworkAccessManager nam;
    nam.setFallback(CannedResponse::json(200, "{}"));
    Connection connection;
    connection.kind = Connection::Kind::OpenAI;
    connection.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:1/v1"));
    connection.apiKey = QStringLiteral("sk-test-0123456789");
    ApiClient client(&nam, connection);

    const auto sameOnTheWire = [&](ApiReply *typed, const Expected<HttpCall> &call) {
        QVERIFY(call.ok());
        QSignalSpy typedDone(typed, &ApiReply::finished);
        QVERIFY(typedDone.wait());
        const RecordedRequest fromTyped = nam.lastRequest();
        ApiReply *viaDialect = client.sendCall(call.value());
        QSignalSpy dialectDone(viaDialect, &ApiReply::finished);
        QVERIFY(dialectDone.wait());
        const RecordedRequest fromDialect = nam.lastRequest();
        QCOMPARE(fromDialect.verb, fromTyped.verb);
        QCOMPARE(fromDialect.url, fromTyped.url);
        QCOMPARE(fromDialect.header("Authorization"), fromTyped.header("Authorization"));
        QCOMPARE(fromDialect.header("Content-Type"), fromTyped.header("Content-Type"));
        QCOMPARE(fromDialect.json(), fromTyped.json());
    };
    FileListQuery query;
    query.purpose = QStringLiteral("fine-tune");
    query.after = QStringLiteral("file-1");
    query.limit = 20;
    sameOnTheWire(client.listFiles(query), dialect.listFiles(query));
    sameOnTheWire(client.retrieveFile(QStringLiteral("file-1")),
            dialect.retrieveFile(QStringLiteral("file-1")));
    sameOnTheWire(client.deleteFile(QStringLiteral("file-1")),
            dialect.deleteFile(QStringLiteral("file-1")));
    sameOnTheWire(client.listJobs(QStringLiteral("ftjob-1"), 5),
            dialect.listJobs(QStringLiteral("ftjob-1"), 5));
    sameOnTheWire(client.retrieveJob(QStringLiteral("ftjob-1")),
            dialect.retrieveJob(QStringLiteral("ftjob-1")));
    sameOnTheWire(client.cancelJob(QStringLiteral("ftjob-1")),
            dialect.cancelJob(QStringLiteral("ftjob-1")));
    sameOnTheWire(client.listJobEvents(QStringLiteral("ftjob-1"), QStringLiteral("ev-1"), 50),
            dialect.listEvents(QStringLiteral("ftjob-1"), QStringLiteral("ev-1"), 50));
    sameOnTheWire(client.listCheckpoints(QStringLiteral("ftjob-1")),
            dialect.listCheckpoints(QStringLiteral("ftjob-1")));
    sameOnTheWire(client.listModels(), dialect.listBaseModels());
    ChatRequest chat;
    chat.model = QStringLiteral("gpt-4.1-mini");
    chat.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
    chat.maxCompletionTokens = 10;
    sameOnTheWire(client.createChatCompletion(chat), dialect.chat(chat, false));
}

void tst_OpenAiDialect::createJobBodyIsTodays()
{
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.trainingFile = QStringLiteral("file-t");
    request.hyperparameters.learningRateMultiplier.isAuto = false;
    request.hyperparameters.learningRateMultiplier.value = 1.8;
    request.metadata.insert(QStringLiteral("team"), QStringLiteral("support"));
    const auto call = OpenAiDialect().createJob(request);
    QVERIFY(call.ok());
    QCOMPARE(call.value().path, QStringLiteral("/fine_tuning/jobs"));
    QCOMPARE(QJsonDocument::fromJson(call.value().body).object(), request.toJson());
}

void tst_OpenAiDialect::refusesWhatOpenAiLacks_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("LoRA") << 0;
    QTest::newRow("full training chosen") << 1;
    QTest::newRow("an absolute learning rate") << 2;
    QTest::newRow("evaluations") << 3;
    QTest::newRow("checkpoints") << 4;
}

void tst_OpenAiDialect::refusesWhatOpenAiLacks()
{
    QFETCH(int, which);
    CreateJobRequest request;
    request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
    request.trainingFile = QStringLiteral("file-t");
    switch (which) {
    case 0:
        request.settings.type = TrainingSettings::Type::Lora;
        request.settings.loraRank = 8;
        break;
    case 1:
        request.settings.type = TrainingSettings::Type::Full;
        break;
    case 2:
        request.settings.learningRate = 1e-5;
        break;
    case 3:
        request.settings.nEvals = 3;
        break;
    default:
        request.settings.nCheckpoints = 3;
        break;
    }
    const auto call = OpenAiDialect().createJob(request);
    QVERIFY(!call.ok());
    QCOMPARE(call.error().kind, DialectError::Kind::InvalidRequest);
    QVERIFY(call.error().message.startsWith(QLatin1String("OpenAI ")));
}

void tst_OpenAiDialect::operationsOpenAiLacks()
{
    OpenAiDialect dialect;
    const auto deployments = dialect.listDeployments();
    QVERIFY(!deployments.ok());
    QCOMPARE(deployments.error().kind, DialectError::Kind::Unsupported);
    QCOMPARE(deployments.error().message, QStringLiteral("OpenAI has no deployments."));
    QCOMPARE(deployments.error().code(), QStringLiteral("unsupported_operation"));
    QVERIFY(!dialect.createDeployment(DeploymentRequest {}).ok());
    QVERIFY(!dialect.listHardware({}).ok());
    QVERIFY(!dialect.estimatePrice(CreateJobRequest {}).ok());
    QVERIFY(!dialect.listMetrics(QStringLiteral("ftjob-1"), 0).ok());
    QVERIFY(!dialect.modelLimits(QStringLiteral("gpt-4.1")).ok());
    QVERIFY(!dialect.startPresignedUpload(QStringLiteral("a.jsonl"), QStringLiteral("fine-tune"))
                     .ok());
    QCOMPARE(dialect.estimatePrice(CreateJobRequest {}).error().kind,
            DialectError::Kind::Unsupported);
}

QTEST_GUILESS_MAIN(tst_OpenAiDialect)
#include "tst_openaidialect.moc"
