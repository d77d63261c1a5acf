// SPDX-License-Identifier: GPL-3.0-or-later
// The Fireworks AI loop through ProviderClient and the Uploader against the sandbox's
// /fireworks: dataset (direct upload and the signed-URL path) → READY → supervised job →
// metrics file → the resulting model → an on-demand deployment → chat with it → delete.
#include "apiclient.h"
#include "deploymentplan.h"
#include "fireworksdialect.h"
#include "jobtracker.h"
#include "metricsseries.h"
#include "numberedexamples.h"
#include "providercalls.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "uploader.h"
#include "uploadsource.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace fs;
using fs::sandbox::SandboxOptions;
using fs::sandbox::SandboxServer;
using fs::test::awaitProvider;
using fs::test::numberedExamples;

namespace {

const QString kKey = QStringLiteral("fw-sandbox-key");
const QString kAccount = QStringLiteral("my-account");
const QString kBase = QStringLiteral("accounts/fireworks/models/llama-v3p1-8b-instruct");

} // namespace

class tst_FireworksLoop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void smallFileGoesInOneUploadAndTurnsReady();
    void largeFileGoesToTheSignedUrlAndIsValidated();
    void withoutAnAccountTheUploadSaysSo();
    void wholeLoop();
    void deletingAJobStopsIt();
    void trackerFollowsTheMetricsFileWithoutEvents();
    void injectedFaultReachesTheCaller();

private:
    Connection connection() const
    {
        Connection c;
        c.kind = Connection::Kind::Fireworks;
        c.name = QStringLiteral("Fireworks (sandbox)");
        c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/fireworks").arg(m_server->port()));
        c.apiKey = kKey;
        c.account = kAccount;
        return c;
    }
    /// Uploads `data` through the Uploader; the dataset id, empty on failure.
    QString upload(const QByteArray &data, qint64 directLimit = 150LL * 1024 * 1024)
    {
        BufferSource source(QStringLiteral("Train Data.jsonl"), data);
        UploadOptions options;
        options.processingPollMs = 20;
        options.datasetUploadLimit = directLimit;
        Uploader uploader(m_api.get(), &source, options);
        QSignalSpy finished(&uploader, &Uploader::finished);
        uploader.start();
        if (!finished.wait(20000) || uploader.state() != Uploader::State::Succeeded) {
            qWarning() << uploader.errorMessage();
            return {};
        }
        return uploader.file().id;
    }
    /// Uploads the training data and starts a job on it; the job's id, empty on failure.
    QString startJob()
    {
        CreateJobRequest request;
        request.model = kBase;
        request.trainingFile = upload(numberedExamples(12));
        if (request.trainingFile.isEmpty())
            return {};
        const auto created = awaitProvider<FineTuningJob>(
                [&](auto done) { m_client->createJob(request, done); });
        return created.ok() ? created.value->id : QString();
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<ProviderClient> m_client;
};

void tst_FireworksLoop::init()
{
    SandboxOptions options;
    options.requiredKey = kKey;
    options.timeScale = 0.02;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->start());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_api = std::make_unique<ApiClient>(m_nam.get(), connection());
    m_client = std::make_unique<ProviderClient>(m_api.get());
    QCOMPARE(m_client->dialect().id(), QStringLiteral("fireworks"));
}

void tst_FireworksLoop::cleanup()
{
    m_client.reset();
    m_api.reset();
    m_nam.reset();
    m_server.reset();
}

