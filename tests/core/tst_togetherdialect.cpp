// SPDX-License-Identifier: GPL-3.0-or-later
// Together AI's dialect at its edges: every field name after shared/reference/together/
// openapi.yaml, statuses the app does not know yet, metrics with keys missing, repeated steps,
// null wherever the spec allows it, and answers of the wrong shape (an error with a sentence).
#include "providerfixture.h"
#include "togetherdialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace fs;
using fs::test::answer;
using fs::test::bodyOf;
using fs::test::isSentence;

namespace {

CreateJobRequest loraRequest()
{
    CreateJobRequest request;
    request.model = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    request.trainingFile = QStringLiteral("file-train");
    request.validationFile = QStringLiteral("file-valid");
    request.suffix = QStringLiteral("support-bot");
    request.seed = 42;
    request.hyperparameters.nEpochs.isAuto = false;
    request.hyperparameters.nEpochs.value = 3;
    request.hyperparameters.batchSize.isAuto = false;
    request.hyperparameters.batchSize.value = 8;
    request.settings.type = TrainingSettings::Type::Lora;
    request.settings.loraRank = 16;
    request.settings.loraAlpha = 32;
    request.settings.loraDropout = 0.05;
    request.settings.learningRate = 1e-5;
    request.settings.nEvals = 4;
    request.settings.nCheckpoints = 2;
    return request;
}

} // namespace

class tst_TogetherDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobStatuses_data();
    void jobStatuses();
    void parseJobKeepsTogethersSettings();
    void parseJobWithNullEverywhere();
    void wrongShapesAreSentences_data();
    void wrongShapesAreSentences();

    void createJobBodyLora();
    void createJobBodyDpoFull();
    void createJobRefusesWhatTogetherLacks_data();
    void createJobRefusesWhatTogetherLacks();
    void estimatePrice();

    void metricsCallAsksOnlyForNewSteps();
    void metricsWithMissingKeys();
    void metricsPageThatRepeatsSteps();
    void metricsWithNulls();

    void events();
    void checkpoints();

    void uploadMultipart();
    void presignedUpload();
    void filesWithNulls();

    void deploymentStates_data();
    void deploymentStates();
    void endpointThatFailsToStart();
    void createDeploymentBody();
    void hardware();
    void modelLimitsAndSupportedModels();
    void modelListIsABareArray();
    void chatBody();
    void times_data();
    void times();

private:
    TogetherDialect m_dialect;
};

void tst_TogetherDialect::jobStatuses_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<FineTuningJob::Status>("domain");
    using S = FineTuningJob::Status;
    QTest::newRow("pending") << "pending" << S::Queued;
    QTest::newRow("queued") << "queued" << S::Queued;
    QTest::newRow("running") << "running" << S::Running;
    QTest::newRow("uploading") << "uploading" << S::Running;
    QTest::newRow("compressing") << "compressing" << S::Running;
    QTest::newRow("cancel_requested") << "cancel_requested" << S::Running;
    QTest::newRow("completed") << "completed" << S::Succeeded;
    QTest::newRow("cancelled") << "cancelled" << S::Cancelled;
    QTest::newRow("error") << "error" << S::Failed;
    QTest::newRow("user_error") << "user_error" << S::Failed;
    QTest::newRow("a future word") << "paused_for_maintenance" << S::Unknown;
    QTest::newRow("OpenAI's word") << "succeeded" << S::Unknown;
}

void tst_TogetherDialect::jobStatuses()
{
    QFETCH(QString, wire);
    QFETCH(FineTuningJob::Status, domain);
    const QByteArray body = R"({"id":"ft-1","status":")" + wire.toUtf8() + R"("})";
    const auto job = m_dialect.parseJob(answer(body));
    QVERIFY(job.ok());
    QCOMPARE(job.value().status, domain);
    QCOMPARE(job.value().statusText, wire); // the service's own word, for display
}

