// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datasetdocument.h"

#include <QUndoCommand>

namespace fs {

/// Replaces whole rows (content edits, bulk edits). Typing commands merge by (row, key).
class ReplaceRowsCommand : public QUndoCommand
{
public:
    static constexpr int kTypingId = 0x4653;
    ReplaceRowsCommand(DatasetDocument *document, const QString &text, QList<int> rows,
            QList<DatasetDocument::Row> before, QList<DatasetDocument::Row> after,
            qint64 mergeKey = -1);
    void undo() override;
    void redo() override;
    int id() const override { return m_mergeKey >= 0 ? kTypingId : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    DatasetDocument *m_document;
    QList<int> m_rows;
    QList<DatasetDocument::Row> m_before;
    QList<DatasetDocument::Row> m_after;
    qint64 m_mergeKey;
};

/**
 * @brief What a change to many rows did to one row, without either line in full: the bytes
 * between the start and the end both lines share, before and after, and both summaries.
 *
 * Setting the system prompt of 100,000 examples keeps a few dozen bytes a row in the undo
 * stack instead of a second copy of every line. A line the app would write differently (other
 * spacing or escapes) differs almost everywhere once re-serialised: it keeps both whole lines,
 * shared with the document's rows, as a whole-row replacement does.
 */
struct RowPatch
{
    int row = 0;
    qsizetype prefix = 0; ///< bytes both lines start with (0 with suffix 0: whole lines)
    qsizetype suffix = 0; ///< bytes both lines end with (not overlapping the prefix)
    QByteArray before; ///< the middle of the line before the change
    QByteArray after; ///< the middle of the line after the change
    ExampleSummary summaryBefore;
    ExampleSummary summaryAfter;
    bool editedBefore = false;

    static RowPatch between(
            int row, const DatasetDocument::Row &before, const DatasetDocument::Row &after);
    /// Turns `line`, the line before (`forward`) or after the change, into the other one.
    void applyTo(QByteArray &line, bool forward) const;
};

/// A change to many rows (bulk edits) that keeps only what changed (RowPatch).
class PatchRowsCommand : public QUndoCommand
{
public:
    PatchRowsCommand(DatasetDocument *document, const QString &text, QList<RowPatch> patches);
    void undo() override;
    void redo() override;
    const QList<RowPatch> &patches() const { return m_patches; }

private:
    DatasetDocument *m_document;
    QList<RowPatch> m_patches;
};

/// Inserts rows at one position.
class InsertRowsCommand : public QUndoCommand
{
public:
    InsertRowsCommand(DatasetDocument *document, const QString &text, int row,
            QList<DatasetDocument::Row> rows);
    void undo() override;
    void redo() override;

private:
    DatasetDocument *m_document;
    int m_row;
    QList<DatasetDocument::Row> m_rows;
};

/// Removes any set of rows (kept for undo with their ids and layout).
class RemoveRowsCommand : public QUndoCommand
{
public:
    RemoveRowsCommand(DatasetDocument *document, const QString &text, QList<int> sortedRows);
    void undo() override;
    void redo() override;

private:
    DatasetDocument *m_document;
    QList<int> m_rowsAscending;
    QList<DatasetDocument::Row> m_removed;
};

class MoveRowCommand : public QUndoCommand
{
public:
    MoveRowCommand(DatasetDocument *document, const QString &text, int from, int to);
    void undo() override;
    void redo() override;

private:
    DatasetDocument *m_document;
    int m_from;
    int m_to;
};

class SetBomCommand : public QUndoCommand
{
public:
    SetBomCommand(DatasetDocument *document, const QString &text, bool bom);
    void undo() override;
    void redo() override;

private:
    DatasetDocument *m_document;
    bool m_bom;
};

/// Changes every record's leading blanks and line ending, and the trailing blanks.
class LayoutCommand : public QUndoCommand
{
public:
    struct Layout
    {
        QList<QByteArray> leading;
        QList<LineEnd> ends;
        QByteArray trailing;
        LineEnd lineEnding = LineEnd::Lf;
    };
    LayoutCommand(DatasetDocument *document, const QString &text, Layout before, Layout after);
    void undo() override;
    void redo() override;

private:
    DatasetDocument *m_document;
    Layout m_before;
    Layout m_after;
};

} // namespace fs
