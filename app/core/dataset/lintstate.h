// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "linter.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace fs {

/**
 * @brief The linter's results for a whole dataset, row by row, plus the dataset-level rules:
 * too_few_examples, duplicate_example, mixed_formats and the byte-order mark.
 *
 * Rows follow the document (insertRows/removeRows/moveRow keep them aligned), and a finding's
 * line is always its current row + 1. The dataset-level rules come from a digest and a format
 * per row, with counts kept up to date on every change, so re-linting one edited example stays
 * cheap even in a file of 100,000 examples.
 */
class LintState
{
    Q_DECLARE_TR_FUNCTIONS(fs::LintState)

public:
    LintState() = default;

    void clear();
    /// Replaces everything with the results of a full run (one per row, in row order).
    void reset(QList<ExampleLint> rows);
    int count() const { return int(m_rows.size()); }

    /// The result of linting the example at `row` (row < count()).
    void setResult(int row, ExampleLint result);
    /// Rows not linted yet (isLinted() false until setResult()).
    void insertRows(int row, int count);
    void removeRows(int row, int count);
    void moveRow(int from, int to); ///< to: the final row of the moved one
    bool isLinted(int row) const;
    /// Rows still waiting for a lint, ascending.
    QList<int> unlintedRows() const;
    const ExampleLint &result(int row) const { return m_rows.at(row).result; }

    void setBom(bool bom);
    bool hasBom() const { return m_bom; }
    /// The file is UTF-16: one finding for it (Linter::utf16Finding()) and no count rule.
    void setUtf16(bool utf16) { m_utf16 = utf16; }
    bool isUtf16() const { return m_utf16; }

    /// Everything found for one example (its own findings and the dataset rules that point at
    /// it), lines set to row + 1, errors first.
    LintFindings findings(int row) const;
    /// Findings about the whole file: the byte-order mark (line 1) and too_few_examples (line 0).
    LintFindings fileFindings() const;
    /// All findings in line order, file findings first.
    /// Every finding in file order; with `limit` >= 0 only the first `limit` (cheap on big files).
    LintFindings allFindings(int limit = -1) const;

    int errorCount(int row) const;
    int warningCount(int row) const;
    int totalErrors() const;
    int totalWarnings() const;
    /// Per row, for DatasetDocument::setIssueCounts(); capped at 65535.
    void issueCounts(QList<quint16> *errors, QList<quint16> *warnings) const;

    /// The row an example repeats (the first one with the same content), or -1.
    int duplicateOf(int row) const;
    /// The format most of the file is in (Unknown when empty).
    ExampleFormat mainFormat() const;

    /// Rows whose example has this digest (to update badges after an edit).
    QList<int> rowsWithDigest(quint64 digest) const;

private:
    struct Row
    {
        ExampleLint result;
        bool linted = false;
    };
    void account(const ExampleLint &result, int sign);
    bool isMixedOut(ExampleFormat format) const;
    LintFindings derivedFindings(int row, int original) const;
    LintFindings findingsOf(int row, int original) const;

    QList<Row> m_rows;
    bool m_bom = false;
    bool m_utf16 = false;
    // Kept up to date on every change, so an edit costs O(1) here, not a pass over the file.
    QHash<quint64, int> m_digestCount;
    int m_chatCount = 0;
    int m_preferenceCount = 0;
};

} // namespace fs
