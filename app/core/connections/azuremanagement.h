// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace fs {

/**
 * @brief What an Azure OpenAI connection needs beyond its endpoint and key to make
 * deployments: where the resource lives in Azure (subscription, resource group, resource name,
 * directory) and the Microsoft sign-in's access token (in memory only; it is kept in the
 * keychain by AzureTokenStore, never in settings).
 *
 * Deployments are made through Azure's management API (https://management.azure.com), signed
 * in with Microsoft (https://login.microsoftonline.com), not with the API key. Both hosts can be
 * set for tests; when the connection's endpoint is on this computer (the sandbox) and they are
 * not set, both follow the endpoint: the management paths at its root, the sign-in under
 * /login.
 */
struct AzureManagement
{
    Q_DECLARE_TR_FUNCTIONS(AzureManagement)
public:
    QString subscription; ///< the subscription id (a GUID)
    QString resourceGroup;
    QString account; ///< the Azure OpenAI resource's name (the management API's "account")
    QString tenant; ///< directory (tenant) id or domain; empty: "organizations"
    QUrl managementUrl; ///< empty: https://management.azure.com (or the sandbox's root)
    QUrl loginUrl; ///< empty: https://login.microsoftonline.com (or the sandbox's /login)
    QString accessToken; ///< in memory only; the keychain holds it between runs

    /// The management API's version the app speaks (cognitiveservices 2026-09-01).
    static QString apiVersion() { return QStringLiteral("2026-09-01"); }
    static QString defaultManagementUrl() { return QStringLiteral("https://management.azure.com"); }
    static QString defaultLoginUrl() { return QStringLiteral("https://login.microsoftonline.com"); }
    /// The scope the sign-in asks for: Azure Resource Manager on the person's behalf (with
    /// "offline_access" added, so a refresh token comes with it).
    static QString managementScope()
    {
        return QStringLiteral("https://management.azure.com/.default");
    }
    /// The public client the device-code sign-in presents itself as: the Azure CLI's
    /// first-party public client id, which every Entra tenant accepts for the management scope
    /// without an app registration of its own.
    static QString publicClientId()
    {
        return QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
    }

    QString effectiveTenant() const;
    /// The management root for a connection whose data-plane endpoint is `endpoint`.
    QUrl managementRoot(const QUrl &endpoint) const;
    /// The sign-in root ("…/login" on the sandbox) for `endpoint`.
    QUrl loginRoot(const QUrl &endpoint) const;
    /// "/subscriptions/…/accounts/NAME/deployments" (each part encoded), without the host.
    QString deploymentsPath() const;
    /// True when subscription, resource group and resource name are all set.
    bool isComplete() const;
    /// Empty when complete; else the sentence naming what is missing (translated).
    QString missingText() const;

    /// Where a person finds each detail in the Azure portal (translated).
    static QString subscriptionHelp();
    static QString resourceGroupHelp();
    static QString accountHelp();
    static QString tenantHelp();

    bool operator==(const AzureManagement &other) const
    {
        return subscription == other.subscription && resourceGroup == other.resourceGroup
                && account == other.account && tenant == other.tenant
                && managementUrl == other.managementUrl && loginUrl == other.loginUrl
                && accessToken == other.accessToken;
    }
    bool operator!=(const AzureManagement &other) const { return !(*this == other); }
};

} // namespace fs
