// SPDX-License-Identifier: GPL-3.0-or-later
// Microsoft's device-code sign-in (RFC 8628 as login.microsoftonline.com speaks it): the code is
// shown, authorization_pending keeps waiting, slow_down waits 5 s longer, expired_token and
// access_denied end it, cancel ends it, refresh renews the token; each run ends in one clear
// state. The token lives in the keychain only (AzureTokenStore) and never reaches a log line.
#include "azuretokenstore.h"
#include "devicecodesignin.h"
#include "fakenetworkaccessmanager.h"
#include "logredaction.h"
#include "secretstore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace fs;
using namespace fs::test;

namespace {

const QUrl kLogin(QStringLiteral("http://127.0.0.1:9/login"));

CannedResponse codeAnswer(int interval = 1, int expiresIn = 900)
{
    return CannedResponse::json(200,
            QStringLiteral("{\"device_code\":\"DEVICE-CODE-SECRET\",\"user_code\":\"ABCD-EFGH\","
                           "\"verification_uri\":\"https://microsoft.com/devicelogin\","
                           "\"expires_in\":%1,\"interval\":%2,\"message\":\"To sign in…\"}")
                    .arg(expiresIn)
                    .arg(interval)
                    .toUtf8());
}

CannedResponse oauthError(const QByteArray &error)
{
    return CannedResponse::json(
            400, "{\"error\":\"" + error + "\",\"error_description\":\"AADSTS: " + error + "\"}");
}

CannedResponse tokenAnswer(const QByteArray &access, const QByteArray &refresh = {})
{
    QByteArray body =
            "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + access + "\"";
    if (!refresh.isEmpty())
        body += ",\"refresh_token\":\"" + refresh + "\"";
    return CannedResponse::json(200, body + "}");
}

QUrlQuery formOf(const RecordedRequest &request)
{
    return QUrlQuery(QString::fromUtf8(request.body));
}

} // namespace

class TestDeviceCodeSignIn : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeNetworkAccessManager> m_nam;

    std::unique_ptr<DeviceCodeSignIn> makeSignIn()
    {
        auto signIn = std::make_unique<DeviceCodeSignIn>(
                m_nam.get(), kLogin, QStringLiteral("contoso.onmicrosoft.com"));
        signIn->setSecondMs(2); // the service's seconds, shortened; the rules stay the same
        return signIn;
    }

