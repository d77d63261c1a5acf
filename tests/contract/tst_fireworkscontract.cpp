// SPDX-License-Identifier: GPL-3.0-or-later
// Fireworks AI publishes no complete spec (shared/reference/fireworks/API-NOTES.md, "What was
// searched"). This test pins every path and field name the notes list to the line of the notes
// that states it — noted(LINE, "name") fails when that line no longer says so — and checks the
// names against both sides: the requests the app's dialect builds and the answers the sandbox's
// /fireworks gives. A name the app or the sandbox uses that is not in the notes fails too.
#include "apiclient.h"
#include "fireworksdialect.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "uploader.h"
#include "uploadsource.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fs;
using fs::sandbox::SandboxOptions;
using fs::sandbox::SandboxServer;

namespace {

QStringList &notesLines()
{
    static QStringList lines;
    return lines;
}

/// `name` as the notes state it on line `line` (1-based); records a failure when they do not.
QString noted(int line, const char *name)
{
    const QString text = QString::fromUtf8(name);
    const QString stated = notesLines().value(line - 1);
    if (!stated.contains(text)) {
        QTest::qFail(qPrintable(QStringLiteral("API-NOTES.md line %1 does not say “%2”: %3")
                                        .arg(line)
                                        .arg(text, stated.left(160))),
                __FILE__, __LINE__);
    }
    return text;
}

/// The keys of `object` that the notes do not list in `allowed`.
QStringList unnoted(const QJsonObject &object, const QSet<QString> &allowed)
{
    QStringList extra;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            extra << it.key();
    }
    return extra;
}

QByteArray training()
{
    QByteArray data;
    for (int i = 0; i < 12; ++i)
        data += QStringLiteral("{\"messages\":[{\"role\":\"user\",\"content\":\"Q%1\"},"
                               "{\"role\":\"assistant\",\"content\":\"A%1\"}]}\n")
                        .arg(i)
                        .toUtf8();
    return data;
}

const QString kAccount = QStringLiteral("conformance");

} // namespace

class tst_FireworksContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void transport();
    void datasetRequests();
    void jobRequests();
    void deploymentRequests();
    void sandboxAnswers();

private:
    QJsonObject get(const QString &path)
    {
        QNetworkRequest request(QUrl(m_root + path));
        request.setRawHeader("Authorization", "Bearer conformance-key");
        QNetworkReply *reply = m_nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(10000);
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_nam;
    QString m_root;
    const FireworksDialect m_dialect {kAccount};
};

void tst_FireworksContract::initTestCase()
{
    QFile notes(QStringLiteral(FS_FIREWORKS_NOTES));
    QVERIFY2(notes.open(QIODevice::ReadOnly | QIODevice::Text), FS_FIREWORKS_NOTES);
    notesLines() = QString::fromUtf8(notes.readAll()).split(QLatin1Char('\n'));
    QVERIFY(notesLines().size() > 150);
}

void tst_FireworksContract::transport()
{
    QCOMPARE(Connection::defaultBaseUrl(Connection::Kind::Fireworks),
            QString(noted(15, "https://api.fireworks.ai")));
    QCOMPARE(Connection::apiKeyEnvironmentVariable(Connection::Kind::Fireworks),
            noted(16, "FIREWORKS_API_KEY"));
    QVERIFY(noted(17, "/v1/accounts/{account_id}/").startsWith(QLatin1String("/v1/accounts/")));
    QVERIFY(m_dialect.listJobs({}, 0).value().path.startsWith(
            QStringLiteral("/v1/accounts/") + kAccount + QLatin1Char('/')));
    ChatRequest chat;
    chat.model = QStringLiteral("m");
    QCOMPARE(
            m_dialect.chat(chat, false).value().path, noted(159, "/inference/v1/chat/completions"));
    // Pages: pageSize up to 200, pageToken from nextPageToken.
    const auto listed = m_dialect.listJobs(QStringLiteral("t"), 0).value().query;
    QCOMPARE(listed.at(0).first, noted(26, "pageSize"));
    QCOMPARE(listed.at(0).second, QStringLiteral("200"));
    QVERIFY(notesLines().at(29).contains(QLatin1String("maximum is 200")));
    QCOMPARE(listed.at(1).first, noted(26, "pageToken"));
}

