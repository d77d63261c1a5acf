// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkpointmodel.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

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

const char *metricKey(CheckpointMeasure measure)
{
    switch (measure) {
    case CheckpointMeasure::FullValidLoss:
        return "full_valid_loss";
    case CheckpointMeasure::ValidLoss:
        return "valid_loss";
    case CheckpointMeasure::TrainLoss:
        return "train_loss";
    case CheckpointMeasure::None:
        break;
    }
    return nullptr;
}

std::optional<double> measureOf(const Checkpoint &c, CheckpointMeasure measure)
{
    const auto it = c.metrics.constFind(QLatin1String(metricKey(measure)));
    if (it == c.metrics.constEnd() || !std::isfinite(*it))
        return std::nullopt;
    return *it;
}

} // namespace

QString BestCheckpoint::hint(qint64 step) const
{
    const QString at = QLocale().toString(step);
    QString text;
    switch (measure) {
    case CheckpointMeasure::FullValidLoss:
        text = CheckpointModel::tr("The checkpoint at step %1 had the lowest full validation loss "
                                   "(measured on all your validation examples): it is usually "
                                   "the best choice.")
                       .arg(at);
        break;
    case CheckpointMeasure::ValidLoss:
        text = CheckpointModel::tr("The checkpoint at step %1 had the lowest validation loss: it "
                                   "is usually the best choice.")
                       .arg(at);
        break;
    case CheckpointMeasure::TrainLoss:
        text = CheckpointModel::tr("The checkpoint at step %1 had the lowest training loss. "
                                   "Without validation examples it is only a guess: try it "
                                   "before you rely on it.")
                       .arg(at);
        break;
    case CheckpointMeasure::None:
        return {};
    }
    if (!everyCheckpointHasIt)
        text += QLatin1Char(' ')
                + CheckpointModel::tr("Not every checkpoint reports this measure; only those "
                                      "that do were compared.");
    return text;
}

BestCheckpoint bestCheckpoint(const QList<Checkpoint> &checkpoints)
{
    constexpr CheckpointMeasure kOrder[] = {CheckpointMeasure::FullValidLoss,
            CheckpointMeasure::ValidLoss, CheckpointMeasure::TrainLoss};
    BestCheckpoint best;
    // The most reliable measure every checkpoint has; else the most reliable one any has.
    for (const CheckpointMeasure m : kOrder) {
        if (!checkpoints.isEmpty()
                && std::all_of(checkpoints.cbegin(), checkpoints.cend(),
                        [m](const Checkpoint &c) { return measureOf(c, m).has_value(); })) {
            best.measure = m;
            best.everyCheckpointHasIt = true;
            break;
        }
    }
    if (best.measure == CheckpointMeasure::None) {
        for (const CheckpointMeasure m : kOrder) {
            if (std::any_of(checkpoints.cbegin(), checkpoints.cend(),
                        [m](const Checkpoint &c) { return measureOf(c, m).has_value(); })) {
                best.measure = m;
                break;
            }
        }
    }
    if (best.measure == CheckpointMeasure::None)
        return best;
    double lowest = std::numeric_limits<double>::infinity();
    for (int i = 0; i < checkpoints.size(); ++i) {
        const std::optional<double> value = measureOf(checkpoints.at(i), best.measure);
        if (!value)
            continue;
        const bool later = best.index < 0
                || checkpoints.at(i).stepNumber >= checkpoints.at(best.index).stepNumber;
        if (*value < lowest || (*value == lowest && later)) {
            lowest = *value;
            best.index = i;
        }
    }
    return best;
}

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
    m_best = bestCheckpoint(m_checkpoints);
    endResetModel();
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
        return index.row() == m_best.index;
    case Qt::ToolTipRole:
        if (index.row() == m_best.index)
            return m_best.hint(c.stepNumber);
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
