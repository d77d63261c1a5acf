// SPDX-License-Identifier: GPL-3.0-or-later
#include "lintrunner.h"

#include "backgroundtask.h"
#include "datasetdocument.h"
#include "parallelfor.h"
#include "workpool.h"

#include <QHash>
#include <QThreadPool>
#include <QTimer>
#include <QUndoStack>
#include <utility>

namespace fs {

QList<ExampleLint> lintLines(const QList<QByteArray> &lines, const LintOptions &options,
        int firstLine, const std::atomic_bool *cancelled, const std::function<void(int)> &progress,
        QThreadPool *pool)
{
    QList<ExampleLint> results(lines.size());
    ExampleLint *out = results.data();
    const Linter linter(options);
    ParallelOptions parallel;
    parallel.chunk = 128; // evenly busy threads; claiming a chunk costs nothing next to it
    parallel.cancelled = cancelled;
    parallel.pool = pool;
    if (progress)
        parallel.progress = [&progress](qsizetype done) { progress(int(done)); };
    parallelFor(
            lines.size(),
            [&](qsizetype i) { out[i] = linter.lintLine(lines.at(i), firstLine + int(i)); },
            parallel);
    return results;
}

// ---- LintRunner --------------------------------------------------------------------------------

namespace {

// Freeing the results of 100,000 examples takes longer than the GUI thread may pause.
template<typename T>
void releaseInBackground(std::shared_ptr<T> data)
{
    workPool()->start([data]() mutable { data.reset(); });
}

} // namespace

struct LintRunner::Job
{
    quint64 generation = 0;
    LintOptions options;
    QList<QByteArray> lines;
    QList<quint64> ids;
    QList<int> rows; ///< where each id was when the job started (usually still there)
    QList<ExampleLint> results;
};

LintRunner::LintRunner(DatasetDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_task(new BackgroundTask(this))
{
    connect(m_task, &BackgroundTask::progress, this,
            [this](qint64 done, qint64 total) { emit progress(int(done), int(total)); });
    connect(document, &DatasetDocument::reset, this, &LintRunner::onReset);
    connect(document, &DatasetDocument::examplesInserted, this, &LintRunner::onInserted);
    connect(document, &DatasetDocument::examplesRemoved, this, &LintRunner::onRemoved);
    connect(document, &DatasetDocument::examplesMoved, this, &LintRunner::onMoved);
    connect(document, &DatasetDocument::exampleChanged, this, &LintRunner::onChanged);
    connect(document, &DatasetDocument::examplesChanged, this, &LintRunner::onRangeChanged);
    connect(document, &DatasetDocument::loadFinished, this, &LintRunner::onLoadFinished);
    // Adding or removing the byte-order mark changes no example, only the undo stack.
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this]() {
        if (m_document && m_document->hasBom() != m_state.hasBom()) {
            m_state.setBom(m_document->hasBom());
            emit findingsChanged();
        }
    });
    // The first run waits for the event loop, so that setOptions() right after construction
    // does not start (and cancel) a run with the default options first.
    m_state.setBom(document->hasBom());
    m_state.insertRows(0, document->count());
    QMetaObject::invokeMethod(this, &LintRunner::startPending, Qt::QueuedConnection);
}

LintRunner::~LintRunner() = default; // the task cancels its run and waits for it

void LintRunner::setOptions(const LintOptions &options)
{
    m_options = options;
    relintAll();
}

bool LintRunner::isRunning() const
{
    return m_task->isRunning();
}

bool LintRunner::isComplete() const
{
    // A burst too big to re-check row by row waits for its full run (a timer away).
    return !isRunning() && m_burstRows <= kBurstRows && m_state.unlintedRows().isEmpty();
}

void LintRunner::endBurst()
{
    const bool overflowed = m_burstRows > kBurstRows;
    m_burstRows = 0;
    if (overflowed)
        relintAll();
}

void LintRunner::relintAll()
{
    cancel();
    releaseInBackground(std::make_shared<LintState>(std::exchange(m_state, LintState())));
    m_appliedErrors.clear();
    if (m_document) {
        m_state.setBom(m_document->hasBom());
        m_state.insertRows(0, m_document->count());
    }
    startPending();
    emit findingsChanged();
}

void LintRunner::cancel()
{
    if (!m_task->isRunning())
        return;
    m_task->cancel();
    m_task->waitForFinished();
    // Keep what the cancelled run finished: those rows need no second pass.
    onJobFinished(m_job->generation, false);
}

void LintRunner::onReset()
{
    relintAll();
}

