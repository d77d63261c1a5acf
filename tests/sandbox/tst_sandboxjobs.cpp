// SPDX-License-Identifier: GPL-3.0-or-later
#include "costestimate.h"
#include "datasetstatistics.h"
#include "sandboxservicefixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fs::sandbox;
using namespace fs::sandbox::test;

namespace {

const QString kModel = QStringLiteral("gpt-4o-mini-2024-07-18");
const QStringList kTerminal = {
        QStringLiteral("succeeded"), QStringLiteral("failed"), QStringLiteral("cancelled")};

QStringList messagesOf(const QJsonArray &events)
{
    QStringList messages;
    for (const QJsonValue &e : events)
        messages << e.toObject().value(QLatin1String("message")).toString();
    return messages;
}

QList<QJsonObject> metricsOf(const QJsonArray &events)
{
    QList<QJsonObject> data;
    for (const QJsonValue &e : events) {
        if (e.toObject().value(QLatin1String("type")).toString() == QLatin1String("metrics"))
            data << e.toObject().value(QLatin1String("data")).toObject();
    }
    return data;
}

} // namespace

class tst_SandboxJobs : public QObject, public SandboxServiceFixture
{
    Q_OBJECT

private:
    QJsonObject createJob(const QJsonObject &body)
    {
        return m_http->post(QStringLiteral("/v1/fine_tuning/jobs"), body).json();
    }

