// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dataseterror.h"

#include <QList>
#include <QString>

namespace fs {

class DatasetDocument;

/// Rows of a training/validation split (each list ascending; disjoint; together all rows).
struct DatasetSplit
{
    QList<int> training;
    QList<int> validation;

    /// Shuffles 0..count-1 with a seeded generator (the same seed gives the same split on every
    /// machine) and puts round(count × validationRatio) rows into validation; at least one on
    /// each side when count >= 2 and 0 < ratio < 1.
    static DatasetSplit make(int count, double validationRatio, quint32 seed);

    /// The fewest examples the service accepts in a training file (the linter's
    /// too_few_examples rule).
    static int minimumTrainingExamples();
    /// The training side is too small for the service to accept it.
    bool hasTooFewForTraining() const { return training.size() < minimumTrainingExamples(); }
};

class DatasetExporter
{
public:
    /// Writes the rows' lines (in the given order) as JSONL, atomically.
    static DatasetError exportRows(
            const DatasetDocument &document, const QList<int> &rows, const QString &path);
    /// Writes both files of a split; nothing is written when either path is not writable.
    static DatasetError exportSplit(const DatasetDocument &document, const DatasetSplit &split,
            const QString &trainingPath, const QString &validationPath);
};

} // namespace fs
