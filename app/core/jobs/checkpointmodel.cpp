// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkpointmodel.h"

#include <QLocale>

#include <algorithm>

namespace fs {

namespace {

/// Losses read best with four decimals; accuracies as percentages, like the chart's axis.
QVariant metricCell(const Checkpoint &c, const char *key, bool display, bool percent = false)
{
    const auto it = c.metrics.constFind(QLatin1String(key));
    if (it == c.metrics.constEnd())
        return display ? QVariant(QString()) : QVariant();
    if (!display)
        return *it;
    if (percent)
        return CheckpointModel::tr("%1 %").arg(QLocale().toString(*it * 100, 'f', 1));
    return QLocale().toString(*it, 'f', 4);
}

double rankOf(const Checkpoint &c)
{
    for (const char *key : {"full_valid_loss", "valid_loss", "train_loss"}) {
        const auto it = c.metrics.constFind(QLatin1String(key));
        if (it != c.metrics.constEnd())
            return *it;
    }
    return std::numeric_limits<double>::infinity();
}

} // namespace

CheckpointModel::CheckpointModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CheckpointModel::setCheckpoints(const QList<Checkpoint> &checkpoints)
{
    beginResetModel();
    m_checkpoints = checkpoints;
    std::sort(m_checkpoints.begin(), m_checkpoints.end(),
            [](const Checkpoint &a, const Checkpoint &b) { return a.stepNumber < b.stepNumber; });
    m_best = -1;
    // Compare on the best measure every checkpoint has: full validation loss is the reliable
    // one, but only when all of them carry it.
    const char *basis = nullptr;
    for (const char *key : {"full_valid_loss", "valid_loss", "train_loss"}) {
        const bool all = !m_checkpoints.isEmpty()
                && std::all_of(
                        m_checkpoints.cbegin(), m_checkpoints.cend(), [key](const Checkpoint &c) {
                            return c.metrics.contains(QLatin1String(key));
                        });
        if (all) {
            basis = key;
            break;
        }
    }
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < m_checkpoints.size(); ++i) {
        const double value = basis ? m_checkpoints.at(i).metrics.value(QLatin1String(basis))
                                   : rankOf(m_checkpoints.at(i));
        if (value <= best) { // ties go to the later checkpoint (trained longer)
            best = value;
            m_best = i;
        }
    }
    endResetModel();
}

int CheckpointModel::bestRow() const
{
    return m_best;
}

int CheckpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checkpoints.size());
}

int CheckpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckpointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Checkpoint &c = m_checkpoints.at(index.row());
    switch (role) {
    case ModelIdRole:
        return c.fineTunedModelCheckpoint;
    case StepRole:
        return int(c.stepNumber);
    case CheckpointRole:
        return QVariant::fromValue(c);
    case IsBestRole:
        return index.row() == m_best;
    case Qt::ToolTipRole:
        if (index.row() == m_best)
            return tr("The checkpoint with the lowest validation loss: probably the best one "
                      "for new questions.");
        return {};
    case Qt::EditRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case StepColumn:
        return int(c.stepNumber);
    case TrainLossColumn:
        return metricCell(c, "train_loss", display);
    case ValidLossColumn:
        return metricCell(c, "valid_loss", display);
    case FullValidLossColumn:
        return metricCell(c, "full_valid_loss", display);
    case TrainAccuracyColumn:
        return metricCell(c, "train_mean_token_accuracy", display, true);
    case ModelColumn:
        return c.fineTunedModelCheckpoint;
    default:
        return {};
    }
}

QVariant CheckpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case TrainLossColumn:
        return tr("Training loss");
    case ValidLossColumn:
        return tr("Validation loss");
    case FullValidLossColumn:
        return tr("Full validation loss");
    case TrainAccuracyColumn:
        return tr("Token accuracy");
    case ModelColumn:
        return tr("Model");
    default:
        return {};
    }
}

} // namespace fs