void tst_TogetherDialect::parseJobKeepsTogethersSettings()
{
    const QByteArray body = R"({
        "id": "ft-0123", "status": "completed", "created_at": "2026-12-01T10:00:00.123Z",
        "updated_at": "2026-12-01T11:30:00Z", "model": "meta-llama/Llama-3-8b",
        "model_output_name": "me/Llama-3-8b-support-bot-0123", "training_file": "file-t",
        "validation_file": "file-v", "suffix": "support-bot", "n_epochs": 3, "n_evals": 4,
        "n_checkpoints": 2, "batch_size": 8, "learning_rate": 0.00002, "token_count": 9000,
        "total_price": 1500, "random_seed": 7, "epochs_completed": 3,
        "training_type": {"type": "Lora", "lora_r": 16, "lora_alpha": 32, "lora_dropout": 0.05,
                          "lora_trainable_modules": "all-linear"},
        "training_method": {"method": "dpo", "dpo_beta": 0.2},
        "progress": {"estimate_available": true, "seconds_remaining": 0}
    })";
    const auto parsed = m_dialect.parseJob(answer(body));
    QVERIFY(parsed.ok());
    const FineTuningJob &job = parsed.value();
    QCOMPARE(job.status, FineTuningJob::Status::Succeeded);
    QCOMPARE(
            job.createdAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(job.finishedAt.value_or(0),
            QDateTime(QDate(2026, 12, 1), QTime(11, 30), Qt::UTC).toSecsSinceEpoch());
    QCOMPARE(job.fineTunedModel, QStringLiteral("me/Llama-3-8b-support-bot-0123"));
    QCOMPARE(job.validationFile, QStringLiteral("file-v"));
    QCOMPARE(job.hyperparameters.nEpochs.value, 3.0);
    QVERIFY(!job.hyperparameters.batchSize.isAuto);
    QCOMPARE(job.settings.type, TrainingSettings::Type::Lora);
    QCOMPARE(job.settings.loraRank.value_or(0), 16);
    QCOMPARE(job.settings.loraAlpha.value_or(0), 32);
    QCOMPARE(job.settings.loraDropout.value_or(0), 0.05);
    QCOMPARE(job.settings.learningRate.value_or(0), 0.00002);
    QCOMPARE(job.settings.nEvals.value_or(0), 4);
    QCOMPARE(job.methodType, QStringLiteral("dpo"));
    QCOMPARE(job.hyperparameters.beta.value, 0.2);
    QCOMPARE(job.trainedTokens.value_or(0), 9000);
    QCOMPARE(job.seed.value_or(0), 7);
    QCOMPARE(job.secondsRemaining.value_or(-1), 0);

    // Running: the output name is known, but there is no fine-tuned model yet.
    const auto running = m_dialect.parseJob(answer(
            R"({"id":"ft-1","status":"running","model_output_name":"me/x","batch_size":"max"})"));
    QVERIFY(running.ok());
    QVERIFY(running.value().fineTunedModel.isEmpty());
    QCOMPARE(running.value().outputModelName, QStringLiteral("me/x"));
    QVERIFY(running.value().hyperparameters.batchSize.isAuto); // "max": the service decides
    QVERIFY(!running.value().finishedAt);
}

void tst_TogetherDialect::parseJobWithNullEverywhere()
{
    // Every optional field null (random_seed is nullable in the spec; the rest are treated the
    // same way, as the service has been seen to send).
    const QByteArray body = R"({"id":"ft-2","status":"queued","created_at":null,
        "updated_at":null,"model":null,"model_output_name":null,"training_file":null,
        "validation_file":null,"suffix":null,"n_epochs":null,"n_evals":null,"batch_size":null,
        "learning_rate":null,"token_count":null,"total_price":null,"random_seed":null,
        "training_type":null,"training_method":null,"progress":null,"events":null,
        "epochs_completed":null,"queue_depth":null,"error":null})";
    const auto parsed = m_dialect.parseJob(answer(body));
    QVERIFY(parsed.ok());
    const FineTuningJob &job = parsed.value();
    QCOMPARE(job.status, FineTuningJob::Status::Queued);
    QCOMPARE(job.createdAt, 0);
    QVERIFY(job.model.isEmpty());
    QVERIFY(job.hyperparameters.nEpochs.isAuto);
    QVERIFY(!job.settings.learningRate);
    QVERIFY(!job.seed);
    QVERIFY(!job.trainedTokens);
    QVERIFY(!job.error);
    QCOMPARE(job.settings.type, TrainingSettings::Type::Default);
    QCOMPARE(job.methodType, QStringLiteral("supervised"));
}

void tst_TogetherDialect::wrongShapesAreSentences_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("job: not JSON") << "job" << QByteArray("<html>502 Bad Gateway</html>");
    QTest::newRow("job: an array") << "job" << QByteArray("[]");
    QTest::newRow("job: no id") << "job" << QByteArray(R"({"status":"running"})");
    QTest::newRow("job: no status") << "job" << QByteArray(R"({"id":"ft-1","status":null})");
    QTest::newRow("jobs: data not a list") << "jobs" << QByteArray(R"({"data":{"id":"ft-1"}})");
    QTest::newRow("jobs: entry without id") << "jobs" << QByteArray(R"({"data":[{"status":"x"}]})");
    QTest::newRow("metrics: not a list") << "metrics" << QByteArray(R"({"metrics":{"a":1}})");
    QTest::newRow("metrics: entry a number") << "metrics" << QByteArray(R"({"metrics":[1,2]})");
    QTest::newRow("events: entry a string") << "events" << QByteArray(R"({"data":["x"]})");
    QTest::newRow("price: no price") << "price" << QByteArray(R"({"allowed_to_proceed":true})");
    QTest::newRow("endpoint: no id") << "endpoint" << QByteArray(R"({"state":"STARTED"})");
    QTest::newRow("models: not a list") << "models" << QByteArray(R"({"models":"all"})");
    QTest::newRow("file: no id") << "file" << QByteArray(R"({"filename":"a.jsonl"})");
    QTest::newRow("chat: no choices") << "chat" << QByteArray(R"({"id":"c"})");
    QTest::newRow("limits: no model") << "limits" << QByteArray(R"({"max_num_epochs":3})");
}

