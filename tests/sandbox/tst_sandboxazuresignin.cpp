// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Microsoft device-code sign-in under /login/{tenant}/oauth2/v2.0/: the code, the
// polling answers (authorization_pending, slow_down, expired_token, authorization_declined), the
// tokens and their refresh, and which tokens the management plane takes.
#include "sandboxhttp.h"
#include "sandboxserver.h"

#include <QTest>
#include <QUrlQuery>

using namespace fs::sandbox;
using namespace fs::sandbox::test;

namespace {

const QString kManagementScope = QStringLiteral("https://management.azure.com/.default");
const QString kDeployments =
        QStringLiteral("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/"
                       "providers/Microsoft.CognitiveServices/accounts/acc/deployments"
                       "?api-version=2026-09-01");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QByteArray form(const QList<QPair<QString, QString>> &fields)
{
    QUrlQuery query;
    for (const auto &f : fields)
        query.addQueryItem(f.first, QString::fromLatin1(QUrl::toPercentEncoding(f.second)));
    return query.toString(QUrl::FullyEncoded).toUtf8();
}

} // namespace

class tst_SandboxAzureSignIn : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxHttp> m_http;

    void start(double approvalSeconds, double timeScale = 1.0)
    {
        SandboxOptions options;
        options.timeScale = timeScale;
        options.deviceCodeApprovalSeconds = approvalSeconds;
        m_server = std::make_unique<SandboxServer>(options);
        QVERIFY(m_server->start());
        m_http = std::make_unique<SandboxHttp>(m_server->azureEndpoint(), QByteArray());
    }

    HttpResult postForm(const QString &what, const QByteArray &body)
    {
        return m_http->postRaw(QStringLiteral("/login/organizations/oauth2/v2.0/") + what, body,
                "application/x-www-form-urlencoded");
    }

    QJsonObject deviceCode(
            const QString &scope = kManagementScope + QStringLiteral(" offline_access"))
    {
        return postForm(QStringLiteral("devicecode"),
                form({{QStringLiteral("client_id"), QStringLiteral("studio")},
                        {QStringLiteral("scope"), scope}}))
                .json();
    }

    HttpResult poll(const QString &code, const QString &clientId = QStringLiteral("studio"))
    {
        return postForm(QStringLiteral("token"),
                form({{QStringLiteral("grant_type"),
                              QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                        {QStringLiteral("client_id"), clientId},
                        {QStringLiteral("device_code"), code}}));
    }

    static QString oauthError(const HttpResult &r) { return str(r.json(), "error"); }

    int managementStatus(const QString &token)
    {
        SandboxHttp arm(m_server->azureEndpoint(), token.toUtf8());
        return arm.get(kDeployments).status;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void deviceCodeAnswer()
    {
        start(5);
        const QJsonObject code = deviceCode();
        QVERIFY(str(code, "device_code").size() > 40);
        QCOMPARE(str(code, "user_code").size(), 9);
        QCOMPARE(code.value("expires_in").toInt(), 900);
        QCOMPARE(code.value("interval").toInt(), 5);
        const QUrl verification(str(code, "verification_uri"));
        QCOMPARE(verification.path(), QStringLiteral("/login/devicelogin"));
        QVERIFY(str(code, "message").contains(str(code, "user_code")));
        QVERIFY(str(code, "message").contains(str(code, "verification_uri")));
        // The verification page is served, offline.
        const HttpResult page = m_http->get(verification.path());
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("content-type").startsWith("text/html"));
    }

    void missingFieldsAndUnknownGrants()
    {
        start(5);
        const HttpResult noClient = postForm(
                QStringLiteral("devicecode"), form({{QStringLiteral("scope"), kManagementScope}}));
        QCOMPARE(noClient.status, 400);
        QCOMPARE(oauthError(noClient), QStringLiteral("invalid_request"));
        QCOMPARE(noClient.json().value("error_codes").toArray().first().toInt(), 900144);
        QVERIFY(str(noClient.json(), "error_description").contains(QLatin1String("'client_id'")));
        QCOMPARE(oauthError(postForm(QStringLiteral("devicecode"),
                         form({{QStringLiteral("client_id"), QStringLiteral("studio")}}))),
                QStringLiteral("invalid_request"));
        // JSON is not what the identity platform reads.
        QCOMPARE(oauthError(m_http->post(QStringLiteral("/login/common/oauth2/v2.0/devicecode"),
                         {{QStringLiteral("client_id"), QStringLiteral("studio")},
                                 {QStringLiteral("scope"), kManagementScope}})),
                QStringLiteral("invalid_request"));
        QCOMPARE(oauthError(postForm(QStringLiteral("token"),
                         form({{QStringLiteral("client_id"), QStringLiteral("studio")}}))),
                QStringLiteral("invalid_request"));
        QCOMPARE(oauthError(postForm(QStringLiteral("token"),
                         form({{QStringLiteral("grant_type"), QStringLiteral("password")},
                                 {QStringLiteral("client_id"), QStringLiteral("studio")}}))),
                QStringLiteral("unsupported_grant_type"));
        QCOMPARE(oauthError(poll(QStringLiteral("no-such-code"))),
                QStringLiteral("bad_verification_code"));
    }

    void pendingUntilApprovedThenTokens()
    {
        start(5);
        const QString code = str(deviceCode(), "device_code");
        const HttpResult pending = poll(code);
        QCOMPARE(pending.status, 400);
        QCOMPARE(oauthError(pending), QStringLiteral("authorization_pending"));
        QCOMPARE(pending.json().value("error_codes").toArray().first().toInt(), 70016);
        // Another client may not redeem it.
        m_server->advanceClock(5);
        QCOMPARE(oauthError(poll(code, QStringLiteral("other-app"))),
                QStringLiteral("invalid_grant"));
        const HttpResult token = poll(code);
        QCOMPARE(token.status, 200);
        const QJsonObject t = token.json();
        QCOMPARE(str(t, "token_type"), QStringLiteral("Bearer"));
        QCOMPARE(t.value("expires_in").toInt(), 3599);
        QCOMPARE(
                str(t, "scope"), QStringLiteral("https://management.azure.com/user_impersonation"));
        QVERIFY(!str(t, "access_token").isEmpty());
        QVERIFY(!str(t, "refresh_token").isEmpty());
        QVERIFY(!t.contains("id_token"));
        QCOMPARE(managementStatus(str(t, "access_token")), 200);
        // A code is redeemed once.
        QCOMPARE(oauthError(poll(code)), QStringLiteral("invalid_grant"));
    }

    void slowDownWhenPolledFasterThanTheInterval()
    {
        start(60);
        const QString code = str(deviceCode(), "device_code");
        QCOMPARE(oauthError(poll(code)), QStringLiteral("authorization_pending"));
        const HttpResult fast = poll(code);
        QCOMPARE(fast.status, 400);
        QCOMPARE(oauthError(fast), QStringLiteral("slow_down"));
        m_server->advanceClock(5); // the interval
        QCOMPARE(oauthError(poll(code)), QStringLiteral("authorization_pending"));
    }

    void expiredAfterFifteenMinutes()
    {
        start(100000);
        const QString code = str(deviceCode(), "device_code");
        QCOMPARE(oauthError(poll(code)), QStringLiteral("authorization_pending"));
        m_server->advanceClock(900);
        const HttpResult expired = poll(code);
        QCOMPARE(oauthError(expired), QStringLiteral("expired_token"));
        QCOMPARE(expired.json().value("error_codes").toArray().first().toInt(), 70020);
    }

    void declinedWhenTheFaultIsSet()
    {
        start(0);
        QCOMPARE(m_http->post(QStringLiteral("/_sandbox/faults"),
                               {{QStringLiteral("azure_sign_in_declined"), true}})
                         .status,
                200);
        const QString code = str(deviceCode(), "device_code");
        QCOMPARE(oauthError(poll(code)), QStringLiteral("authorization_declined"));
        m_server->clearFaults();
        QCOMPARE(poll(str(deviceCode(), "device_code")).status, 200);
    }

    void approvedAfterScaledSeconds()
    {
        start(5, 0.02); // 0.1 s of real time
        const QJsonObject code = deviceCode();
        QCOMPARE(code.value("interval").toInt(), 1);
        // Polled until the token comes (slow_down while faster than the interval); a code is
        // redeemed once, so the poll that got it is remembered.
        bool signedIn = false;
        QTRY_VERIFY_WITH_TIMEOUT(
                signedIn || (signedIn = poll(str(code, "device_code")).status == 200), 10000);
    }

    void refreshGivesNewTokensOnlyWithOfflineAccess()
    {
        start(0);
        const QJsonObject noRefresh =
                poll(str(deviceCode(kManagementScope + QStringLiteral(" openid")), "device_code"))
                        .json();
        QVERIFY(!noRefresh.contains("refresh_token"));
        QVERIFY(noRefresh.contains("id_token"));

        const QJsonObject first = poll(str(deviceCode(), "device_code")).json();
        const QString refresh = str(first, "refresh_token");
        QVERIFY(!refresh.isEmpty());
        m_server->advanceClock(3600);
        QCOMPARE(managementStatus(str(first, "access_token")), 401); // expired
        const HttpResult renewed = postForm(QStringLiteral("token"),
                form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                        {QStringLiteral("client_id"), QStringLiteral("studio")},
                        {QStringLiteral("refresh_token"), refresh},
                        {QStringLiteral("scope"),
                                kManagementScope + QStringLiteral(" offline_access")}}));
        QCOMPARE(renewed.status, 200);
        QVERIFY(str(renewed.json(), "access_token") != str(first, "access_token"));
        QVERIFY(!str(renewed.json(), "refresh_token").isEmpty());
        QCOMPARE(managementStatus(str(renewed.json(), "access_token")), 200);

        const HttpResult unknown = postForm(QStringLiteral("token"),
                form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                        {QStringLiteral("client_id"), QStringLiteral("studio")},
                        {QStringLiteral("refresh_token"), QStringLiteral("1.AQnot-issued")}}));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(oauthError(unknown), QStringLiteral("invalid_grant"));
        m_server->advanceClock(90LL * 24 * 3600);
        const HttpResult old = postForm(QStringLiteral("token"),
                form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                        {QStringLiteral("client_id"), QStringLiteral("studio")},
                        {QStringLiteral("refresh_token"), refresh}}));
        QCOMPARE(oauthError(old), QStringLiteral("invalid_grant"));
        QCOMPARE(old.json().value("error_codes").toArray().first().toInt(), 700082);
    }

    void approvalTimeFromTheEnvironment()
    {
        qputenv("FS_SANDBOX_SIGN_IN_SECONDS", "0");
        SandboxServer server; // deviceCodeApprovalSeconds not set: the environment decides
        qunsetenv("FS_SANDBOX_SIGN_IN_SECONDS");
        QVERIFY(server.start());
        SandboxHttp http(server.azureEndpoint(), {});
        const QString code =
                str(http.postRaw(QStringLiteral("/login/common/oauth2/v2.0/devicecode"),
                                "client_id=a&scope=https%3A%2F%2Fmanagement.azure.com"
                                "%2F.default",
                                "application/x-www-form-urlencoded")
                                .json(),
                        "device_code");
        const HttpResult token = http.postRaw(QStringLiteral("/login/common/oauth2/v2.0/token"),
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=a"
                "&device_code="
                        + code.toUtf8(),
                "application/x-www-form-urlencoded");
        QCOMPARE(token.status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxAzureSignIn)
#include "tst_sandboxazuresignin.moc"
