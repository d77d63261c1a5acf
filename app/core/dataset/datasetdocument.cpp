// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetdocument.h"

#include "datasetcommands.h"
#include "datasetrecovery.h"
#include "linter.h"

#include <QCache>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <atomic>
#include <optional>
#include <vector>

namespace fs {

struct DatasetDocument::Cache
{
    // A few hundred parsed examples: what the editor shows and the linter re-checks.
    QCache<quint64, Example> examples {256};
};

struct DatasetDocument::LoadState
{
    std::atomic_bool cancelled {false};
    bool done = false; ///< GUI thread only
    QString path;
};

namespace {

constexpr int kMergeText = 1;
constexpr int kMergePreferred = 2;
constexpr int kMergeNonPreferred = 3;

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

// Applies find (and replace) to every message of an example; returns the match count.
int replaceInExample(Example &example, const QRegularExpression &re, const QString *replacement,
        const QString &role)
{
    int total = 0;
    Messages messages = example.messages();
    int n = 0;
    for (Message &m : messages)
        n += replaceInMessage(m, re, replacement, role);
    if (n && replacement)
        example.setMessages(messages);
    total += n;
    if (example.isPreference()) {
        Messages preferred = example.preferredOutput();
        n = 0;
        for (Message &m : preferred)
            n += replaceInMessage(m, re, replacement, role);
        if (n && replacement)
            example.setPreferredOutput(preferred);
        total += n;
        Messages nonPreferred = example.nonPreferredOutput();
        n = 0;
        for (Message &m : nonPreferred)
            n += replaceInMessage(m, re, replacement, role);
        if (n && replacement)
            example.setNonPreferredOutput(nonPreferred);
        total += n;
    }
    return total;
}

// Runs fn(i) for i in [0, n) on all cores; bulk edits over 100,000 examples are parse-bound.
template<typename Fn>
void parallelFor(qsizetype n, Fn fn)
{
    const int threads = std::clamp(QThread::idealThreadCount(), 1, 8);
    if (threads == 1 || n < 512) {
        for (qsizetype i = 0; i < n; ++i)
            fn(i);
        return;
    }
    QList<QThread *> workers;
    const qsizetype per = (n + threads - 1) / threads;
    for (int t = 0; t < threads; ++t) {
        const qsizetype from = t * per;
        const qsizetype to = std::min(n, from + per);
        if (from >= to)
            break;
        QThread *thread = QThread::create([from, to, &fn] {
            for (qsizetype i = from; i < to; ++i)
                fn(i);
        });
        thread->start();
        workers.append(thread);
    }
    for (QThread *thread : std::as_const(workers)) {
        thread->wait();
        delete thread;
    }
}

} // namespace

DatasetDocument::DatasetDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
    , m_autosaveTimer(new QTimer(this))
    , m_cache(std::make_unique<Cache>())
{
    m_autosaveTimer->setSingleShot(true);
    connect(m_autosaveTimer, &QTimer::timeout, this, [this] {
        if (!isModified() || isLoading())
            return;
        if (m_autosaveThread) { // the previous write is still running
            scheduleAutosave();
            return;
        }
        const QString path = recoveryFilePath();
        // The session's lock tells a later start whether this run is still alive.
        if (!DatasetRecovery::claimSession(QFileInfo(path).absolutePath()))
            return;
        QList<JsonlRecord> records;
        records.reserve(m_rows.size());
        for (const Row &r : std::as_const(m_rows))
            records.append(r.record);
        const bool bom = m_bom;
        const QByteArray trailing = m_trailing;
        const LineEnd end = m_lineEnding;
        const QByteArray meta = DatasetRecovery::sidecarFor(m_filePath, int(m_rows.size()));
        auto ok = std::make_shared<bool>(false);
        // Writing a big dataset takes longer than the GUI may block: do it in a thread.
        // The sidecar first: a recovery file is only looked at with its sidecar, so a crash
        // between the two writes never leaves one that can't be offered.
        m_autosaveThread = QThread::create([path, records, bom, trailing, end, meta, ok] {
            if (JsonlWriter::saveBytes(DatasetRecovery::sidecarPath(path), meta).isError())
                return;
            *ok = !JsonlWriter::save(path, bom, records, trailing, end).isError();
        });
        connect(m_autosaveThread, &QThread::finished, this, [this, path, ok] {
            m_autosaveThread->deleteLater();
            m_autosaveThread = nullptr;
            if (*ok)
                emit autosaved(path);
        });
        m_autosaveThread->start(QThread::LowPriority);
    });
    // A hidden hook for tests that kill a real process: autosave sooner than a person would.
    if (const int ms = qEnvironmentVariableIntValue("FS_AUTOSAVE_MS"); ms > 0)
        m_autosaveDelay = ms;
    connect(m_undoStack, &QUndoStack::indexChanged, this, &DatasetDocument::onStackChanged);
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &DatasetDocument::onStackChanged);
}

