// SPDX-License-Identifier: GPL-3.0-or-later
// Fireworks AI's dialect at its edges: the account in every path, exact request bodies
// (camelCase, full resource names, int64 as strings), all 18 job states, deployment states,
// the metrics file in its possible forms, lists with page tokens, and answers of the wrong shape
// (an error with a sentence, never a blank object).
#include "fireworksdialect.h"
#include "modelregistry.h"
#include "providerfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace fs;
using fs::test::answer;
using fs::test::bodyOf;
using fs::test::isSentence;

namespace {

const FireworksDialect kDialect(QStringLiteral("acme"));

CreateJobRequest request()
{
    CreateJobRequest r;
    r.model = QStringLiteral("accounts/fireworks/models/llama-v3p1-8b-instruct");
    r.trainingFile = QStringLiteral("train-ab12");
    r.validationFile = QStringLiteral("accounts/acme/datasets/eval-cd34");
    r.suffix = QStringLiteral("support bot");
    r.hyperparameters.nEpochs = Hyperparameter::fromJson(3);
    r.settings.learningRate = 0.0001;
    r.settings.loraRank = 16;
    r.settings.maxContextLength = 8192;
    return r;
}

} // namespace

class tst_FireworksDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyPathNamesTheAccount();
    void withoutAnAccountNothingIsSent();
    void createJobBody();
    void createJobRefusesWhatFireworksLacks_data();
    void createJobRefusesWhatFireworksLacks();
    void jobStates_data();
    void jobStates();
    void parseJob();
    void failedJobCarriesItsStatus();
    void cancelIsRefusedDeleteIsOffered();
    void datasetCalls();
    void datasetStates();
    void datasetIds_data();
    void datasetIds();
    void listsFollowPageTokens();
    void metricsFileFromTheJob();
    void metricsFileForms();
    void deploymentBodyAndStates();
    void modelsAndTunableBases();
    void chatPathAndBody();
    void wrongShapesAreSentences_data();
    void wrongShapesAreSentences();
};

void tst_FireworksDialect::everyPathNamesTheAccount()
{
    const QString root = QStringLiteral("/v1/accounts/acme");
    QCOMPARE(kDialect.listFiles({}).value().path, root + QStringLiteral("/datasets"));
    QCOMPARE(kDialect.retrieveFile(QStringLiteral("accounts/acme/datasets/x")).value().path,
            root + QStringLiteral("/datasets/x"));
    QCOMPARE(kDialect.listJobs({}, 0).value().path,
            root + QStringLiteral("/supervisedFineTuningJobs"));
    QCOMPARE(kDialect.retrieveJob(QStringLiteral("j1")).value().path,
            root + QStringLiteral("/supervisedFineTuningJobs/j1"));
    QCOMPARE(kDialect.listDeployments().value().path, root + QStringLiteral("/deployments"));
    QCOMPARE(kDialect.deleteDeployment(QStringLiteral("d1")).value().verb, QByteArray("DELETE"));
    QCOMPARE(kDialect.listModels().value().path, root + QStringLiteral("/models"));
}

void tst_FireworksDialect::withoutAnAccountNothingIsSent()
{
    const FireworksDialect none(QStringLiteral("  "));
    const auto call = none.listJobs({}, 0);
    QVERIFY(!call.ok());
    QCOMPARE(call.error().kind, DialectError::Kind::InvalidRequest);
    QVERIFY(isSentence(call.error()));
    QVERIFY(call.error().message.contains(QLatin1String("account id")));
    QVERIFY(!none.createDataset(QStringLiteral("x"), {}, {}).ok());
    QVERIFY(!none.listModels().ok());
}

