// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The set-up shared by the GUI tests that drive the whole window as the app assembles it: user
// folders and settings in a temporary home, message boxes answered with their default button,
// and a sandbox of the test's own on 127.0.0.1 as the active connection (or another connection
// to it, with its key, made active).
#include "appsettings.h"
#include "connectionstore.h"
#include "defaultanswers.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "userfolders.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace fs::test {

class WindowTestBase
{
protected:
    QTemporaryDir m_home;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<fs::ConnectionStore> m_store;
    fs::MemorySecretStore m_secrets;
    std::unique_ptr<fs::sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_nam;

    /// Call from initTestCase(): true when everything is up, else `problem` says what is not.
    bool setUpWindowTest(QString *problem, const fs::sandbox::SandboxOptions &options = {})
    {
        if (!useTemporaryUserFolders(m_home)) {
            *problem = QStringLiteral("no temporary folder");
            return false;
        }
        answerMessageBoxesWithTheirDefault();
        m_settings = std::make_unique<fs::AppSettings>(m_home.filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<fs::ConnectionStore>(m_settings.get());
        m_sandbox = std::make_unique<fs::sandbox::SandboxServer>(options);
        if (!m_sandbox->start(problem))
            return false;
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
        return true;
    }

    /// Adds `connection` to the store with `key` kept in m_secrets, and makes it the active one
    /// (its id and key are set); false when the key was not kept or it could not be made active.
    bool addActiveConnection(fs::Connection *connection, const QString &key)
    {
        connection->id = m_store->add(*connection);
        connection->apiKey = key;
        bool written = false;
        m_secrets.writeKey(connection->id, key, m_store.get(),
                [&written](const fs::SecretResult &) { written = true; });
        if (!QTest::qWaitFor([&written] { return written; }, 5000))
            return false;
        m_store->setHasKey(connection->id, true);
        return m_store->setActive(connection->id);
    }
};

} // namespace fs::test