DatasetDocument::~DatasetDocument()
{
    if (m_load)
        m_load->cancelled = true;
    if (m_loadThread) {
        m_loadThread->wait();
        delete m_loadThread;
    }
    if (m_autosaveThread) {
        m_autosaveThread->wait();
        delete m_autosaveThread;
    }
    if (m_saveThread) {
        m_saveThread->wait();
        delete m_saveThread;
    }
    if (m_bulkThread) {
        m_bulkThread->wait();
        delete m_bulkThread;
    }
    // A normal close: unsaved work was either saved or deliberately dropped.
    DatasetRecovery::discard(recoveryFilePath());
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
    if (modified) {
        scheduleAutosave();
    } else {
        m_autosaveTimer->stop();
        if (!m_autosaveThread)
            DatasetRecovery::discard(recoveryFilePath());
    }
}

void DatasetDocument::scheduleAutosave()
{
    if (m_autosaveDelay > 0)
        m_autosaveTimer->start(m_autosaveDelay);
}

void DatasetDocument::invalidateCache() const
{
    m_cache->examples.clear();
}

void DatasetDocument::clear()
{
    cancelLoad();
    DatasetRecovery::discard(recoveryFilePath());
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
    DatasetRecovery::discard(recoveryFilePath());
    resetContents(std::move(contents));
    m_filePath = path;
    emit filePathChanged(m_filePath);
    return {};
}

void DatasetDocument::openAsync(const QString &path)
{
    cancelLoad();
    DatasetRecovery::discard(recoveryFilePath());
    resetContents({});
    m_filePath = path;
    emit filePathChanged(m_filePath);

    auto state = std::make_shared<LoadState>();
    state->path = path;
    m_load = state;
    m_loadThread = QThread::create([this, state, path] {
        QFile file(path);
        auto post = [this, state](QList<JsonlRecord> records, QList<ExampleSummary> summaries,
                            bool bom, qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                    this,
                    [this, state, records = std::move(records), summaries = std::move(summaries),
                            bom, done, total]() mutable {
                        if (m_load != state)
                            return;
                        m_bom = bom;
                        appendLoaded(std::move(records), std::move(summaries));
                        emit loadProgress(done, total);
                    },
                    Qt::QueuedConnection);
        };
        auto finish = [this, state](
                              DatasetError error, QList<JsonlIssue> issues, QByteArray trailing) {
            QMetaObject::invokeMethod(
                    this,
                    [this, state, error, issues = std::move(issues),
                            trailing = std::move(trailing)] {
                        if (m_load != state)
                            return;
                        m_loadIssues = issues;
                        m_trailing = trailing;
                        finishLoad(error);
                    },
                    Qt::QueuedConnection);
        };
        DatasetError openError;
        if (!DatasetError::openForReading(file, &openError)) {
            finish(openError, {}, {});
            return;
        }
        const qint64 total = file.size();
        qint64 done = 0;
        JsonlReader reader;
        QElapsedTimer sincePost;
        sincePost.start();
        bool first = true;
        QList<JsonlRecord> records;
        QList<ExampleSummary> summaries;
        // Until a read gives nothing, not until atEnd(): files in /proc say their size is 0.
        while (!state->cancelled) {
            // A small first chunk so the first examples show at once.
            const QByteArray chunk = file.read(first ? (128 << 10) : (1 << 20));
            if (first && Linter::looksLikeUtf16(chunk)) {
                finish(DatasetError::utf16(path), {}, {});
                return;
            }
            if (chunk.isEmpty()) {
                if (file.error() != QFile::NoError) {
                    finish(DatasetError::make(
                                   DatasetError::Kind::Unreadable, path, file.errorString()),
                            reader.takeIssues(), {});
                    return;
                }
                break;
            }
            done += chunk.size();
            reader.addData(chunk);
            if (first || sincePost.elapsed() >= 40) {
                reader.takeRecords(&records, &summaries);
                post(std::move(records), std::move(summaries), reader.hasBom(), done, total);
                records = {};
                summaries = {};
                sincePost.restart();
                first = false;
            }
        }
        const bool cancelled = state->cancelled;
        if (!cancelled)
            reader.finish();
        reader.takeRecords(&records, &summaries);
        post(std::move(records), std::move(summaries), reader.hasBom(), done, total);
        finish(cancelled ? DatasetError::make(DatasetError::Kind::Cancelled, path) : DatasetError(),
                reader.takeIssues(), reader.trailing());
    });
    m_loadThread->start();
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