void tst_FireworksDialect::createJobBody()
{
    const auto call = kDialect.createJob(request());
    QVERIFY(call.ok());
    QCOMPARE(call.value().verb, QByteArray("POST"));
    QCOMPARE(call.value().path, QStringLiteral("/v1/accounts/acme/supervisedFineTuningJobs"));
    QCOMPARE(call.value().contentType, QByteArray("application/json"));
    const QJsonObject expected {
            {QStringLiteral("dataset"), QStringLiteral("accounts/acme/datasets/train-ab12")},
            {QStringLiteral("evaluationDataset"),
                    QStringLiteral("accounts/acme/datasets/eval-cd34")},
            {QStringLiteral("baseModel"),
                    QStringLiteral("accounts/fireworks/models/llama-v3p1-8b-instruct")},
            {QStringLiteral("displayName"), QStringLiteral("support bot")},
            {QStringLiteral("epochs"), 3}, {QStringLiteral("learningRate"), 0.0001},
            {QStringLiteral("loraRank"), 16}, {QStringLiteral("maxContextLength"), 8192}};
    QCOMPARE(bodyOf(call.value()), expected);

    // Left to the service: only what was chosen is sent.
    CreateJobRequest minimal;
    minimal.model = request().model;
    minimal.trainingFile = QStringLiteral("train-ab12");
    QCOMPARE(bodyOf(kDialect.createJob(minimal).value()).keys(),
            (QStringList {QStringLiteral("baseModel"), QStringLiteral("dataset")}));
}

void tst_FireworksDialect::createJobRefusesWhatFireworksLacks_data()
{
    QTest::addColumn<int>("change");
    QTest::newRow("multiplier") << 0;
    QTest::newRow("batch size") << 1;
    QTest::newRow("dpo") << 2;
    QTest::newRow("metadata") << 3;
    QTest::newRow("seed") << 4;
    QTest::newRow("full training") << 5;
    QTest::newRow("lora alpha") << 6;
    QTest::newRow("no dataset") << 7;
    QTest::newRow("no model") << 8;
}

void tst_FireworksDialect::createJobRefusesWhatFireworksLacks()
{
    QFETCH(int, change);
    CreateJobRequest r = request();
    switch (change) {
    case 0:
        r.hyperparameters.learningRateMultiplier = Hyperparameter::fromJson(2);
        break;
    case 1:
        r.hyperparameters.batchSize = Hyperparameter::fromJson(8);
        break;
    case 2:
        r.methodType = QStringLiteral("dpo");
        break;
    case 3:
        r.metadata.insert(QStringLiteral("k"), QStringLiteral("v"));
        break;
    case 4:
        r.seed = 7;
        break;
    case 5:
        r.settings.type = TrainingSettings::Type::Full;
        break;
    case 6:
        r.settings.loraAlpha = 32;
        break;
    case 7:
        r.trainingFile.clear();
        break;
    case 8:
        r.model.clear();
        break;
    }
    const auto call = kDialect.createJob(r);
    QVERIFY(!call.ok());
    QCOMPARE(call.error().kind, DialectError::Kind::InvalidRequest);
    QVERIFY2(isSentence(call.error()), qPrintable(call.error().message));
}

void tst_FireworksDialect::jobStates_data()
{
    using S = FineTuningJob::Status;
    QTest::addColumn<QString>("state");
    QTest::addColumn<S>("status");
    const QList<QPair<const char *, S>> rows = {{"JOB_STATE_UNSPECIFIED", S::Unknown},
            {"JOB_STATE_CREATING", S::ValidatingFiles}, {"JOB_STATE_RUNNING", S::Running},
            {"JOB_STATE_COMPLETED", S::Succeeded}, {"JOB_STATE_FAILED", S::Failed},
            {"JOB_STATE_CANCELLED", S::Cancelled}, {"JOB_STATE_DELETING", S::Cancelled},
            {"JOB_STATE_WRITING_RESULTS", S::Running}, {"JOB_STATE_VALIDATING", S::ValidatingFiles},
            {"JOB_STATE_DELETING_CLEANING_UP", S::Cancelled}, {"JOB_STATE_PENDING", S::Queued},
            {"JOB_STATE_EXPIRED", S::Failed}, {"JOB_STATE_RE_QUEUEING", S::Queued},
            {"JOB_STATE_CREATING_INPUT_DATASET", S::ValidatingFiles}, {"JOB_STATE_IDLE", S::Queued},
            {"JOB_STATE_CANCELLING", S::Running}, {"JOB_STATE_EARLY_STOPPED", S::Succeeded},
            {"JOB_STATE_PAUSED", S::Paused}, {"JOB_STATE_SOMETHING_NEW", S::Unknown}};
    for (const auto &row : rows)
        QTest::newRow(row.first) << QString::fromLatin1(row.first) << row.second;
}

