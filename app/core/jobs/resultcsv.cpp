// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultcsv.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace fs {

namespace {

bool isBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
            || c == '/' || c == '=' || c == '-' || c == '_';
}

// Which metric a header cell names; -1 for none.
int metricForHeader(const QByteArray &name)
{
    static const struct
    {
        const char *header;
        Metric metric;
    } kNames[] = {
            {"train_loss", Metric::TrainLoss},
            {"train_accuracy", Metric::TrainAccuracy},
            {"train_mean_token_accuracy", Metric::TrainAccuracy},
            {"valid_loss", Metric::ValidLoss},
            {"valid_accuracy", Metric::ValidAccuracy},
            {"valid_mean_token_accuracy", Metric::ValidAccuracy},
            {"validation_mean_token_accuracy", Metric::ValidAccuracy}, // Azure's results.csv
            {"full_valid_loss", Metric::FullValidLoss},
            {"full_valid_accuracy", Metric::FullValidAccuracy},
            {"full_valid_mean_token_accuracy", Metric::FullValidAccuracy},
    };
    for (const auto &n : kNames) {
        if (name == n.header)
            return int(n.metric);
    }
    return -1;
}

QString notCsvText()
{
    return QCoreApplication::translate("fs::ResultCsv",
            "This file does not look like a training result file: it has no \"step\" column.");
}

/// One data row: its step and the numbers in the other columns; a row that cannot be read
/// whole counts as skipped.
void readRow(
        const QByteArray &line, int stepColumn, const QList<int> &metricOfColumn, ResultCsv &result)
{
    if (line.isEmpty())
        return;
    const QList<QByteArray> cells = line.split(',');
    bool ok = false;
    const double step = cells.value(stepColumn).trimmed().toDouble(&ok);
    // A step is a whole number in int's range (1e300 or inf would not convert: found by
    // tests/fuzz/fuzz_resultcsv); NaN fails every comparison.
    if (!ok || !(step >= 1 && step <= std::numeric_limits<int>::max())
            || step != std::floor(step)) {
        ++result.skippedRows;
        return;
    }
    MetricPoint point;
    point.step = int(step);
    bool bad = false;
    for (int c = 0; c < cells.size() && c < metricOfColumn.size(); ++c) {
        if (c == stepColumn)
            continue;
        const QByteArray cell = cells.at(c).trimmed();
        if (cell.isEmpty())
            continue; // not measured at this step
        bool numberOk = false;
        const double value = cell.toDouble(&numberOk);
        if (!numberOk) {
            bad = true;
            continue;
        }
        if (metricOfColumn.at(c) >= 0)
            point.set(Metric(metricOfColumn.at(c)), value);
        else
            result.otherColumns[result.header.at(c)].append(qMakePair(point.step, value));
    }
    if (bad)
        ++result.skippedRows;
    result.points.append(point);
}

ResultCsv emptyResult()
{
    ResultCsv result;
    result.error = ResultCsv::Error::Empty;
    result.errorText = QCoreApplication::translate("fs::ResultCsv", "The result file is empty.");
    return result;
}

} // namespace

bool looksLikeBase64(const QByteArray &bytes)
{
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty() || trimmed.left(4).toLower() == "step")
        return false;
    // A CSV has commas (and its header has letters and '_'); base64 has neither ',' nor '_'
    // in the standard alphabet, and line breaks at most.
    qsizetype significant = 0;
    for (const char c : trimmed) {
        if (c == '\n' || c == '\r')
            continue;
        if (!isBase64Char(c))
            return false;
        ++significant;
    }
    return significant >= 4;
}

QByteArray decodeResultFile(const QByteArray &bytes, bool *wasBase64)
{
    if (looksLikeBase64(bytes)) {
        const auto result = QByteArray::fromBase64Encoding(bytes.trimmed(),
                QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (result) {
            if (wasBase64)
                *wasBase64 = true;
            return *result;
        }
        // Line breaks inside the text: decode leniently.
        QByteArray joined = bytes;
        joined.replace('\n', QByteArray()).replace('\r', QByteArray());
        const auto retry = QByteArray::fromBase64Encoding(
                joined, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (retry) {
            if (wasBase64)
                *wasBase64 = true;
            return *retry;
        }
    }
    if (wasBase64)
        *wasBase64 = false;
    return bytes;
}

ResultCsv ResultCsv::parse(const QByteArray &bytes)
{
    if (bytes.trimmed().isEmpty())
        return emptyResult();
    ResultCsv result;
    QByteArray text = decodeResultFile(bytes, &result.wasBase64);
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);

    const QList<QByteArray> lines = text.split('\n');
    int lineIndex = 0;
    // The header: the first non-empty line.
    while (lineIndex < lines.size() && lines.at(lineIndex).trimmed().isEmpty())
        ++lineIndex;
    if (lineIndex >= lines.size()) {
        ResultCsv empty = emptyResult();
        empty.wasBase64 = result.wasBase64;
        return empty;
    }
    const QList<QByteArray> header = lines.at(lineIndex).trimmed().split(',');
    int stepColumn = -1;
    QList<int> metricOfColumn;
    for (int c = 0; c < header.size(); ++c) {
        const QByteArray name = header.at(c).trimmed().toLower();
        result.header.append(QString::fromUtf8(name));
        metricOfColumn.append(metricForHeader(name));
        if (name == "step")
            stepColumn = c;
    }
    if (stepColumn < 0) {
        result.error = Error::NotCsv;
        result.errorText = notCsvText();
        return result;
    }
    ++lineIndex;
    result.points.reserve(lines.size() - lineIndex);
    for (; lineIndex < lines.size(); ++lineIndex)
        readRow(lines.at(lineIndex).trimmed(), stepColumn, metricOfColumn, result);
    return result;
}

} // namespace fs
