// SPDX-License-Identifier: GPL-3.0-or-later
// Azure OpenAI's dialect: OpenAI's wire shapes with Azure's variations (statuses, naming,
// result-file columns), and deployments through the management API exactly as
// shared/reference/azure-openai-v1/cognitiveservices-2026-09-01.json describes them (path,
// api-version, body, bearer token; provisioningState; 200/202/204 on delete).
#include "azuredialect.h"
#include "connection.h"
#include "deploymentplan.h"
#include "modelregistry.h"
#include "providerfixture.h"
#include "resultcsv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fs;
using fs::test::answer;

namespace {

const QString kModel = QStringLiteral("gpt-4o-mini-2024-07-18.ft-0e208cf33a6a466994aff31a08aba678");

AzureManagement details(const QString &token = QStringLiteral("tok-123"))
{
    AzureManagement m;
    m.subscription = QStringLiteral("11111111-2222-3333-4444-555555555555");
    m.resourceGroup = QStringLiteral("my-rg");
    m.account = QStringLiteral("my-aoai");
    m.accessToken = token;
    return m;
}

AzureDialect dialect(const QString &token = QStringLiteral("tok-123"))
{
    return AzureDialect(details(token), QUrl(QStringLiteral("https://management.azure.com")));
}

QByteArray deploymentJson(const QString &state,
        const QString &sku = QStringLiteral("DeveloperTier"), const QString &model = kModel)
{
    const QJsonObject object {{QStringLiteral("id"),
                                      QStringLiteral("/subscriptions/s/resourceGroups/rg/providers/"
                                                     "Microsoft.CognitiveServices/accounts/a/"
                                                     "deployments/d1")},
            {QStringLiteral("name"), QStringLiteral("d1")},
            {QStringLiteral("type"),
                    QStringLiteral("Microsoft.CognitiveServices/accounts/deployments")},
            {QStringLiteral("sku"),
                    QJsonObject {{QStringLiteral("name"), sku}, {QStringLiteral("capacity"), 1}}},
            {QStringLiteral("systemData"),
                    QJsonObject {{QStringLiteral("createdAt"),
                            QStringLiteral("2026-12-07T06:00:00.1234567Z")}}},
            {QStringLiteral("properties"),
                    QJsonObject {{QStringLiteral("provisioningState"), state},
                            {QStringLiteral("model"),
                                    QJsonObject {
                                            {QStringLiteral("format"), QStringLiteral("OpenAI")},
                                            {QStringLiteral("name"), model},
                                            {QStringLiteral("version"), QStringLiteral("1")}}}}}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAzureDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionPicksAzure()
    {
        Connection connection;
        connection.kind = Connection::Kind::Azure;
        connection.baseUrl = QUrl(QStringLiteral("https://my-aoai.openai.azure.com"));
        connection.azure = details();
        const auto d = dialectFor(connection);
        QCOMPARE(d->id(), QStringLiteral("azure"));
        QCOMPARE(dialectForId(QStringLiteral("azure"))->id(), QStringLiteral("azure"));
        QCOMPARE(Connection::apiKeyEnvironmentVariable(Connection::Kind::Azure),
                QStringLiteral("AZURE_OPENAI_API_KEY"));
        // The data plane stays OpenAI's shape under /openai/v1.
        QCOMPARE(connection.apiBaseUrl().toString(),
                QStringLiteral("https://my-aoai.openai.azure.com/openai/v1"));
        const auto call = d->retrieveJob(QStringLiteral("ftjob-1"));
        QVERIFY(call.ok());
        QCOMPARE(call.value().path, QStringLiteral("/fine_tuning/jobs/ftjob-1"));
        // Management and sign-in go to Microsoft's hosts, or follow a sandbox on this computer.
        QCOMPARE(connection.azure.managementRoot(connection.baseUrl).toString(),
                QStringLiteral("https://management.azure.com"));
        QCOMPARE(connection.azure.loginRoot(connection.baseUrl).toString(),
                QStringLiteral("https://login.microsoftonline.com"));
        const QUrl sandbox(QStringLiteral("http://127.0.0.1:4242/openai/v1"));
        QCOMPARE(connection.azure.managementRoot(sandbox).toString(),
                QStringLiteral("http://127.0.0.1:4242"));
        QCOMPARE(connection.azure.loginRoot(sandbox).toString(),
                QStringLiteral("http://127.0.0.1:4242/login"));
    }

    void uploadCarriesTheExpiryAzuresSpecRequires()
    {
        // AzureCreateFileRequestMultiPart requires expires_after {anchor: created_at, seconds}:
        // sent as the `openai` clients send it, before the file, for Azure's longest 30 days.
        const auto call = dialect().uploadFile(
                QStringLiteral("train.jsonl"), QByteArray("{}\n"), QStringLiteral("fine-tune"));
        QVERIFY(call.ok());
        const QByteArray body = call.value().body;
        const auto field = [&body](const QByteArray &name) {
            const QByteArray head = "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n";
            const qsizetype at = body.indexOf(head);
            return at < 0 ? QByteArray("(missing)")
                          : body.mid(at + head.size(),
                                  body.indexOf("\r\n", at + head.size()) - at - head.size());
        };
        QCOMPARE(field("purpose"), QByteArray("fine-tune"));
        QCOMPARE(field("expires_after[anchor]"), QByteArray("created_at"));
        QCOMPARE(field("expires_after[seconds]"), QByteArray("2592000"));
        QVERIFY(body.indexOf("expires_after[seconds]") < body.indexOf("name=\"file\""));
        // OpenAI's own upload has no such field.
        const auto openai = OpenAiDialect().uploadFile(
                QStringLiteral("train.jsonl"), QByteArray("{}\n"), QStringLiteral("fine-tune"));
        QVERIFY(openai.ok());
        QVERIFY(!openai.value().body.contains("expires_after"));
    }

    void createDeploymentFollowsTheSpec()
    {
        DeploymentRequest request;
        request.model = kModel;
        request.hardware = AzureDialect::developerSku();
        const auto call = dialect().createDeployment(request);
        QVERIFY(call.ok());
        const HttpCall &c = call.value();
        QCOMPARE(c.verb, QByteArray("PUT"));
        QCOMPARE(c.absoluteUrl.toString(QUrl::FullyEncoded),
                QStringLiteral("https://management.azure.com/subscriptions/"
                               "11111111-2222-3333-4444-555555555555/resourceGroups/my-rg/"
                               "providers/Microsoft.CognitiveServices/accounts/my-aoai/"
                               "deployments/")
                        + kModel + QStringLiteral("?api-version=2026-09-01"));
        QCOMPARE(c.contentType, QByteArray("application/json"));
        bool bearer = false;
        for (const auto &header : c.headers)
            bearer = bearer
                    || (header.first == "Authorization" && header.second == "Bearer tok-123");
        QVERIFY(bearer);
        const QJsonObject body = QJsonDocument::fromJson(c.body).object();
        QCOMPARE(body.value("sku").toObject().value("name").toString(),
                QStringLiteral("DeveloperTier"));
        QCOMPARE(body.value("sku").toObject().value("capacity").toInt(), 1);
        const QJsonObject model = body.value("properties").toObject().value("model").toObject();
        QCOMPARE(model.value("format").toString(), QStringLiteral("OpenAI"));
        QCOMPARE(model.value("name").toString(), kModel);
        QCOMPARE(model.value("version").toString(), QStringLiteral("1"));
    }

    void managementNeedsSignInAndDetails()
    {
        DeploymentRequest request;
        request.model = kModel;
        const auto unsigned_ = dialect(QString()).createDeployment(request);
        QVERIFY(!unsigned_.ok());
        QCOMPARE(unsigned_.error().kind, DialectError::Kind::InvalidRequest);
        QVERIFY(unsigned_.error().message.contains(QStringLiteral("Sign in with Microsoft")));
        AzureManagement partial = details();
        partial.resourceGroup.clear();
        const auto missing = AzureDialect(partial).listDeployments();
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("the resource group")));
        request.hardware = QStringLiteral("H100");
        QVERIFY(!dialect().createDeployment(request).ok());
        // Azure wants the subscription's GUID (the sandbox answers 400 InvalidSubscriptionId
        // otherwise, as Resource Manager does): said before anything is sent.
        AzureManagement named = details();
        named.accessToken = QStringLiteral("tok-123");
        named.subscription = QStringLiteral("My Subscription");
        // A base model is not deployed by the app: its deployment would not be listed and so
        // would bill unseen (the sandbox accepted it at $1.70 an hour on Standard).
        DeploymentRequest base;
        base.model = QStringLiteral("gpt-4o-mini-2024-07-18");
        base.hardware = AzureDialect::standardSku();
        const auto baseCall = dialect().createDeployment(base);
        QVERIFY(!baseCall.ok());
        QVERIFY(baseCall.error().message.contains(QStringLiteral("base model")));
        base.model = kModel + QStringLiteral(":ckpt-step-12");
        QVERIFY(dialect().createDeployment(base).ok());
        const auto notGuid = AzureDialect(named).listDeployments();
        QVERIFY(!notGuid.ok());
        QCOMPARE(notGuid.error().kind, DialectError::Kind::InvalidRequest);
        QVERIFY(notGuid.error().message.contains(QStringLiteral("not a subscription ID")));
    }

