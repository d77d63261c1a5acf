// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentmanager.h"

#include "deploymentplan.h"
#include "modelregistry.h"

#include <QSet>
#include <QTimer>

#include <algorithm>

namespace fs {

namespace {

bool serves(const Deployment &deployment, const QString &model)
{
    return !model.isEmpty() && (deployment.model == model || deployment.name == model);
}

} // namespace

// ---- TrackedDeployment ---------------------------------------------------------------------

qint64 TrackedDeployment::waitedSeconds(const QDateTime &now) const
{
    if (!watchedSince.isValid())
        return 0;
    const QDateTime end =
            runningSince.isValid() ? runningSince : (endedAt.isValid() ? endedAt : now);
    return std::max<qint64>(0, watchedSince.secsTo(end));
}

qint64 TrackedDeployment::runningSeconds(const QDateTime &now) const
{
    if (!runningSince.isValid())
        return 0;
    const QDateTime end = endedAt.isValid() ? endedAt : now;
    return std::max<qint64>(0, runningSince.secsTo(end));
}

std::optional<double> TrackedDeployment::costSoFar(const QDateTime &now) const
{
    if (deployment.billedSoFar)
        return deployment.billedSoFar;
    if (!deployment.pricePerHour)
        return std::nullopt;
    return DeploymentManager::cost(*deployment.pricePerHour, runningSeconds(now));
}

// ---- DeploymentManager ---------------------------------------------------------------------

DeploymentManager::DeploymentManager(
        ProviderClient *client, const Connection &connection, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_connection(connection)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kDefaultPollMs);
    connect(m_timer, &QTimer::timeout, this, &DeploymentManager::poll);
}

DeploymentManager::~DeploymentManager() = default;

void DeploymentManager::setClock(DeploymentClock clock)
{
    m_clock = std::move(clock);
}

QDateTime DeploymentManager::now() const
{
    return m_clock();
}

void DeploymentManager::setPollInterval(int ms)
{
    m_timer->setInterval(std::max(1, ms));
}

void DeploymentManager::setIdleStopMinutes(int minutes)
{
    m_idleStopMinutes = std::max(0, minutes);
    // A new limit counts from now for the warning: warn again if it comes near.
    for (TrackedDeployment &tracked : m_deployments)
        tracked.idleWarned = false;
    checkIdle();
}

void DeploymentManager::setIdleWarningMinutes(int minutes)
{
    m_idleWarningMinutes = std::max(0, minutes);
}

void DeploymentManager::refresh()
{
    if (!m_pricesLoaded)
        loadPrices();
    QPointer<DeploymentManager> self(this);
    m_client->listDeployments([self](const ProviderResult<QList<Deployment>> &result) {
        if (!self || !result.ok())
            return;
        QSet<QString> listed;
        for (const Deployment &deployment : *result.value) {
            listed.insert(deployment.id);
            self->merge(deployment, false);
        }
        // A deployment that bills here but the service no longer lists is gone.
        for (auto it = self->m_deployments.begin(); it != self->m_deployments.end(); ++it) {
            if (!listed.contains(it.key()) && it->isBilling()) {
                Deployment gone = it->deployment;
                gone.state = Deployment::State::Stopped;
                self->merge(gone, false);
            }
        }
        self->updateTimer();
        Q_EMIT self->changed();
    });
}

void DeploymentManager::loadPrices()
{
    m_pricesLoaded = true;
    if (const auto fixed = m_client->dialect().fixedHardware(QString())) {
        for (const HardwareOption &option : *fixed) {
            if (option.pricePerHour)
                m_prices.insert(option.id, *option.pricePerHour);
        }
        return;
    }
    QPointer<DeploymentManager> self(this);
    m_client->listHardware(QString(), [self](const ProviderResult<QList<HardwareOption>> &result) {
        if (!self)
            return;
        if (!result.ok()) {
            self->m_pricesLoaded = false; // ask again next time
            return;
        }
        for (const HardwareOption &option : *result.value) {
            if (option.pricePerHour)
                self->m_prices.insert(option.id, *option.pricePerHour);
        }
        for (TrackedDeployment &tracked : self->m_deployments)
            self->fillPrice(tracked);
        Q_EMIT self->changed();
    });
}

