// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio files list | upload FILE | delete ID`
#include "clicontext.h"
#include "filesupload.h"
#include "providerclient.h"

#include <QJsonArray>

#include <algorithm>

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
