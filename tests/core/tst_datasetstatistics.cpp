// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundwork.h"
#include "datasetdocument.h"
#include "datasetstatistics.h"

#include <QSignalSpy>
#include <QTest>

using namespace fs;

namespace {

ExampleCounts counts(int messages, int tokens, int assistant,
        quint8 roles = ExampleSummary::HasUser | ExampleSummary::HasAssistant)
{
    ExampleCounts c;
    c.messages = messages;
    c.tokens = tokens;
    c.assistantTokens = assistant;
    c.roles = roles;
    return c;
}

} // namespace

class tst_DatasetStatistics : public QObject
{
    Q_OBJECT

private slots:
    void distributionLikeNumpy()
    {
        // numpy: np.quantile([1,2,3,4,10], 0.1) = 1.4, 0.9 = 7.6, median 3, mean 4.
        const Distribution d = Distribution::of({10, 2, 4, 1, 3});
        QCOMPARE(d.count, 5);
        QCOMPARE(d.min, 1.0);
        QCOMPARE(d.max, 10.0);
        QCOMPARE(d.mean, 4.0);
        QCOMPARE(d.median, 3.0);
        QCOMPARE(d.p10, 1.4);
        QCOMPARE(d.p90, 7.6);
        QCOMPARE(d.sum, 20);
        // Even count: median between the middle two.
        QCOMPARE(Distribution::of({1, 2, 3, 4}).median, 2.5);
        QCOMPARE(Distribution::of({7}).p90, 7.0);
        QCOMPARE(Distribution::of({}).count, 0);
        QCOMPARE(Distribution::of({}).mean, 0.0);
    }