void tst_FireworksDialect::jobStates()
{
    QFETCH(QString, state);
    QFETCH(FineTuningJob::Status, status);
    const QJsonObject object {
            {QStringLiteral("name"), QStringLiteral("accounts/acme/supervisedFineTuningJobs/j1")},
            {QStringLiteral("state"), state}};
    const auto job = kDialect.parseJob(answer(QJsonDocument(object).toJson()));
    QVERIFY(job.ok());
    QCOMPARE(job.value().status, status);
    QCOMPARE(job.value().statusText, state); // the service's word is kept
}

void tst_FireworksDialect::parseJob()
{
    const QByteArray body = R"({
        "name": "accounts/acme/supervisedFineTuningJobs/sftj-1",
        "displayName": "support bot",
        "createTime": "2026-12-07T06:00:00Z", "completedTime": "2026-12-07T07:00:00.5Z",
        "state": "JOB_STATE_COMPLETED", "status": {"code": "OK", "message": ""},
        "dataset": "accounts/acme/datasets/train-ab12",
        "evaluationDataset": "accounts/acme/datasets/eval-cd34",
        "baseModel": "accounts/fireworks/models/qwen3-8b",
        "outputModel": "accounts/acme/models/sftj-1",
        "epochs": 2, "learningRate": 0.0002, "loraRank": 8, "maxContextLength": 4096,
        "jobProgress": {"percent": 100, "epoch": 1},
        "estimatedCost": {"currencyCode": "USD", "units": "3", "nanos": 250000000}
    })";
    const auto parsed = kDialect.parseJob(answer(body));
    QVERIFY(parsed.ok());
    const FineTuningJob &job = parsed.value();
    QCOMPARE(job.id, QStringLiteral("sftj-1"));
    QCOMPARE(job.status, FineTuningJob::Status::Succeeded);
    QCOMPARE(job.createdAt,
            QDateTime(QDate(2026, 12, 7), QTime(6, 0), QTimeZone::utc()).toSecsSinceEpoch());
    QCOMPARE(job.finishedAt, std::optional<qint64>(job.createdAt + 3600));
    QCOMPARE(job.model, QStringLiteral("accounts/fireworks/models/qwen3-8b"));
    QCOMPARE(job.fineTunedModel, QStringLiteral("accounts/acme/models/sftj-1"));
    QCOMPARE(job.trainingFile, QStringLiteral("train-ab12"));
    QCOMPARE(job.validationFile, QStringLiteral("eval-cd34"));
    QCOMPARE(job.suffix, QStringLiteral("support bot"));
    QCOMPARE(job.hyperparameters.nEpochs.value, 2.0);
    QCOMPARE(job.settings.learningRate, std::optional<double>(0.0002));
    QCOMPARE(job.settings.loraRank, std::optional<int>(8));
    QCOMPARE(job.settings.maxContextLength, std::optional<int>(4096));
    QCOMPARE(job.epochsCompleted, std::optional<qint64>(1));
    QCOMPARE(job.totalPrice, std::optional<double>(3.25));
    QVERIFY(!job.error);

    // Still running: the output's name is known, the model is not there yet.
    QByteArray running = body;
    running.replace("JOB_STATE_COMPLETED", "JOB_STATE_RUNNING");
    const auto still = kDialect.parseJob(answer(running));
    QVERIFY(still.value().fineTunedModel.isEmpty());
    QCOMPARE(still.value().outputModelName, QStringLiteral("accounts/acme/models/sftj-1"));
}

