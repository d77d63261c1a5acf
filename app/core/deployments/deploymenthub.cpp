// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymenthub.h"

#include "apiclient.h"
#include "appsettings.h"
#include "modeltarget.h"

#include <algorithm>

namespace fs {

DeploymentHub::DeploymentHub(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_idleStopMinutes(savedIdleStopMinutes())
{
}

DeploymentHub::~DeploymentHub() = default;

QString DeploymentHub::route(ModelTarget *target, const QString &shownAs)
{
    target->servedAs.clear();
    if (!DeploymentManager::needsDeployment(target->connection, target->model))
        return {};
    DeploymentManager *deployments = manager(target->connection);
    if (!deployments)
        return {};
    target->servedAs = deployments->servedName(target->model);
    if (!target->servedAs.isEmpty())
        return {};
    const QString name = shownAs.isEmpty() ? target->model : shownAs;
    const auto latest = deployments->latestFor(target->model);
    if (latest && latest->isComingUp())
        return tr("%1 is still being deployed (%2, waited %3): it answers once it runs.")
                .arg(name, DeploymentManager::describeState(latest->deployment.state),
                        DeploymentManager::formatDuration(
                                latest->waitedSeconds(deployments->now())));
    return DeploymentManager::mustDeployFirstMessage(name);
}

DeploymentManager *DeploymentHub::manager(const Connection &connection)
{
    if (!DeploymentManager::hasDeployments(connection))
        return nullptr;
    auto it = m_entries.find(connection.id);
    if (it != m_entries.end()) {
        const Connection &known = it->api->connection();
        // Azure: a connection without the sign-in's token keeps the one the manager has.
        Connection next = connection;
        if (next.azure.accessToken.isEmpty())
            next.azure.accessToken = known.azure.accessToken;
        if (known.apiKey != next.apiKey || known.baseUrl != next.baseUrl || known.kind != next.kind
                || known.azure != next.azure) {
            const bool signedInNow =
                    known.azure.accessToken.isEmpty() && !next.azure.accessToken.isEmpty();
            it->api->setConnection(next);
            it->manager->setConnection(next);
            // Now with its key, signed in (Azure) or elsewhere: read what already runs there.
            if (signedInNow || !next.apiKey.isEmpty() || !next.requiresKey())
                it->manager->refresh();
        }
        return it->manager;
    }
    Entry entry;
    entry.api = new ApiClient(m_nam, connection, this);
    entry.client = new ProviderClient(entry.api, this);
    entry.manager = new DeploymentManager(entry.client, connection, this);
    DeploymentManager *manager = entry.manager;
    if (m_clock)
        manager->setClock(m_clock);
    manager->setPollInterval(m_pollMs);
    manager->setIdleStopMinutes(m_idleStopMinutes);
    connect(manager, &DeploymentManager::changed, this, &DeploymentHub::changed);
    connect(manager, &DeploymentManager::started, this,
            [this, manager](const QString &id) { Q_EMIT started(manager, id); });
    connect(manager, &DeploymentManager::failed, this,
            [this, manager](const QString &id, const QString &problem) {
                Q_EMIT failed(manager, id, problem);
            });
    connect(manager, &DeploymentManager::idleWarning, this,
            [this, manager](const QString &id, qint64 secondsLeft) {
                Q_EMIT idleWarning(manager, id, secondsLeft);
            });
    connect(manager, &DeploymentManager::autoStopped, this,
            [this, manager](const QString &id) { Q_EMIT autoStopped(manager, id); });
    m_entries.insert(connection.id, entry);
    // Nothing bills silently: what already runs on this connection shows at once.
    if (!connection.apiKey.isEmpty() || !connection.requiresKey())
        manager->refresh();
    return manager;
}

DeploymentManager *DeploymentHub::existing(const QString &connectionId) const
{
    return m_entries.value(connectionId).manager;
}

QList<DeploymentManager *> DeploymentHub::managers() const
{
    QList<DeploymentManager *> list;
    for (const Entry &entry : m_entries)
        list.append(entry.manager);
    return list;
}

void DeploymentHub::setClock(DeploymentClock clock)
{
    m_clock = std::move(clock);
    for (const Entry &entry : std::as_const(m_entries))
        entry.manager->setClock(m_clock);
}

void DeploymentHub::setPollInterval(int ms)
{
    m_pollMs = ms;
    for (const Entry &entry : std::as_const(m_entries))
        entry.manager->setPollInterval(ms);
}

void DeploymentHub::setIdleStopMinutes(int minutes)
{
    m_idleStopMinutes = std::max(0, minutes);
    for (const Entry &entry : std::as_const(m_entries))
        entry.manager->setIdleStopMinutes(m_idleStopMinutes);
    Q_EMIT changed();
}

int DeploymentHub::savedIdleStopMinutes(const AppSettings *settings)
{
    const AppSettings &s = settings ? *settings : AppSettings::standard();
    return s.idleStopMinutes().value_or(DeploymentManager::kDefaultIdleStopMinutes);
}

void DeploymentHub::saveIdleStopMinutes(int minutes, AppSettings *settings)
{
    (settings ? *settings : AppSettings::standard()).setIdleStopMinutes(minutes);
}

QList<HubDeployment> DeploymentHub::all() const
{
    QList<HubDeployment> list;
    for (const Entry &entry : m_entries) {
        for (const TrackedDeployment &tracked : entry.manager->deployments())
            list.append({entry.manager, tracked});
    }
    std::stable_sort(list.begin(), list.end(), [](const HubDeployment &a, const HubDeployment &b) {
        return a.tracked.watchedSince > b.tracked.watchedSince;
    });
    return list;
}

QList<HubDeployment> DeploymentHub::billing() const
{
    QList<HubDeployment> list = all();
    list.erase(std::remove_if(list.begin(), list.end(),
                       [](const HubDeployment &d) { return !d.tracked.isBilling(); }),
            list.end());
    return list;
}

double DeploymentHub::runningCost() const
{
    double sum = 0;
    for (const Entry &entry : m_entries)
        sum += entry.manager->runningCost();
    return sum;
}

double DeploymentHub::pricePerHour() const
{
    double sum = 0;
    for (const HubDeployment &d : billing())
        sum += d.tracked.deployment.pricePerHour.value_or(0);
    return sum;
}

QString DeploymentHub::summaryText() const
{
    const QList<HubDeployment> running = billing();
    if (running.isEmpty())
        return {};
    const double perHour = pricePerHour();
    QString text = tr("%Ln deployment(s) running", nullptr, int(running.size()));
    text += QStringLiteral(" · ")
            + tr("%1 so far").arg(DeploymentManager::formatMoney(runningCost()));
    if (perHour > 0)
        text += QLatin1Char(' ')
                + tr("(%1/hour)").arg(QStringLiteral("$%1").arg(perHour, 0, 'f', 2));
    return text;
}

QString DeploymentHub::billingSentence() const
{
    QStringList parts;
    for (const HubDeployment &d : billing()) {
        const TrackedDeployment &t = d.tracked;
        const QDateTime now = d.manager->now();
        const auto cost = t.costSoFar(now);
        QString line =
                tr("%1 (%2, %3).")
                        .arg(t.deployment.model,
                                DeploymentManager::describeState(t.deployment.state).toLower(),
                                t.isRunning() ? tr("running for %1")
                                                        .arg(DeploymentManager::formatDuration(
                                                                t.runningSeconds(now)))
                                              : tr("not running yet"));
        // Whole sentences, so that each reads right (and translates) whatever is known.
        const auto &perHour = t.deployment.pricePerHour;
        if (cost && perHour)
            line += QLatin1Char(' ')
                    + tr("It has cost %1 so far and costs $%2 per hour while it runs.")
                              .arg(DeploymentManager::formatMoney(*cost))
                              .arg(*perHour, 0, 'f', 2);
        else if (cost)
            line += QLatin1Char(' ')
                    + tr("It has cost %1 so far.").arg(DeploymentManager::formatMoney(*cost));
        else if (perHour)
            line += QLatin1Char(' ')
                    + tr("It costs $%1 per hour while it runs.").arg(*perHour, 0, 'f', 2);
        parts << line;
    }
    return parts.join(QLatin1Char('\n'));
}

void DeploymentHub::stopAll()
{
    for (const HubDeployment &d : billing())
        d.manager->stop(d.tracked.deployment.id);
}

} // namespace fs
