// SPDX-License-Identifier: GPL-3.0-or-later
// DeploymentManager against the sandbox's Together dialect (dedicated endpoints): a deployment
// followed from PENDING to running and stopped, its cost at the edges, the idle auto-stop with
// an injected clock (no waiting), a deployment that fails to start, and one started elsewhere.
#include "apiclient.h"
#include "appsettings.h"
#include "deploymenthub.h"
#include "deploymentmanager.h"
#include "fakeazure.h"
#include "modeltarget.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "togetherdialect.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fs;

namespace {

const QString kBase = QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");

/// Together's answers, except that an endpoint past PENDING reports ERROR: a deployment that
/// fails to start.
class FailingStartDialect : public TogetherDialect
{
public:
    Expected<Deployment> parseDeployment(const HttpAnswer &answer) const override
    {
        Expected<Deployment> parsed = TogetherDialect::parseDeployment(answer);
        if (!parsed.ok()
                || (parsed.value().state != Deployment::State::Starting
                        && parsed.value().state != Deployment::State::Running))
            return parsed;
        Deployment failed = parsed.value();
        failed.state = Deployment::State::Failed;
        failed.stateText = QStringLiteral("ERROR");
        return failed;
    }
};

} // namespace

class tst_DeploymentManager : public QObject
{
    Q_OBJECT

    Connection together() const
    {
        Connection connection;
        connection.id = QStringLiteral("together-sandbox");
        connection.name = QStringLiteral("Together (sandbox)");
        connection.kind = Connection::Kind::Together;
        connection.baseUrl =
                QUrl(QStringLiteral("http://127.0.0.1:%1/together/v1").arg(m_server->port()));
        connection.apiKey = QStringLiteral("test-key");
        return connection;
    }

    std::unique_ptr<DeploymentManager> makeManager(std::unique_ptr<Dialect> dialect = {})
    {
        m_client.reset();
        m_api = std::make_unique<ApiClient>(m_nam.get(), together());
        m_client = dialect ? std::make_unique<ProviderClient>(m_api.get(), std::move(dialect))
                           : std::make_unique<ProviderClient>(m_api.get());
        auto manager = std::make_unique<DeploymentManager>(m_client.get(), together());
        manager->setClock([this] { return m_now; });
        manager->setPollInterval(20);
        return manager;
    }

    /// The cheapest hardware the sandbox offers for `model`.
    HardwareOption hardwareFor(DeploymentManager *manager, const QString &model)
    {
        QSignalSpy loaded(manager, &DeploymentManager::hardwareLoaded);
        manager->loadHardware(model);
        if (!loaded.wait(10000) || manager->hardware().isEmpty())
            return {};
        HardwareOption cheapest = manager->hardware().first();
        for (const HardwareOption &option : manager->hardware()) {
            if (option.pricePerHour && *option.pricePerHour < cheapest.pricePerHour.value_or(1e9))
                cheapest = option;
        }
        return cheapest;
    }

    /// Deploys kBase and waits until it runs, the clock `waited` seconds after the request.
    QString deployRunning(DeploymentManager *manager, qint64 waited = 0)
    {
        const HardwareOption hardware = hardwareFor(manager, kBase);
        if (hardware.id.isEmpty())
            return {};
        QSignalSpy changed(manager, &DeploymentManager::deploymentChanged);
        manager->deploy(kBase, hardware);
        if (!changed.wait(10000))
            return {};
        const QString id = changed.first().first().toString();
        m_now = m_now.addSecs(waited);
        QSignalSpy started(manager, &DeploymentManager::started);
        if (!started.wait(30000))
            return {};
        return id;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        sandbox::SandboxOptions options;
        options.timeScale = 0.01;
        m_server = std::make_unique<sandbox::SandboxServer>(options);
        QVERIFY(m_server->start());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_now = QDateTime(QDate(2026, 12, 7), QTime(3, 0), Qt::UTC);
    }

    void cleanup()
    {
        m_client.reset();
        m_api.reset();
        m_server.reset();
    }

