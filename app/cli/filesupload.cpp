// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio files upload FILE`: progress for people, Ctrl-C, resuming an earlier upload.
#include "filesupload.h"

#include "clicontext.h"
#include "stopsignals.h"
#include "uploader.h"
#include "uploadjournal.h"
#include "uploadprogress.h"
#include "uploadqueue.h"
#include "uploadsource.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>

#include <algorithm>
#include <unistd.h>

namespace fs::cli {

namespace {

QString progressLine(const UploadTask &task)
{
    // The same words as the Files area: the task's stage, and its progress while sending.
    const UploadProgress p = task.progress();
    if (task.stage() == UploadTask::Stage::Uploading && p.phase == UploadProgress::Phase::Sending)
        return sendingLine(p, true);
    if (task.stage() == UploadTask::Stage::Uploading && p.phase == UploadProgress::Phase::Finished)
        return Context::tr("Done.");
    return task.stageText();
}

/// The check's refusal, on stderr: its sentence and the first findings.
void printRefusal(Context &context, const UploadTask &task, bool sendingAnyway)
{
    context.err() << task.warningText() << '\n';
    const LintFindings findings = task.findings();
    for (qsizetype i = 0; i < std::min<qsizetype>(findings.size(), 5); ++i)
        context.err() << "  " << UploadTask::findingText(findings.at(i)) << '\n';
    if (findings.size() > 5)
        context.err() << "  " << Context::tr("(and %1 more)").arg(findings.size() - 5) << '\n';
    context.err() << (sendingAnyway
                    ? Context::tr("Sending anyway (--upload-anyway).")
                    : Context::tr("Not sent. Fix the file, or run again with --upload-anyway."))
                  << Qt::endl;
}

/// The upload's settings from the options; false with the problem printed (a usage error).
bool readUploadSettings(Context &context, UploadSettings *settings)
{
    const QCommandLineParser &parser = context.parser();
    settings->purpose = parser.value(QStringLiteral("purpose"));
    if (settings->purpose.isEmpty())
        settings->purpose = QStringLiteral("fine-tune");
    settings->preflight = !parser.isSet(QStringLiteral("no-check"));
    UploadOptions &options = settings->options;
    options.processingPollMs = 500;
    // On a service without parts (Together AI) the task fails with a sentence saying so.
    if (parser.isSet(QStringLiteral("resumable")))
        settings->alwaysResumable = true;
    if (parser.isSet(QStringLiteral("part-size"))) {
        bool ok = false;
        const double megabytes = parser.value(QStringLiteral("part-size")).toDouble(&ok);
        if (!ok || megabytes <= 0 || megabytes > 64) {
            context.err() << Context::tr("error: --part-size takes a size in MB from 0.01 to 64.")
                          << '\n';
            return false;
        }
        options.partSize = std::max<qint64>(1024, qint64(megabytes * 1024 * 1024));
        settings->alwaysResumable = true;
    }
    if (parser.isSet(QStringLiteral("no-wait")))
        options.waitForProcessing = false;
    return true;
}

/// An upload of the same file that an earlier run left on the service, to continue; false when
/// there is none.
bool findEarlierUpload(Context &context, const LocalFileSource &source,
        const UploadSettings &settings, UploadJournalEntry *earlier)
{
    const UploadJournal journal;
    return journal.find(source.resumeKey(), context.client().connection().apiBaseUrl().toString(),
                   settings.purpose, earlier)
            && earlier->isUsable() && earlier->bytes == source.size();
}

/**
 * @brief Prints an upload's progress for people: rewritten in place on a terminal, a line now
 * and then in a log (a new stage or phase gets its own line; sending, a line every 3 s). With
 * --json on stderr, and only on a terminal.
 */
class UploadProgressPrinter
{
public:
    explicit UploadProgressPrinter(Context &context)
        : m_json(context.json())
        , m_terminal(m_json ? ::isatty(STDERR_FILENO) != 0 : ::isatty(STDOUT_FILENO) != 0)
        , m_out(m_json ? context.err() : context.out())
    {
        m_sinceLine.start();
    }

    QTextStream &stream() { return m_out; }

    void show(const UploadTask &task)
    {
        if (m_json && !m_terminal)
            return;
        const QString line = progressLine(task);
        const QString words = line.section(QLatin1Char(':'), 0, 0);
        const bool changed = words != m_lastWords;
        m_lastWords = words;
        if (m_terminal) {
            m_out << '\r' << line.leftJustified(78) << ' ';
            m_out.flush();
            m_lineOpen = true;
        } else if (changed || m_sinceLine.elapsed() >= 3000) {
            m_out << line << Qt::endl;
            m_sinceLine.restart();
        }
    }

