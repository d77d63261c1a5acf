// SPDX-License-Identifier: GPL-3.0-or-later
#include "playgroundconnections.h"

#include "apiclient.h"
#include "connectionstore.h"
#include "connectiontester.h"
#include "deploymenthub.h"
#include "joblistmodel.h"
#include "providerclient.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace fs::ui {

namespace {

/// The fine-tuned models (newest first) and the checkpoints the job history remembers (the
/// service's /models lists no checkpoints, and forgets models of deleted jobs).
QList<ModelChoice> historyChoices(const QList<FineTuneRecord> &records)
{
    QList<ModelChoice> choices;
    for (const FineTuneRecord &record : records) {
        if (record.fineTunedModel.isEmpty())
            continue;
        ModelChoice choice;
        choice.id = record.fineTunedModel;
        choice.kind = ModelChoice::Kind::FineTuned;
        choice.baseModel =
                record.baseModel.isEmpty() ? ModelChoice::baseOf(choice.id) : record.baseModel;
        choice.created = record.createdAt;
        choices << choice;
    }
    for (const FineTuneRecord &record : records) {
        for (auto it = record.checkpoints.crbegin(); it != record.checkpoints.crend(); ++it) {
            const Checkpoint &checkpoint = *it;
            if (checkpoint.fineTunedModelCheckpoint.isEmpty())
                continue;
            ModelChoice choice;
            choice.id = checkpoint.fineTunedModelCheckpoint;
            choice.kind = ModelChoice::Kind::Checkpoint;
            choice.baseModel = ModelChoice::baseOf(choice.id);
            choice.created = checkpoint.createdAt;
            choice.label = ModelChoice::describe(choice.id);
            const auto loss = checkpoint.metrics.constFind(QStringLiteral("train_loss"));
            if (loss != checkpoint.metrics.constEnd())
                choice.label = QCoreApplication::translate(
                        "fs::ui::PlaygroundArea", "%1 (training loss %2)")
                                       .arg(choice.label)
                                       .arg(*loss, 0, 'f', 3);
            choices << choice;
        }
    }
    return choices;
}

} // namespace

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

ModelLineage PlaygroundConnections::lineage(const QString &connectionId) const
{
    return m_entries.value(connectionId).lineage;
}

ComparisonDefault PlaygroundConnections::defaultComparison(const QString &connectionId) const
{
    const Entry entry = m_entries.value(connectionId);
    QList<ModelObject> offered;
    for (const ModelChoice &choice : entry.models) {
        ModelObject model;
        model.id = choice.id;
        model.created = choice.created;
        offered << model;
    }
    return ComparisonDefault::choose(entry.lineage, offered);
}

