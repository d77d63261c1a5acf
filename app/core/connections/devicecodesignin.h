// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace fs {

/// "Now" for the sign-in's rules; tests inject their own.
using SignInClock = std::function<QDateTime()>;

/**
 * @brief A Microsoft sign-in's result: the access token for Azure's management API, the
 * refresh token that gets the next one, and when the access token expires. Kept only in the
 * keychain (AzureTokenStore), never in settings or logs.
 */
struct AzureToken
{
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; ///< UTC

    bool isValid() const { return !accessToken.isEmpty(); }
    /// True when it expires within `marginSeconds` of `now` (refresh it before use).
    bool expiresSoon(const QDateTime &now, int marginSeconds = 120) const
    {
        return !expiresAt.isValid() || now.secsTo(expiresAt) <= marginSeconds;
    }
    /// The keychain's text for it (JSON), and back; an unreadable text gives an invalid token.
    QString toSecret() const;
    static AzureToken fromSecret(const QString &secret);
    /// The token endpoint's answer ({access_token, refresh_token, expires_in}) at `now`;
    /// invalid when it holds no access token. A refresh answer without a refresh token keeps
    /// `previousRefresh`.
    static AzureToken fromAnswer(
            const QByteArray &body, const QDateTime &now, const QString &previousRefresh = {});
};

/**
 * @brief Microsoft's device-code sign-in (OAuth 2.0 device authorization grant, RFC 8628) for
 * Azure's management API: asks for a code, shows it with the page to type it into, and asks
 * for the token every `interval` seconds until the person has signed in in the browser.
 *
 * `{login}/{tenant}/oauth2/v2.0/devicecode`, then `{login}/{tenant}/oauth2/v2.0/token` with
 * grant_type device_code. Answers: authorization_pending (keep waiting), slow_down (wait 5 s
 * longer from now on), expired_token (the code ran out: Expired), access_denied (the person
 * said no: Denied); cancel() stops waiting (Cancelled). Each run ends in exactly one of
 * SignedIn, Expired, Denied, Cancelled or Failed, with finished() and a sentence for people.
 * Nothing here is logged.
 */
class DeviceCodeSignIn : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        RequestingCode, ///< asking the sign-in service for a code
        WaitingForPerson, ///< the code is shown; asking for the token every interval
        SignedIn,
        Expired, ///< the code ran out before the person typed it
        Denied, ///< the person declined in the browser
        Cancelled,
        Failed, ///< the service could not be reached or answered something else
    };
    Q_ENUM(State)

    /// Signs in at `loginRoot` (https://login.microsoftonline.com, or the sandbox's /login) in
    /// `tenant`'s directory. `nam` is not owned.
    DeviceCodeSignIn(QNetworkAccessManager *nam, const QUrl &loginRoot, const QString &tenant,
            QObject *parent = nullptr);
    ~DeviceCodeSignIn() override;

    void setClientId(const QString &clientId) { m_clientId = clientId; }
    void setScope(const QString &scope) { m_scope = scope; }
    void setClock(SignInClock clock) { m_clock = std::move(clock); }
    /// How long one of the service's seconds lasts here, in ms (1000; tests make it short so
    /// they need not wait while the rules are the same).
    void setSecondMs(int ms) { m_secondMs = std::max(1, ms); }

    void start();
    /// Stops waiting; the run ends Cancelled (nothing happens once it has ended).
    void cancel();

    State state() const { return m_state; }
    bool isFinished() const;
    QString userCode() const { return m_userCode; }
    QUrl verificationUrl() const { return m_verificationUrl; }
    /// Seconds between two questions for the token (grows by 5 with each slow_down).
    int intervalSeconds() const { return m_interval; }
    int pollCount() const { return m_polls; }
    AzureToken token() const { return m_token; }
    /// What to tell the person now, in plain words (translated).
    QString statusText() const;

    /// The endpoints under `loginRoot` for `tenant`.
    static QUrl deviceCodeUrl(const QUrl &loginRoot, const QString &tenant);
    static QUrl tokenUrl(const QUrl &loginRoot, const QString &tenant);

    /// Gets a new access token with `refreshToken`; `done` runs once, later, while `context`
    /// lives, with the token or (invalid token) the reason in plain words. `needsSignIn` is
    /// true when the refresh token is no longer accepted (sign in again).
    using RefreshDone =
            std::function<void(const AzureToken &token, const QString &problem, bool needsSignIn)>;
    static void refresh(QNetworkAccessManager *nam, const QUrl &loginRoot, const QString &tenant,
            const QString &refreshToken, QObject *context, RefreshDone done,
            SignInClock clock = {});

Q_SIGNALS:
    void stateChanged(fs::DeviceCodeSignIn::State state);
    /// The code to type and where: show both to the person.
    void codeReady(const QString &userCode, const QUrl &verificationUrl);
    void finished(fs::DeviceCodeSignIn::State state);

private:
    void setState(State state);
    void finish(State state, const QString &problem = {});
    void onCodeAnswer(QNetworkReply *reply);
    void poll();
    void onTokenAnswer(QNetworkReply *reply);
    void schedulePoll();
    QDateTime now() const;

    QNetworkAccessManager *m_nam;
    QUrl m_loginRoot;
    QString m_tenant;
    QString m_clientId;
    QString m_scope;
    SignInClock m_clock;
    int m_secondMs = 1000;
    State m_state = State::Idle;
    QString m_deviceCode;
    QString m_userCode;
    QUrl m_verificationUrl;
    QDateTime m_codeExpiresAt;
    int m_interval = 5;
    int m_polls = 0;
    AzureToken m_token;
    QString m_problem;
    QTimer *m_timer;
    QPointer<QNetworkReply> m_reply;
};

} // namespace fs

Q_DECLARE_METATYPE(fs::AzureToken)
