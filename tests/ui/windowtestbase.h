// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The set-up shared by the GUI tests that drive the whole window as the app assembles it: user
// folders and settings in a temporary home, message boxes answered with their default button,
// and a sandbox of the test's own on 127.0.0.1 as the active connection.
#include "appsettings.h"
#include "connectionstore.h"
#include "messagebox.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "userfolders.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
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
    bool setUpWindowTest(QString *problem)
    {
        if (!useTemporaryUserFolders(m_home)) {
            *problem = QStringLiteral("no temporary folder");
            return false;
        }
        fs::ui::MessageBox::setTestHook([](const fs::ui::MessageRequest &request) {
            return request.defaultButton != QMessageBox::NoButton ? request.defaultButton
                                                                  : QMessageBox::Ok;
        });
        m_settings = std::make_unique<fs::AppSettings>(m_home.filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<fs::ConnectionStore>(m_settings.get());
        m_sandbox = std::make_unique<fs::sandbox::SandboxServer>();
        if (!m_sandbox->start(problem))
            return false;
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
        return true;
    }
};

} // namespace fs::test