void tst_FireworksContract::datasetRequests()
{
    const QString datasets = QStringLiteral("/v1/accounts/conformance/datasets");
    const auto create = m_dialect.createDataset(QStringLiteral("d"), QStringLiteral("t.jsonl"), 3);
    QCOMPARE(create.value().verb, QByteArray("POST"));
    noted(38, "POST /v1/accounts/{account_id}/datasets");
    QCOMPARE(create.value().path, datasets);
    const QJsonObject body = QJsonDocument::fromJson(create.value().body).object();
    QVERIFY(unnoted(body, {noted(38, "datasetId"), noted(38, "dataset")}).isEmpty());
    const QJsonObject dataset = body.value(QLatin1String("dataset")).toObject();
    QVERIFY2(unnoted(dataset,
                     {noted(59, "displayName"), noted(59, "format"), noted(59, "exampleCount"),
                             noted(60, "userUploaded")})
                     .isEmpty(),
            qPrintable(unnoted(dataset, {}).join(QLatin1Char(' '))));
    QVERIFY(dataset.value(QLatin1String("exampleCount")).isString()); // line 23: int64 as string
    noted(23, "exampleCount");
    QCOMPARE(dataset.value(QLatin1String("format")).toString(), noted(53, "CHAT"));

    const auto upload =
            m_dialect.uploadToDataset(QStringLiteral("d"), QStringLiteral("t.jsonl"), "x");
    QCOMPARE(upload.value().path, datasets + QStringLiteral("/d") + noted(43, ":upload"));
    QVERIFY(upload.value().contentType.startsWith(noted(43, "multipart/form-data").toUtf8()));
    QVERIFY(upload.value().body.contains(QByteArray("name=\"" + noted(43, "file").toUtf8() + '"')));
    const auto endpoint =
            m_dialect.datasetUploadEndpoint(QStringLiteral("d"), QStringLiteral("t.jsonl"), 5);
    QCOMPARE(endpoint.value().path,
            datasets + QStringLiteral("/d") + noted(44, ":getUploadEndpoint"));
    const QJsonObject sizes = QJsonDocument::fromJson(endpoint.value().body).object();
    QVERIFY(unnoted(sizes, {noted(44, "filenameToSize")}).isEmpty());
    QVERIFY(sizes.value(QLatin1String("filenameToSize"))
                    .toObject()
                    .value(QLatin1String("t.jsonl"))
                    .isString());
    const auto validate = m_dialect.validateDatasetUpload(QStringLiteral("d"));
    QCOMPARE(validate.value().path, datasets + QStringLiteral("/d") + noted(45, ":validateUpload"));
    QCOMPARE(validate.value().body, noted(45, "{}").toUtf8());
    QCOMPARE(m_dialect.retrieveFile(QStringLiteral("d")).value().path,
            datasets + QStringLiteral("/d"));
    noted(39, "GET /v1/accounts/{account_id}/datasets/{dataset_id}");
    QCOMPARE(m_dialect.deleteFile(QStringLiteral("d")).value().verb, QByteArray("DELETE"));
    noted(42, "DELETE /v1/accounts/{account_id}/datasets/{dataset_id}");
}

void tst_FireworksContract::jobRequests()
{
    CreateJobRequest r;
    r.model = QStringLiteral("accounts/fireworks/models/qwen3-8b");
    r.trainingFile = QStringLiteral("train");
    r.validationFile = QStringLiteral("eval");
    r.suffix = QStringLiteral("name");
    r.hyperparameters.nEpochs = Hyperparameter::fromJson(2);
    r.settings.learningRate = 1e-4;
    r.settings.loraRank = 8;
    r.settings.maxContextLength = 4096;
    const auto call = m_dialect.createJob(r);
    QCOMPARE(call.value().path,
            QStringLiteral("/v1/accounts/conformance") + noted(76, "/supervisedFineTuningJobs"));
    const QJsonObject body = QJsonDocument::fromJson(call.value().body).object();
    const QSet<QString> fields {noted(86, "dataset"), noted(87, "baseModel"),
            noted(88, "displayName"), noted(89, "epochs"), noted(89, "learningRate"),
            noted(89, "loraRank"), noted(89, "maxContextLength"), noted(90, "evaluationDataset")};
    QVERIFY2(unnoted(body, fields).isEmpty(),
            qPrintable(unnoted(body, fields).join(QLatin1Char(' '))));
    QCOMPARE(body.size(), fields.size());
    // Resource names are full paths (line 21).
    QCOMPARE(body.value(QLatin1String("dataset")).toString(),
            QString(noted(21, "accounts/{account_id}/datasets/{dataset_id}"))
                    .replace(QLatin1String("{account_id}"), kAccount)
                    .replace(QLatin1String("{dataset_id}"), QLatin1String("train")));
    QCOMPARE(m_dialect.deleteJob(QStringLiteral("j")).value().verb, QByteArray("DELETE"));
    noted(79, "DELETE /v1/accounts/{account_id}/supervisedFineTuningJobs/{job_id}");
    QVERIFY(!m_dialect.cancelJob(QStringLiteral("j")).ok());
    noted(82, "no cancel endpoint");
    // Every state the notes list is known to the dialect (none falls to Unknown but
    // UNSPECIFIED).
    const QRegularExpression state(QStringLiteral("`(JOB_STATE_[A-Z_]+)`"));
    int states = 0;
    for (int line = 101; line <= 105; ++line) {
        auto it = state.globalMatch(notesLines().at(line - 1));
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            ++states;
            const bool unknown =
                    FireworksDialect::jobStatus(name) == FineTuningJob::Status::Unknown;
            QCOMPARE(unknown, name == QLatin1String("JOB_STATE_UNSPECIFIED"));
        }
    }
    QCOMPARE(states, 18);
}