void DeploymentManager::loadHardware(const QString &model)
{
    QPointer<DeploymentManager> self(this);
    if (const auto fixed = m_client->dialect().fixedHardware(model)) {
        // Known without asking (Azure's deployment types): answered later, as a request would.
        QTimer::singleShot(0, this, [self, model, options = *fixed] {
            if (!self)
                return;
            self->m_hardware = options;
            for (const HardwareOption &option : options) {
                if (option.pricePerHour)
                    self->m_prices.insert(option.id, *option.pricePerHour);
            }
            Q_EMIT self->hardwareLoaded(model, options);
        });
        return;
    }
    m_client->listHardware(
            model, [self, model](const ProviderResult<QList<HardwareOption>> &result) {
                if (!self)
                    return;
                if (!result.ok()) {
                    Q_EMIT self->hardwareFailed(model, result.error.plainMessage());
                    return;
                }
                self->m_hardware = *result.value;
                for (const HardwareOption &option : std::as_const(self->m_hardware)) {
                    if (option.pricePerHour)
                        self->m_prices.insert(option.id, *option.pricePerHour);
                }
                Q_EMIT self->hardwareLoaded(model, self->m_hardware);
            });
}

void DeploymentManager::deploy(const QString &model, const HardwareOption &hardware)
{
    if (hardware.pricePerHour)
        m_prices.insert(hardware.id, *hardware.pricePerHour);
    DeploymentRequest request;
    request.model = model;
    request.hardware = hardware.id;
    if (m_idleStopMinutes > 0)
        request.inactiveTimeoutMinutes = m_idleStopMinutes;
    QPointer<DeploymentManager> self(this);
    m_client->createDeployment(request, [self, model](const ProviderResult<Deployment> &result) {
        if (!self)
            return;
        if (!result.ok()) {
            Q_EMIT self->deployFailed(model, result.error.plainMessage());
            return;
        }
        self->merge(*result.value, true);
        self->updateTimer();
        Q_EMIT self->deployStarted(model, result.value->id);
        Q_EMIT self->changed();
    });
}

void DeploymentManager::stop(const QString &id)
{
    auto it = m_deployments.find(id);
    if (it == m_deployments.end() || !it->isBilling())
        return;
    it->stopRequested = true;
    QPointer<DeploymentManager> self(this);
    m_client->deleteDeployment(id, [self, id](const ProviderResult<bool> &result) {
        if (!self)
            return;
        auto it = self->m_deployments.find(id);
        if (it == self->m_deployments.end())
            return;
        Deployment next = it->deployment;
        if (result.ok()) {
            if (next.state != Deployment::State::Stopped) {
                next.state = Deployment::State::Stopping;
                next.stateText = QStringLiteral("STOPPING");
            }
        } else if (result.error.httpStatus == 404) {
            next.state = Deployment::State::Stopped; // already gone
        } else {
            it->stopRequested = false;
            Q_EMIT self->stopFailed(id, result.error.plainMessage());
            Q_EMIT self->changed();
            return;
        }
        self->merge(next, false);
        self->updateTimer();
        Q_EMIT self->changed();
    });
}

void DeploymentManager::reportUse(const QString &model)
{
    const QDateTime at = now();
    for (TrackedDeployment &tracked : m_deployments) {
        if (tracked.isRunning() && serves(tracked.deployment, model)) {
            tracked.lastUsed = at;
            tracked.idleWarned = false;
        }
    }
}

