// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetexport.h"

#include "datasetdocument.h"
#include "jsonl.h"
#include "linter.h"

#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <random>

namespace fs {

int DatasetSplit::minimumTrainingExamples()
{
    return Linter::kMinimumExamples;
}

DatasetSplit DatasetSplit::make(int count, double validationRatio, quint32 seed)
{
    DatasetSplit split;
    if (count <= 0)
        return split;
    QList<int> order(count);
    for (int i = 0; i < count; ++i)
        order[i] = i;
    // std::mt19937 is specified exactly by the standard; the Fisher–Yates shuffle below (unlike
    // std::shuffle and the distributions) is ours, so the split is the same on every machine.
    std::mt19937 rng(seed);
    for (int i = count - 1; i > 0; --i) {
        const int j = int(rng() % quint32(i + 1));
        std::swap(order[i], order[j]);
    }
    const double ratio = std::clamp(validationRatio, 0.0, 1.0);
    int validation = int(std::lround(count * ratio));
    if (count >= 2 && ratio > 0 && ratio < 1)
        validation = std::clamp(validation, 1, count - 1);
    split.validation = order.mid(0, validation);
    split.training = order.mid(validation);
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.training.begin(), split.training.end());
    return split;
}

DatasetError DatasetExporter::exportRows(
        const DatasetDocument &document, const QList<int> &rows, const QString &path)
{
    QList<QByteArray> lines;
    lines.reserve(rows.size());
    for (const int row : rows) {
        if (row >= 0 && row < document.count())
            lines.append(document.line(row));
    }
    return JsonlWriter::saveLines(path, lines);
}

DatasetError DatasetExporter::exportSplit(const DatasetDocument &document,
        const DatasetSplit &split, const QString &trainingPath, const QString &validationPath)
{
    // Open both first so that an unwritable second file leaves no half-written pair behind.
    QSaveFile training(trainingPath);
    if (!training.open(QIODevice::WriteOnly))
        return DatasetError::make(
                DatasetError::Kind::NotWritable, trainingPath, training.errorString());
    QSaveFile validation(validationPath);
    if (!validation.open(QIODevice::WriteOnly)) {
        training.cancelWriting();
        return DatasetError::make(
                DatasetError::Kind::NotWritable, validationPath, validation.errorString());
    }
    auto write = [&document](QSaveFile &file, const QList<int> &rows) {
        for (const int row : rows) {
            if (row < 0 || row >= document.count())
                continue;
            if (file.write(document.line(row)) < 0 || file.write("\n", 1) != 1)
                return false;
        }
        return true;
    };
    if (!write(training, split.training)) {
        const QString detail = training.errorString();
        training.cancelWriting();
        validation.cancelWriting();
        return DatasetError::make(DatasetError::Kind::WriteFailed, trainingPath, detail);
    }
    if (!write(validation, split.validation)) {
        const QString detail = validation.errorString();
        training.cancelWriting();
        validation.cancelWriting();
        return DatasetError::make(DatasetError::Kind::WriteFailed, validationPath, detail);
    }
    if (!training.commit())
        return DatasetError::make(
                DatasetError::Kind::WriteFailed, trainingPath, training.errorString());
    if (!validation.commit())
        return DatasetError::make(
                DatasetError::Kind::WriteFailed, validationPath, validation.errorString());
    return {};
}

} // namespace fs
