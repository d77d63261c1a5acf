// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploymenthub.h"

#include <QAbstractTableModel>

namespace fs {

/**
 * @brief The Deployments list: every deployment the app follows, newest first, with its state,
 * model, hardware, price per hour, how long it has run and what it cost so far. Follows the
 * hub's changes; call refresh() to move the times and costs on (e.g. every second).
 */
class DeploymentListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { State, Model, Hardware, PricePerHour, RunningFor, CostSoFar, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, BillingRole };

    explicit DeploymentListModel(DeploymentHub *hub, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The deployment on `row` (with its manager), or an empty one.
    HubDeployment deploymentAt(int row) const;
    /// Reads the hub again (rows added or removed are reset; values refreshed in place).
    void refresh();

private:
    QString text(const HubDeployment &d, int column) const;

    DeploymentHub *m_hub;
    QList<HubDeployment> m_rows;
};

} // namespace fs