void DatasetDocument::finishLoad(const DatasetError &error)
{
    if (m_load)
        m_load->done = true;
    if (m_loadThread) {
        m_loadThread->wait();
        delete m_loadThread;
        m_loadThread = nullptr;
    }
    emit loadFinished(error);
}

void DatasetDocument::cancelLoad()
{
    if (!m_load || m_load->done)
        return;
    m_load->cancelled = true;
    if (m_loadThread)
        m_loadThread->wait();
    // The thread's last batches are queued; deliver them now so the document holds what was read.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_load && !m_load->done)
        finishLoad(DatasetError::make(DatasetError::Kind::Cancelled, m_load->path));
}

bool DatasetDocument::isLoading() const
{
    return m_load && !m_load->done;
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
    const DatasetError error = saveCopy(path);
    if (error.isError())
        return error;
    markSaved(path);
    m_undoStack->setClean();
    onStackChanged();
    emit saved(path);
    return {};
}

void DatasetDocument::markSaved(const QString &path)
{
    const QString oldRecovery = recoveryFilePath();
    if (path != m_filePath) {
        m_filePath = path;
        emit filePathChanged(m_filePath);
    }
    m_forcedModified = false;
    m_autosaveTimer->stop();
    if (!m_autosaveThread)
        DatasetRecovery::discard(oldRecovery);
}

void DatasetDocument::saveAsync(const QString &path)
{
    const QString target = path.isEmpty() ? m_filePath : path;
    if (m_saveThread || isLoading())
        return;
    if (target.isEmpty()) {
        emit saveFinished(DatasetError::make(DatasetError::Kind::NotWritable, tr("Untitled")));
        return;
    }
    QList<JsonlRecord> records;
    records.reserve(m_rows.size());
    for (const Row &r : std::as_const(m_rows))
        records.append(r.record);
    const int index = m_undoStack->index();
    auto result = std::make_shared<DatasetError>();
    m_saveThread = QThread::create(
            [target, records, bom = m_bom, trailing = m_trailing, end = m_lineEnding, result] {
                *result = JsonlWriter::save(target, bom, records, trailing, end);
            });
    connect(m_saveThread, &QThread::finished, this, [this, target, index, result] {
        m_saveThread->deleteLater();
        m_saveThread = nullptr;
        if (!result->isError()) {
            markSaved(target);
            // Only when nothing changed meanwhile is the document now equal to the file.
            if (m_undoStack->index() == index)
                m_undoStack->setClean();
            else
                m_undoStack->resetClean();
            onStackChanged();
            emit saved(target);
        }
        emit saveFinished(*result);
    });
    m_saveThread->start();
}

DatasetError DatasetDocument::saveCopy(const QString &path) const
{
    return JsonlWriter::saveBytes(path, toBytes());
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
    if (options.find.isEmpty())
        return 0;
    const QRegularExpression re = findPattern(options);
    const QList<int> targets = normalizedRows(rows);
    std::atomic_int total {0};
    parallelFor(targets.size(), [&](qsizetype i) {
        Example e = Example::fromLine(m_rows.at(targets.at(i)).record.line);
        total.fetch_add(replaceInExample(e, re, nullptr, options.role), std::memory_order_relaxed);
    });
    return total.load();
}

// ---- edits ----------------------------------------------------------------------------------

bool DatasetDocument::editable(int row) const
{
    return !isLoading() && row >= 0 && row < m_rows.size();
}

DatasetDocument::Row DatasetDocument::editedRow(const Row &old, const Example &example) const
{
    Row r = old;
    r.record.line = example.toLine();
    r.summary = ExampleSummary::of(example);
    r.summary.errors = old.summary.errors;
    r.summary.warnings = old.summary.warnings;
    if (m_tokenCounter)
        m_tokenCounter(example, &r.summary.tokens, &r.summary.assistantTokens);
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
    m_undoStack->push(
            new ReplaceRowsCommand(this, text, {row}, {old}, {editedRow(old, example)}, mergeKey));
}

