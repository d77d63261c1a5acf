// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetdocument.h"

#include "datasetautosave.h"
#include "datasetcommands.h"
#include "datasetloader.h"
#include "datasetrecovery.h"
#include "datasetsaver.h"

#include <QCache>
#include <QFileInfo>
#include <QHash>
#include <QUndoStack>
#include <algorithm>

namespace fs {

struct DatasetDocument::Cache
{
    // A few hundred parsed examples: what the editor shows and the linter re-checks.
    QCache<quint64, Example> examples {256};
};

namespace {

constexpr int kMergeText = 1;
constexpr int kMergePreferred = 2;
constexpr int kMergeNonPreferred = 3;

/// A preference answer whose (first) message has `text`; an empty answer gets one.
Messages withAnswerText(Messages answer, const QString &text)
{
    if (answer.isEmpty())
        answer.append(Message(QStringLiteral("assistant"), QString()));
    answer[0].setText(text);
    return answer;
}

} // namespace

DatasetDocument::DatasetDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
    , m_cache(std::make_unique<Cache>())
{
    m_loader = new DatasetLoader(this);
    m_saver = new DatasetSaver(this);
    m_autosave = new DatasetAutosave(this);
    m_bulk = new DatasetBulkEdits(this);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &DatasetDocument::onStackChanged);
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &DatasetDocument::onStackChanged);
}

DatasetDocument::~DatasetDocument()
{
    // Each part waits for its worker thread, which reads the rows: before the rows go away.
    delete m_loader;
    delete m_bulk;
    delete m_saver;
    const QString recoveryFile = recoveryFilePath();
    delete m_autosave;
    // A normal close: unsaved work was either saved or deliberately dropped.
    DatasetRecovery::discard(recoveryFile);
}

QString DatasetDocument::displayName() const
{
    if (m_filePath.isEmpty())
        return tr("Untitled");
    return QFileInfo(m_filePath).fileName();
}

bool DatasetDocument::isModified() const
{
    return m_forcedModified || !m_undoStack->isClean();
}

void DatasetDocument::onStackChanged()
{
    const bool modified = isModified();
    if (modified != m_lastModified) {
        m_lastModified = modified;
        emit modifiedChanged(modified);
    }
    m_autosave->documentChanged(modified);
}

void DatasetDocument::invalidateCache() const
{
    m_cache->examples.clear();
}

void DatasetDocument::clear()
{
    cancelLoad();
    m_autosave->discard();
    resetContents({});
    if (!m_filePath.isEmpty()) {
        m_filePath.clear();
        emit filePathChanged(m_filePath);
    }
}

void DatasetDocument::resetContents(JsonlContents contents)
{
    ++m_generation;
    emit aboutToReset();
    m_rows.clear();
    m_rows.reserve(contents.records.size());
    for (qsizetype i = 0; i < contents.records.size(); ++i) {
        Row r;
        r.record = std::move(contents.records[i]);
        r.summary = std::move(contents.summaries[i]);
        r.id = m_nextId++;
        m_rows.append(std::move(r));
    }
    m_bom = contents.bom;
    m_trailing = contents.trailing;
    m_loadIssues = contents.issues;
    m_lineEnding = LineEnd::Lf;
    if (!m_rows.isEmpty() && m_rows.first().record.end != LineEnd::None)
        m_lineEnding = m_rows.first().record.end;
    invalidateCache();
    m_forcedModified = false;
    m_undoStack->clear();
    m_undoStack->setClean();
    emit reset();
    onStackChanged();
}

DatasetError DatasetDocument::open(const QString &path)
{
    DatasetError error;
    JsonlContents contents = JsonlReader::readFile(path, &error);
    if (error.isError())
        return error;
    cancelLoad();
    m_autosave->discard();
    resetContents(std::move(contents));
    m_filePath = path;
    emit filePathChanged(m_filePath);
    return {};
}

void DatasetDocument::openAsync(const QString &path)
{
    cancelLoad();
    m_autosave->discard();
    resetContents({});
    m_filePath = path;
    emit filePathChanged(m_filePath);
    m_loader->start(path);
}

