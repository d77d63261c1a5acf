// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Azure OpenAI: the data plane under /openai/v1 and the deployments of the
// management plane at the root, driven over HTTP.
#include "modelregistry.h"
#include "sandboxhttp.h"
#include "sandboxserver.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace fs::sandbox;
using namespace fs::sandbox::test;

namespace {

const QString kKey = QStringLiteral("azure-test-key");
const QString kBase = QStringLiteral("gpt-4o-mini-2024-07-18");
const QString kData = QStringLiteral("/openai/v1");
const QString kSubscription = QStringLiteral("11111111-2222-3333-4444-555555555555");
const QString kAccount = QStringLiteral("/subscriptions/%1/resourceGroups/practice-rg/providers/"
                                        "Microsoft.CognitiveServices/accounts/practice-openai")
                                 .arg(kSubscription);
const QString kVersion = QStringLiteral("?api-version=2026-09-01");
/// The sandbox's pace in these tests: a job takes well under a second.
constexpr double kFast = 0.01;
/// A pace at which the sandbox's clock all but stands still (a sandbox second lasts 1000 real
/// ones): what a test holds there stays as it is, however slow the machine.
constexpr double kHeld = 1000;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

bool isAzureId(const QString &id, const char *prefix)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    return id.startsWith(QLatin1String(prefix))
            && hex.match(id.mid(int(qstrlen(prefix)))).hasMatch();
}

QJsonObject chatBody(const QString &model)
{
    return {{QStringLiteral("model"), model},
            {QStringLiteral("messages"),
                    QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                            {QStringLiteral("content"),
                                    QStringLiteral("When do you close on Sunday?")}}}}};
}

QJsonObject deploymentBody(const QString &model, const QString &sku)
{
    return {{QStringLiteral("sku"),
                    QJsonObject {{QStringLiteral("name"), sku}, {QStringLiteral("capacity"), 50}}},
            {QStringLiteral("properties"),
                    QJsonObject {{QStringLiteral("model"),
                            QJsonObject {{QStringLiteral("format"), QStringLiteral("OpenAI")},
                                    {QStringLiteral("name"), model},
                                    {QStringLiteral("version"), QStringLiteral("1")}}}}}};
}

} // namespace

