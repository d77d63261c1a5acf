// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "datasetbulkedits.h"
#include "dataseterror.h"
#include "example.h"
#include "jsonl.h"

#include <QList>
#include <QObject>
#include <QPointer> // kept for includers that rely on it (datasetstatistics.h)
#include <QString>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <optional>

namespace fs {

class DatasetAutosave;
class DatasetLoader;
class DatasetSaver;
struct RecoveryFile;
struct RowPatch;

/// A consistent copy of the document's lines for background work (cheap: implicitly shared).
struct DatasetSnapshot
{
    QList<QByteArray> lines; ///< one per example (row order)
    QList<quint64> ids; ///< DatasetDocument::exampleId() of each row
};

/**
 * @brief An open training file: its examples and the undo stack.
 *
 * The document holds the rows and makes every edit one undo step. Reading and writing the file,
 * autosave and crash recovery, and changes to many examples at once live in their own classes,
 * which the document owns and its functions forward to: DatasetLoader (openAsync()),
 * DatasetSaver (save(), saveAsync(): the save queue and when the document counts as modified
 * after a save), DatasetAutosave (the recovery file) and DatasetBulkEdits (system prompt, find
 * and replace).
 *
 * Memory: a row keeps the raw line bytes plus an ExampleSummary; example(row) parses on demand
 * with a small cache, so 100 MB files stay well under 3× their size. Unedited lines are written
 * back exactly as read (byte-identical round trip); an edited example is re-serialised
 * (Example::toLine()).
 *
 * Every edit is one QUndoCommand on undoStack() with a translated text; consecutive typing in one
 * message field merges into one step. The modified state is !undoStack()->isClean() (plus
 * structural changes like a finished restore); a save marks the stack clean unless the document
 * was edited while it was written (DatasetSaver).
 *
 * Rows are example indices (0-based). Finding line numbers are row + 1 for files without blank
 * lines; sourceLine(row) gives the physical line in the file as opened.
 *
 * Signals come in about-to/done pairs so that ExamplesModel can forward them to views
 * incrementally. All methods must be called from the document's thread (the GUI thread).
 */
class DatasetDocument : public QObject
{
    Q_OBJECT
public:
    explicit DatasetDocument(QObject *parent = nullptr);
    ~DatasetDocument() override;

    // ---- file -------------------------------------------------------------------------------
    QString filePath() const { return m_filePath; }
    /// "name.jsonl" or a translated "Untitled" for a new document.
    QString displayName() const;
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undoStack; }

    /// Empties the document (a new, untitled dataset); clears the undo stack.
    void clear();
    /// Opens synchronously (CLI, tests, small files). Invalid lines are kept and listed in
    /// loadIssues(); only a file that can't be read at all is an error (the document is then
    /// left unchanged).
    DatasetError open(const QString &path);
    /// Opens in a background thread: the document is cleared at once, examples appear in batches
    /// (examplesInserted) — the first within a fraction of a second — loadProgress() reports bytes,
    /// loadFinished() ends it (with a Cancelled error after cancelLoad(), keeping what was read).
    /// Edits are refused (ignored) while loading.
    void openAsync(const QString &path);
    void cancelLoad();
    bool isLoading() const;
    /// Lines that were not valid JSON when opened.
    QList<JsonlIssue> loadIssues() const { return m_loadIssues; }

    /// Saves to filePath() atomically; the original is untouched on failure.
    DatasetError save();
    /// Saves to another path; on success the document's path becomes `path`.
    DatasetError saveAs(const QString &path);
    /// Saves in a worker thread (a 100 MB file takes longer than the GUI may block): returns at
    /// once, saveFinished() follows; on success it acts like saveAs(path) (empty: filePath()).
    /// Edits made meanwhile (even when undone again) stay marked as unsaved. A call while
    /// saving is queued: it runs once the running save has succeeded, if there is then
    /// something new to write (the latest call's path wins).
    void saveAsync(const QString &path = {});
    /// A save runs or waits for its turn.
    bool isSaving() const;
    /// Writes the document somewhere without changing its path or clean state.
    DatasetError saveCopy(const QString &path) const;
    /// The bytes save() would write.
    QByteArray toBytes() const;