void DatasetDocument::appendLoaded(QList<JsonlRecord> records, QList<ExampleSummary> summaries)
{
    ++m_generation;
    if (records.isEmpty())
        return;
    const int first = int(m_rows.size());
    const int last = first + int(records.size()) - 1;
    emit examplesAboutToBeInserted(first, last);
    for (qsizetype i = 0; i < records.size(); ++i) {
        Row r;
        r.record = std::move(records[i]);
        r.summary = std::move(summaries[i]);
        r.id = m_nextId++;
        m_rows.append(std::move(r));
    }
    if (first == 0 && m_rows.first().record.end != LineEnd::None)
        m_lineEnding = m_rows.first().record.end;
    emit examplesInserted(first, last);
}

void DatasetDocument::cancelLoad()
{
    m_loader->cancel();
}

bool DatasetDocument::isLoading() const
{
    return m_loader->isLoading();
}

QByteArray DatasetDocument::toBytes() const
{
    QList<JsonlRecord> records;
    records.reserve(m_rows.size());
    for (const Row &r : m_rows)
        records.append(r.record);
    return JsonlWriter::serialize(m_bom, records, m_trailing, m_lineEnding);
}

DatasetError DatasetDocument::save()
{
    if (m_filePath.isEmpty())
        return DatasetError::make(DatasetError::Kind::NotWritable, tr("Untitled"));
    return saveAs(m_filePath);
}

DatasetError DatasetDocument::saveAs(const QString &path)
{
    return m_saver->saveAs(path);
}

void DatasetDocument::saveAsync(const QString &path)
{
    m_saver->saveAsync(path);
}

bool DatasetDocument::isSaving() const
{
    return m_saver->isSaving();
}

DatasetError DatasetDocument::saveCopy(const QString &path) const
{
    return m_saver->saveCopy(path);
}

Example DatasetDocument::example(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return Example();
    const Row &r = m_rows.at(row);
    if (const Example *cached = m_cache->examples.object(r.id))
        return *cached;
    auto *parsed = new Example(Example::fromLine(r.record.line));
    const Example copy = *parsed;
    m_cache->examples.insert(r.id, parsed);
    return copy;
}

QByteArray DatasetDocument::line(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).record.line : QByteArray();
}

const ExampleSummary &DatasetDocument::summary(int row) const
{
    static const ExampleSummary empty;
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).summary : empty;
}

quint64 DatasetDocument::exampleId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int DatasetDocument::rowOfId(quint64 id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

int DatasetDocument::sourceLine(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).record.sourceLine : 0;
}

bool DatasetDocument::isEdited(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).edited;
}

bool DatasetDocument::hasCrLf() const
{
    for (const Row &r : m_rows) {
        if (r.record.end == LineEnd::CrLf || r.record.leading.contains('\r'))
            return true;
    }
    return m_trailing.contains('\r');
}

bool DatasetDocument::hasBlankLines() const
{
    for (const Row &r : m_rows) {
        if (!r.record.leading.isEmpty())
            return true;
    }
    return !m_trailing.isEmpty();
}

DatasetSnapshot DatasetDocument::snapshot() const
{
    DatasetSnapshot s;
    s.lines.reserve(m_rows.size());
    s.ids.reserve(m_rows.size());
    for (const Row &r : m_rows) {
        s.lines.append(r.record.line);
        s.ids.append(r.id);
    }
    return s;
}