void tst_FireworksDialect::failedJobCarriesItsStatus()
{
    const auto job =
            kDialect.parseJob(answer(R"({"name": "accounts/acme/supervisedFineTuningJobs/j",
        "state": "JOB_STATE_FAILED",
        "status": {"code": "INVALID_ARGUMENT", "message": "Line 3 is not a chat example."}})"));
    QVERIFY(job.ok());
    QVERIFY(job.value().error.has_value());
    QCOMPARE(job.value().error->code, QStringLiteral("INVALID_ARGUMENT"));
    QCOMPARE(job.value().error->message, QStringLiteral("Line 3 is not a chat example."));
}

void tst_FireworksDialect::cancelIsRefusedDeleteIsOffered()
{
    const auto cancel = kDialect.cancelJob(QStringLiteral("j1"));
    QVERIFY(!cancel.ok());
    QCOMPARE(cancel.error().kind, DialectError::Kind::Unsupported);
    QVERIFY(isSentence(cancel.error()));
    const auto remove =
            kDialect.deleteJob(QStringLiteral("accounts/acme/supervisedFineTuningJobs/j1"));
    QVERIFY(remove.ok());
    QCOMPARE(remove.value().verb, QByteArray("DELETE"));
    QCOMPARE(remove.value().path, QStringLiteral("/v1/accounts/acme/supervisedFineTuningJobs/j1"));
    QVERIFY(!kDialect.listEvents(QStringLiteral("j1"), {}, 10).ok()); // no events resource
}

