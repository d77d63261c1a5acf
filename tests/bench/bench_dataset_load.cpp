// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a 100 MB / 100,000-example chat file: time to the first examples, total load time,
// the longest stretch the GUI thread was blocked, peak memory, and (with --tokens) the time to
// count every example's tokens in the background.
//
//   bench_dataset_load [--examples N] [--keep FILE] [--tokens]
#include "benchdata.h"
#include "datasetdocument.h"
#include "datasetstatistics.h"
#include "examplesmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace fs;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int examples = 100000;
    QString keep;
    QString existing;
    bool tokens = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--examples") && i + 1 < args.size())
            examples = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--keep") && i + 1 < args.size())
            keep = args.at(++i);
        else if (args.at(i) == QLatin1String("--file") && i + 1 < args.size())
            existing = args.at(++i);
        else if (args.at(i) == QLatin1String("--tokens"))
            tokens = true;
    }
    QTemporaryDir dir;
    QString path = keep.isEmpty() ? dir.filePath(QStringLiteral("big.jsonl")) : keep;
    qint64 fileSize = 0;
    if (!existing.isEmpty()) {
        // Measure memory without the generator's buffer in the peak.
        path = existing;
        fileSize = QFileInfo(path).size();
        std::printf("using %s, %.1f MB\n", qPrintable(path), double(fileSize) / 1e6);
    } else {
        QElapsedTimer t;
        t.start();
        const QByteArray data = fs::bench::generateChatDataset(examples);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 2;
        }
        fileSize = data.size();
        std::printf("generated %d examples, %.1f MB in %lld ms -> %s\n", examples,
                double(fileSize) / 1e6, t.elapsed(), qPrintable(path));
    }
    const qint64 rssBefore = fs::bench::procStatusKb("VmRSS:");

    DatasetDocument doc;
    doc.setAutosaveDelay(0);
    ExamplesModel model;
    model.setDocument(&doc);
    ExamplesFilterModel filter;
    filter.setSourceModel(&model);

    QElapsedTimer clock;
    qint64 firstRows = -1;
    qint64 maxGap = 0;
    qint64 lastTick = 0;
    QTimer ticker; // the GUI thread's heartbeat: a gap between ticks is time it was blocked
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        maxGap = qMax(maxGap, now - lastTick);
        lastTick = now;
    });
    QObject::connect(&doc, &DatasetDocument::examplesInserted, &app, [&] {
        if (firstRows < 0) {
            firstRows = clock.elapsed();
            // What a view does on the first batch: read the visible rows.
            for (int r = 0; r < qMin(50, model.rowCount()); ++r)
                for (int c = 0; c < ExamplesModel::ColumnCount; ++c)
                    model.data(model.index(r, c));
            (void)doc.example(0);
        }
    });
    qint64 batchStart = 0;
    qint64 maxBatch = 0;
    QObject::connect(&doc, &DatasetDocument::examplesAboutToBeInserted, &app,
            [&] { batchStart = clock.elapsed(); });
    QObject::connect(&doc, &DatasetDocument::examplesInserted, &app,
            [&] { maxBatch = qMax(maxBatch, clock.elapsed() - batchStart); });
    qint64 loaded = -1;
    QObject::connect(&doc, &DatasetDocument::loadFinished, &app, [&](const DatasetError &e) {
        loaded = clock.elapsed();
        if (e.isError())
            std::printf("load error: %s\n", qPrintable(e.message));
        app.quit();
    });
    clock.start();
    ticker.start();
    doc.openAsync(path);
    app.exec();
    ticker.stop();
    const qint64 hwm = fs::bench::procStatusKb("VmHWM:");
    std::printf("first examples available: %lld ms\n", firstRows);
    std::printf("loaded %d examples in %lld ms (%.1f MB/s)\n", doc.count(), loaded,
            double(fileSize) / 1e3 / double(qMax<qint64>(1, loaded)));
    std::printf("longest GUI-thread block while loading: %lld ms (longest batch insert incl. "
                "model and proxy: %lld ms)\n",
            maxGap, maxBatch);
    std::printf("memory: peak %.1f MB (VmHWM), %.2f x file size; RSS before open %.1f MB\n",
            double(hwm) / 1024, double(hwm) * 1024 / double(fileSize), double(rssBefore) / 1024);

    if (tokens) {
        TokenCountJob job;
        maxGap = 0;
        qint64 done = -1;
        QObject::connect(&job, &TokenCountJob::finished, &app, [&] {
            done = clock.elapsed();
            app.quit();
        });
        const qint64 start = clock.elapsed();
        lastTick = start;
        ticker.start();
        job.start(&doc, Tokenizer::Encoding::O200kBase);
        app.exec();
        ticker.stop();
        const DatasetStatistics s = DatasetStatistics::compute(doc, 65536);
        std::printf("token counts of all examples: %lld ms (longest GUI block %lld ms); total %lld "
                    "tokens, mean %.1f per example\n",
                done - start, maxGap, s.totalTokens, s.tokensPerExample.mean);
        std::printf("memory after counting: peak %.1f MB (VmHWM)\n",
                double(fs::bench::procStatusKb("VmHWM:")) / 1024);
    }
    {
        QElapsedTimer t;
        t.start();
        filter.setText(QStringLiteral("refund"));
        std::printf("text filter over %d rows: %lld ms (%d match)\n", doc.count(), t.elapsed(),
                filter.rowCount());
    }
    {
        QElapsedTimer t;
        t.start();
        const DatasetError e = doc.saveCopy(dir.filePath(QStringLiteral("copy.jsonl")));
        std::printf("save a copy (synchronous, atomic): %lld ms%s\n", t.elapsed(),
                e.isError() ? " FAILED" : "");
    }
    {
        filter.setText(QString());
        QElapsedTimer t;
        t.start();
        const int n = doc.setSystemPrompt(QStringLiteral("You are a concise support agent."));
        std::printf(
                "set the system prompt of %d examples (one undo step): %lld ms\n", n, t.elapsed());
        t.restart();
        doc.undoStack()->undo();
        std::printf("undo it: %lld ms\n", t.elapsed());
    }
    {
        // The same in the background, as the editor does it: the GUI thread stays free.
        qint64 count = -1;
        QObject::connect(&doc, &DatasetDocument::bulkFinished, &app, [&](int n) {
            count = n;
            app.quit();
        });
        maxGap = 0;
        const qint64 start = clock.elapsed();
        lastTick = start;
        ticker.start();
        doc.setSystemPromptAsync(QStringLiteral("You are a concise support agent."));
        app.exec();
        ticker.stop();
        std::printf("the same in the background: %lld ms for %lld examples, longest GUI block "
                    "%lld ms\n",
                clock.elapsed() - start, count, maxGap);
    }
    {
        QObject::connect(&doc, &DatasetDocument::saveFinished, &app, [&] { app.quit(); });
        maxGap = 0;
        const qint64 start = clock.elapsed();
        lastTick = start;
        ticker.start();
        doc.saveAsync(dir.filePath(QStringLiteral("async.jsonl")));
        app.exec();
        ticker.stop();
        std::printf("save in the background: %lld ms, longest GUI block %lld ms\n",
                clock.elapsed() - start, maxGap);
    }
    return 0;
}
