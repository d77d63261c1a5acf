// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "linter.h"
#include "lintstate.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <atomic>
#include <functional>
#include <memory>

class QThreadPool;

namespace fs {

class BackgroundTask;
class DatasetDocument;

/**
 * @brief Lints many lines at once on a thread pool (the calling thread helps).
 *
 * Used by the editor's background run and by `validate`. `progress` is called from worker
 * threads with the number of lines done so far (it must be thread-safe). When `cancelled` turns
 * true the lines not started stay default (ExampleLint{}).
 */
QList<ExampleLint> lintLines(const QList<QByteArray> &lines, const LintOptions &options,
        int firstLine = 1, const std::atomic_bool *cancelled = nullptr,
        const std::function<void(int done)> &progress = {}, QThreadPool *pool = nullptr);

/**
 * @brief Keeps a DatasetDocument linted: one edited example at once (in the GUI thread — a
 * single example takes well under a millisecond), whole files in a background thread with
 * progress and cancel.
 *
 * After a run, and after every edit, the document's summaries get the error/warning counts
 * (badges) and, when tokens are counted, the token counts.
 *
 * The first run starts from the event loop after construction (or at once with setOptions()).
 */
class LintRunner : public QObject
{
    Q_OBJECT
public:
    explicit LintRunner(DatasetDocument *document, QObject *parent = nullptr);
    ~LintRunner() override; ///< cancels a run and waits for its thread

    DatasetDocument *document() const { return m_document; }
    LintOptions options() const { return m_options; }
    /// New options (another model: other limits and encoding) lint everything again.
    void setOptions(const LintOptions &options);
    /// Inserted ranges larger than this are linted in the background (default 64 rows).
    void setBackgroundThreshold(int rows) { m_backgroundThreshold = rows; }

    const LintState &state() const { return m_state; }
    LintFindings findings(int row) const { return m_state.findings(row); }
    LintFindings allFindings(int limit = -1) const { return m_state.allFindings(limit); }
    int errorCount() const { return m_state.totalErrors(); }
    int warningCount() const { return m_state.totalWarnings(); }

    bool isRunning() const;
    /// Every example is linted (nothing pending, no run going on).
    bool isComplete() const;

public Q_SLOTS:
    /// Lints the whole document again in the background.
    void relintAll();
    /// Stops a background run; examples it did not reach stay unlinted until the next run.
    void cancel();

Q_SIGNALS:
    void started(int total);
    /// Examples linted so far in a background run (about ten times a second).
    void progress(int done, int total);
    /// A background run ended (completed false: cancelled).
    void finished(bool completed);
    /// Findings changed (after an edit, a run, a move …).
    void findingsChanged();

private:
    struct Job;
    void onReset();
    void onInserted(int first, int last);
    void onRemoved(int first, int last);
    void onMoved(int first, int last, int destination);
    void onChanged(int row);
    void onRangeChanged(int first, int last);
    void onLoadFinished();
    void lintRowNow(int row);
    void startPending();
    void endBurst();
    void onJobFinished(quint64 generation, bool completed);
    void applyToDocument(const QList<int> &tokenRows = {});

    QPointer<DatasetDocument> m_document;
    LintOptions m_options;
    LintState m_state;
    int m_backgroundThreshold = 64;
    /// Rows re-checked one by one in one burst of changes before the rest waits for a full run.
    static constexpr int kBurstRows = 32;
    int m_burstRows = 0; ///< changes seen since the event loop last ran
    std::shared_ptr<Job> m_job;
    BackgroundTask *m_task;
    quint64 m_generation = 0;
    QSet<quint64> m_touched; ///< ids linted in the GUI thread since the running job started
    QList<quint16> m_appliedErrors;
    QList<quint16> m_appliedWarnings;
};

} // namespace fs