void tst_FireworksLoop::smallFileGoesInOneUploadAndTurnsReady()
{
    QStringList paths;
    connect(m_server.get(), &SandboxServer::requestServed, this,
            [&paths](const QString &method, const QString &path, int) {
                paths << method + QLatin1Char(' ') + path;
            });
    const QString id = upload(numberedExamples(12));
    QVERIFY(!id.isEmpty());
    QVERIFY2(id.startsWith(QLatin1String("train-data-jsonl-")), qPrintable(id));
    const QString root = QStringLiteral("/fireworks/v1/accounts/my-account/datasets");
    QCOMPARE(paths.value(0), QStringLiteral("POST ") + root);
    QCOMPARE(paths.value(1), QStringLiteral("POST %1/%2:upload").arg(root, id));
    QVERIFY(!paths.join(QLatin1Char('\n')).contains(QLatin1String(":getUploadEndpoint")));

    const auto file =
            awaitProvider<FileObject>([&](auto done) { m_client->retrieveFile(id, done); });
    QVERIFY(file.ok());
    QCOMPARE(file.value->status, QStringLiteral("processed"));
    QCOMPARE(file.value->raw.value(QLatin1String("state")).toString(), QStringLiteral("READY"));
    QCOMPARE(file.value->raw.value(QLatin1String("exampleCount")).toString(), QStringLiteral("12"));

    const auto list = awaitProvider<Page<FileObject>>(
            [&](auto done) { m_client->listFiles(FileListQuery(), done); });
    QVERIFY(list.ok());
    QCOMPARE(list.value->data.size(), 1);
    QCOMPARE(list.value->data.first().id, id);
}

void tst_FireworksLoop::largeFileGoesToTheSignedUrlAndIsValidated()
{
    QStringList paths;
    connect(m_server.get(), &SandboxServer::requestServed, this,
            [&paths](const QString &method, const QString &path, int) {
                paths << method + QLatin1Char(' ') + path;
            });
    const QString id = upload(numberedExamples(12), 100); // "large": over a 100-byte limit
    QVERIFY(!id.isEmpty());
    const QString all = paths.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral(":getUploadEndpoint")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("PUT /fireworks/_signed/upload/") + id), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral(":validateUpload")), qPrintable(all));
    QVERIFY(!all.contains(QStringLiteral(":upload\n")));
    QVERIFY(all.indexOf(QLatin1String("PUT ")) < all.indexOf(QLatin1String(":validateUpload")));
    const auto file =
            awaitProvider<FileObject>([&](auto done) { m_client->retrieveFile(id, done); });
    QVERIFY(file.ok());
    QCOMPARE(file.value->status, QStringLiteral("processed"));
}

void tst_FireworksLoop::withoutAnAccountTheUploadSaysSo()
{
    Connection c = connection();
    c.account.clear();
    m_api->setConnection(c);
    BufferSource source(QStringLiteral("train.jsonl"), numberedExamples(12));
    Uploader uploader(m_api.get(), &source);
    QSignalSpy finished(&uploader, &Uploader::finished);
    uploader.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(uploader.state(), Uploader::State::Failed);
    QVERIFY2(uploader.errorMessage().contains(QLatin1String("account id")),
            qPrintable(uploader.errorMessage()));
}

