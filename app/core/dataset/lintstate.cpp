// SPDX-License-Identifier: GPL-3.0-or-later
#include "lintstate.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace fs {

void LintState::clear()
{
    m_rows.clear();
    m_bom = false;
    m_utf16 = false;
    m_digestCount.clear();
    m_chatCount = 0;
    m_preferenceCount = 0;
}

void LintState::account(const ExampleLint &result, int sign)
{
    if (result.digest != 0) {
        int &count = m_digestCount[result.digest];
        count += sign;
        if (count <= 0)
            m_digestCount.remove(result.digest);
    }
    if (result.format == ExampleFormat::Chat)
        m_chatCount += sign;
    else if (result.format == ExampleFormat::Preference)
        m_preferenceCount += sign;
}

void LintState::reset(QList<ExampleLint> rows)
{
    clear();
    m_rows.reserve(rows.size());
    m_digestCount.reserve(rows.size());
    for (ExampleLint &result : rows) {
        account(result, +1);
        m_rows.append({std::move(result), true});
    }
}

void LintState::setResult(int row, ExampleLint result)
{
    if (row < 0 || row >= count())
        return;
    Row &target = m_rows[row];
    if (target.linted)
        account(target.result, -1);
    account(result, +1);
    target.result = std::move(result);
    target.linted = true;
}

void LintState::insertRows(int row, int count)
{
    if (count <= 0)
        return;
    row = qBound(0, row, this->count());
    m_rows.insert(row, count, Row());
}

void LintState::removeRows(int row, int count)
{
    if (row < 0 || count <= 0 || row >= this->count())
        return;
    count = qMin(count, this->count() - row);
    for (int i = row; i < row + count; ++i) {
        if (m_rows.at(i).linted)
            account(m_rows.at(i).result, -1);
    }
    m_rows.remove(row, count);
}

void LintState::moveRow(int from, int to)
{
    if (from < 0 || to < 0 || from >= count() || to >= count() || from == to)
        return;
    m_rows.move(from, to);
}

bool LintState::isLinted(int row) const
{
    return row >= 0 && row < count() && m_rows.at(row).linted;
}

QList<int> LintState::unlintedRows() const
{
    QList<int> rows;
    for (int row = 0; row < count(); ++row) {
        if (!m_rows.at(row).linted)
            rows.append(row);
    }
    return rows;
}

void LintState::setBom(bool bom)
{
    m_bom = bom;
}

QList<int> LintState::rowsWithDigest(quint64 digest) const
{
    QList<int> rows;
    if (digest == 0 || !m_digestCount.contains(digest))
        return rows;
    for (int row = 0; row < count(); ++row) {
        if (m_rows.at(row).result.digest == digest)
            rows.append(row);
    }
    return rows;
}

int LintState::duplicateOf(int row) const
{
    if (row < 0 || row >= count())
        return -1;
    const quint64 digest = m_rows.at(row).result.digest;
    // Counts are kept up to date on every change; only a repeated digest needs the scan.
    if (digest == 0 || m_digestCount.value(digest) < 2)
        return -1;
    for (int first = 0; first < row; ++first) {
        if (m_rows.at(first).result.digest == digest)
            return first;
    }
    return -1;
}

ExampleFormat LintState::mainFormat() const
{
    // The format most examples are in; on a tie, the format the file starts with.
    if (m_chatCount > m_preferenceCount)
        return ExampleFormat::Chat;
    if (m_preferenceCount > m_chatCount)
        return ExampleFormat::Preference;
    for (const Row &row : m_rows) {
        if (row.result.format != ExampleFormat::Unknown)
            return row.result.format;
    }
    return ExampleFormat::Unknown;
}

bool LintState::isMixedOut(ExampleFormat format) const
{
    return m_chatCount > 0 && m_preferenceCount > 0 && format != ExampleFormat::Unknown
            && format != mainFormat();
}

