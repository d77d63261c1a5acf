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

const VerbSyntax kSyntax = {
        QT_TRANSLATE_NOOP("fs::cli",
                "Keeps a model's behaviour: sends every prompt of FILE to the model and writes "
                "its answers as a chat dataset. Interrupted, run the same command again: it "
                "continues where it stopped."),
        {
                {"model", QT_TRANSLATE_NOOP("fs::cli", "The model whose answers to keep."),
                        "model"},
                {"out",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "The chat JSONL file the answers go to. If it holds an earlier "
                                "capture of the same model, that capture continues."),
                        "file"},
                {"concurrency",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "How many requests may be in flight at once (default 4)."),
                        "n", "4"},
                {"temperature",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Sampling temperature (default 0: the model's most likely "
                                "answer)."),
                        "t", "0"},
                {"seed",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "A seed, for services that repeat an answer for the same seed."),
                        "n"},
        },
        "file",
        QT_TRANSLATE_NOOP("fs::cli",
                "The prompts: a chat JSONL file (each example up to its last assistant answer), "
                "a saved Playground comparison (its user messages), or a text file with one "
                "prompt per line (or prompts separated by empty lines)."),
};

QString usageLine()
{
    return Context::tr("usage: finetune-studio capture --model M FILE --out OUT.jsonl "
                       "[--concurrency N] [--provider P]");
}

/// What the command line asks capture to do.
struct CaptureOptions
{
    QString file;
    QString model;
    QString out;
    int concurrency = 4;
    double temperature = 0;
    std::optional<qint64> seed;
};

/// --temperature and --seed; false with the problem printed.
bool readSampling(Context &context, CaptureOptions *options)
{
    const QCommandLineParser &parser = context.parser();
    bool ok = false;
    options->temperature = parser.value(QStringLiteral("temperature")).toDouble(&ok);
    if (!ok || options->temperature < 0 || options->temperature > 2) {
        context.err() << Context::tr("error: --temperature takes a number from 0 to 2.") << '\n';
        return false;
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        options->seed = parser.value(QStringLiteral("seed")).toLongLong(&ok);
        if (!ok) {
            context.err() << Context::tr("error: --seed takes a whole number.") << '\n';
            return false;
        }
    }
    return true;
}

/// The options, checked; none with the problem printed (a usage error).
std::optional<CaptureOptions> readOptions(Context &context)
{
    CaptureOptions options;
    const QStringList files = context.words();
    options.model = context.parser().value(QStringLiteral("model"));
    options.out = context.parser().value(QStringLiteral("out"));
    if (files.size() != 1 || options.model.isEmpty() || options.out.isEmpty()) {
        context.err() << usageLine() << '\n';
        return std::nullopt;
    }
    options.file = files.first();
    if (!context.concurrency(&options.concurrency) || !readSampling(context, &options))
        return std::nullopt;
    if (QFileInfo(options.out).absoluteFilePath() == QFileInfo(options.file).absoluteFilePath()) {
        context.err() << Context::tr("error: the answers cannot go into the file the prompts "
                                     "come from; choose another --out.")
                      << '\n';
        return std::nullopt;
    }
    return options;
}

/// The model asked, on the connection, through its deployment where it needs one.
std::optional<ModelTarget> reachCaptureTarget(Context &context, const CaptureOptions &options)
{
    if (!context.connect())
        return std::nullopt;
    ModelTarget target;
    target.connection = context.client().connection();
    target.model = options.model;
    target.temperature = options.temperature;
    target.seed = options.seed;
    if (!reachTarget(context, &target))
        return std::nullopt;
    return target;
}