void tst_FireworksLoop::wholeLoop()
{
    const QString training = upload(numberedExamples(12));
    const QString evaluation = upload(numberedExamples(10));
    QVERIFY(!training.isEmpty() && !evaluation.isEmpty());

    // The fine-tunable bases: Fireworks' catalogue, filtered on the tunable flags.
    const auto bases =
            awaitProvider<QList<ModelObject>>([&](auto done) { m_client->listBaseModels(done); });
    QVERIFY(bases.ok());
    QStringList baseIds;
    for (const ModelObject &m : *bases.value)
        baseIds << m.id;
    QVERIFY(baseIds.contains(kBase));
    QVERIFY(!baseIds.contains(QStringLiteral("accounts/fireworks/models/whisper-v3")));

    CreateJobRequest request;
    request.model = kBase;
    request.trainingFile = training;
    request.validationFile = evaluation;
    request.suffix = QStringLiteral("support-bot");
    request.hyperparameters.nEpochs = Hyperparameter::fromJson(2);
    request.settings.learningRate = 0.0002;
    request.settings.loraRank = 16;
    request.settings.maxContextLength = 4096;
    const auto created =
            awaitProvider<FineTuningJob>([&](auto done) { m_client->createJob(request, done); });
    QVERIFY2(created.ok(), qPrintable(created.error.plainMessage()));
    const FineTuningJob job = *created.value;
    QCOMPARE(job.model, kBase);
    QCOMPARE(job.trainingFile, training);
    QCOMPARE(job.validationFile, evaluation);
    QCOMPARE(job.settings.loraRank, std::optional<int>(16));
    QCOMPARE(job.settings.maxContextLength, std::optional<int>(4096));
    QCOMPARE(job.hyperparameters.nEpochs.value, 2.0);
    QVERIFY(job.outputModelName.startsWith(QLatin1String("accounts/my-account/models/")));

    // Follow it to the end, reading the metrics file on the way.
    MetricsPage metrics;
    FineTuningJob latest = job;
    QVERIFY(QTest::qWaitFor(
            [&] {
                const auto read = awaitProvider<FineTuningJob>(
                        [&](auto done) { m_client->retrieveJob(job.id, done); });
                if (read.ok())
                    latest = *read.value;
                return latest.isTerminal();
            },
            60000));
    QCOMPARE(latest.status, FineTuningJob::Status::Succeeded);
    QCOMPARE(latest.statusText, QStringLiteral("JOB_STATE_COMPLETED"));
    QCOMPARE(latest.fineTunedModel, job.outputModelName);
    const auto page =
            awaitProvider<MetricsPage>([&](auto done) { m_client->listMetrics(job.id, 0, done); });
    QVERIFY2(page.ok(), qPrintable(page.error.plainMessage()));
    metrics = *page.value;
    QVERIFY(metrics.totalSteps && *metrics.totalSteps > 0);
    QCOMPARE(metrics.points.size(), int(*metrics.totalSteps));
    QVERIFY(metrics.points.first().has(Metric::TrainLoss));
    QCOMPARE(metrics.lastStep, int(*metrics.totalSteps));
    // Asked from a step on: only the steps from there.
    const auto later = awaitProvider<MetricsPage>(
            [&](auto done) { m_client->listMetrics(job.id, metrics.lastStep, done); });
    QVERIFY(later.ok());
    QCOMPARE(later.value->points.size(), 1);

    // The model is listed for the account, and answers only once deployed.
    const auto models =
            awaitProvider<QList<ModelObject>>([&](auto done) { m_client->listModels(done); });
    QVERIFY(models.ok());
    QCOMPARE(models.value->size(), 1);
    QCOMPARE(models.value->first().id, latest.fineTunedModel);
    QVERIFY(needsDeployment(ProviderKind::Fireworks, latest.fineTunedModel));
    QVERIFY(!needsDeployment(ProviderKind::Fireworks, kBase));
    ChatRequest chat;
    chat.model = latest.fineTunedModel;
    chat.messages = {{QStringLiteral("user"), QStringLiteral("Question 3?")}};
    const auto undeployed =
            awaitProvider<ChatCompletion>([&](auto done) { m_client->chat(chat, done); });
    QVERIFY(!undeployed.ok());
    QCOMPARE(undeployed.error.httpStatus, 404);

    const auto hardware = awaitProvider<QList<HardwareOption>>(
            [&](auto done) { m_client->listHardware(kBase, done); });
    QVERIFY(hardware.ok());
    const HardwareOption *cheapest = cheapestHardware(*hardware.value);
    QVERIFY(cheapest);
    DeploymentRequest deploy;
    deploy.model = latest.fineTunedModel;
    deploy.hardware = cheapest->id;
    deploy.inactiveTimeoutMinutes = 5;
    const auto deployment =
            awaitProvider<Deployment>([&](auto done) { m_client->createDeployment(deploy, done); });
    QVERIFY2(deployment.ok(), qPrintable(deployment.error.plainMessage()));
    QCOMPARE(deployment.value->state, Deployment::State::Starting);
    QCOMPARE(deployment.value->inactiveTimeoutMinutes, std::optional<int>(5));
    QVERIFY(deployment.value->pricePerHour.has_value());
    Deployment running = *deployment.value;
    QVERIFY(QTest::qWaitFor(
            [&] {
                const auto read = awaitProvider<Deployment>(
                        [&](auto done) { m_client->retrieveDeployment(running.id, done); });
                if (read.ok())
                    running = *read.value;
                return running.state == Deployment::State::Running;
            },
            30000));
    const ChatRoute route = chatRoute(ProviderKind::Fireworks, latest.fineTunedModel, {running});
    QCOMPARE(route.kind, ChatRoute::Kind::Deployment);
    QCOMPARE(route.model,
            latest.fineTunedModel + QStringLiteral("#accounts/my-account/deployments/")
                    + running.id);
    chat.model = route.model;
    const auto answer =
            awaitProvider<ChatCompletion>([&](auto done) { m_client->chat(chat, done); });
    QVERIFY2(answer.ok(), qPrintable(answer.error.plainMessage()));
    QVERIFY(!answer.value->content.isEmpty());

    const auto listed =
            awaitProvider<QList<Deployment>>([&](auto done) { m_client->listDeployments(done); });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value->size(), 1);
    const auto removed =
            awaitProvider<bool>([&](auto done) { m_client->deleteDeployment(running.id, done); });
    QVERIFY(removed.ok());
    const auto after = awaitProvider<Deployment>(
            [&](auto done) { m_client->retrieveDeployment(running.id, done); });
    QVERIFY(after.ok());
    // Going away: the sandbox may already have finished deleting it (its clock is scaled).
    QVERIFY2(after.value->state == Deployment::State::Stopping
                    || after.value->state == Deployment::State::Stopped,
            qPrintable(QString::number(int(after.value->state))));
}

