// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dataseterror.h"
#include "example.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fs {

/// Rows and named columns read from a CSV, TSV, JSON (array of objects) or JSONL file.
struct TabularData
{
    QStringList columns;
    QList<QStringList> rows; ///< each as long as columns (missing cells are empty strings)
    /// Row of the source for each row: 1-based line (CSV/TSV/JSONL: physical line where it starts;
    /// JSON: 1-based element index).
    QList<int> sourceLines;
    /// Per-row problems found while reading (e.g. a JSONL line that is not an object).
    QList<QPair<int, QString>> readErrors; ///< (row index, plain message)
};

/**
 * @brief Reading tabular sources. CSV per RFC 4180: quoted fields, doubled quotes, separators and
 * newlines inside quotes, CRLF or LF, a BOM; the first record is the header.
 */
class TabularReader
{
public:
    enum class Format { Csv, Tsv, Json, Jsonl };
    /// From the file name's suffix (.csv, .tsv/.tab, .json, .jsonl/.ndjson); Csv when unknown.
    static Format formatForPath(const QString &path);
    /// Parses RFC 4180 text with the given separator into records (no header handling).
    static QList<QStringList> parseDelimited(
            const QString &text, QChar separator, QList<int> *startLines = nullptr);
    static TabularData fromDelimited(const QString &text, QChar separator);
    /// A JSON array of objects; columns are the union of keys in first-seen order. Non-string
    /// values become their compact JSON text.
    static TabularData fromJsonArray(const QByteArray &json, DatasetError *error);
    static TabularData fromJsonl(const QByteArray &jsonl);
    static TabularData read(const QString &path, Format format, DatasetError *error);
};

/// How columns become messages: templates with {column} placeholders ({{ and }} are literal
/// braces).
struct ImportMapping
{
    QString systemTemplate; ///< empty: no system message
    QString userTemplate; ///< e.g. "Summarize the following conversation.\n{dialogue}"
    QString assistantTemplate; ///< e.g. "{summary}"

    /// The column names a template uses, in order.
    static QStringList placeholders(const QString &templ);
    /// Fills a template; columns not in `columns` are reported in *missing.
    static QString fill(const QString &templ, const QStringList &columns, const QStringList &row,
            QStringList *missing = nullptr, QStringList *empty = nullptr);
};

struct ImportRowError
{
    int row = 0; ///< 0-based data row
    int sourceLine = 0; ///< TabularData::sourceLines of it
    QString message; ///< plain words, e.g. "Row 4: the column “summary” is empty."
};

struct ImportResult
{
    QList<Example> examples; ///< only rows without errors
    QList<int> exampleRows; ///< data row of each example
    QList<ImportRowError> errors;
};

class DatasetImporter
{
public:
    /// Builds chat examples row by row. A row whose template uses a missing column, or whose
    /// user or assistant message comes out empty, is an error and skipped.
    static ImportResult convert(
            const TabularData &data, const ImportMapping &mapping, int maxRows = -1);
    /// The first `rows` rows converted (for the mapping dialog's preview).
    static ImportResult preview(const TabularData &data, const ImportMapping &mapping, int rows = 5)
    {
        return convert(data, mapping, rows);
    }
};

} // namespace fs
