// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "azuremanagement.h"
#include "providerkind.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

class QNetworkRequest;

namespace fs {

/**
 * @brief A place that serves a fine-tuning API: OpenAI, Azure OpenAI, any OpenAI-compatible
 * server, the built-in sandbox, or Together AI. Each speaks a dialect (providers/dialect.h:
 * dialectFor()); the transport (ApiClient) is the same for all of them.
 *
 * The API key is carried here only in memory; it is persisted in the OS keychain, never in
 * settings (see SecretStore).
 */
struct Connection
{
    enum class Kind { OpenAI, Azure, Compatible, Sandbox, Together, Fireworks };

    QString id; ///< stable identifier (a UUID), also the keychain entry's name
    QString name; ///< what the user calls it
    Kind kind = Kind::Sandbox;
    /// OpenAI: https://api.openai.com/v1 by default. Azure: the resource endpoint
    /// (https://NAME.openai.azure.com); apiBaseUrl() adds /openai/v1. Compatible: any base URL.
    /// Sandbox: filled in when the in-process sandbox has started. Together:
    /// https://api.together.xyz/v1 by default.
    QUrl baseUrl;
    QString organization; ///< OpenAI-Organization header (OpenAI only), optional
    QString project; ///< OpenAI-Project header (OpenAI only), optional
    QString apiKey; ///< in memory only
    /// Azure only: where the resource lives, for deployments (its token in memory only).
    AzureManagement azure;
    /// Fireworks AI: the account id every control-plane path names (/v1/accounts/{account}/…).
    QString account;

    static QString defaultOpenAiBaseUrl() { return QStringLiteral("https://api.openai.com/v1"); }
    static QString defaultTogetherBaseUrl()
    {
        return QStringLiteral("https://api.together.xyz/v1");
    }
    /// The base URL a new connection of this kind starts with (empty: the user must say).
    static QString defaultBaseUrl(Kind kind);
    /// Fireworks AI's service root: control-plane paths (/v1/accounts/…) and chat
    /// (/inference/v1/chat/completions) are both below it.
    static QString defaultFireworksBaseUrl() { return QStringLiteral("https://api.fireworks.ai"); }
    /// The environment variable the command line reads the key from for this kind, after the
    /// service's own convention ("OPENAI_API_KEY", "TOGETHER_API_KEY").
    static QString apiKeyEnvironmentVariable(Kind kind);

    /// The URL that endpoint paths (/files, /fine_tuning/jobs, …) are appended to.
    QUrl apiBaseUrl() const;
    /// Sets the auth headers this kind uses: Authorization: Bearer (Together too), or api-key
    /// for Azure.
    void applyAuth(QNetworkRequest &request) const;
    /// True when the key would travel in clear text to a host that is not this machine.
    bool sendsSecretsInClear() const;
    /// Whether a key is needed at all (the sandbox and some compatible servers need none).
    bool requiresKey() const
    {
        return kind == Kind::OpenAI || kind == Kind::Azure || kind == Kind::Together
                || kind == Kind::Fireworks;
    }

    /// The service whose models, prices and naming apply: OpenAI for OpenAI, compatible servers
    /// and the sandbox's /v1; AzureOpenAI; Together. The one mapping from a connection's kind to
    /// the model registry's provider.
    ProviderKind providerKind() const;

    /// "openai", "azure", "compatible", "sandbox", "together"
    static QString kindToString(Kind kind);
    static Kind kindFromString(const QString &text, bool *ok = nullptr);
    static QString kindDisplayName(Kind kind); ///< translated: "OpenAI", "Azure OpenAI", …
};

/// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString &host);

} // namespace fs

Q_DECLARE_METATYPE(fs::Connection)