void tst_TogetherDialect::wrongShapesAreSentences()
{
    QFETCH(QString, operation);
    QFETCH(QByteArray, body);
    const HttpAnswer a = answer(body);
    std::optional<DialectError> error;
    const auto keep = [&error](const auto &result) {
        if (!result.ok())
            error = result.error();
    };
    if (operation == QLatin1String("job"))
        keep(m_dialect.parseJob(a));
    else if (operation == QLatin1String("jobs"))
        keep(m_dialect.parseJobList(a));
    else if (operation == QLatin1String("metrics"))
        keep(m_dialect.parseMetrics(a, 0));
    else if (operation == QLatin1String("events"))
        keep(m_dialect.parseEvents(a));
    else if (operation == QLatin1String("price"))
        keep(m_dialect.parsePriceEstimate(a));
    else if (operation == QLatin1String("endpoint"))
        keep(m_dialect.parseDeployment(a));
    else if (operation == QLatin1String("models"))
        keep(m_dialect.parseModels(a));
    else if (operation == QLatin1String("file"))
        keep(m_dialect.parseFile(a));
    else if (operation == QLatin1String("chat"))
        keep(m_dialect.parseChat(a));
    else if (operation == QLatin1String("limits"))
        keep(m_dialect.parseModelLimits(a));
    QVERIFY2(error, "a wrong shape must be an error, not a blank object");
    QCOMPARE(error->kind, DialectError::Kind::UnexpectedAnswer);
    QVERIFY2(isSentence(*error), qPrintable(error->message));
    QVERIFY2(error->message.contains(QLatin1String("Together AI")), qPrintable(error->message));
}

void tst_TogetherDialect::createJobBodyLora()
{
    const auto call = m_dialect.createJob(loraRequest());
    QVERIFY(call.ok());
    QCOMPARE(call.value().verb, QByteArray("POST"));
    QCOMPARE(call.value().path, QStringLiteral("/fine-tunes"));
    QCOMPARE(call.value().contentType, QByteArray("application/json"));
    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "training_file": "file-train", "validation_file": "file-valid",
        "model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
        "n_epochs": 3, "n_evals": 4, "n_checkpoints": 2, "batch_size": 8,
        "learning_rate": 1e-05, "suffix": "support-bot", "random_seed": 42,
        "training_method": {"method": "sft", "train_on_inputs": false},
        "training_type": {"type": "Lora", "lora_r": 16, "lora_alpha": 32, "lora_dropout": 0.05}
    })")
                                         .object();
    QCOMPARE(bodyOf(call.value()), expected);
}

void tst_TogetherDialect::createJobBodyDpoFull()
{
    CreateJobRequest request;
    request.model = QStringLiteral("Qwen/Qwen3-8B");
    request.trainingFile = QStringLiteral("file-pairs");
    request.methodType = QStringLiteral("dpo");
    request.hyperparameters.beta.isAuto = false;
    request.hyperparameters.beta.value = 0.1;
    request.settings.type = TrainingSettings::Type::Full;
    const auto call = m_dialect.createJob(request);
    QVERIFY(call.ok());
    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "training_file": "file-pairs", "model": "Qwen/Qwen3-8B",
        "training_method": {"method": "dpo", "dpo_beta": 0.1},
        "training_type": {"type": "Full"}
    })")
                                         .object();
    QCOMPARE(bodyOf(call.value()), expected);

    // LoRA without alpha: twice the rank, as Together's own client does.
    CreateJobRequest lora;
    lora.model = QStringLiteral("m");
    lora.trainingFile = QStringLiteral("f");
    lora.settings.type = TrainingSettings::Type::Lora;
    lora.settings.loraRank = 8;
    const auto loraCall = m_dialect.createJob(lora);
    QVERIFY(loraCall.ok());
    QCOMPARE(bodyOf(loraCall.value()).value(QLatin1String("training_type")).toObject(),
            QJsonObject({{QLatin1String("type"), QStringLiteral("Lora")},
                    {QLatin1String("lora_r"), 8}, {QLatin1String("lora_alpha"), 16}}));
}

void tst_TogetherDialect::createJobRefusesWhatTogetherLacks_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("a learning rate multiplier") << "multiplier";
    QTest::newRow("metadata") << "metadata";
    QTest::newRow("LoRA without a rank") << "norank";
    QTest::newRow("LoRA values for full training") << "fullrank";
    QTest::newRow("a suffix over 40 characters") << "suffix";
    QTest::newRow("reinforcement") << "method";
    QTest::newRow("beta for supervised training") << "beta";
    QTest::newRow("no model") << "model";
}

