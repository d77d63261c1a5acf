// SPDX-License-Identifier: GPL-3.0-or-later
#include "filevalidation.h"

#include "backgroundtask.h"
#include "jsonl.h"
#include "parallelfor.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace fs {

namespace {

/// Lints a batch of lines on all cores and takes the numbers the statistics need from the same
/// parse: one JSON parse per line (the reader only splits the lines).
void checkBatch(const QList<JsonlRecord> &records, const Linter &linter, int firstLine,
        const std::atomic_bool *cancelled, QList<ExampleLint> *lints, QList<ExampleCounts> *counts)
{
    const qsizetype base = lints->size();
    lints->resize(base + records.size());
    counts->resize(base + records.size());
    ExampleLint *lintOut = lints->data() + base;
    ExampleCounts *countOut = counts->data() + base;
    const bool countTokens = linter.options().countTokens;
    ParallelOptions parallel;
    parallel.cancelled = cancelled;
    parallelFor(
            records.size(),
            [&](qsizetype i) {
                const QByteArray &line = records.at(i).line;
                QJsonObject object;
                ExampleLint lint = linter.lintLine(line, firstLine + int(i), &object);
                // What the editor's reader would summarise (an overlong line: nothing).
                ExampleSummary summary;
                if (lint.parsed)
                    summary = ExampleSummary::of(Example::fromJson(object));
                else if (!Linter::isOverlong(line))
                    summary = ExampleSummary::of(Example::fromLine(line));
                ExampleCounts count = ExampleCounts::of(summary);
                if (countTokens && lint.parsed) {
                    count.tokens = lint.tokens;
                    count.assistantTokens = lint.assistantTokens;
                }
                countOut[i] = count;
                lintOut[i] = std::move(lint);
            },
            parallel);
}

/// How much to ask the device for next: at most 8 MiB, and no more than what is left of a file
/// that knows its size — QIODevice::read() allocates all it is asked for, so asking 8 MiB of a
/// small buffer cost an 8 MiB allocation per validation (the fuzzer's 85 runs a second). Files in
/// /proc say their size is 0: they are read 64 KiB at a time.
qint64 chunkSize(const QIODevice &device)
{
    constexpr qint64 kChunk = 8 * 1024 * 1024;
    constexpr qint64 kUnknownSize = 64 * 1024;
    if (device.isSequential())
        return kChunk;
    const qint64 left = device.size() - device.pos();
    return left > 0 ? qMin(left, kChunk) : kUnknownSize;
}

/// Reads the device in chunks and lints each batch of lines as it comes, so only the findings
/// and a few numbers per example stay in memory, not the file.
DatasetError validateDevice(QIODevice &device, const QString &path, const LintOptions &options,
        FileValidation *result, const std::atomic_bool *cancelled,
        const ValidationProgress &progress)
{
    *result = {};
    JsonlReader reader(JsonlReader::Parsing::LinesOnly);
    const Linter linter(options);
    QList<ExampleLint> lints;
    auto lintBatch = [&]() {
        QList<JsonlRecord> records;
        QList<ExampleSummary> none;
        reader.takeRecords(&records, &none);
        checkBatch(records, linter, int(lints.size()) + 1, cancelled, &lints, &result->counts);
    };
    const qint64 total = device.isSequential() ? -1 : device.size();
    qint64 done = 0;
    // Read until a read gives nothing, not until atEnd(): files in /proc say their size is 0.
    for (;;) {
        if (cancelled && cancelled->load())
            return DatasetError::make(DatasetError::Kind::Cancelled, path);
        const QByteArray chunk = device.read(chunkSize(device));
        if (done == 0 && Linter::looksLikeUtf16(chunk)) {
            // One finding for the file, not one invalid_json per line.
            result->state.setUtf16(true);
            return {};
        }
        if (chunk.isEmpty()) {
            if (auto *file = qobject_cast<QFile *>(&device);
                    file && file->error() != QFileDevice::NoError)
                return DatasetError::make(
                        DatasetError::Kind::Unreadable, path, device.errorString());
            break;
        }
        reader.addData(chunk);
        lintBatch();
        done += chunk.size();
        if (progress)
            progress(done, total);
    }
    reader.finish();
    lintBatch();
    if (cancelled && cancelled->load())
        return DatasetError::make(DatasetError::Kind::Cancelled, path);
    result->state.reset(std::move(lints));
    result->state.setBom(reader.hasBom());
    result->statistics = DatasetStatistics::compute(result->counts, linter.tokenLimit());
    return {};
}

} // namespace

DatasetError validateFile(const QString &path, const LintOptions &options, FileValidation *result,
        const std::atomic_bool *cancelled, const ValidationProgress &progress)
{
    QFile file(path);
    DatasetError error;
    if (!DatasetError::openForReading(file, &error))
        return error;
    return validateDevice(file, path, options, result, cancelled, progress);
}

DatasetError validateData(const QByteArray &data, const LintOptions &options,
        FileValidation *result, const std::atomic_bool *cancelled,
        const ValidationProgress &progress)
{
    QByteArray copy = data; // shared, not copied
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return validateDevice(buffer, QString(), options, result, cancelled, progress);
}

// ---- FileValidator -------------------------------------------------------------------------

FileValidator::FileValidator(QObject *parent)
    : QObject(parent)
    , m_task(new BackgroundTask(this))
{
    connect(m_task, &BackgroundTask::progress, this, &FileValidator::progress);
}

FileValidator::~FileValidator() = default; // the task cancels and waits

bool FileValidator::isRunning() const
{
    return m_task->isRunning();
}

void FileValidator::start(const QString &path, const LintOptions &options)
{
    launch([path, options](FileValidation *result, const std::atomic_bool *cancelled,
                   const ValidationProgress &progress) {
        return validateFile(path, options, result, cancelled, progress);
    });
}

void FileValidator::startData(const QByteArray &data, const LintOptions &options)
{
    launch([data, options](FileValidation *result, const std::atomic_bool *cancelled,
                   const ValidationProgress &progress) {
        return validateData(data, options, result, cancelled, progress);
    });
}

void FileValidator::launch(Work work)
{
    struct Outcome
    {
        FileValidation result;
        DatasetError error;
    };
    m_result = {};
    m_error = {};
    // A run going on is replaced: it stops on its own and its result is dropped.
    m_task->start(
            [work = std::move(work)](TaskControl &control) {
                Outcome outcome;
                outcome.error = work(&outcome.result, control.cancelFlag(),
                        [&control](
                                qint64 done, qint64 total) { control.setProgress(done, total); });
                if (control.isCancelled() && !outcome.error.isError())
                    outcome.error = DatasetError::make(DatasetError::Kind::Cancelled, QString());
                return outcome;
            },
            [this](Outcome outcome) {
                m_error = outcome.error;
                if (!m_error.isError())
                    m_result = std::move(outcome.result);
                Q_EMIT finished();
            });
}

void FileValidator::cancel()
{
    // Still finishes (with Kind::Cancelled), so whoever waits for finished() hears of it.
    m_task->requestStop();
}

} // namespace fs