/// What was left out, repaired or kept, and where the capture continues (stderr).
void printNotes(Context &context, const CaptureOptions &options, const CapturePromptsLoad &prompts,
        const CaptureRun &run)
{
    const QString outName = QFileInfo(options.out).fileName();
    if (prompts.skipped > 0)
        context.err() << (prompts.skipped == 1
                        ? Context::tr("note: 1 example without a user message was left "
                                      "out.")
                        : Context::tr("note: %1 examples without a user message were "
                                      "left out.")
                                  .arg(prompts.skipped))
                      << '\n';
    if (run.repairedBytes() > 0)
        context.err() << Context::tr("note: the last line of %1 was cut off (the capture was "
                                     "interrupted); it was removed and its prompt is asked again.")
                                 .arg(outName)
                      << '\n';
    if (run.unmatchedLines() > 0)
        context.err() << Context::tr("note: %1 answers in %2 are to prompts that are not in %3; "
                                     "they are kept.")
                                 .arg(run.unmatchedLines())
                                 .arg(outName, QFileInfo(options.file).fileName())
                      << '\n';
    if (run.resumedFrom() > 0)
        context.err() << Context::tr("Continuing: %1 of %2 answers are already in %3.")
                                 .arg(run.resumedFrom())
                                 .arg(run.total())
                                 .arg(outName)
                      << '\n';
}

QString progressLine(int done, int total, int failed)
{
    return failed > 0
            ? Context::tr("%1 of %2 answers captured, %3 failed").arg(done).arg(total).arg(failed)
            : Context::tr("%1 of %2 answers captured").arg(done).arg(total);
}

/// Runs the capture to its end. Progress: one line rewritten in place on a terminal, a line per
/// tenth on a pipe or log; nothing with --json.
void captureAnswers(Context &context, CaptureRun &run)
{
    const bool quiet = context.json();
    const bool terminal = isatty(fileno(stderr)) && !quiet;
    int lastTenth = run.answered() * 10 / std::max(1, run.total());
    QObject::connect(&run, &CaptureRun::progress, &run, [&](int done, int total, int failed) {
        const int tenth = done * 10 / std::max(1, total);
        if (quiet || (!terminal && tenth == lastTenth))
            return;
        lastTenth = tenth;
        context.err() << (terminal ? "\r" : "") << progressLine(done, total, failed);
        context.err() << (terminal ? QStringLiteral("   ") : QStringLiteral("\n"));
        context.err().flush();
    });
    QObject::connect(&run, &CaptureRun::paused, &run, [&](int delayMs, const QString &why) {
        if (quiet)
            return;
        context.err() << (terminal ? "\r" : "") << waitingLine(why, delayMs) << '\n';
        context.err().flush();
    });
    runToEnd(run, &CaptureRun::finished);
    if (terminal)
        context.clearProgressLine(50);
}

/// How many answers are in the file, then what went wrong; the exit code.
int printResult(Context &context, const CaptureOptions &options, const CaptureRun &run)
{
    if (context.json()) {
        context.printJson(QJsonObject {
                {QStringLiteral("out"), QFileInfo(options.out).absoluteFilePath()},
                {QStringLiteral("model"), options.model},
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
                                 .arg(options.model, QFileInfo(options.out).fileName())
                      << '\n';
    }
    if (!run.error().isEmpty()) {
        context.err() << Context::tr("error: %1").arg(run.error()) << '\n';
        return ExitFailure;
    }
    if (run.failedCount() == 0)
        return ExitOk;
    context.err() << Context::tr(
            "error: %Ln answer(s) could not be obtained: %1", nullptr, run.failedCount())
                             .arg(run.failureSummary())
                  << '\n'
                  << Context::tr("Run the same command again to ask for the missing ones.") << '\n';
    return ExitFailure;
}

int runVerb(Context &context)
{
    const std::optional<CaptureOptions> options = readOptions(context);
    if (!options)
        return ExitUsage;
    const CapturePromptsLoad prompts = loadCapturePrompts(options->file, options->model);
    if (!prompts.error.isEmpty()) {
        context.err() << Context::tr("error: %1").arg(prompts.error) << '\n';
        return ExitFailure;
    }
    const std::optional<ModelTarget> target = reachCaptureTarget(context, *options);
    if (!target)
        return ExitFailure;
    QNetworkAccessManager nam;
    CaptureRun run(&nam);
    run.setConcurrency(options->concurrency);
    QString error;
    if (!run.prepare(prompts.prompts, *target, prompts.source, options->out, &error)) {
        context.err() << Context::tr("error: %1").arg(error) << '\n';
        return ExitFailure;
    }
    if (!context.json())
        printNotes(context, *options, prompts, run);
    captureAnswers(context, run);
    return printResult(context, *options, run);
}

} // namespace

const Verb captureVerb = {kSyntax, runVerb};

} // namespace fs::cli