QList<int> DatasetDocument::normalizedRows(const QList<int> &rows) const
{
    QList<int> result;
    if (rows.isEmpty()) {
        result.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            result.append(i);
        return result;
    }
    for (const int r : rows) {
        if (r >= 0 && r < m_rows.size())
            result.append(r);
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

int DatasetDocument::countMatches(const FindReplaceOptions &options, const QList<int> &rows) const
{
    return m_bulk->countMatches(options, rows);
}

// ---- edits ----------------------------------------------------------------------------------

bool DatasetDocument::editable(int row) const
{
    return !isLoading() && row >= 0 && row < m_rows.size();
}

DatasetDocument::Row DatasetDocument::editedRow(
        const Row &old, const Example &example, const TokenCounter &counter)
{
    Row r = old;
    r.record.line = example.toLine();
    r.summary = ExampleSummary::of(example);
    // An undo step keeps both summaries: share the preview when it did not change.
    if (r.summary.preview == old.summary.preview)
        r.summary.preview = old.summary.preview;
    r.summary.errors = old.summary.errors;
    r.summary.warnings = old.summary.warnings;
    if (counter)
        counter(example, &r.summary.tokens, &r.summary.assistantTokens);
    r.edited = true;
    return r;
}

DatasetDocument::Row DatasetDocument::makeRow(const Example &example) const
{
    Row r;
    r.record.line = example.toLine();
    r.record.end = m_lineEnding;
    r.summary = ExampleSummary::of(example);
    if (m_tokenCounter)
        m_tokenCounter(example, &r.summary.tokens, &r.summary.assistantTokens);
    r.id = m_nextId++;
    r.edited = true;
    return r;
}

void DatasetDocument::pushEdit(
        int row, const Example &example, const QString &text, int mergeKind, int mergeIndex)
{
    if (!editable(row) || example == this->example(row))
        return;
    const Row &old = m_rows.at(row);
    qint64 mergeKey = -1;
    if (mergeKind >= 0)
        mergeKey = (qint64(row) << 24) | (qint64(mergeKind) << 20) | (mergeIndex & 0xFFFFF);
    m_undoStack->push(new ReplaceRowsCommand(
            this, text, {row}, {old}, {editedRow(old, example, m_tokenCounter)}, mergeKey));
}

void DatasetDocument::setExample(int row, const Example &example, const QString &undoText)
{
    pushEdit(row, example, undoText.isEmpty() ? tr("Edit example %1").arg(row + 1) : undoText);
}

void DatasetDocument::setMessage(int row, int index, const Message &message)
{
    editMessage(row, index, tr("Edit message %1").arg(index + 1), [&](Message &m) { m = message; });
}

void DatasetDocument::setMessageRole(int row, int index, const QString &role)
{
    // The weight only applies to assistant turns; keep it so switching back restores it.
    editMessage(
            row, index, tr("Change role to %1").arg(role), [&](Message &m) { m.setRole(role); });
}

void DatasetDocument::setMessageText(int row, int index, const QString &text)
{
    editMessage(
            row, index, tr("Typing"),
            [&](Message &m) {
                if (!m.isTextContent() || m.text() != text)
                    m.setText(text);
            },
            kMergeText, index);
}

void DatasetDocument::setMessageWeight(int row, int index, std::optional<int> weight)
{
    editMessage(row, index,
            weight && *weight == 0 ? tr("Don't train on message %1").arg(index + 1)
                                   : tr("Train on message %1").arg(index + 1),
            [&](Message &m) { m.setWeight(weight); });
}

void DatasetDocument::editMessage(int row, int index, const QString &text,
        const std::function<void(Message &)> &change, int mergeKind, int mergeIndex)
{
    editExample(
            row, text,
            [&](Example &e) {
                if (index < 0 || index >= e.messageCount())
                    return;
                Message m = e.message(index);
                change(m);
                e.setMessage(index, m);
            },
            mergeKind, mergeIndex);
}

void DatasetDocument::editExample(int row, const QString &text,
        const std::function<void(Example &)> &change, int mergeKind, int mergeIndex)
{
    if (!editable(row))
        return;
    Example e = example(row);
    change(e);
    pushEdit(row, e, text, mergeKind, mergeIndex);
}

void DatasetDocument::setMessageName(int row, int index, const QString &name)
{
    editMessage(row, index, tr("Change name"), [&](Message &m) { m.setName(name); });
}

void DatasetDocument::setMessageToolCalls(int row, int index, const QJsonArray &toolCalls)
{
    editMessage(row, index, tr("Edit tool calls"), [&](Message &m) { m.setToolCalls(toolCalls); });
}

void DatasetDocument::setMessageToolCallId(int row, int index, const QString &id)
{
    editMessage(row, index, tr("Edit tool call id"), [&](Message &m) { m.setToolCallId(id); });
}

void DatasetDocument::insertMessage(int row, int index, const Message &message)
{
    editExample(row, tr("Add message"), [&](Example &e) {
        if (index >= 0 && index <= e.messageCount())
            e.insertMessage(index, message);
    });
}

void DatasetDocument::appendMessage(int row, const Message &message)
{
    if (!editable(row))
        return;
    insertMessage(row, example(row).messageCount(), message);
}

void DatasetDocument::removeMessage(int row, int index)
{
    editExample(row, tr("Delete message %1").arg(index + 1), [&](Example &e) {
        if (index >= 0 && index < e.messageCount())
            e.removeMessage(index);
    });
}

void DatasetDocument::moveMessage(int row, int from, int to)
{
    editExample(row, tr("Move message"), [&](Example &e) { e.moveMessage(from, to); });
}

void DatasetDocument::setTools(int row, const QJsonArray &tools)
{
    editExample(row, tr("Edit tools"), [&](Example &e) { e.setTools(tools); });
}

void DatasetDocument::setParallelToolCalls(int row, std::optional<bool> value)
{
    editExample(row, tr("Change parallel tool calls"),
            [&](Example &e) { e.setParallelToolCalls(value); });
}

void DatasetDocument::setPreferredOutput(int row, const Message &message)
{
    editExample(
            row, tr("Edit preferred answer"), [&](Example &e) { e.setPreferredOutput({message}); });
}

void DatasetDocument::setNonPreferredOutput(int row, const Message &message)
{
    editExample(row, tr("Edit non-preferred answer"),
            [&](Example &e) { e.setNonPreferredOutput({message}); });
}

void DatasetDocument::setPreferredText(int row, const QString &text)
{
    editExample(
            row, tr("Typing"),
            [&](Example &e) { e.setPreferredOutput(withAnswerText(e.preferredOutput(), text)); },
            kMergePreferred, 0);
}

void DatasetDocument::setNonPreferredText(int row, const QString &text)
{
    editExample(
            row, tr("Typing"),
            [&](Example &e) {
                e.setNonPreferredOutput(withAnswerText(e.nonPreferredOutput(), text));
            },
            kMergeNonPreferred, 0);
}

int DatasetDocument::appendExample(const Example &example)
{
    if (isLoading())
        return -1;
    insertExample(count(), example);
    return count() - 1;
}

void DatasetDocument::insertExample(int row, const Example &example)
{
    insertExamples(row, {example}, tr("Add example"));
}

void DatasetDocument::insertExamples(
        int row, const QList<Example> &examples, const QString &undoText)
{
    if (isLoading() || row < 0 || row > m_rows.size() || examples.isEmpty())
        return;
    QList<Row> rows;
    rows.reserve(examples.size());
    for (const Example &e : examples)
        rows.append(makeRow(e));
    m_undoStack->push(new InsertRowsCommand(this,
            undoText.isEmpty() ? (
                    rows.size() == 1 ? tr("Add 1 example") : tr("Add %1 examples").arg(rows.size()))
                               : undoText,
            row, rows));
}

Example DatasetDocument::starterExample(const QString &system)
{
    Messages messages;
    if (!system.isEmpty())
        messages << Message(QStringLiteral("system"), system);
    messages << Message(QStringLiteral("user"), QString())
             << Message(QStringLiteral("assistant"), QString());
    Example example;
    example.setMessages(messages);
    return example;
}

bool DatasetDocument::isUntouchedNew() const
{
    return m_filePath.isEmpty() && !isLoading() && m_rows.size() == 1
            && example(0) == starterExample();
}

int DatasetDocument::importExamples(const QList<Example> &examples, const QString &undoText)
{
    if (isLoading() || examples.isEmpty())
        return -1;
    if (!isUntouchedNew()) {
        const int first = count();
        insertExamples(first, examples, undoText);
        return first;
    }
    m_undoStack->beginMacro(undoText);
    removeExamples({0});
    insertExamples(0, examples, undoText);
    m_undoStack->endMacro();
    return 0;
}

void DatasetDocument::removeExample(int row)
{
    removeExamples({row});
}

void DatasetDocument::removeExamples(const QList<int> &rows)
{
    if (isLoading() || rows.isEmpty())
        return;
    const QList<int> sorted = normalizedRows(rows);
    if (sorted.isEmpty())
        return;
    m_undoStack->push(new RemoveRowsCommand(this,
            (sorted.size() == 1 ? tr("Delete 1 example")
                                : tr("Delete %1 examples").arg(sorted.size())),
            sorted));
}

void DatasetDocument::moveExample(int from, int to)
{
    if (isLoading() || from == to || from < 0 || to < 0 || from >= m_rows.size()
            || to >= m_rows.size())
        return;
    m_undoStack->push(new MoveRowCommand(this, tr("Move example"), from, to));
}

int DatasetDocument::duplicateExample(int row)
{
    if (!editable(row))
        return -1;
    Row copy = m_rows.at(row);
    copy.id = m_nextId++;
    copy.record.leading.clear();
    copy.record.sourceLine = 0;
    copy.record.end = m_lineEnding;
    copy.edited = true;
    m_undoStack->push(new InsertRowsCommand(this, tr("Duplicate example"), row + 1, {copy}));
    return row + 1;
}

// ---- bulk --------------------------------------------------------------------------------------

int DatasetDocument::setSystemPrompt(const QString &text, const QList<int> &rows)
{
    return m_bulk->setSystemPrompt(text, rows);
}

int DatasetDocument::findReplace(const FindReplaceOptions &options, const QList<int> &rows)
{
    return m_bulk->findReplace(options, rows);
}

void DatasetDocument::setSystemPromptAsync(const QString &text, const QList<int> &rows)
{
    m_bulk->setSystemPromptAsync(text, rows);
}

void DatasetDocument::findReplaceAsync(const FindReplaceOptions &options, const QList<int> &rows)
{
    m_bulk->findReplaceAsync(options, rows);
}

bool DatasetDocument::isBulkRunning() const
{
    return m_bulk->isRunning();
}

void DatasetDocument::setHasBom(bool bom)
{
    if (isLoading() || bom == m_bom)
        return;
    m_undoStack->push(new SetBomCommand(
            this, bom ? tr("Add byte order mark") : tr("Remove byte order mark"), bom));
}

void DatasetDocument::normalizeLineEndings(LineEnd end)
{
    if (isLoading() || end == LineEnd::None)
        return;
    LayoutCommand::Layout before, after;
    before.trailing = m_trailing;
    before.lineEnding = m_lineEnding;
    after.lineEnding = end;
    bool changed = !m_trailing.isEmpty() || m_lineEnding != end;
    for (const Row &r : std::as_const(m_rows)) {
        before.leading.append(r.record.leading);
        before.ends.append(r.record.end);
        after.leading.append(QByteArray());
        const LineEnd e = r.record.end == LineEnd::None ? LineEnd::None : end;
        after.ends.append(e);
        changed = changed || !r.record.leading.isEmpty() || e != r.record.end;
    }
    if (!changed)
        return;
    m_undoStack->push(new LayoutCommand(this, tr("Normalize line endings"), before, after));
}

// ---- used by the commands --------------------------------------------------------------------

void DatasetDocument::replaceRowsInternal(const QList<int> &rows, const QList<Row> &values)
{
    ++m_generation;
    // The cache holds a few examples: for a bulk change emptying it beats two look-ups a row.
    const bool clearCache = rows.size() > 64;
    if (clearCache)
        m_cache->examples.clear();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const int row = rows.at(i);
        if (!clearCache)
            m_cache->examples.remove(m_rows.at(row).id);
        m_rows[row] = values.at(i);
        if (!clearCache)
            m_cache->examples.remove(values.at(i).id);
    }
    emitRowsChanged(rows);
}

void DatasetDocument::patchRowsInternal(const QList<RowPatch> &patches, bool forward)
{
    ++m_generation;
    m_cache->examples.clear(); // ids stay, contents change
    m_bulk->applyPatches(patches, forward);
    QList<int> rows;
    rows.reserve(patches.size());
    for (const RowPatch &p : patches)
        rows.append(p.row);
    emitRowsChanged(rows);
}

void DatasetDocument::emitRowsChanged(const QList<int> &rows)
{
    if (rows.size() == 1) {
        emit exampleChanged(rows.constFirst());
    } else if (!rows.isEmpty()) {
        const auto [first, last] = std::minmax_element(rows.cbegin(), rows.cend());
        emit examplesChanged(*first, *last);
    }
}

void DatasetDocument::insertRowsInternal(int row, const QList<Row> &values)
{
    ++m_generation;
    if (values.isEmpty())
        return;
    emit examplesAboutToBeInserted(row, row + int(values.size()) - 1);
    m_rows.insert(row, values.size(), Row());
    for (qsizetype i = 0; i < values.size(); ++i)
        m_rows[row + i] = values.at(i);
    emit examplesInserted(row, row + int(values.size()) - 1);
}

void DatasetDocument::removeRowsInternal(int first, int count)
{
    ++m_generation;
    if (count <= 0)
        return;
    emit examplesAboutToBeRemoved(first, first + count - 1);
    for (int i = first; i < first + count; ++i)
        m_cache->examples.remove(m_rows.at(i).id);
    m_rows.remove(first, count);
    emit examplesRemoved(first, first + count - 1);
}

void DatasetDocument::moveRowInternal(int from, int to)
{
    ++m_generation;
    const int destination = to > from ? to + 1 : to;
    emit examplesAboutToBeMoved(from, from, destination);
    m_rows.move(from, to);
    emit examplesMoved(from, from, destination);
}

void DatasetDocument::setBomInternal(bool bom)
{
    m_bom = bom;
}

void DatasetDocument::setLayoutInternal(const QList<QByteArray> &leading,
        const QList<LineEnd> &ends, const QByteArray &trailing, LineEnd lineEnding)
{
    for (qsizetype i = 0; i < m_rows.size() && i < leading.size(); ++i) {
        m_rows[i].record.leading = leading.at(i);
        m_rows[i].record.end = ends.at(i);
    }
    m_trailing = trailing;
    m_lineEnding = lineEnding;
}

// ---- background results ----------------------------------------------------------------------

void DatasetDocument::setTokenCounts(int row, int tokens, int assistantTokens)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].summary.tokens = tokens;
    m_rows[row].summary.assistantTokens = assistantTokens;
    emit summariesChanged(row, row);
}