void LintRunner::onInserted(int first, int last)
{
    m_state.insertRows(first, last - first + 1);
    if (m_document->isLoading())
        return; // linted once the file is read
    if (last - first + 1 <= m_backgroundThreshold && !isRunning()) {
        for (int row = first; row <= last; ++row)
            lintRowNow(row);
        applyToDocument();
        emit findingsChanged();
    } else {
        startPending();
    }
}

void LintRunner::onRemoved(int first, int last)
{
    m_state.removeRows(first, last - first + 1);
    m_appliedErrors.clear(); // rows shifted: apply every count again
    applyToDocument();
    emit findingsChanged();
}

void LintRunner::onMoved(int first, int last, int destination)
{
    // Qt's moveRows convention: rows [first, last] go before `destination`.
    for (int i = 0; i <= last - first; ++i) {
        if (destination > last)
            m_state.moveRow(first, destination - 1);
        else
            m_state.moveRow(first + i, destination + i);
    }
    m_appliedErrors.clear();
    applyToDocument();
    emit findingsChanged();
}

void LintRunner::onChanged(int row)
{
    if (row < 0 || row >= m_state.count())
        return;
    // A change to many examples (a system prompt for all of them, or its undo) arrives as one
    // signal per row. Re-checking each at once costs a scan of the file per row for the
    // duplicate rule, so past a handful of rows in one go the rest is left to one run over the
    // whole file once the burst is over (in the background for big files).
    if (m_burstRows++ == 0)
        QMetaObject::invokeMethod(this, &LintRunner::endBurst, Qt::QueuedConnection);
    if (m_burstRows > kBurstRows)
        return;
    const quint64 oldDigest = m_state.result(row).digest;
    const ExampleFormat oldFormat = m_state.result(row).format;
    const ExampleFormat oldMain = m_state.mainFormat();
    lintRowNow(row);
    const ExampleLint &now = m_state.result(row);
    if (now.format != oldFormat || m_state.mainFormat() != oldMain
            || m_appliedErrors.size() != m_state.count()) {
        applyToDocument({row}); // formats changed: mixed_formats may move anywhere
    } else {
        // Only this example and the ones sharing its old or new content can change badges.
        QList<int> rows = m_state.rowsWithDigest(oldDigest);
        if (now.digest != oldDigest)
            rows += m_state.rowsWithDigest(now.digest);
        if (!rows.contains(row))
            rows.append(row);
        for (const int affected : std::as_const(rows)) {
            const quint16 errors = quint16(qMin(m_state.errorCount(affected), 65535));
            const quint16 warnings = quint16(qMin(m_state.warningCount(affected), 65535));
            if (errors != m_appliedErrors.at(affected)
                    || warnings != m_appliedWarnings.at(affected)) {
                m_document->setIssueCounts(affected, errors, warnings);
                m_appliedErrors[affected] = errors;
                m_appliedWarnings[affected] = warnings;
            }
        }
        if (m_options.countTokens && now.parsed)
            m_document->setTokenCounts(row, now.tokens, now.assistantTokens);
    }
    emit findingsChanged();
}

void LintRunner::onRangeChanged(int first, int last)
{
    first = qMax(first, 0);
    last = qMin(last, m_state.count() - 1);
    if (first > last)
        return;
    if (last - first + 1 <= kBurstRows) {
        for (int row = first; row <= last; ++row)
            onChanged(row);
        return;
    }
    // Too many rows to re-check one by one: the same as a burst that overflowed, one run over
    // the whole file once the event loop is back. A 1 ms timer, not a queued call (nor a 0 ms
    // timer, which Qt turns into one): the change itself took a while, and starting the run (a
    // pass over every row) belongs in a later event, after input and painting had their turn.
    if (m_burstRows == 0)
        QTimer::singleShot(1, this, &LintRunner::endBurst);
    m_burstRows = kBurstRows + 1;
}

void LintRunner::onLoadFinished()
{
    m_state.setBom(m_document->hasBom());
    startPending();
    emit findingsChanged();
}

void LintRunner::lintRowNow(int row)
{
    if (row < 0 || row >= m_state.count() || row >= m_document->count())
        return;
    const Linter linter(m_options);
    m_state.setResult(row, linter.lintLine(m_document->line(row), row + 1));
    if (isRunning())
        m_touched.insert(m_document->exampleId(row));
}

