// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondefaults.h"
#include "connection.h"
#include "modelpicker.h"
#include "modeltarget.h"

#include <QHash>
#include <QObject>
#include <functional>

class QNetworkAccessManager;

namespace fs {
struct ConnectionCheck;
class ConnectionStore;
class DeploymentHub;
class JobListModel;
class SecretStore;
} // namespace fs

namespace fs::ui {

/**
 * @brief The connections the Playground's panes may use, each with its key (read from the
 * keychain asynchronously, once) and its models: the connection's /models plus the fine-tuned
 * models and checkpoints the job history knows.
 */
class PlaygroundConnections : public QObject
{
    Q_OBJECT
public:
    PlaygroundConnections(ConnectionStore *store, SecretStore *secrets, QNetworkAccessManager *nam,
            QObject *parent = nullptr);

    ConnectionStore *store() const { return m_store; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    /// What the job history of a connection knows: its fine-tuned models and checkpoints are
    /// offered besides the connection's /models, and it says which checkpoint is a final model.
    using HistoryProvider = std::function<QList<FineTuneRecord>(const QString &connectionId)>;
    void setHistoryProvider(HistoryProvider provider) { m_history = std::move(provider); }

    /// The app's deployments (not owned; may stay null): panes offer "Deploy to try it" for a
    /// fine-tuned model that must run on hardware of its own, and chat through it once it runs.
    void setDeployments(DeploymentHub *hub);
    DeploymentHub *deployments() const { return m_deployments; }

    /// Starts reading the key and the models of a connection (nothing when already known or
    /// in progress, unless `reload`). ready() or failed() follow.
    void load(const QString &connectionId, bool reload = false);
    bool isReady(const QString &connectionId) const;
    /// The connection with its key filled in (empty id when not loaded).
    Connection connection(const QString &connectionId) const;
    QList<ModelChoice> models(const QString &connectionId) const;
    QString problem(const QString &connectionId) const;
    /// Which of the connection's model ids are the same model (a final checkpoint is the
    /// fine-tuned model).
    ModelLineage lineage(const QString &connectionId) const;
    /// The models to compare before the person chooses (base vs fine-tuned; core's rule).
    ComparisonDefault defaultComparison(const QString &connectionId) const;
    /// True when both targets ask the same model on the same connection.
    bool isSameModel(const ModelTarget &a, const ModelTarget &b) const;

    /// Forgets everything (the connections changed); panes call load() again.
    void invalidate(const QString &connectionId = {});
    /// Reads the models of a connection again when they were read or are being read (ready()
    /// follows; the pickers keep their choices); nothing for a connection not loaded.
    void reload(const QString &connectionId);
    /// Follows the job list of the store's active connection (the Jobs area's): when a job in
    /// it has a fine-tuned model the connection's models do not include yet, they are read
    /// again, so a model trained during the session can be chosen at once.
    void followJobs(const JobListModel *jobs);

Q_SIGNALS:
    void ready(const QString &connectionId);
    void failed(const QString &connectionId, const QString &message);
    /// What was known about a connection (empty: all) was dropped; load() it again.
    void invalidated(const QString &connectionId);
    /// A deployment started, stopped or moved on (or the hub was set).
    void deploymentsChanged();

private:
    struct Entry
    {
        Connection connection;
        QList<ModelChoice> models;
        QList<FineTuneRecord> records;
        ModelLineage lineage;
        QString problem;
        bool loading = false;
        bool ready = false;
        int generation = 0;
    };
    void fetchModels(const QString &connectionId, int generation);
    void showModels(const QString &connectionId, int generation, const ConnectionCheck &check);
    void offerNewFineTunes(const JobListModel *jobs);

    ConnectionStore *m_store;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
    HistoryProvider m_history;
    DeploymentHub *m_deployments = nullptr;
    QHash<QString, Entry> m_entries;
};

} // namespace fs::ui
