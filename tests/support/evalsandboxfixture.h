// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the tests of the evaluation tools share (batch comparison, parity check, side by side,
// capture): an in-process sandbox, a model fine-tuned there on the bakery examples, and the
// ModelTarget that reaches a model on it. A test class inherits it next to QObject; link
// fs_sandbox and fs_sandboxtesthttp.

#include "modeltarget.h"
#include "sandboxhttp.h"
#include "sandboxserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <memory>

namespace fs::test {

class EvalSandboxFixture
{
protected:
    /// Starts the sandbox with `options`; false when it could not listen.
    bool startSandbox(const sandbox::SandboxOptions &options = {})
    {
        m_server = std::make_unique<sandbox::SandboxServer>(options);
        return m_server->start();
    }

    /// Trains m_base for one epoch on the bakery examples (kept in m_training); false when the
    /// job gave no model (m_tuned).
    bool trainModel()
    {
        sandbox::test::SandboxHttp http(
                QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())));
        const QByteArray training = sandbox::test::fixture(QStringLiteral("train_good.jsonl"));
        m_training.clear();
        for (const QByteArray &line : training.split('\n')) {
            if (!line.trimmed().isEmpty())
                m_training << QJsonDocument::fromJson(line).object();
        }
        const QJsonObject job {{QStringLiteral("model"), m_base},
                {QStringLiteral("training_file"), http.uploadFile(training)},
                {QStringLiteral("hyperparameters"), QJsonObject {{QStringLiteral("n_epochs"), 1}}}};
        const QString id = http.post(QStringLiteral("/v1/fine_tuning/jobs"), job)
                                   .json()
                                   .value(QLatin1String("id"))
                                   .toString();
        m_tuned = http.waitForJob(id, {QStringLiteral("succeeded"), QStringLiteral("failed")})
                          .value(QLatin1String("fine_tuned_model"))
                          .toString();
        return !m_tuned.isEmpty();
    }

    /// `model` on the sandbox, as the evaluation tools reach it.
    ModelTarget target(const QString &model = QStringLiteral("gpt-4o-mini")) const
    {
        ModelTarget target;
        target.connection.kind = Connection::Kind::Sandbox;
        target.connection.baseUrl = m_server->baseUrl();
        target.connection.apiKey = QStringLiteral("sk-test");
        target.model = model;
        return target;
    }

    std::unique_ptr<sandbox::SandboxServer> m_server;
    QString m_base = QStringLiteral("gpt-4o-mini-2024-07-18");
    QString m_tuned; ///< after trainModel()
    QList<QJsonObject> m_training; ///< the examples m_tuned learnt
};

} // namespace fs::test
