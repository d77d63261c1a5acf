// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicecodesignin.h"

#include "azuremanagement.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace fs {

namespace {

QDateTime systemNow()
{
    return QDateTime::currentDateTimeUtc();
}

QUrl endpoint(const QUrl &loginRoot, const QString &tenant, const QString &leaf)
{
    QUrl url = loginRoot;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QString t =
            tenant.trimmed().isEmpty() ? QStringLiteral("organizations") : tenant.trimmed();
    path += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(t))
            + QStringLiteral("/oauth2/v2.0/") + leaf;
    url.setPath(path, QUrl::TolerantMode);
    return url;
}

QNetworkReply *postForm(QNetworkAccessManager *nam, const QUrl &url, const QUrlQuery &form)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
            QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(30000);
    return nam->post(request, form.toString(QUrl::FullyEncoded).toUtf8());
}

QString scopeWithRefresh(const QString &scope)
{
    return scope.contains(QLatin1String("offline_access"))
            ? scope
            : scope + QStringLiteral(" offline_access");
}

QString unreachable()
{
    return QCoreApplication::translate("fs::DeviceCodeSignIn",
            "The Microsoft sign-in service could not be reached. Check the internet "
            "connection and try again.");
}

} // namespace

// ---- AzureToken ---------------------------------------------------------------------------

QString AzureToken::toSecret() const
{
    const QJsonObject object {{QStringLiteral("access_token"), accessToken},
            {QStringLiteral("refresh_token"), refreshToken},
            {QStringLiteral("expires_at"), expiresAt.toUTC().toString(Qt::ISODate)}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

AzureToken AzureToken::fromSecret(const QString &secret)
{
    const QJsonObject object = QJsonDocument::fromJson(secret.toUtf8()).object();
    AzureToken token;
    token.accessToken = object.value(QLatin1String("access_token")).toString();
    token.refreshToken = object.value(QLatin1String("refresh_token")).toString();
    token.expiresAt = QDateTime::fromString(
            object.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    return token;
}

AzureToken AzureToken::fromAnswer(
        const QByteArray &body, const QDateTime &now, const QString &previousRefresh)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    AzureToken token;
    token.accessToken = object.value(QLatin1String("access_token")).toString();
    if (token.accessToken.isEmpty())
        return {};
    token.refreshToken = object.value(QLatin1String("refresh_token")).toString();
    if (token.refreshToken.isEmpty())
        token.refreshToken = previousRefresh;
    // expires_in is a number in Microsoft's answers; some servers send it as text.
    const QJsonValue expiresIn = object.value(QLatin1String("expires_in"));
    const qint64 seconds =
            expiresIn.isString() ? expiresIn.toString().toLongLong() : expiresIn.toInteger(3600);
    token.expiresAt = now.addSecs(seconds > 0 ? seconds : 3600);
    return token;
}

// ---- DeviceCodeSignIn ---------------------------------------------------------------------

DeviceCodeSignIn::DeviceCodeSignIn(
        QNetworkAccessManager *nam, const QUrl &loginRoot, const QString &tenant, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_loginRoot(loginRoot)
    , m_tenant(tenant)
    , m_clientId(AzureManagement::publicClientId())
    , m_scope(AzureManagement::managementScope())
    , m_clock(systemNow)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &DeviceCodeSignIn::poll);
}

DeviceCodeSignIn::~DeviceCodeSignIn()
{
    if (m_reply)
        m_reply->abort();
}

QUrl DeviceCodeSignIn::deviceCodeUrl(const QUrl &loginRoot, const QString &tenant)
{
    return endpoint(loginRoot, tenant, QStringLiteral("devicecode"));
}

QUrl DeviceCodeSignIn::tokenUrl(const QUrl &loginRoot, const QString &tenant)
{
    return endpoint(loginRoot, tenant, QStringLiteral("token"));
}

QDateTime DeviceCodeSignIn::now() const
{
    return m_clock ? m_clock() : systemNow();
}

bool DeviceCodeSignIn::isFinished() const
{
    return m_state == State::SignedIn || m_state == State::Expired || m_state == State::Denied
            || m_state == State::Cancelled || m_state == State::Failed;
}

void DeviceCodeSignIn::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void DeviceCodeSignIn::finish(State state, const QString &problem)
{
    if (isFinished())
        return;
    m_timer->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_deviceCode.clear();
    m_problem = problem;
    setState(state);
    Q_EMIT finished(state);
}

void DeviceCodeSignIn::start()
{
    if (m_state != State::Idle && !isFinished())
        return;
    m_token = {};
    m_problem.clear();
    m_userCode.clear();
    m_verificationUrl.clear();
    m_polls = 0;
    m_state = State::Idle;
    setState(State::RequestingCode);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    form.addQueryItem(QStringLiteral("scope"), scopeWithRefresh(m_scope));
    QNetworkReply *reply = postForm(m_nam, deviceCodeUrl(m_loginRoot, m_tenant), form);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onCodeAnswer(reply); });
}

void DeviceCodeSignIn::cancel()
{
    if (m_state == State::Idle) {
        m_state = State::Cancelled;
        Q_EMIT stateChanged(m_state);
        Q_EMIT finished(m_state);
        return;
    }
    finish(State::Cancelled);
}

