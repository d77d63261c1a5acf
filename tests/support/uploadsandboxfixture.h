// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the tests of uploads against an in-process sandbox share (the Uploader, the upload
// queue): a sandbox whose file checks run fast, a record of what it served, a network and a
// folder of the test's own. A test class inherits it next to QObject; link fs_sandbox.

#include "connection.h"
#include "sandboxserver.h"
#include "servedrequests.h"
#include "startsandbox.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <memory>

namespace fs::test {

class UploadSandboxFixture
{
protected:
    /// Call from init(); false, with the reason in `problem`, when something could not start.
    bool startUploadSandbox(QString *problem)
    {
        m_server = startSandbox(0.02, problem);
        if (!m_server)
            return false;
        m_served = std::make_unique<ServedRequests>(m_server.get());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            *problem = QStringLiteral("no temporary folder");
            return false;
        }
        return true;
    }

    /// Call from cleanup(), once whatever uses the network is gone.
    void stopUploadSandbox()
    {
        m_served.reset();
        m_nam.reset();
        m_server.reset();
        m_dir.reset();
    }

    /// The sandbox's OpenAI side.
    Connection sandboxConnection() const
    {
        Connection connection;
        connection.kind = Connection::Kind::Sandbox;
        connection.baseUrl = m_server->baseUrl();
        return connection;
    }

    /// `data` written to `name` in the test's folder: its path, empty when it could not be.
    QString writeFile(const QString &name, const QByteArray &data) const
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            return {};
        return path;
    }

    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<ServedRequests> m_served; ///< what m_server answered
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace fs::test