    // ---- reading ----------------------------------------------------------------------------
    int count() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    /// The example at `row`, parsed on demand (cached).
    Example example(int row) const;
    QByteArray line(int row) const;
    const ExampleSummary &summary(int row) const;
    /// A stable id for the example at `row` (survives moves, inserts elsewhere, undo/redo).
    quint64 exampleId(int row) const;
    /// The row of an id, or -1 (linear search; fine for occasional use).
    int rowOfId(quint64 id) const;
    int sourceLine(int row) const; ///< 0 for examples added since opening
    bool isEdited(int row) const; ///< re-serialised since opening
    bool hasBom() const { return m_bom; }
    /// The line ending of the file (the first line's), used for new lines.
    LineEnd lineEnding() const { return m_lineEnding; }
    bool hasCrLf() const; ///< any line ends with CRLF
    bool hasBlankLines() const;
    DatasetSnapshot snapshot() const;
    /// Occurrences of options.find in the message texts of `rows` (empty: all).
    int countMatches(const FindReplaceOptions &options, const QList<int> &rows = {}) const;

    // ---- edits: each call is one undo step; out-of-range indices are ignored ------------------
    void setExample(int row, const Example &example, const QString &undoText = {});
    void setMessage(int row, int index, const Message &message);
    void setMessageRole(int row, int index, const QString &role);
    /// Consecutive calls for the same message merge into one undo step ("Typing").
    void setMessageText(int row, int index, const QString &text);
    void setMessageWeight(int row, int index, std::optional<int> weight);
    void setMessageName(int row, int index, const QString &name);
    void setMessageToolCalls(int row, int index, const QJsonArray &toolCalls);
    void setMessageToolCallId(int row, int index, const QString &id);
    void insertMessage(int row, int index, const Message &message); ///< index == count appends
    void appendMessage(int row, const Message &message);
    void removeMessage(int row, int index);
    void moveMessage(int row, int from, int to);
    void setTools(int row, const QJsonArray &tools);
    void setParallelToolCalls(int row, std::optional<bool> value);
    // Preference (DPO): the single preferred / non-preferred answer.
    void setPreferredOutput(int row, const Message &message);
    void setNonPreferredOutput(int row, const Message &message);
    /// Consecutive calls for the same answer merge (typing).
    void setPreferredText(int row, const QString &text);
    void setNonPreferredText(int row, const QString &text);

    /// Appends (returns the new row).
    int appendExample(const Example &example = Example());
    void insertExample(int row, const Example &example);
    void insertExamples(int row, const QList<Example> &examples, const QString &undoText = {});
    void removeExample(int row);
    void removeExamples(const QList<int> &rows); ///< any order, duplicates ignored
    /// What a new example starts as: a question and its answer, both empty, after `system`
    /// instructions when given.
    static Example starterExample(const QString &system = {});
    /// A new, untitled document whose only example is still the blank starter (nothing typed).
    bool isUntouchedNew() const;
    /// Adds imported examples at the end as one undo step `undoText`; in an untouched new
    /// document they replace the blank starter example (in the same step). Returns the row of
    /// the first imported example, -1 when nothing was added.
    int importExamples(const QList<Example> &examples, const QString &undoText);
    void moveExample(int from, int to); ///< to is the final row of the moved example
    /// Inserts a copy right after `row`; returns the copy's row (-1 if out of range).
    int duplicateExample(int row);

    // ---- bulk (one undo step each) ------------------------------------------------------------
    /// Sets the system message of each example in `rows` (empty: all): replaces the text of the
    /// first system message, or inserts one at the top. Returns how many examples changed.
    int setSystemPrompt(const QString &text, const QList<int> &rows = {});
    /// Replaces text in message contents of `rows` (empty: all); returns the replacement count.
    int findReplace(const FindReplaceOptions &options, const QList<int> &rows = {});

