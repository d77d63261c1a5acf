// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"

#include <QAbstractTableModel>

namespace fs {

/// The measure a checkpoint recommendation compares.
enum class CheckpointMeasure { None, FullValidLoss, ValidLoss, TrainLoss };

/// Which checkpoint to recommend and why.
struct BestCheckpoint
{
    int index = -1; ///< in the list given to bestCheckpoint(); -1 when none
    CheckpointMeasure measure = CheckpointMeasure::None;
    bool everyCheckpointHasIt = false; ///< false: those without the measure were not compared

    /// One sentence for people naming the step and the measure used ("The checkpoint at step 91
    /// had the lowest full validation loss: …"); empty when there is no recommendation.
    QString hint(qint64 step) const;
};

/**
 * The checkpoint to recommend: the lowest full validation loss when every checkpoint has one
 * (measured on the whole validation file, the reliable measure), else the lowest validation
 * loss when every checkpoint has one, else the lowest training loss. When no measure is on every
 * checkpoint, the first measure some checkpoints have decides among those. Missing and
 * non-finite values are skipped; ties go to the later checkpoint (trained longer).
 */
BestCheckpoint bestCheckpoint(const QList<Checkpoint> &checkpoints);

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
    /// The recommended checkpoint's row (bestCheckpoint()); -1 when there are none.
    int bestRow() const { return m_best.index; }
    /// The recommendation with the measure it used.
    BestCheckpoint best() const { return m_best; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Checkpoint> m_checkpoints;
    BestCheckpoint m_best;
};

} // namespace fs
