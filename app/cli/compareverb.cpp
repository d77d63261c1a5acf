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

} // namespace

int runCompare(const QStringList &arguments)
{
    Context context;
    QCommandLineParser parser;
    Context::addCommonOptions(parser);
    parser.addOption({QStringLiteral("model"),
            Context::tr("A model to compare; give it once per model (two or more)."),
            QStringLiteral("model")});
    parser.addOption({QStringLiteral("concurrency"),
            Context::tr("How many requests may be in flight at once (default 4)."),
            QStringLiteral("n"), QStringLiteral("4")});
    parser.addOption({QStringLiteral("csv"),
            Context::tr("Also write every example, answer and score to this CSV file."),
            QStringLiteral("file")});
    parser.addOption({QStringLiteral("save"),
            Context::tr("Keep the answers in this file, to score them again later without "
                        "asking the models (pass it as FILE)."),
            QStringLiteral("file")});
    parser.addOption({QStringLiteral("stem"),
            Context::tr("Compare word stems (\"running\" matches \"runs\"), as rouge-score's "
                        "use_stemmer does.")});
    parser.addPositionalArgument(QStringLiteral("file"),
            Context::tr("A JSONL file of chat examples (e.g. a validation file): each example's "
                        "last assistant message is the reference. Or a file written by --save."));
    int exitCode = ExitOk;
    if (!context.parse(parser, arguments,
                Context::tr("Compares models on a file of examples and prints their average "
                            "ROUGE-1, ROUGE-2 and ROUGE-L F-measures."),
                &exitCode))
        return exitCode;

    const QStringList files = parser.positionalArguments();
    const QStringList models = parser.values(QStringLiteral("model"));
    bool ok = false;
    const int concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 64) {
        context.err() << Context::tr("error: --concurrency takes a number from 1 to 64.") << '\n';
        return ExitUsage;
    }
    if (files.size() != 1) {
        context.err() << Context::tr("usage: finetune-studio compare --model A --model B FILE "
                                     "[--concurrency N] [--csv OUT] [--stem]")
                      << '\n';
        return ExitUsage;
    }
    const bool stem = parser.isSet(QStringLiteral("stem"));

    // A file written by --save continues (or only rescores) that run.
    QString loadError;
    std::optional<BatchResults> stored = BatchResults::load(files.first(), &loadError);
    BatchItemsLoad items;
    if (!stored) {
        if (models.isEmpty()) {
            context.err() << Context::tr("usage: finetune-studio compare --model A --model B FILE "
                                         "[--concurrency N] [--csv OUT] [--stem]")
                          << '\n';
            return ExitUsage;
        }
        items = loadBatchItems(files.first());
        if (!items.error.isEmpty()) {
            context.err() << Context::tr("error: %1").arg(items.error) << '\n';
            return ExitFailure;
        }
    } else if (!models.isEmpty()) {
        context.err() << Context::tr("error: %1 holds saved answers of its own models; leave "
                                     "out --model to score them again.")
                                 .arg(files.first())
                      << '\n';
        return ExitUsage;
    }

    QNetworkAccessManager nam;
    BatchRunner runner(&nam);
    runner.setConcurrency(concurrency);
    runner.setStem(stem);
    if (stored) {
        stored->recompute(stem);
        runner.setup(*stored, true);
    }
    const bool needsNetwork = !stored || runner.total() > 0;
    if (needsNetwork) {
        if (!context.connect(parser))
            return ExitFailure;
    }
    // A fine-tuned model that must be deployed answers through its running deployment.
    const auto route = [&context](ModelTarget *target) {
        QString servedAs = target->model;
        if (!reachModel(context, &servedAs))
            return false;
        if (servedAs != target->model)
            target->servedAs = servedAs;
        return true;
    };
    if (!stored) {
        QList<ModelTarget> targets;
        for (const QString &model : models) {
            ModelTarget target;
            target.connection = context.client().connection();
            target.model = model;
            if (!route(&target))
                return ExitFailure;
            targets << target;
        }
        runner.setup(items.items, targets);
    } else if (needsNetwork) {
        // The stored file names its servers without keys: use the connection given now.
        BatchResults again = *stored;
        QList<ModelTarget> targets = again.models();
        for (ModelTarget &target : targets) {
            target.connection = context.client().connection();
            if (!route(&target))
                return ExitFailure;
        }
        BatchResults rebuilt(again.items(), targets);
        for (int i = 0; i < again.itemCount(); ++i) {
            for (int m = 0; m < again.modelCount(); ++m)
                rebuilt.setGeneration(i, m, again.generation(i, m));
        }
        rebuilt.recompute(stem);
        runner.setup(rebuilt, true);
    }

    const bool terminal = isatty(fileno(stderr)) && !context.json();
    if (!context.json() && items.skipped > 0)
        context.err() << (items.skipped == 1
                        ? Context::tr("note: 1 example without an assistant answer "
                                      "was left out.")
                        : Context::tr("note: %1 examples without an assistant answer "
                                      "were left out.")
                                  .arg(items.skipped))
                      << '\n';
    QObject::connect(&runner, &BatchRunner::progress, &runner, [&](int done, int total) {
        if (!terminal)
            return;
        context.err() << '\r' << Context::tr("%1 of %2 answers").arg(done).arg(total)
                      << QStringLiteral("   ");
        context.err().flush();
    });
    QObject::connect(
            &runner, &BatchRunner::paused, &runner, [&](int delayMs, const ApiError &error) {
                if (context.json())
                    return;
                context.err() << (terminal ? "\r" : "")
                              << Context::tr("%1 Waiting %2 s before going on.")
                                         .arg(error.plainMessage())
                                         .arg((delayMs + 999) / 1000)
                              << '\n';
            });
    if (runner.total() > 0) {
        QEventLoop loop;
        QObject::connect(&runner, &BatchRunner::finished, &loop, &QEventLoop::quit);
        runner.start();
        if (runner.isRunning())
            loop.exec();
        if (terminal)
            context.err() << '\r' << QString(40, QLatin1Char(' ')) << '\r';
    }
    const BatchResults &results = runner.results();

    if (parser.isSet(QStringLiteral("save"))) {
        QString error;
        if (!results.save(parser.value(QStringLiteral("save")), &error)) {
            context.err() << Context::tr("error: %1").arg(error) << '\n';
            return ExitFailure;
        }
    }
    if (parser.isSet(QStringLiteral("csv"))) {
        QString error;
        if (!results.exportCsv(parser.value(QStringLiteral("csv")), &error)) {
            context.err() << Context::tr("error: %1").arg(error) << '\n';
            return ExitFailure;
        }
    }
    if (context.json()) {
        context.printJson(averagesJson(results));
    } else {
        const QString name = QFileInfo(files.first()).fileName();
        context.out()
                << Context::tr("%Ln example(s) from %1", nullptr, results.itemCount()).arg(name)
                << (results.stems() ? Context::tr(", words stemmed") : QString()) << '\n';
        printAverages(context.out(), results);
    }
    const int failed = results.failedCount();
    if (failed > 0) {
        // Say why, once per distinct reason.
        QStringList reasons;
        for (int i = 0; i < results.itemCount(); ++i) {
            for (int m = 0; m < results.modelCount(); ++m) {
                const Generation &g = results.generation(i, m);
                if (g.status == Generation::Status::Failed && !reasons.contains(g.error))
                    reasons << g.error;
            }
        }
        const QString why = reasons.mid(0, 3).join(QLatin1Char(' '));
        context.err() << Context::tr(
                "error: %Ln answer(s) could not be obtained: %1", nullptr, failed)
                                 .arg(why)
                      << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace fs::cli
