// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio files list | upload FILE | delete ID`
#include "clicontext.h"
#include "providerclient.h"
#include "stopsignals.h"
#include "uploader.h"
#include "uploadjournal.h"
#include "uploadprogress.h"
#include "uploadqueue.h"
#include "uploadsource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>

#include <algorithm>
#include <unistd.h>

namespace fs::cli {

namespace {

const VerbSyntax kSyntax = {
        QT_TRANSLATE_NOOP("fs::cli", "Lists, uploads or deletes the files of the connection."),
        {
                {"purpose",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Purpose of an upload (default: fine-tune), or a filter for "
                                "list."),
                        "purpose"},
                {"resumable",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Upload in parts (the Uploads API) even when the file is small, "
                                "so an interrupted upload can be resumed. Files over 512 MB "
                                "always are. OpenAI only: Together AI takes each file in one "
                                "piece.")},
                {"upload-anyway",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Send the file even when the check before sending finds "
                                "errors.")},
                {"no-check",
                        QT_TRANSLATE_NOOP("fs::cli", "Do not check the examples before sending.")},
                {"part-size",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Size of each part in MB (default 64, the most the service "
                                "takes)."),
                        "MB"},
                {"no-wait",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Do not wait until the service has processed the uploaded "
                                "file.")},
        },
        "action",
        QT_TRANSLATE_NOOP("fs::cli",
                "list | upload FILE [--purpose P] [--resumable] [--part-size MB] "
                "[--upload-anyway] | delete ID"),
};

void printFileRow(QTextStream &out, const FileObject &file, int idWidth)
{
    out << file.id.leftJustified(idWidth) << ' ' << file.purpose.leftJustified(18) << ' '
        << formatBytes(file.bytes).rightJustified(10) << "  " << formatTime(file.createdAt) << "  "
        << file.status.leftJustified(10) << ' ' << file.filename << '\n';
}

int listFiles(Context &context)
{
    // Through the connection's dialect: OpenAI's pages, Together AI's one list.
    FileListQuery query;
    query.purpose = context.parser().value(QStringLiteral("purpose"));
    QJsonArray all;
    QList<FileObject> files;
    // Follow the pages so the listing is complete.
    for (;;) {
        const std::optional<Page<FileObject>> page =
                context.call<Page<FileObject>>([&](ProviderClient::Done<Page<FileObject>> done) {
                    return context.provider().listFiles(query, std::move(done));
                });
        if (!page)
            return ExitFailure;
        for (const FileObject &file : page->data) {
            // Together lists every purpose: the filter is applied here.
            if (!query.purpose.isEmpty() && file.purpose != query.purpose)
                continue;
            all.append(file.raw);
            files.append(file);
        }
        if (!page->hasMore || page->lastId.isEmpty() || page->lastId == query.after)
            break;
        query.after = page->lastId;
    }
    if (context.json()) {
        context.printJson(QJsonObject {
                {QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), all}});
        return ExitOk;
    }
    if (files.isEmpty()) {
        context.out() << Context::tr("No files.") << '\n';
        return ExitOk;
    }
    // Together's ids ("file-" and a UUID) are longer than OpenAI's: the columns stay aligned.
    int idWidth = 30;
    for (const FileObject &file : std::as_const(files))
        idWidth = std::max(idWidth, int(file.id.size()));
    context.out() << QStringLiteral("ID").leftJustified(idWidth) << ' '
                  << QStringLiteral("PURPOSE").leftJustified(18) << ' '
                  << QStringLiteral("SIZE").rightJustified(10) << "  "
                  << QStringLiteral("CREATED").leftJustified(19) << "  "
                  << QStringLiteral("STATUS").leftJustified(10) << " FILENAME\n";
    for (const FileObject &file : std::as_const(files))
        printFileRow(context.out(), file, idWidth);
    return ExitOk;
}

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

/// The app's one upload path: the pre-flight check, then the upload, then the service's check.
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

int deleteFile(Context &context, const QString &id)
{
    const std::optional<DeletedObject> deleted =
            context.call<DeletedObject>([&](ProviderClient::Done<DeletedObject> done) {
                return context.provider().deleteFile(id, std::move(done));
            });
    if (!deleted)
        return ExitFailure;
    if (!deleted->deleted) {
        context.err() << Context::tr("error: the service did not delete %1.").arg(id) << '\n';
        return ExitFailure;
    }
    if (context.json()) {
        context.printJson(
                QJsonObject {{QStringLiteral("id"), deleted->id.isEmpty() ? id : deleted->id},
                        {QStringLiteral("object"), QStringLiteral("file")},
                        {QStringLiteral("deleted"), true}});
        return ExitOk;
    }
    context.out() << Context::tr("Deleted %1").arg(id) << '\n';
    return ExitOk;
}

int runVerb(Context &context)
{
    const QString action = context.action({{"list", 0, 0}, {"upload", 1, 1}, {"delete", 1, 1}},
            Context::tr("usage: finetune-studio files list | upload FILE | delete ID"));
    if (action.isEmpty())
        return ExitUsage;
    if (!context.connect())
        return ExitFailure;
    if (action == QLatin1String("list"))
        return listFiles(context);
    if (action == QLatin1String("upload"))
        return uploadFile(context, context.words().at(1));
    return deleteFile(context, context.words().at(1));
}

} // namespace

const Verb filesVerb = {kSyntax, runVerb};

} // namespace fs::cli
