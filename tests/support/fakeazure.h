// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QStringList>
#include <QUrl>

class QThread;

namespace fs::test {

/**
 * @brief A small Azure OpenAI on 127.0.0.1, in a thread of its own (a test may block on a
 * command-line child while it answers), after shared/reference/azure-openai-v1/: the
 * management paths at the root (PUT/GET/DELETE `/subscriptions/{sub}/resourceGroups/{rg}/
 * providers/Microsoft.CognitiveServices/accounts/{account}/deployments/{name}` and the list,
 * `api-version=2026-09-01` required, 401 without a bearer token it issued; provisioningState
 * Creating, then Succeeded at the next GET), Microsoft's device-code sign-in under /login
 * (authorization_pending for `pendingPolls` polls, then a token), and the data plane's chat
 * under /openai/v1 (the `api-key` header; a deployment name as `model`, else 404
 * DeploymentNotFound).
 */
class FakeAzure
{
public:
    FakeAzure();
    ~FakeAzure();
    Q_DISABLE_COPY(FakeAzure)

    bool start();
    QUrl root() const; ///< http://127.0.0.1:PORT

    /// A token the management paths accept without a sign-in (AZURE_ACCESS_TOKEN in tests).
    static QByteArray presetToken() { return "fake-azure-preset-token"; }
    void setPendingPolls(int polls);

    /// "VERB path?query" of every request, in order.
    QStringList requests() const;
    QByteArray lastPutBody() const;
    QStringList deploymentNames() const;
    int tokensIssued() const;

    class Worker;

private:
    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;
    quint16 m_port = 0;
};

} // namespace fs::test