    void followsADeploymentFromPendingToRunningAndStopped()
    {
        auto manager = makeManager();
        const HardwareOption hardware = hardwareFor(manager.get(), kBase);
        QVERIFY(!hardware.id.isEmpty());
        QVERIFY(hardware.pricePerHour.has_value());
        QList<Deployment::State> states;
        connect(manager.get(), &DeploymentManager::deploymentChanged, this,
                [&](const QString &id) { states << manager->deployment(id)->deployment.state; });
        QSignalSpy started(manager.get(), &DeploymentManager::started);
        manager->deploy(kBase, hardware);
        QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty(), 10000);
        QCOMPARE(states.first(), Deployment::State::Pending);
        const QString id = manager->deployments().first().deployment.id;
        QVERIFY(manager->deployments().first().isComingUp());
        QCOMPARE(manager->servedName(kBase), QString()); // not running: no chat through it
        QCOMPARE(manager->billing().size(), 1); // it bills (may bill) from the request on

        m_now = m_now.addSecs(95); // the time waited is the clock's
        QVERIFY(started.wait(30000));
        QCOMPARE(started.first().first().toString(), id);
        const TrackedDeployment running = *manager->deployment(id);
        QVERIFY(running.isRunning());
        QCOMPARE(running.waitedSeconds(m_now), qint64(95));
        QCOMPARE(running.runningSeconds(m_now), qint64(0));
        QCOMPARE(running.deployment.pricePerHour, hardware.pricePerHour);
        QCOMPARE(manager->servedName(kBase), running.deployment.name);
        QVERIFY(manager->runningFor(kBase).has_value());
        QVERIFY(!manager->runningFor(QStringLiteral("another-model")).has_value());

        m_now = m_now.addSecs(61); // two started minutes
        QCOMPARE(manager->deployment(id)->costSoFar(m_now),
                std::optional<double>(2 * *hardware.pricePerHour / 60.0));
        QCOMPARE(manager->runningCost(), 2 * *hardware.pricePerHour / 60.0);