void DeploymentManager::checkIdle()
{
    if (m_idleStopMinutes <= 0)
        return;
    const QDateTime at = now();
    const qint64 limit = qint64(m_idleStopMinutes) * 60;
    const qint64 warnAt = limit - qint64(std::min(m_idleWarningMinutes, m_idleStopMinutes)) * 60;
    const QStringList ids = m_deployments.keys();
    for (const QString &id : ids) {
        TrackedDeployment &tracked = m_deployments[id];
        if (!tracked.isRunning() || tracked.stopRequested)
            continue;
        const qint64 idle = tracked.lastUsed.isValid() ? tracked.lastUsed.secsTo(at) : 0;
        if (idle >= limit) {
            tracked.autoStopped = true;
            stop(id);
            Q_EMIT autoStopped(id);
        } else if (idle >= warnAt && !tracked.idleWarned) {
            tracked.idleWarned = true;
            Q_EMIT idleWarning(id, limit - idle);
        }
    }
}

void DeploymentManager::poll()
{
    QPointer<DeploymentManager> self(this);
    for (auto it = m_deployments.cbegin(); it != m_deployments.cend(); ++it) {
        const QString id = it.key();
        if (!it->isBilling() || m_inFlight.value(id))
            continue;
        m_inFlight.insert(id, true);
        m_client->retrieveDeployment(id, [self, id](const ProviderResult<Deployment> &result) {
            if (!self)
                return;
            self->m_inFlight.remove(id);
            if (result.ok()) {
                self->merge(*result.value, false);
            } else if (result.error.httpStatus == 404) {
                auto it = self->m_deployments.find(id);
                if (it != self->m_deployments.end()) {
                    Deployment gone = it->deployment;
                    gone.state = Deployment::State::Stopped;
                    self->merge(gone, false);
                }
            } else {
                return; // asked again at the next poll
            }
            self->updateTimer();
            Q_EMIT self->changed();
        });
    }
    checkIdle();
}

void DeploymentManager::updateTimer()
{
    const bool anyBilling = std::any_of(m_deployments.cbegin(), m_deployments.cend(),
            [](const TrackedDeployment &tracked) { return tracked.isBilling(); });
    if (anyBilling && !m_timer->isActive())
        m_timer->start();
    else if (!anyBilling)
        m_timer->stop();
}

void DeploymentManager::fillPrice(TrackedDeployment &tracked) const
{
    if (!tracked.deployment.pricePerHour && m_prices.contains(tracked.deployment.hardware))
        tracked.deployment.pricePerHour = m_prices.value(tracked.deployment.hardware);
}

void DeploymentManager::merge(const Deployment &deployment, bool startedHere)
{
    using State = Deployment::State;
    const QDateTime at = now();
    const bool known = m_deployments.contains(deployment.id);
    TrackedDeployment &tracked = m_deployments[deployment.id];
    const State before = known ? tracked.deployment.state : State::Unknown;
    const std::optional<double> price = tracked.deployment.pricePerHour;
    tracked.deployment = deployment;
    if (!tracked.deployment.pricePerHour)
        tracked.deployment.pricePerHour = price;
    fillPrice(tracked);
    if (!known) {
        // One found on the service started before the app saw it: its creation time is the
        // honest start (it may have billed since).
        tracked.watchedSince = (!startedHere && deployment.createdAt > 0)
                ? QDateTime::fromSecsSinceEpoch(deployment.createdAt, Qt::UTC)
                : at;
    }
    const State state = deployment.state;
    if (state == State::Running && !tracked.runningSince.isValid()) {
        tracked.runningSince = known ? at : tracked.watchedSince;
        tracked.lastUsed = at;
        if (known)
            Q_EMIT started(deployment.id);
    }
    if ((state == State::Stopped || state == State::Failed) && !tracked.endedAt.isValid())
        tracked.endedAt = at;
    if (state == State::Failed && tracked.problem.isEmpty()) {
        tracked.problem = tr("%1 could not be started on this hardware: the service reports "
                             "an error. Nothing is billed for it now. Try other hardware, or "
                             "try again later.")
                                  .arg(deployment.model);
        Q_EMIT failed(deployment.id, tracked.problem);
    } else if (state == State::Stopped && known && !tracked.stopRequested
            && (before == State::Pending || before == State::Starting)) {
        tracked.problem = tr("%1 stopped before it was ready: the service ended it while it "
                             "was starting. Nothing is billed for it now. Try again, or try "
                             "other hardware.")
                                  .arg(deployment.model);
        Q_EMIT failed(deployment.id, tracked.problem);
    }
    Q_EMIT deploymentChanged(deployment.id);
}

