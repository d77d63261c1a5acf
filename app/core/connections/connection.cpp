// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkRequest>

namespace fs {

QUrl Connection::apiBaseUrl() const
{
    if (kind != Kind::Azure)
        return baseUrl;
    // Azure's v1 API lives under /openai/v1 of the resource endpoint; accept either form.
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/openai/v1")))
        path += QLatin1String("/openai/v1");
    url.setPath(path);
    return url;
}

void Connection::applyAuth(QNetworkRequest &request) const
{
    if (kind == Kind::Azure) {
        if (!apiKey.isEmpty())
            request.setRawHeader("api-key", apiKey.toUtf8());
        return;
    }
    if (!apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
    if (kind == Kind::OpenAI) {
        if (!organization.isEmpty())
            request.setRawHeader("OpenAI-Organization", organization.toUtf8());
        if (!project.isEmpty())
            request.setRawHeader("OpenAI-Project", project.toUtf8());
    }
}

bool Connection::sendsSecretsInClear() const
{
    const QUrl url = apiBaseUrl();
    return url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host());
}

ProviderKind Connection::providerKind() const
{
    switch (kind) {
    case Kind::Azure:
        return ProviderKind::AzureOpenAI;
    case Kind::Together:
        return ProviderKind::Together;
    case Kind::Fireworks:
        return ProviderKind::Fireworks;
    case Kind::OpenAI:
    case Kind::Compatible:
    case Kind::Sandbox:
        break;
    }
    return ProviderKind::OpenAI;
}

QString Connection::kindToString(Kind kind)
{
    switch (kind) {
    case Kind::OpenAI:
        return QStringLiteral("openai");
    case Kind::Azure:
        return QStringLiteral("azure");
    case Kind::Compatible:
        return QStringLiteral("compatible");
    case Kind::Sandbox:
        return QStringLiteral("sandbox");
    case Kind::Together:
        return QStringLiteral("together");
    case Kind::Fireworks:
        return QStringLiteral("fireworks");
    }
    return {};
}

QString Connection::defaultBaseUrl(Kind kind)
{
    switch (kind) {
    case Kind::OpenAI:
        return defaultOpenAiBaseUrl();
    case Kind::Together:
        return defaultTogetherBaseUrl();
    case Kind::Fireworks:
        return defaultFireworksBaseUrl();
    case Kind::Azure:
    case Kind::Compatible:
    case Kind::Sandbox:
        break;
    }
    return {};
}

QString Connection::apiKeyEnvironmentVariable(Kind kind)
{
    if (kind == Kind::Azure)
        return QStringLiteral("AZURE_OPENAI_API_KEY");
    if (kind == Kind::Fireworks)
        return QStringLiteral("FIREWORKS_API_KEY");
    return kind == Kind::Together ? QStringLiteral("TOGETHER_API_KEY")
                                  : QStringLiteral("OPENAI_API_KEY");
}

Connection::Kind Connection::kindFromString(const QString &text, bool *ok)
{
    const QString key = text.trimmed().toLower();
    for (Kind kind : {Kind::OpenAI, Kind::Azure, Kind::Compatible, Kind::Sandbox, Kind::Together,
                 Kind::Fireworks}) {
        if (kindToString(kind) == key) {
            if (ok)
                *ok = true;
            return kind;
        }
    }
    if (ok)
        *ok = false;
    return Kind::Compatible;
}

QString Connection::kindDisplayName(Kind kind)
{
    switch (kind) {
    case Kind::OpenAI:
        return QCoreApplication::translate("Connection", "OpenAI");
    case Kind::Azure:
        return QCoreApplication::translate("Connection", "Azure OpenAI");
    case Kind::Compatible:
        return QCoreApplication::translate("Connection", "OpenAI-compatible server");
    case Kind::Sandbox:
        return QCoreApplication::translate("Connection", "Sandbox (offline)");
    case Kind::Together:
        return QCoreApplication::translate("Connection", "Together AI");
    case Kind::Fireworks:
        return QCoreApplication::translate("Connection", "Fireworks AI");
    }
    return {};
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace fs
