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