void tst_FireworksDialect::datasetCalls()
{
    const auto create = kDialect.createDataset(
            QStringLiteral("train-ab12"), QStringLiteral("train.jsonl"), qint64(1234567890123));
    QVERIFY(create.ok());
    QCOMPARE(create.value().path, QStringLiteral("/v1/accounts/acme/datasets"));
    const QJsonObject body = bodyOf(create.value());
    QCOMPARE(body.value(QLatin1String("datasetId")).toString(), QStringLiteral("train-ab12"));
    const QJsonObject dataset = body.value(QLatin1String("dataset")).toObject();
    QVERIFY(dataset.value(QLatin1String("userUploaded")).isObject());
    // int64 travels as a string.
    QCOMPARE(dataset.value(QLatin1String("exampleCount")),
            QJsonValue(QStringLiteral("1234567890123")));
    QCOMPARE(dataset.value(QLatin1String("displayName")).toString(), QStringLiteral("train.jsonl"));

    const auto upload = kDialect.uploadToDataset(
            QStringLiteral("train-ab12"), QStringLiteral("train.jsonl"), "{\"messages\":[]}\n");
    QVERIFY(upload.ok());
    QCOMPARE(upload.value().path, QStringLiteral("/v1/accounts/acme/datasets/train-ab12:upload"));
    QVERIFY(upload.value().contentType.startsWith("multipart/form-data; boundary="));
    QVERIFY(upload.value().body.contains("name=\"file\"; filename=\"train.jsonl\""));

    const auto endpoint = kDialect.datasetUploadEndpoint(
            QStringLiteral("train-ab12"), QStringLiteral("big.jsonl"), 300000000);
    QCOMPARE(endpoint.value().path,
            QStringLiteral("/v1/accounts/acme/datasets/train-ab12:getUploadEndpoint"));
    QCOMPARE(bodyOf(endpoint.value()),
            (QJsonObject {{QStringLiteral("filenameToSize"),
                    QJsonObject {{QStringLiteral("big.jsonl"), QStringLiteral("300000000")}}}}));
    const auto signedUrl = kDialect.parseDatasetUploadEndpoint(
            answer(R"({"filenameToSignedUrls": {"big.jsonl": "https://storage.example/put?sig=1"}})"),
            QStringLiteral("train-ab12"), QStringLiteral("big.jsonl"));
    QVERIFY(signedUrl.ok());
    QCOMPARE(signedUrl.value().url, QUrl(QStringLiteral("https://storage.example/put?sig=1")));
    QCOMPARE(signedUrl.value().fileId, QStringLiteral("train-ab12"));
    const auto put = kDialect.putPresigned(signedUrl.value().url, "bytes");
    QCOMPARE(put.value().absoluteUrl, signedUrl.value().url); // outside the service, no key
    const auto missing = kDialect.parseDatasetUploadEndpoint(
            answer(R"({"filenameToSignedUrls": {"other.jsonl": "https://x"}})"),
            QStringLiteral("train-ab12"), QStringLiteral("big.jsonl"));
    QVERIFY(!missing.ok());
    const auto validate = kDialect.validateDatasetUpload(QStringLiteral("train-ab12"));
    QCOMPARE(validate.value().path,
            QStringLiteral("/v1/accounts/acme/datasets/train-ab12:validateUpload"));
    QCOMPARE(validate.value().body, QByteArray("{}"));
}

void tst_FireworksDialect::datasetStates()
{
    const auto parse = [](const QByteArray &body) {
        return kDialect.parseFile(answer(body)).value();
    };
    const FileObject ready =
            parse(R"({"name": "accounts/acme/datasets/d1", "displayName": "t.jsonl",
            "state": "READY", "exampleCount": "12", "createTime": "2026-12-07T06:00:00Z"})");
    QCOMPARE(ready.id, QStringLiteral("d1"));
    QCOMPARE(ready.filename, QStringLiteral("t.jsonl"));
    QCOMPARE(ready.status, QStringLiteral("processed"));
    QCOMPARE(parse(R"({"name": "accounts/acme/datasets/d1", "state": "UPLOADING"})").status,
            QStringLiteral("uploaded"));
    QCOMPARE(parse(R"({"name": "accounts/acme/datasets/d1"})").status, QStringLiteral("uploaded"));
    const FileObject broken = parse(R"({"name": "accounts/acme/datasets/d1", "state": "UPLOADING",
            "status": {"code": "INVALID_ARGUMENT", "message": "Not JSON lines."}})");
    QCOMPARE(broken.status, QStringLiteral("error"));
    QCOMPARE(broken.statusDetails, QStringLiteral("Not JSON lines."));
}

void tst_FireworksDialect::datasetIds_data()
{
    QTest::addColumn<QString>("filename");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "train.jsonl"
                           << "train-jsonl-ab12cd";
    QTest::newRow("spaces, case") << "My Data (v2).JSONL"
                                  << "my-data-v2-jsonl-ab12cd";
    QTest::newRow("digit first") << "2026 data.jsonl"
                                 << "data-2026-data-jsonl-ab12cd";
    QTest::newRow("only symbols") << "___.___"
                                  << "data-ab12cd";
    QTest::newRow("path") << "/home/me/x.jsonl"
                          << "x-jsonl-ab12cd";
}

void tst_FireworksDialect::datasetIds()
{
    QFETCH(QString, filename);
    QFETCH(QString, expected);
    QCOMPARE(FireworksDialect::datasetIdFor(filename, QStringLiteral("AB12CD")), expected);
    const QString id = FireworksDialect::datasetIdFor(
            QString(200, QLatin1Char('x')), QStringLiteral("ab12cd"));
    QVERIFY(id.size() <= 63);
    QVERIFY(id.endsWith(QLatin1String("-ab12cd")));
}