private Q_SLOTS:
    void init()
    {
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_nam->route("POST", QStringLiteral("/devicecode"), codeAnswer());
    }

    void codeShownThenSignedIn()
    {
        m_nam->enqueue(oauthError("authorization_pending"));
        m_nam->enqueue(oauthError("authorization_pending"));
        m_nam->enqueue(tokenAnswer("eyJhbGciOiJSUzI1NiJ9.ACCESS-1.sig", "REFRESH-1"));
        auto signIn = makeSignIn();
        QSignalSpy code(signIn.get(), &DeviceCodeSignIn::codeReady);
        QSignalSpy finished(signIn.get(), &DeviceCodeSignIn::finished);
        signIn->start();
        QCOMPARE(signIn->state(), DeviceCodeSignIn::State::RequestingCode);
        QVERIFY(code.wait());
        QCOMPARE(code.at(0).at(0).toString(), QStringLiteral("ABCD-EFGH"));
        QCOMPARE(code.at(0).at(1).toUrl(),
                QUrl(QStringLiteral("https://microsoft.com/devicelogin")));
        QCOMPARE(signIn->state(), DeviceCodeSignIn::State::WaitingForPerson);
        QVERIFY(signIn->statusText().contains(QStringLiteral("ABCD-EFGH")));
        QVERIFY(signIn->statusText().contains(QStringLiteral("https://microsoft.com/devicelogin")));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(signIn->state(), DeviceCodeSignIn::State::SignedIn);
        QCOMPARE(signIn->pollCount(), 3);
        QCOMPARE(signIn->token().accessToken, QStringLiteral("eyJhbGciOiJSUzI1NiJ9.ACCESS-1.sig"));
        QCOMPARE(signIn->token().refreshToken, QStringLiteral("REFRESH-1"));
        QVERIFY(signIn->token().expiresAt.isValid());

        const QList<RecordedRequest> requests = m_nam->requests();
        QCOMPARE(requests.size(), 4);
        QCOMPARE(requests.at(0).path(),
                QStringLiteral("/login/contoso.onmicrosoft.com/oauth2/v2.0/devicecode"));
        QCOMPARE(requests.at(0).header("Content-Type"),
                QByteArray("application/x-www-form-urlencoded"));
        const QUrlQuery codeForm = formOf(requests.at(0));
        QCOMPARE(codeForm.queryItemValue(QStringLiteral("client_id")),
                AzureManagement::publicClientId());
        QVERIFY(codeForm.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                        .contains(QStringLiteral("https://management.azure.com/.default")));
        QVERIFY(codeForm.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                        .contains(QStringLiteral("offline_access")));
        QCOMPARE(requests.at(1).path(),
                QStringLiteral("/login/contoso.onmicrosoft.com/oauth2/v2.0/token"));
        const QUrlQuery tokenForm = formOf(requests.at(3));
        QCOMPARE(tokenForm.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded),
                QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
        QCOMPARE(tokenForm.queryItemValue(QStringLiteral("device_code")),
                QStringLiteral("DEVICE-CODE-SECRET"));
    }

    void slowDownWaitsFiveSecondsLonger()
    {
        m_nam->enqueue(oauthError("slow_down"));
        m_nam->enqueue(oauthError("authorization_pending"));
        m_nam->enqueue(tokenAnswer("ACCESS-2", "REFRESH-2"));
        auto signIn = makeSignIn();
        QSignalSpy finished(signIn.get(), &DeviceCodeSignIn::finished);
        signIn->start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(signIn->state(), DeviceCodeSignIn::State::SignedIn);
        QCOMPARE(signIn->intervalSeconds(), 1 + 5);
    }

    void endings_data()
    {
        QTest::addColumn<QByteArray>("error");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("says");
        QTest::newRow("expired") << QByteArray("expired_token")
                                 << int(DeviceCodeSignIn::State::Expired) << "ran out";
        QTest::newRow("denied") << QByteArray("access_denied")
                                << int(DeviceCodeSignIn::State::Denied) << "declined";
        QTest::newRow("other") << QByteArray("bad_verification_code")
                               << int(DeviceCodeSignIn::State::Failed) << "did not finish";
    }
    void endings()
    {
        QFETCH(QByteArray, error);
        QFETCH(int, state);
        QFETCH(QString, says);
        m_nam->enqueue(oauthError("authorization_pending"));
        m_nam->enqueue(oauthError(error));
        auto signIn = makeSignIn();
        QSignalSpy finished(signIn.get(), &DeviceCodeSignIn::finished);
        signIn->start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(int(signIn->state()), state);
        QVERIFY(signIn->isFinished());
        QVERIFY(!signIn->token().isValid());
        QVERIFY2(signIn->statusText().contains(says), qPrintable(signIn->statusText()));
    }

    void codeRunsOutOnThisSideToo()
    {
        QDateTime clock = QDateTime::currentDateTimeUtc();
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_nam->route("POST", QStringLiteral("/devicecode"), codeAnswer(1, 60));
        m_nam->setFallback(oauthError("authorization_pending"));
        auto signIn = makeSignIn();
        signIn->setClock([&clock] { return clock; });
        QSignalSpy code(signIn.get(), &DeviceCodeSignIn::codeReady);
        QSignalSpy finished(signIn.get(), &DeviceCodeSignIn::finished);
        signIn->start();
        QVERIFY(code.wait());
        QTRY_VERIFY(signIn->pollCount() >= 1);
        clock = clock.addSecs(61);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(signIn->state(), DeviceCodeSignIn::State::Expired);
    }

    void cancelWhileWaiting()
    {
        m_nam->setFallback(oauthError("authorization_pending"));
        auto signIn = makeSignIn();
        QSignalSpy code(signIn.get(), &DeviceCodeSignIn::codeReady);
        QSignalSpy finished(signIn.get(), &DeviceCodeSignIn::finished);
        signIn->start();
        QVERIFY(code.wait());
        QTRY_VERIFY(signIn->pollCount() >= 1);
        signIn->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(signIn->state(), DeviceCodeSignIn::State::Cancelled);
        QVERIFY(signIn->statusText().contains(QStringLiteral("cancelled")));
        signIn->cancel(); // once ended, nothing more happens
        QCOMPARE(finished.size(), 1);
    }

    void noCodeIsAClearFailure()
    {
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_nam->route("POST", QStringLiteral("/devicecode"),
                CannedResponse::json(400,
                        "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700016: "
                        "Application not found.\\r\\nTrace ID: 1\"}"));
        auto signIn = makeSignIn();
        QSignalSpy finished(signIn.get(), &DeviceCodeSignIn::finished);
        signIn->start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(signIn->state(), DeviceCodeSignIn::State::Failed);
        QVERIFY(signIn->statusText().contains(QStringLiteral("Application not found")));
        QVERIFY(!signIn->statusText().contains(QStringLiteral("Trace ID")));
    }

    void refreshRenewsAndKeepsTheRefreshToken()
    {
        m_nam->route("POST", QStringLiteral("/token"), tokenAnswer("ACCESS-NEW"));
        AzureToken got;
        bool called = false;
        DeviceCodeSignIn::refresh(m_nam.get(), kLogin, QString(), QStringLiteral("REFRESH-OLD"),
                this, [&](const AzureToken &token, const QString &, bool) {
                    got = token;
                    called = true;
                });
        QTRY_VERIFY(called);
        QCOMPARE(got.accessToken, QStringLiteral("ACCESS-NEW"));
        QCOMPARE(got.refreshToken, QStringLiteral("REFRESH-OLD"));
        const RecordedRequest request = m_nam->lastRequest();
        QCOMPARE(request.path(), QStringLiteral("/login/organizations/oauth2/v2.0/token"));
        QCOMPARE(formOf(request).queryItemValue(QStringLiteral("grant_type")),
                QStringLiteral("refresh_token"));
        QCOMPARE(formOf(request).queryItemValue(QStringLiteral("refresh_token")),
                QStringLiteral("REFRESH-OLD"));
    }

    void refreshThatIsRefusedAsksForSignIn()
    {
        m_nam->route("POST", QStringLiteral("/token"), oauthError("invalid_grant"));
        bool needsSignIn = false;
        bool called = false;
        DeviceCodeSignIn::refresh(m_nam.get(), kLogin, QString(), QStringLiteral("REFRESH-OLD"),
                this, [&](const AzureToken &token, const QString &problem, bool needs) {
                    QVERIFY(!token.isValid());
                    QVERIFY(!problem.isEmpty());
                    needsSignIn = needs;
                    called = true;
                });
        QTRY_VERIFY(called);
        QVERIFY(needsSignIn);
    }

    void storeHandsOutAFreshToken()
    {
        MemorySecretStore secrets;
        AzureTokenStore store(&secrets, m_nam.get());
        QDateTime now = QDateTime::currentDateTimeUtc();
        store.setClock([&now] { return now; });
        Connection connection;
        connection.id = QStringLiteral("conn-1");
        connection.kind = Connection::Kind::Azure;
        connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));

        auto ask = [&] {
            std::optional<AzureTokenStore::Result> result;
            store.freshToken(
                    connection, this, [&](const AzureTokenStore::Result &r) { result = r; });
            [&] { QTRY_VERIFY(result.has_value()); }();
            return result.value_or(AzureTokenStore::Result {});
        };

        // Never signed in: ask for the sign-in.
        AzureTokenStore::Result none = ask();
        QVERIFY(!none.ok());
        QVERIFY(none.needsSignIn);

        // Signed in: the keychain holds it, and it is handed out without a request.
        AzureToken token;
        token.accessToken = QStringLiteral("ACCESS-1");
        token.refreshToken = QStringLiteral("REFRESH-1");
        token.expiresAt = now.addSecs(3600);
        QSignalSpy changed(&store, &AzureTokenStore::tokenChanged);
        store.save(connection.id, token, this);
        QTRY_VERIFY(secrets.contains(AzureTokenStore::secretId(connection.id)));
        const int before = m_nam->requestCount();
        QCOMPARE(ask().token.accessToken, QStringLiteral("ACCESS-1"));
        QCOMPARE(m_nam->requestCount(), before);
        QVERIFY(!changed.isEmpty());

        // An hour later it is renewed with the refresh token and written back.
        m_nam->enqueue(tokenAnswer("ACCESS-2", "REFRESH-2"));
        now = now.addSecs(3600);
        QCOMPARE(ask().token.accessToken, QStringLiteral("ACCESS-2"));
        QCOMPARE(m_nam->lastRequest().path(),
                QStringLiteral("/login/organizations/oauth2/v2.0/token"));
        QString kept;
        secrets.readKey(AzureTokenStore::secretId(connection.id), this,
                [&](const SecretResult &r) { kept = r.secret; });
        QTRY_VERIFY(!kept.isEmpty());
        QCOMPARE(AzureToken::fromSecret(kept).accessToken, QStringLiteral("ACCESS-2"));
        QCOMPARE(AzureToken::fromSecret(kept).refreshToken, QStringLiteral("REFRESH-2"));

        // When the refresh token is refused, the sign-in is forgotten and asked for again.
        m_nam->enqueue(oauthError("invalid_grant"));
        now = now.addSecs(7200);
        const AzureTokenStore::Result ended = ask();
        QVERIFY(ended.needsSignIn);
        QTRY_VERIFY(!secrets.contains(AzureTokenStore::secretId(connection.id)));
    }

    void tokensNeverReachALogLine()
    {
        const QStringList lines {
                QStringLiteral("{\"access_token\":\"eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwcyJ9.c2ln\","
                               "\"refresh_token\":\"0.AXYAsecretrefresh\"}"),
                QStringLiteral(
                        "grant_type=refresh_token&refresh_token=0.AXYAsecretrefresh&client_id=x"),
                QStringLiteral("device_code=DEVICE-CODE-SECRET&client_id=x"),
                QStringLiteral("PUT https://management.azure.com/... Authorization: Bearer "
                               "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwcyJ9.c2ln"),
                QStringLiteral("token is eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwcyJ9.c2ln here"),
        };
        for (const QString &line : lines) {
            const QString clean = redactSecrets(line);
            QVERIFY2(!clean.contains(QStringLiteral("secretrefresh")), qPrintable(clean));
            QVERIFY2(!clean.contains(QStringLiteral("eyJhdWQiOiJodHRwcyJ9")), qPrintable(clean));
            QVERIFY2(!clean.contains(QStringLiteral("DEVICE-CODE-SECRET")), qPrintable(clean));
            QVERIFY(clean.contains(QStringLiteral("[redacted]")));
        }
        // The rest of a form stays readable.
        QVERIFY(redactSecrets(lines.at(1)).contains(QStringLiteral("client_id=x")));
    }
};

QTEST_GUILESS_MAIN(TestDeviceCodeSignIn)
#include "tst_devicecodesignin.moc"
