// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploymentmanager.h"

#include <QHash>
#include <QObject>

class QNetworkAccessManager;

namespace fs {

class ApiClient;
class AppSettings;
struct ModelTarget;

/// One deployment with the manager (and so the connection) it belongs to.
struct HubDeployment
{
    DeploymentManager *manager = nullptr;
    TrackedDeployment tracked;
};

/**
 * @brief Every connection's deployments for the whole app: one DeploymentManager per connection
 * (made on first use), the same idle auto-stop for all, and what bills right now across them —
 * for the status bar, the Deployments list and the questions before leaving or quitting.
 */
class DeploymentHub : public QObject
{
    Q_OBJECT
public:
    /// `nam` is not owned and must outlive the hub.
    explicit DeploymentHub(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~DeploymentHub() override;

    /// The manager of `connection`, made on first use; the connection (its key) is taken over
    /// when it changed. Made, or given its key, it reads what already runs there (refresh()).
    /// Null when the connection's service has no deployments.
    DeploymentManager *manager(const Connection &connection);
    /// The manager of a connection already in use, else null.
    DeploymentManager *existing(const QString &connectionId) const;
    QList<DeploymentManager *> managers() const;
    /// Where chats to `target` go: a model that must be deployed is pointed at its running
    /// deployment (`servedAs`). Empty when chats may be sent; else the sentence to show instead
    /// (it must be deployed first, or its deployment is still coming up): send nothing then.
    /// The sentence names the model `shownAs` (default: its id).
    QString route(ModelTarget *target, const QString &shownAs = {});

    /// For tests: every manager (also later ones) uses this clock and poll interval.
    void setClock(DeploymentClock clock);
    void setPollInterval(int ms);
    /// The idle auto-stop for every connection (minutes, 0: never).
    void setIdleStopMinutes(int minutes);
    int idleStopMinutes() const { return m_idleStopMinutes; }
    /// The saved idle auto-stop (`settings` null: the application's), 30 minutes by default.
    static int savedIdleStopMinutes(const AppSettings *settings = nullptr);
    static void saveIdleStopMinutes(int minutes, AppSettings *settings = nullptr);

    /// Deployments that bill right now, on every connection, newest first.
    QList<HubDeployment> billing() const;
    /// Every deployment followed (also stopped and failed ones), newest first.
    QList<HubDeployment> all() const;
    /// The cost so far of everything that bills now.
    double runningCost() const;
    /// The price per hour of everything that bills now (known prices only).
    double pricePerHour() const;
    /// One line for the status bar: "1 deployment running · $0.12 so far ($2.40/hour)";
    /// empty when nothing bills.
    QString summaryText() const;
    /// A sentence for the questions before leaving or quitting: what runs, since when, and
    /// what it cost so far.
    QString billingSentence() const;
    /// Stops everything that bills on every connection.
    void stopAll();

Q_SIGNALS:
    void changed();
    void started(fs::DeploymentManager *manager, const QString &id);
    void failed(fs::DeploymentManager *manager, const QString &id, const QString &problem);
    void idleWarning(fs::DeploymentManager *manager, const QString &id, qint64 secondsLeft);
    void autoStopped(fs::DeploymentManager *manager, const QString &id);

private:
    struct Entry
    {
        ApiClient *api = nullptr;
        ProviderClient *client = nullptr;
        DeploymentManager *manager = nullptr;
    };
    QNetworkAccessManager *m_nam;
    QHash<QString, Entry> m_entries;
    DeploymentClock m_clock;
    int m_pollMs = DeploymentManager::kDefaultPollMs;
    int m_idleStopMinutes = DeploymentManager::kDefaultIdleStopMinutes;
};

} // namespace fs