void tst_FireworksDialect::listsFollowPageTokens()
{
    const auto first = kDialect.listJobs(QString(), 0).value();
    QCOMPARE(first.query,
            (QList<QPair<QString, QString>> {{QStringLiteral("pageSize"), QStringLiteral("200")}}));
    const auto next = kDialect.listJobs(QStringLiteral("tok-2"), 500).value();
    QCOMPARE(next.query,
            (QList<QPair<QString, QString>> {{QStringLiteral("pageSize"), QStringLiteral("200")},
                    {QStringLiteral("pageToken"), QStringLiteral("tok-2")}}));
    const auto page = kDialect.parseJobList(answer(R"({"supervisedFineTuningJobs": [
            {"name": "accounts/acme/supervisedFineTuningJobs/a", "state": "JOB_STATE_RUNNING"}],
            "nextPageToken": "tok-2"})"));
    QVERIFY(page.ok());
    QVERIFY(page.value().hasMore);
    QCOMPARE(page.value().lastId, QStringLiteral("tok-2"));
    const auto last = kDialect.parseJobList(answer(R"({"supervisedFineTuningJobs": [
            {"name": "accounts/acme/supervisedFineTuningJobs/a", "state": "JOB_STATE_RUNNING"}]})"));
    QVERIFY(!last.value().hasMore);
    // An empty list is sent without its key.
    const auto empty = kDialect.parseFileList(answer("{}"));
    QVERIFY(empty.ok());
    QVERIFY(empty.value().data.isEmpty());
}