void tst_TogetherDialect::createJobRefusesWhatTogetherLacks()
{
    QFETCH(QString, what);
    CreateJobRequest request = loraRequest();
    if (what == QLatin1String("multiplier")) {
        request.hyperparameters.learningRateMultiplier.isAuto = false;
        request.hyperparameters.learningRateMultiplier.value = 2;
    } else if (what == QLatin1String("metadata")) {
        request.metadata.insert(QStringLiteral("team"), QStringLiteral("support"));
    } else if (what == QLatin1String("norank")) {
        request.settings.loraRank.reset();
    } else if (what == QLatin1String("fullrank")) {
        request.settings.type = TrainingSettings::Type::Full;
    } else if (what == QLatin1String("suffix")) {
        request.suffix = QString(41, QLatin1Char('x'));
    } else if (what == QLatin1String("method")) {
        request.methodType = QStringLiteral("reinforcement");
    } else if (what == QLatin1String("beta")) {
        request.hyperparameters.beta.isAuto = false;
    } else if (what == QLatin1String("model")) {
        request.model.clear();
    }
    const auto call = m_dialect.createJob(request);
    QVERIFY(!call.ok());
    QCOMPARE(call.error().kind, DialectError::Kind::InvalidRequest);
    QVERIFY2(isSentence(call.error()), qPrintable(call.error().message));
    QCOMPARE(call.error().code(), QStringLiteral("invalid_request"));
}

void tst_TogetherDialect::modelListIsABareArray()
{
    const auto call = m_dialect.listModels();
    QVERIFY(call.ok());
    QCOMPARE(call.value().verb, QByteArray("GET"));
    QCOMPARE(call.value().path, QStringLiteral("/models"));

    const auto models = m_dialect.parseModelList(answer(R"([
        {"id": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "object": "model",
         "created": 1721692800, "type": "chat", "organization": "Meta"},
        {"id": "Qwen/Qwen2.5-14B-Instruct", "object": "model", "created": 0, "type": "chat",
         "organization": null}
    ])"));
    QVERIFY(models.ok());
    QCOMPARE(models.value().size(), 2);
    QCOMPARE(models.value().at(0).ownedBy, QStringLiteral("Meta"));
    QCOMPARE(models.value().at(0).created, 1721692800);
    QCOMPARE(models.value().at(1).ownedBy, QStringLiteral("Qwen")); // from the id when null
    QVERIFY(m_dialect.parseModelList(answer("[]")).ok());

    // OpenAI's page, a web page, a model without an id: errors with a sentence, never a list.
    for (const QByteArray &body : {QByteArray(R"({"object":"list","data":[{"id":"m"}]})"),
                 QByteArray("<html>nginx</html>"), QByteArray(R"([{"object":"model"}])")}) {
        const auto wrong = m_dialect.parseModelList(answer(body));
        QVERIFY2(!wrong.ok(), body.constData());
        QVERIFY(!wrong.error().message.isEmpty());
    }
}

void tst_TogetherDialect::estimatePrice()
{
    const auto call = m_dialect.estimatePrice(loraRequest());
    QVERIFY(call.ok());
    QCOMPARE(call.value().path, QStringLiteral("/fine-tunes/estimate-price"));
    // Only the fields the spec's estimate-price body has.
    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "training_file": "file-train", "validation_file": "file-valid",
        "model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference", "n_epochs": 3, "n_evals": 4,
        "training_method": {"method": "sft", "train_on_inputs": false},
        "training_type": {"type": "Lora", "lora_r": 16, "lora_alpha": 32, "lora_dropout": 0.05}
    })")
                                         .object();
    QCOMPARE(bodyOf(call.value()), expected);

    const auto over = m_dialect.parsePriceEstimate(answer(R"({"estimated_total_price": 12.5,
        "allowed_to_proceed": false, "user_limit": 10, "estimated_train_token_count": 250000,
        "estimated_eval_token_count": null})"));
    QVERIFY(over.ok());
    QCOMPARE(over.value().estimatedCost.value_or(0), 12.5);
    QCOMPARE(over.value().accountLimit.value_or(0), 10.0);
    QCOMPARE(over.value().trainTokens.value_or(0), 250000);
    QVERIFY(!over.value().evalTokens);
    QVERIFY(!over.value().allowed);
}

void tst_TogetherDialect::metricsCallAsksOnlyForNewSteps()
{
    const auto call = m_dialect.listMetrics(QStringLiteral("ft-a/b"), 140);
    QVERIFY(call.ok());
    QCOMPARE(call.value().verb, QByteArray("GET"));
    QCOMPARE(call.value().path, QStringLiteral("/fine-tunes/ft-a%2Fb/metrics"));
    // The spec's body and the query of Together's Python client: the same range in both.
    QCOMPARE(bodyOf(call.value()), QJsonObject({{QLatin1String("global_step_from"), 140}}));
    QCOMPARE(call.value().query.value(0).first, QStringLiteral("global_step_from"));
    QCOMPARE(call.value().query.value(0).second, QStringLiteral("140"));
}

