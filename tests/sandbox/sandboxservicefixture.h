// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the tests of one service's routes on the sandbox share (OpenAI's at the root, Together
// under /together/v1, Fireworks under /fireworks/v1/accounts/…): a sandbox on a free port, plain
// HTTP to it, and requests relative to the service's root. A test class inherits it next to
// QObject.

#include "sandboxhttp.h"
#include "sandboxserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

namespace fs::sandbox::test {

/// The text at `key` of a JSON object.
inline QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

/// A chat request for `model` with one question from the user.
inline QJsonObject oneQuestion(const QString &model,
        const QString &question = QStringLiteral("When do you close on Sunday?"))
{
    return {{QStringLiteral("model"), model},
            {QStringLiteral("messages"),
                    QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                            {QStringLiteral("content"), question}}}}};
}

class SandboxServiceFixture
{
protected:
    explicit SandboxServiceFixture(const QString &root = QString())
        : m_root(root)
    {
    }

    /// A new sandbox with `options` (the previous one stops first) and HTTP to it sending `key`;
    /// false when it could not listen.
    bool startSandbox(const SandboxOptions &options, const QByteArray &key = "sk-test")
    {
        stopSandbox();
        m_server = std::make_unique<SandboxServer>(options);
        if (!m_server->start())
            return false;
        m_http = std::make_unique<SandboxHttp>(
                QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())), key);
        return true;
    }
    /// startSandbox() with the default options but for the clock (jobs run `timeScale` times as
    /// long as real ones).
    bool startSandbox(double timeScale)
    {
        SandboxOptions options;
        options.timeScale = timeScale;
        return startSandbox(options);
    }
    void stopSandbox()
    {
        m_http.reset();
        m_server.reset();
    }

    HttpResult get(const QString &path) { return m_http->get(m_root + path); }
    HttpResult post(const QString &path, const QJsonObject &body)
    {
        return m_http->post(m_root + path, body);
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxHttp> m_http;

private:
    QString m_root;
};

} // namespace fs::sandbox::test