    /// The same in a worker thread, for big datasets: returns at once; bulkFinished() follows
    /// with the count (after the one undo step was pushed). Edits made meanwhile are allowed: the
    /// work is then redone on the current examples. -1 when another bulk action is running.
    void setSystemPromptAsync(const QString &text, const QList<int> &rows = {});
    void findReplaceAsync(const FindReplaceOptions &options, const QList<int> &rows = {});
    bool isBulkRunning() const;

    // ---- normalisations (undoable; only when asked for) -----------------------------------------
    void setHasBom(bool bom);
    /// Converts every line ending to `end` and removes blank lines (one step).
    void normalizeLineEndings(LineEnd end = LineEnd::Lf);

    // ---- results of background work (not undoable; not a modification) ------------------------
    void setTokenCounts(int row, int tokens, int assistantTokens);
    /// Token counts by example id (rows that are gone are skipped); one summariesChanged.
    void setTokenCounts(const QList<quint64> &ids, const QList<qint32> &tokens,
            const QList<qint32> &assistantTokens);
    void setIssueCounts(int row, int errors, int warnings);
    /// Sets every row's counts from lists aligned with the rows (size must equal count()).
    void setIssueCounts(const QList<quint16> &errors, const QList<quint16> &warnings);
    /// Both of the above in one go, with a single summariesChanged (each one costs every
    /// filter and view a pass over all rows).
    void setIssueAndTokenCounts(const QList<quint16> &errors, const QList<quint16> &warnings,
            const QList<quint64> &ids, const QList<qint32> &tokens,
            const QList<qint32> &assistantTokens);

    /// Counts the tokens of one example: called for edited examples so their summary stays
    /// current. Null by default (tokens stay -1 until a background count).
    using TokenCounter = std::function<void(const Example &, qint32 *tokens, qint32 *assistant)>;
    void setTokenCounter(TokenCounter counter);

    // ---- autosave -----------------------------------------------------------------------------
    /// Writes unsaved work to a recovery file `delayMs` after the last change (in a worker
    /// thread). 0 disables. Default: 30 s (FS_AUTOSAVE_MS in the environment overrides it). The
    /// folder defaults to DatasetRecovery::directory().
    void setAutosaveDelay(int delayMs);
    void setRecoveryDirectory(const QString &dir);
    /// The recovery file of this document (it may not exist).
    QString recoveryFilePath() const;
    /// Writes the recovery file now (synchronously); used by tests and before risky actions.
    DatasetError writeRecoveryFile();
    /// Replaces the contents with a recovery file's examples: the document keeps `originalPath`
    /// as its path and is marked modified. The recovery file itself is left for the caller.
    DatasetError restoreFrom(const QString &recoveryFile, const QString &originalPath);
    /// restoreFrom() an abandoned recovery file, which then becomes this document's own (so it
    /// survives a second crash and is removed on save, close or discard).
    DatasetError recover(const RecoveryFile &file);

signals:
    void aboutToReset();
    void reset();
    void examplesAboutToBeInserted(int first, int last);
    void examplesInserted(int first, int last);
    void examplesAboutToBeRemoved(int first, int last);
    void examplesRemoved(int first, int last);
    void examplesAboutToBeMoved(
            int first, int last, int destination); ///< destination as Qt's moveRows
    void examplesMoved(int first, int last, int destination);
    /// The content of one example changed (an edit, undo or redo).
    void exampleChanged(int row);
    /// The content of several examples in [first, last] changed at once (a bulk edit, its undo
    /// or redo); rows in between may be unchanged. Sent instead of one exampleChanged per row,
    /// which costs far too much for 100,000 rows.
    void examplesChanged(int first, int last);
    /// Summaries changed without content changes (token or issue counts).
    void summariesChanged(int first, int last);
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);
    void loadProgress(qint64 bytesRead, qint64 bytesTotal);
    void loadFinished(const fs::DatasetError &error);
    void saved(const QString &path);
    /// After saveAsync(): a null error on success (saved() was emitted before).
    void saveFinished(const fs::DatasetError &error);
    /// After setSystemPromptAsync() / findReplaceAsync(): examples changed or replacements made.
    void bulkFinished(int count);
    void autosaved(const QString &recoveryFile);

