// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"

#include <QAbstractTableModel>

namespace fs {

/// A job's checkpoints by step with their metrics; empty cells for metrics not reported.
class CheckpointModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StepColumn,
        TrainLossColumn,
        ValidLossColumn,
        FullValidLossColumn,
        TrainAccuracyColumn,
        ModelColumn,
        ColumnCount
    };
    enum Role {
        ModelIdRole = Qt::UserRole + 1, ///< fine_tuned_model_checkpoint
        StepRole, ///< int
        CheckpointRole, ///< QVariant of Checkpoint
        IsBestRole, ///< bool: the row bestRow() names
    };

    explicit CheckpointModel(QObject *parent = nullptr);

    void setCheckpoints(const QList<Checkpoint> &checkpoints); ///< sorted by step here
    Checkpoint checkpointAt(int row) const { return m_checkpoints.value(row); }
    /// The checkpoint with the lowest full validation loss, else validation loss, else training
    /// loss; -1 when there are none.
    int bestRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Checkpoint> m_checkpoints;
    int m_best = -1;
};

} // namespace fs
