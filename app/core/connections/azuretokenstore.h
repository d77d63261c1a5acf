// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"
#include "devicecodesignin.h"

#include <QHash>
#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QTimer;

namespace fs {

class SecretStore;

/**
 * @brief Keeps each Azure connection's Microsoft sign-in in the keychain (SecretStore, under
 * secretId()) — never in settings, never in logs — and hands out an access token that is
 * valid: read from the keychain, renewed with the refresh token when it expires soon (the
 * renewed one written back), or "sign in first" when there is none or it can no longer be
 * renewed.
 */
class AzureTokenStore : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        AzureToken token;
        bool needsSignIn = false; ///< no sign-in kept, or it ended: show the sign-in
        QString problem; ///< plain words when there is no token
        bool ok() const { return token.isValid(); }
    };
    using Done = std::function<void(const Result &)>;

    /// `secrets` and `nam` are not owned.
    AzureTokenStore(SecretStore *secrets, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~AzureTokenStore() override;

    /// The keychain entry of `connectionId`'s sign-in.
    static QString secretId(const QString &connectionId)
    {
        return QStringLiteral("azure-sign-in/") + connectionId;
    }
    void setClock(SignInClock clock) { m_clock = std::move(clock); }

    /// A valid access token for `connection` (renewed when it expires within two minutes);
    /// `done` runs once, later, while `context` lives.
    void freshToken(const Connection &connection, QObject *context, Done done);
    /// Keeps a new sign-in's token; `done` gets the keychain's answer (may be null).
    void save(const QString &connectionId, const AzureToken &token, QObject *context,
            std::function<void(bool ok, const QString &problem)> done = {});
    /// Forgets the sign-in (signing out, removing the connection).
    void forget(const QString &connectionId);

Q_SIGNALS:
    /// A token was read, renewed or saved for the connection: put it on the connection.
    void tokenChanged(const QString &connectionId, const QString &accessToken);

private:
    QDateTime now() const;

    SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
    SignInClock m_clock;
};

} // namespace fs