void DatasetDocument::setExample(int row, const Example &example, const QString &undoText)
{
    pushEdit(row, example, undoText.isEmpty() ? tr("Edit example %1").arg(row + 1) : undoText);
}

void DatasetDocument::setMessage(int row, int index, const Message &message)
{
    if (!editable(row))
        return;
    Example e = example(row);
    if (index < 0 || index >= e.messageCount())
        return;
    e.setMessage(index, message);
    pushEdit(row, e, tr("Edit message %1").arg(index + 1));
}

void DatasetDocument::setMessageRole(int row, int index, const QString &role)
{
    // The weight only applies to assistant turns; keep it so switching back restores it.
    editMessage(
            row, index, tr("Change role to %1").arg(role), [&](Message &m) { m.setRole(role); });
}

void DatasetDocument::setMessageText(int row, int index, const QString &text)
{
    if (!editable(row))
        return;
    Example e = example(row);
    if (index < 0 || index >= e.messageCount())
        return;
    Message m = e.message(index);
    if (m.isTextContent() && m.text() == text)
        return;
    m.setText(text);
    e.setMessage(index, m);
    pushEdit(row, e, tr("Typing"), kMergeText, index);
}

void DatasetDocument::setMessageWeight(int row, int index, std::optional<int> weight)
{
    editMessage(row, index,
            weight && *weight == 0 ? tr("Don't train on message %1").arg(index + 1)
                                   : tr("Train on message %1").arg(index + 1),
            [&](Message &m) { m.setWeight(weight); });
}

void DatasetDocument::editMessage(
        int row, int index, const QString &text, const std::function<void(Message &)> &change)
{
    if (!editable(row))
        return;
    Example e = example(row);
    if (index < 0 || index >= e.messageCount())
        return;
    Message m = e.message(index);
    change(m);
    e.setMessage(index, m);
    pushEdit(row, e, text);
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
    if (!editable(row))
        return;
    Example e = example(row);
    if (index < 0 || index > e.messageCount())
        return;
    e.insertMessage(index, message);
    pushEdit(row, e, tr("Add message"));
}

void DatasetDocument::appendMessage(int row, const Message &message)
{
    if (!editable(row))
        return;
    insertMessage(row, example(row).messageCount(), message);
}

void DatasetDocument::removeMessage(int row, int index)
{
    if (!editable(row))
        return;
    Example e = example(row);
    if (index < 0 || index >= e.messageCount())
        return;
    e.removeMessage(index);
    pushEdit(row, e, tr("Delete message %1").arg(index + 1));
}

void DatasetDocument::moveMessage(int row, int from, int to)
{
    if (!editable(row))
        return;
    Example e = example(row);
    e.moveMessage(from, to);
    pushEdit(row, e, tr("Move message"));
}

void DatasetDocument::setTools(int row, const QJsonArray &tools)
{
    if (!editable(row))
        return;
    Example e = example(row);
    e.setTools(tools);
    pushEdit(row, e, tr("Edit tools"));
}

void DatasetDocument::setParallelToolCalls(int row, std::optional<bool> value)
{
    if (!editable(row))
        return;
    Example e = example(row);
    e.setParallelToolCalls(value);
    pushEdit(row, e, tr("Change parallel tool calls"));
}

void DatasetDocument::setPreferredOutput(int row, const Message &message)
{
    if (!editable(row))
        return;
    Example e = example(row);
    e.setPreferredOutput({message});
    pushEdit(row, e, tr("Edit preferred answer"));
}

void DatasetDocument::setNonPreferredOutput(int row, const Message &message)
{
    if (!editable(row))
        return;
    Example e = example(row);
    e.setNonPreferredOutput({message});
    pushEdit(row, e, tr("Edit non-preferred answer"));
}

void DatasetDocument::setPreferredText(int row, const QString &text)
{
    if (!editable(row))
        return;
    Example e = example(row);
    Messages out = e.preferredOutput();
    if (out.isEmpty())
        out.append(Message(QStringLiteral("assistant"), QString()));
    out[0].setText(text);
    e.setPreferredOutput(out);
    pushEdit(row, e, tr("Typing"), kMergePreferred, 0);
}