    QString goodJob(const QJsonObject &extra = {})
    {
        const QString training = m_http->uploadFile(fixture(QStringLiteral("train_good.jsonl")));
        QJsonObject body {
                {QStringLiteral("model"), kModel}, {QStringLiteral("training_file"), training}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return str(createJob(body), "id");
    }

private Q_SLOTS:
    void init() { QVERIFY(startSandbox(0.01)); }

    void cleanup() { stopSandbox(); }

    void goodJobRunsToSuccess()
    {
        const QString training = m_http->uploadFile(fixture(QStringLiteral("train_good.jsonl")));
        const QString validation =
                m_http->uploadFile(fixture(QStringLiteral("valid_good.jsonl")), "valid.jsonl");
        const QJsonObject created = createJob({{QStringLiteral("model"), kModel},
                {QStringLiteral("training_file"), training},
                {QStringLiteral("validation_file"), validation},
                {QStringLiteral("suffix"), QStringLiteral("crumb")}, {QStringLiteral("seed"), 42}});
        const QString id = str(created, "id");
        QVERIFY2(id.startsWith(QLatin1String("ftjob-")), qPrintable(str(created, "id")));
        QCOMPARE(str(created, "object"), QStringLiteral("fine_tuning.job"));
        QCOMPARE(str(created, "status"), QStringLiteral("validating_files"));
        QVERIFY(created.value(QLatin1String("error")).isNull());
        QVERIFY(created.value(QLatin1String("fine_tuned_model")).isNull());
        QVERIFY(created.value(QLatin1String("finished_at")).isNull());
        QVERIFY(created.value(QLatin1String("trained_tokens")).isNull());
        QCOMPARE(created.value(QLatin1String("seed")).toInt(), 42);
        QCOMPARE(created.value(QLatin1String("hyperparameters"))
                         .toObject()
                         .value(QLatin1String("n_epochs"))
                         .toString(),
                QStringLiteral("auto"));
        QCOMPARE(str(created, "validation_file"), validation);

        const QJsonObject job = m_http->waitForJob(id, kTerminal);
        QCOMPARE(str(job, "status"), QStringLiteral("succeeded"));
        // 12 examples: auto epochs = 100 / 12 = 8, batch size 1, so 8 × 12 steps.
        const QJsonObject hyper = job.value(QLatin1String("hyperparameters")).toObject();
        QCOMPARE(hyper.value(QLatin1String("n_epochs")).toInt(), 8);
        QCOMPARE(hyper.value(QLatin1String("batch_size")).toInt(), 1);
        QVERIFY(hyper.value(QLatin1String("learning_rate_multiplier")).toDouble() > 0);
        const QJsonObject method = job.value(QLatin1String("method")).toObject();
        QCOMPARE(str(method, "type"), QStringLiteral("supervised"));
        QCOMPARE(method.value(QLatin1String("supervised"))
                         .toObject()
                         .value(QLatin1String("hyperparameters"))
                         .toObject(),
                hyper);
        const QString model = str(job, "fine_tuned_model");
        QVERIFY2(model.startsWith(QLatin1String("ft:gpt-4o-mini-2024-07-18:sandbox:crumb:")),
                qPrintable(model));
        QVERIFY(job.value(QLatin1String("finished_at")).toInteger() > 0);
        QVERIFY(job.value(QLatin1String("trained_tokens")).toInteger() > 0);
        QVERIFY(job.value(QLatin1String("error")).isNull());
        QVERIFY(job.value(QLatin1String("estimated_finish")).isNull());
        QCOMPARE(str(job, "user_provided_suffix"), QStringLiteral("crumb"));

        // Events, oldest first, in the real service's words.
        const QJsonArray events = m_http->allEvents(id);
        const QStringList messages = messagesOf(events);
        QCOMPARE(messages.value(0), QStringLiteral("Created fine-tuning job: ") + id);
        QCOMPARE(messages.value(1),
                QStringLiteral("Validating training file: %1 and validation file: %2")
                        .arg(training, validation));
        QCOMPARE(messages.value(2), QStringLiteral("Files validated, moving job to queued state"));
        QCOMPARE(messages.value(3), QStringLiteral("Fine-tuning job started"));
        QVERIFY(messages.value(4).startsWith(QLatin1String("Step 1/96: training loss=")));
        QVERIFY(messages.contains(QStringLiteral("New fine-tuned model created: ") + model));
        QCOMPARE(messages.last(), QStringLiteral("The job has successfully completed"));
        for (const QJsonValue &e : events) {
            const QJsonObject event = e.toObject();
            QCOMPARE(str(event, "object"), QStringLiteral("fine_tuning.job.event"));
            QCOMPARE(str(event, "level"), QStringLiteral("info"));
            QVERIFY(event.value(QLatin1String("data")).isObject());
        }

        // Metrics every few steps; validation numbers; full validation at each epoch end.
        const QList<QJsonObject> metrics = metricsOf(events);
        QVERIFY(metrics.size() >= 20);
        int fullValid = 0;
        for (const QJsonObject &m : metrics) {
            QCOMPARE(m.value(QLatin1String("total_steps")).toInt(), 96);
            QVERIFY(m.value(QLatin1String("train_loss")).isDouble());
            const double accuracy = m.value(QLatin1String("train_mean_token_accuracy")).toDouble();
            QVERIFY(accuracy >= 0 && accuracy <= 1);
            QVERIFY(m.value(QLatin1String("valid_loss")).isDouble());
            QVERIFY(m.value(QLatin1String("valid_mean_token_accuracy")).isDouble());
            if (m.contains(QLatin1String("full_valid_loss"))) {
                ++fullValid;
                QCOMPARE(m.value(QLatin1String("step")).toInt() % 12, 0);
            }
        }
        QCOMPARE(fullValid, 8);
        QCOMPARE(metrics.last().value(QLatin1String("step")).toInt(), 96);
        auto meanLoss = [&metrics](qsizetype from, qsizetype to) {
            double sum = 0;
            for (qsizetype i = from; i < to; ++i)
                sum += metrics.at(i).value(QLatin1String("train_loss")).toDouble();
            return sum / double(to - from);
        };
        const qsizetype third = metrics.size() / 3;
        QVERIFY2(meanLoss(0, third) > 2 * meanLoss(metrics.size() - third, metrics.size()),
                "the loss should fall clearly over the run");

        // The result file: base64 CSV, one row per step.
        const QJsonArray results = job.value(QLatin1String("result_files")).toArray();
        QCOMPARE(results.size(), 1);
        const QString resultId = results.first().toString();
        QCOMPARE(str(m_http->get(QStringLiteral("/v1/files/") + resultId).json(), "purpose"),
                QStringLiteral("fine-tune-results"));
        const QByteArray encoded =
                m_http->get(QStringLiteral("/v1/files/%1/content").arg(resultId)).body;
        QVERIFY(!encoded.startsWith("step,"));
        const QList<QByteArray> rows = QByteArray::fromBase64(encoded).trimmed().split('\n');
        QCOMPARE(rows.size(), 97);
        QCOMPARE(rows.first(),
                QByteArray("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy"));
        QVERIFY(rows.at(1).startsWith("1,"));
        QCOMPARE(rows.at(1).split(',').size(), 5);
        bool sawEmptyValid = false;
        for (const QByteArray &row : rows.mid(1))
            sawEmptyValid = sawEmptyValid || row.endsWith(",,");
        QVERIFY(sawEmptyValid);
        QVERIFY(rows.last().startsWith("96,"));
        QVERIFY(!rows.last().endsWith(",,")); // the last step has validation numbers

        // Checkpoints for the last three epochs, newest first.
        const QJsonObject checkpoints =
                m_http->get(QStringLiteral("/v1/fine_tuning/jobs/%1/checkpoints").arg(id)).json();
        const QJsonArray list = checkpoints.value(QLatin1String("data")).toArray();
        QCOMPARE(list.size(), 3);
        QList<int> steps;
        for (const QJsonValue &v : list) {
            const QJsonObject c = v.toObject();
            QVERIFY(str(c, "id").startsWith(QLatin1String("ftckpt_")));
            QCOMPARE(str(c, "object"), QStringLiteral("fine_tuning.job.checkpoint"));
            QCOMPARE(str(c, "fine_tuning_job_id"), id);
            const int step = c.value(QLatin1String("step_number")).toInt();
            steps << step;
            QCOMPARE(str(c, "fine_tuned_model_checkpoint"),
                    model + QStringLiteral(":ckpt-step-%1").arg(step));
            QVERIFY(c.value(QLatin1String("metrics"))
                            .toObject()
                            .contains(QLatin1String("full_valid_loss")));
        }
        QCOMPARE(steps, (QList<int> {96, 84, 72}));
        QCOMPARE(str(checkpoints, "first_id"), str(list.first().toObject(), "id"));
        QCOMPARE(checkpoints.value(QLatin1String("has_more")).toBool(), false);
        const QJsonObject onePage =
                m_http->get(QStringLiteral("/v1/fine_tuning/jobs/%1/checkpoints?limit=2").arg(id))
                        .json();
        QCOMPARE(onePage.value(QLatin1String("has_more")).toBool(), true);

        // The model is listed and can be retrieved.
        bool listed = false;
        const QJsonArray modelList = m_http->get(QStringLiteral("/v1/models")).data();
        for (const QJsonValue &v : modelList)
            listed = listed || str(v.toObject(), "id") == model;
        QVERIFY(listed);
        QCOMPARE(m_http->get(QStringLiteral("/v1/models/") + model).status, 200);
    }

    void explicitHyperparametersAndDeterminism()
    {
        const QJsonObject method {{QStringLiteral("type"), QStringLiteral("supervised")},
                {QStringLiteral("supervised"),
                        QJsonObject {{QStringLiteral("hyperparameters"),
                                QJsonObject {{QStringLiteral("n_epochs"), 2},
                                        {QStringLiteral("batch_size"), 4}}}}}};
        const QString first =
                goodJob({{QStringLiteral("method"), method}, {QStringLiteral("seed"), 7}});
        const QString second =
                goodJob({{QStringLiteral("method"), method}, {QStringLiteral("seed"), 7}});
        const QJsonObject job = m_http->waitForJob(first, kTerminal);
        m_http->waitForJob(second, kTerminal);
        QCOMPARE(str(job, "status"), QStringLiteral("succeeded"));
        QCOMPARE(job.value(QLatin1String("hyperparameters"))
                         .toObject()
                         .value(QLatin1String("batch_size"))
                         .toInt(),
                4);
        const QList<QJsonObject> a = metricsOf(m_http->allEvents(first));
        const QList<QJsonObject> b = metricsOf(m_http->allEvents(second));
        // 2 epochs × ceil(12 / 4) steps; no validation file, so no valid_* numbers.
        QCOMPARE(a.last().value(QLatin1String("total_steps")).toInt(), 6);
        QVERIFY(!a.first().contains(QLatin1String("valid_loss")));
        // Same data, same seed: the same curve.
        QCOMPARE(a.first().value(QLatin1String("train_loss")),
                b.first().value(QLatin1String("train_loss")));
        QCOMPARE(a.size(), b.size());
    }

    void lossDependsOnTheData()
    {
        const QJsonObject method {{QStringLiteral("type"), QStringLiteral("supervised")},
                {QStringLiteral("supervised"),
                        QJsonObject {{QStringLiteral("hyperparameters"),
                                QJsonObject {{QStringLiteral("n_epochs"), 1}}}}}};
        const QString bakery =
                goodJob({{QStringLiteral("method"), method}, {QStringLiteral("seed"), 1}});
        QByteArray tiny;
        for (int i = 0; i < 12; ++i)
            tiny += "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\","
                    "\"content\":\"hello\"}]}\n";
        const QString tinyFile = m_http->uploadFile(tiny);
        const QString small =
                str(createJob({{QStringLiteral("model"), kModel},
                            {QStringLiteral("training_file"), tinyFile},
                            {QStringLiteral("method"), method}, {QStringLiteral("seed"), 1}}),
                        "id");
        m_http->waitForJob(bakery, kTerminal);
        m_http->waitForJob(small, kTerminal);
        const double bakeryStart = metricsOf(m_http->allEvents(bakery))
                                           .first()
                                           .value(QLatin1String("train_loss"))
                                           .toDouble();
        const double tinyStart = metricsOf(m_http->allEvents(small))
                                         .first()
                                         .value(QLatin1String("train_loss"))
                                         .toDouble();
        // A two-word vocabulary starts far lower than a bakery's worth of sentences.
        QVERIFY2(bakeryStart > tinyStart * 1.3,
                qPrintable(QStringLiteral("%1 vs %2").arg(bakeryStart).arg(tinyStart)));
    }

    void badTrainingFileFails_data()
    {
        QTest::addColumn<QString>("fixtureName");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("5 examples")
                << QStringLiteral("train_five.jsonl") << QStringLiteral("invalid_n_examples")
                << QStringLiteral("Training file has 5 example(s), but must have at least 10 "
                                  "examples");
        QTest::newRow("broken json") << QStringLiteral("train_broken_json.jsonl")
                                     << QStringLiteral("invalid_file_format")
                                     << QStringLiteral("Invalid file format. Example 3 ");
        QTest::newRow("no assistant") << QStringLiteral("train_no_assistant.jsonl")
                                      << QStringLiteral("invalid_file_format")
                                      << QStringLiteral("Invalid file format. Example 7 is "
                                                        "missing an assistant message");
        QTest::newRow("unknown role")
                << QStringLiteral("train_bad_role.jsonl") << QStringLiteral("invalid_file_format")
                << QStringLiteral("Invalid file format. Example 4 has an "
                                  "unrecognized role: 'customer'");
        QTest::newRow("dpo file for sft")
                << QStringLiteral("train_dpo.jsonl") << QStringLiteral("invalid_file_format")
                << QStringLiteral("Invalid file format. Example 1 ");
    }

    void badTrainingFileFails()
    {
        QFETCH(QString, fixtureName);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const QString training = m_http->uploadFile(fixture(fixtureName));
        const QString id = str(createJob({{QStringLiteral("model"), kModel},
                                       {QStringLiteral("training_file"), training}}),
                "id");
        QVERIFY(!id.isEmpty());
        const QJsonObject job = m_http->waitForJob(id, kTerminal);
        QCOMPARE(str(job, "status"), QStringLiteral("failed"));
        const QJsonObject error = job.value(QLatin1String("error")).toObject();
        QCOMPARE(str(error, "code"), code);
        QVERIFY2(str(error, "message").startsWith(message), qPrintable(str(error, "message")));
        QCOMPARE(str(error, "param"), QStringLiteral("training_file"));
        QVERIFY(job.value(QLatin1String("fine_tuned_model")).isNull());
        QVERIFY(job.value(QLatin1String("finished_at")).toInteger() > 0);

        const QJsonObject newest = m_http->get(QStringLiteral("/v1/fine_tuning/jobs/%1/events?"
                                                              "limit=1")
                                                         .arg(id))
                                           .data()
                                           .first()
                                           .toObject();
        QCOMPARE(str(newest, "level"), QStringLiteral("error"));
        QCOMPARE(str(newest, "message"), str(error, "message"));
        const QJsonObject data = newest.value(QLatin1String("data")).toObject();
        QCOMPARE(str(data, "error_code"), code);
        QCOMPARE(str(data, "error_param"), QStringLiteral("training_file"));
        QVERIFY(metricsOf(m_http->allEvents(id)).isEmpty()); // no training happened
    }

    void trainedTokensAreWhatTheAppEstimates_data()
    {
        QTest::addColumn<QString>("fixtureName");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("epochs"); // 0: automatic
        QTest::newRow("explicit epochs") << QStringLiteral("train_good.jsonl") << kModel << 2;
        QTest::newRow("automatic epochs") << QStringLiteral("train_good.jsonl") << kModel << 0;
        QTest::newRow("gpt-4.1 family") << QStringLiteral("train_good.jsonl")
                                        << QStringLiteral("gpt-4.1-mini-2025-04-14") << 3;
    }

    void trainedTokensAreWhatTheAppEstimates()
    {
        // The New-job form's estimate and the finished job's trained_tokens for the same file
        // and epochs: the app's own sandbox bills exactly what the app predicts.
        QFETCH(QString, fixtureName);
        QFETCH(QString, model);
        QFETCH(int, epochs);
        const QByteArray content = fixture(fixtureName);
        const fs::CostEstimate estimate = fs::CostEstimate::compute(
                fs::TokenCountJob::countFile(content, fs::Tokenizer::encodingForModel(model)),
                model, -1, epochs);
        QVERIFY(estimate.billedTokens > 0);

        const QString training = m_http->uploadFile(fixture(fixtureName));
        QJsonObject body {
                {QStringLiteral("model"), model}, {QStringLiteral("training_file"), training}};
        if (epochs > 0)
            body.insert(QStringLiteral("hyperparameters"),
                    QJsonObject {{QStringLiteral("n_epochs"), epochs}});
        const QJsonObject job = m_http->waitForJob(str(createJob(body), "id"), kTerminal);
        QCOMPARE(str(job, "status"), QStringLiteral("succeeded"));
        QCOMPARE(job.value(QLatin1String("hyperparameters"))
                         .toObject()
                         .value(QLatin1String("n_epochs"))
                         .toInt(),
                estimate.epochs);
        QCOMPARE(job.value(QLatin1String("trained_tokens")).toInteger(), estimate.billedTokens);
    }

    void dpoJobSucceeds()
    {
        const QString training = m_http->uploadFile(fixture(QStringLiteral("train_dpo.jsonl")));
        const QJsonObject created = createJob({{QStringLiteral("model"),
                                                       QStringLiteral("gpt-4.1-mini-2025-04-14")},
                {QStringLiteral("training_file"), training},
                {QStringLiteral("method"),
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("dpo")},
                                {QStringLiteral("dpo"),
                                        QJsonObject {{QStringLiteral("hyperparameters"),
                                                QJsonObject {{QStringLiteral("beta"), 0.25},
                                                        {QStringLiteral("n_epochs"), 1}}}}}}}});
        const QJsonObject job = m_http->waitForJob(str(created, "id"), kTerminal);
        QCOMPARE(str(job, "status"), QStringLiteral("succeeded"));
        const QJsonObject method = job.value(QLatin1String("method")).toObject();
        QCOMPARE(str(method, "type"), QStringLiteral("dpo"));
        const QJsonObject hyper = method.value(QLatin1String("dpo"))
                                          .toObject()
                                          .value(QLatin1String("hyperparameters"))
                                          .toObject();
        QCOMPARE(hyper.value(QLatin1String("beta")).toDouble(), 0.25);
        QCOMPARE(hyper.value(QLatin1String("n_epochs")).toInt(), 1);
    }

    void createRejectsBadRequests_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("param");
        const QJsonObject good {{QStringLiteral("model"), kModel},
                {QStringLiteral("training_file"), QStringLiteral("FILE")}};
        auto with = [&good](const QString &key, const QJsonValue &value) {
            QJsonObject body = good;
            if (value.isUndefined())
                body.remove(key);
            else
                body.insert(key, value);
            return body;
        };
        QTest::newRow("no model") << with(QStringLiteral("model"), QJsonValue::Undefined)
                                  << QStringLiteral("model");
        QTest::newRow("unknown model") << with(QStringLiteral("model"), QStringLiteral("gpt-99"))
                                       << QStringLiteral("model");
        QTest::newRow("no training file") << with(QStringLiteral("training_file"),
                QJsonValue::Undefined) << QStringLiteral("training_file");
        QTest::newRow("unknown training file") << with(QStringLiteral("training_file"),
                QStringLiteral("file-nope")) << QStringLiteral("training_file");
        QTest::newRow("unknown validation file") << with(QStringLiteral("validation_file"),
                QStringLiteral("file-nope")) << QStringLiteral("validation_file");
        QTest::newRow("zero epochs") << with(
                QStringLiteral("hyperparameters"), QJsonObject {{QStringLiteral("n_epochs"), 0}})
                                     << QStringLiteral("hyperparameters.n_epochs");
        QTest::newRow("huge batch") << with(QStringLiteral("hyperparameters"),
                QJsonObject {{QStringLiteral("batch_size"), 257}})
                                    << QStringLiteral("hyperparameters.batch_size");
        QTest::newRow("long suffix")
                << with(QStringLiteral("suffix"), QString(65, QLatin1Char('x')))
                << QStringLiteral("suffix");
        QTest::newRow("negative seed")
                << with(QStringLiteral("seed"), -1) << QStringLiteral("seed");
        QTest::newRow("unknown argument")
                << with(QStringLiteral("epochs"), 3) << QStringLiteral("epochs");
    }

    void createRejectsBadRequests()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, param);
        const QString file = m_http->uploadFile(fixture(QStringLiteral("train_good.jsonl")));
        if (body.value(QLatin1String("training_file")).toString() == QLatin1String("FILE"))
            body.insert(QStringLiteral("training_file"), file);
        const HttpResult result = m_http->post(QStringLiteral("/v1/fine_tuning/jobs"), body);
        QCOMPARE(result.status, 400);
        QCOMPARE(str(result.json().value(QLatin1String("error")).toObject(), "param"), param);
        QVERIFY(m_http->get(QStringLiteral("/v1/fine_tuning/jobs")).data().isEmpty());
    }

    void unknownJob()
    {
        for (const QString &path : {QStringLiteral("/v1/fine_tuning/jobs/ftjob-nope"),
                     QStringLiteral("/v1/fine_tuning/jobs/ftjob-nope/events"),
                     QStringLiteral("/v1/fine_tuning/jobs/ftjob-nope/checkpoints")}) {
            const HttpResult result = m_http->get(path);
            QCOMPARE(result.status, 404);
            QVERIFY(result.errorMessage().contains(QLatin1String("ftjob-nope")));
        }
        QCOMPARE(m_http->post(QStringLiteral("/v1/fine_tuning/jobs/ftjob-nope/cancel"), {}).status,
                404);
    }

    void cancelAndFinishedJobsRefuse()
    {
        m_server->setTimeScale(0.5); // slow enough to cancel while validating
        const QString id = goodJob();
        const HttpResult cancelled =
                m_http->post(QStringLiteral("/v1/fine_tuning/jobs/%1/cancel").arg(id), {});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(str(cancelled.json(), "status"), QStringLiteral("cancelled"));
        // Time passes in the sandbox (a second job moves on); the cancelled one stays cancelled.
        const QString witness = goodJob();
        QCOMPARE(str(m_http->waitForJob(witness, {QStringLiteral("running")}, 20000), "status"),
                QStringLiteral("running"));
        QCOMPARE(str(m_http->get(QStringLiteral("/v1/fine_tuning/jobs/") + id).json(), "status"),
                QStringLiteral("cancelled"));
        for (const char *action : {"cancel", "pause", "resume"}) {
            const HttpResult again = m_http->post(
                    QStringLiteral("/v1/fine_tuning/jobs/%1/%2").arg(id, QLatin1String(action)),
                    {});
            QCOMPARE(again.status, 400);
            const QJsonObject error = again.json().value(QLatin1String("error")).toObject();
            QCOMPARE(str(error, "type"), QStringLiteral("invalid_request_error"));
            QVERIFY(str(error, "message").contains(QLatin1String("cancelled")));
        }
    }

    void pauseStopsProgressAndResumeContinues()
    {
        m_server->setTimeScale(0.05);
        const QString id = goodJob();
        QTRY_VERIFY_WITH_TIMEOUT(metricsOf(m_http->allEvents(id, 100)).size() >= 2, 20000);
        const HttpResult paused =
                m_http->post(QStringLiteral("/v1/fine_tuning/jobs/%1/pause").arg(id), {});
        QCOMPARE(paused.status, 200);
        QCOMPARE(str(paused.json(), "status"), QStringLiteral("paused"));
        QVERIFY(paused.json().value(QLatin1String("estimated_finish")).isNull());
        const qsizetype eventsAtPause = m_http->allEvents(id, 100).size();
        // Time passes in the sandbox (a second job trains two steps); the paused one stands still.
        const QString witness = goodJob();
        QTRY_VERIFY_WITH_TIMEOUT(metricsOf(m_http->allEvents(witness, 100)).size() >= 2, 20000);
        QCOMPARE(m_http->allEvents(id, 100).size(), eventsAtPause);
        QCOMPARE(m_http->post(QStringLiteral("/v1/fine_tuning/jobs/%1/pause").arg(id), {}).status,
                400);

        const HttpResult resumed =
                m_http->post(QStringLiteral("/v1/fine_tuning/jobs/%1/resume").arg(id), {});
        QCOMPARE(resumed.status, 200);
        QCOMPARE(str(resumed.json(), "status"), QStringLiteral("queued"));
        const QJsonObject running = m_http->waitForJob(id, {QStringLiteral("running")}, 10000);
        QCOMPARE(str(running, "status"), QStringLiteral("running"));
        QVERIFY(running.value(QLatin1String("estimated_finish")).toInteger()
                >= QDateTime::currentSecsSinceEpoch());
        m_server->setTimeScale(0.005);
        QCOMPARE(str(m_http->waitForJob(id, kTerminal), "status"), QStringLiteral("succeeded"));
        const QStringList messages = messagesOf(m_http->allEvents(id, 100));
        QVERIFY(messages.contains(QStringLiteral("Fine-tuning job paused")));
        QVERIFY(messages.contains(QStringLiteral("Fine-tuning job resumed")));
        QCOMPARE(messages.count(QStringLiteral("Fine-tuning job started")), 1);
        // No step is reported twice across the pause.
        QList<int> steps;
        for (const QJsonObject &m : metricsOf(m_http->allEvents(id, 100)))
            steps << m.value(QLatin1String("step")).toInt();
        QVERIFY(std::is_sorted(steps.cbegin(), steps.cend()));
        QCOMPARE(QSet<int>(steps.cbegin(), steps.cend()).size(), steps.size());
    }

    void eventsPaging()
    {
        const QString id = goodJob();
        m_http->waitForJob(id, kTerminal);
        const QJsonObject firstPage =
                m_http->get(QStringLiteral("/v1/fine_tuning/jobs/%1/events").arg(id)).json();
        const QJsonArray newest = firstPage.value(QLatin1String("data")).toArray();
        QCOMPARE(newest.size(), 20); // the default limit
        QCOMPARE(firstPage.value(QLatin1String("has_more")).toBool(), true);
        QCOMPARE(str(newest.first().toObject(), "message"),
                QStringLiteral("The job has successfully completed"));
        for (qsizetype i = 1; i < newest.size(); ++i)
            QVERIFY(newest.at(i - 1).toObject().value(QLatin1String("created_at")).toInteger()
                    >= newest.at(i).toObject().value(QLatin1String("created_at")).toInteger());

        const QJsonArray all = m_http->allEvents(id, 3);
        const QJsonArray allAtOnce = m_http->allEvents(id, 1000);
        QCOMPARE(all, allAtOnce);
        QStringList ids;
        for (const QJsonValue &e : all)
            ids << str(e.toObject(), "id");
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());

        // `after` the oldest event: nothing older.
        const QJsonObject end =
                m_http->get(QStringLiteral("/v1/fine_tuning/jobs/%1/events?after=%2")
                                      .arg(id, ids.first()))
                        .json();
        QVERIFY(end.value(QLatin1String("data")).toArray().isEmpty());
        QCOMPARE(end.value(QLatin1String("has_more")).toBool(), false);
        // `after` the second newest: continues with the third newest.
        const QJsonArray next = m_http->get(QStringLiteral("/v1/fine_tuning/jobs/%1/events?after=%2"
                                                           "&limit=1")
                                                      .arg(id, ids.at(ids.size() - 2)))
                                        .data();
        QCOMPARE(str(next.first().toObject(), "id"), ids.at(ids.size() - 3));
        QCOMPARE(m_http->get(QStringLiteral("/v1/fine_tuning/jobs/%1/events?limit=0").arg(id))
                         .status,
                400);
    }

    void jobsListNewestFirstWithPaging()
    {
        m_server->setTimeScale(1.0); // keep them validating; only the list matters here
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids << goodJob();
        const QJsonObject page = m_http->get(QStringLiteral("/v1/fine_tuning/jobs?limit=2")).json();
        const QJsonArray data = page.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 2);
        QCOMPARE(str(data.at(0).toObject(), "id"), ids.at(2));
        QCOMPARE(str(data.at(1).toObject(), "id"), ids.at(1));
        QCOMPARE(page.value(QLatin1String("has_more")).toBool(), true);
        QVERIFY(!page.contains(QLatin1String("first_id")));
        const QJsonObject rest =
                m_http->get(QStringLiteral("/v1/fine_tuning/jobs?after=") + ids.at(1)).json();
        QCOMPARE(rest.value(QLatin1String("data")).toArray().size(), 1);
        QCOMPARE(str(rest.value(QLatin1String("data")).toArray().first().toObject(), "id"),
                ids.at(0));
        QCOMPARE(rest.value(QLatin1String("has_more")).toBool(), false);
    }

    void trainingNotAvailable()
    {
        const QString file = m_http->uploadFile(fixture(QStringLiteral("train_good.jsonl")));
        const QJsonObject body {
                {QStringLiteral("model"), kModel}, {QStringLiteral("training_file"), file}};
        m_server->setTrainingNotAvailable(true);
        HttpResult refused = m_http->post(QStringLiteral("/v1/fine_tuning/jobs"), body);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("training_not_available"));
        QVERIFY(refused.errorMessage().contains(QLatin1String("being wound down")));
        QVERIFY(refused.errorMessage().contains(
                QLatin1String("can no longer create new fine-tuning training jobs")));
        // Browsing still works.
        QCOMPARE(m_http->get(QStringLiteral("/v1/fine_tuning/jobs")).status, 200);
        m_server->clearFaults();
        QCOMPARE(m_http->post(QStringLiteral("/v1/fine_tuning/jobs"), body).status, 200);

        // The same over HTTP, for tests that drive the sandbox from outside.
        QCOMPARE(m_http->post(QStringLiteral("/_sandbox/faults"),
                               {{QStringLiteral("training_not_available"), true}})
                         .status,
                200);
        refused = m_http->post(QStringLiteral("/v1/fine_tuning/jobs"), body);
        QCOMPARE(refused.status, 403);
        QCOMPARE(m_http->del(QStringLiteral("/_sandbox/faults")).status, 200);
        QCOMPARE(m_http->post(QStringLiteral("/v1/fine_tuning/jobs"), body).status, 200);
    }

    void deletingTheModel()
    {
        const QString id = goodJob({{QStringLiteral("hyperparameters"),
                QJsonObject {{QStringLiteral("n_epochs"), 1}}}});
        const QString model = str(m_http->waitForJob(id, kTerminal), "fine_tuned_model");
        QVERIFY(!model.isEmpty());
        const HttpResult deleted = m_http->del(QStringLiteral("/v1/models/") + model);
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.json().value(QLatin1String("deleted")).toBool(), true);
        QCOMPARE(m_http->get(QStringLiteral("/v1/models/") + model).status, 404);
        QCOMPARE(m_http->del(QStringLiteral("/v1/models/") + model).status, 404);
        const HttpResult base = m_http->del(QStringLiteral("/v1/models/") + kModel);
        QCOMPARE(base.status, 403);
        QCOMPARE(m_http->get(QStringLiteral("/v1/models/") + kModel).status, 200);
    }

    void runningJobResumesAfterRestart()
    {
        QTemporaryDir dir;
        SandboxOptions options;
        options.dataDir = dir.path();
        options.timeScale = 0.05;
        QString id;
        int stepsBefore = 0;
        {
            SandboxServer first(options);
            QVERIFY(first.start());
            SandboxHttp http(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(first.port())));
            const QString file = http.uploadFile(fixture(QStringLiteral("train_good.jsonl")));
            id = str(http.post(QStringLiteral("/v1/fine_tuning/jobs"),
                                 {{QStringLiteral("model"), kModel},
                                         {QStringLiteral("training_file"), file}})
                             .json(),
                    "id");
            QTRY_VERIFY_WITH_TIMEOUT(metricsOf(http.allEvents(id, 100)).size() >= 2, 20000);
            stepsBefore =
                    metricsOf(http.allEvents(id, 100)).last().value(QLatin1String("step")).toInt();
            QCOMPARE(str(http.get(QStringLiteral("/v1/fine_tuning/jobs/") + id).json(), "status"),
                    QStringLiteral("running"));
        }
        options.timeScale = 0.005;
        SandboxServer second(options);
        QVERIFY(second.start());
        SandboxHttp http(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(second.port())));
        const QJsonObject job = http.waitForJob(id, kTerminal);
        QCOMPARE(str(job, "status"), QStringLiteral("succeeded"));
        const QList<QJsonObject> metrics = metricsOf(http.allEvents(id, 100));
        QVERIFY(metrics.first().value(QLatin1String("step")).toInt() <= stepsBefore);
        QCOMPARE(metrics.last().value(QLatin1String("step")).toInt(), 96);
        const QString model = str(job, "fine_tuned_model");
        QCOMPARE(http.get(QStringLiteral("/v1/models/") + model).status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxJobs)
#include "tst_sandboxjobs.moc"
