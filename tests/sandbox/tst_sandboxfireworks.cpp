// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Fireworks AI dialect under /fireworks, driven over plain HTTP: datasets (direct
// and signed uploads, UPLOADING → READY), supervisedFineTuningJobs and their states, the
// metrics file, deployments (CREATING → READY → DELETING), chat through a deployment, errors in
// Fireworks' shape, the key, and injected faults.
#include "sandboxservicefixture.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace fs::sandbox;
using namespace fs::sandbox::test;

namespace {

const QString kAccount = QStringLiteral("/fireworks/v1/accounts/acme");
const QString kBase = QStringLiteral("accounts/fireworks/models/qwen3-8b");
/// The sandbox's pace in these tests: a job takes well under a second.
constexpr double kFast = 0.01;
/// A pace at which the sandbox's clock all but stands still (a sandbox second lasts 1000 real
/// ones): a deployment held there stays in its state, however slow the machine.
constexpr double kHeld = 1000;

} // namespace

class tst_SandboxFireworks : public QObject, private SandboxServiceFixture
{
    Q_OBJECT

public:
    tst_SandboxFireworks()
        : SandboxServiceFixture(kAccount)
    {
    }

private:
    /// create + :upload; the dataset's name (accounts/acme/datasets/ID).
    QString dataset(const QString &id, const QByteArray &data)
    {
        post(QStringLiteral("/datasets"),
                {{QStringLiteral("datasetId"), id},
                        {QStringLiteral("dataset"),
                                QJsonObject {{QStringLiteral("userUploaded"), QJsonObject()}}}});
        const HttpResult uploaded =
                m_http->postForm(kAccount + QStringLiteral("/datasets/%1:upload").arg(id),
                        {{"file", data, "train.jsonl"}});
        if (uploaded.status != 200)
            return {};
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(str(get(QStringLiteral("/datasets/") + id).json(), "state"),
                    QStringLiteral("READY"), 10000);
        }();
        return QStringLiteral("accounts/acme/datasets/") + id;
    }

    QString completedJob()
    {
        const QString name =
                dataset(QStringLiteral("train"), fixture(QStringLiteral("train_good.jsonl")));
        const HttpResult created = post(QStringLiteral("/supervisedFineTuningJobs"),
                {{QStringLiteral("dataset"), name}, {QStringLiteral("baseModel"), kBase}});
        const QString job = str(created.json(), "name").section(QLatin1Char('/'), -1);
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(
                    str(get(QStringLiteral("/supervisedFineTuningJobs/") + job).json(), "state"),
                    QStringLiteral("JOB_STATE_COMPLETED"), 30000);
        }();
        return job;
    }

