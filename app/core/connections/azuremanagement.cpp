// SPDX-License-Identifier: GPL-3.0-or-later
#include "azuremanagement.h"

#include "connection.h"

namespace fs {

namespace {

QUrl rootOf(const QUrl &endpoint)
{
    QUrl root;
    root.setScheme(endpoint.scheme());
    root.setHost(endpoint.host());
    root.setPort(endpoint.port());
    return root;
}

bool followsEndpoint(const QUrl &endpoint)
{
    return endpoint.isValid() && isLoopbackHost(endpoint.host());
}

QString segment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text.trimmed()));
}

} // namespace

QString AzureManagement::effectiveTenant() const
{
    const QString t = tenant.trimmed();
    return t.isEmpty() ? QStringLiteral("organizations") : t;
}

QUrl AzureManagement::managementRoot(const QUrl &endpoint) const
{
    if (!managementUrl.isEmpty())
        return managementUrl;
    if (followsEndpoint(endpoint))
        return rootOf(endpoint);
    return QUrl(defaultManagementUrl());
}

QUrl AzureManagement::loginRoot(const QUrl &endpoint) const
{
    if (!loginUrl.isEmpty())
        return loginUrl;
    if (followsEndpoint(endpoint)) {
        QUrl url = rootOf(endpoint);
        url.setPath(QStringLiteral("/login"));
        return url;
    }
    return QUrl(defaultLoginUrl());
}

QString AzureManagement::deploymentsPath() const
{
    return QStringLiteral("/subscriptions/") + segment(subscription)
            + QStringLiteral("/resourceGroups/") + segment(resourceGroup)
            + QStringLiteral("/providers/Microsoft.CognitiveServices/accounts/") + segment(account)
            + QStringLiteral("/deployments");
}

bool AzureManagement::isComplete() const
{
    return !subscription.trimmed().isEmpty() && !resourceGroup.trimmed().isEmpty()
            && !account.trimmed().isEmpty();
}

QString AzureManagement::missingText() const
{
    QStringList missing;
    if (subscription.trimmed().isEmpty())
        missing << tr("the subscription");
    if (resourceGroup.trimmed().isEmpty())
        missing << tr("the resource group");
    if (account.trimmed().isEmpty())
        missing << tr("the resource name");
    if (missing.isEmpty())
        return {};
    return tr("To deploy on Azure the app needs %1 of this connection. Add them in Settings › "
              "Connections (the Azure portal shows them on the resource's Overview page).")
            .arg(missing.join(QStringLiteral(", ")));
}

QString AzureManagement::subscriptionHelp()
{
    return tr("In the Azure portal open your Azure OpenAI resource: “Subscription ID” is on its "
              "Overview page (a long id such as 1234abcd-…).");
}

QString AzureManagement::resourceGroupHelp()
{
    return tr("On the same Overview page: “Resource group”.");
}

QString AzureManagement::accountHelp()
{
    return tr("The resource's own name, at the top of its Overview page (the NAME in "
              "https://NAME.openai.azure.com).");
}

QString AzureManagement::tenantHelp()
{
    return tr("Optional. Microsoft Entra ID › Overview › “Tenant ID”. Leave empty to sign in "
              "with any work or school account.");
}

} // namespace fs