void tst_TogetherDialect::metricsWithMissingKeys()
{
    const auto page = m_dialect.parseMetrics(answer(R"({"metrics":[
        {"train/loss": 0.5, "train/learning_rate": 0.0001, "train/global_step": 7},
        {"train/global_step": 14},
        {"eval/loss": 0.8, "eval/global_step": 21},
        {"train/loss": 0.4},
        {"unknown/thing": 1, "train/global_step": 28, "train/accuracy": 0.9}
    ]})"),
            0);
    QVERIFY(page.ok());
    const QList<MetricPoint> &points = page.value().points;
    QCOMPARE(points.size(), 4);
    QCOMPARE(page.value().skipped, 1); // {"train/loss": 0.4} has no step to place it at
    QCOMPARE(points.at(0).step, 7);
    QCOMPARE(points.at(0).value(Metric::TrainLoss), 0.5);
    QVERIFY(!points.at(0).has(Metric::FullValidLoss));
    QCOMPARE(points.at(1).step, 14);
    QVERIFY(!points.at(1).has(Metric::TrainLoss)); // NaN, not 0
    QCOMPARE(points.at(2).value(Metric::FullValidLoss), 0.8);
    QVERIFY(!points.at(2).has(Metric::TrainLoss));
    QCOMPARE(points.at(3).value(Metric::TrainAccuracy), 0.9);
    QCOMPARE(page.value().lastStep, 28);

    const auto empty = m_dialect.parseMetrics(answer("{}"), 0);
    QVERIFY(empty.ok());
    QVERIFY(empty.value().points.isEmpty());
    QCOMPARE(empty.value().lastStep, -1);
}

void tst_TogetherDialect::metricsPageThatRepeatsSteps()
{
    // Asked from step 14: the service sends 7 again, 14 twice (training, then its evaluation)
    // and 21 out of order.
    const auto page = m_dialect.parseMetrics(answer(R"({"metrics":[
        {"train/loss": 0.5, "train/global_step": 7},
        {"train/loss": 0.45, "train/global_step": 21},
        {"train/loss": 0.47, "train/global_step": 14},
        {"eval/loss": 0.61, "eval/global_step": 14},
        {"train/loss": 0.44, "train/global_step": 21}
    ]})"),
            14);
    QVERIFY(page.ok());
    const QList<MetricPoint> &points = page.value().points;
    QCOMPARE(points.size(), 2);
    QCOMPARE(points.at(0).step, 14);
    QCOMPARE(points.at(0).value(Metric::TrainLoss), 0.47);
    QCOMPARE(points.at(0).value(Metric::FullValidLoss), 0.61); // merged, not a second point
    QCOMPARE(points.at(1).step, 21);
    QCOMPARE(points.at(1).value(Metric::TrainLoss), 0.44); // the later entry wins
    QCOMPARE(page.value().lastStep, 21);
}

void tst_TogetherDialect::metricsWithNulls()
{
    const auto page = m_dialect.parseMetrics(answer(R"({"metrics":[
        {"train/loss": null, "eval/loss": null, "train/global_step": 3},
        {"train/loss": 0.3, "train/global_step": null, "eval/global_step": 4}
    ]})"),
            0);
    QVERIFY(page.ok());
    QCOMPARE(page.value().points.size(), 2);
    QVERIFY(!page.value().points.at(0).has(Metric::TrainLoss));
    QCOMPARE(page.value().points.at(1).step, 4);
    QCOMPARE(page.value().points.at(1).value(Metric::TrainLoss), 0.3);

    const auto none = m_dialect.parseMetrics(answer(R"({"metrics":null})"), 0);
    QVERIFY(none.ok());
    QVERIFY(none.value().points.isEmpty());
}

void tst_TogetherDialect::events()
{
    const auto call = m_dialect.listEvents(QStringLiteral("ft-1"), QStringLiteral("x"), 5);
    QVERIFY(call.ok());
    QCOMPARE(call.value().path, QStringLiteral("/fine-tunes/ft-1/events"));
    QVERIFY(call.value().query.isEmpty()); // Together has no paging here

    const auto page = m_dialect.parseEvents(answer(R"({"data":[
        {"object":"fine-tune-event","created_at":"2026-12-01T10:00:00Z","level":null,
         "message":"Job started","type":"job_start","param_count":0,"token_count":0,
         "total_steps":0,"wandb_url":"","step":0,"checkpoint_path":"","model_path":"",
         "training_offset":0,"hash":""},
        {"object":"fine-tune-event","created_at":"2026-12-01T10:05:00Z","level":"warning",
         "message":"Low disk","type":"something_new","step":12,"total_steps":90,
         "hash":"h-2"},
        {"created_at":"2026-12-01T10:06:00Z","level":"legacy_ierror","message":"Boom",
         "type":"job_error"}
    ]})"));
    QVERIFY(page.ok());
    QCOMPARE(page.value().data.size(), 3);
    const JobEvent &first = page.value().data.at(0);
    QCOMPARE(first.level, QStringLiteral("info"));
    QCOMPARE(first.type, QStringLiteral("job_start"));
    QVERIFY(!first.id.isEmpty()); // no hash: an id made of the event itself
    QVERIFY(!first.data.contains(QLatin1String("wandb_url"))); // empty strings are absent
    const JobEvent &second = page.value().data.at(1);
    QCOMPARE(second.id, QStringLiteral("h-2"));
    QCOMPARE(second.level, QStringLiteral("warn"));
    QCOMPARE(second.type, QStringLiteral("something_new")); // unknown types kept
    QCOMPARE(second.data.value(QLatin1String("total_steps")).toInt(), 90);
    QCOMPARE(page.value().data.at(2).level, QStringLiteral("error"));
    QVERIFY(page.value().data.at(0).id != page.value().data.at(2).id);
}

