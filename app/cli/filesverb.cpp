// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio files list | upload FILE | delete ID`
#include "clicontext.h"
#include "uploader.h"
#include "uploadjournal.h"
#include "uploadprogress.h"
#include "uploadsource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace fs::cli {

namespace {

void printFileRow(QTextStream &out, const FileObject &file)
{
    out << file.id.leftJustified(30) << ' ' << file.purpose.leftJustified(18) << ' '
        << formatBytes(file.bytes).rightJustified(10) << "  " << formatTime(file.createdAt) << "  "
        << file.status.leftJustified(10) << ' ' << file.filename << '\n';
}

int listFiles(Context &context, const QCommandLineParser &parser)
{
    FileListQuery query;
    query.purpose = parser.value(QStringLiteral("purpose"));
    QJsonArray all;
    QList<FileObject> files;
    // Follow the pages so the listing is complete.
    for (;;) {
        ApiReply *reply = context.client().listFiles(query);
        if (!context.wait(reply))
            return ExitFailure;
        const QJsonObject object = reply->json();
        const Page<FileObject> page = parseFilePage(object);
        for (const QJsonValue &value : object.value(QStringLiteral("data")).toArray())
            all.append(value);
        files.append(page.data);
        if (!page.hasMore || page.lastId.isEmpty() || page.lastId == query.after)
            break;
        query.after = page.lastId;
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
    context.out() << QStringLiteral("ID").leftJustified(30) << ' '
                  << QStringLiteral("PURPOSE").leftJustified(18) << ' '
                  << QStringLiteral("SIZE").rightJustified(10) << "  "
                  << QStringLiteral("CREATED").leftJustified(19) << "  "
                  << QStringLiteral("STATUS").leftJustified(10) << " FILENAME\n";
    for (const FileObject &file : std::as_const(files))
        printFileRow(context.out(), file);
    return ExitOk;
}

int g_interruptSocket[2] = {-1, -1};

void handleInterrupt(int)
{
    // Only async-signal-safe work here: wake the event loop through the socket pair.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_interruptSocket[0], &byte, 1);
}

QString progressLine(const UploadProgress &p)
{
    using Phase = UploadProgress::Phase;
    switch (p.phase) {
    case Phase::Preparing:
        return Context::tr("Preparing the upload…");
    case Phase::Sending:
        return sendingLine(p, true);
    case Phase::Completing:
        return Context::tr("All %1 sent; putting the parts together…")
                .arg(formatBytes(p.totalBytes));
    case Phase::Processing:
        return Context::tr("Sent %1; the service is checking the file…")
                .arg(formatBytes(p.totalBytes));
    case Phase::Finished:
        return Context::tr("Done.");
    }
    return QString();
}

int uploadFile(Context &context, const QCommandLineParser &parser, const QString &path)
{
    LocalFileSource source(path);
    QString problem;
    if (!source.isReadable(&problem)) {
        context.err() << Context::tr("error: %1").arg(problem) << '\n';
        return ExitFailure;
    }
    UploadOptions options;
    options.purpose = parser.value(QStringLiteral("purpose"));
    if (options.purpose.isEmpty())
        options.purpose = QStringLiteral("fine-tune");
    options.processingPollMs = 500;
    if (parser.isSet(QStringLiteral("resumable")))
        options.method = UploadOptions::Method::UploadsApi;
    if (parser.isSet(QStringLiteral("part-size"))) {
        bool ok = false;
        const double megabytes = parser.value(QStringLiteral("part-size")).toDouble(&ok);
        if (!ok || megabytes <= 0 || megabytes > 64) {
            context.err() << Context::tr("error: --part-size takes a size in MB from 0.01 to 64.")
                          << '\n';
            return ExitUsage;
        }
        options.partSize = std::max<qint64>(1024, qint64(megabytes * 1024 * 1024));
        options.method = UploadOptions::Method::UploadsApi;
    }
    if (parser.isSet(QStringLiteral("no-wait")))
        options.waitForProcessing = false;

    // An earlier run of the same file left an upload on the service: continue it.
    const UploadJournal journal;
    UploadJournalEntry earlier;
    const bool resuming =
            journal.find(source.resumeKey(), context.client().connection().apiBaseUrl().toString(),
                    options.purpose, &earlier)
            && earlier.isUsable() && earlier.bytes == source.size();
    if (resuming)
        options.method = UploadOptions::Method::UploadsApi;

    Uploader uploader(&context.client(), &source, options);
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
    UploadProgress::Phase lastPhase = UploadProgress::Phase::Preparing;
    bool lineOpen = false;
    bool firstLine = true;
    QObject::connect(
            &uploader, &Uploader::progressChanged, &uploader, [&](const UploadProgress &p) {
                if (!showProgress)
                    return;
                const bool phaseChanged = p.phase != lastPhase || firstLine;
                lastPhase = p.phase;
                firstLine = false;
                if (terminal) {
                    progressOut << '\r' << progressLine(p).leftJustified(78) << ' ';
                    progressOut.flush();
                    lineOpen = true;
                } else if (phaseChanged || sinceLine.elapsed() >= 3000) {
                    progressOut << progressLine(p) << Qt::endl;
                    sinceLine.restart();
                }
            });

    bool interrupted = false;
    QEventLoop loop;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_interruptSocket) == 0) {
        auto *notifier =
                new QSocketNotifier(g_interruptSocket[1], QSocketNotifier::Read, &uploader);
        QObject::connect(notifier, &QSocketNotifier::activated, &uploader, [&] {
            interrupted = true;
            loop.quit();
        });
        std::signal(SIGINT, handleInterrupt);
        std::signal(SIGTERM, handleInterrupt);
    }
    QObject::connect(&uploader, &Uploader::finished, &loop, &QEventLoop::quit);
    uploader.start();
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (lineOpen)
        progressOut << '\n';
    progressOut.flush();

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

    if (uploader.state() != Uploader::State::Succeeded) {
        context.err() << Context::tr("error: %1").arg(uploader.errorMessage());
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
    return context.report(
            context.client().deleteFile(id), [&context, &id](const QJsonObject &json) {
                if (!DeletedObject::fromJson(json).deleted) {
                    context.err() << Context::tr("error: the service did not delete %1.").arg(id)
                                  << '\n';
                    return int(ExitFailure);
                }
                context.out() << Context::tr("Deleted %1").arg(id) << '\n';
                return int(ExitOk);
            });
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
                        "interrupted upload can be resumed. Files over 512 MB always are.")});
    parser.addOption({QStringLiteral("part-size"),
            Context::tr("Size of each part in MB (default 64, the most the service takes)."),
            QStringLiteral("MB")});
    parser.addOption({QStringLiteral("no-wait"),
            Context::tr("Do not wait until the service has processed the uploaded file.")});
    parser.addPositionalArgument(QStringLiteral("action"),
            Context::tr("list | upload FILE [--purpose P] [--resumable] [--part-size MB] | "
                        "delete ID"));
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
