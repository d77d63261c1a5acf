// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio compare --model A --model B FILE`: sends each example's prompt to every model
// and prints the average ROUGE of each against the example's last assistant message.
#include "batchresults.h"
#include "batchrunner.h"
#include "clicontext.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <cstdio>
#include <unistd.h>

namespace fs::cli {

namespace {

void printAverages(QTextStream &out, const BatchResults &results)
{
    int width = 5;
    for (const QString &label : results.modelLabels())
        width = std::max(width, int(label.size()));
    out << Context::tr("model").leftJustified(width + 2) << Context::tr("ROUGE-1").rightJustified(8)
        << Context::tr("ROUGE-2").rightJustified(9) << Context::tr("ROUGE-L").rightJustified(9)
        << "  " << Context::tr("answered") << '\n';
    for (int m = 0; m < results.modelCount(); ++m) {
        int count = 0;
        const RougeScores average = results.average(m, &count);
        out << results.modelLabels().at(m).leftJustified(width + 2)
            << QString::number(average.rouge1.fmeasure, 'f', 4).rightJustified(8)
            << QString::number(average.rouge2.fmeasure, 'f', 4).rightJustified(9)
            << QString::number(average.rougeL.fmeasure, 'f', 4).rightJustified(9) << "  "
            << QStringLiteral("%1/%2").arg(count).arg(results.itemCount()) << '\n';
    }
}

QJsonObject averagesJson(const BatchResults &results)
{
    QJsonArray models;
    for (int m = 0; m < results.modelCount(); ++m) {
        int count = 0;
        const RougeScores average = results.average(m, &count);
        int failed = 0;
        for (int i = 0; i < results.itemCount(); ++i)
            failed += results.generation(i, m).status == Generation::Status::Failed ? 1 : 0;
        models.append(QJsonObject {
                {QStringLiteral("model"), results.modelLabels().at(m)},
                {QStringLiteral("rouge1"), average.rouge1.fmeasure},
                {QStringLiteral("rouge2"), average.rouge2.fmeasure},
                {QStringLiteral("rougeL"), average.rougeL.fmeasure},
                {QStringLiteral("answered"), count},
                {QStringLiteral("failed"), failed},
        });
    }
    return QJsonObject {{QStringLiteral("examples"), results.itemCount()},
            {QStringLiteral("stemmed"), results.stems()}, {QStringLiteral("models"), models}};
}

const VerbSyntax kSyntax = {
        QT_TRANSLATE_NOOP("fs::cli",
                "Compares models on a file of examples and prints their average ROUGE-1, "
                "ROUGE-2 and ROUGE-L F-measures."),
        {
                {"model",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "A model to compare; give it once per model (two or more)."),
                        "model"},
                {"concurrency",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "How many requests may be in flight at once (default 4)."),
                        "n", "4"},
                {"csv",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Also write every example, answer and score to this CSV file."),
                        "file"},
                {"save",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Keep the answers in this file, to score them again later "
                                "without asking the models (pass it as FILE)."),
                        "file"},
                {"stem",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Compare word stems (\"running\" matches \"runs\"), as "
                                "rouge-score's use_stemmer does.")},
        },
        "file",
        QT_TRANSLATE_NOOP("fs::cli",
                "A JSONL file of chat examples (e.g. a validation file): each example's last "
                "assistant message is the reference. Or a file written by --save."),
};

QString usageLine()
{
    return Context::tr("usage: finetune-studio compare --model A --model B FILE "
                       "[--concurrency N] [--csv OUT] [--stem]");
}

/// What the command line asks compare to do.
struct CompareOptions
{
    QString file;
    QStringList models;
    int concurrency = 4;
    bool stem = false;
};

/// What compare works on: answers kept by --save (scored again, the missing ones asked), or
/// examples to ask every model about.
struct CompareInput
{
    std::optional<BatchResults> stored;
    BatchItemsLoad items;
};

/// The options, checked; false with the problem printed (a usage error).
bool readOptions(Context &context, CompareOptions *options)
{
    const QStringList files = context.words();
    options->models = context.parser().values(QStringLiteral("model"));
    options->stem = context.parser().isSet(QStringLiteral("stem"));
    if (!context.concurrency(&options->concurrency))
        return false;
    if (files.size() != 1) {
        context.err() << usageLine() << '\n';
        return false;
    }
    options->file = files.first();
    return true;
}

