// SPDX-License-Identifier: GPL-3.0-or-later
#include "filevalidation.h"

#include "jsonl.h"
#include "lintrunner.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

namespace fs {

namespace {

/// Reads the device in chunks and lints each batch of lines as it comes, so only the findings
/// and a few numbers per example stay in memory, not the file.
DatasetError validateDevice(QIODevice &device, const QString &path, const LintOptions &options,
        FileValidation *result, const std::atomic_bool *cancelled,
        const ValidationProgress &progress)
{
    *result = {};
    JsonlReader reader;
    QList<ExampleLint> lints;
    int nextLine = 1;
    auto lintBatch = [&]() {
        QList<JsonlRecord> records;
        QList<ExampleSummary> summaries;
        reader.takeRecords(&records, &summaries);
        if (records.isEmpty())
            return;
        QList<QByteArray> lines;
        lines.reserve(records.size());
        for (JsonlRecord &record : records)
            lines.append(std::move(record.line));
        records.clear();
        QList<ExampleLint> batch = lintLines(lines, options, nextLine, cancelled);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            ExampleCounts counts = ExampleCounts::of(summaries.at(i));
            if (options.countTokens && batch.at(i).parsed) {
                counts.tokens = batch.at(i).tokens;
                counts.assistantTokens = batch.at(i).assistantTokens;
            }
            result->counts.append(counts);
        }
        nextLine += int(batch.size());
        lints.append(std::move(batch));
    };
    const qint64 total = device.isSequential() ? -1 : device.size();
    qint64 done = 0;
    constexpr qint64 kChunk = 8 * 1024 * 1024;
    // Read until a read gives nothing, not until atEnd(): files in /proc say their size is 0.
    for (;;) {
        if (cancelled && cancelled->load())
            return DatasetError::make(DatasetError::Kind::Cancelled, path);
        const QByteArray chunk = device.read(kChunk);
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
    const int limit = Linter(options).tokenLimit();
    result->statistics = DatasetStatistics::compute(result->counts, limit);
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

struct FileValidator::Run
{
    std::atomic_bool cancelled {false};
    std::atomic<qint64> done {0};
    std::atomic<qint64> total {-1};
    FileValidation result;
    DatasetError error;
};

FileValidator::FileValidator(QObject *parent)
    : QObject(parent)
{
}

FileValidator::~FileValidator()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool FileValidator::isRunning() const
{
    return m_run != nullptr;
}

void FileValidator::start(const QString &path, const LintOptions &options)
{
    launch([path, options](Run &run) {
        return validateFile(
                path, options, &run.result, &run.cancelled, [&run](qint64 done, qint64 total) {
                    run.done = done;
                    run.total = total;
                });
    });
}

void FileValidator::startData(const QByteArray &data, const LintOptions &options)
{
    launch([data, options](Run &run) {
        return validateData(
                data, options, &run.result, &run.cancelled, [&run](qint64 done, qint64 total) {
                    run.done = done;
                    run.total = total;
                });
    });
}

void FileValidator::launch(const std::function<DatasetError(Run &)> &work)
{
    if (m_run)
        m_run->cancelled = true;
    const quint64 generation = ++m_generation;
    m_result = {};
    m_error = {};
    auto run = std::make_shared<Run>();
    m_run = run;
    // The previous thread (if any) has been told to stop; it ends on its own and is deleted
    // when it does.
    QThread *thread = QThread::create([run, work] { run->error = work(*run); });
    m_thread = thread;
    auto *poll = new QTimer(thread);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this, run] {
        if (m_run == run)
            Q_EMIT progress(run->done.load(), run->total.load());
    });
    connect(thread, &QThread::finished, this, [this, thread, generation] {
        if (m_thread == thread)
            m_thread = nullptr;
        thread->deleteLater();
        onRunFinished(generation);
    });
    poll->start();
    thread->start();
}

void FileValidator::onRunFinished(quint64 generation)
{
    if (generation != m_generation || !m_run)
        return;
    const std::shared_ptr<Run> run = std::move(m_run);
    m_run.reset();
    if (run->cancelled && !run->error.isError())
        run->error = DatasetError::make(DatasetError::Kind::Cancelled, QString());
    m_error = run->error;
    if (!m_error.isError()) {
        m_result = std::move(run->result);
        Q_EMIT progress(run->done.load(), run->total.load());
    }
    Q_EMIT finished();
}

void FileValidator::cancel()
{
    if (m_run)
        m_run->cancelled = true;
}

} // namespace fs
