// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio files list | upload FILE | delete ID`
#include "clicontext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

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

int uploadFile(Context &context, const QCommandLineParser &parser, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        context.err() << Context::tr("error: cannot read %1: %2").arg(path, file.errorString())
                      << '\n';
        return ExitFailure;
    }
    const QByteArray content = file.readAll();
    QString purpose = parser.value(QStringLiteral("purpose"));
    if (purpose.isEmpty())
        purpose = QStringLiteral("fine-tune");
    ApiReply *reply = context.client().uploadFile(QFileInfo(path).fileName(), content, purpose);

    // Progress for people at a terminal; scripts and logs get only the result.
    const bool terminal = ::isatty(STDERR_FILENO) && !context.json();
    QElapsedTimer clock;
    clock.start();
    QObject::connect(reply, &ApiReply::uploadProgress, reply,
            [&context, &clock, terminal](qint64 sent, qint64 total) {
                if (!terminal || total <= 0)
                    return;
                const double seconds = std::max(0.001, clock.elapsed() / 1000.0);
                context.err() << '\r'
                              << Context::tr("Uploading: %1 of %2 (%3%), %4/s")
                                         .arg(formatBytes(sent), formatBytes(total))
                                         .arg(sent * 100 / total)
                                         .arg(formatBytes(static_cast<qint64>(sent / seconds)))
                              << "   ";
                context.err().flush();
            });
    const bool ok = context.wait(reply);
    if (terminal)
        context.err() << '\n';
    if (!ok)
        return ExitFailure;
    if (context.json()) {
        context.printJson(reply->json());
        return ExitOk;
    }
    const FileObject uploaded = FileObject::fromJson(reply->json());
    context.out() << Context::tr("Uploaded %1 (%2) as %3")
                             .arg(uploaded.filename, formatBytes(uploaded.bytes), uploaded.id)
                  << '\n';
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
    parser.addPositionalArgument(
            QStringLiteral("action"), Context::tr("list | upload FILE | delete ID"));
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