void DatasetDocument::setNonPreferredText(int row, const QString &text)
{
    if (!editable(row))
        return;
    Example e = example(row);
    Messages out = e.nonPreferredOutput();
    if (out.isEmpty())
        out.append(Message(QStringLiteral("assistant"), QString()));
    out[0].setText(text);
    e.setNonPreferredOutput(out);
    pushEdit(row, e, tr("Typing"), kMergeNonPreferred, 0);
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

namespace {

using Row = DatasetDocument::Row;

Row rowWithExample(
        const Row &old, const Example &example, const DatasetDocument::TokenCounter &counter)
{
    Row r = old;
    r.record.line = example.toLine();
    r.summary = ExampleSummary::of(example);
    r.summary.errors = old.summary.errors;
    r.summary.warnings = old.summary.warnings;
    if (counter)
        counter(example, &r.summary.tokens, &r.summary.assistantTokens);
    r.edited = true;
    return r;
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
    return rowWithExample(old, e, counter);
}

std::optional<Row> replaceEdit(const Row &old, const QRegularExpression &re,
        const FindReplaceOptions &options, const DatasetDocument::TokenCounter &counter, int *count)
{
    Example e = Example::fromLine(old.record.line);
    const int n = replaceInExample(e, re, &options.replace, options.role);
    if (!n)
        return std::nullopt;
    *count = n;
    return rowWithExample(old, e, counter);
}

} // namespace

struct DatasetDocument::BulkResult
{
    QList<int> rows;
    QList<Row> before;
    QList<Row> after;
    int count = 0; ///< changed examples or replacements, as the operation counts
};

DatasetDocument::BulkResult DatasetDocument::runBulk(
        const QList<int> &targets, const QList<Row> &rows, const BulkEdit &edit)
{
    std::vector<std::optional<Row>> results(size_t(targets.size()));
    std::vector<int> counts(size_t(targets.size()), 0);
    parallelFor(targets.size(),
            [&](qsizetype i) { results[size_t(i)] = edit(rows.at(i), &counts[size_t(i)]); });
    BulkResult result;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        if (!results[size_t(i)])
            continue;
        result.rows.append(targets.at(i));
        result.before.append(rows.at(i));
        result.after.append(std::move(*results[size_t(i)]));
        result.count += counts[size_t(i)];
    }
    return result;
}

DatasetDocument::BulkEdit DatasetDocument::systemPromptEditFor(const QString &text) const
{
    return [text, counter = m_tokenCounter](const Row &old, int *count) {
        return systemPromptEdit(old, text, counter, count);
    };
}

DatasetDocument::BulkEdit DatasetDocument::replaceEditFor(const FindReplaceOptions &options) const
{
    return [options, re = findPattern(options), counter = m_tokenCounter](const Row &old,
                   int *count) { return replaceEdit(old, re, options, counter, count); };
}

QString DatasetDocument::systemPromptUndoText(const QString &text, int n) const
{
    if (text.isEmpty())
        return n == 1 ? tr("Remove the system prompt from 1 example")
                      : tr("Remove the system prompt from %1 examples").arg(n);
    return n == 1 ? tr("Set the system prompt of 1 example")
                  : tr("Set the system prompt of %1 examples").arg(n);
}

QString DatasetDocument::replaceUndoText(const FindReplaceOptions &options, int n) const
{
    return n == 1 ? tr("Replace “%1” (once)").arg(options.find)
                  : tr("Replace “%1” (%2 times)").arg(options.find).arg(n);
}

int DatasetDocument::pushBulk(const BulkResult &result, const QString &text)
{
    if (result.rows.isEmpty())
        return 0;
    m_undoStack->push(new ReplaceRowsCommand(this, text, result.rows, result.before, result.after));
    return result.count;
}

QList<DatasetDocument::Row> DatasetDocument::rowsAt(const QList<int> &targets) const
{
    QList<Row> rows;
    rows.reserve(targets.size());
    for (const int t : targets)
        rows.append(m_rows.at(t));
    return rows;
}

int DatasetDocument::setSystemPrompt(const QString &text, const QList<int> &rows)
{
    if (isLoading())
        return 0;
    const QList<int> targets = normalizedRows(rows);
    const BulkResult result = runBulk(targets, rowsAt(targets), systemPromptEditFor(text));
    return pushBulk(result, systemPromptUndoText(text, result.count));
}

int DatasetDocument::findReplace(const FindReplaceOptions &options, const QList<int> &rows)
{
    if (isLoading() || options.find.isEmpty())
        return 0;
    const QList<int> targets = normalizedRows(rows);
    const BulkResult result = runBulk(targets, rowsAt(targets), replaceEditFor(options));
    return pushBulk(result, replaceUndoText(options, result.count));
}