LintFindings LintState::derivedFindings(int row, int original) const
{
    LintFindings findings;
    const ExampleLint &result = m_rows.at(row).result;
    if (isMixedOut(result.format)) {
        LintFinding finding;
        finding.code = QStringLiteral("mixed_formats");
        const int others =
                result.format == ExampleFormat::Preference ? m_chatCount : m_preferenceCount;
        const QString advice = tr("A training file holds one format only: move it to a file of "
                                  "its own.");
        if (result.format == ExampleFormat::Preference)
            finding.message = (others == 1 ? tr("This example is in the preference (DPO) format, "
                                                "but 1 other example is a chat conversation.")
                                           : tr("This example is in the preference (DPO) format, "
                                                "but %1 other examples are chat conversations.")
                                                      .arg(others))
                    + u' ' + advice;
        else
            finding.message = (others == 1 ? tr("This example is a chat conversation, but 1 other "
                                                "example is in the preference (DPO) format.")
                                           : tr("This example is a chat conversation, but %1 other "
                                                "examples are in the preference (DPO) format.")
                                                      .arg(others))
                    + u' ' + advice;
        findings.append(finding);
    }
    if (original >= 0) {
        LintFinding finding;
        finding.severity = LintFinding::Severity::Warning;
        finding.code = QStringLiteral("duplicate_example");
        finding.message = tr("This example is the same as example %1. Repeating an example makes "
                             "the model learn it twice as hard; delete one or change it.")
                                  .arg(original + 1);
        findings.append(finding);
    }
    return findings;
}

LintFindings LintState::findings(int row) const
{
    if (row < 0 || row >= count())
        return {};
    return findingsOf(row, duplicateOf(row));
}

LintFindings LintState::findingsOf(int row, int original) const
{
    LintFindings findings = m_rows.at(row).result.findings;
    findings += derivedFindings(row, original);
    for (LintFinding &finding : findings)
        finding.line = row + 1;
    std::stable_sort(findings.begin(), findings.end(),
            [](const LintFinding &a, const LintFinding &b) { return a.isError() && !b.isError(); });
    return findings;
}

LintFindings LintState::fileFindings() const
{
    LintFindings findings;
    if (m_utf16)
        return {Linter::utf16Finding()};
    if (m_bom)
        findings.append(Linter::bomFinding());
    findings += Linter::countFindings(count());
    return findings;
}

LintFindings LintState::allFindings(int limit) const
{
    LintFindings findings = fileFindings();
    // One pass: the first row of each repeated digest, as met.
    QHash<quint64, int> firstRow;
    for (int row = 0; row < count(); ++row) {
        const quint64 digest = m_rows.at(row).result.digest;
        int original = -1;
        if (digest != 0 && m_digestCount.value(digest) > 1) {
            const auto it = firstRow.constFind(digest);
            if (it == firstRow.constEnd())
                firstRow.insert(digest, row);
            else
                original = it.value();
        }
        findings += findingsOf(row, original);
        // A duplicate's original is always an earlier row, so stopping early changes nothing
        // in what was collected.
        if (limit >= 0 && findings.size() >= limit)
            return findings.mid(0, limit);
    }
    return limit >= 0 ? findings.mid(0, limit) : findings;
}

int LintState::errorCount(int row) const
{
    int errors = 0;
    const LintFindings all = findings(row);
    for (const LintFinding &finding : all)
        errors += finding.isError() ? 1 : 0;
    return errors;
}

int LintState::warningCount(int row) const
{
    int warnings = 0;
    const LintFindings all = findings(row);
    for (const LintFinding &finding : all)
        warnings += finding.isError() ? 0 : 1;
    return warnings;
}

void LintState::issueCounts(QList<quint16> *errors, QList<quint16> *warnings) const
{
    errors->fill(0, count());
    warnings->fill(0, count());
    const ExampleFormat main = mainFormat();
    const bool mixed = m_chatCount > 0 && m_preferenceCount > 0;
    QSet<quint64> seen; // repeated digests met so far: later rows with them are duplicates
    for (int row = 0; row < count(); ++row) {
        const ExampleLint &result = m_rows.at(row).result;
        int e = 0;
        int w = 0;
        for (const LintFinding &finding : result.findings)
            (finding.isError() ? e : w) += 1;
        if (result.digest != 0 && m_digestCount.value(result.digest) > 1) {
            if (seen.contains(result.digest))
                ++w;
            else
                seen.insert(result.digest);
        }
        if (mixed && result.format != ExampleFormat::Unknown && result.format != main)
            ++e;
        (*errors)[row] = quint16(qMin(e, 65535));
        (*warnings)[row] = quint16(qMin(w, 65535));
    }
}

int LintState::totalErrors() const
{
    QList<quint16> errors;
    QList<quint16> warnings;
    issueCounts(&errors, &warnings);
    int total = 0;
    for (const quint16 e : std::as_const(errors))
        total += e;
    for (const LintFinding &finding : fileFindings())
        total += finding.isError() ? 1 : 0;
    return total;
}

int LintState::totalWarnings() const
{
    QList<quint16> errors;
    QList<quint16> warnings;
    issueCounts(&errors, &warnings);
    int total = 0;
    for (const quint16 w : std::as_const(warnings))
        total += w;
    for (const LintFinding &finding : fileFindings())
        total += finding.isError() ? 0 : 1;
    return total;
}

} // namespace fs
