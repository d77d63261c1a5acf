// SPDX-License-Identifier: GPL-3.0-or-later
// Tokenizer throughput, side by side with Node's tokenizers on the same text in the same run.
//
//   bench_tokenizer [--seconds S] [--text FILE]
//
// The text (by default tests/data/tokenizer/corpus.txt shuffled and repeated to ~4 MB: English,
// Japanese and other scripts, emoji, code, numbers) is encoded line by line, as the app counts
// one message at a time. When Node and tests/data/tokenizer/node_modules are there (npm ci in that
// folder), bench.mjs measures tiktoken (OpenAI's Rust core compiled to WASM), js-tiktoken and
// gpt-tokenizer on the same file, and the ratios are printed. Single-thread figures are MB of
// UTF-8 per second of CPU time (robust on a shared machine); the two-thread one is wall time.
#include "tokenizer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <thread>

using fs::Tokenizer;

namespace {

QString defaultText()
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/tokenizer/corpus.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines =
            QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QString text;
    quint32 seed = 2024;
    while (text.toUtf8().size() < 4'000'000) {
        // Fisher-Yates with a fixed seed: the same text on every run and machine.
        for (qsizetype i = lines.size() - 1; i > 0; --i) {
            seed = seed * 1664525u + 1013904223u;
            lines.swapItemsAt(i, qsizetype(seed % quint32(i + 1)));
        }
        text += lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    return text;
}

struct Result
{
    double mbPerSecond = 0;
    qint64 tokens = 0;
};

// CPU time of the process, not wall time: the machines this runs on are shared, and Node is
// measured the same way (process.cpuUsage()), so the ratios hold under load.
double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

template<typename Fn>
Result measure(const QList<QStringView> &lines, qint64 bytes, double seconds, Fn encodeLine)
{
    Result r;
    for (const QStringView line : lines)
        r.tokens += encodeLine(line); // warm-up, and the token total
    const double start = cpuSeconds();
    double elapsed = 0;
    int runs = 0;
    do {
        for (const QStringView line : lines)
            encodeLine(line);
        ++runs;
        elapsed = cpuSeconds() - start;
    } while (elapsed < seconds);
    r.mbPerSecond = double(bytes) * runs / elapsed / 1e6;
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 3;
    QString textPath;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--seconds"))
            seconds = args.at(++i).toDouble();
        else if (args.at(i) == QLatin1String("--text"))
            textPath = args.at(++i);
    }
    QTextStream out(stdout);

    QString text;
    if (textPath.isEmpty()) {
        text = defaultText();
    } else {
        QFile file(textPath);
        if (file.open(QIODevice::ReadOnly))
            text = QString::fromUtf8(file.readAll());
    }
    if (text.isEmpty()) {
        out << "No text to measure.\n";
        return 2;
    }
    const qint64 bytes = text.toUtf8().size();
    QList<QStringView> lines;
    for (const QStringView line : QStringView(text).split(u'\n'))
        lines.append(line);
    out << "Text: " << bytes << " bytes of UTF-8, " << lines.size() << " lines\n";

    QElapsedTimer loadTimer;
    loadTimer.start();
    const Tokenizer &o200k = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    const qint64 o200kLoad = loadTimer.restart();
    const Tokenizer &cl100k = Tokenizer::instance(Tokenizer::Encoding::Cl100kBase);
    const qint64 cl100kLoad = loadTimer.elapsed();
    out << "Load from the compiled-in rank files: o200k_base " << o200kLoad << " ms, cl100k_base "
        << cl100kLoad << " ms\n\n";

