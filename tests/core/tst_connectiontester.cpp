// SPDX-License-Identifier: GPL-3.0-or-later
#include "closedport.h"
#include "connectiontester.h"

#include "fakenetworkaccessmanager.h"
#include "sandboxserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using fs::Connection;
using fs::ConnectionCheck;
using fs::ConnectionTester;
using fs::test::CannedResponse;
using fs::test::FakeNetworkAccessManager;
using Outcome = fs::ConnectionCheck::Outcome;

Q_DECLARE_METATYPE(Outcome)

namespace {

Connection compatible(const QString &url, const QString &key = {})
{
    Connection connection;
    connection.id = QStringLiteral("c1");
    connection.name = QStringLiteral("Test server");
    connection.kind = Connection::Kind::Compatible;
    connection.baseUrl = QUrl(url);
    connection.apiKey = key;
    return connection;
}

const QByteArray kModels = R"({"object":"list","data":[
    {"id":"gpt-4o-mini-2024-07-18","object":"model","created":1721172741,"owned_by":"system"},
    {"id":"ft:gpt-4o-mini-2024-07-18:acme::AbC123","object":"model","created":1730000000,"owned_by":"user-x"},
    {"id":"babbage-002","object":"model","created":1692634615,"owned_by":"system"}]})";

/// Runs one test and returns its result (or a NotChecked result when nothing came).
ConnectionCheck run(ConnectionTester &tester, const Connection &connection)
{
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(connection);
    if (!finished.wait(20000) && finished.isEmpty())
        return {};
    return finished.at(0).at(0).value<ConnectionCheck>();
}

} // namespace

