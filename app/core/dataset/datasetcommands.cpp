// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetcommands.h"

#include <algorithm>

namespace fs {

ReplaceRowsCommand::ReplaceRowsCommand(DatasetDocument *document, const QString &text,
        QList<int> rows, QList<DatasetDocument::Row> before, QList<DatasetDocument::Row> after,
        qint64 mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_rows(std::move(rows))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{
}

void ReplaceRowsCommand::undo()
{
    m_document->replaceRowsInternal(m_rows, m_before);
}

void ReplaceRowsCommand::redo()
{
    m_document->replaceRowsInternal(m_rows, m_after);
}

bool ReplaceRowsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ReplaceRowsCommand *>(other);
    if (o->m_mergeKey != m_mergeKey || o->m_rows != m_rows)
        return false;
    m_after = o->m_after;
    return true;
}

RowPatch RowPatch::between(
        int row, const DatasetDocument::Row &before, const DatasetDocument::Row &after)
{
    const QByteArray &a = before.record.line;
    const QByteArray &b = after.record.line;
    const qsizetype shorter = std::min(a.size(), b.size());
    RowPatch p;
    p.row = row;
    p.summaryBefore = before.summary;
    p.summaryAfter = after.summary;
    p.editedBefore = before.edited;
    while (p.prefix < shorter && a.at(p.prefix) == b.at(p.prefix))
        ++p.prefix;
    while (p.suffix < shorter - p.prefix
            && a.at(a.size() - 1 - p.suffix) == b.at(b.size() - 1 - p.suffix))
        ++p.suffix;
    if (2 * (p.prefix + p.suffix) < a.size()) {
        // Written differently from how the app writes it (other spacing or escapes): the whole
        // lines, shared with the rows, cost less than two middles of almost their size.
        p.prefix = p.suffix = 0;
        p.before = a;
        p.after = b;
        return p;
    }
    p.before = a.mid(p.prefix, a.size() - p.prefix - p.suffix);
    p.after = b.mid(p.prefix, b.size() - p.prefix - p.suffix);
    return p;
}

void RowPatch::applyTo(QByteArray &line, bool forward) const
{
    const QByteArray &middle = forward ? after : before;
    if (prefix == 0 && suffix == 0) {
        line = middle; // a whole line: shared, not copied
        return;
    }
    // In place: the line's own buffer is moved and grown (realloc), not a new one allocated
    // beside it, so changing 100,000 lines does not hold them twice.
    line.replace(prefix, line.size() - prefix - suffix, middle);
}

PatchRowsCommand::PatchRowsCommand(
        DatasetDocument *document, const QString &text, QList<RowPatch> patches)
    : QUndoCommand(text)
    , m_document(document)
    , m_patches(std::move(patches))
{
}

void PatchRowsCommand::undo()
{
    m_document->patchRowsInternal(m_patches, false);
}

void PatchRowsCommand::redo()
{
    m_document->patchRowsInternal(m_patches, true);
}

InsertRowsCommand::InsertRowsCommand(
        DatasetDocument *document, const QString &text, int row, QList<DatasetDocument::Row> rows)
    : QUndoCommand(text)
    , m_document(document)
    , m_row(row)
    , m_rows(std::move(rows))
{
}

void InsertRowsCommand::undo()
{
    m_document->removeRowsInternal(m_row, int(m_rows.size()));
}

void InsertRowsCommand::redo()
{
    m_document->insertRowsInternal(m_row, m_rows);
}

RemoveRowsCommand::RemoveRowsCommand(
        DatasetDocument *document, const QString &text, QList<int> sortedRows)
    : QUndoCommand(text)
    , m_document(document)
    , m_rowsAscending(std::move(sortedRows))
{
    m_removed.reserve(m_rowsAscending.size());
    for (const int row : std::as_const(m_rowsAscending))
        m_removed.append(m_document->rowAt(row));
}

void RemoveRowsCommand::redo()
{
    // Contiguous runs from the end, so earlier indices stay valid.
    qsizetype i = m_rowsAscending.size() - 1;
    while (i >= 0) {
        qsizetype j = i;
        while (j > 0 && m_rowsAscending.at(j - 1) == m_rowsAscending.at(j) - 1)
            --j;
        m_document->removeRowsInternal(m_rowsAscending.at(j), int(i - j + 1));
        i = j - 1;
    }
}

void RemoveRowsCommand::undo()
{
    qsizetype i = 0;
    while (i < m_rowsAscending.size()) {
        qsizetype j = i;
        while (j + 1 < m_rowsAscending.size()
                && m_rowsAscending.at(j + 1) == m_rowsAscending.at(j) + 1)
            ++j;
        m_document->insertRowsInternal(m_rowsAscending.at(i), m_removed.mid(i, j - i + 1));
        i = j + 1;
    }
}

MoveRowCommand::MoveRowCommand(DatasetDocument *document, const QString &text, int from, int to)
    : QUndoCommand(text)
    , m_document(document)
    , m_from(from)
    , m_to(to)
{
}

void MoveRowCommand::undo()
{
    m_document->moveRowInternal(m_to, m_from);
}

void MoveRowCommand::redo()
{
    m_document->moveRowInternal(m_from, m_to);
}

SetBomCommand::SetBomCommand(DatasetDocument *document, const QString &text, bool bom)
    : QUndoCommand(text)
    , m_document(document)
    , m_bom(bom)
{
}

void SetBomCommand::undo()
{
    m_document->setBomInternal(!m_bom);
}

void SetBomCommand::redo()
{
    m_document->setBomInternal(m_bom);
}

LayoutCommand::LayoutCommand(
        DatasetDocument *document, const QString &text, Layout before, Layout after)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void LayoutCommand::undo()
{
    m_document->setLayoutInternal(
            m_before.leading, m_before.ends, m_before.trailing, m_before.lineEnding);
}

void LayoutCommand::redo()
{
    m_document->setLayoutInternal(
            m_after.leading, m_after.ends, m_after.trailing, m_after.lineEnding);
}

} // namespace fs
