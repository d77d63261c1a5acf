// SPDX-License-Identifier: GPL-3.0-or-later
// Microsoft's device-code sign-in (the identity platform's OAuth 2.0 device authorization grant)
// under /login/{tenant}/oauth2/v2.0/: devicecode and token, form-encoded as Microsoft takes them.
// The sandbox approves a code by itself after a few seconds, as if the person had typed it at
// the verification page (GET /login/devicelogin explains that in a browser).
#include "sandboxserver_p.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QUuid>

namespace fs::sandbox {

namespace {

constexpr int kDeviceCodeLifetime = 900; // seconds, Microsoft's default expires_in
constexpr int kPollInterval = 5; // seconds, Microsoft's interval (times the time scale)
constexpr qint64 kAccessTokenLifetime = 3599;
constexpr qint64 kRefreshTokenLifetime = 90LL * 24 * 3600;
const QString kDeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

Reply oauthError(const QString &error, int aadsts, const QString &description)
{
    const QString traceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString timestamp =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    QJsonObject body {{QStringLiteral("error"), error},
            {QStringLiteral("error_description"),
                    QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\n"
                                   "Timestamp: %5")
                            .arg(aadsts)
                            .arg(description, traceId, correlationId, timestamp)},
            {QStringLiteral("error_codes"), QJsonArray {aadsts}},
            {QStringLiteral("timestamp"), timestamp}, {QStringLiteral("trace_id"), traceId},
            {QStringLiteral("correlation_id"), correlationId},
            {QStringLiteral("error_uri"),
                    QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(aadsts)}};
    return SandboxServerPrivate::json(body, 400);
}

Reply missingFormField(const char *name)
{
    return oauthError(QStringLiteral("invalid_request"), 900144,
            QStringLiteral("The request body must contain the following parameter: '%1'.")
                    .arg(QLatin1String(name)));
}

/// The fields of an application/x-www-form-urlencoded body ('+' is a space there).
QUrlQuery formFields(const HttpRequest &request)
{
    if (!request.header("content-type").toLower().contains("application/x-www-form-urlencoded"))
        return {};
    QByteArray body = request.body;
    body.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(body));
}

QString field(const QUrlQuery &form, const char *name)
{
    return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
}

const char kTokenAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

QString randomText(int length, const char *alphabet)
{
    const int size = int(qstrlen(alphabet));
    QString text;
    for (int i = 0; i < length; ++i)
        text += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(size)]);
    return text;
}

QByteArray base64Url(const QJsonObject &object)
{
    return QJsonDocument(object)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/// A JWT as Entra's look, unsigned (alg none): nothing here checks signatures. `signature`
/// is opaque text (empty for an ID token).
QString unsignedJwt(const QJsonObject &claims, const QString &signature)
{
    const QJsonObject header {{QStringLiteral("typ"), QStringLiteral("JWT")},
            {QStringLiteral("alg"), QStringLiteral("none")}};
    return QString::fromLatin1(
            base64Url(header) + '.' + base64Url(claims) + '.' + signature.toLatin1());
}

/// grant_type is the device code's or refresh_token; client_id is given.
bool checkGrantRequest(const QUrlQuery &form, Reply *failure)
{
    const QString grantType = field(form, "grant_type");
    if (grantType.isEmpty())
        *failure = missingFormField("grant_type");
    else if (grantType != kDeviceGrant && grantType != QLatin1String("refresh_token"))
        *failure = oauthError(QStringLiteral("unsupported_grant_type"), 70003,
                QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType));
    else if (field(form, "client_id").isEmpty())
        *failure = missingFormField("client_id");
    else
        return true;
    return false;
}

/// Whether a poll at `at` (ms) may be answered at all: the right client, a code neither
/// redeemed nor expired, not faster than the interval.
bool pollAllowed(const DeviceCodeGrant &grant, const QString &clientId, qint64 at, Reply *failure)
{
    if (grant.clientId != clientId)
        *failure = oauthError(QStringLiteral("invalid_grant"), 70000,
                QStringLiteral("The device code was issued to another application (client_id)."));
    else if (grant.redeemed)
        *failure = oauthError(QStringLiteral("invalid_grant"), 54005,
                QStringLiteral("The device code was already redeemed."));
    else if (at >= grant.expiresMs)
        *failure = oauthError(QStringLiteral("expired_token"), 70020,
                QStringLiteral("The provided value for the input parameter 'device_code' is not "
                               "valid. This device code has expired."));
    // RFC 8628: polling faster than `interval` is answered slow_down (the poll does not count).
    else if (grant.lastPollMs >= 0 && at - grant.lastPollMs < grant.interval * 1000LL - 250)
        *failure = oauthError(QStringLiteral("slow_down"), 70016,
                QStringLiteral("OAuth 2.0 device flow error. The client is polling too often: "
                               "wait at least %1 seconds between requests.")
                        .arg(grant.interval));
    else
        return true;
    return false;
}