void tst_FireworksContract::deploymentRequests()
{
    DeploymentRequest r;
    r.model = QStringLiteral("accounts/conformance/models/m");
    r.hardware = noted(139, "NVIDIA_A100_80GB");
    r.displayName = QStringLiteral("x");
    r.inactiveTimeoutMinutes = 5;
    const auto call = m_dialect.createDeployment(r);
    QCOMPARE(call.value().path,
            QStringLiteral("/v1/accounts/conformance") + noted(126, "/deployments"));
    const QJsonObject body = QJsonDocument::fromJson(call.value().body).object();
    const QSet<QString> fields {noted(137, "baseModel"), noted(139, "acceleratorType"),
            noted(136, "displayName"), noted(140, "minReplicaCount"), noted(140, "maxReplicaCount"),
            noted(140, "autoscalingPolicy")};
    QVERIFY(unnoted(body, fields).isEmpty());
    QVERIFY(body.value(QLatin1String("autoscalingPolicy"))
                    .toObject()
                    .contains(noted(140, "scaleToZeroWindow")));
    const QList<HardwareOption> accelerators =
            m_dialect.documentedHardware().value_or(QList<HardwareOption>());
    QVERIFY(!accelerators.isEmpty());
    for (const HardwareOption &option : accelerators)
        QVERIFY2(notesLines().at(138).contains(option.id), qPrintable(option.id));
    for (const char *s : {"CREATING", "READY", "DELETING", "FAILED", "UPDATING", "DELETED"})
        QVERIFY(FireworksDialect::deploymentState(noted(138, s)) != Deployment::State::Unknown);
}