void DeviceCodeSignIn::onCodeAnswer(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 0) {
        finish(State::Failed, unreachable());
        return;
    }
    m_deviceCode = object.value(QLatin1String("device_code")).toString();
    m_userCode = object.value(QLatin1String("user_code")).toString();
    m_verificationUrl = QUrl(object.value(QLatin1String("verification_uri")).toString());
    if (status != 200 || m_deviceCode.isEmpty() || m_userCode.isEmpty()
            || !m_verificationUrl.isValid()) {
        const QString description = object.value(QLatin1String("error_description")).toString();
        finish(State::Failed,
                description.isEmpty()
                        ? tr("The Microsoft sign-in service did not give a code (HTTP %1).")
                                  .arg(status)
                        : tr("The Microsoft sign-in service did not give a code: %1")
                                  .arg(description.section(QLatin1Char('\n'), 0, 0).trimmed()));
        return;
    }
    m_interval = std::max(1, object.value(QLatin1String("interval")).toInt(5));
    const int expiresIn = object.value(QLatin1String("expires_in")).toInt(900);
    m_codeExpiresAt = now().addSecs(expiresIn > 0 ? expiresIn : 900);
    setState(State::WaitingForPerson);
    Q_EMIT codeReady(m_userCode, m_verificationUrl);
    schedulePoll();
}

void DeviceCodeSignIn::schedulePoll()
{
    m_timer->start(m_interval * m_secondMs);
}

void DeviceCodeSignIn::poll()
{
    if (m_state != State::WaitingForPerson)
        return;
    if (now() >= m_codeExpiresAt) {
        finish(State::Expired);
        return;
    }
    ++m_polls;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"),
            QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    form.addQueryItem(QStringLiteral("device_code"), m_deviceCode);
    QNetworkReply *reply = postForm(m_nam, tokenUrl(m_loginRoot, m_tenant), form);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onTokenAnswer(reply); });
}

void DeviceCodeSignIn::onTokenAnswer(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        // A dropped connection while waiting: ask again at the next interval.
        schedulePoll();
        return;
    }
    if (status == 200) {
        const AzureToken token = AzureToken::fromAnswer(body, now());
        if (!token.isValid()) {
            finish(State::Failed, tr("The Microsoft sign-in service answered without a token."));
            return;
        }
        m_token = token;
        finish(State::SignedIn);
        return;
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString error = object.value(QLatin1String("error")).toString();
    if (error == QLatin1String("authorization_pending")) {
        schedulePoll();
    } else if (error == QLatin1String("slow_down")) {
        m_interval += 5; // RFC 8628 §3.5: this and every later interval
        schedulePoll();
    } else if (error == QLatin1String("expired_token")) {
        finish(State::Expired);
    } else if (error == QLatin1String("access_denied")
            || error == QLatin1String("authorization_declined")) {
        finish(State::Denied);
    } else {
        const QString description = object.value(QLatin1String("error_description")).toString();
        finish(State::Failed,
                tr("The Microsoft sign-in did not finish: %1")
                        .arg(description.isEmpty()
                                        ? (error.isEmpty() ? tr("HTTP %1").arg(status) : error)
                                        : description.section(QLatin1Char('\n'), 0, 0).trimmed()));
    }
}

QString DeviceCodeSignIn::statusText() const
{
    switch (m_state) {
    case State::Idle:
        return {};
    case State::RequestingCode:
        return tr("Asking Microsoft for a sign-in code…");
    case State::WaitingForPerson:
        return tr("Open %1 in your browser, type the code %2 and sign in with the Microsoft "
                  "account that can manage the Azure OpenAI resource. This window waits until "
                  "you have.")
                .arg(m_verificationUrl.toString(), m_userCode);
    case State::SignedIn:
        return tr("Signed in. The app keeps the sign-in in the system keychain and renews it "
                  "by itself.");
    case State::Expired:
        return tr("The code ran out before the sign-in was finished. Start again to get a new "
                  "code.");
    case State::Denied:
        return tr("The sign-in was declined in the browser. Nothing was changed.");
    case State::Cancelled:
        return tr("Sign-in cancelled. Nothing was changed.");
    case State::Failed:
        return m_problem;
    }
    return {};
}

void DeviceCodeSignIn::refresh(QNetworkAccessManager *nam, const QUrl &loginRoot,
        const QString &tenant, const QString &refreshToken, QObject *context, RefreshDone done,
        SignInClock clock)
{
    if (!clock)
        clock = systemNow;
    if (refreshToken.isEmpty()) {
        QTimer::singleShot(0, context,
                [done] { done({}, tr("The Microsoft sign-in has ended: sign in again."), true); });
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("client_id"), AzureManagement::publicClientId());
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
    form.addQueryItem(
            QStringLiteral("scope"), scopeWithRefresh(AzureManagement::managementScope()));
    QNetworkReply *reply = postForm(nam, tokenUrl(loginRoot, tenant), form);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done, clock, refreshToken] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            done({}, unreachable(), false);
            return;
        }
        if (status == 200) {
            const AzureToken token = AzureToken::fromAnswer(body, clock(), refreshToken);
            if (token.isValid()) {
                done(token, {}, false);
                return;
            }
        }
        const QString error =
                QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
        if (error == QLatin1String("invalid_grant")
                || error == QLatin1String("interaction_required") || status == 200) {
            done({}, tr("The Microsoft sign-in has ended: sign in again."), true);
            return;
        }
        done({},
                tr("The Microsoft sign-in could not be renewed (HTTP %1). Try again "
                   "later.")
                        .arg(status),
                false);
    });
}

} // namespace fs
