// SPDX-License-Identifier: GPL-3.0-or-later
// ROUGE-1/2/L for 10,000 pairs of 200-word texts (aim: under 1 s on one core). Words are drawn
// Zipf-like from the Porter test vocabulary, each prediction shares about half of its
// reference's words, so n-grams and subsequences overlap as real answers do.
// Usage: bench_rouge [pairs] [words]
#include "rouge.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <QThread>
#include <cmath>
#include <ctime>

// CPU time of this thread: the machine may be shared, wall time then says little.
static qint64 threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int pairs = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int words = argc > 2 ? std::atoi(argv[2]) : 200;
    QTextStream out(stdout);

    QStringList vocabulary;
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/rouge/porter-vocabulary.tsv"));
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            if (!line.startsWith('#'))
                vocabulary << QString::fromUtf8(line.left(line.indexOf('\t')));
        }
    }
    if (vocabulary.size() < 1000) {
        out << "tests/data/rouge/porter-vocabulary.tsv is missing\n";
        return 1;
    }
    QRandomGenerator random(1);
    const auto zipfWord = [&] {
        // Rank ~ exp(uniform · ln N): a heavy head like real text.
        const double u = random.generateDouble();
        const int rank = int(std::exp(u * std::log(double(vocabulary.size())))) - 1;
        return vocabulary.at(rank % vocabulary.size());
    };
    QStringList targets;
    QStringList predictions;
    targets.reserve(pairs);
    predictions.reserve(pairs);
    qint64 characters = 0;
    for (int p = 0; p < pairs; ++p) {
        QStringList target;
        QStringList prediction;
        for (int w = 0; w < words; ++w) {
            const QString word = zipfWord();
            target << word;
            prediction << (random.bounded(2) ? word : zipfWord());
        }
        targets << target.join(QLatin1Char(' ')) + QLatin1Char('.');
        predictions << prediction.join(QLatin1Char(' ')) + QLatin1Char('!');
        characters += targets.last().size() + predictions.last().size();
    }
    out << pairs << " pairs of " << words << "-word texts (" << characters / 1024 / 1024
        << " M characters)\n";

    double checksum = 0;
    for (const bool stem : {false, true}) {
        for (const int threads : {1, QThread::idealThreadCount()}) {
            QElapsedTimer timer;
            timer.start();
            const qint64 cpuStart = threadCpuMs();
            const QList<fs::RougeScores> scores =
                    fs::RougeScorer::scoreAll(targets, predictions, stem, threads);
            const qint64 ms = timer.elapsed();
            const qint64 cpuMs = threadCpuMs() - cpuStart; // the calling thread only
            double mean = 0;
            for (const fs::RougeScores &s : scores)
                mean += s.rougeL.fmeasure;
            mean /= scores.size();
            checksum += mean;
            // One thread: judged by its CPU time (the machine may be shared).
            const qint64 judged = threads == 1 ? cpuMs : ms;
            out << (stem ? "stemmed  " : "plain    ") << threads << " thread(s): " << ms
                << " ms wall"
                << (threads == 1 ? QStringLiteral(", %1 ms CPU").arg(cpuMs) : QString()) << "  ("
                << QString::number(double(judged) * 1000.0 / pairs, 'f', 1)
                << " µs per pair; mean ROUGE-L F " << QString::number(mean, 'f', 4) << ")"
                << (threads == 1 ? (judged < 1000 ? "  [aim < 1 s: met]" : "  [aim < 1 s: MISSED]")
                                 : "")
                << '\n';
        }
    }
    out << "checksum " << checksum << '\n';
    return 0;
}