void tst_FireworksDialect::metricsFileFromTheJob()
{
    QVERIFY(kDialect.metricsInFile());
    const auto call = kDialect.listMetrics(QStringLiteral("j1"), 5);
    QCOMPARE(call.value().path, QStringLiteral("/v1/accounts/acme/supervisedFineTuningJobs/j1"));
    const auto none = kDialect.metricsFileCall(
            answer(R"({"name": "accounts/acme/supervisedFineTuningJobs/j1"})"));
    QVERIFY(none.ok());
    QVERIFY(!none.value().has_value());
    const auto file = kDialect.metricsFileCall(answer(
            R"({"name": "x", "metricsFileSignedUrl": "https://storage.example/m.jsonl?sig=2"})"));
    QVERIFY(file.ok());
    QCOMPARE(file.value()->absoluteUrl,
            QUrl(QStringLiteral("https://storage.example/m.jsonl?sig=2")));
    QCOMPARE(file.value()->verb, QByteArray("GET"));
    QVERIFY(!file.value()->expectJson);
}

void tst_FireworksDialect::metricsFileForms()
{
    // JSON lines, steps out of order and repeated, keys in several spellings, a line without a
    // step, blank lines.
    const QByteArray lines = "{\"step\": 2, \"train/loss\": 1.5, \"total_steps\": 4}\n\n"
                             "{\"step\": 1, \"loss\": 2.0}\n"
                             "{\"epoch\": 1}\n"
                             "{\"step\": 2, \"eval_loss\": 1.7}\n"
                             "{\"global_step\": 3, \"train_loss\": \"1.2\", \"eval/loss\": null}\n";
    const auto page = kDialect.parseMetrics(answer(lines), 2);
    QVERIFY(page.ok());
    QCOMPARE(page.value().points.size(), 2); // step 1 is before the asked step
    QCOMPARE(page.value().points.at(0).step, 2);
    QCOMPARE(page.value().points.at(0).value(Metric::TrainLoss), 1.5);
    QCOMPARE(page.value().points.at(0).value(Metric::FullValidLoss), 1.7);
    QCOMPARE(page.value().points.at(1).value(Metric::TrainLoss), 1.2);
    QVERIFY(!page.value().points.at(1).has(Metric::FullValidLoss));
    QCOMPARE(page.value().totalSteps, std::optional<qint64>(4));
    QCOMPARE(page.value().lastStep, 3);
    QCOMPARE(page.value().skipped, 1);
    // One JSON array works too; an empty file is no steps.
    const auto array = kDialect.parseMetrics(answer(R"([{"step": 1, "train/loss": 0.9}])"), 0);
    QCOMPARE(array.value().points.size(), 1);
    QVERIFY(kDialect.parseMetrics(answer(""), 0).value().points.isEmpty());
    const auto broken = kDialect.parseMetrics(answer("<html>denied</html>"), 0);
    QVERIFY(!broken.ok());
    QVERIFY(isSentence(broken.error()));
}

void tst_FireworksDialect::deploymentBodyAndStates()
{
    DeploymentRequest r;
    r.model = QStringLiteral("accounts/acme/models/sftj-1");
    r.hardware = QStringLiteral("NVIDIA_H100_80GB");
    r.displayName = QStringLiteral("try it");
    r.inactiveTimeoutMinutes = 5;
    const auto call = kDialect.createDeployment(r);
    QCOMPARE(call.value().path, QStringLiteral("/v1/accounts/acme/deployments"));
    QCOMPARE(bodyOf(call.value()),
            (QJsonObject {{QStringLiteral("baseModel"), r.model},
                    {QStringLiteral("acceleratorType"), r.hardware},
                    {QStringLiteral("displayName"), r.displayName},
                    {QStringLiteral("minReplicaCount"), 0}, {QStringLiteral("maxReplicaCount"), 1},
                    {QStringLiteral("autoscalingPolicy"),
                            QJsonObject {{QStringLiteral("scaleToZeroWindow"),
                                    QStringLiteral("300s")}}}}));
    const auto parsed = kDialect.parseDeployment(answer(R"({"name": "accounts/acme/deployments/d9",
            "baseModel": "accounts/acme/models/sftj-1", "state": "CREATING",
            "acceleratorType": "NVIDIA_H100_80GB", "createTime": "2026-12-07T06:00:00Z",
            "autoscalingPolicy": {"scaleToZeroWindow": "300s"}})"));
    QVERIFY(parsed.ok());
    const Deployment &d = parsed.value();
    QCOMPARE(d.id, QStringLiteral("d9"));
    QCOMPARE(d.name, QStringLiteral("accounts/acme/models/sftj-1#accounts/acme/deployments/d9"));
    QCOMPARE(d.state, Deployment::State::Starting);
    QCOMPARE(d.inactiveTimeoutMinutes, std::optional<int>(5));
    QVERIFY(d.pricePerHour && *d.pricePerHour > 0);
    // Fireworks' API gives no prices: the registry's figures are estimates, and say where to
    // check the real one.
    QVERIFY(d.priceIsEstimate);
    QVERIFY(d.isBilling());
    using St = Deployment::State;
    QCOMPARE(FireworksDialect::deploymentState(QStringLiteral("READY")), St::Running);
    QCOMPARE(FireworksDialect::deploymentState(QStringLiteral("UPDATING")), St::Running);
    QCOMPARE(FireworksDialect::deploymentState(QStringLiteral("DELETING")), St::Stopping);
    QCOMPARE(FireworksDialect::deploymentState(QStringLiteral("DELETED")), St::Stopped);
    QCOMPARE(FireworksDialect::deploymentState(QStringLiteral("FAILED")), St::Failed);
    QCOMPARE(FireworksDialect::deploymentState(QStringLiteral("STATE_UNSPECIFIED")), St::Unknown);
    QVERIFY(kDialect.documentedHardware().has_value());
    const QList<HardwareOption> accelerators = kDialect.documentedHardware().value();
    QCOMPARE(accelerators.size(), 5);
    for (const HardwareOption &option : accelerators) {
        QVERIFY2(option.priceIsEstimate && option.pricePerHour, qPrintable(option.id));
        QCOMPARE(option.priceCheckUrl, QUrl(QStringLiteral("https://fireworks.ai/pricing")));
    }
    QVERIFY(!ModelRegistry::provider(ProviderKind::Fireworks).deploymentPricesSource().isEmpty());
    QVERIFY(!kDialect.createDeployment(DeploymentRequest()).ok());
}

void tst_FireworksDialect::modelsAndTunableBases()
{
    QCOMPARE(kDialect.listBaseModels().value().path,
            QStringLiteral("/v1/accounts/fireworks/models"));
    const QByteArray catalogue = R"({"models": [
        {"name": "accounts/fireworks/models/qwen3-8b", "supervisedLoraTunable": true},
        {"name": "accounts/fireworks/models/big", "supervisedFullParameterTunable": true},
        {"name": "accounts/fireworks/models/whisper-v3"}], "nextPageToken": ""})";
    const auto bases = kDialect.parseModels(answer(catalogue));
    QVERIFY(bases.ok());
    QCOMPARE(bases.value().size(), 2);
    QCOMPARE(bases.value().first().ownedBy, QStringLiteral("fireworks"));
    const auto all = kDialect.parseModelList(answer(catalogue));
    QCOMPARE(all.value().size(), 3);
    QVERIFY(!kDialect.parseModelList(answer(R"({"data": []})")).ok()); // OpenAI's shape
    QVERIFY(!kDialect.parseModelList(answer(R"({"models": [{"id": "x"}]})")).ok());
}