public:
    // ---- used by the undo commands (datasetcommands.cpp); not for views ------------------------
    struct Row
    {
        JsonlRecord record;
        ExampleSummary summary;
        quint64 id = 0;
        bool edited = false;
    };
    Row makeRow(const Example &example) const;
    /// `old` holding `example` (re-serialised, summary and tokens counted again); thread-safe.
    static Row editedRow(const Row &old, const Example &example, const TokenCounter &counter);
    Row rowAt(int row) const { return m_rows.at(row); }
    void replaceRowsInternal(const QList<int> &rows, const QList<Row> &values);
    void insertRowsInternal(int row, const QList<Row> &values);
    void removeRowsInternal(int first, int count);
    void moveRowInternal(int from, int to);
    void setBomInternal(bool bom);
    void setLayoutInternal(const QList<QByteArray> &leading, const QList<LineEnd> &ends,
            const QByteArray &trailing, LineEnd lineEnding);
    /// Each patched row to its state after (`forward`) or before a bulk change.
    void patchRowsInternal(const QList<RowPatch> &patches, bool forward);

private:
    friend class DatasetAutosave;
    friend class DatasetBulkEdits;
    friend class DatasetLoader;
    friend class DatasetSaver;

    void resetContents(JsonlContents contents);
    void appendLoaded(QList<JsonlRecord> records, QList<ExampleSummary> summaries);
    void onStackChanged();
    void invalidateCache() const;
    /// Tells views which rows changed (one exampleChanged, or one examplesChanged range).
    void emitRowsChanged(const QList<int> &rows);
    bool storeTokenCounts(const QList<quint64> &ids, const QList<qint32> &tokens,
            const QList<qint32> &assistantTokens);
    bool storeIssueCounts(const QList<quint16> &errors, const QList<quint16> &warnings);
    bool editable(int row) const;
    /// One undoable change to one example (ignored for an unknown row or when nothing changed).
    void editExample(int row, const QString &text, const std::function<void(Example &)> &change,
            int mergeKind = -1, int mergeIndex = -1);
    /// One undoable change to one message of one example (ignored for an unknown row/index).
    void editMessage(int row, int index, const QString &text,
            const std::function<void(Message &)> &change, int mergeKind = -1, int mergeIndex = -1);
    /// Pushes one undo step replacing `row` with `example`; mergeKind >= 0 makes typing merge.
    void pushEdit(int row, const Example &example, const QString &text, int mergeKind = -1,
            int mergeIndex = -1);
    QList<int> normalizedRows(const QList<int> &rows) const;

    QUndoStack *m_undoStack = nullptr;
    QString m_filePath;
    QList<Row> m_rows;
    QList<JsonlIssue> m_loadIssues;
    QByteArray m_trailing;
    bool m_bom = false;
    LineEnd m_lineEnding = LineEnd::Lf;
    mutable quint64 m_nextId = 1;
    bool m_lastModified = false;
    bool m_forcedModified = false;
    TokenCounter m_tokenCounter;
    quint64 m_generation = 0; ///< bumped by every change of the rows
    struct Cache;
    std::unique_ptr<Cache> m_cache;
    // The parts (children of the document, deleted first in the destructor).
    DatasetLoader *m_loader = nullptr;
    DatasetSaver *m_saver = nullptr;
    DatasetAutosave *m_autosave = nullptr;
    DatasetBulkEdits *m_bulk = nullptr;
};

} // namespace fs