void tst_FireworksLoop::deletingAJobStopsIt()
{
    const QString jobId = startJob();
    QVERIFY(!jobId.isEmpty());
    const auto cancelled =
            awaitProvider<FineTuningJob>([&](auto done) { m_client->cancelJob(jobId, done); });
    QVERIFY(!cancelled.ok());
    QVERIFY(cancelled.error.plainMessage().contains(QLatin1String("deleting the job")));
    const auto removed = awaitProvider<bool>([&](auto done) { m_client->deleteJob(jobId, done); });
    QVERIFY(removed.ok());
    const auto gone =
            awaitProvider<FineTuningJob>([&](auto done) { m_client->retrieveJob(jobId, done); });
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error.httpStatus, 404);
}

void tst_FireworksLoop::trackerFollowsTheMetricsFileWithoutEvents()
{
    const QString jobId = startJob();
    QVERIFY(!jobId.isEmpty());
    QStringList paths;
    connect(m_server.get(), &SandboxServer::requestServed, this,
            [&paths](const QString &, const QString &path, int) { paths << path; });

    JobTracker tracker(m_api.get());
    TrackerIntervals intervals;
    intervals.runningMs = 20;
    intervals.waitingMs = 20;
    tracker.setIntervals(intervals);
    QVERIFY(tracker.metricsFromEndpoint());
    QSignalSpy finished(&tracker, &JobTracker::finished);
    QSignalSpy failed(&tracker, &JobTracker::pollFailed);
    tracker.watch(jobId);
    QVERIFY(finished.wait(60000));
    QCOMPARE(failed.count(), 0);
    const FineTuningJob done = tracker.job(jobId);
    QCOMPARE(done.status, FineTuningJob::Status::Succeeded);
    // The loss chart's data: every step of the metrics file, each once.
    const MetricsSeries &series = tracker.metrics(jobId)->series();
    QVERIFY(series.lastStep() > 0);
    QCOMPARE(series.size(), series.lastStep());
    QVERIFY(tracker.metrics(jobId)->isComplete());
    // Fireworks has no events: none were asked for, no request failed.
    const QString all = paths.join(QLatin1Char('\n'));
    QVERIFY(!all.contains(QLatin1String("events")));
    QVERIFY2(all.contains(QStringLiteral("/fireworks/_signed/metrics/") + jobId), qPrintable(all));
}

void tst_FireworksLoop::injectedFaultReachesTheCaller()
{
    RetryPolicy none;
    none.maxRetries = 0;
    m_api->setRetryPolicy(none);
    m_server->injectHttpError(503, 1, QStringLiteral("supervisedFineTuningJobs"));
    const auto list = awaitProvider<Page<FineTuningJob>>(
            [&](auto done) { m_client->listJobs(QString(), 0, done); });
    QVERIFY(!list.ok());
    QCOMPARE(list.error.httpStatus, 503);
    const auto again = awaitProvider<Page<FineTuningJob>>(
            [&](auto done) { m_client->listJobs(QString(), 0, done); });
    QVERIFY(again.ok());
    QVERIFY(again.value->data.isEmpty());
}

QTEST_GUILESS_MAIN(tst_FireworksLoop)
#include "tst_fireworksloop.moc"
