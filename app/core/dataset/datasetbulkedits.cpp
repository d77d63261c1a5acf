// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetbulkedits.h"

#include "backgroundtask.h"
#include "datasetcommands.h"
#include "datasetdocument.h"
#include "parallelfor.h"
#include "workpool.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>
#include <QUndoStack>
#include <algorithm>
#include <atomic>
#include <optional>
#include <vector>

namespace fs {

using Row = DatasetDocument::Row;

namespace {

QRegularExpression findPattern(const FindReplaceOptions &options)
{
    QString pattern = QRegularExpression::escape(options.find);
    if (options.wholeWords)
        pattern = QStringLiteral("\\b") + pattern + QStringLiteral("\\b");
    QRegularExpression::PatternOptions flags = QRegularExpression::UseUnicodePropertiesOption;
    if (options.caseSensitivity == Qt::CaseInsensitive)
        flags |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(pattern, flags);
    re.optimize(); // compile now, not lazily inside the worker threads
    return re;
}

// Replaces (or only counts when replacement is null) matches in `text`; the replacement is
// literal (no back-references).
int replaceIn(QString &text, const QRegularExpression &re, const QString *replacement)
{
    int n = 0;
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength() == 0)
            continue;
        ++n;
        if (replacement) {
            out += QStringView(text).mid(last, m.capturedStart() - last);
            out += *replacement;
            last = m.capturedEnd();
        }
    }
    if (replacement && n) {
        out += QStringView(text).mid(last);
        text = out;
    }
    return n;
}

int replaceInMessage(Message &message, const QRegularExpression &re, const QString *replacement,
        const QString &role)
{
    if (!message.isObject() || (!role.isEmpty() && message.role() != role))
        return 0;
    const QJsonValue content = message.content();
    if (content.isString()) {
        QString text = content.toString();
        const int n = replaceIn(text, re, replacement);
        if (n && replacement)
            message.setText(text);
        return n;
    }
    if (!content.isArray())
        return 0;
    QJsonArray parts = content.toArray();
    int total = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QJsonObject part = parts.at(i).toObject();
        if (part.value(QLatin1String("type")).toString() != QLatin1String("text"))
            continue;
        QString text = part.value(QLatin1String("text")).toString();
        const int n = replaceIn(text, re, replacement);
        if (n && replacement) {
            part.insert(QStringLiteral("text"), text);
            parts.replace(i, part);
        }
        total += n;
    }
    if (total && replacement)
        message.setContent(parts);
    return total;
}

// Applies find (and replace) to a list of messages; returns the match count.
int replaceInMessages(Messages &messages, const QRegularExpression &re, const QString *replacement,
        const QString &role)
{
    int n = 0;
    for (Message &m : messages)
        n += replaceInMessage(m, re, replacement, role);
    return n;
}

// Applies find (and replace) to every message of an example; returns the match count.
int replaceInExample(Example &example, const QRegularExpression &re, const QString *replacement,
        const QString &role)
{
    Messages messages = example.messages();
    int total = replaceInMessages(messages, re, replacement, role);
    if (total && replacement)
        example.setMessages(messages);
    if (example.isPreference()) {
        Messages preferred = example.preferredOutput();
        int n = replaceInMessages(preferred, re, replacement, role);
        if (n && replacement)
            example.setPreferredOutput(preferred);
        total += n;
        Messages nonPreferred = example.nonPreferredOutput();
        n = replaceInMessages(nonPreferred, re, replacement, role);
        if (n && replacement)
            example.setNonPreferredOutput(nonPreferred);
        total += n;
    }
    return total;
}

// One row of "set the system prompt"; nullopt when it does not change.
std::optional<Row> systemPromptEdit(const Row &old, const QString &text,
        const DatasetDocument::TokenCounter &counter, int *count)
{
    Example e = Example::fromLine(old.record.line);
    if (!e.isChat() && !e.isPreference())
        return std::nullopt;
    Messages messages = e.messages();
    qsizetype system = -1;
    for (qsizetype m = 0; m < messages.size(); ++m) {
        if (messages.at(m).role() == QLatin1String("system")) {
            system = m;
            break;
        }
    }
    if (text.isEmpty()) {
        // An empty prompt removes the system message.
        if (system < 0)
            return std::nullopt;
        messages.removeAt(system);
    } else if (system < 0) {
        messages.prepend(Message(QStringLiteral("system"), text));
    } else {
        if (messages.at(system).isTextContent() && messages.at(system).text() == text)
            return std::nullopt;
        messages[system].setText(text);
    }
    e.setMessages(messages);
    *count = 1;
    return DatasetDocument::editedRow(old, e, counter);
}

