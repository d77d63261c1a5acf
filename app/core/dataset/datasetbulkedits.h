// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace fs {

class BackgroundTask;
class DatasetDocument;
struct RowPatch;

/// Find and replace over message texts (and DPO outputs).
struct FindReplaceOptions
{
    QString find;
    QString replace;
    Qt::CaseSensitivity caseSensitivity = Qt::CaseInsensitive;
    bool wholeWords = false;
    QString role; ///< only messages with this role; empty: every role
};

/**
 * @brief Changes to many examples of a DatasetDocument at once: the system prompt of all (or
 * the selected) examples, find and replace, and counting matches.
 *
 * Each change is one undo step (a PatchRowsCommand, which keeps only the bytes that differ in
 * each row). The examples are parsed and rewritten on all cores; the Async variants do that on
 * a BackgroundTask and redo the work on the current examples when the document was edited
 * meanwhile. Owned by the document; the document's bulk functions forward here.
 */
class DatasetBulkEdits : public QObject
{
    Q_OBJECT
public:
    explicit DatasetBulkEdits(DatasetDocument *document);
    /// Waits for a running change (its result is dropped).
    ~DatasetBulkEdits() override;

    int setSystemPrompt(const QString &text, const QList<int> &rows);
    int findReplace(const FindReplaceOptions &options, const QList<int> &rows);
    void setSystemPromptAsync(const QString &text, const QList<int> &rows);
    void findReplaceAsync(const FindReplaceOptions &options, const QList<int> &rows);
    bool isRunning() const;
    int countMatches(const FindReplaceOptions &options, const QList<int> &rows) const;
    /// Turns each patched row into its line after (`forward`) or before the change, on all
    /// cores (the undo step's redo and undo; the document emits the change).
    void applyPatches(const QList<RowPatch> &patches, bool forward);

    struct Result;
    struct Edit;

private:
    int runNow(
            const QList<int> &rows, const Edit &edit, const std::function<QString(int)> &undoText);
    int push(Result result, const QString &text);
    void start(QList<int> targets, std::shared_ptr<const Edit> edit,
            std::function<QString(int)> undoText);

    DatasetDocument *m_document;
    BackgroundTask *m_task;
};

} // namespace fs