void tst_TogetherDialect::checkpoints()
{
    const auto page = m_dialect.parseCheckpoints(answer(R"({"data":[
        {"step": 45, "path": "s3://ckpt/45", "created_at": "2026-12-01T10:00:00Z",
         "checkpoint_type": "Intermediate"},
        {"step": null, "path": "s3://final", "created_at": null, "checkpoint_type": "Final"}
    ]})"),
            QStringLiteral("ft-9"));
    QVERIFY(page.ok());
    QCOMPARE(page.value().data.size(), 2);
    QCOMPARE(page.value().data.at(0).id, QStringLiteral("ft-9:45"));
    QCOMPARE(page.value().data.at(0).stepNumber, 45);
    QCOMPARE(page.value().data.at(0).kind, QStringLiteral("Intermediate"));
    QCOMPARE(page.value().data.at(0).fineTunedModelCheckpoint, QStringLiteral("s3://ckpt/45"));
    QCOMPARE(page.value().data.at(1).id, QStringLiteral("ft-9"));
    QCOMPARE(page.value().data.at(1).kind, QStringLiteral("Final"));
}

void tst_TogetherDialect::uploadMultipart()
{
    const QByteArray content = "{\"messages\":[]}\n";
    const auto call = m_dialect.uploadFile(
            QStringLiteral("train.jsonl"), content, QStringLiteral("fine-tune"));
    QVERIFY(call.ok());
    QCOMPARE(call.value().path, QStringLiteral("/files/upload"));
    QVERIFY(call.value().contentType.startsWith("multipart/form-data; boundary="));
    const QByteArray body = call.value().body;
    QVERIFY(body.contains("name=\"purpose\"\r\n\r\nfine-tune\r\n"));
    QVERIFY(body.contains("name=\"file_name\"\r\n\r\ntrain.jsonl\r\n"));
    QVERIFY(body.contains("name=\"file_type\"\r\n\r\njsonl\r\n"));
    QVERIFY(body.contains("name=\"file\"; filename=\"train.jsonl\""));
    QVERIFY(body.contains(content));
    // Pure: the same upload is built byte for byte the same.
    QCOMPARE(
            m_dialect
                    .uploadFile(QStringLiteral("train.jsonl"), content, QStringLiteral("fine-tune"))
                    .value(),
            call.value());
}

void tst_TogetherDialect::presignedUpload()
{
    const auto start = m_dialect.startPresignedUpload(
            QStringLiteral("my data.jsonl"), QStringLiteral("fine-tune"));
    QVERIFY(start.ok());
    QCOMPARE(start.value().verb, QByteArray("POST"));
    QCOMPARE(start.value().path, QStringLiteral("/files"));
    const QList<QPair<QString, QString>> query {
            {QStringLiteral("file_name"), QStringLiteral("my data.jsonl")},
            {QStringLiteral("file_type"), QStringLiteral("jsonl")},
            {QStringLiteral("purpose"), QStringLiteral("fine-tune")}};
    QCOMPARE(start.value().query, query);
    QVERIFY(start.value().redirectIsAnswer);
    QVERIFY(start.value().body.isEmpty());

    const auto wrongName = m_dialect.startPresignedUpload(
            QStringLiteral("notes.txt"), QStringLiteral("fine-tune"));
    QVERIFY(!wrongName.ok());
    QVERIFY(isSentence(wrongName.error()));

    HttpAnswer redirect;
    redirect.status = 302;
    redirect.headers = {{"Location", "https://storage.example/bucket/abc?X-Amz-Signature=s"},
            {"x-together-file-id", "file-abc"}};
    const auto upload = m_dialect.parsePresignedUpload(redirect);
    QVERIFY(upload.ok());
    QCOMPARE(upload.value().fileId, QStringLiteral("file-abc"));
    QCOMPARE(upload.value().url.host(), QStringLiteral("storage.example"));

    const auto put = m_dialect.putPresigned(upload.value().url, "bytes");
    QVERIFY(put.ok());
    QCOMPARE(put.value().verb, QByteArray("PUT"));
    QCOMPARE(put.value().absoluteUrl, upload.value().url);
    QCOMPARE(put.value().body, QByteArray("bytes"));
    QVERIFY(!put.value().expectJson);

    HttpAnswer noId = redirect;
    noId.headers.removeLast();
    QVERIFY(!m_dialect.parsePresignedUpload(noId).ok());
    QVERIFY(isSentence(m_dialect.parsePresignedUpload(noId).error()));
    QVERIFY(!m_dialect.parsePresignedUpload(answer("{}")).ok()); // a 200 is not the flow
}