class tst_SandboxAzure : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxHttp> m_http; ///< the data plane, with the api-key header
    std::unique_ptr<SandboxHttp> m_arm; ///< the management plane, with a signed-in token

    void start(const SandboxOptions &extra = {})
    {
        SandboxOptions options = extra;
        options.timeScale = kFast;
        options.requiredKey = kKey;
        options.deviceCodeApprovalSeconds = 0;
        m_server = std::make_unique<SandboxServer>(options);
        QVERIFY(m_server->start());
        m_http = std::make_unique<SandboxHttp>(m_server->azureEndpoint(), kKey.toUtf8());
        m_http->setAzureHeader(true);
        m_arm = std::make_unique<SandboxHttp>(
                m_server->azureEndpoint(), signIn("https://management.azure.com/.default"));
    }

    /// A token from the sandbox's device-code sign-in for `scope`.
    QByteArray signIn(const QString &scope)
    {
        SandboxHttp login(m_server->azureEndpoint(), {});
        const QString form = QStringLiteral("client_id=app&scope=")
                + QString::fromLatin1(QUrl::toPercentEncoding(scope));
        const HttpResult code =
                login.postRaw(QStringLiteral("/login/common/oauth2/v2.0/devicecode"), form.toUtf8(),
                        "application/x-www-form-urlencoded");
        const HttpResult token = login.postRaw(QStringLiteral("/login/common/oauth2/v2.0/token"),
                "grant_type=urn:ietf:params:oauth:grant-type:device_code&client_id=app"
                "&device_code="
                        + str(code.json(), "device_code").toUtf8(),
                "application/x-www-form-urlencoded");
        return str(token.json(), "access_token").toUtf8();
    }

    QString upload(const QByteArray &data, const QByteArray &purpose = "fine-tune")
    {
        const HttpResult r = m_http->postForm(kData + QStringLiteral("/files"),
                {{"purpose", purpose, {}}, {"file", data, "train.jsonl"}});
        return r.status == 200 ? str(r.json(), "id") : QString();
    }

    QString createJob()
    {
        const QString file = upload(fixture(QStringLiteral("train_good.jsonl")));
        return str(m_http->post(kData + QStringLiteral("/fine_tuning/jobs"),
                                 {{QStringLiteral("model"), kBase},
                                         {QStringLiteral("training_file"), file},
                                         {QStringLiteral("hyperparameters"),
                                                 QJsonObject {{QStringLiteral("n_epochs"), 3}}}})
                           .json(),
                "id");
    }

    QJsonObject job(const QString &id)
    {
        return m_http->get(kData + QStringLiteral("/fine_tuning/jobs/") + id).json();
    }

    QString jobStatus(const QString &id) { return str(job(id), "status"); }

    /// A succeeded job (its JSON).
    QJsonObject succeededJob()
    {
        const QString id = createJob();
        [&] { QTRY_COMPARE_WITH_TIMEOUT(jobStatus(id), QStringLiteral("succeeded"), 30000); }();
        return job(id);
    }

    HttpResult putDeployment(const QString &name, const QString &model, const QString &sku)
    {
        return m_arm->send("PUT", kAccount + QStringLiteral("/deployments/") + name + kVersion,
                QJsonDocument(deploymentBody(model, sku)).toJson(), "application/json");
    }

    /// Whether any of job `id`'s events, on any page, mentions `text`.
    bool eventsMention(const QString &id, const QString &text)
    {
        QString after;
        for (;;) {
            QString path = kData + QStringLiteral("/fine_tuning/jobs/%1/events?limit=100").arg(id);
            if (!after.isEmpty())
                path += QStringLiteral("&after=") + after;
            const HttpResult page = m_http->get(path);
            const QJsonArray events = page.data();
            for (const QJsonValue &event : events) {
                if (str(event.toObject(), "message").contains(text))
                    return true;
            }
            if (events.isEmpty() || !page.json().value(QLatin1String("has_more")).toBool())
                return false;
            after = str(events.last().toObject(), "id");
        }
    }

    /// Lets job `id` run until it has logged its first training step, then holds the sandbox's
    /// clock (kHeld): the job is running with a step behind it until the test lets it go on.
    bool runToFirstStepAndHold(const QString &id)
    {
        return QTest::qWaitFor(
                [&] {
                    m_server->setTimeScale(kHeld);
                    if (eventsMention(id, QStringLiteral("Step 1/")))
                        return true;
                    m_server->setTimeScale(kFast);
                    return false;
                },
                20000);
    }

    QString provisioningState(const QString &name)
    {
        return m_arm->get(kAccount + QStringLiteral("/deployments/") + name + kVersion)
                .json()
                .value(QLatin1String("properties"))
                .toObject()
                .value(QLatin1String("provisioningState"))
                .toString();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_arm.reset();
        m_http.reset();
        m_server.reset();
    }

    // ---- data plane ---------------------------------------------------------------------------

    void keyInApiKeyHeaderOrAsBearer()
    {
        start();
        const HttpResult models = m_http->get(kData + QStringLiteral("/models"));
        QCOMPARE(models.status, 200);
        QCOMPARE(models.header("apim-request-id").size(), 36); // the spec's troubleshooting id
        SandboxHttp bearer(m_server->azureEndpoint(), kKey.toUtf8()); // Authorization: Bearer
        QCOMPARE(bearer.get(kData + QStringLiteral("/models")).status, 200);

        SandboxHttp wrong(m_server->azureEndpoint(), "not-the-key");
        wrong.setAzureHeader(true);
        const HttpResult refused = wrong.get(kData + QStringLiteral("/files"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), QStringLiteral("401"));
        QVERIFY(refused.errorMessage().contains(QLatin1String("invalid subscription key")));
        SandboxHttp none(m_server->azureEndpoint(), {});
        const HttpResult missing = none.get(kData + QStringLiteral("/files"));
        QCOMPARE(missing.status, 401);
        QVERIFY(missing.errorMessage().contains(QLatin1String("missing subscription key")));
    }

    void entraTokenForCognitiveServicesAccepted()
    {
        start();
        SandboxHttp entra(m_server->azureEndpoint(),
                signIn(QStringLiteral("https://cognitiveservices.azure.com/.default")));
        QCOMPARE(entra.get(kData + QStringLiteral("/files")).status, 200);
        // A management token is for another audience.
        SandboxHttp management(m_server->azureEndpoint(),
                signIn(QStringLiteral("https://management.azure.com/.default")));
        const HttpResult wrongAudience = management.get(kData + QStringLiteral("/files"));
        QCOMPARE(wrongAudience.status, 401);
        QVERIFY(wrongAudience.errorMessage().contains(QLatin1String("audience is incorrect")));
    }

    void apiVersionIsV1OrPreview()
    {
        start();
        QCOMPARE(m_http->get(kData + QStringLiteral("/files?api-version=v1")).status, 200);
        QCOMPARE(m_http->get(kData + QStringLiteral("/files?api-version=preview")).status, 200);
        const HttpResult dated =
                m_http->get(kData + QStringLiteral("/files?api-version=2024-10-21"));
        QCOMPARE(dated.status, 400);
        QCOMPARE(dated.errorMessage(), QStringLiteral("API version not supported"));
    }

    void filesAreAzures()
    {
        start();
        const HttpResult created = m_http->postForm(kData + QStringLiteral("/files"),
                {{"purpose", "fine-tune", {}}, {"expires_after[anchor]", "created_at", {}},
                        {"expires_after[seconds]", "1209600", {}},
                        {"file", fixture(QStringLiteral("train_good.jsonl")), "train.jsonl"}});
        QCOMPARE(created.status, 200);
        const QJsonObject file = created.json();
        QVERIFY2(isAzureId(str(file, "id"), "file-"), qPrintable(str(file, "id")));
        QCOMPARE(str(file, "status"), QStringLiteral("pending"));
        QCOMPARE(file.value(QLatin1String("expires_at")).toInteger(),
                file.value(QLatin1String("created_at")).toInteger() + 1209600);
        const QString id = str(file, "id");
        QTRY_COMPARE(str(m_http->get(kData + QStringLiteral("/files/") + id).json(), "status"),
                QStringLiteral("processed"));
        // Azure's files are listed on Azure's surface only.
        const QJsonArray listed = m_http->get(kData + QStringLiteral("/files")).data();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(str(listed.first().toObject(), "id"), id);
        SandboxHttp openAi(m_server->azureEndpoint(), kKey.toUtf8());
        QVERIFY(openAi.get(QStringLiteral("/v1/files")).data().isEmpty());
        // Content and delete.
        QCOMPARE(m_http->get(kData + QStringLiteral("/files/%1/content").arg(id)).body,
                fixture(QStringLiteral("train_good.jsonl")));
        QVERIFY(m_http->del(kData + QStringLiteral("/files/") + id)
                        .json()
                        .value("deleted")
                        .toBool());
        const HttpResult gone = m_http->get(kData + QStringLiteral("/files/") + id);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.errorCode(), QStringLiteral("NotFound"));
        // Azure's error body: param is a string or absent, never null.
        QVERIFY(!gone.json().value("error").toObject().value("param").isNull());
    }

    void fileRefusals()
    {
        start();
        const HttpResult vision = m_http->postForm(kData + QStringLiteral("/files"),
                {{"purpose", "vision", {}}, {"file", "{}", "a.jsonl"}});
        QCOMPARE(vision.status, 400);
        QCOMPARE(str(vision.json().value("error").toObject(), "param"), QStringLiteral("purpose"));
        const HttpResult expiry = m_http->postForm(kData + QStringLiteral("/files"),
                {{"purpose", "fine-tune", {}}, {"expires_after[anchor]", "created_at", {}},
                        {"expires_after[seconds]", "60", {}}, {"file", "{}", "a.jsonl"}});
        QCOMPARE(expiry.status, 400);
        QCOMPARE(str(expiry.json().value("error").toObject(), "param"),
                QStringLiteral("expires_after"));
        // The spec's encoding: expires_after as one JSON part.
        const HttpResult json = m_http->postForm(kData + QStringLiteral("/files"),
                {{"purpose", "fine-tune", {}},
                        {"expires_after", R"({"anchor":"created_at","seconds":2592000})", {}},
                        {"file", fixture(QStringLiteral("train_good.jsonl")), "a.jsonl"}});
        QCOMPARE(json.status, 200);
        QCOMPARE(json.json().value("expires_at").toInteger(),
                json.json().value("created_at").toInteger() + 2592000);
        const HttpResult badAnchor = m_http->postForm(kData + QStringLiteral("/files"),
                {{"purpose", "fine-tune", {}},
                        {"expires_after", R"({"anchor":"last_used","seconds":2592000})", {}},
                        {"file", "{}", "a.jsonl"}});
        QCOMPARE(badAnchor.status, 400);
    }

    void filesOfTheLimitAndAboveRefused()
    {
        SandboxOptions options;
        options.azureMaxFileBytes = 1000; // Azure's 512 MB, scaled down for the test
        start(options);
        const QByteArray line = "{\"messages\":[]}\n";
        QByteArray below;
        while (below.size() + line.size() < 1000)
            below += line;
        QVERIFY(!upload(below).isEmpty());
        QByteArray limit = below;
        limit.append(QByteArray(1000 - below.size(), '\n'));
        QCOMPARE(limit.size(), 1000);
        const HttpResult refused = m_http->postForm(kData + QStringLiteral("/files"),
                {{"purpose", "fine-tune", {}}, {"file", limit, "big.jsonl"}});
        QCOMPARE(refused.status, 413);
        QCOMPARE(refused.errorCode(), QStringLiteral("fileTooLarge"));
        QVERIFY(refused.errorMessage().contains(QLatin1String("Azure Blob Storage")));
        QCOMPARE(m_http->get(kData + QStringLiteral("/files")).data().size(), 1);
    }

    void jobUsesAzureNamesAndResultColumns()
    {
        start();
        const QJsonObject done = succeededJob();
        const QString id = str(done, "id");
        QVERIFY2(isAzureId(id, "ftjob-"), qPrintable(id));
        const QString model = str(done, "fine_tuned_model");
        QCOMPARE(model, kBase + QStringLiteral(".ft-") + id.mid(6));
        const fs::FineTunedName parsed =
                fs::ModelRegistry::provider(fs::ProviderKind::AzureOpenAI).parseFineTuned(model);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.base, kBase);
        QCOMPARE(parsed.jobId, id.mid(6));

        // results.csv, plain text, with Azure's column names.
        const QString resultId = done.value("result_files").toArray().first().toString();
        QVERIFY(isAzureId(resultId, "file-"));
        const QJsonObject resultFile =
                m_http->get(kData + QStringLiteral("/files/") + resultId).json();
        QCOMPARE(str(resultFile, "filename"), QStringLiteral("results.csv"));
        QCOMPARE(str(resultFile, "purpose"), QStringLiteral("fine-tune-results"));
        const QByteArray csv =
                m_http->get(kData + QStringLiteral("/files/%1/content").arg(resultId)).body;
        QCOMPARE(csv.left(csv.indexOf('\n')),
                QByteArray("step,train_loss,train_mean_token_accuracy,valid_loss,"
                           "validation_mean_token_accuracy,full_valid_loss,"
                           "full_valid_mean_token_accuracy"));
        QVERIFY(csv.count('\n') > 2);

        // Checkpoints (the last epochs) with Azure's ids; events page newest first.
        const QJsonArray checkpoints =
                m_http->get(kData + QStringLiteral("/fine_tuning/jobs/%1/checkpoints").arg(id))
                        .data();
        QVERIFY(!checkpoints.isEmpty());
        for (const QJsonValue &c : checkpoints) {
            QVERIFY(isAzureId(str(c.toObject(), "id"), "ftchkpt-"));
            QVERIFY(str(c.toObject(), "fine_tuned_model_checkpoint").startsWith(model));
        }
        const HttpResult events =
                m_http->get(kData + QStringLiteral("/fine_tuning/jobs/%1/events?limit=2").arg(id));
        QCOMPARE(events.data().size(), 2);
        QVERIFY(events.json().value("has_more").toBool());
        // Azure's how-to POSTs to events and checkpoints: that works too.
        QCOMPARE(m_http->post(kData + QStringLiteral("/fine_tuning/jobs/%1/events").arg(id), {})
                         .status,
                200);

        // The job is Azure's: listed there, unknown on OpenAI's /v1.
        QCOMPARE(m_http->get(kData + QStringLiteral("/fine_tuning/jobs")).data().size(), 1);
        SandboxHttp openAi(m_server->azureEndpoint(), kKey.toUtf8());
        QCOMPARE(openAi.get(QStringLiteral("/v1/fine_tuning/jobs/") + id).status, 404);
        // The fine-tuned model is listed among the resource's models.
        const QJsonArray models = m_http->get(kData + QStringLiteral("/models")).data();
        QVERIFY(std::any_of(models.begin(), models.end(),
                [&](const QJsonValue &m) { return str(m.toObject(), "id") == model; }));
    }

    void jobRefusals()
    {
        start();
        const HttpResult unknown =
                m_http->get(kData + QStringLiteral("/fine_tuning/jobs/ftjob-nope"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), QStringLiteral("NotFound"));
        // An OpenAI file is not Azure's.
        SandboxHttp openAi(m_server->azureEndpoint(), kKey.toUtf8());
        const QString openAiFile = openAi.uploadFile(fixture(QStringLiteral("train_good.jsonl")));
        const HttpResult wrongFile = m_http->post(kData + QStringLiteral("/fine_tuning/jobs"),
                {{QStringLiteral("model"), kBase}, {QStringLiteral("training_file"), openAiFile}});
        QCOMPARE(wrongFile.status, 400);
        QCOMPARE(str(wrongFile.json().value("error").toObject(), "param"),
                QStringLiteral("training_file"));
        const HttpResult path = m_http->get(kData + QStringLiteral("/nothing/here"));
        QCOMPARE(path.status, 404);
        QCOMPARE(path.errorMessage(), QStringLiteral("Resource not found"));
    }

    void pauseGoesThroughPausingToPausedWithACheckpoint()
    {
        start();
        m_server->setTimeScale(kHeld); // still validating when the early pause arrives
        const QString id = createJob();
        // Not before it runs: Azure pauses only a running job with a step behind it.
        const HttpResult early =
                m_http->post(kData + QStringLiteral("/fine_tuning/jobs/%1/pause").arg(id), {});
        QCOMPARE(early.status, 400);
        QCOMPARE(early.errorCode(), QStringLiteral("invalidJobStatus"));
        QVERIFY(runToFirstStepAndHold(id));
        const HttpResult paused =
                m_http->post(kData + QStringLiteral("/fine_tuning/jobs/%1/pause").arg(id), {});
        QCOMPARE(paused.status, 200);
        QCOMPARE(str(paused.json(), "status"), QStringLiteral("pausing"));
        m_server->setTimeScale(kFast);
        QTRY_COMPARE_WITH_TIMEOUT(jobStatus(id), QStringLiteral("paused"), 10000);
        const QJsonArray checkpoints =
                m_http->get(kData + QStringLiteral("/fine_tuning/jobs/%1/checkpoints").arg(id))
                        .data();
        QVERIFY(!checkpoints.isEmpty());
        const QString checkpoint = str(checkpoints.first().toObject(), "id");
        // The paused job's checkpoint can be deployed.
        QCOMPARE(putDeployment(
                         QStringLiteral("paused-ckpt"), checkpoint, QStringLiteral("DeveloperTier"))
                         .status,
                201);
        QCOMPARE(m_http->post(kData + QStringLiteral("/fine_tuning/jobs/%1/resume").arg(id), {})
                         .status,
                200);
        QTRY_COMPARE_WITH_TIMEOUT(jobStatus(id), QStringLiteral("succeeded"), 30000);
        const HttpResult again =
                m_http->post(kData + QStringLiteral("/fine_tuning/jobs/%1/resume").arg(id), {});
        QCOMPARE(again.status, 400);
    }

    void cancelWhilePausing()
    {
        start();
        const QString id = createJob();
        QVERIFY(runToFirstStepAndHold(id)); // held: still pausing when the cancel arrives
        QCOMPARE(str(m_http->post(kData + QStringLiteral("/fine_tuning/jobs/%1/pause").arg(id), {})
                                 .json(),
                         "status"),
                QStringLiteral("pausing"));
        const HttpResult cancelled =
                m_http->post(kData + QStringLiteral("/fine_tuning/jobs/%1/cancel").arg(id), {});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(str(cancelled.json(), "status"), QStringLiteral("cancelled"));
    }

    void azureWorkSurvivesARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxOptions options;
        options.dataDir = dir.path();
        start(options);
        const QString model = str(succeededJob(), "fine_tuned_model");
        const QString id = str(
                m_http->get(kData + QStringLiteral("/fine_tuning/jobs")).data().first().toObject(),
                "id");
        cleanup(); // saves
        start(options);
        QCOMPARE(str(job(id), "fine_tuned_model"), model);
        QCOMPARE(m_http->get(kData + QStringLiteral("/files")).data().size(),
                2); // training, results
        // Still Azure's: a deployment of it can be made after the restart.
        QCOMPARE(putDeployment(
                         QStringLiteral("after-restart"), model, QStringLiteral("DeveloperTier"))
                         .status,
                201);
    }

    void fineTunedModelAnswersOnlyThroughADeployment()
    {
        start();
        const QString model = str(succeededJob(), "fine_tuned_model");
        // The model itself is not a deployment.
        const HttpResult direct =
                m_http->post(kData + QStringLiteral("/chat/completions"), chatBody(model));
        QCOMPARE(direct.status, 404);
        QCOMPARE(direct.errorCode(), QStringLiteral("DeploymentNotFound"));
        // Base models answer under their own names.
        const HttpResult base =
                m_http->post(kData + QStringLiteral("/chat/completions"), chatBody(kBase));
        QCOMPARE(base.status, 200);
        QCOMPARE(str(base.json(), "model"), kBase);

        m_server->setTimeScale(kHeld); // the deployment stays Creating until let go
        const HttpResult created = putDeployment(
                QStringLiteral("my-candidate"), model, QStringLiteral("DeveloperTier"));
        QCOMPARE(created.status, 201);
        // Creating: not yet there.
        QCOMPARE(provisioningState(QStringLiteral("my-candidate")), QStringLiteral("Creating"));
        QCOMPARE(m_http->post(kData + QStringLiteral("/chat/completions"),
                               chatBody(QStringLiteral("my-candidate")))
                         .errorCode(),
                QStringLiteral("DeploymentNotFound"));
        m_server->setTimeScale(kFast);
        QTRY_COMPARE(
                provisioningState(QStringLiteral("my-candidate")), QStringLiteral("Succeeded"));
        const HttpResult answer = m_http->post(kData + QStringLiteral("/chat/completions"),
                chatBody(QStringLiteral("my-candidate")));
        QCOMPARE(answer.status, 200);
        QCOMPARE(str(answer.json(), "model"), model);
        const QString text = str(answer.json()
                                         .value("choices")
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value("message")
                                         .toObject(),
                "content");
        QVERIFY(!text.isEmpty());
    }

    void streamedChatThroughADeployment()
    {
        start();
        const QString model = str(succeededJob(), "fine_tuned_model");
        QCOMPARE(putDeployment(QStringLiteral("stream"), model, QStringLiteral("Standard")).status,
                201);
        QTRY_COMPARE(provisioningState(QStringLiteral("stream")), QStringLiteral("Succeeded"));
        QJsonObject body = chatBody(QStringLiteral("stream"));
        body.insert(QStringLiteral("stream"), true);
        body.insert(QStringLiteral("stream_options"),
                QJsonObject {{QStringLiteral("include_usage"), true}});
        const HttpResult streamed = m_http->post(kData + QStringLiteral("/chat/completions"), body);
        QCOMPARE(streamed.status, 200);
        QList<QJsonObject> chunks;
        const QList<QByteArray> lines = streamed.body.split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("data: {"))
                chunks << QJsonDocument::fromJson(line.mid(6)).object();
        }
        QVERIFY(chunks.size() > 2);
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            QCOMPARE(str(chunks.at(i), "model"), model);
            // Azure's schema: usage is an object or absent, never null; only the last has it.
            QCOMPARE(chunks.at(i).contains("usage"), i == chunks.size() - 1);
        }
        QVERIFY(chunks.last().value("usage").isObject());
    }

    void injectedFaultsTakeEachSurfacesShape()
    {
        start();
        m_server->injectHttpError(429, 1, QStringLiteral("/openai/v1/files"), 3);
        const HttpResult data = m_http->get(kData + QStringLiteral("/files"));
        QCOMPARE(data.status, 429);
        QCOMPARE(data.errorCode(), QStringLiteral("429"));
        QCOMPARE(data.header("retry-after"), QByteArray("3"));
        QVERIFY(!data.json().value("error").toObject().contains("type"));
        m_server->injectHttpError(503, 1, QStringLiteral("/deployments"));
        const HttpResult arm = m_arm->get(kAccount + QStringLiteral("/deployments") + kVersion);
        QCOMPARE(arm.status, 503);
        QCOMPARE(arm.errorCode(), QStringLiteral("InternalServerError"));
        m_server->injectHttpError(500, 1, QStringLiteral("/oauth2/v2.0/token"));
        SandboxHttp login(m_server->azureEndpoint(), {});
        const HttpResult token = login.postRaw(QStringLiteral("/login/common/oauth2/v2.0/token"),
                "grant_type=refresh_token", "application/x-www-form-urlencoded");
        QCOMPARE(token.status, 500);
        QCOMPARE(str(token.json(), "error"), QStringLiteral("temporarily_unavailable"));
    }

    // ---- management plane ---------------------------------------------------------------------

    void managementNeedsATokenTheSandboxIssued()
    {
        start();
        const QString list = kAccount + QStringLiteral("/deployments") + kVersion;
        SandboxHttp none(m_server->azureEndpoint(), {});
        const HttpResult missing = none.get(list);
        QCOMPARE(missing.status, 401);
        QCOMPARE(missing.errorCode(), QStringLiteral("AuthenticationFailed"));
        QVERIFY(missing.header("www-authenticate").startsWith("Bearer "));
        QVERIFY(!missing.header("x-ms-request-id").isEmpty());
        SandboxHttp key(m_server->azureEndpoint(), kKey.toUtf8()); // the API key is no token
        QCOMPARE(key.get(list).errorCode(), QStringLiteral("InvalidAuthenticationToken"));
        SandboxHttp data(m_server->azureEndpoint(),
                signIn(QStringLiteral("https://cognitiveservices.azure.com/.default")));
        QCOMPARE(data.get(list).errorCode(), QStringLiteral("InvalidAuthenticationTokenAudience"));
        QCOMPARE(m_arm->get(list).status, 200);
        m_server->advanceClock(3600); // the token lives 3599 s
        QCOMPARE(m_arm->get(list).errorCode(), QStringLiteral("ExpiredAuthenticationToken"));
    }

    void managementApiVersionAndSubscriptionChecked()
    {
        start();
        const HttpResult missing = m_arm->get(kAccount + QStringLiteral("/deployments"));
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.errorCode(), QStringLiteral("MissingApiVersionParameter"));
        const HttpResult wrong =
                m_arm->get(kAccount + QStringLiteral("/deployments?api-version=2024-10-21"));
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.errorCode(), QStringLiteral("NoRegisteredProviderFound"));
        QVERIFY(wrong.errorMessage().contains(QLatin1String("'2026-09-01'")));
        const HttpResult subscription =
                m_arm->get(QStringLiteral("/subscriptions/my-sub/resourceGroups/rg/providers/"
                                          "Microsoft.CognitiveServices/accounts/acc/deployments")
                        + kVersion);
        QCOMPARE(subscription.status, 400);
        QCOMPARE(subscription.errorCode(), QStringLiteral("InvalidSubscriptionId"));
    }

    void deploymentCreatingThenSucceededThenDeleted()
    {
        start();
        const QString model = str(succeededJob(), "fine_tuned_model");
        m_server->setTimeScale(kHeld); // the answer to the PUT shows Creating, however slow
        const HttpResult created =
                putDeployment(QStringLiteral("candidate"), model, QStringLiteral("standard"));
        QCOMPARE(created.status, 201);
        const QJsonObject d = created.json();
        QCOMPARE(str(d, "name"), QStringLiteral("candidate"));
        QCOMPARE(
                str(d, "type"), QStringLiteral("Microsoft.CognitiveServices/accounts/deployments"));
        QCOMPARE(str(d, "id"), kAccount + QStringLiteral("/deployments/candidate"));
        QCOMPARE(str(d.value("sku").toObject(), "name"), QStringLiteral("Standard"));
        QCOMPARE(d.value("sku").toObject().value("capacity").toInt(), 50);
        QCOMPARE(str(d.value("properties").toObject(), "provisioningState"),
                QStringLiteral("Creating"));
        QCOMPARE(str(d.value("properties").toObject().value("model").toObject(), "name"), model);
        // The status monitor the create points to.
        const QUrl monitor(QString::fromUtf8(created.header("azure-asyncoperation")));
        QVERIFY(monitor.isValid());
        QVERIFY(!created.header("retry-after").isEmpty());
        m_server->setTimeScale(kFast);
        QTRY_COMPARE(provisioningState(QStringLiteral("candidate")), QStringLiteral("Succeeded"));
        QCOMPARE(str(m_arm->get(monitor.path() + QLatin1Char('?') + monitor.query()).json(),
                         "status"),
                QStringLiteral("Succeeded"));
        const QJsonArray listed = m_arm->get(kAccount + QStringLiteral("/deployments") + kVersion)
                                          .json()
                                          .value("value")
                                          .toArray();
        QCOMPARE(listed.size(), 1);
        // A second PUT updates: 200.
        QCOMPARE(putDeployment(QStringLiteral("candidate"), model, QStringLiteral("Standard"))
                         .status,
                200);
        const QString path = kAccount + QStringLiteral("/deployments/candidate") + kVersion;
        const HttpResult deleted = m_arm->del(path);
        QCOMPARE(deleted.status, 200);
        QVERIFY(deleted.body.isEmpty());
        QVERIFY(deleted.header("content-type").isEmpty()); // no body, no JSON type
        const HttpResult gone = m_arm->get(path);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.errorCode(), QStringLiteral("DeploymentNotFound"));
        QCOMPARE(m_arm->del(path).status, 204);
        QCOMPARE(m_http->post(kData + QStringLiteral("/chat/completions"),
                               chatBody(QStringLiteral("candidate")))
                         .errorCode(),
                QStringLiteral("DeploymentNotFound"));
    }

    void deploymentRefusals()
    {
        start();
        const QString model = str(succeededJob(), "fine_tuned_model");
        QCOMPARE(putDeployment(QStringLiteral("a"), model, QStringLiteral("ProvisionedManaged"))
                         .errorCode(),
                QStringLiteral("InvalidResourceProperties"));
        QCOMPARE(putDeployment(QStringLiteral("b"), kBase, QStringLiteral("DeveloperTier"))
                         .errorCode(),
                QStringLiteral("InvalidResourceProperties"));
        QCOMPARE(putDeployment(QStringLiteral("c"), QStringLiteral("gpt-4o-mini.ft-unknown"),
                         QStringLiteral("Standard"))
                         .errorCode(),
                QStringLiteral("DeploymentModelNotSupported"));
        QCOMPARE(m_arm->send("PUT", kAccount + QStringLiteral("/deployments/d") + kVersion,
                              "{not json", "application/json")
                         .errorCode(),
                QStringLiteral("InvalidRequestContent"));
        // A base model deploys as Standard or GlobalStandard.
        QCOMPARE(putDeployment(QStringLiteral("base"), kBase, QStringLiteral("GlobalStandard"))
                         .status,
                201);
        QVERIFY(m_arm->get(kAccount + QStringLiteral("/deployments") + kVersion)
                        .json()
                        .value("value")
                        .toArray()
                        .size()
                == 1);
    }

    void developerDeploymentRemovedAfter24Hours()
    {
        start();
        const QString model = str(succeededJob(), "fine_tuned_model");
        QCOMPARE(
                putDeployment(QStringLiteral("dev"), model, QStringLiteral("DeveloperTier")).status,
                201);
        QCOMPARE(putDeployment(QStringLiteral("std"), model, QStringLiteral("Standard")).status,
                201);
        QTRY_COMPARE(provisioningState(QStringLiteral("dev")), QStringLiteral("Succeeded"));
        m_server->advanceClock(23 * 3600);
        m_arm = std::make_unique<SandboxHttp>(m_server->azureEndpoint(),
                signIn(QStringLiteral("https://management.azure.com/.default")));
        QCOMPARE(provisioningState(QStringLiteral("dev")), QStringLiteral("Succeeded"));
        m_server->advanceClock(3600);
        m_arm = std::make_unique<SandboxHttp>(m_server->azureEndpoint(),
                signIn(QStringLiteral("https://management.azure.com/.default")));
        QCOMPARE(m_arm->get(kAccount + QStringLiteral("/deployments/dev") + kVersion).status, 404);
        QCOMPARE(provisioningState(QStringLiteral("std")), QStringLiteral("Succeeded"));
        QCOMPARE(m_http->post(kData + QStringLiteral("/chat/completions"),
                               chatBody(QStringLiteral("dev")))
                         .errorCode(),
                QStringLiteral("DeploymentNotFound"));
        QCOMPARE(m_http->post(kData + QStringLiteral("/chat/completions"),
                               chatBody(QStringLiteral("std")))
                         .status,
                200);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxAzure)
#include "tst_sandboxazure.moc"
