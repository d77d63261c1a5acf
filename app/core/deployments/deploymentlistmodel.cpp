// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentlistmodel.h"

#include "modelregistry.h"

namespace fs {

DeploymentListModel::DeploymentListModel(DeploymentHub *hub, QObject *parent)
    : QAbstractTableModel(parent)
    , m_hub(hub)
{
    m_rows = m_hub->all();
    connect(m_hub, &DeploymentHub::changed, this, &DeploymentListModel::refresh);
}

int DeploymentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeploymentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeploymentListModel::text(const HubDeployment &d, int column) const
{
    const TrackedDeployment &t = d.tracked;
    const QDateTime now = d.manager->now();
    switch (column) {
    case State:
        if (t.isComingUp())
            return tr("%1 (waited %2)")
                    .arg(DeploymentManager::describeState(t.deployment.state),
                            DeploymentManager::formatDuration(t.waitedSeconds(now)));
        if (t.autoStopped && t.deployment.state == Deployment::State::Stopped)
            return tr("Stopped (not used for a while)");
        return DeploymentManager::describeState(t.deployment.state);
    case Model:
        return t.deployment.model;
    case Hardware: {
        // A deployment type the registry names (Azure's "DeveloperTier" is "Developer").
        const HardwareOption *known =
                ModelRegistry::provider(d.manager->connection().providerKind())
                        .deploymentPrice(t.deployment.hardware);
        return known && !known->name.isEmpty() ? known->name : t.deployment.hardware;
    }
    case PricePerHour:
        if (!t.deployment.pricePerHour)
            return tr("not known");
        return t.deployment.priceIsEstimate
                ? tr("$%1 (estimate)").arg(*t.deployment.pricePerHour, 0, 'f', 2)
                : QStringLiteral("$%1").arg(*t.deployment.pricePerHour, 0, 'f', 2);
    case RunningFor:
        return t.runningSince.isValid() ? DeploymentManager::formatDuration(t.runningSeconds(now))
                                        : QStringLiteral("–");
    case CostSoFar: {
        if (!t.runningSince.isValid() && !t.deployment.billedSoFar && !t.isBilling())
            return QStringLiteral("–"); // never seen running: not known what it cost
        const auto cost = t.costSoFar(now);
        return cost ? DeploymentManager::formatMoney(*cost) : tr("not known");
    }
    default:
        return {};
    }
}

QVariant DeploymentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HubDeployment &d = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(d, index.column());
    case Qt::ToolTipRole:
        if (index.column() == State && !d.tracked.problem.isEmpty())
            return d.tracked.problem;
        if (index.column() == Model)
            return d.tracked.deployment.name;
        if (index.column() == PricePerHour && d.tracked.deployment.priceIsEstimate)
            return tr("The app's estimate: the service does not tell the price. The bill shows "
                      "the real one.");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= PricePerHour)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return d.tracked.deployment.id;
    case BillingRole:
        return d.tracked.isBilling();
    default:
        return {};
    }
}

QVariant DeploymentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case State:
        return tr("State");
    case Model:
        return tr("Model");
    case Hardware:
        return tr("Hardware");
    case PricePerHour:
        return tr("Price/hour");
    case RunningFor:
        return tr("Running for");
    case CostSoFar:
        return tr("Cost so far");
    default:
        return {};
    }
}

HubDeployment DeploymentListModel::deploymentAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : HubDeployment {};
}

void DeploymentListModel::refresh()
{
    const QList<HubDeployment> rows = m_hub->all();
    bool sameRows = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).tracked.deployment.id == m_rows.at(i).tracked.deployment.id;
    if (!sameRows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace fs
