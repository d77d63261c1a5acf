// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Together AI dialect under /together/v1, driven over HTTP.
#include "modelregistry.h"
#include "sandboxservicefixture.h"

#include <QTest>
#include <QUuid>

using namespace fs::sandbox;
using namespace fs::sandbox::test;

namespace {

const QString kBase = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
const QString kRoot = QStringLiteral("/together/v1");

QStringList valuesOf(const QJsonArray &array, const char *key)
{
    QStringList values;
    for (const QJsonValue &v : array)
        values << v.toObject().value(QLatin1String(key)).toVariant().toString();
    return values;
}

QList<int> stepsOf(const QJsonArray &metrics)
{
    QList<int> steps;
    for (const QJsonValue &v : metrics)
        steps << v.toObject().value(QLatin1String("train/global_step")).toInt();
    return steps;
}

} // namespace

class tst_SandboxTogether : public QObject, private SandboxServiceFixture
{
    Q_OBJECT

public:
    tst_SandboxTogether()
        : SandboxServiceFixture(kRoot)
    {
    }

private:
    /// The official client's way: POST /files?… → 302 → PUT to Location → GET /files/{id}.
    QString presignedUpload(const QByteArray &data, const QString &name = "train.jsonl")
    {
        const HttpResult announce = m_http->postRaw(kRoot
                        + QStringLiteral("/files?file_name=%1&file_type=jsonl&purpose=fine-tune")
                                  .arg(name),
                QByteArray(), "application/x-www-form-urlencoded");
        if (announce.status != 302)
            return {};
        const QUrl target(QString::fromUtf8(announce.header("location")));
        const HttpResult put =
                m_http->send("PUT", target.path() + QLatin1Char('?') + target.query(), data,
                        "application/octet-stream");
        if (put.status != 200)
            return {};
        return QString::fromUtf8(announce.header("x-together-file-id"));
    }

    QString multipartUpload(const QByteArray &data, const QByteArray &name = "valid.jsonl")
    {
        const HttpResult r = m_http->postForm(kRoot + QStringLiteral("/files/upload"),
                {{"purpose", "fine-tune", {}}, {"file_name", name, {}}, {"file", data, name}});
        return r.status == 200 ? str(r.json(), "id") : QString();
    }

