// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"
#include "domain.h"
#include "providerclient.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QTimer;

namespace fs {

/// "Now" for the deployment rules; tests inject their own to move time without waiting.
using DeploymentClock = std::function<QDateTime()>;

/**
 * @brief One deployment as the app follows it: the service's object plus what the app adds —
 * how long it waited to start, how long it has run, what it cost so far, when it was last used
 * and, when it failed, why in plain words.
 */
struct TrackedDeployment
{
    Deployment deployment;
    QDateTime watchedSince; ///< when the app started it, or first saw it
    QDateTime runningSince; ///< invalid until it runs
    QDateTime endedAt; ///< invalid until it stopped or failed
    QDateTime lastUsed; ///< the last chat through it (runningSince before any)
    QString problem; ///< why it failed, in plain words; empty otherwise
    bool stopRequested = false;
    bool autoStopped = false; ///< stopped by the idle rule
    bool idleWarned = false;

    bool isRunning() const { return deployment.state == Deployment::State::Running; }
    /// Pending or starting: asked for, not ready yet.
    bool isComingUp() const
    {
        return deployment.state == Deployment::State::Pending
                || deployment.state == Deployment::State::Starting;
    }
    /// Still costing money (or possibly: the service's word was not understood).
    bool isBilling() const { return deployment.isBilling(); }
    /// Seconds between asking and running (up to `now` while it comes up).
    qint64 waitedSeconds(const QDateTime &now) const;
    /// Seconds it has run (billed time): from running until it ended, or `now`.
    qint64 runningSeconds(const QDateTime &now) const;
    /// What it cost so far: the service's own figure when it reports one, else the price per
    /// hour × time running (by started minute, as services bill); nullopt when no price is
    /// known.
    std::optional<double> costSoFar(const QDateTime &now) const;
};

/**
 * @brief The deployments of one connection, followed until they stop: start one on chosen
 * hardware, watch it come up (PENDING → STARTING → STARTED), its running cost, stop it, and
 * stop it by itself after a while without chat (the idle auto-stop, with a warning first).
 * Nothing bills silently: every deployment the service lists is followed while it bills.
 *
 * Runs over ProviderClient, so it works on any service whose dialect has deployments (Together
 * AI's dedicated endpoints today). The CLI can use the static helpers (cost(), describeState(),
 * needsDeployment(), mustDeployFirstMessage()) without a manager.
 */
class DeploymentManager : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIdleStopMinutes = 30;
    static constexpr int kDefaultIdleWarningMinutes = 5;
    static constexpr int kDefaultPollMs = 5000;

    /// Over `client` (not owned; it must outlive the manager), on `connection`'s service.
    DeploymentManager(
            ProviderClient *client, const Connection &connection, QObject *parent = nullptr);
    ~DeploymentManager() override;

    Connection connection() const { return m_connection; }
    /// The same connection with new details (its key read later).
    void setConnection(const Connection &connection) { m_connection = connection; }
    ProviderClient *client() const { return m_client; }

    void setClock(DeploymentClock clock);
    QDateTime now() const;
    /// How often deployments that bill are asked for again (ms); default 5 s.
    void setPollInterval(int ms);
    /// Stop a running deployment after this many minutes without a chat through it; 0: never.
    void setIdleStopMinutes(int minutes);
    int idleStopMinutes() const { return m_idleStopMinutes; }
    /// Warn this many minutes before the idle stop (at most the idle time itself).
    void setIdleWarningMinutes(int minutes);
    int idleWarningMinutes() const { return m_idleWarningMinutes; }

