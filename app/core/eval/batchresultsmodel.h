// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batchresults.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace fs {

class BatchRunner;

/**
 * @brief The batch comparison as a table: one row per item. Columns: line, prompt, reference,
 * then per model its answer and ROUGE-1/2/L F; with two or more models a last column
 * "Difference" = ROUGE-L F of the second model − the first (sort by it to see where the
 * fine-tune helped or hurt most).
 *
 * Qt::DisplayRole gives text (scores with 3 decimals, long texts elided to one line),
 * Qt::ToolTipRole the full text, SortRole the number (scores, difference; NaN-free: pending
 * rows sort as -2). sort() reorders rows (stable); rowItem() maps back to the item index.
 */
class BatchResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, ItemRole };
    enum FixedColumn { LineColumn, PromptColumn, ReferenceColumn, FirstModelColumn };
    static constexpr int kColumnsPerModel = 4; ///< answer, R-1, R-2, R-L

    explicit BatchResultsModel(QObject *parent = nullptr);

    /// Shows a runner's results live (rows update as generations arrive).
    void setRunner(BatchRunner *runner);
    /// Shows a stored result (a copy; no runner).
    void setResults(const BatchResults &results);
    const BatchResults &results() const;

    /// Column of a model's answer / score (which: 0 answer, 1 R-1, 2 R-2, 3 R-L).
    int modelColumn(int model, int which) const;
    int differenceColumn() const; ///< -1 with fewer than two models
    int rowItem(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
            int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Re-reads everything (after recompute()).
    void refresh();

private:
    void onGenerationFinished(int item, int model);
    double sortValue(int item, int column) const;

    QPointer<BatchRunner> m_runner;
    BatchResults m_own;
    QList<int> m_order; ///< row → item
    QList<int> m_rowOf; ///< item → row
};

} // namespace fs