std::optional<Row> replaceEdit(const Row &old, const QRegularExpression &re,
        const FindReplaceOptions &options, const DatasetDocument::TokenCounter &counter, int *count)
{
    Example e = Example::fromLine(old.record.line);
    const int n = replaceInExample(e, re, &options.replace, options.role);
    if (!n)
        return std::nullopt;
    *count = n;
    return DatasetDocument::editedRow(old, e, counter);
}

QString systemPromptUndoText(const QString &text, int n)
{
    if (text.isEmpty())
        return n == 1 ? DatasetDocument::tr("Remove the system prompt from 1 example")
                      : DatasetDocument::tr("Remove the system prompt from %1 examples").arg(n);
    return n == 1 ? DatasetDocument::tr("Set the system prompt of 1 example")
                  : DatasetDocument::tr("Set the system prompt of %1 examples").arg(n);
}

QString replaceUndoText(const FindReplaceOptions &options, int n)
{
    return n == 1 ? DatasetDocument::tr("Replace “%1” (once)").arg(options.find)
                  : DatasetDocument::tr("Replace “%1” (%2 times)").arg(options.find).arg(n);
}

} // namespace

/// What one bulk change does to one row: the changed row, or nullopt when it stays as it is;
/// `count` is what the operation counts (changed examples, replacements).
struct DatasetBulkEdits::Edit
{
    std::function<std::optional<Row>(const Row &, int *count)> apply;
};

struct DatasetBulkEdits::Result
{
    QList<RowPatch> patches; ///< what changed (the undo step keeps it; its redo applies it)
    int count = 0; ///< changed examples or replacements, as the operation counts
};

namespace {

std::shared_ptr<const DatasetBulkEdits::Edit> systemPromptEditFor(
        const QString &text, const DatasetDocument::TokenCounter &counter)
{
    return std::make_shared<const DatasetBulkEdits::Edit>(
            DatasetBulkEdits::Edit {[text, counter](const Row &old, int *count) {
                return systemPromptEdit(old, text, counter, count);
            }});
}

std::shared_ptr<const DatasetBulkEdits::Edit> replaceEditFor(
        const FindReplaceOptions &options, const DatasetDocument::TokenCounter &counter)
{
    return std::make_shared<const DatasetBulkEdits::Edit>(DatasetBulkEdits::Edit {
            [options, re = findPattern(options), counter](const Row &old, int *count) {
                return replaceEdit(old, re, options, counter, count);
            }});
}

// The edit applied to `rows` (the rows `targets` of the document) on all cores. Only what
// changed is kept: the new lines in full would double the memory of a change to every row.
DatasetBulkEdits::Result runBulk(const QList<int> &targets, const QList<Row> &rows,
        const DatasetBulkEdits::Edit &edit, QThreadPool *pool)
{
    ParallelOptions options;
    options.pool = pool;
    // One array of patches, filled in place and then closed up (a second copy of 100,000
    // patches would cost a sixth of the file).
    DatasetBulkEdits::Result result;
    result.patches.resize(targets.size());
    RowPatch *patches = result.patches.data();
    std::vector<int> counts(size_t(targets.size()), 0);
    std::vector<char> changed(size_t(targets.size()), 0);
    parallelFor(
            targets.size(),
            [&](qsizetype i) {
                const size_t k = size_t(i);
                if (const std::optional<Row> after = edit.apply(rows.at(i), &counts[k])) {
                    patches[i] = RowPatch::between(targets.at(i), rows.at(i), *after);
                    changed[k] = 1;
                }
            },
            options);
    qsizetype kept = 0;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (!changed[size_t(i)])
            continue;
        if (kept != i)
            patches[kept] = std::move(patches[i]);
        ++kept;
        result.count += counts[size_t(i)];
    }
    result.patches.resize(kept);
    return result;
}

QList<Row> rowsAt(const DatasetDocument &document, const QList<int> &targets)
{
    QList<Row> rows;
    rows.reserve(targets.size());
    for (const int t : targets)
        rows.append(document.rowAt(t));
    return rows;
}

} // namespace

DatasetBulkEdits::DatasetBulkEdits(DatasetDocument *document)
    : QObject(document)
    , m_document(document)
    , m_task(new BackgroundTask(this))
{
    m_task->setThreadPool(workPool());
    // Out of memory halfway: nothing changed.
    connect(m_task, &BackgroundTask::failed, this, [this] { emit m_document->bulkFinished(0); });
}

DatasetBulkEdits::~DatasetBulkEdits()
{
    m_task->cancelAndWait();
}

bool DatasetBulkEdits::isRunning() const
{
    return m_task->isRunning();
}