void DatasetDocument::setTokenCounts(const QList<quint64> &ids, const QList<qint32> &tokens,
        const QList<qint32> &assistantTokens)
{
    if (storeTokenCounts(ids, tokens, assistantTokens))
        emit summariesChanged(0, int(m_rows.size()) - 1);
}

bool DatasetDocument::storeTokenCounts(const QList<quint64> &ids, const QList<qint32> &tokens,
        const QList<qint32> &assistantTokens)
{
    if (ids.size() != tokens.size() || ids.size() != assistantTokens.size() || m_rows.isEmpty())
        return false;
    QHash<quint64, qsizetype> index;
    index.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        index.insert(ids.at(i), i);
    for (Row &r : m_rows) {
        const auto it = index.constFind(r.id);
        if (it == index.constEnd())
            continue;
        r.summary.tokens = tokens.at(it.value());
        r.summary.assistantTokens = assistantTokens.at(it.value());
    }
    return true;
}

void DatasetDocument::setIssueCounts(int row, int errors, int warnings)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].summary.errors = quint16(qBound(0, errors, 65535));
    m_rows[row].summary.warnings = quint16(qBound(0, warnings, 65535));
    emit summariesChanged(row, row);
}

void DatasetDocument::setIssueCounts(const QList<quint16> &errors, const QList<quint16> &warnings)
{
    if (storeIssueCounts(errors, warnings))
        emit summariesChanged(0, int(m_rows.size()) - 1);
}