        manager->stop(id);
        QTRY_COMPARE_WITH_TIMEOUT(
                manager->deployment(id)->deployment.state, Deployment::State::Stopped, 30000);
        QVERIFY(manager->billing().isEmpty());
        QCOMPARE(manager->runningCost(), 0.0);
        QCOMPARE(manager->servedName(kBase), QString());
        // What it cost is kept, and no longer grows.
        m_now = m_now.addSecs(3600);
        QCOMPARE(manager->deployment(id)->runningSeconds(m_now), qint64(61));
        QVERIFY(manager->deployment(id)->problem.isEmpty()); // stopped on request: no failure
        QVERIFY(states.contains(Deployment::State::Running));
    }

    void followsAnAzureDeploymentThroughTheManagementApi()
    {
        // Azure: the deployment types are known without asking, the PUT carries the bearer
        // token, provisioningState Creating → Succeeded, chats use the deployment's name, and
        // delete ends it (the next GET is 404).
        test::FakeAzure azure;
        QVERIFY(azure.start());
        const QString model =
                QStringLiteral("gpt-4o-mini-2024-07-18.ft-0e208cf33a6a466994aff31a08aba678");
        Connection connection;
        connection.id = QStringLiteral("azure-fake");
        connection.kind = Connection::Kind::Azure;
        connection.baseUrl = azure.root();
        connection.apiKey = QStringLiteral("azure-key");
        connection.azure.subscription = QStringLiteral("0f0e0d0c-1a2b-4c3d-8e9f-a0b1c2d3e4f5");
        connection.azure.resourceGroup = QStringLiteral("rg-1");
        connection.azure.account = QStringLiteral("aoai-1");
        connection.azure.accessToken = QString::fromLatin1(test::FakeAzure::presetToken());
        m_api = std::make_unique<ApiClient>(m_nam.get(), connection);
        m_client = std::make_unique<ProviderClient>(m_api.get());
        DeploymentManager manager(m_client.get(), connection);
        manager.setClock([this] { return m_now; });
        manager.setPollInterval(20);

        QSignalSpy loaded(&manager, &DeploymentManager::hardwareLoaded);
        manager.loadHardware(model);
        QVERIFY(loaded.wait());
        const QList<HardwareOption> types = manager.hardware();
        QCOMPARE(types.size(), 2);
        QCOMPARE(types.first().id, QStringLiteral("DeveloperTier"));
        QCOMPARE(types.first().pricePerHour, std::optional<double>(0.0));

        QSignalSpy started(&manager, &DeploymentManager::started);
        QSignalSpy refused(&manager, &DeploymentManager::deployFailed);
        manager.deploy(model, types.first());
        QVERIFY2(started.wait(10000),
                qPrintable(refused.isEmpty() ? QString() : refused.first().at(1).toString()));
        const QString id = started.first().first().toString();
        QCOMPARE(id, model); // the deployment is named after the model
        QCOMPARE(manager.servedName(model), model);
        const QStringList requests = azure.requests();
        QVERIFY2(requests.contains(
                         QStringLiteral("PUT "
                                        "/subscriptions/0f0e0d0c-1a2b-4c3d-8e9f-a0b1c2d3e4f5/"
                                        "resourceGroups/rg-1/providers/"
                                        "Microsoft.CognitiveServices/accounts/aoai-1/deployments/%1"
                                        "?api-version=2026-09-01")
                                 .arg(model)),
                qPrintable(requests.join(QLatin1Char('\n'))));
        QVERIFY(azure.lastPutBody().contains("\"DeveloperTier\""));
        QCOMPARE(manager.billing().size(), 1); // visible while it exists, at no hosting fee
        QCOMPARE(manager.runningCost(), 0.0);

        manager.stop(id);
        QTRY_COMPARE_WITH_TIMEOUT(
                manager.deployment(id)->deployment.state, Deployment::State::Stopped, 10000);
        QVERIFY(azure.deploymentNames().isEmpty());
        QVERIFY(manager.billing().isEmpty());

        // Without the sign-in nothing is sent: the reason comes back in plain words.
        connection.azure.accessToken.clear();
        m_api->setConnection(connection);
        manager.setConnection(connection);
        const int sent = azure.requests().size();
        manager.deploy(model, types.first());
        QVERIFY(refused.wait());
        QVERIFY(refused.last().at(1).toString().contains(QStringLiteral("Sign in with Microsoft")));
        QCOMPARE(azure.requests().size(), sent);
    }

    void costAtItsEdges_data()
    {
        QTest::addColumn<double>("pricePerHour");
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<double>("cost");
        QTest::newRow("no time") << 2.4 << qint64(0) << 0.0;
        QTest::newRow("clock went back") << 2.4 << qint64(-30) << 0.0;
        QTest::newRow("one second is a started minute") << 2.4 << qint64(1) << 0.04;
        QTest::newRow("a whole minute") << 2.4 << qint64(60) << 0.04;
        QTest::newRow("one second into the next") << 2.4 << qint64(61) << 0.08;
        QTest::newRow("an hour is the hourly price") << 2.4 << qint64(3600) << 2.4;
        QTest::newRow("free hardware") << 0.0 << qint64(600) << 0.0;
    }

    void costAtItsEdges()
    {
        QFETCH(double, pricePerHour);
        QFETCH(qint64, seconds);
        QFETCH(double, cost);
        QCOMPARE(DeploymentManager::cost(pricePerHour, seconds), cost);
    }

    void costSoFarPrefersTheServicesFigureAndStopsGrowingWhenEnded()
    {
        const QDateTime start(QDate(2026, 12, 7), QTime(3, 0), Qt::UTC);
        TrackedDeployment t;
        t.deployment.state = Deployment::State::Running;
        t.watchedSince = start;
        t.runningSince = start.addSecs(30);
        QCOMPARE(t.costSoFar(start.addSecs(600)), std::optional<double>()); // no price known
        t.deployment.pricePerHour = 6.0;
        QCOMPARE(t.costSoFar(start.addSecs(30)), std::optional<double>(0.0));
        QCOMPARE(t.costSoFar(start.addSecs(630)), std::optional<double>(1.0)); // 10 minutes
        QCOMPARE(t.waitedSeconds(start.addSecs(630)), qint64(30));
        t.endedAt = start.addSecs(630);
        QCOMPARE(t.costSoFar(start.addSecs(99999)), std::optional<double>(1.0));
        t.deployment.billedSoFar = 1.25;
        QCOMPARE(t.costSoFar(start.addSecs(99999)), std::optional<double>(1.25));

        QCOMPARE(DeploymentManager::formatMoney(0), QStringLiteral("$0.00"));
        QCOMPARE(DeploymentManager::formatMoney(0.004), QStringLiteral("less than $0.01"));
        QCOMPARE(DeploymentManager::formatMoney(0.04), QStringLiteral("$0.04"));
        QCOMPARE(DeploymentManager::formatDuration(59), QStringLiteral("59 s"));
        QCOMPARE(DeploymentManager::formatDuration(65), QStringLiteral("1 min 05 s"));
        QCOMPARE(DeploymentManager::formatDuration(7620), QStringLiteral("2 h 07 min"));
        QCOMPARE(DeploymentManager::formatDuration(1800), QStringLiteral("30 min"));
        QCOMPARE(DeploymentManager::formatDuration(36000), QStringLiteral("10 h"));
    }

    void idleAutoStopWarnsFirstThenStops()
    {
        auto manager = makeManager();
        QCOMPARE(manager->idleStopMinutes(), 30); // the default
        const QString id = deployRunning(manager.get());
        QVERIFY(!id.isEmpty());
        QSignalSpy warned(manager.get(), &DeploymentManager::idleWarning);
        QSignalSpy stopped(manager.get(), &DeploymentManager::autoStopped);

        m_now = m_now.addSecs(24 * 60 + 59);
        manager->checkIdle();
        QCOMPARE(warned.count(), 0);
        m_now = m_now.addSecs(1); // 25 minutes idle: five minutes left
        manager->checkIdle();
        QCOMPARE(warned.count(), 1);
        QCOMPARE(warned.first().at(0).toString(), id);
        QCOMPARE(warned.first().at(1).toLongLong(), qint64(5 * 60));
        manager->checkIdle();
        QCOMPARE(warned.count(), 1); // once

        // A chat through it: idle again from now, and warned again later.
        manager->reportUse(kBase);
        m_now = m_now.addSecs(29 * 60);
        manager->checkIdle();
        QCOMPARE(warned.count(), 2);
        QCOMPARE(stopped.count(), 0);
        QVERIFY(manager->deployment(id)->isRunning());

        m_now = m_now.addSecs(60); // 30 minutes without a chat
        manager->checkIdle();
        QCOMPARE(stopped.count(), 1);
        QCOMPARE(stopped.first().first().toString(), id);
        QVERIFY(manager->deployment(id)->autoStopped);
        QTRY_COMPARE_WITH_TIMEOUT(
                manager->deployment(id)->deployment.state, Deployment::State::Stopped, 30000);
        QVERIFY(manager->billing().isEmpty());
    }

    void idleAutoStopIsAdjustableAndCanBeTurnedOff()
    {
        auto manager = makeManager();
        manager->setIdleStopMinutes(0);
        const QString id = deployRunning(manager.get());
        QVERIFY(!id.isEmpty());
        QSignalSpy stopped(manager.get(), &DeploymentManager::autoStopped);
        m_now = m_now.addDays(2);
        manager->checkIdle();
        QCOMPARE(stopped.count(), 0);
        QVERIFY(manager->deployment(id)->isRunning());
        manager->setIdleStopMinutes(10); // two days idle is more than ten minutes
        QCOMPARE(stopped.count(), 1);

        // The hub keeps the choice for the next start.
        QTemporaryDir dir;
        fs::AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(DeploymentHub::savedIdleStopMinutes(&settings), 30);
        DeploymentHub::saveIdleStopMinutes(45, &settings);
        QCOMPARE(DeploymentHub::savedIdleStopMinutes(&settings), 45);
        DeploymentHub::saveIdleStopMinutes(0, &settings);
        QCOMPARE(DeploymentHub::savedIdleStopMinutes(&settings), 0);
    }

    void aDeploymentThatFailsToStartIsExplained()
    {
        auto manager = makeManager(std::make_unique<FailingStartDialect>());
        const HardwareOption hardware = hardwareFor(manager.get(), kBase);
        QSignalSpy failed(manager.get(), &DeploymentManager::failed);
        manager->deploy(kBase, hardware);
        QVERIFY(failed.wait(30000));
        const QString id = failed.first().at(0).toString();
        const QString problem = failed.first().at(1).toString();
        QVERIFY2(problem.contains(kBase) && problem.contains(QLatin1String("could not be started"))
                        && problem.contains(QLatin1String("Nothing is billed")),
                qPrintable(problem));
        const TrackedDeployment t = *manager->deployment(id);
        QCOMPARE(t.deployment.state, Deployment::State::Failed);
        QCOMPARE(t.problem, problem);
        QVERIFY(!t.isBilling());
        QVERIFY(manager->billing().isEmpty());
        QCOMPARE(manager->servedName(kBase), QString());
        QCOMPARE(DeploymentManager::describeState(Deployment::State::Failed),
                QStringLiteral("Failed to start"));
        QCOMPARE(manager->latestFor(kBase)->deployment.id, id);
    }

    void aRefusedDeploymentIsExplained()
    {
        auto manager = makeManager();
        QSignalSpy refused(manager.get(), &DeploymentManager::deployFailed);
        HardwareOption nowhere;
        nowhere.id = QStringLiteral("no_such_hardware");
        manager->deploy(kBase, nowhere);
        QVERIFY(refused.wait(10000));
        QCOMPARE(refused.first().at(0).toString(), kBase);
        QVERIFY(!refused.first().at(1).toString().isEmpty());
        QVERIFY(manager->deployments().isEmpty());
    }

    void deploymentsStartedElsewhereAreFollowedWithTheirPrice()
    {
        // Started by another program (the CLI, the service's website): found and priced.
        auto other = makeManager();
        const QString id = deployRunning(other.get());
        QVERIFY(!id.isEmpty());
        other.reset();

        auto manager = makeManager();
        manager->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(manager->billing().size(), 1, 10000);
        QCOMPARE(manager->billing().first().deployment.id, id);
        QVERIFY(manager->billing().first().isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(manager->billing().first().deployment.pricePerHour, 10000);
        QVERIFY(!manager->servedName(kBase).isEmpty());
    }

    void whichModelsNeedADeployment()
    {
        Connection openAi;
        openAi.kind = Connection::Kind::OpenAI;
        const QString fineTuned =
                QStringLiteral("sandbox/%1:support:ft-0f1e2d3c-aaaa-bbbb-cccc-000000000000")
                        .arg(kBase);
        QVERIFY(DeploymentManager::needsDeployment(together(), fineTuned));
        QVERIFY(!DeploymentManager::needsDeployment(together(), kBase));
        QVERIFY(!DeploymentManager::needsDeployment(together(), QString()));
        QVERIFY(DeploymentManager::needsDeployment(together(), QStringLiteral("x"), true));
        QVERIFY(!DeploymentManager::needsDeployment(
                openAi, QStringLiteral("ft:gpt-4.1-mini-2025-04-14:org:bot:abc123")));
        QVERIFY(DeploymentManager::hasDeployments(together()));
        QVERIFY(!DeploymentManager::hasDeployments(openAi));
        QVERIFY(DeploymentManager::mustDeployFirstMessage(fineTuned).contains(
                QLatin1String("must be deployed first")));
    }

    void theHubSumsUpWhatBills()
    {
        DeploymentHub hub(m_nam.get());
        hub.setClock([this] { return m_now; });
        hub.setPollInterval(20);
        Connection openAi;
        openAi.id = QStringLiteral("openai");
        openAi.kind = Connection::Kind::OpenAI;
        QCOMPARE(hub.manager(openAi), nullptr); // OpenAI has no deployments
        DeploymentManager *manager = hub.manager(together());
        QVERIFY(manager);
        QCOMPARE(hub.manager(together()), manager);
        QCOMPARE(hub.summaryText(), QString());
        const QString id = deployRunning(manager, 10);
        QVERIFY(!id.isEmpty());
        m_now = m_now.addSecs(600);
        const double price = *manager->deployment(id)->deployment.pricePerHour;
        QCOMPARE(hub.billing().size(), 1);
        QCOMPARE(hub.runningCost(), price / 6.0);
        QVERIFY2(hub.summaryText().startsWith(QStringLiteral("1 deployment running · $")),
                qPrintable(hub.summaryText()));
        QVERIFY(hub.billingSentence().contains(kBase));
        QVERIFY(hub.billingSentence().contains(QLatin1String("running for 10 min")));
        // Whole sentences: what it has cost and costs per hour, ending with a full stop.
        QVERIFY2(hub.billingSentence().contains(QLatin1String("). It has cost $"))
                        && hub.billingSentence().endsWith(
                                QLatin1String(" per hour while it runs.")),
                qPrintable(hub.billingSentence()));
        hub.stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(hub.billing().isEmpty(), 30000);
        QCOMPARE(hub.summaryText(), QString());
    }

    void theHubRoutesChatsOnlyWhereTheyCanBeAnswered()
    {
        DeploymentHub hub(m_nam.get());
        const QString fineTuned =
                QStringLiteral("sandbox/%1:support:ft-0f1e2d3c-aaaa-bbbb-cccc-000000000000")
                        .arg(kBase);
        ModelTarget base;
        base.connection = together();
        base.model = kBase;
        base.servedAs = QStringLiteral("left over");
        QCOMPARE(hub.route(&base), QString()); // a base model goes direct
        QCOMPARE(base.servedAs, QString());
        ModelTarget openAi;
        openAi.connection.kind = Connection::Kind::OpenAI;
        openAi.model = QStringLiteral("ft:gpt-4.1-mini-2025-04-14:org:bot:abc123");
        QCOMPARE(hub.route(&openAi), QString()); // no deployments there
        ModelTarget tuned = base;
        tuned.model = fineTuned;
        const QString problem = hub.route(&tuned, QStringLiteral("support"));
        QVERIFY2(problem.startsWith(QLatin1String("support must be deployed first")),
                qPrintable(problem));
        QCOMPARE(tuned.servedAs, QString());
        QVERIFY(hub.route(&tuned).startsWith(fineTuned)); // named by its id by default
    }

    void theHubShowsWhatAlreadyRunsOnAConnectionAtOnce()
    {
        auto other = makeManager(); // e.g. started with the command line
        const QString id = deployRunning(other.get());
        QVERIFY(!id.isEmpty());
        DeploymentHub hub(m_nam.get());
        Connection withoutKey = together();
        withoutKey.apiKey.clear();
        DeploymentManager *manager = hub.manager(withoutKey); // the key is still being read
        QVERIFY(manager);
        QVERIFY(hub.billing().isEmpty());
        QCOMPARE(hub.manager(together()), manager); // the key arrived: read what runs
        QTRY_COMPARE_WITH_TIMEOUT(hub.billing().size(), 1, 10000);
        QCOMPARE(hub.billing().first().tracked.deployment.id, id);
    }

private:
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<ProviderClient> m_client;
    QDateTime m_now;
};

QTEST_GUILESS_MAIN(tst_DeploymentManager)
#include "tst_deploymentmanager.moc"