QList<TrackedDeployment> DeploymentManager::deployments() const
{
    QList<TrackedDeployment> list = m_deployments.values();
    std::sort(list.begin(), list.end(), [](const TrackedDeployment &a, const TrackedDeployment &b) {
        if (a.watchedSince != b.watchedSince)
            return a.watchedSince > b.watchedSince;
        return a.deployment.id < b.deployment.id;
    });
    return list;
}

std::optional<TrackedDeployment> DeploymentManager::deployment(const QString &id) const
{
    const auto it = m_deployments.constFind(id);
    if (it == m_deployments.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<TrackedDeployment> DeploymentManager::runningFor(const QString &model) const
{
    for (const TrackedDeployment &tracked : deployments()) {
        if (tracked.isRunning() && serves(tracked.deployment, model))
            return tracked;
    }
    return std::nullopt;
}

std::optional<TrackedDeployment> DeploymentManager::latestFor(const QString &model) const
{
    for (const TrackedDeployment &tracked : deployments()) {
        if (serves(tracked.deployment, model)
                && (tracked.isBilling() || tracked.deployment.state == Deployment::State::Failed))
            return tracked;
    }
    return std::nullopt;
}

QString DeploymentManager::servedName(const QString &model) const
{
    const auto running = runningFor(model);
    if (!running)
        return {};
    return running->deployment.name.isEmpty() ? model : running->deployment.name;
}

QList<TrackedDeployment> DeploymentManager::billing() const
{
    QList<TrackedDeployment> list;
    for (const TrackedDeployment &tracked : deployments()) {
        if (tracked.isBilling())
            list.append(tracked);
    }
    return list;
}

double DeploymentManager::runningCost() const
{
    const QDateTime at = now();
    double sum = 0;
    for (const TrackedDeployment &tracked : m_deployments) {
        if (tracked.isBilling())
            sum += tracked.costSoFar(at).value_or(0);
    }
    return sum;
}

double DeploymentManager::cost(double pricePerHour, qint64 seconds)
{
    if (seconds <= 0 || pricePerHour <= 0)
        return 0;
    const qint64 minutes = (seconds + 59) / 60;
    return double(minutes) * pricePerHour / 60.0;
}

QString DeploymentManager::formatMoney(double dollars)
{
    if (dollars > 0 && dollars < 0.01)
        return tr("less than $0.01");
    return QStringLiteral("$%1").arg(dollars, 0, 'f', 2);
}

QString DeploymentManager::formatDuration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600) {
        if (seconds % 60 == 0)
            return tr("%1 min").arg(seconds / 60);
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    if (seconds % 3600 < 60)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%1 h %2 min")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString DeploymentManager::describeState(Deployment::State state)
{
    switch (state) {
    case Deployment::State::Pending:
        return tr("Waiting for hardware");
    case Deployment::State::Starting:
        return tr("Starting");
    case Deployment::State::Running:
        return tr("Running");
    case Deployment::State::Stopping:
        return tr("Stopping");
    case Deployment::State::Stopped:
        return tr("Stopped");
    case Deployment::State::Failed:
        return tr("Failed to start");
    case Deployment::State::Unknown:
        break;
    }
    return tr("State not known");
}

bool DeploymentManager::needsDeployment(
        const Connection &connection, const QString &model, bool knownFineTuned)
{
    if (model.isEmpty())
        return false;
    if (knownFineTuned)
        return hasDeployments(connection);
    return fs::needsDeployment(connection.providerKind(), model); // the rule chatRoute() uses
}

bool DeploymentManager::hasDeployments(const Connection &connection)
{
    return ModelRegistry::provider(connection.providerKind()).needsDeployment();
}

QString DeploymentManager::mustDeployFirstMessage(const QString &model)
{
    return tr("%1 must be deployed first: on this service a fine-tuned model answers only while "
              "it runs on hardware of its own, billed while it runs. Use “Deploy to try it”.")
            .arg(model);
}

} // namespace fs