/// The resource a token is for: the first scope that names one (…/.default,
/// …/user_impersonation); Microsoft Graph when only OpenID scopes are asked for.
QString audienceOf(const QStringList &scopes)
{
    static const QStringList openId = {QStringLiteral("openid"), QStringLiteral("profile"),
            QStringLiteral("email"), QStringLiteral("offline_access")};
    for (const QString &scope : scopes) {
        if (openId.contains(scope))
            continue;
        if (scope.startsWith(QLatin1String("https://")) && scope.count(QLatin1Char('/')) >= 3)
            return scope.left(scope.lastIndexOf(QLatin1Char('/')));
        return scope;
    }
    return QStringLiteral("https://graph.microsoft.com");
}

} // namespace

Reply SandboxServerPrivate::routeLogin(const HttpRequest &request, const QStringList &s)
{
    if (s.size() == 1 && s.at(0) == QLatin1String("devicelogin") && request.method == "GET") {
        Reply page;
        page.contentType = QByteArrayLiteral("text/html; charset=utf-8");
        page.body = QByteArrayLiteral(
                "<!doctype html><html><head><title>Sandbox sign-in</title></head><body>"
                "<h1>Practice sign-in</h1><p>This is the Finetune Studio sandbox. There is "
                "nothing to type here: the sandbox accepts your code by itself after a few "
                "seconds, as if you had signed in with Microsoft. Go back to the app.</p>"
                "</body></html>");
        return page;
    }
    const bool oauth = s.size() == 4 && s.at(1) == QLatin1String("oauth2")
            && s.at(2) == QLatin1String("v2.0") && request.method == "POST";
    if (oauth && s.at(3) == QLatin1String("devicecode"))
        return startDeviceCode(request, s.at(0));
    if (oauth && s.at(3) == QLatin1String("token"))
        return issueToken(request, s.at(0));
    Reply notFound;
    notFound.status = 404;
    notFound.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    notFound.body = QByteArrayLiteral("<html><body>404 Not Found</body></html>");
    return notFound;
}