class tst_ConnectionTester : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void okListsModelsWithFineTunedFirst()
    {
        FakeNetworkAccessManager nam;
        nam.route("GET", QStringLiteral("/models"), CannedResponse::json(200, kModels));
        ConnectionTester tester(&nam);
        const ConnectionCheck check = run(tester,
                compatible(QStringLiteral("http://127.0.0.1:8000/v1"), QStringLiteral("k")));
        QCOMPARE(check.outcome, Outcome::Ok);
        QVERIFY(check.ok());
        QVERIFY(check.reachable());
        QCOMPARE(check.modelCount(), 3);
        QCOMPARE(check.fineTunedCount(), 1);
        QCOMPARE(check.models.at(0).id, QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme::AbC123"));
        QCOMPARE(check.models.at(1).id, QStringLiteral("babbage-002"));
        QCOMPARE(check.shortText(), QStringLiteral("Connected"));
        QVERIFY(check.plainMessage().contains(QLatin1String("3 models")));
        QVERIFY(check.plainMessage().contains(QLatin1String("One of them")));
        QCOMPARE(nam.requestCount(), 1);
        QCOMPARE(nam.lastRequest().path(), QStringLiteral("/v1/models"));
        QCOMPARE(nam.lastRequest().header("Authorization"), QByteArray("Bearer k"));
        QCOMPARE(tester.lastResult().outcome, Outcome::Ok);
        QVERIFY(!tester.isRunning());
    }

    void classifiesFailures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("networkError");
        QTest::addColumn<QString>("key");
        QTest::addColumn<Outcome>("expected");
        QTest::addColumn<QString>("wordsInMessage");
        QTest::addColumn<bool>("reachable");

        QTest::newRow("401 with a key")
                << 401 << 0 << QStringLiteral("sk-wrong") << Outcome::WrongKey
                << QStringLiteral("did not accept the API key") << true;
        QTest::newRow("401 without a key") << 401 << 0 << QString() << Outcome::NeedsKey
                                           << QStringLiteral("needs an API key") << true;
        QTest::newRow("403") << 403 << 0 << QStringLiteral("k") << Outcome::Forbidden
                             << QStringLiteral("Region not served") << true;
        QTest::newRow("404: wrong path") << 404 << 0 << QStringLiteral("k") << Outcome::NotAnApi
                                         << QStringLiteral("/v1") << true;
        QTest::newRow("500") << 500 << 0 << QStringLiteral("k") << Outcome::HttpError
                             << QStringLiteral("error 500") << true;
        QTest::newRow("refused") << 0 << int(QNetworkReply::ConnectionRefusedError)
                                 << QStringLiteral("k") << Outcome::Unreachable
                                 << QStringLiteral("could not be reached") << false;
        QTest::newRow("no such host")
                << 0 << int(QNetworkReply::HostNotFoundError) << QStringLiteral("k")
                << Outcome::Unreachable << QStringLiteral("could not be reached") << false;
        QTest::newRow("certificate")
                << 0 << int(QNetworkReply::SslHandshakeFailedError) << QStringLiteral("k")
                << Outcome::Certificate << QStringLiteral("certificate") << false;
    }

    void classifiesFailures()
    {
        QFETCH(int, status);
        QFETCH(int, networkError);
        QFETCH(QString, key);
        QFETCH(Outcome, expected);
        QFETCH(QString, wordsInMessage);
        QFETCH(bool, reachable);

        FakeNetworkAccessManager nam;
        if (networkError != 0)
            nam.setFallback(CannedResponse::networkError(
                    static_cast<QNetworkReply::NetworkError>(networkError)));
        else
            nam.setFallback(CannedResponse::apiError(
                    status, QStringLiteral("some_code"), QStringLiteral("Region not served")));
        ConnectionTester tester(&nam);
        const ConnectionCheck check =
                run(tester, compatible(QStringLiteral("https://api.example.test/v1"), key));
        QCOMPARE(check.outcome, expected);
        QVERIFY2(check.plainMessage().contains(wordsInMessage), qPrintable(check.plainMessage()));
        QCOMPARE(check.reachable(), reachable);
        QVERIFY(!check.shortText().isEmpty());
        QVERIFY(check.models.isEmpty());
        // One attempt only: a person is waiting.
        QCOMPARE(nam.requestCount(), 1);
    }

    void aWebPageIsNotAnApi()
    {
        FakeNetworkAccessManager nam;
        CannedResponse page;
        page.status = 200;
        page.headers = {{"Content-Type", "text/html"}};
        page.body = "<html><body>Welcome to nginx!</body></html>";
        nam.setFallback(page);
        ConnectionTester tester(&nam);
        const ConnectionCheck check =
                run(tester, compatible(QStringLiteral("http://127.0.0.1:8080")));
        QCOMPARE(check.outcome, Outcome::NotAnApi);
        QVERIFY(!check.ok());
    }

    void timesOut()
    {
        FakeNetworkAccessManager nam;
        nam.setFallback(CannedResponse::hanging());
        ConnectionTester tester(&nam);
        tester.setTimeoutMs(300);
        const ConnectionCheck check =
                run(tester, compatible(QStringLiteral("http://127.0.0.1:8080/v1")));
        QCOMPARE(check.outcome, Outcome::Timeout);
        QVERIFY(check.plainMessage().contains(QLatin1String("did not answer in time")));
    }

    void badAddressesNeverReachTheNetwork_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("no scheme") << QStringLiteral("api.openai.com/v1");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/v1");
        QTest::newRow("empty") << QString();
    }

    void badAddressesNeverReachTheNetwork()
    {
        QFETCH(QString, url);
        FakeNetworkAccessManager nam;
        ConnectionTester tester(&nam);
        bool emittedInside = false;
        connect(&tester, &ConnectionTester::finished, this,
                [&emittedInside, &tester] { emittedInside = tester.isRunning(); });
        const ConnectionCheck check = run(tester, compatible(url));
        QCOMPARE(check.outcome, Outcome::InvalidAddress);
        // The message names what was entered (or asks for an address), never a made-up one.
        const QString message = check.plainMessage();
        QVERIFY2(!message.contains(QLatin1String("example.com/v1"))
                        || url.contains(QLatin1String("example.com")),
                qPrintable(message));
        if (url.isEmpty())
            QVERIFY2(message.startsWith(QLatin1String("Enter the address")), qPrintable(message));
        else
            QVERIFY2(message.contains(QStringLiteral("The address “%1” is not valid.").arg(url)),
                    qPrintable(message));
        QCOMPARE(nam.requestCount(), 0);
        QVERIFY(!emittedInside);
    }

    void invalidAzureEndpointIsShownNotAPlaceholder_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QString()
                               << QStringLiteral(
                                          "Enter the resource endpoint of your Azure OpenAI");
        QTest::newRow("no scheme")
                << QStringLiteral("contoso.openai.azure.com")
                << QStringLiteral("The address “contoso.openai.azure.com” is not valid.");
        QTest::newRow("no host") << QStringLiteral("https://")
                                 << QStringLiteral("The address “https://” is not valid.");
    }

    void invalidAzureEndpointIsShownNotAPlaceholder()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, says);
        FakeNetworkAccessManager nam;
        ConnectionTester tester(&nam);
        Connection azure = compatible(endpoint, QStringLiteral("azure-key"));
        azure.kind = Connection::Kind::Azure;
        const ConnectionCheck check = run(tester, azure);
        QCOMPARE(check.outcome, Outcome::InvalidAddress);
        const QString message = check.plainMessage();
        QVERIFY2(!message.contains(QLatin1String("api.example.com")), qPrintable(message));
        QVERIFY2(message.contains(says), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Keys and Endpoint")), qPrintable(message));
        QCOMPARE(nam.requestCount(), 0);
    }

    void sandboxThatIsNotRunning()
    {
        FakeNetworkAccessManager nam;
        ConnectionTester tester(&nam);
        Connection sandbox;
        sandbox.kind = Connection::Kind::Sandbox;
        const ConnectionCheck check = run(tester, sandbox);
        QCOMPARE(check.outcome, Outcome::SandboxNotRunning);
        QCOMPARE(nam.requestCount(), 0);
    }

    void azureAndOpenAiSendTheirHeaders()
    {
        FakeNetworkAccessManager nam;
        nam.setFallback(CannedResponse::json(200, kModels));
        ConnectionTester tester(&nam);

        Connection azure;
        azure.kind = Connection::Kind::Azure;
        azure.baseUrl = QUrl(QStringLiteral("https://contoso.openai.azure.com"));
        azure.apiKey = QStringLiteral("azure-key");
        QCOMPARE(run(tester, azure).outcome, Outcome::Ok);
        QCOMPARE(nam.lastRequest().path(), QStringLiteral("/openai/v1/models"));
        QCOMPARE(nam.lastRequest().header("api-key"), QByteArray("azure-key"));
        QVERIFY(!nam.lastRequest().hasHeader("Authorization"));

        Connection openAi;
        openAi.kind = Connection::Kind::OpenAI;
        openAi.baseUrl = QUrl(Connection::defaultOpenAiBaseUrl());
        openAi.apiKey = QStringLiteral("sk-1");
        openAi.organization = QStringLiteral("org-9");
        openAi.project = QStringLiteral("proj_9");
        QCOMPARE(run(tester, openAi).outcome, Outcome::Ok);
        QCOMPARE(nam.lastRequest().header("OpenAI-Organization"), QByteArray("org-9"));
        QCOMPARE(nam.lastRequest().header("OpenAI-Project"), QByteArray("proj_9"));
    }

    void aNewTestReplacesTheRunningOne()
    {
        FakeNetworkAccessManager nam;
        nam.enqueue(CannedResponse::hanging());
        nam.enqueue(CannedResponse::json(200, kModels));
        ConnectionTester tester(&nam);
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        tester.test(compatible(QStringLiteral("http://127.0.0.1:1234/v1")));
        QVERIFY(tester.isRunning());
        tester.test(compatible(QStringLiteral("http://127.0.0.1:1234/v1")));
        QVERIFY(finished.wait(5000));
        QTest::qWait(100); // nothing to wait for: proves the first test never reports
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<ConnectionCheck>().outcome, Outcome::Ok);
    }

    void realSandboxWithRequiredKey()
    {
        fs::sandbox::SandboxOptions options;
        options.requiredKey = QStringLiteral("sk-sandbox-right");
        fs::sandbox::SandboxServer server(options);
        QString problem;
        QVERIFY2(server.start(&problem), qPrintable(problem));
        QNetworkAccessManager nam;
        ConnectionTester tester(&nam);

        const ConnectionCheck wrong =
                run(tester, compatible(server.baseUrl().toString(), QStringLiteral("sk-wrong")));
        QCOMPARE(wrong.outcome, Outcome::WrongKey);
        QCOMPARE(wrong.shortText(), QStringLiteral("Key not accepted"));

        const ConnectionCheck none = run(tester, compatible(server.baseUrl().toString()));
        QCOMPARE(none.outcome, Outcome::NeedsKey);

        const ConnectionCheck right = run(tester,
                compatible(server.baseUrl().toString(), QStringLiteral("sk-sandbox-right")));
        QCOMPARE(right.outcome, Outcome::Ok);
        QVERIFY(right.modelCount() > 0);
    }

    void togetherIsAskedInItsOwnDialect()
    {
        // Together's /models answers with a bare array, not OpenAI's {data: […]}.
        fs::sandbox::SandboxServer server;
        QString problem;
        QVERIFY2(server.start(&problem), qPrintable(problem));
        QNetworkAccessManager nam;
        ConnectionTester tester(&nam);
        Connection together = compatible(server.baseUrl().toString().replace(QLatin1String("/v1"),
                                                 QLatin1String("/together/v1")),
                QStringLiteral("together-key"));
        together.kind = Connection::Kind::Together;
        const ConnectionCheck check = run(tester, together);
        QCOMPARE(check.outcome, Outcome::Ok);
        QVERIFY(check.modelCount() > 0);
        QVERIFY(std::any_of(
                check.models.cbegin(), check.models.cend(), [](const fs::ModelObject &m) {
                    return m.id.startsWith(QLatin1String("meta-llama/"));
                }));

        // OpenAI's shape where Together was expected: not Together's API, said in its words.
        FakeNetworkAccessManager fake;
        fake.route("GET", QStringLiteral("/models"), CannedResponse::json(200, kModels));
        ConnectionTester fakeTester(&fake);
        together.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
        const ConnectionCheck wrongShape = run(fakeTester, together);
        QCOMPARE(wrongShape.outcome, Outcome::NotAnApi);
        QVERIFY2(wrongShape.plainMessage().contains(QLatin1String("Together AI")),
                qPrintable(wrongShape.plainMessage()));
    }

    void closedLoopbackPortIsUnreachable()
    {
        QNetworkAccessManager nam;
        ConnectionTester tester(&nam);
        const QString url = QStringLiteral("http://127.0.0.1:%1/v1").arg(fs::test::closedPort());
        const ConnectionCheck check = run(tester, compatible(url, QStringLiteral("k")));
        QCOMPARE(check.outcome, Outcome::Unreachable);
        QVERIFY(!check.reachable());
        QCOMPARE(check.shortText(), QStringLiteral("Can't reach the server"));
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionTester)
#include "tst_connectiontester.moc"
