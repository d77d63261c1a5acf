// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio files list | upload FILE | delete ID`
#include "clicontext.h"
#include "providerclient.h"
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
#include <QSocketNotifier>

#include <algorithm>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace fs::cli {

namespace {

void printFileRow(QTextStream &out, const FileObject &file, int idWidth)
{
    out << file.id.leftJustified(idWidth) << ' ' << file.purpose.leftJustified(18) << ' '
        << formatBytes(file.bytes).rightJustified(10) << "  " << formatTime(file.createdAt) << "  "
        << file.status.leftJustified(10) << ' ' << file.filename << '\n';
}

int listFiles(Context &context, const QCommandLineParser &parser)
{
    // Through the connection's dialect: OpenAI's pages, Together AI's one list.
    FileListQuery query;
    query.purpose = parser.value(QStringLiteral("purpose"));
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

int g_interruptSocket[2] = {-1, -1};

void handleInterrupt(int)
{
    // Only async-signal-safe work here: wake the event loop through the socket pair.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_interruptSocket[0], &byte, 1);
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

int uploadFile(Context &context, const QCommandLineParser &parser, const QString &path)
{
    LocalFileSource source(path);
    QString problem;
    if (!source.isReadable(&problem)) {
        context.err() << Context::tr("error: %1").arg(problem) << '\n';
        return ExitFailure;
    }
    UploadSettings settings;
    settings.purpose = parser.value(QStringLiteral("purpose"));
    if (settings.purpose.isEmpty())
        settings.purpose = QStringLiteral("fine-tune");
    settings.preflight = !parser.isSet(QStringLiteral("no-check"));
    UploadOptions &options = settings.options;
    options.processingPollMs = 500;
    // On a service without parts (Together AI) the task fails with a sentence saying so.
    if (parser.isSet(QStringLiteral("resumable")))
        settings.alwaysResumable = true;
    if (parser.isSet(QStringLiteral("part-size"))) {
        bool ok = false;
        const double megabytes = parser.value(QStringLiteral("part-size")).toDouble(&ok);
        if (!ok || megabytes <= 0 || megabytes > 64) {
            context.err() << Context::tr("error: --part-size takes a size in MB from 0.01 to 64.")
                          << '\n';
            return ExitUsage;
        }
        options.partSize = std::max<qint64>(1024, qint64(megabytes * 1024 * 1024));
        settings.alwaysResumable = true;
    }
    if (parser.isSet(QStringLiteral("no-wait")))
        options.waitForProcessing = false;

    // An earlier run of the same file left an upload on the service: continue it.
    const UploadJournal journal;
    UploadJournalEntry earlier;
    const bool resuming =
            journal.find(source.resumeKey(), context.client().connection().apiBaseUrl().toString(),
                    settings.purpose, &earlier)
            && earlier.isUsable() && earlier.bytes == source.size();
    if (resuming) {
        settings.alwaysResumable = true;
        settings.preflight = false; // checked before it was first sent
    }

    // The app's one upload path: the pre-flight check, then the upload, then the service's check.
    QNetworkAccessManager nam;
    UploadQueue queue(&nam);
    queue.setConnection(context.client().connection());
    UploadTask &task = *queue.addFile(path, settings);
    const bool uploadAnyway = parser.isSet(QStringLiteral("upload-anyway"));
    // Progress for people: rewritten in place on a terminal, a line now and then in a log.
    const bool jsonMode = context.json();
    const bool terminal = jsonMode ? ::isatty(STDERR_FILENO) != 0 : ::isatty(STDOUT_FILENO) != 0;
    QTextStream &progressOut = jsonMode ? context.err() : context.out();
    const bool showProgress = !jsonMode || terminal;
    if (resuming)
        (jsonMode ? context.err() : context.out())
                << Context::tr("Resuming: %1 of %2 parts already sent")
                           .arg(earlier.sentParts.size())
                           .arg(earlier.partCount())
                << Qt::endl;
    QElapsedTimer sinceLine;
    sinceLine.start();
    QString lastWords;
    bool lineOpen = false;
    auto showLine = [&] {
        if (!showProgress)
            return;
        const QString line = progressLine(task);
        // A new stage or phase gets its own line in a log; sending a line every 3 s.
        const bool changed = line.section(QLatin1Char(':'), 0, 0) != lastWords;
        lastWords = line.section(QLatin1Char(':'), 0, 0);
        if (terminal) {
            progressOut << '\r' << line.leftJustified(78) << ' ';
            progressOut.flush();
            lineOpen = true;
        } else if (changed || sinceLine.elapsed() >= 3000) {
            progressOut << line << Qt::endl;
            sinceLine.restart();
        }
    };
    QObject::connect(&task, &UploadTask::progressChanged, &task, showLine);
    bool refused = false;
    QEventLoop loop;
    QObject::connect(&task, &UploadTask::stageChanged, &task, [&](UploadTask::Stage stage) {
        if (stage == UploadTask::Stage::NeedsConfirmation) {
            if (lineOpen)
                progressOut << '\n';
            lineOpen = false;
            printRefusal(context, task, uploadAnyway);
            if (uploadAnyway) {
                task.uploadAnyway();
            } else {
                refused = true;
                loop.quit();
            }
            return;
        }
        showLine();
    });

    bool interrupted = false;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_interruptSocket) == 0) {
        auto *notifier = new QSocketNotifier(g_interruptSocket[1], QSocketNotifier::Read, &task);
        QObject::connect(notifier, &QSocketNotifier::activated, &task, [&] {
            interrupted = true;
            loop.quit();
        });
        std::signal(SIGINT, handleInterrupt);
        std::signal(SIGTERM, handleInterrupt);
    }
    QObject::connect(&task, &UploadTask::finished, &loop, &QEventLoop::quit);
    showLine();
    if (task.isActive() && !refused)
        loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (lineOpen)
        progressOut << '\n';
    progressOut.flush();

    if (refused)
        return ExitFailure;
    const Uploader &uploader = *task.uploader();
    if (interrupted) {
        const UploadProgress p = uploader.progress();
        // Leaving without cancel(): the parts sent stay on the service and in the journal.
        const bool keptParts = p.phase == UploadProgress::Phase::Sending && p.partsTotal > 1
                && uploader.file().id.isEmpty();
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

    if (task.stage() != UploadTask::Stage::Done) {
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
    const FileObject uploaded = uploader.file();
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

} // namespace

int runFiles(const QStringList &arguments)
{
    Context context;
    QCommandLineParser parser;
    Context::addCommonOptions(parser);
    parser.addOption({QStringLiteral("purpose"),
            Context::tr("Purpose of an upload (default: fine-tune), or a filter for list."),
            QStringLiteral("purpose")});
    parser.addOption({QStringLiteral("resumable"),
            Context::tr("Upload in parts (the Uploads API) even when the file is small, so an "
                        "interrupted upload can be resumed. Files over 512 MB always are. "
                        "OpenAI only: Together AI takes each file in one piece.")});
    parser.addOption({QStringLiteral("upload-anyway"),
            Context::tr("Send the file even when the check before sending finds errors.")});
    parser.addOption(
            {QStringLiteral("no-check"), Context::tr("Do not check the examples before sending.")});
    parser.addOption({QStringLiteral("part-size"),
            Context::tr("Size of each part in MB (default 64, the most the service takes)."),
            QStringLiteral("MB")});
    parser.addOption({QStringLiteral("no-wait"),
            Context::tr("Do not wait until the service has processed the uploaded file.")});
    parser.addPositionalArgument(QStringLiteral("action"),
            Context::tr("list | upload FILE [--purpose P] [--resumable] [--part-size MB] "
                        "[--upload-anyway] | delete ID"));
    int exitCode = ExitOk;
    if (!context.parse(parser, arguments,
                Context::tr("Lists, uploads or deletes the files of the connection."), &exitCode))
        return exitCode;

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool known = (action == QLatin1String("list") && positional.size() == 1)
            || ((action == QLatin1String("upload") || action == QLatin1String("delete"))
                    && positional.size() == 2);
    if (!known) {
        context.err() << Context::tr("usage: finetune-studio files list | upload FILE | delete ID")
                      << '\n';
        return ExitUsage;
    }
    if (!context.connect(parser))
        return ExitFailure;
    if (action == QLatin1String("list"))
        return listFiles(context, parser);
    if (action == QLatin1String("upload"))
        return uploadFile(context, parser, positional.at(1));
    return deleteFile(context, positional.at(1));
}

} // namespace fs::cli