int DatasetBulkEdits::push(Result result, const QString &text)
{
    if (result.patches.isEmpty())
        return 0;
    m_document->undoStack()->push(
            new PatchRowsCommand(m_document, text, std::move(result.patches)));
    return result.count;
}

int DatasetBulkEdits::runNow(
        const QList<int> &rows, const Edit &edit, const std::function<QString(int)> &undoText)
{
    if (m_document->isLoading())
        return 0;
    const QList<int> targets = m_document->normalizedRows(rows);
    Result result = runBulk(targets, rowsAt(*m_document, targets), edit, workPool());
    const int count = result.count;
    return push(std::move(result), undoText(count));
}

int DatasetBulkEdits::setSystemPrompt(const QString &text, const QList<int> &rows)
{
    return runNow(rows, *systemPromptEditFor(text, m_document->m_tokenCounter),
            [text](int n) { return systemPromptUndoText(text, n); });
}

int DatasetBulkEdits::findReplace(const FindReplaceOptions &options, const QList<int> &rows)
{
    if (options.find.isEmpty())
        return 0;
    return runNow(rows, *replaceEditFor(options, m_document->m_tokenCounter),
            [options](int n) { return replaceUndoText(options, n); });
}

void DatasetBulkEdits::setSystemPromptAsync(const QString &text, const QList<int> &rows)
{
    start(m_document->normalizedRows(rows), systemPromptEditFor(text, m_document->m_tokenCounter),
            [text](int n) { return systemPromptUndoText(text, n); });
}

void DatasetBulkEdits::findReplaceAsync(const FindReplaceOptions &options, const QList<int> &rows)
{
    if (options.find.isEmpty()) {
        emit m_document->bulkFinished(0);
        return;
    }
    start(m_document->normalizedRows(rows), replaceEditFor(options, m_document->m_tokenCounter),
            [options](int n) { return replaceUndoText(options, n); });
}

void DatasetBulkEdits::start(
        QList<int> targets, std::shared_ptr<const Edit> edit, std::function<QString(int)> undoText)
{
    if (m_task->isRunning() || m_document->isLoading()) {
        emit m_document->bulkFinished(-1);
        return;
    }
    // Rows by id, so that the work can be redone if the document changes meanwhile.
    QSet<quint64> ids;
    ids.reserve(targets.size());
    for (const int t : std::as_const(targets))
        ids.insert(m_document->exampleId(t));
    const quint64 generation = m_document->m_generation;
    m_task->start(
            [targets, rows = std::make_shared<QList<Row>>(rowsAt(*m_document, targets)), edit,
                    pool = workPool()](TaskControl &) {
                Result result = runBulk(targets, *rows, *edit, pool);
                // Let go of the lines before the change now, not whenever the pool deletes this
                // work: applying the change must free each old line as it writes the new one.
                rows->clear();
                return result;
            },
            [this, ids, edit, undoText, generation](Result result) {
                if (generation != m_document->m_generation) {
                    // Edited meanwhile: compute again on what the document is now.
                    QList<int> targets;
                    for (int row = 0; row < m_document->count(); ++row) {
                        if (ids.contains(m_document->exampleId(row)))
                            targets.append(row);
                    }
                    start(targets, edit, undoText);
                    return;
                }
                const int count = result.count;
                emit m_document->bulkFinished(push(std::move(result), undoText(count)));
            });
}

int DatasetBulkEdits::countMatches(const FindReplaceOptions &find, const QList<int> &rows) const
{
    if (find.find.isEmpty())
        return 0;
    const QRegularExpression re = findPattern(find);
    const QList<int> targets = m_document->normalizedRows(rows);
    std::atomic_int total {0};
    ParallelOptions options;
    options.pool = workPool();
    parallelFor(
            targets.size(),
            [&](qsizetype i) {
                Example e = Example::fromLine(m_document->line(targets.at(i)));
                total.fetch_add(
                        replaceInExample(e, re, nullptr, find.role), std::memory_order_relaxed);
            },
            options);
    return total.load();
}

void DatasetBulkEdits::applyPatches(const QList<RowPatch> &patches, bool forward)
{
    // Detached once here, so that the workers each write their own rows of one array.
    Row *rows = m_document->m_rows.data();
    ParallelOptions options;
    options.pool = workPool();
    parallelFor(
            patches.size(),
            [&](qsizetype i) {
                const RowPatch &p = patches.at(i);
                Row &r = rows[p.row];
                p.applyTo(r.record.line, forward);
                r.summary = forward ? p.summaryAfter : p.summaryBefore;
                r.edited = forward || p.editedBefore;
            },
            options);
}

} // namespace fs