    /// Reads the service's deployments (and, once, its hardware with prices); follows every
    /// one that bills.
    void refresh();
    /// Reads the hardware `model` can run on, with its price per hour; hardwareLoaded() or
    /// hardwareFailed() follow.
    void loadHardware(const QString &model);
    QList<HardwareOption> hardware() const { return m_hardware; }
    /// Starts `model` on `hardware`; deploymentChanged() follows with its id, or
    /// deployFailed(). The service is also told to stop it after the idle time, so it stops
    /// even when the app is closed.
    void deploy(const QString &model, const HardwareOption &hardware);
    /// Stops (deletes) a deployment; it is followed until it has stopped.
    void stop(const QString &id);
    /// A chat went through `model`'s deployment: it is not idle.
    void reportUse(const QString &model);
    /// Applies the idle rule at now() (the poll timer calls it; tests call it after moving
    /// the clock).
    void checkIdle();

    QList<TrackedDeployment> deployments() const; ///< newest first
    std::optional<TrackedDeployment> deployment(const QString &id) const;
    /// The deployment of `model` that is running (chats go there), else nullopt.
    std::optional<TrackedDeployment> runningFor(const QString &model) const;
    /// The newest deployment of `model` that bills or failed since the app watched it
    /// (pending, starting, running, stopping), else nullopt.
    std::optional<TrackedDeployment> latestFor(const QString &model) const;
    /// What chat requests must name to reach `model`: its running deployment's name, else
    /// empty (use the model itself).
    QString servedName(const QString &model) const;
    /// Deployments that bill right now.
    QList<TrackedDeployment> billing() const;
    /// The sum of costSoFar() over deployments that bill now.
    double runningCost() const;

    // ---- rules, also for the command line -------------------------------------------------
    /// The cost of `seconds` of running at `pricePerHour`, by started minute; 0 for no time.
    static double cost(double pricePerHour, qint64 seconds);
    /// "$1.23", "$0.004" (small sums keep their cents' fraction visible).
    static QString formatMoney(double dollars);
    /// "45 s", "3 min 05 s", "30 min", "2 h 07 min", "10 h".
    static QString formatDuration(qint64 seconds);
    /// "Starting", "Running", … in plain words (translated).
    static QString describeState(Deployment::State state);
    /// True when `model` on `connection` must be deployed before it answers: the provider
    /// deploys fine-tunes (ModelRegistry) and `model` is one by that provider's naming, or the
    /// caller knows it is one (`knownFineTuned`, e.g. from the job history).
    static bool needsDeployment(
            const Connection &connection, const QString &model, bool knownFineTuned = false);
    /// Whether the connection's service has deployments at all.
    static bool hasDeployments(const Connection &connection);
    /// The sentence shown instead of the service's 404 for a model that is not deployed.
    static QString mustDeployFirstMessage(const QString &model);

Q_SIGNALS:
    void changed(); ///< any deployment's state, cost or the list changed
    void deploymentChanged(const QString &id);
    void started(const QString &id); ///< it runs: chats can go through it
    void failed(const QString &id, const QString &problem); ///< it failed to start
    void deployFailed(const QString &model, const QString &problem); ///< the service refused
    /// The service took a deploy() request: `id` is the new deployment of `model`.
    void deployStarted(const QString &model, const QString &id);
    void stopFailed(const QString &id, const QString &problem);
    void idleWarning(const QString &id, qint64 secondsLeft);
    void autoStopped(const QString &id);
    void hardwareLoaded(const QString &model, const QList<HardwareOption> &hardware);
    void hardwareFailed(const QString &model, const QString &problem);

private:
    void merge(const Deployment &deployment, bool startedHere);
    void poll();
    void updateTimer();
    void fillPrice(TrackedDeployment &tracked) const;
    void loadPrices();

    ProviderClient *m_client;
    Connection m_connection;
    DeploymentClock m_clock;
    QTimer *m_timer;
    int m_idleStopMinutes = kDefaultIdleStopMinutes;
    int m_idleWarningMinutes = kDefaultIdleWarningMinutes;
    QHash<QString, TrackedDeployment> m_deployments;
    QList<HardwareOption> m_hardware;
    QHash<QString, double> m_prices; ///< hardware id → price per hour, from the service's list
    bool m_pricesLoaded = false;
    QHash<QString, bool> m_inFlight; ///< ids being asked for
};

} // namespace fs
