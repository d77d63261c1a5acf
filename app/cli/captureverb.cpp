// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio capture --model M FILE --out OUT.jsonl`: sends every prompt of FILE to M and
// writes its answers as a chat dataset; run again, it continues where it stopped.
#include "capturerun.h"
#include "clicontext.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <cstdio>
#include <unistd.h>

namespace fs::cli {

namespace {

QString usageLine()
{
    return Context::tr("usage: finetune-studio capture --model M FILE --out OUT.jsonl "
                       "[--concurrency N] [--provider P]");
}

} // namespace

int runCapture(const QStringList &arguments)
{
    Context context;
    QCommandLineParser parser;
    Context::addCommonOptions(parser);
    parser.addOption({QStringLiteral("model"), Context::tr("The model whose answers to keep."),
            QStringLiteral("model")});
    parser.addOption({QStringLiteral("out"),
            Context::tr("The chat JSONL file the answers go to. If it holds an earlier capture "
                        "of the same model, that capture continues."),
            QStringLiteral("file")});
    parser.addOption({QStringLiteral("concurrency"),
            Context::tr("How many requests may be in flight at once (default 4)."),
            QStringLiteral("n"), QStringLiteral("4")});
    parser.addOption({QStringLiteral("temperature"),
            Context::tr("Sampling temperature (default 0: the model's most likely answer)."),
            QStringLiteral("t"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("seed"),
            Context::tr("A seed, for services that repeat an answer for the same seed."),
            QStringLiteral("n")});
    parser.addPositionalArgument(QStringLiteral("file"),
            Context::tr("The prompts: a chat JSONL file (each example up to its last assistant "
                        "answer), a saved Playground comparison (its user messages), or a text "
                        "file with one prompt per line (or prompts separated by empty lines)."));
    int exitCode = ExitOk;
    if (!context.parse(parser, arguments,
                Context::tr("Keeps a model's behaviour: sends every prompt of FILE to the model "
                            "and writes its answers as a chat dataset. Interrupted, run the same "
                            "command again: it continues where it stopped."),
                &exitCode))
        return exitCode;

    const QStringList files = parser.positionalArguments();
    const QString model = parser.value(QStringLiteral("model"));
    const QString outPath = parser.value(QStringLiteral("out"));
    if (files.size() != 1 || model.isEmpty() || outPath.isEmpty()) {
        context.err() << usageLine() << '\n';
        return ExitUsage;
    }
    bool ok = false;
    const int concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 64) {
        context.err() << Context::tr("error: --concurrency takes a number from 1 to 64.") << '\n';
        return ExitUsage;
    }
    const double temperature = parser.value(QStringLiteral("temperature")).toDouble(&ok);
    if (!ok || temperature < 0 || temperature > 2) {
        context.err() << Context::tr("error: --temperature takes a number from 0 to 2.") << '\n';
        return ExitUsage;
    }
    std::optional<qint64> seed;
    if (parser.isSet(QStringLiteral("seed"))) {
        seed = parser.value(QStringLiteral("seed")).toLongLong(&ok);
        if (!ok) {
            context.err() << Context::tr("error: --seed takes a whole number.") << '\n';
            return ExitUsage;
        }
    }
    if (QFileInfo(outPath).absoluteFilePath() == QFileInfo(files.first()).absoluteFilePath()) {
        context.err() << Context::tr("error: the answers cannot go into the file the prompts "
                                     "come from; choose another --out.")
                      << '\n';
        return ExitUsage;
    }

    const CapturePromptsLoad prompts = loadCapturePrompts(files.first(), model);
    if (!prompts.error.isEmpty()) {
        context.err() << Context::tr("error: %1").arg(prompts.error) << '\n';
        return ExitFailure;
    }
    if (!context.connect(parser))
        return ExitFailure;
    ModelTarget target;
    target.connection = context.client().connection();
    target.model = model;
    target.temperature = temperature;
    target.seed = seed;
    QString servedAs = model;
    if (!reachModel(context, &servedAs))
        return ExitFailure;
    if (servedAs != model)
        target.servedAs = servedAs;

    QNetworkAccessManager nam;
    CaptureRun run(&nam);
    run.setConcurrency(concurrency);
    QString error;
    if (!run.prepare(prompts.prompts, target, prompts.source, outPath, &error)) {
        context.err() << Context::tr("error: %1").arg(error) << '\n';
        return ExitFailure;
    }

    const bool quiet = context.json();
    const bool terminal = isatty(fileno(stderr)) && !quiet;
    if (!quiet) {
        if (prompts.skipped > 0)
            context.err() << (prompts.skipped == 1
                            ? Context::tr("note: 1 example without a user message was left out.")
                            : Context::tr("note: %1 examples without a user message were left "
                                          "out.")
                                      .arg(prompts.skipped))
                          << '\n';
        if (run.repairedBytes() > 0)
            context.err() << Context::tr("note: the last line of %1 was cut off (the capture "
                                         "was interrupted); it was removed and its prompt is "
                                         "asked again.")
                                     .arg(QFileInfo(outPath).fileName())
                          << '\n';
        if (run.unmatchedLines() > 0)
            context.err() << Context::tr("note: %1 answers in %2 are to prompts that are not in "
                                         "%3; they are kept.")
                                     .arg(run.unmatchedLines())
                                     .arg(QFileInfo(outPath).fileName(),
                                             QFileInfo(files.first()).fileName())
                          << '\n';
        if (run.resumedFrom() > 0)
            context.err() << Context::tr("Continuing: %1 of %2 answers are already in %3.")
                                     .arg(run.resumedFrom())
                                     .arg(run.total())
                                     .arg(QFileInfo(outPath).fileName())
                          << '\n';
    }
    // A line per tenth on a pipe or log; one line rewritten in place on a terminal.
    int lastTenth = run.answered() * 10 / std::max(1, run.total());
    QObject::connect(&run, &CaptureRun::progress, &run, [&](int done, int total, int failed) {
        if (quiet)
            return;
        const QString line = failed > 0
                ? Context::tr("%1 of %2 answers captured, %3 failed")
                          .arg(done)
                          .arg(total)
                          .arg(failed)
                : Context::tr("%1 of %2 answers captured").arg(done).arg(total);
        if (terminal) {
            context.err() << '\r' << line << QStringLiteral("   ");
            context.err().flush();
            return;
        }
        const int tenth = done * 10 / std::max(1, total);
        if (tenth != lastTenth) {
            lastTenth = tenth;
            context.err() << line << '\n';
            context.err().flush();
        }
    });
    QObject::connect(&run, &CaptureRun::paused, &run, [&](int delayMs, const QString &why) {
        if (quiet)
            return;
        context.err() << (terminal ? "\r" : "")
                      << Context::tr("%1 Waiting %2 s before going on.")
                                 .arg(why)
                                 .arg((delayMs + 999) / 1000)
                      << '\n';
        context.err().flush();
    });
    QEventLoop loop;
    QObject::connect(&run, &CaptureRun::finished, &loop, &QEventLoop::quit);
    run.start();
    if (run.isRunning())
        loop.exec();
    if (terminal)
        context.err() << '\r' << QString(50, QLatin1Char(' ')) << '\r';

    const QString name = QFileInfo(outPath).fileName();
    if (context.json()) {
        context.printJson(QJsonObject {
                {QStringLiteral("out"), QFileInfo(outPath).absoluteFilePath()},
                {QStringLiteral("model"), model},
                {QStringLiteral("prompts"), run.total()},
                {QStringLiteral("answered"), run.answered()},
                {QStringLiteral("resumed_from"), run.resumedFrom()},
                {QStringLiteral("failed"), run.failedCount()},
                {QStringLiteral("repaired_bytes"), run.repairedBytes()},
        });
    } else {
        context.out() << Context::tr("%1 of %2 answers of %3 are in %4.")
                                 .arg(run.answered())
                                 .arg(run.total())
                                 .arg(model, name)
                      << '\n';
    }
    if (!run.error().isEmpty()) {
        context.err() << Context::tr("error: %1").arg(run.error()) << '\n';
        return ExitFailure;
    }
    if (run.failedCount() > 0) {
        context.err() << Context::tr(
                "error: %Ln answer(s) could not be obtained: %1", nullptr, run.failedCount())
                                 .arg(run.failureSummary())
                      << '\n'
                      << Context::tr("Run the same command again to ask for the missing ones.")
                      << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace fs::cli
