// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dataseterror.h"
#include "example.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace fs {

/// How a line ended in the file.
enum class LineEnd : quint8 { None, Lf, CrLf };

/**
 * @brief One example line of a JSONL file with what surrounds it, so that an unedited file is
 * written back byte for byte.
 */
struct JsonlRecord
{
    QByteArray line; ///< the line without its terminator (for invalid JSON: exactly as it was)
    QByteArray leading; ///< blank (whitespace-only) lines before it, with their terminators
    LineEnd end = LineEnd::Lf; ///< None only for a last line without a final newline
    int sourceLine = 0; ///< 1-based physical line in the file as opened; 0 for new examples
};

/// A line that is not valid JSON: reported, and kept as an example of format InvalidJson.
struct JsonlIssue
{
    int line = 0; ///< 1-based physical line in the file
    int row = 0; ///< 0-based example index
    QString parserError; ///< the JSON parser's message, e.g. "unterminated string"
    int offset = -1; ///< byte offset of the error in the line
    QString message; ///< plain words (translated): "Line 7 is not valid JSON (…)."
};

/// A whole file as read.
struct JsonlContents
{
    bool bom = false;
    QList<JsonlRecord> records;
    QList<ExampleSummary> summaries; ///< one per record
    QList<JsonlIssue> issues;
    QByteArray trailing; ///< blank lines after the last example, exactly as in the file
};

/**
 * @brief Incremental JSONL reader: feed chunks, take records as they complete.
 *
 * Tolerates a UTF-8 BOM, CRLF and blank lines; a line that is not valid JSON is reported and
 * kept. Used by the background loader (chunk by chunk) and by readAll()/readFile().
 */
class JsonlReader
{
public:
    /// What the reader does with each line besides splitting it off.
    enum class Parsing {
        Summaries, ///< parses it for its summary and reports invalid JSON (the editor)
        LinesOnly, ///< nothing: no summaries, no issues (`validate` parses on all cores itself)
    };
    explicit JsonlReader(Parsing parsing = Parsing::Summaries);
    void addData(QByteArrayView chunk);
    void finish(); ///< the rest of the data (a last line without newline, trailing blanks)

    /// Moves out the records (and their summaries) completed so far.
    void takeRecords(QList<JsonlRecord> *records, QList<ExampleSummary> *summaries);
    QList<JsonlIssue> takeIssues();
    bool hasBom() const { return m_bom; }
    QByteArray trailing() const { return m_finished ? m_blank : QByteArray(); }
    int recordCount() const { return m_rows; } ///< records produced so far

    static JsonlContents readAll(QByteArrayView data);
    /// Reads a whole file synchronously; *error is set (and the result empty) when it can't.
    static JsonlContents readFile(const QString &path, DatasetError *error);

private:
    void processLine(QByteArrayView line, LineEnd end);

    QByteArray m_pending; ///< an incomplete line carried to the next chunk
    QByteArray m_blank; ///< blank lines waiting for the next record
    QList<JsonlRecord> m_records;
    QList<ExampleSummary> m_summaries;
    QList<JsonlIssue> m_issues;
    Parsing m_parsing = Parsing::Summaries;
    bool m_started = false;
    bool m_bom = false;
    bool m_finished = false;
    int m_physicalLine = 0;
    int m_rows = 0;
};

/**
 * @brief Writes JSONL: one compact UTF-8 object per line, atomically (QSaveFile): on any failure
 * the original file is untouched and the error is returned.
 */
class JsonlWriter
{
public:
    /// The bytes of a file: optional BOM, each record's leading blanks + line + terminator (a
    /// record that is not last and has none gets `defaultEnd`), then the trailing blanks.
    static QByteArray serialize(bool bom, const QList<JsonlRecord> &records,
            const QByteArray &trailing, LineEnd defaultEnd = LineEnd::Lf);
    static DatasetError save(const QString &path, bool bom, const QList<JsonlRecord> &records,
            const QByteArray &trailing, LineEnd defaultEnd = LineEnd::Lf);
    /// Plain lines, each followed by "\n" (exports).
    static DatasetError saveLines(const QString &path, const QList<QByteArray> &lines);
    /// Atomic write of any bytes with the same error handling.
    static DatasetError saveBytes(const QString &path, const QByteArray &bytes);
};

} // namespace fs