void tst_TogetherDialect::filesWithNulls()
{
    const auto page = m_dialect.parseFileList(answer(R"({"data":[
        {"id":"file-1","object":"file","created_at":1764583200,"filename":"a.jsonl",
         "bytes":1024,"purpose":"fine-tune","Processed":true,"FileType":"jsonl","LineCount":12},
        {"id":"file-2","object":"file","created_at":null,"filename":null,"bytes":null,
         "purpose":null,"Processed":null,"FileType":null}
    ]})"));
    QVERIFY(page.ok());
    QCOMPARE(page.value().data.size(), 2);
    QCOMPARE(page.value().data.at(0).status, QStringLiteral("processed"));
    QCOMPARE(page.value().data.at(0).bytes, 1024);
    QCOMPARE(page.value().data.at(0).createdAt, 1764583200);
    QCOMPARE(page.value().data.at(1).status, QStringLiteral("uploaded"));
    QCOMPARE(page.value().data.at(1).bytes, 0);
    QVERIFY(m_dialect.parseFileList(answer(R"({"data":null})")).ok());
}

void tst_TogetherDialect::deploymentStates_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<Deployment::State>("domain");
    QTest::addColumn<bool>("billing");
    using S = Deployment::State;
    QTest::newRow("PENDING") << "PENDING" << S::Pending << true;
    QTest::newRow("STARTING") << "STARTING" << S::Starting << true;
    QTest::newRow("STARTED") << "STARTED" << S::Running << true;
    QTest::newRow("STOPPING") << "STOPPING" << S::Stopping << true;
    QTest::newRow("STOPPED") << "STOPPED" << S::Stopped << false;
    QTest::newRow("ERROR") << "ERROR" << S::Failed << false;
    // A word the app does not know yet: shown as the service says, and counted as billing so
    // that nothing bills silently.
    QTest::newRow("SCALING") << "SCALING" << S::Unknown << true;
}

void tst_TogetherDialect::deploymentStates()
{
    QFETCH(QString, wire);
    QFETCH(Deployment::State, domain);
    QFETCH(bool, billing);
    const auto deployment = m_dialect.parseDeployment(
            answer(R"({"id":"endpoint-1","state":")" + wire.toUtf8() + R"("})"));
    QVERIFY(deployment.ok());
    QCOMPARE(deployment.value().state, domain);
    QCOMPARE(deployment.value().stateText, wire);
    QCOMPARE(deployment.value().isBilling(), billing);
}

void tst_TogetherDialect::endpointThatFailsToStart()
{
    // PENDING → STARTING → ERROR: the last answer is a failure, not a running model.
    const QList<QByteArray> polls {
            R"({"object":"endpoint","id":"endpoint-9","name":"me/model-abc","display_name":"x",
                "model":"me/model","hardware":"1x_nvidia_h100_80gb_sxm","type":"dedicated",
                "owner":"me","state":"PENDING","autoscaling":{"min_replicas":1,"max_replicas":1},
                "created_at":"2025-02-04 10:43:55.405000+00:00"})",
            R"({"id":"endpoint-9","state":"STARTING"})",
            R"({"id":"endpoint-9","state":"ERROR","name":"me/model-abc"})",
    };
    QList<Deployment::State> states;
    for (const QByteArray &poll : polls) {
        const auto deployment = m_dialect.parseDeployment(answer(poll));
        QVERIFY(deployment.ok());
        states.append(deployment.value().state);
    }
    QCOMPARE(states,
            QList<Deployment::State>({Deployment::State::Pending, Deployment::State::Starting,
                    Deployment::State::Failed}));
    const auto first = m_dialect.parseDeployment(answer(polls.at(0)));
    QCOMPARE(first.value().name, QStringLiteral("me/model-abc"));
    QCOMPARE(first.value().hardware, QStringLiteral("1x_nvidia_h100_80gb_sxm"));
    QCOMPARE(first.value().createdAt,
            QDateTime(QDate(2025, 2, 4), QTime(10, 43, 55), Qt::UTC).toSecsSinceEpoch());
}

void tst_TogetherDialect::createDeploymentBody()
{
    DeploymentRequest request;
    request.model = QStringLiteral("me/Llama-3-8b-support-bot");
    request.hardware = QStringLiteral("1x_nvidia_h100_80gb_sxm");
    request.displayName = QStringLiteral("Try support-bot");
    request.inactiveTimeoutMinutes = 30;
    const auto call = m_dialect.createDeployment(request);
    QVERIFY(call.ok());
    QCOMPARE(call.value().path, QStringLiteral("/endpoints"));
    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "model": "me/Llama-3-8b-support-bot", "hardware": "1x_nvidia_h100_80gb_sxm",
        "autoscaling": {"min_replicas": 1, "max_replicas": 1},
        "display_name": "Try support-bot", "inactive_timeout": 30})")
                                         .object();
    QCOMPARE(bodyOf(call.value()), expected);
    QVERIFY(!m_dialect.createDeployment(DeploymentRequest {}).ok());

    const auto list = m_dialect.listDeployments();
    QVERIFY(list.ok());
    QCOMPARE(list.value().path, QStringLiteral("/endpoints"));
    const auto remove = m_dialect.deleteDeployment(QStringLiteral("endpoint-9"));
    QVERIFY(remove.ok());
    QCOMPARE(remove.value().verb, QByteArray("DELETE"));
    QCOMPARE(remove.value().path, QStringLiteral("/endpoints/endpoint-9"));
    QVERIFY(!remove.value().expectJson); // 204 without a body
}

