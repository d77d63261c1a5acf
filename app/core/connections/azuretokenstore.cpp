// SPDX-License-Identifier: GPL-3.0-or-later
#include "azuretokenstore.h"

#include "secretstore.h"

#include <QPointer>
#include <QTimer>

namespace fs {

AzureTokenStore::AzureTokenStore(SecretStore *secrets, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_nam(nam)
{
}

AzureTokenStore::~AzureTokenStore() = default;

QDateTime AzureTokenStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void AzureTokenStore::freshToken(const Connection &connection, QObject *context, Done done)
{
    const QString id = connection.id;
    const QUrl loginRoot = connection.azure.loginRoot(connection.baseUrl);
    const QString tenant = connection.azure.effectiveTenant();
    QPointer<AzureTokenStore> self(this);
    QPointer<QObject> guard(context);
    m_secrets->readKey(secretId(id), this,
            [self, guard, id, loginRoot, tenant, done](const SecretResult &read) {
                if (!self || !guard)
                    return;
                if (!read.ok()) {
                    Result result;
                    result.needsSignIn = true;
                    result.problem = read.status == SecretResult::Status::NotFound
                            ? tr("Sign in with Microsoft to make deployments on Azure.")
                            : read.message;
                    done(result);
                    return;
                }
                const AzureToken kept = AzureToken::fromSecret(read.secret);
                if (kept.isValid() && !kept.expiresSoon(self->now())) {
                    Q_EMIT self->tokenChanged(id, kept.accessToken);
                    done(Result {kept, false, {}});
                    return;
                }
                DeviceCodeSignIn::refresh(
                        self->m_nam, loginRoot, tenant, kept.refreshToken, self,
                        [self, guard, id, done](
                                const AzureToken &token, const QString &problem, bool needsSignIn) {
                            if (!self || !guard)
                                return;
                            if (!token.isValid()) {
                                if (needsSignIn)
                                    self->forget(id);
                                done(Result {{}, needsSignIn, problem});
                                return;
                            }
                            self->save(id, token, self);
                            done(Result {token, false, {}});
                        },
                        self->m_clock);
            });
}

void AzureTokenStore::save(const QString &connectionId, const AzureToken &token, QObject *context,
        std::function<void(bool, const QString &)> done)
{
    Q_EMIT tokenChanged(connectionId, token.accessToken);
    m_secrets->writeKey(
            secretId(connectionId), token.toSecret(), context, [done](const SecretResult &result) {
                if (done)
                    done(result.ok(), result.message);
            });
}

void AzureTokenStore::forget(const QString &connectionId)
{
    m_secrets->deleteKey(secretId(connectionId), this, [](const SecretResult &) {});
    Q_EMIT tokenChanged(connectionId, QString());
}

} // namespace fs