void LintRunner::startPending()
{
    if (!m_document || isRunning() || m_document->isLoading())
        return;
    const QList<int> rows = m_state.unlintedRows();
    if (rows.size() <= m_backgroundThreshold) {
        // A few examples: at once, no thread.
        for (const int row : rows)
            lintRowNow(row);
        applyToDocument(rows);
        return;
    }
    auto job = std::make_shared<Job>();
    job->generation = ++m_generation;
    job->options = m_options;
    job->lines.reserve(rows.size());
    job->ids.reserve(rows.size());
    job->rows = rows;
    for (const int row : rows) {
        job->lines.append(m_document->line(row));
        job->ids.append(m_document->exampleId(row));
    }
    m_job = job;
    m_touched.clear();
    const quint64 generation = job->generation;
    const int total = int(rows.size());
    m_task->start(
            [job, total](TaskControl &control) {
                job->results = lintLines(job->lines, job->options, 1, control.cancelFlag(),
                        [&control, total](int done) { control.setProgress(done, total); });
            },
            [this, generation] { onJobFinished(generation, true); });
    emit started(total);
}

void LintRunner::onJobFinished(quint64 generation, bool completed)
{
    std::shared_ptr<Job> job = m_job;
    if (!job || job->generation != generation)
        return;
    m_job.reset();
    // Rows rarely move while a run goes on: look an id up only when it is not where it was.
    QHash<quint64, int> rowOfId;
    auto rowOf = [&](int i) {
        const int guess = job->rows.at(i);
        if (guess < m_document->count() && m_document->exampleId(guess) == job->ids.at(i))
            return guess;
        if (rowOfId.isEmpty()) {
            rowOfId.reserve(m_document->count());
            for (int row = 0; row < m_document->count(); ++row)
                rowOfId.insert(m_document->exampleId(row), row);
        }
        return rowOfId.value(job->ids.at(i), -1);
    };
    QList<int> counted;
    for (int i = 0; i < job->ids.size(); ++i) {
        // Rows the cancelled run never reached are still empty; edited ones were re-linted.
        if (!completed && !job->results.at(i).parsed && job->results.at(i).findings.isEmpty())
            continue;
        const quint64 id = job->ids.at(i);
        if (m_touched.contains(id))
            continue;
        const int row = rowOf(i);
        if (row < 0 || m_state.isLinted(row))
            continue;
        m_state.setResult(row, std::move(job->results[i]));
        counted.append(row);
    }
    m_touched.clear();
    emit progress(int(job->ids.size()), int(job->ids.size()));
    applyToDocument(counted);
    emit finished(completed);
    emit findingsChanged();
    // Examples added while it ran.
    if (completed)
        startPending();
    releaseInBackground(std::move(job));
}

void LintRunner::applyToDocument(const QList<int> &tokenRows)
{
    if (!m_document || m_document->count() != m_state.count())
        return;
    QList<quint16> errors;
    QList<quint16> warnings;
    m_state.issueCounts(&errors, &warnings);
    bool allIssues = m_appliedErrors.size() != errors.size();
    QList<int> changed;
    if (!allIssues) {
        // Usually one row changes (an edit); a duplicate or format change touches a few more.
        for (int row = 0; row < errors.size(); ++row) {
            if (errors.at(row) != m_appliedErrors.at(row)
                    || warnings.at(row) != m_appliedWarnings.at(row))
                changed.append(row);
        }
        allIssues = changed.size() > 256;
    }
    m_appliedErrors = errors;
    m_appliedWarnings = warnings;
    const bool tokens = m_options.countTokens && !tokenRows.isEmpty();
    if (tokens && tokenRows.size() > 1) {
        QList<quint64> ids;
        QList<qint32> counts;
        QList<qint32> assistant;
        ids.reserve(tokenRows.size());
        counts.reserve(tokenRows.size());
        assistant.reserve(tokenRows.size());
        for (const int row : tokenRows) {
            const ExampleLint &result = m_state.result(row);
            if (!result.parsed)
                continue;
            ids.append(m_document->exampleId(row));
            counts.append(result.tokens);
            assistant.append(result.assistantTokens);
        }
        if (allIssues) {
            // After a full run: one change signal for both, not two passes over every row.
            m_document->setIssueAndTokenCounts(errors, warnings, ids, counts, assistant);
            return;
        }
        for (const int row : std::as_const(changed))
            m_document->setIssueCounts(row, errors.at(row), warnings.at(row));
        m_document->setTokenCounts(ids, counts, assistant);
        return;
    }
    if (allIssues) {
        m_document->setIssueCounts(errors, warnings);
    } else {
        for (const int row : std::as_const(changed))
            m_document->setIssueCounts(row, errors.at(row), warnings.at(row));
    }
    if (tokens) {
        const ExampleLint &result = m_state.result(tokenRows.first());
        if (result.parsed)
            m_document->setTokenCounts(tokenRows.first(), result.tokens, result.assistantTokens);
    }
}

} // namespace fs