void tst_TogetherDialect::hardware()
{
    const auto list = m_dialect.parseHardware(answer(R"({"object":"list","data":[
        {"object":"hardware","id":"2x_nvidia_a100_80gb_sxm","pricing":{"cents_per_minute":5.42},
         "specs":{"gpu_type":"a100-80gb","gpu_link":"sxm","gpu_memory":80,"gpu_count":2},
         "availability":{"status":"available"},"updated_at":"2026-12-01T00:00:00Z"},
        {"object":"hardware","id":"1x_nvidia_h100_80gb_sxm","pricing":{"cents_per_minute":null},
         "specs":null,"availability":null,"updated_at":null}
    ]})"));
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 2);
    const HardwareOption &a100 = list.value().at(0);
    QVERIFY(qAbs(a100.pricePerHour.value_or(0) - 3.252) < 1e-9); // 5.42 ¢/min × 60 / 100
    QCOMPARE(a100.availability, HardwareOption::Availability::Available);
    QCOMPARE(a100.name, QStringLiteral("2 × A100-80GB SXM"));
    const HardwareOption &h100 = list.value().at(1);
    QVERIFY(!h100.pricePerHour);
    QCOMPARE(h100.availability, HardwareOption::Availability::Unknown);
    QCOMPARE(h100.name, h100.id);

    const auto call = m_dialect.listHardware(QStringLiteral("me/model"));
    QVERIFY(call.ok());
    QCOMPARE(call.value().path, QStringLiteral("/hardware"));
    QCOMPARE(call.value().query.value(0).second, QStringLiteral("me/model"));
}

void tst_TogetherDialect::modelLimitsAndSupportedModels()
{
    const auto limits = m_dialect.parseModelLimits(answer(R"({"model_name":"Qwen/Qwen3-8B",
        "max_num_epochs":20,"max_num_evals":100,"max_learning_rate":1,"min_learning_rate":1e-8,
        "full_training":null,"lora_training":{"max_batch_size":32,"max_batch_size_dpo":16,
        "min_batch_size":8,"max_rank":64,"target_modules":["q_proj"]},"supports_vision":false,
        "supports_tools":true,"supports_reasoning":false,"merge_output_lora":false})"));
    QVERIFY(limits.ok());
    QCOMPARE(limits.value().maxEpochs.value_or(0), 20);
    QVERIFY(limits.value().supportsLora);
    QVERIFY(!limits.value().supportsFullTraining);
    QCOMPARE(limits.value().maxLoraRank.value_or(0), 64);
    QCOMPARE(limits.value().maxBatchSize.value_or(0), 32);

    const auto call = m_dialect.modelLimits(QStringLiteral("Qwen/Qwen3-8B"));
    QVERIFY(call.ok());
    QCOMPARE(call.value().path, QStringLiteral("/fine-tunes/models/limits"));
    QCOMPARE(call.value().query.value(0).first, QStringLiteral("model_name"));

    const auto models = m_dialect.parseModels(
            answer(R"({"models":["meta-llama/Llama-3-8b","Qwen/Qwen3-8B"]})"));
    QVERIFY(models.ok());
    QCOMPARE(models.value().size(), 2);
    QCOMPARE(models.value().at(1).ownedBy, QStringLiteral("Qwen"));
}

void tst_TogetherDialect::chatBody()
{
    ChatRequest request;
    request.model = QStringLiteral("me/model-abc");
    request.messages = {{QStringLiteral("user"), QStringLiteral("Hi")}};
    request.maxCompletionTokens = 64;
    request.temperature = 0.0;
    const auto call = m_dialect.chat(request, true);
    QVERIFY(call.ok());
    QCOMPARE(call.value().path, QStringLiteral("/chat/completions"));
    const QJsonObject body = bodyOf(call.value());
    QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 64);
    QVERIFY(!body.contains(QLatin1String("max_completion_tokens")));
    QVERIFY(body.value(QLatin1String("stream")).toBool());
}

void tst_TogetherDialect::times_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<qint64>("seconds");
    const qint64 t = QDateTime(QDate(2023, 5, 17), QTime(17, 35, 45), Qt::UTC).toSecsSinceEpoch();
    QTest::newRow("ISO with ms and Z")
            << QJsonValue(QStringLiteral("2023-05-17T17:35:45.123Z")) << t;
    QTest::newRow("space and micros")
            << QJsonValue(QStringLiteral("2023-05-17 17:35:45.405000+00:00")) << t;
    QTest::newRow("offset") << QJsonValue(QStringLiteral("2023-05-17T19:35:45+02:00")) << t;
    QTest::newRow("unix seconds") << QJsonValue(double(t)) << t;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << qint64(0);
    QTest::newRow("nonsense") << QJsonValue(QStringLiteral("yesterday")) << qint64(0);
}

void tst_TogetherDialect::times()
{
    QFETCH(QJsonValue, value);
    QFETCH(qint64, seconds);
    QCOMPARE(TogetherDialect::timeFromJson(value), seconds);
}

QTEST_GUILESS_MAIN(tst_TogetherDialect)
#include "tst_togetherdialect.moc"