bool PlaygroundConnections::isSameModel(const ModelTarget &a, const ModelTarget &b) const
{
    return a.connection.id == b.connection.id
            && lineage(a.connection.id).isSameModel(a.model, b.model);
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

void PlaygroundConnections::reload(const QString &connectionId)
{
    const auto it = m_entries.constFind(connectionId);
    if (it != m_entries.constEnd() && (it->ready || it->loading))
        load(connectionId, true);
}

void PlaygroundConnections::followJobs(const JobListModel *jobs)
{
    const auto check = [this, jobs] { offerNewFineTunes(jobs); };
    connect(jobs, &QAbstractItemModel::rowsInserted, this, check);
    connect(jobs, &QAbstractItemModel::dataChanged, this, check);
    connect(jobs, &QAbstractItemModel::modelReset, this, check);
}

void PlaygroundConnections::offerNewFineTunes(const JobListModel *jobs)
{
    // Models being read take the job history as it is when they arrive: nothing to do then.
    const QString id = m_store->activeId();
    const auto it = m_entries.constFind(id);
    if (it == m_entries.constEnd() || !it->ready)
        return;
    for (const FineTuningJob &job : jobs->jobs()) {
        if (job.fineTunedModel.isEmpty())
            continue;
        const bool offered = std::any_of(it->models.cbegin(), it->models.cend(),
                [&job](const ModelChoice &choice) { return choice.id == job.fineTunedModel; });
        if (!offered) {
            load(id, true);
            return;
        }
    }
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
    const Connection connection = client->connection();
    if (connection.kind == Connection::Kind::Together) {
        // Together's chat models worth comparing are the ones it fine-tunes (its /models lists
        // every serverless model): the supported list, through the dialect.
        auto *provider = new ProviderClient(client, client);
        provider->listBaseModels([this, client, connectionId, generation, connection](
                                         const ProviderResult<QList<ModelObject>> &result) {
            client->deleteLater();
            ConnectionCheck check = ConnectionTester::classifyError(connection, result.error);
            if (result.ok()) {
                check.outcome = ConnectionCheck::Outcome::Ok;
                check.models = *result.value;
            }
            showModels(connectionId, generation, check);
        });
        return;
    }
    if (connection.kind == Connection::Kind::Fireworks) {
        // Fireworks' tunable bases (its public catalogue) and the account's own models, the
        // fine-tuned ones among them.
        auto *provider = new ProviderClient(client, client);
        provider->listBaseModels([this, client, provider, connectionId, generation, connection](
                                         const ProviderResult<QList<ModelObject>> &bases) {
            if (!bases.ok()) {
                client->deleteLater();
                showModels(connectionId, generation,
                        ConnectionTester::classifyError(connection, bases.error));
                return;
            }
            const QList<ModelObject> found = *bases.value;
            provider->listModels([this, client, connectionId, generation, connection, found](
                                         const ProviderResult<QList<ModelObject>> &own) {
                client->deleteLater();
                ConnectionCheck check = ConnectionTester::classifyError(connection, own.error);
                if (own.ok()) {
                    check.outcome = ConnectionCheck::Outcome::Ok;
                    check.models = *own.value + found;
                }
                showModels(connectionId, generation, check);
            });
        });
        return;
    }
    ApiReply *reply = ConnectionTester::requestModels(client);
    connect(reply, &ApiReply::finished, this,
            [this, reply, client, connectionId, generation, connection] {
                client->deleteLater();
                showModels(connectionId, generation, ConnectionTester::classify(connection, reply));
            });
}

void PlaygroundConnections::showModels(
        const QString &connectionId, int generation, const ConnectionCheck &check)
{
    {
        auto it = m_entries.find(connectionId);
        if (it == m_entries.end() || it->generation != generation)
            return;
        it->loading = false;
        if (!check.ok()) {
            it->problem = check.plainMessage();
            Q_EMIT failed(connectionId, it->problem);
            return;
        }
        it->records = m_history ? m_history(connectionId) : QList<FineTuneRecord>();
        QStringList listed;
        for (const ModelObject &model : check.models)
            listed << model.id;
        it->lineage = ModelLineage(it->records, listed);
        QList<ModelChoice> models;
        QSet<QString> seen;
        const auto add = [&](ModelChoice choice) {
            if (seen.contains(choice.id))
                return;
            seen.insert(choice.id);
            // "step 91" and the fine-tuned model are one model: say so where it is chosen.
            if (it->lineage.isFinalCheckpoint(choice.id))
                choice.label =
                        tr("%1 — the same as the final model")
                                .arg(choice.label.isEmpty() ? ModelChoice::describe(choice.id)
                                                            : choice.label);
            models << choice;
        };
        // The job history knows names and checkpoints the model list does not carry.
        for (const ModelChoice &choice : historyChoices(it->records))
            add(choice);
        for (const ModelObject &model : check.models) {
            if (!ModelChoice::canChat(model.id))
                continue;
            ModelChoice choice;
            choice.id = model.id;
            choice.kind = ModelChoice::kindOf(model.id);
            choice.baseModel = ModelChoice::baseOf(model.id);
            choice.created = model.created;
            add(choice);
        }
        it->models = models;
        it->ready = true;
        Q_EMIT ready(connectionId);
    }
}

void PlaygroundConnections::setDeployments(DeploymentHub *hub)
{
    if (m_deployments)
        disconnect(m_deployments, nullptr, this, nullptr);
    m_deployments = hub;
    if (hub)
        connect(hub, &DeploymentHub::changed, this, &PlaygroundConnections::deploymentsChanged);
    Q_EMIT deploymentsChanged();
}

} // namespace fs::ui