    struct Row
    {
        QString name;
        QString encoding;
        double mbPerSecond;
        qint64 tokens;
    };
    QList<Row> rows;
    QHash<QString, double> ours; // encoding -> MB/s of count(), one thread
    for (const Tokenizer *t : {&o200k, &cl100k}) {
        const QString enc = Tokenizer::encodingName(t->encoding());
        const Result count =
                measure(lines, bytes, seconds, [t](QStringView s) { return qint64(t->count(s)); });
        const Result encode = measure(
                lines, bytes, seconds, [t](QStringView s) { return qint64(t->encode(s).size()); });
        // Two threads on halves of the lines (the background validation's case), in wall time.
        std::atomic<qint64> threadTokens {0};
        QElapsedTimer timer;
        timer.start();
        int runs = 0;
        do {
            std::thread a([&] {
                qint64 n = 0;
                for (qsizetype i = 0; i < lines.size(); i += 2)
                    n += t->count(lines.at(i));
                threadTokens += n;
            });
            qint64 n = 0;
            for (qsizetype i = 1; i < lines.size(); i += 2)
                n += t->count(lines.at(i));
            a.join();
            threadTokens += n;
            ++runs;
        } while (timer.nsecsElapsed() < qint64(seconds * 1e9));
        const double twoThreads = double(bytes) * runs / (double(timer.nsecsElapsed()) / 1e9) / 1e6;
        rows.append(
                {QStringLiteral("fs::Tokenizer count()"), enc, count.mbPerSecond, count.tokens});
        rows.append(
                {QStringLiteral("fs::Tokenizer encode()"), enc, encode.mbPerSecond, encode.tokens});
        rows.append({QStringLiteral("fs::Tokenizer count(), 2 threads"), enc, twoThreads,
                threadTokens.load() / runs});
        ours.insert(enc, encode.mbPerSecond);
    }

    // Node's tokenizers on the same text.
    const QString nodeDir = QStringLiteral(FS_TOKENIZER_NODE_DIR);
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    QString nodeNote;
    if (node.isEmpty()) {
        nodeNote = QStringLiteral("Node is not installed: no comparison.");
    } else if (!QDir(nodeDir + QStringLiteral("/node_modules/tiktoken")).exists()) {
        nodeNote = QStringLiteral("No node_modules in %1 (run npm ci there): no comparison.")
                           .arg(nodeDir);
    } else {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("text.txt")));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(text.toUtf8());
            file.close();
        }
        QProcess process;
        process.setWorkingDirectory(nodeDir);
        process.start(node,
                {nodeDir + QStringLiteral("/bench.mjs"), file.fileName(),
                        QString::number(seconds)});
        if (!process.waitForFinished(600'000) || process.exitCode() != 0) {
            nodeNote = QStringLiteral("The Node benchmark failed: ")
                    + QString::fromUtf8(process.readAllStandardError());
        } else {
            const QJsonObject o = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
            const QJsonArray results = o.value(QLatin1String("results")).toArray();
            for (const QJsonValue &v : results) {
                const QJsonObject r = v.toObject();
                rows.append({r.value(QLatin1String("name")).toString() + QStringLiteral(", Node"),
                        r.value(QLatin1String("encoding")).toString(),
                        r.value(QLatin1String("mbPerSecond")).toDouble(),
                        qint64(r.value(QLatin1String("tokens")).toDouble())});
            }
        }
    }

    out << QStringLiteral("%1 %2 %3 %4 %5\n")
                    .arg(QStringLiteral("implementation"), -36)
                    .arg(QStringLiteral("encoding"), -12)
                    .arg(QStringLiteral("MB/s"), 9)
                    .arg(QStringLiteral("tokens"), 10)
                    .arg(QStringLiteral("fs encode() ÷ this"), 20);
    for (const Row &r : rows) {
        const QString &name = r.name;
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                        .arg(name, -36)
                        .arg(r.encoding, -12)
                        .arg(r.mbPerSecond, 9, 'f', 2)
                        .arg(r.tokens, 10)
                        .arg(ours.value(r.encoding) / r.mbPerSecond, 19, 'f', 2);
    }
    if (!nodeNote.isEmpty())
        out << "\n" << nodeNote << "\n";
    return 0;
}