    QString createJob(const QJsonObject &extra = {})
    {
        QJsonObject body {{QStringLiteral("model"), kBase},
                {QStringLiteral("training_file"),
                        presignedUpload(fixture(QStringLiteral("train_good.jsonl")))},
                {QStringLiteral("training_type"),
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("Lora")},
                                {QStringLiteral("lora_r"), 16}, {QStringLiteral("lora_alpha"), 32},
                                {QStringLiteral("lora_dropout"), 0.05}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return str(post(QStringLiteral("/fine-tunes"), body).json(), "id");
    }

    QString jobStatus(const QString &id)
    {
        return str(get(QStringLiteral("/fine-tunes/") + id).json(), "status");
    }

    QString endpointState(const QString &id)
    {
        return str(get(QStringLiteral("/endpoints/") + id).json(), "state");
    }

    HttpResult chat(const QString &model, bool stream = false)
    {
        QJsonObject body = oneQuestion(model);
        body.insert(QStringLiteral("stream"), stream);
        return post(QStringLiteral("/chat/completions"), body);
    }

    /// A completed LoRA job's output model name.
    QString completedModel()
    {
        const QString id = createJob();
        [&] { QTRY_COMPARE_WITH_TIMEOUT(jobStatus(id), QStringLiteral("completed"), 30000); }();
        if (QTest::currentTestFailed())
            return {};
        return str(get(QStringLiteral("/fine-tunes/") + id).json(), "model_output_name");
    }

private Q_SLOTS:
    void init() { QVERIFY(startSandbox(0.01)); }

    void cleanup() { stopSandbox(); }

    void presignedUploadAnswers302AndStoresThePut()
    {
        const HttpResult announce = m_http->postRaw(kRoot
                        + QStringLiteral(
                                "/files?file_name=/home/me/data/train.jsonl&file_type=jsonl"
                                "&purpose=fine-tune"),
                QByteArray(), "application/x-www-form-urlencoded");
        QCOMPARE(announce.status, 302);
        const QString id = QString::fromUtf8(announce.header("x-together-file-id"));
        QVERIFY(id.startsWith(QLatin1String("file-")));
        const QUrl target(QString::fromUtf8(announce.header("location")));
        QCOMPARE(target.port(), int(m_server->port()));
        // Not there until the bytes arrive.
        QCOMPARE(get(QStringLiteral("/files/") + id).status, 404);
        const QByteArray data = fixture(QStringLiteral("train_good.jsonl"));
        m_http->setKey({}); // a presigned URL carries its own signature, no key
        QCOMPARE(m_http->send("PUT", target.path() + QLatin1Char('?') + target.query(), data,
                               "application/octet-stream")
                         .status,
                200);
        m_http->setKey("sk-test");
        const QJsonObject file = get(QStringLiteral("/files/") + id).json();
        QCOMPARE(str(file, "filename"), QStringLiteral("train.jsonl"));
        QCOMPARE(file.value(QLatin1String("bytes")).toInteger(), data.size());
        QCOMPARE(str(file, "FileType"), QStringLiteral("jsonl"));
        QTRY_VERIFY(get(QStringLiteral("/files/") + id)
                            .json()
                            .value(QLatin1String("Processed"))
                            .toBool());
        QCOMPARE(get(QStringLiteral("/files/%1/content").arg(id)).body, data);
        // One dialect's files are not another's.
        QVERIFY(!valuesOf(get(QStringLiteral("/files")).data(), "id").isEmpty());
        QVERIFY(!valuesOf(m_http->get(QStringLiteral("/v1/files")).data(), "id").contains(id));
        // A second PUT to the same URL is refused, as an expired signature would be.
        QCOMPARE(m_http->send("PUT", target.path() + QLatin1Char('?') + target.query(), data,
                               "application/octet-stream")
                         .status,
                403);
        QCOMPARE(m_http->del(kRoot + QStringLiteral("/files/") + id)
                         .json()
                         .value(QLatin1String("deleted")),
                QJsonValue(true));
        QCOMPARE(get(QStringLiteral("/files/") + id).status, 404);
    }

    void wholeLoopLoraJob()
    {
        const QString validation = multipartUpload(fixture(QStringLiteral("valid_good.jsonl")));
        QVERIFY(!validation.isEmpty());
        const QString id = createJob(
                {{QStringLiteral("validation_file"), validation}, {QStringLiteral("n_epochs"), 3},
                        {QStringLiteral("n_evals"), 3}, {QStringLiteral("n_checkpoints"), 3},
                        {QStringLiteral("suffix"), QStringLiteral("crumb")},
                        {QStringLiteral("learning_rate"), 0.0001}});
        QVERIFY(!QUuid::fromString(id).isNull()); // the spec's FinetuneResponse.id is a uuid
        QTRY_COMPARE_WITH_TIMEOUT(jobStatus(id), QStringLiteral("completed"), 30000);
        const QJsonObject job = get(QStringLiteral("/fine-tunes/") + id).json();
        QVERIFY(str(job, "model_output_name")
                == QStringLiteral("sandbox/%1:crumb:%2").arg(kBase, id));
        // Named as Together names fine-tunes: the registry knows it needs a deployment.
        QVERIFY(fs::ModelRegistry::provider(fs::ProviderKind::Together)
                        .parseFineTuned(str(job, "model_output_name"))
                        .isValid());
        QCOMPARE(job.value(QLatin1String("training_type"))
                         .toObject()
                         .value(QLatin1String("lora_r"))
                         .toInt(),
                16);
        QCOMPARE(job.value(QLatin1String("n_epochs")).toInt(), 3);
        const QStringList types =
                valuesOf(get(QStringLiteral("/fine-tunes/%1/events").arg(id)).data(), "type");
        QVERIFY2(types.contains(QLatin1String("job_pending")), qPrintable(types.join(',')));
        QVERIFY(types.contains(QLatin1String("training_start")));
        QVERIFY(types.contains(QLatin1String("epoch_complete")));
        QCOMPARE(types.last(), QStringLiteral("job_complete"));
        const QJsonArray metrics = get(QStringLiteral("/fine-tunes/%1/metrics").arg(id))
                                           .json()
                                           .value(QLatin1String("metrics"))
                                           .toArray();
        const int total = job.value(QLatin1String("total_steps")).toInt();
        QCOMPARE(metrics.size(), total);
        int evals = 0;
        for (const QJsonValue &v : metrics) {
            QVERIFY(v.toObject().value(QLatin1String("train/loss")).toDouble() > 0);
            evals += v.toObject().contains(QLatin1String("eval/loss")) ? 1 : 0;
        }
        QCOMPARE(evals, 3);
        QVERIFY(metrics.last().toObject().contains(QLatin1String("eval/loss")));
        const QStringList checkpoints =
                valuesOf(get(QStringLiteral("/fine-tunes/%1/checkpoints").arg(id)).data(),
                        "checkpoint_type");
        QCOMPARE(checkpoints,
                QStringList({QStringLiteral("Final Merged"), QStringLiteral("Final Adapter"),
                        QStringLiteral("Intermediate"), QStringLiteral("Intermediate")}));
        // The price shown before starting counts the same tokens the job reports.
        const QJsonObject estimate = post(QStringLiteral("/fine-tunes/estimate-price"),
                {{QStringLiteral("training_file"), str(job, "training_file")},
                        {QStringLiteral("model"), kBase},
                        {QStringLiteral("n_epochs"),
                                3}}).json();
        QCOMPARE(estimate.value(QLatin1String("estimated_train_token_count")).toInteger(),
                job.value(QLatin1String("token_count")).toInteger());
        QVERIFY(estimate.value(QLatin1String("allowed_to_proceed")).toBool());
        QVERIFY(valuesOf(get(QStringLiteral("/fine-tunes")).data(), "id").contains(id));
        // One engine, two dialects: neither lists the other's jobs or models.
        QVERIFY(!valuesOf(m_http->get(QStringLiteral("/v1/fine_tuning/jobs")).data(), "id")
                         .contains(id));
        QCOMPARE(m_http->get(QStringLiteral("/v1/fine_tuning/jobs/") + id).status, 404);
        QVERIFY(!valuesOf(m_http->get(QStringLiteral("/v1/models")).data(), "id")
                         .contains(str(job, "model_output_name")));
    }

    void metricsPagingReturnsOnlyNewSteps()
    {
        m_server->setTimeScale(0.2);
        const QString id = createJob({{QStringLiteral("n_epochs"), 2}});
        auto page = [this, &id](const QString &query) {
            return get(QStringLiteral("/fine-tunes/%1/metrics%2").arg(id, query))
                    .json()
                    .value(QLatin1String("metrics"))
                    .toArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!page(QString()).isEmpty(), 30000);
        const QList<int> first = stepsOf(page(QString()));
        const int seen = first.last();
        QCOMPARE(first.first(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(get(QStringLiteral("/fine-tunes/") + id)
                                         .json()
                                         .value(QLatin1String("steps_completed"))
                                         .toInt()
                        > seen,
                30000);
        const QList<int> next = stepsOf(page(QStringLiteral("?global_step_from=%1").arg(seen + 1)));
        QVERIFY(!next.isEmpty());
        QCOMPARE(next.first(), seen + 1);
        for (int i = 1; i < next.size(); ++i)
            QCOMPARE(next.at(i), next.at(i - 1) + 1);
        // A window, and the spec's own way: the filter in a JSON body of the GET.
        QTRY_COMPARE_WITH_TIMEOUT(jobStatus(id), QStringLiteral("completed"), 30000);
        QCOMPARE(page(QStringLiteral("?global_step_from=%1").arg(stepsOf(page({})).last() + 1))
                         .size(),
                0);
        QCOMPARE(stepsOf(page(QStringLiteral("?global_step_from=2&global_step_to=3"))),
                QList<int>({2, 3}));
        const HttpResult body =
                m_http->send("GET", kRoot + QStringLiteral("/fine-tunes/%1/metrics").arg(id),
                        R"({"global_step_from": 2, "global_step_to": 2})", "application/json");
        QCOMPARE(stepsOf(body.json().value(QLatin1String("metrics")).toArray()), QList<int>({2}));
        QCOMPARE(get(QStringLiteral("/fine-tunes/%1/metrics?global_step_from=x").arg(id)).status,
                400);
    }

    void fineTunedModelAnswersOnlyThroughAStartedEndpoint()
    {
        QCOMPARE(chat(kBase).status, 200); // base models answer serverless
        const QString model = completedModel();
        HttpResult before = chat(model);
        QCOMPARE(before.status, 404);
        QCOMPARE(before.errorCode(), QStringLiteral("model_not_available"));
        QVERIFY(before.errorMessage().contains(QLatin1String("non-serverless model")));
        const QJsonArray hardware = get(QStringLiteral("/hardware")).data();
        QVERIFY(hardware.first()
                        .toObject()
                        .value(QLatin1String("pricing"))
                        .toObject()
                        .value(QLatin1String("cents_per_minute"))
                        .toDouble()
                > 0);
        const QJsonObject created = post(QStringLiteral("/endpoints"),
                {{QStringLiteral("model"), model},
                        {QStringLiteral("hardware"), str(hardware.first().toObject(), "id")},
                        {QStringLiteral("autoscaling"),
                                QJsonObject {{QStringLiteral("min_replicas"), 1},
                                        {QStringLiteral("max_replicas"), 1}}}})
                                            .json();
        const QString endpoint = str(created, "id");
        QCOMPARE(str(created, "state"), QStringLiteral("PENDING"));
        QCOMPARE(chat(model).status, 404); // not started yet
        QTRY_COMPARE_WITH_TIMEOUT(endpointState(endpoint), QStringLiteral("STARTED"), 30000);
        const HttpResult answer = chat(model);
        QCOMPARE(answer.status, 200);
        QCOMPARE(str(answer.json(), "model"), model);
        const HttpResult streamed = chat(str(created, "name"), true); // by endpoint name too
        QCOMPARE(streamed.status, 200);
        QVERIFY(streamed.body.contains("data: [DONE]"));
        // Together's chunks name the role in every delta (its spec requires it).
        const QList<QByteArray> chunks = streamed.body.split('\n');
        for (const QByteArray &line : chunks) {
            if (line.startsWith("data: {") && !line.contains("\"choices\":[]"))
                QVERIFY2(line.contains("\"role\":\"assistant\""), line.constData());
        }
        QVERIFY(answer.json().value(QLatin1String("prompt")).isArray());
        QTRY_VERIFY_WITH_TIMEOUT(get(QStringLiteral("/endpoints/") + endpoint)
                                         .json()
                                         .value(QLatin1String("billing"))
                                         .toObject()
                                         .value(QLatin1String("billed_minutes"))
                                         .toDouble()
                        >= 1,
                30000);
        QCOMPARE(m_http->del(kRoot + QStringLiteral("/endpoints/") + endpoint).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(endpointState(endpoint), QStringLiteral("STOPPED"), 30000);
        QCOMPARE(chat(model).status, 404);
        QCOMPARE(m_http->del(kRoot + QStringLiteral("/endpoints/") + endpoint).status, 404);
    }

    void idleEndpointStopsAfterItsInactiveTimeout()
    {
        const QJsonObject created = post(QStringLiteral("/endpoints"),
                {{QStringLiteral("model"), kBase},
                        {QStringLiteral("hardware"), QStringLiteral("1x_nvidia_a100_80gb_sxm")},
                        {QStringLiteral("inactive_timeout"), 1},
                        {QStringLiteral("autoscaling"),
                                QJsonObject {{QStringLiteral("min_replicas"), 1},
                                        {QStringLiteral("max_replicas"), 1}}}})
                                            .json();
        QCOMPARE(created.value(QLatin1String("inactive_timeout")).toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
                endpointState(str(created, "id")), QStringLiteral("STARTED"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
                endpointState(str(created, "id")), QStringLiteral("STOPPED"), 30000);
    }

    void cancelStopsAJob()
    {
        m_server->setTimeScale(1.0);
        const QString id = createJob();
        const HttpResult cancelled = post(QStringLiteral("/fine-tunes/%1/cancel").arg(id), {});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(str(cancelled.json(), "status"), QStringLiteral("cancelled"));
        QCOMPARE(jobStatus(id), QStringLiteral("cancelled"));
        QCOMPARE(post(QStringLiteral("/fine-tunes/%1/cancel").arg(id), {}).status, 400);
        QCOMPARE(post(QStringLiteral("/fine-tunes/ft-nope/cancel"), {}).status, 404);
    }

    void invalidRequestsGetTogethersErrorShape_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("param");
        QTest::newRow("bad model")
                << "model" << QJsonValue(QStringLiteral("gpt-4o-mini")) << "model";
        QTest::newRow("unknown file")
                << "training_file" << QJsonValue(QStringLiteral("file-nope")) << "training_file";
        QTest::newRow("missing file") << "training_file" << QJsonValue() << "training_file";
        QTest::newRow("rank too high")
                << "training_type"
                << QJsonValue(QJsonObject {{QStringLiteral("type"), QStringLiteral("Lora")},
                           {QStringLiteral("lora_r"), 4096}, {QStringLiteral("lora_alpha"), 8}})
                << "lora_r";
        QTest::newRow("evals without validation") << "n_evals" << QJsonValue(2) << "n_evals";
        QTest::newRow("bad method")
                << "training_method"
                << QJsonValue(QJsonObject {{QStringLiteral("method"), QStringLiteral("ppo")}})
                << "training_method.method";
    }

    void invalidRequestsGetTogethersErrorShape()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, param);
        QJsonObject body {{QStringLiteral("model"), kBase},
                {QStringLiteral("training_file"),
                        presignedUpload(fixture(QStringLiteral("train_good.jsonl")))}};
        if (value.isUndefined())
            body.remove(field);
        else
            body.insert(field, value);
        const HttpResult r = post(QStringLiteral("/fine-tunes"), body);
        QCOMPARE(r.status, 400);
        const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
        QCOMPARE(str(error, "type"), QStringLiteral("invalid_request_error"));
        QCOMPARE(str(error, "param"), param);
        QVERIFY(!str(error, "message").isEmpty());
        QVERIFY(get(QStringLiteral("/fine-tunes")).data().isEmpty());
    }

    void catalogueAndLimits()
    {
        const QJsonArray models = get(QStringLiteral("/fine-tunes/models/supported"))
                                          .json()
                                          .value(QLatin1String("models"))
                                          .toArray();
        QVERIFY(models.contains(kBase));
        const QJsonObject limits =
                get(QStringLiteral("/fine-tunes/models/limits?model_name=") + kBase).json();
        QCOMPARE(str(limits, "model_name"), kBase);
        QVERIFY(limits.value(QLatin1String("lora_training"))
                        .toObject()
                        .value(QLatin1String("max_rank"))
                        .toInt()
                >= 16);
        QCOMPARE(get(QStringLiteral("/fine-tunes/models/limits?model_name=gpt-4o")).status, 404);
    }

    void keyAndInjectedFaultsApply()
    {
        SandboxOptions options;
        options.requiredKey = QStringLiteral("tg-secret");
        QVERIFY(startSandbox(options, "tg-wrong"));
        const HttpResult refused = get(QStringLiteral("/fine-tunes"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), QStringLiteral("invalid_api_key"));
        QVERIFY(refused.errorMessage().contains(QLatin1String("together")));
        m_http->setKey("tg-secret");
        QCOMPARE(get(QStringLiteral("/fine-tunes")).status, 200);
        m_server->injectHttpError(429, 1, QStringLiteral("/together/v1/fine-tunes"), 7);
        const HttpResult limited = get(QStringLiteral("/fine-tunes"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("retry-after"), QByteArray("7"));
        QCOMPARE(get(QStringLiteral("/fine-tunes")).status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxTogether)
#include "tst_sandboxtogether.moc"