    void retrieveListDelete()
    {
        const auto get = dialect().retrieveDeployment(QStringLiteral("d1"));
        QVERIFY(get.ok());
        QCOMPARE(get.value().verb, QByteArray("GET"));
        QVERIFY(get.value().absoluteUrl.path().endsWith(
                QStringLiteral("/accounts/my-aoai/deployments/d1")));
        QCOMPARE(get.value().absoluteUrl.query(), QStringLiteral("api-version=2026-09-01"));
        const auto list = dialect().listDeployments();
        QVERIFY(list.ok());
        QVERIFY(list.value().absoluteUrl.path().endsWith(
                QStringLiteral("/accounts/my-aoai/deployments")));
        const auto del = dialect().deleteDeployment(QStringLiteral("d1"));
        QVERIFY(del.ok());
        QCOMPARE(del.value().verb, QByteArray("DELETE"));
        QVERIFY(!del.value().expectJson); // 202 and 204 come without a body
    }

    void provisioningStates_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("state");
        QTest::newRow("accepted") << "Accepted" << int(Deployment::State::Starting);
        QTest::newRow("creating") << "Creating" << int(Deployment::State::Starting);
        QTest::newRow("succeeded") << "Succeeded" << int(Deployment::State::Running);
        QTest::newRow("deleting") << "Deleting" << int(Deployment::State::Stopping);
        QTest::newRow("failed") << "Failed" << int(Deployment::State::Failed);
        QTest::newRow("canceled") << "Canceled" << int(Deployment::State::Stopped);
        QTest::newRow("moving") << "Moving" << int(Deployment::State::Unknown);
        QTest::newRow("new word") << "Hibernating" << int(Deployment::State::Unknown);
    }
    void provisioningStates()
    {
        QFETCH(QString, word);
        QFETCH(int, state);
        const auto parsed = dialect().parseDeployment(answer(deploymentJson(word)));
        QVERIFY(parsed.ok());
        QCOMPARE(int(parsed.value().state), state);
        QCOMPARE(parsed.value().stateText, word);
        QCOMPARE(parsed.value().id, QStringLiteral("d1"));
        QCOMPARE(parsed.value().name, QStringLiteral("d1"));
        QCOMPARE(parsed.value().model, kModel);
        QCOMPARE(parsed.value().hardware, QStringLiteral("DeveloperTier"));
        QCOMPARE(parsed.value().createdAt,
                QDateTime(QDate(2026, 12, 7), QTime(6, 0), Qt::UTC).toSecsSinceEpoch());
    }

    void pricesPerType()
    {
        const auto developer = dialect().parseDeployment(answer(deploymentJson("Succeeded")));
        QCOMPARE(developer.value().pricePerHour.value_or(-1), 0.0);
        const auto standard =
                dialect().parseDeployment(answer(deploymentJson("Succeeded", "Standard")));
        // Standard's hourly fee comes from the registry's data, marked as an estimate with
        // Azure's pricing page to check; Developer's "no hosting fee" is a published fact.
        QCOMPARE(standard.value().pricePerHour.value_or(-1), 1.70);
        QVERIFY(standard.value().priceIsEstimate);
        QVERIFY(!developer.value().priceIsEstimate);
        const auto options = dialect().fixedHardware(kModel);
        QVERIFY(options);
        QCOMPARE(options->size(), 2);
        QCOMPARE(options->at(0).id, QStringLiteral("DeveloperTier"));
        QCOMPARE(options->at(0).pricePerHour.value_or(-1), 0.0);
        QVERIFY(options->at(0).name.contains(QStringLiteral("24 hours")));
        QCOMPARE(options->at(1).id, QStringLiteral("Standard"));
        QVERIFY(options->at(1).pricePerHour.value_or(0) > 0);
        QVERIFY(!options->at(0).priceIsEstimate);
        QVERIFY(options->at(1).priceIsEstimate);
        QCOMPARE(options->at(1).priceCheckUrl.host(), QStringLiteral("azure.microsoft.com"));
        QVERIFY(!OpenAiDialect().fixedHardware(kModel)); // others ask the service
    }

    void listKeepsOnlyFineTunes()
    {
        const QByteArray body = "{\"value\":[" + deploymentJson("Succeeded") + ","
                + deploymentJson("Succeeded", "Standard", "gpt-4o") + "]}";
        const auto list = dialect().parseDeployments(answer(body));
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 1);
        QCOMPARE(list.value().at(0).model, kModel);
        QVERIFY(!dialect().parseDeployments(answer("{\"data\":[]}")).ok());
        QVERIFY(!dialect().parseDeployment(answer("{\"properties\":{}}")).ok());
        QVERIFY(!dialect().parseDeployment(answer("<html>")).ok());
    }

    void deploymentNames()
    {
        QCOMPARE(AzureDialect::deploymentNameFor(kModel), kModel);
        QCOMPARE(AzureDialect::deploymentNameFor(kModel + QStringLiteral(":ckpt-step-10")),
                QString(kModel + QStringLiteral("-ckpt-step-10")).right(64));
        const QString longName = AzureDialect::deploymentNameFor(
                QStringLiteral("gpt-4.1-mini-2025-04-14.ft-") + QString(60, QLatin1Char('a')));
        QVERIFY(longName.size() <= 64 && longName.size() > 50);
        QVERIFY(!longName.startsWith(QLatin1Char('.')) && !longName.startsWith(QLatin1Char('-')));
        QVERIFY(longName.endsWith(QStringLiteral("aaaa")));
    }

    void azureStatuses_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("status");
        QTest::newRow("pausing") << "pausing" << int(FineTuningJob::Status::Running);
        QTest::newRow("paused") << "paused" << int(FineTuningJob::Status::Paused);
        QTest::newRow("resuming") << "resuming" << int(FineTuningJob::Status::Running);
        QTest::newRow("pending") << "pending" << int(FineTuningJob::Status::Queued);
        QTest::newRow("succeeded") << "succeeded" << int(FineTuningJob::Status::Succeeded);
    }
    void azureStatuses()
    {
        QFETCH(QString, word);
        QFETCH(int, status);
        const QByteArray body = "{\"object\":\"fine_tuning.job\",\"id\":\"ftjob-1\",\"status\":\""
                + word.toUtf8() + "\",\"model\":\"gpt-4o-mini-2024-07-18\",\"created_at\":1}";
        const auto job = dialect().parseJob(answer(body));
        QVERIFY(job.ok());
        QCOMPARE(int(job.value().status), status);
        QCOMPARE(job.value().statusText, word);
        const auto page =
                dialect().parseJobList(answer("{\"object\":\"list\",\"data\":[" + body + "]}"));
        QVERIFY(page.ok());
        QCOMPARE(int(page.value().data.at(0).status), status);
    }

    void azureNaming()
    {
        const ProviderModels &azure = ModelRegistry::provider(ProviderKind::AzureOpenAI);
        const FineTunedName name = azure.parseFineTuned(kModel);
        QVERIFY(name.isValid());
        QCOMPARE(name.base, QStringLiteral("gpt-4o-mini-2024-07-18"));
        QCOMPARE(name.jobId, QStringLiteral("0e208cf33a6a466994aff31a08aba678"));
        const FineTunedName checkpoint =
                azure.parseFineTuned(kModel + QStringLiteral(":ckpt-step-10"));
        QVERIFY(checkpoint.isValid());
        QCOMPARE(checkpoint.checkpointStep, 10);
        QCOMPARE(checkpoint.model, kModel);
        QCOMPARE(azure.fineTunedName(checkpoint), kModel + QStringLiteral(":ckpt-step-10"));
        QVERIFY(needsDeployment(
                ProviderKind::AzureOpenAI, kModel + QStringLiteral(":ckpt-step-10")));
        QVERIFY(!needsDeployment(
                ProviderKind::AzureOpenAI, QStringLiteral("gpt-4o-mini-2024-07-18")));
    }

    void chatGoesThroughTheDeploymentName()
    {
        Deployment running = dialect().parseDeployment(answer(deploymentJson("Succeeded"))).value();
        const ChatRoute route = chatRoute(ProviderKind::AzureOpenAI, kModel, {running});
        QCOMPARE(route.kind, ChatRoute::Kind::Deployment);
        QCOMPARE(route.model, QStringLiteral("d1"));
        Deployment creating = dialect().parseDeployment(answer(deploymentJson("Creating"))).value();
        QCOMPARE(chatRoute(ProviderKind::AzureOpenAI, kModel, {creating}).kind,
                ChatRoute::Kind::Starting);
        QCOMPARE(chatRoute(ProviderKind::AzureOpenAI, kModel, {}).kind,
                ChatRoute::Kind::NotDeployed);
    }

    void resultFileColumns()
    {
        // Azure writes validation_mean_token_accuracy where OpenAI writes valid_….
        const QByteArray csv = "step,train_loss,train_mean_token_accuracy,valid_loss,"
                               "validation_mean_token_accuracy,full_valid_loss,"
                               "full_valid_mean_token_accuracy\n"
                               "1,1.5,0.40,1.7,0.35,,\n";
        const ResultCsv parsed = ResultCsv::parse(csv);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.points.size(), 1);
        QCOMPARE(parsed.points.at(0).value(Metric::ValidAccuracy), 0.35);
        QVERIFY(parsed.otherColumns.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAzureDialect)
#include "tst_azuredialect.moc"