void tst_FireworksDialect::chatPathAndBody()
{
    ChatRequest chat;
    chat.model = QStringLiteral("accounts/acme/models/m#accounts/acme/deployments/d");
    chat.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
    chat.maxCompletionTokens = 50;
    const auto call = kDialect.chat(chat, true);
    QCOMPARE(call.value().path, QStringLiteral("/inference/v1/chat/completions"));
    const QJsonObject body = bodyOf(call.value());
    QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 50);
    QVERIFY(!body.contains(QLatin1String("max_completion_tokens")));
    QVERIFY(body.value(QLatin1String("stream")).toBool());
    QVERIFY(!kDialect.parseChat(answer(R"({"id": "x"})")).ok());
}

void tst_FireworksDialect::wrongShapesAreSentences_data()
{
    QTest::addColumn<int>("what");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("job: html") << 0 << QByteArray("<html></html>");
    QTest::newRow("job: no name") << 0 << QByteArray(R"({"state": "JOB_STATE_RUNNING"})");
    QTest::newRow("job: no state")
            << 0 << QByteArray(R"({"name": "accounts/a/supervisedFineTuningJobs/j"})");
    QTest::newRow("jobs: not a list") << 1 << QByteArray(R"({"supervisedFineTuningJobs": {}})");
    QTest::newRow("jobs: entry not an object")
            << 1 << QByteArray(R"({"supervisedFineTuningJobs": [3]})");
    QTest::newRow("dataset: array") << 2 << QByteArray("[]");
    QTest::newRow("dataset: no name") << 2 << QByteArray(R"({"state": "READY"})");
    QTest::newRow("deployments: string") << 3 << QByteArray(R"({"deployments": "none"})");
    QTest::newRow("deployment: no name") << 4 << QByteArray(R"({"state": "READY"})");
}

void tst_FireworksDialect::wrongShapesAreSentences()
{
    QFETCH(int, what);
    QFETCH(QByteArray, body);
    DialectError error;
    switch (what) {
    case 0:
        error = kDialect.parseJob(answer(body)).error();
        QVERIFY(!kDialect.parseJob(answer(body)).ok());
        break;
    case 1:
        QVERIFY(!kDialect.parseJobList(answer(body)).ok());
        error = kDialect.parseJobList(answer(body)).error();
        break;
    case 2:
        QVERIFY(!kDialect.parseFile(answer(body)).ok());
        error = kDialect.parseFile(answer(body)).error();
        break;
    case 3:
        QVERIFY(!kDialect.parseDeployments(answer(body)).ok());
        error = kDialect.parseDeployments(answer(body)).error();
        break;
    case 4:
        QVERIFY(!kDialect.parseDeployment(answer(body)).ok());
        error = kDialect.parseDeployment(answer(body)).error();
        break;
    }
    QCOMPARE(error.kind, DialectError::Kind::UnexpectedAnswer);
    QVERIFY2(isSentence(error), qPrintable(error.message));
}

QTEST_GUILESS_MAIN(tst_FireworksDialect)
#include "tst_fireworksdialect.moc"
