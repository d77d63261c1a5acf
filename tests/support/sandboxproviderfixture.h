// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What tests of one service's dialogs on the in-process sandbox share (Together under
// /together/v1, Fireworks under /fireworks): a sandbox at a fast clock, and the API and provider
// clients of a connection to it. A test class inherits it next to QObject; link fs_sandbox.

#include "apiclient.h"
#include "connection.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "startsandbox.h"

#include <QNetworkAccessManager>
#include <memory>

namespace fs::test {

class SandboxProviderFixture
{
protected:
    /// Starts a sandbox and points `connection` at `root` on it (e.g. "/together/v1"); false,
    /// with the reason in `problem`, when the sandbox could not listen.
    bool startProvider(Connection connection, const QString &root, QString *problem)
    {
        m_sandbox = startSandbox(0.02, problem);
        if (!m_sandbox)
            return false;
        m_nam = std::make_unique<QNetworkAccessManager>();
        connection.baseUrl =
                QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_sandbox->port()) + root);
        m_api = std::make_unique<ApiClient>(m_nam.get(), connection);
        m_provider = std::make_unique<ProviderClient>(m_api.get());
        return true;
    }

    /// The clients first, then the sandbox they talk to.
    void stopProvider()
    {
        m_provider.reset();
        m_api.reset();
        m_nam.reset();
        m_sandbox.reset();
    }

    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<ProviderClient> m_provider;
};

} // namespace fs::test
