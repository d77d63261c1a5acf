// SPDX-License-Identifier: GPL-3.0-or-later
#include "playgroundconnections.h"

#include "apiclient.h"
#include "connectionstore.h"
#include "connectiontester.h"
#include "secretstore.h"

#include <QSet>

namespace fs::ui {

PlaygroundConnections::PlaygroundConnections(
        ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_nam(nam)
{
    connect(m_store, &ConnectionStore::connectionUpdated, this,
            [this](const QString &id) { invalidate(id); });
    connect(m_store, &ConnectionStore::connectionRemoved, this,
            [this](const QString &id) { invalidate(id); });
}

bool PlaygroundConnections::isReady(const QString &connectionId) const
{
    return m_entries.value(connectionId).ready;
}

Connection PlaygroundConnections::connection(const QString &connectionId) const
{
    return m_entries.value(connectionId).connection;
}

QList<ModelChoice> PlaygroundConnections::models(const QString &connectionId) const
{
    return m_entries.value(connectionId).models;
}

QString PlaygroundConnections::problem(const QString &connectionId) const
{
    return m_entries.value(connectionId).problem;
}

void PlaygroundConnections::invalidate(const QString &connectionId)
{
    if (connectionId.isEmpty()) {
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            ++it->generation;
            it->ready = it->loading = false;
        }
        Q_EMIT invalidated(connectionId);
        return;
    }
    auto it = m_entries.find(connectionId);
    if (it != m_entries.end()) {
        ++it->generation;
        it->ready = it->loading = false;
    }
    Q_EMIT invalidated(connectionId);
}

void PlaygroundConnections::load(const QString &connectionId, bool reload)
{
    const auto found = m_store->connection(connectionId);
    if (!found) {
        QMetaObject::invokeMethod(
                this,
                [this, connectionId] {
                    Q_EMIT failed(connectionId, tr("This connection no longer exists."));
                },
                Qt::QueuedConnection);
        return;
    }
    Entry &entry = m_entries[connectionId];
    if (!reload && (entry.loading || entry.ready)) {
        if (entry.ready)
            QMetaObject::invokeMethod(
                    this, [this, connectionId] { Q_EMIT ready(connectionId); },
                    Qt::QueuedConnection);
        return;
    }
    const int generation = ++entry.generation;
    entry.loading = true;
    entry.ready = false;
    entry.problem.clear();
    entry.connection = *found;
    if (found->kind == Connection::Kind::Sandbox)
        entry.connection.baseUrl = m_store->sandboxBaseUrl();
    if (!m_store->hasKey(connectionId)) {
        fetchModels(connectionId, generation);
        return;
    }
    m_secrets->readKey(connectionId, this, [this, connectionId, generation](const SecretResult &r) {
        auto it = m_entries.find(connectionId);
        if (it == m_entries.end() || it->generation != generation)
            return;
        if (r.ok())
            it->connection.apiKey = r.secret;
        fetchModels(connectionId, generation);
    });
}

void PlaygroundConnections::fetchModels(const QString &connectionId, int generation)
{
    auto *client = new ApiClient(m_nam, m_entries.value(connectionId).connection, this);
    RetryPolicy quick;
    quick.maxRetries = 1;
    client->setRetryPolicy(quick);
    client->setTimeoutMs(20000);
    ApiReply *reply = client->listModels();
    connect(reply, &ApiReply::finished, this, [this, reply, client, connectionId, generation] {
        client->deleteLater();
        auto it = m_entries.find(connectionId);
        if (it == m_entries.end() || it->generation != generation)
            return;
        it->loading = false;
        const ConnectionCheck check = ConnectionTester::classify(
                reply->error(), reply->json(), !it->connection.apiKey.isEmpty());
        if (!check.ok()) {
            it->problem = check.plainMessage();
            Q_EMIT failed(connectionId, it->problem);
            return;
        }
        QList<ModelChoice> models;
        QSet<QString> seen;
        // The job history knows names and checkpoints the model list does not carry.
        if (m_history) {
            for (const ModelChoice &choice : m_history(connectionId)) {
                if (!seen.contains(choice.id)) {
                    seen.insert(choice.id);
                    models << choice;
                }
            }
        }
        for (const ModelObject &model : check.models) {
            if (seen.contains(model.id) || !ModelChoice::canChat(model.id))
                continue;
            seen.insert(model.id);
            ModelChoice choice;
            choice.id = model.id;
            choice.kind = ModelChoice::kindOf(model.id);
            choice.baseModel = ModelChoice::baseOf(model.id);
            choice.created = model.created;
            models << choice;
        }
        it->models = models;
        it->ready = true;
        Q_EMIT ready(connectionId);
    });
}

} // namespace fs::ui