void tst_FireworksContract::sandboxAnswers()
{
    SandboxOptions options;
    options.requiredKey = QStringLiteral("conformance-key");
    options.timeScale = 0.02;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->start());
    m_root = QStringLiteral("http://127.0.0.1:%1/fireworks").arg(m_server->port());
    Connection connection;
    connection.kind = Connection::Kind::Fireworks;
    connection.baseUrl = QUrl(m_root);
    connection.apiKey = options.requiredKey;
    connection.account = kAccount;
    ApiClient api(&m_nam, connection);
    ProviderClient client(&api);

    BufferSource source(QStringLiteral("train.jsonl"), training());
    UploadOptions uploadOptions;
    uploadOptions.processingPollMs = 20;
    Uploader uploader(&api, &source, uploadOptions);
    QSignalSpy uploaded(&uploader, &Uploader::finished);
    uploader.start();
    QVERIFY(uploaded.wait(10000));
    QCOMPARE(uploader.state(), Uploader::State::Succeeded);

    const QString base = QStringLiteral("/v1/accounts/conformance");
    const QJsonObject datasets = get(base + QStringLiteral("/datasets"));
    QVERIFY(unnoted(datasets, {noted(29, "datasets"), noted(27, "nextPageToken")}).isEmpty());
    const QJsonObject dataset =
            datasets.value(QLatin1String("datasets")).toArray().first().toObject();
    const QSet<QString> datasetFields {noted(50, "name"), noted(50, "displayName"),
            noted(50, "createTime"), noted(50, "updateTime"), noted(50, "createdBy"),
            noted(51, "state"), noted(52, "status"), noted(53, "format"), noted(54, "exampleCount"),
            noted(55, "userUploaded")};
    QVERIFY2(unnoted(dataset, datasetFields).isEmpty(),
            qPrintable(unnoted(dataset, datasetFields).join(QLatin1Char(' '))));
    QCOMPARE(dataset.value(QLatin1String("state")).toString(), noted(51, "READY"));
    QCOMPARE(dataset.value(QLatin1String("status")).toObject().keys(),
            (QStringList {noted(24, "code"), noted(24, "message")}));

    CreateJobRequest r;
    r.model = QStringLiteral("accounts/fireworks/models/qwen3-8b");
    r.trainingFile = uploader.file().id;
    std::optional<ProviderResult<FineTuningJob>> created;
    client.createJob(r, [&created](const ProviderResult<FineTuningJob> &j) { created = j; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000);
    QVERIFY2(created->ok(), qPrintable(created->error.plainMessage()));
    const QString jobPath =
            base + QStringLiteral("/supervisedFineTuningJobs/") + created->value->id;
    QJsonObject job;
    QTRY_VERIFY_WITH_TIMEOUT((job = get(jobPath)).value(QLatin1String("state"))
                    == QLatin1String("JOB_STATE_COMPLETED"),
            60000);
    const QSet<QString> jobFields {noted(99, "name"), noted(99, "createTime"),
            noted(99, "updateTime"), noted(99, "completedTime"), noted(99, "createdBy"),
            noted(100, "state"), noted(106, "status"), noted(107, "estimatedCost"),
            noted(108, "jobProgress"), noted(95, "metricsFileSignedUrl"), noted(86, "dataset"),
            noted(87, "baseModel"), noted(88, "displayName"), noted(88, "outputModel"),
            noted(89, "epochs"), noted(89, "learningRate"), noted(89, "loraRank"),
            noted(89, "maxContextLength")};
    QVERIFY2(unnoted(job, jobFields).isEmpty(),
            qPrintable(unnoted(job, jobFields).join(QLatin1Char(' '))));
    QVERIFY(unnoted(job.value(QLatin1String("estimatedCost")).toObject(),
            {noted(107, "currencyCode"), noted(107, "units"), noted(107, "nanos")})
                    .isEmpty());
    QVERIFY(job.value(QLatin1String("estimatedCost"))
                    .toObject()
                    .value(QLatin1String("units"))
                    .isString());
    QVERIFY(unnoted(job.value(QLatin1String("jobProgress")).toObject(),
            {noted(115, "percent"), noted(115, "epoch")})
                    .isEmpty());
    const QJsonObject jobs = get(base + QStringLiteral("/supervisedFineTuningJobs"));
    QVERIFY(unnoted(jobs, {noted(29, "supervisedFineTuningJobs"), noted(27, "nextPageToken")})
                    .isEmpty());

    DeploymentRequest d;
    d.model = job.value(QLatin1String("outputModel")).toString();
    d.hardware = QStringLiteral("NVIDIA_A100_80GB");
    d.inactiveTimeoutMinutes = 5;
    std::optional<ProviderResult<Deployment>> deployed;
    client.createDeployment(d, [&deployed](const ProviderResult<Deployment> &x) { deployed = x; });
    QTRY_VERIFY_WITH_TIMEOUT(deployed.has_value(), 10000);
    QVERIFY2(deployed->ok(), qPrintable(deployed->error.plainMessage()));
    const QJsonObject deployments = get(base + QStringLiteral("/deployments"));
    QVERIFY(unnoted(deployments, {noted(29, "deployments"), noted(27, "nextPageToken")}).isEmpty());
    const QJsonObject deployment =
            deployments.value(QLatin1String("deployments")).toArray().first().toObject();
    const QSet<QString> deploymentFields {noted(136, "name"), noted(136, "displayName"),
            noted(136, "createTime"), noted(137, "baseModel"), noted(138, "state"),
            noted(138, "status"), noted(139, "acceleratorType"), noted(139, "acceleratorCount"),
            noted(140, "minReplicaCount"), noted(140, "maxReplicaCount"),
            noted(140, "replicaCount"), noted(140, "autoscalingPolicy")};
    QVERIFY2(unnoted(deployment, deploymentFields).isEmpty(),
            qPrintable(unnoted(deployment, deploymentFields).join(QLatin1Char(' '))));
    QCOMPARE(deployment.value(QLatin1String("state")).toString(), noted(138, "CREATING"));
}

QTEST_GUILESS_MAIN(tst_FireworksContract)
#include "tst_fireworkscontract.moc"