void DatasetDocument::setSystemPromptAsync(const QString &text, const QList<int> &rows)
{
    startBulk(normalizedRows(rows), systemPromptEditFor(text),
            [this, text](int n) { return systemPromptUndoText(text, n); });
}

void DatasetDocument::findReplaceAsync(const FindReplaceOptions &options, const QList<int> &rows)
{
    if (options.find.isEmpty()) {
        emit bulkFinished(0);
        return;
    }
    startBulk(normalizedRows(rows), replaceEditFor(options),
            [this, options](int n) { return replaceUndoText(options, n); });
}

void DatasetDocument::startBulk(
        QList<int> targets, BulkEdit edit, std::function<QString(int)> undoText)
{
    if (m_bulkThread || isLoading()) {
        emit bulkFinished(-1);
        return;
    }
    // Rows by id, so that the work can be redone if the document changes meanwhile.
    QSet<quint64> ids;
    ids.reserve(targets.size());
    for (const int t : std::as_const(targets))
        ids.insert(m_rows.at(t).id);
    const quint64 generation = m_generation;
    auto result = std::make_shared<BulkResult>();
    m_bulkThread = QThread::create([targets, rows = rowsAt(targets), edit, result] {
        *result = runBulk(targets, rows, edit);
    });
    connect(m_bulkThread, &QThread::finished, this,
            [this, ids, edit, undoText, generation, result] {
                m_bulkThread->deleteLater();
                m_bulkThread = nullptr;
                if (generation != m_generation) {
                    // Edited meanwhile: compute again on what the document is now.
                    QList<int> targets;
                    for (int row = 0; row < m_rows.size(); ++row) {
                        if (ids.contains(m_rows.at(row).id))
                            targets.append(row);
                    }
                    startBulk(targets, edit, undoText);
                    return;
                }
                emit bulkFinished(pushBulk(*result, undoText(result->count)));
            });
    m_bulkThread->start();
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

// ---- autosave ---------------------------------------------------------------------------------

void DatasetDocument::setAutosaveDelay(int delayMs)
{
    m_autosaveDelay = qMax(0, delayMs);
    if (m_autosaveDelay == 0)
        m_autosaveTimer->stop();
    else if (isModified())
        scheduleAutosave();
}

void DatasetDocument::setRecoveryDirectory(const QString &dir)
{
    m_recoveryDir = dir;
}

QString DatasetDocument::recoveryFilePath() const
{
    const QString dir = m_recoveryDir.isEmpty() ? DatasetRecovery::directory() : m_recoveryDir;
    return DatasetRecovery::recoveryPathFor(dir, m_filePath, this);
}

DatasetError DatasetDocument::writeRecoveryFile()
{
    const QString path = recoveryFilePath();
    if (!DatasetRecovery::claimSession(QFileInfo(path).absolutePath()))
        return DatasetError::make(DatasetError::Kind::NotWritable, path);
    // The sidecar first, as in autosave.
    const DatasetError error = JsonlWriter::saveBytes(DatasetRecovery::sidecarPath(path),
            DatasetRecovery::sidecarFor(m_filePath, int(m_rows.size())));
    if (error.isError())
        return error;
    return JsonlWriter::saveBytes(path, toBytes());
}

DatasetError DatasetDocument::restoreFrom(const QString &recoveryFile, const QString &originalPath)
{
    DatasetError error;
    JsonlContents contents = JsonlReader::readFile(recoveryFile, &error);
    if (error.isError())
        return error;
    cancelLoad();
    resetContents(std::move(contents));
    m_filePath = originalPath;
    emit filePathChanged(m_filePath);
    m_forcedModified = true;
    onStackChanged();
    return {};
}

DatasetError DatasetDocument::recover(const RecoveryFile &file)
{
    const DatasetError error = restoreFrom(file.path, file.originalPath);
    if (error.isError())
        return error;
    // The work now belongs to this session: its file moves over, so a second crash before the
    // next autosave still leaves it behind.
    const QString own = recoveryFilePath();
    if (!DatasetRecovery::claimSession(QFileInfo(own).absolutePath()))
        return {};
    // The sidecar first, as in autosave.
    JsonlWriter::saveBytes(DatasetRecovery::sidecarPath(own),
            DatasetRecovery::sidecarFor(m_filePath, int(m_rows.size())));
    if (file.path != own) {
        QFile::remove(own);
        if (QFile::rename(file.path, own))
            QFile::remove(DatasetRecovery::sidecarPath(file.path));
    }
    return {};
}

} // namespace fs