/// Reads the file: a file written by --save continues (or only rescores) that run.
int loadInput(Context &context, const CompareOptions &options, CompareInput *input)
{
    QString loadError;
    input->stored = BatchResults::load(options.file, &loadError);
    if (input->stored && !options.models.isEmpty()) {
        context.err() << Context::tr("error: %1 holds saved answers of its own models; leave "
                                     "out --model to score them again.")
                                 .arg(options.file)
                      << '\n';
        return ExitUsage;
    }
    if (input->stored)
        return ExitOk;
    if (options.models.isEmpty()) {
        context.err() << usageLine() << '\n';
        return ExitUsage;
    }
    input->items = loadBatchItems(options.file);
    if (!input->items.error.isEmpty()) {
        context.err() << Context::tr("error: %1").arg(input->items.error) << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

/// Every target on the connection given now (a stored file names its servers without keys),
/// reached through its deployment where it needs one. False with the reason printed.
bool reachTargets(Context &context, QList<ModelTarget> *targets)
{
    for (ModelTarget &target : *targets) {
        target.connection = context.client().connection();
        if (!reachTarget(context, &target))
            return false;
    }
    return true;
}

/// The stored answers again, for the targets reached now.
BatchResults withTargets(const BatchResults &stored, const QList<ModelTarget> &targets, bool stem)
{
    BatchResults rebuilt(stored.items(), targets);
    for (int i = 0; i < stored.itemCount(); ++i) {
        for (int m = 0; m < stored.modelCount(); ++m)
            rebuilt.setGeneration(i, m, stored.generation(i, m));
    }
    rebuilt.recompute(stem);
    return rebuilt;
}

/// Sets the runner up with what is left to ask, connecting when anything is. False with the
/// reason printed.
bool prepareRunner(
        Context &context, const CompareOptions &options, CompareInput *input, BatchRunner *runner)
{
    runner->setConcurrency(options.concurrency);
    runner->setStem(options.stem);
    if (input->stored) {
        input->stored->recompute(options.stem);
        runner->setup(*input->stored, true);
        if (runner->total() == 0)
            return true; // only scored again: no network
    }
    if (!context.connect())
        return false;
    QList<ModelTarget> targets;
    if (input->stored) {
        targets = input->stored->models();
    } else {
        for (const QString &model : options.models) {
            targets << ModelTarget();
            targets.last().model = model;
        }
    }
    if (!reachTargets(context, &targets))
        return false;
    if (input->stored)
        runner->setup(withTargets(*input->stored, targets, options.stem), true);
    else
        runner->setup(input->items.items, targets);
    return true;
}

/// Asks what is left, with progress on a terminal and pauses said.
void runBatch(Context &context, BatchRunner &runner)
{
    const bool terminal = isatty(fileno(stderr)) && !context.json();
    QObject::connect(&runner, &BatchRunner::progress, &runner, [&](int done, int total) {
        if (!terminal)
            return;
        context.err() << '\r' << Context::tr("%1 of %2 answers").arg(done).arg(total)
                      << QStringLiteral("   ");
        context.err().flush();
    });
    QObject::connect(
            &runner, &BatchRunner::paused, &runner, [&](int delayMs, const ApiError &error) {
                if (!context.json())
                    context.err() << (terminal ? "\r" : "")
                                  << waitingLine(error.plainMessage(), delayMs) << '\n';
            });
    if (runner.total() == 0)
        return;
    runToEnd(runner, &BatchRunner::finished);
    if (terminal)
        context.clearProgressLine(40);
}

/// Writes --save and --csv; false with the reason printed.
bool writeFiles(Context &context, const BatchResults &results)
{
    const QCommandLineParser &parser = context.parser();
    QString error;
    if (parser.isSet(QStringLiteral("save"))
            && !results.save(parser.value(QStringLiteral("save")), &error)) {
        context.err() << Context::tr("error: %1").arg(error) << '\n';
        return false;
    }
    if (parser.isSet(QStringLiteral("csv"))
            && !results.exportCsv(parser.value(QStringLiteral("csv")), &error)) {
        context.err() << Context::tr("error: %1").arg(error) << '\n';
        return false;
    }
    return true;
}

void printResults(Context &context, const CompareOptions &options, const BatchResults &results)
{
    if (context.json()) {
        context.printJson(averagesJson(results));
        return;
    }
    const QString name = QFileInfo(options.file).fileName();
    context.out() << Context::tr("%Ln example(s) from %1", nullptr, results.itemCount()).arg(name)
                  << (results.stems() ? Context::tr(", words stemmed") : QString()) << '\n';
    printAverages(context.out(), results);
}

/// Says why answers are missing, once per distinct reason; the exit code.
int reportFailures(Context &context, const BatchResults &results)
{
    const int failed = results.failedCount();
    if (failed == 0)
        return ExitOk;
    QStringList reasons;
    for (int i = 0; i < results.itemCount(); ++i) {
        for (int m = 0; m < results.modelCount(); ++m) {
            const Generation &g = results.generation(i, m);
            if (g.status == Generation::Status::Failed && !reasons.contains(g.error))
                reasons << g.error;
        }
    }
    const QString why = reasons.mid(0, 3).join(QLatin1Char(' '));
    context.err() << Context::tr("error: %Ln answer(s) could not be obtained: %1", nullptr, failed)
                             .arg(why)
                  << '\n';
    return ExitFailure;
}

int runVerb(Context &context)
{
    CompareOptions options;
    if (!readOptions(context, &options))
        return ExitUsage;
    CompareInput input;
    if (const int loaded = loadInput(context, options, &input); loaded != ExitOk)
        return loaded;
    QNetworkAccessManager nam;
    BatchRunner runner(&nam);
    if (!prepareRunner(context, options, &input, &runner))
        return ExitFailure;
    if (!context.json() && input.items.skipped > 0)
        context.err() << (input.items.skipped == 1
                        ? Context::tr("note: 1 example without an assistant answer "
                                      "was left out.")
                        : Context::tr("note: %1 examples without an assistant answer "
                                      "were left out.")
                                  .arg(input.items.skipped))
                      << '\n';
    runBatch(context, runner);
    if (!writeFiles(context, runner.results()))
        return ExitFailure;
    printResults(context, options, runner.results());
    return reportFailures(context, runner.results());
}

} // namespace

const Verb compareVerb = {kSyntax, runVerb};

} // namespace fs::cli