Reply SandboxServerPrivate::startDeviceCode(const HttpRequest &request, const QString &tenant)
{
    const QUrlQuery form = formFields(request);
    const QString clientId = field(form, "client_id");
    const QString scope = field(form, "scope");
    if (clientId.isEmpty())
        return missingFormField("client_id");
    if (scope.isEmpty())
        return missingFormField("scope");
    DeviceCodeGrant grant;
    grant.deviceCode = randomText(120, kTokenAlphabet);
    grant.userCode = randomText(9, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    grant.clientId = clientId;
    grant.tenant = tenant;
    grant.scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    grant.createdMs = nowMs();
    grant.expiresMs = grant.createdMs + kDeviceCodeLifetime * 1000LL;
    grant.interval = qMax(1, qRound(kPollInterval * options.timeScale));
    grant.declined = signInDeclined;
    deviceCodes.insert(grant.deviceCode, grant);
    const QString verification = QStringLiteral("http://127.0.0.1:%1/login/devicelogin").arg(port);
    return json(QJsonObject {{QStringLiteral("user_code"), grant.userCode},
            {QStringLiteral("device_code"), grant.deviceCode},
            {QStringLiteral("verification_uri"), verification},
            {QStringLiteral("expires_in"), kDeviceCodeLifetime},
            {QStringLiteral("interval"), grant.interval},
            {QStringLiteral("message"),
                    QStringLiteral("To sign in, use a web browser to open the page %1 and enter "
                                   "the code %2 to authenticate.")
                            .arg(verification, grant.userCode)}});
}

QJsonObject SandboxServerPrivate::newTokens(const IssuedToken &grant, bool withRefresh)
{
    IssuedToken access = grant;
    access.expiresAt = now() + kAccessTokenLifetime;
    // Opaque to clients, shaped like Entra's JWTs (unsigned: nothing here checks signatures).
    QStringList granted;
    for (const QString &scope : grant.scopes) {
        if (scope.startsWith(access.audience + QLatin1Char('/')))
            granted << access.audience + QStringLiteral("/user_impersonation");
    }
    granted.removeDuplicates();
    const QJsonObject claims {{QStringLiteral("aud"), access.audience},
            {QStringLiteral("iss"),
                    QStringLiteral("https://sts.windows.net/%1/").arg(grant.tenant)},
            {QStringLiteral("iat"), now()}, {QStringLiteral("nbf"), now()},
            {QStringLiteral("exp"), access.expiresAt},
            {QStringLiteral("scp"), QStringLiteral("user_impersonation")},
            {QStringLiteral("tid"), grant.tenant}, {QStringLiteral("appid"), grant.clientId},
            {QStringLiteral("name"), QStringLiteral("Practice User")},
            {QStringLiteral("upn"), QStringLiteral("practice.user@sandbox.invalid")},
            {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
    const QString token = unsignedJwt(claims, randomText(43, kTokenAlphabet));
    accessTokens.insert(token, access);
    QJsonObject answer {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("scope"), granted.join(QLatin1Char(' '))},
            {QStringLiteral("expires_in"), kAccessTokenLifetime},
            {QStringLiteral("ext_expires_in"), kAccessTokenLifetime},
            {QStringLiteral("access_token"), token}};
    // As Microsoft's: a refresh token only when offline_access was asked for.
    if (withRefresh) {
        IssuedToken refresh = grant;
        refresh.expiresAt = now() + kRefreshTokenLifetime;
        const QString refreshToken = QStringLiteral("1.AQ") + randomText(180, kTokenAlphabet);
        refreshTokens.insert(refreshToken, refresh);
        answer.insert(QStringLiteral("refresh_token"), refreshToken);
    }
    return answer;
}

Reply SandboxServerPrivate::issueToken(const HttpRequest &request, const QString &tenant)
{
    const QUrlQuery form = formFields(request);
    Reply failure;
    if (!checkGrantRequest(form, &failure))
        return failure;
    const QString clientId = field(form, "client_id");
    if (field(form, "grant_type") == QLatin1String("refresh_token")) {
        const QString given = field(form, "refresh_token");
        if (given.isEmpty())
            return missingFormField("refresh_token");
        return redeemRefreshToken(given, clientId, field(form, "scope"));
    }
    const QString deviceCode = field(form, "device_code");
    if (deviceCode.isEmpty())
        return missingFormField("device_code");
    return redeemDeviceCode(deviceCode, clientId, tenant);
}

Reply SandboxServerPrivate::redeemRefreshToken(
        const QString &refreshToken, const QString &clientId, const QString &scope)
{
    const auto it = refreshTokens.constFind(refreshToken);
    if (it == refreshTokens.constEnd() || it->clientId != clientId)
        return oauthError(QStringLiteral("invalid_grant"), 9002313,
                QStringLiteral("Invalid request. Request is malformed or invalid."));
    if (it->expiresAt <= now())
        return oauthError(QStringLiteral("invalid_grant"), 700082,
                QStringLiteral("The refresh token has expired due to inactivity. The token "
                               "was issued on %1 and was inactive for 90.00:00:00.")
                        .arg(QDateTime::fromSecsSinceEpoch(
                                it->expiresAt - kRefreshTokenLifetime, Qt::UTC)
                                        .toString(Qt::ISODate)));
    IssuedToken grant = *it;
    if (!scope.isEmpty()) {
        // A refresh token of Microsoft's mints tokens for other resources too.
        grant.scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        grant.audience = audienceOf(grant.scopes);
    }
    return json(newTokens(grant, true));
}

Reply SandboxServerPrivate::redeemDeviceCode(
        const QString &deviceCode, const QString &clientId, const QString &tenant)
{
    auto it = deviceCodes.find(deviceCode);
    if (it == deviceCodes.end() || it->tenant != tenant)
        return oauthError(QStringLiteral("bad_verification_code"), 70000,
                QStringLiteral("The provided value for the input parameter 'device_code' is not "
                               "valid."));
    Reply failure;
    if (!checkDevicePoll(*it, clientId, &failure))
        return failure;
    it->redeemed = true;
    IssuedToken grant;
    grant.scopes = it->scopes;
    grant.audience = audienceOf(it->scopes);
    grant.clientId = clientId;
    grant.tenant = tenant;
    QJsonObject answer = newTokens(grant, it->scopes.contains(QLatin1String("offline_access")));
    if (it->scopes.contains(QLatin1String("openid")))
        answer.insert(QStringLiteral("id_token"), idToken(clientId, tenant));
    return json(answer);
}

bool SandboxServerPrivate::checkDevicePoll(
        DeviceCodeGrant &grant, const QString &clientId, Reply *failure)
{
    const qint64 at = nowMs();
    if (!pollAllowed(grant, clientId, at, failure))
        return false;
    grant.lastPollMs = at;
    const double approvalMs = options.deviceCodeApprovalSeconds * options.timeScale * 1000.0;
    if (double(at - grant.createdMs) < approvalMs) {
        *failure = oauthError(QStringLiteral("authorization_pending"), 70016,
                QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue "
                               "polling."));
        return false;
    }
    if (grant.declined) {
        *failure = oauthError(QStringLiteral("authorization_declined"), 70000,
                QStringLiteral("The user declined the sign-in request."));
        return false;
    }
    return true;
}

QString SandboxServerPrivate::idToken(const QString &clientId, const QString &tenant) const
{
    const QJsonObject claims {{QStringLiteral("aud"), clientId},
            {QStringLiteral("iss"),
                    QStringLiteral("https://login.microsoftonline.com/%1/v2.0").arg(tenant)},
            {QStringLiteral("iat"), now()}, {QStringLiteral("exp"), now() + kAccessTokenLifetime},
            {QStringLiteral("name"), QStringLiteral("Practice User")},
            {QStringLiteral("preferred_username"), QStringLiteral("practice.user@sandbox.invalid")},
            {QStringLiteral("tid"), tenant}};
    return unsignedJwt(claims, QString());
}

} // namespace fs::sandbox
