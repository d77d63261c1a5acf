// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dataseterror.h"
#include "datasetstatistics.h"
#include "linter.h"
#include "lintstate.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

class QIODevice;

namespace fs {

class BackgroundTask;

/// What checking a whole file gives: the findings of every example, counts and statistics —
/// the same as `finetune-studio validate` and the editor's linter.
struct FileValidation
{
    LintState state;
    QList<ExampleCounts> counts;
    DatasetStatistics statistics;

    int exampleCount() const { return state.count(); }
    LintFindings findings(int limit = -1) const { return state.allFindings(limit); }
    int errorCount() const { return state.totalErrors(); }
    int warningCount() const { return state.totalWarnings(); }
};

/// Called with the bytes read so far and the total (-1 when unknown); may be called from the
/// thread doing the work.
using ValidationProgress = std::function<void(qint64 done, qint64 total)>;

/**
 * @brief Lints a whole JSONL file, reading it in chunks so only findings and a few numbers per
 * example stay in memory. `cancelled` is checked between chunks (DatasetError::Kind::Cancelled).
 */
DatasetError validateFile(const QString &path, const LintOptions &options, FileValidation *result,
        const std::atomic_bool *cancelled = nullptr, const ValidationProgress &progress = {});
/// The same for bytes already in memory (e.g. a serialised dataset).
DatasetError validateData(const QByteArray &data, const LintOptions &options,
        FileValidation *result, const std::atomic_bool *cancelled = nullptr,
        const ValidationProgress &progress = {});

/**
 * @brief Runs validateFile() (or validateData()) off the GUI thread with progress and cancel:
 * the pre-upload check of the Files area.
 */
class FileValidator : public QObject
{
    Q_OBJECT
public:
    explicit FileValidator(QObject *parent = nullptr);
    ~FileValidator() override; ///< cancels a run and waits for it

    /// Starts checking (a run in progress is cancelled first).
    void start(const QString &path, const LintOptions &options = {});
    void startData(const QByteArray &data, const LintOptions &options = {});
    bool isRunning() const;

    /// Valid after finished() without error.
    const FileValidation &result() const { return m_result; }
    /// Why it could not check (unreadable file, or Kind::Cancelled).
    DatasetError error() const { return m_error; }
    bool wasCancelled() const { return m_error.kind == DatasetError::Kind::Cancelled; }
    int errorCount() const { return m_result.errorCount(); }
    int warningCount() const { return m_result.warningCount(); }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    /// Bytes checked so far (about ten times a second).
    void progress(qint64 done, qint64 total);
    /// Once per start(): read result() or error().
    void finished();

private:
    using Work = std::function<DatasetError(
            FileValidation *, const std::atomic_bool *, const ValidationProgress &)>;
    void launch(Work work);

    BackgroundTask *m_task;
    FileValidation m_result;
    DatasetError m_error;
};

} // namespace fs