private Q_SLOTS:
    void init()
    {
        SandboxOptions options;
        options.timeScale = kFast;
        options.requiredKey = QStringLiteral("fw-key");
        QVERIFY(startSandbox(options, "fw-key"));
    }

    void cleanup() { stopSandbox(); }

    void keyIsRequiredAndErrorsAreFireworksShaped()
    {
        m_http->setKey("wrong");
        const HttpResult refused = get(QStringLiteral("/datasets"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.json().value(QLatin1String("code")).toInt(), 16); // UNAUTHENTICATED
        QVERIFY(!str(refused.json(), "message").isEmpty());
        m_http->setKey("fw-key");
        const HttpResult missing = get(QStringLiteral("/datasets/nope"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json().value(QLatin1String("code")).toInt(), 5); // NOT_FOUND
        QCOMPARE(m_http->get(QStringLiteral("/fireworks/v2/whatever")).status, 404);
    }

    void datasetUploadingThenReady()
    {
        const HttpResult created = post(QStringLiteral("/datasets"),
                {{QStringLiteral("datasetId"), QStringLiteral("d1")},
                        {QStringLiteral("dataset"),
                                QJsonObject {
                                        {QStringLiteral("displayName"), QStringLiteral("t.jsonl")},
                                        {QStringLiteral("exampleCount"), QStringLiteral("12")},
                                        {QStringLiteral("userUploaded"), QJsonObject()}}}});
        QCOMPARE(created.status, 200);
        QCOMPARE(str(created.json(), "name"), QStringLiteral("accounts/acme/datasets/d1"));
        QCOMPARE(str(created.json(), "state"), QStringLiteral("UPLOADING"));
        QCOMPARE(str(created.json(), "exampleCount"), QStringLiteral("12"));
        QCOMPARE(post(QStringLiteral("/datasets"),
                         {{QStringLiteral("datasetId"), QStringLiteral("d1")}})
                         .status,
                409);
        QCOMPARE(post(QStringLiteral("/datasets"),
                         {{QStringLiteral("datasetId"), QStringLiteral("1bad")}})
                         .status,
                400);
        const HttpResult upload = m_http->postForm(kAccount + QStringLiteral("/datasets/d1:upload"),
                {{"file", fixture(QStringLiteral("train_good.jsonl")), "t.jsonl"}});
        QCOMPARE(upload.status, 200);
        QCOMPARE(str(upload.json(), "object"), QStringLiteral("file")); // the snake_case receipt
        QVERIFY(upload.json().contains(QLatin1String("created_at")));
        QTRY_COMPARE_WITH_TIMEOUT(str(get(QStringLiteral("/datasets/d1")).json(), "state"),
                QStringLiteral("READY"), 10000);
        const HttpResult list = get(QStringLiteral("/datasets"));
        QCOMPARE(list.json().value(QLatin1String("datasets")).toArray().size(), 1);
        QVERIFY(list.json().contains(QLatin1String("nextPageToken")));
        QCOMPARE(m_http->del(kAccount + QStringLiteral("/datasets/d1")).status, 200);
        QCOMPARE(get(QStringLiteral("/datasets/d1")).status, 404);
    }

    void badDataEndsWithAStatus()
    {
        post(QStringLiteral("/datasets"), {{QStringLiteral("datasetId"), QStringLiteral("bad")}});
        m_http->postForm(kAccount + QStringLiteral("/datasets/bad:upload"),
                {{"file", "this is not json\n", "bad.jsonl"}});
        QTRY_VERIFY_WITH_TIMEOUT(
                get(QStringLiteral("/datasets/bad")).json().contains(QLatin1String("status")),
                10000);
        const QJsonObject dataset = get(QStringLiteral("/datasets/bad")).json();
        QCOMPARE(str(dataset, "state"), QStringLiteral("UPLOADING"));
        QCOMPARE(str(dataset.value(QLatin1String("status")).toObject(), "code"),
                QStringLiteral("INVALID_ARGUMENT"));
    }

    void signedUploadNeedsValidation()
    {
        post(QStringLiteral("/datasets"), {{QStringLiteral("datasetId"), QStringLiteral("big")}});
        const HttpResult endpoint = post(QStringLiteral("/datasets/big:getUploadEndpoint"),
                {{QStringLiteral("filenameToSize"),
                        QJsonObject {{QStringLiteral("big.jsonl"), QStringLiteral("1000")}}}});
        QCOMPARE(endpoint.status, 200);
        const QUrl url(endpoint.json()
                               .value(QLatin1String("filenameToSignedUrls"))
                               .toObject()
                               .value(QLatin1String("big.jsonl"))
                               .toString());
        QVERIFY(url.isValid());
        QCOMPARE(url.port(), int(m_server->port()));
        // Signed: no key needed, but the signature is.
        m_http->setKey(QByteArray());
        QCOMPARE(m_http->send("PUT", url.path(), "x", "application/octet-stream").status, 403);
        QCOMPARE(m_http->send("PUT", url.path() + QLatin1Char('?') + url.query(),
                               fixture(QStringLiteral("train_good.jsonl")),
                               "application/octet-stream")
                         .status,
                200);
        m_http->setKey("fw-key");
        // A dataset filled directly after the PUT turns READY; the signed one waits for
        // :validateUpload.
        QVERIFY(!dataset(QStringLiteral("small"), fixture(QStringLiteral("train_good.jsonl")))
                         .isEmpty());
        QCOMPARE(str(get(QStringLiteral("/datasets/big")).json(), "state"),
                QStringLiteral("UPLOADING"));
        QCOMPARE(post(QStringLiteral("/datasets/big:validateUpload"), {}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(str(get(QStringLiteral("/datasets/big")).json(), "state"),
                QStringLiteral("READY"), 10000);
    }

    void jobRunsToCompletedWithMetricsFile()
    {
        const QString name =
                dataset(QStringLiteral("train"), fixture(QStringLiteral("train_good.jsonl")));
        QVERIFY(!name.isEmpty());
        QCOMPARE(post(QStringLiteral("/supervisedFineTuningJobs"),
                         {{QStringLiteral("baseModel"), kBase}})
                         .status,
                400);
        QCOMPARE(post(QStringLiteral("/supervisedFineTuningJobs"),
                         {{QStringLiteral("dataset"), name},
                                 {QStringLiteral("baseModel"),
                                         QStringLiteral("accounts/fireworks/models/whisper-v3")}})
                         .status,
                400);
        QCOMPARE(post(QStringLiteral("/supervisedFineTuningJobs"),
                         {{QStringLiteral("dataset"), name}, {QStringLiteral("baseModel"), kBase},
                                 {QStringLiteral("loraRank"), 1000}})
                         .status,
                400);
        const HttpResult created = m_http->post(kAccount
                        + QStringLiteral(
                                "/supervisedFineTuningJobs?supervisedFineTuningJobId=my-job"),
                {{QStringLiteral("dataset"), name}, {QStringLiteral("baseModel"), kBase},
                        {QStringLiteral("epochs"), 2}, {QStringLiteral("learningRate"), 0.0002},
                        {QStringLiteral("loraRank"), 16},
                        {QStringLiteral("maxContextLength"), 4096},
                        {QStringLiteral("displayName"), QStringLiteral("Support bot")}});
        QCOMPARE(created.status, 200);
        const QJsonObject job = created.json();
        QCOMPARE(str(job, "name"), QStringLiteral("accounts/acme/supervisedFineTuningJobs/my-job"));
        QCOMPARE(str(job, "outputModel"), QStringLiteral("accounts/acme/models/my-job"));
        QCOMPARE(job.value(QLatin1String("loraRank")).toInt(), 16);
        QCOMPARE(str(job, "state"), QStringLiteral("JOB_STATE_VALIDATING"));
        QStringList states;
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    const QString state =
                            str(get(QStringLiteral("/supervisedFineTuningJobs/my-job")).json(),
                                    "state");
                    if (states.isEmpty() || states.last() != state)
                        states << state;
                    return state == QLatin1String("JOB_STATE_COMPLETED");
                }(),
                30000);
        // Only states of the notes' list are ever shown.
        for (const QString &state : std::as_const(states))
            QVERIFY2(state.startsWith(QLatin1String("JOB_STATE_")), qPrintable(state));
        const QJsonObject done = get(QStringLiteral("/supervisedFineTuningJobs/my-job")).json();
        QCOMPARE(done.value(QLatin1String("jobProgress"))
                         .toObject()
                         .value(QLatin1String("percent"))
                         .toInt(),
                100);
        QVERIFY(done.contains(QLatin1String("completedTime")));
        QVERIFY(done.value(QLatin1String("estimatedCost"))
                        .toObject()
                        .value(QLatin1String("units"))
                        .isString());
        const QUrl metrics(str(done, "metricsFileSignedUrl"));
        QVERIFY(metrics.isValid());
        m_http->setKey(QByteArray());
        const HttpResult file = m_http->get(metrics.path() + QLatin1Char('?') + metrics.query());
        m_http->setKey("fw-key");
        QCOMPARE(file.status, 200);
        const QList<QByteArray> lines = file.body.trimmed().split('\n');
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QLatin1String("step")).toInt(), 1);
        QVERIFY(first.value(QLatin1String("train/loss")).toDouble() > 0);
        QCOMPARE(lines.size(), first.value(QLatin1String("total_steps")).toInt());
        const HttpResult list = get(QStringLiteral("/supervisedFineTuningJobs"));
        QCOMPARE(list.json().value(QLatin1String("supervisedFineTuningJobs")).toArray().size(), 1);
        // Another account sees none of it.
        QCOMPARE(
                m_http->get(QStringLiteral(
                                    "/fireworks/v1/accounts/other/supervisedFineTuningJobs/my-job"))
                        .status,
                404);
    }

    void deleteStopsAJob()
    {
        const QString name =
                dataset(QStringLiteral("train"), fixture(QStringLiteral("train_good.jsonl")));
        const QString job = str(
                post(QStringLiteral("/supervisedFineTuningJobs"),
                        {{QStringLiteral("dataset"), name}, {QStringLiteral("baseModel"), kBase}})
                        .json(),
                "name")
                                    .section(QLatin1Char('/'), -1);
        QCOMPARE(m_http->send("POST",
                               kAccount
                                       + QStringLiteral("/supervisedFineTuningJobs/%1:cancel")
                                                 .arg(job),
                               "{}", "application/json")
                         .status,
                404);
        QCOMPARE(m_http->del(kAccount + QStringLiteral("/supervisedFineTuningJobs/") + job).status,
                200);
        QCOMPARE(get(QStringLiteral("/supervisedFineTuningJobs/") + job).status, 404);
    }

    void deploymentServesTheModelAndChats()
    {
        const QString job = completedJob();
        QVERIFY(!job.isEmpty());
        const QString model = QStringLiteral("accounts/acme/models/") + job;
        const HttpResult models = get(QStringLiteral("/models"));
        QCOMPARE(models.json()
                         .value(QLatin1String("models"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QLatin1String("name"))
                         .toString(),
                model);
        auto chat = [this](const QString &name) {
            return m_http->post(
                    QStringLiteral("/fireworks/inference/v1/chat/completions"), oneQuestion(name));
        };
        QCOMPARE(chat(kBase).status, 200);
        QCOMPARE(chat(model).status, 404); // not deployed
        QCOMPARE(post(QStringLiteral("/deployments"),
                         {{QStringLiteral("baseModel"), model},
                                 {QStringLiteral("acceleratorType"), QStringLiteral("TPU")}})
                         .status,
                400);
        m_server->setTimeScale(kHeld); // CREATING until let go
        const HttpResult created = m_http->post(
                kAccount + QStringLiteral("/deployments?deploymentId=try-it"),
                {{QStringLiteral("baseModel"), model}, {QStringLiteral("minReplicaCount"), 0},
                        {QStringLiteral("autoscalingPolicy"),
                                QJsonObject {{QStringLiteral("scaleToZeroWindow"),
                                        QStringLiteral("300s")}}}});
        QCOMPARE(created.status, 200);
        QCOMPARE(str(created.json(), "name"), QStringLiteral("accounts/acme/deployments/try-it"));
        QCOMPARE(str(created.json(), "state"), QStringLiteral("CREATING"));
        QCOMPARE(str(created.json(), "acceleratorType"), QStringLiteral("NVIDIA_A100_80GB"));
        const QString routed = model + QStringLiteral("#accounts/acme/deployments/try-it");
        QCOMPARE(chat(routed).status, 404); // still coming up
        m_server->setTimeScale(kFast);
        QTRY_COMPARE_WITH_TIMEOUT(str(get(QStringLiteral("/deployments/try-it")).json(), "state"),
                QStringLiteral("READY"), 20000);
        const HttpResult answer = chat(routed);
        QCOMPARE(answer.status, 200);
        QVERIFY(!answer.json().value(QLatin1String("choices")).toArray().isEmpty());
        // Together's endpoint list does not show Fireworks' deployments.
        QCOMPARE(m_http->get(QStringLiteral("/together/v1/endpoints")).data().size(), 0);
        m_server->setTimeScale(kHeld); // DELETING until let go
        QCOMPARE(m_http->del(kAccount + QStringLiteral("/deployments/try-it")).status, 200);
        QCOMPARE(str(get(QStringLiteral("/deployments/try-it")).json(), "state"),
                QStringLiteral("DELETING"));
        m_server->setTimeScale(kFast);
        QTRY_COMPARE_WITH_TIMEOUT(get(QStringLiteral("/deployments"))
                                          .json()
                                          .value(QLatin1String("deployments"))
                                          .toArray()
                                          .size(),
                0, 20000);
    }

    void faultsAreInjectable()
    {
        m_server->injectHttpError(503, 1, QStringLiteral("/fireworks/v1/accounts/acme/datasets"));
        QCOMPARE(get(QStringLiteral("/datasets")).status, 503);
        QCOMPARE(get(QStringLiteral("/datasets")).status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxFireworks)
#include "tst_sandboxfireworks.moc"