    void histogramBins()
    {
        const Histogram h = Histogram::of({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5);
        QCOMPARE(h.counts, (QList<int> {2, 2, 2, 2, 2}));
        QCOMPARE(h.lowerBounds, (QList<qint64> {0, 2, 4, 6, 8}));
        QCOMPARE(h.upperBounds, (QList<qint64> {1, 3, 5, 7, 9}));
        const Histogram one = Histogram::of({5, 5, 5}, 20);
        QCOMPARE(one.counts, QList<int> {3});
        const Histogram wide = Histogram::of({100, 1000, 1001}, 3);
        QCOMPARE(wide.counts.size(), 3);
        QCOMPARE(wide.counts, (QList<int> {1, 0, 2}));
        int total = 0;
        for (int c : wide.counts)
            total += c;
        QCOMPARE(total, 3);
        QVERIFY(Histogram::of({}, 10).counts.isEmpty());
    }

    void integerTicksForCounts_data()
    {
        QTest::addColumn<qint64>("highest");
        QTest::addColumn<qint64>("max");
        QTest::addColumn<qint64>("step");
        QTest::newRow("0") << qint64(0) << qint64(1) << qint64(1);
        QTest::newRow("1") << qint64(1) << qint64(1) << qint64(1);
        QTest::newRow("5") << qint64(5) << qint64(5) << qint64(1);
        QTest::newRow("6") << qint64(6) << qint64(6) << qint64(2);
        QTest::newRow("7") << qint64(7) << qint64(8) << qint64(2);
        QTest::newRow("11") << qint64(11) << qint64(15) << qint64(5);
        QTest::newRow("1000") << qint64(1000) << qint64(1000) << qint64(200);
        QTest::newRow("1001") << qint64(1001) << qint64(1500) << qint64(500);
    }

    void integerTicksForCounts()
    {
        // A bar of 1 must sit on the tick labelled 1: whole steps, the top a multiple of the step.
        QFETCH(qint64, highest);
        QFETCH(qint64, max);
        QFETCH(qint64, step);
        const IntegerTicks ticks = IntegerTicks::cover(0, highest);
        QCOMPARE(ticks.min, qint64(0));
        QCOMPARE(ticks.max, max);
        QCOMPARE(ticks.step, step);
        QCOMPARE(ticks.max % ticks.step, qint64(0));
        QVERIFY(ticks.max >= highest);
        QVERIFY(ticks.count() <= 6);
        QCOMPARE(ticks.count(), int(max / step) + 1);
    }

    void integerTicksForARange()
    {
        const IntegerTicks ticks = IntegerTicks::cover(180, 2450);
        QCOMPARE(ticks.step, qint64(500));
        QCOMPARE(ticks.min, qint64(0));
        QCOMPARE(ticks.max, qint64(2500));
        const IntegerTicks narrow = IntegerTicks::cover(1003, 1003);
        QCOMPARE(narrow.min, qint64(1003));
        QCOMPARE(narrow.max, qint64(1004));
        QCOMPARE(IntegerTicks::niceStep(0), qint64(1));
        QCOMPARE(IntegerTicks::niceStep(1.2), qint64(2));
        QCOMPARE(IntegerTicks::niceStep(2.5), qint64(5));
        QCOMPARE(IntegerTicks::niceStep(5.1), qint64(10));
        QCOMPARE(IntegerTicks::niceStep(300.7), qint64(500));
    }

    void histogramEdgesAreRound()
    {
        // Token counts of a real file: the edges are multiples of a 1-2-5 width.
        const Histogram h = Histogram::of({183, 240, 377, 512, 998, 1203, 2441}, 20);
        QCOMPARE(h.binWidth(), qint64(200));
        QCOMPARE(h.lowerBounds.first(), qint64(0));
        QCOMPARE(h.upperBounds.last(), qint64(2599));
        QCOMPARE(h.counts.size(), 13);
        for (qint64 edge : h.lowerBounds)
            QCOMPARE(edge % h.binWidth(), qint64(0));
        QCOMPARE(h.highestCount(), 2);
        QCOMPARE(Histogram().highestCount(), 0);
    }

    void epochsByTheCookbookRule_data()
    {
        QTest::addColumn<int>("examples");
        QTest::addColumn<int>("epochs");
        QTest::newRow("none (EpochRule: the target)") << 0 << 3;
        QTest::newRow("1") << 1 << 25;
        QTest::newRow("4") << 4 << 25;
        QTest::newRow("5 (the cookbook's example)") << 5 << 20;
        QTest::newRow("33") << 33 << 3; // 33*3 = 99 < 100 → 100 // 33 = 3
        QTest::newRow("34") << 34 << 3;
        QTest::newRow("8333") << 8333 << 3; // 24,999
        QTest::newRow("8334") << 8334 << 2; // 25,002 > 25,000 → 25000 // 8334 = 2
        QTest::newRow("30000") << 30000 << 1;
    }
    void epochsByTheCookbookRule()
    {
        QFETCH(int, examples);
        QFETCH(int, epochs);
        QCOMPARE(TrainingEstimate::defaultEpochs(examples), epochs);
    }

    void statisticsAndEstimate()
    {
        QList<ExampleCounts> c;
        c << counts(3, 1000, 400,
                ExampleSummary::HasSystem | ExampleSummary::HasUser | ExampleSummary::HasAssistant)
          << counts(2, 500, 100) << counts(5, 20000, 9000)
          << counts(2, 806, 300, ExampleSummary::HasAssistant) << counts(4, 2000, 1000)
          << counts(1, -1, -1); // not counted yet
        const DatasetStatistics s = DatasetStatistics::compute(c, 16385, 4);
        QCOMPARE(s.examples, 6);
        QCOMPARE(s.countedExamples, 5);
        QCOMPARE(s.messagesPerExample.min, 1.0);
        QCOMPARE(s.messagesPerExample.max, 5.0);
        QCOMPARE(s.messagesPerExample.median, 2.5);
        QCOMPARE(s.tokensPerExample.max, 20000.0);
        QCOMPARE(s.tokensPerExample.median, 1000.0);
        QCOMPARE(s.totalTokens, 24306);
        QCOMPARE(s.overLimit, 1);
        QCOMPARE(s.billableTokensPerEpoch, 1000 + 500 + 16385 + 806 + 2000);
        QCOMPARE(s.missingSystem, 5);
        QCOMPARE(s.missingUser, 1);
        QCOMPARE(s.assistantTokensPerExample.count, 5);
        QCOMPARE(s.assistantTokensPerExample.mean, 2160.0);
        int inHistogram = 0;
        for (int n : s.tokensHistogram.counts)
            inHistogram += n;
        QCOMPARE(inHistogram, 5);
        QVERIFY(s.tokensHistogram.counts.size() <= 4);

        const TrainingEstimate e = s.estimate(QStringLiteral("gpt-4.1-mini-2025-04-14"), 5.0);
        QCOMPARE(e.epochs, 16); // 6 examples: 100 // 6
        QCOMPARE(e.billedTokensPerEpoch, qint64(20691));
        QCOMPARE(e.billedTokens, qint64(20691) * 16);
        QCOMPARE(e.costUsd, 20691.0 * 16 * 5.0 / 1e6);
        QCOMPARE(s.estimate(QStringLiteral("x"), -1).costUsd, -1.0);
        QCOMPARE(s.estimate(QStringLiteral("x"), 1.0, 2).billedTokens, qint64(41382));
    }

    void cookbookExampleEstimate()
    {
        // 5 examples, 4,306 tokens → 20 epochs → 86,120 charged.
        QList<ExampleCounts> c;
        for (const int t : {1000, 1000, 1000, 1000, 306})
            c << counts(3, t, 10);
        const TrainingEstimate e = DatasetStatistics::compute(c, 16385).estimate(QString(), 0);
        QCOMPARE(e.epochs, 20);
        QCOMPARE(e.billedTokens, qint64(86120));
    }

    void chatTokenCounting()
    {
        const Tokenizer &tok = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
        // 3 per message + role + content (+ name + 1) … + 3 at the end.
        Messages m {Message(QStringLiteral("user"), QStringLiteral("Hello")),
                Message(QStringLiteral("assistant"), QStringLiteral("Hello"))};
        const ExampleTokens simple = countExampleTokens(Example::chat(m), tok);
        QCOMPARE(simple.tokens,
                3 + tok.count(u"user") + tok.count(u"Hello") + 3 + tok.count(u"assistant")
                        + tok.count(u"Hello") + 3);
        QCOMPARE(tok.count(u"Hello"), 1);
        QCOMPARE(simple.assistantTokens, 1);
        m[0].setName(QStringLiteral("ann"));
        const ExampleTokens named = countExampleTokens(Example::chat(m), tok);
        QCOMPARE(named.tokens, simple.tokens + tok.count(u"ann") + 1);
        // Preference: input plus the preferred answer only.
        const Example dpo = Example::preference(
                {Message(QStringLiteral("user"), QStringLiteral("Hello"))},
                Message(QStringLiteral("assistant"), QStringLiteral("Hello")),
                Message(QStringLiteral("assistant"), QStringLiteral("Hello there, friend")));
        QCOMPARE(countExampleTokens(dpo, tok).tokens, simple.tokens);
        // Lines that are not examples count nothing.
        QCOMPARE(countExampleTokens(Example::fromLine("{oops"), tok).tokens, 0);
    }

    void backgroundCountingFillsTheDocument()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        for (int i = 0; i < 600; ++i)
            doc.appendExample(Example::chat({Message(QStringLiteral("user"),
                                                     QStringLiteral("Hello")),
                    Message(QStringLiteral("assistant"), QString(i % 7 + 1, QLatin1Char('a')))}));
        TokenCountJob job;
        QSignalSpy finished(&job, &TokenCountJob::finished);
        QSignalSpy progress(&job, &TokenCountJob::progress);
        job.start(&doc, Tokenizer::Encoding::O200kBase);
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 600);
        const Tokenizer &tok = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
        for (int i = 0; i < 600; i += 37) {
            const ExampleTokens t = countExampleTokens(doc.example(i), tok);
            QCOMPARE(doc.summary(i).tokens, t.tokens);
            QCOMPARE(doc.summary(i).assistantTokens, t.assistantTokens);
        }
        const DatasetStatistics s = DatasetStatistics::compute(doc, 65536);
        QCOMPARE(s.countedExamples, 600);
        QVERIFY(!job.isRunning());
    }

    void backgroundCountingCancel()
    {
        DatasetDocument doc;
        doc.setAutosaveDelay(0);
        QList<Example> many;
        for (int i = 0; i < 20000; ++i)
            many.append(Example::chat({Message(
                    QStringLiteral("user"), QString(300, QLatin1Char('x')) + QString::number(i))}));
        doc.insertExamples(0, many);
        TokenCountJob job;
        QSignalSpy finished(&job, &TokenCountJob::finished);
        job.start(&doc, Tokenizer::Encoding::Cl100kBase);
        job.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!job.isRunning());
        test::drainBackgroundWork(); // the cancelled count has returned
        QCOMPARE(finished.size(), 1); // no late "finished" after a cancel
        QCOMPARE(doc.summary(19999).tokens, -1);
    }
};

QTEST_GUILESS_MAIN(tst_DatasetStatistics)
#include "tst_datasetstatistics.moc"