bool DatasetDocument::storeIssueCounts(const QList<quint16> &errors, const QList<quint16> &warnings)
{
    if (errors.size() != m_rows.size() || warnings.size() != m_rows.size() || m_rows.isEmpty())
        return false;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        m_rows[i].summary.errors = errors.at(i);
        m_rows[i].summary.warnings = warnings.at(i);
    }
    return true;
}

void DatasetDocument::setIssueAndTokenCounts(const QList<quint16> &errors,
        const QList<quint16> &warnings, const QList<quint64> &ids, const QList<qint32> &tokens,
        const QList<qint32> &assistantTokens)
{
    const bool issues = storeIssueCounts(errors, warnings);
    const bool counted = storeTokenCounts(ids, tokens, assistantTokens);
    if (issues || counted)
        emit summariesChanged(0, int(m_rows.size()) - 1);
}

void DatasetDocument::setTokenCounter(TokenCounter counter)
{
    m_tokenCounter = std::move(counter);
}

// ---- autosave and recovery ----------------------------------------------------------------------

void DatasetDocument::setAutosaveDelay(int delayMs)
{
    m_autosave->setDelay(delayMs);
}

void DatasetDocument::setRecoveryDirectory(const QString &dir)
{
    m_autosave->setDirectory(dir);
}

QString DatasetDocument::recoveryFilePath() const
{
    return m_autosave->recoveryFilePath();
}

DatasetError DatasetDocument::writeRecoveryFile()
{
    return m_autosave->writeNow();
}

DatasetError DatasetDocument::restoreFrom(const QString &recoveryFile, const QString &originalPath)
{
    return m_autosave->restoreFrom(recoveryFile, originalPath);
}

DatasetError DatasetDocument::recover(const RecoveryFile &file)
{
    return m_autosave->recover(file);
}

} // namespace fs