    /// Ends a line rewritten in place, before other words.
    void closeLine()
    {
        if (m_lineOpen)
            m_out << '\n';
        m_lineOpen = false;
    }

private:
    const bool m_json;
    const bool m_terminal;
    QTextStream &m_out;
    QElapsedTimer m_sinceLine;
    QString m_lastWords;
    bool m_lineOpen = false;
};

/// How an upload's wait ended.
enum class UploadEnd { Finished, Refused, Interrupted };

/// Runs the task until it finishes, the check refuses the file (unless --upload-anyway) or
/// Ctrl-C interrupts it.
UploadEnd runUpload(Context &context, UploadTask &task, UploadProgressPrinter &progress)
{
    const bool uploadAnyway = context.parser().isSet(QStringLiteral("upload-anyway"));
    UploadEnd end = UploadEnd::Finished;
    QEventLoop loop;
    QObject::connect(&task, &UploadTask::progressChanged, &task, [&] { progress.show(task); });
    QObject::connect(&task, &UploadTask::stageChanged, &task, [&](UploadTask::Stage stage) {
        if (stage != UploadTask::Stage::NeedsConfirmation) {
            progress.show(task);
            return;
        }
        progress.closeLine();
        printRefusal(context, task, uploadAnyway);
        if (uploadAnyway) {
            task.uploadAnyway();
            return;
        }
        end = UploadEnd::Refused;
        loop.quit();
    });
    QObject::connect(&task, &UploadTask::finished, &loop, &QEventLoop::quit);
    const StopSignals stop([&] {
        end = UploadEnd::Interrupted;
        loop.quit();
    });
    progress.show(task);
    if (task.isActive() && end != UploadEnd::Refused)
        loop.exec();
    return end;
}

/// What Ctrl-C left behind: parts that a later run resumes, nothing, or a file being checked.
int reportInterrupted(Context &context, const Uploader &uploader)
{
    const UploadProgress p = uploader.progress();
    // Leaving without cancel(): the parts sent stay on the service and in the journal.
    const bool keptParts = p.phase == UploadProgress::Phase::Sending && p.partsTotal > 1;
    if (uploader.file().id.isEmpty() && keptParts) {
        context.err() << Context::tr("Interrupted after %1 of %2 parts. The upload can be "
                                     "resumed: run the same command again within the hour.")
                                 .arg(p.partsDone)
                                 .arg(p.partsTotal)
                      << Qt::endl;
    } else if (uploader.file().id.isEmpty()) {
        context.err() << Context::tr("Interrupted: nothing was uploaded.") << Qt::endl;
    } else {
        context.err() << Context::tr("Interrupted while the service was checking the file; it "
                                     "was uploaded as %1.")
                                 .arg(uploader.file().id)
                      << Qt::endl;
    }
    return ExitCancelled;
}

int reportUploadFailure(Context &context, const UploadTask &task)
{
    const Uploader &uploader = *task.uploader();
    context.err() << Context::tr("error: %1").arg(task.errorMessage());
    const QString detail = uploader.apiError().technicalSummary();
    if (uploader.apiError().isError() && !detail.isEmpty())
        context.err() << " (" << detail << ')';
    context.err() << Qt::endl;
    if (uploader.isResumable())
        context.err() << Context::tr("Run the same command again to resume the upload "
                                     "(within the hour).")
                      << Qt::endl;
    return ExitFailure;
}

int printUploaded(Context &context, const FileObject &uploaded)
{
    if (context.json()) {
        context.printJson(uploaded.raw);
        return ExitOk;
    }
    context.out() << Context::tr("Uploaded %1 (%2) as %3")
                             .arg(uploaded.filename, formatBytes(uploaded.bytes), uploaded.id)
                  << '\n';
    if (!uploaded.status.isEmpty())
        context.out() << Context::tr("Status: %1").arg(uploaded.status) << '\n';
    context.out() << uploaded.id << Qt::endl;
    return ExitOk;
}

} // namespace

int uploadFile(Context &context, const QString &path)
{
    LocalFileSource source(path);
    QString problem;
    if (!source.isReadable(&problem)) {
        context.err() << Context::tr("error: %1").arg(problem) << '\n';
        return ExitFailure;
    }
    UploadSettings settings;
    if (!readUploadSettings(context, &settings))
        return ExitUsage;
    UploadJournalEntry earlier;
    const bool resuming = findEarlierUpload(context, source, settings, &earlier);
    if (resuming) {
        settings.alwaysResumable = true;
        settings.preflight = false; // checked before it was first sent
    }
    QNetworkAccessManager nam;
    UploadQueue queue(&nam);
    queue.setConnection(context.client().connection());
    UploadTask &task = *queue.addFile(path, settings);
    UploadProgressPrinter progress(context);
    if (resuming)
        progress.stream() << Context::tr("Resuming: %1 of %2 parts already sent")
                                     .arg(earlier.sentParts.size())
                                     .arg(earlier.partCount())
                          << Qt::endl;
    const UploadEnd end = runUpload(context, task, progress);
    progress.closeLine();
    progress.stream().flush();
    if (end == UploadEnd::Refused)
        return ExitFailure;
    if (end == UploadEnd::Interrupted)
        return reportInterrupted(context, *task.uploader());
    if (task.stage() != UploadTask::Stage::Done)
        return reportUploadFailure(context, task);
    return printUploaded(context, task.uploader()->file());
}

} // namespace fs::cli
