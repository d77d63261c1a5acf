// SPDX-License-Identifier: GPL-3.0-or-later
#include "costestimate.h"

#include <QtTest>

using fs::CostEstimate;
using fs::EpochRule;

class tst_CostEstimate : public QObject
{
    Q_OBJECT

private slots:
    void defaultEpochs_data();
    void defaultEpochs();
    void cookbookExample();
    void billedTokensAreCappedAtTheLimit();
    void uncountedExamples();
    void explicitEpochs();
    void unknownPrice();
    void tokenLimits_data();
    void tokenLimits();
    void baseModelName();
    void costText_data();
    void costText();
};

void tst_CostEstimate::defaultEpochs_data()
{
    QTest::addColumn<qint64>("examples");
    QTest::addColumn<int>("epochs");
    QTest::newRow("none") << qint64(0) << 3;
    QTest::newRow("1: capped at 25") << qint64(1) << 25;
    QTest::newRow("3: 100 // 3 = 33, capped") << qint64(3) << 25;
    QTest::newRow("4: 100 // 4 = 25") << qint64(4) << 25;
    QTest::newRow("5: cookbook") << qint64(5) << 20;
    QTest::newRow("10") << qint64(10) << 10;
    QTest::newRow("33: 99 < 100") << qint64(33) << 3;
    QTest::newRow("34: 102 >= 100") << qint64(34) << 3;
    QTest::newRow("30: 90 < 100") << qint64(30) << 3;
    QTest::newRow("20: 60 < 100") << qint64(20) << 5;
    QTest::newRow("8,333: 24,999") << qint64(8333) << 3;
    QTest::newRow("8,334: 25,002 > 25,000") << qint64(8334) << 2;
    QTest::newRow("12,500") << qint64(12500) << 2;
    QTest::newRow("12,501") << qint64(12501) << 1;
    QTest::newRow("25,001: floor at 1") << qint64(25001) << 1;
    QTest::newRow("a million") << qint64(1000000) << 1;
}

void tst_CostEstimate::defaultEpochs()
{
    QFETCH(qint64, examples);
    QFETCH(int, epochs);
    QCOMPARE(EpochRule::defaultEpochs(examples), epochs);
    // The estimate uses the same rule when no epochs are given.
    QCOMPARE(CostEstimate::fromTotals(examples, 1000, QStringLiteral("gpt-4o-mini"), 3.0).epochs,
            epochs);
}

void tst_CostEstimate::cookbookExample()
{
    // The cookbook: 5 examples, 4,306 tokens in all -> 20 epochs, ~86,120 tokens charged.
    const QList<qint32> tokens = {1000, 900, 806, 800, 800};
    const CostEstimate e =
            CostEstimate::compute(tokens, QStringLiteral("gpt-4o-mini-2024-07-18"), 3.00);
    QCOMPARE(e.examples, qint64(5));
    QCOMPARE(e.epochs, 20);
    QCOMPARE(e.billedTokensPerEpoch, qint64(4306));
    QCOMPARE(e.billedTokens, qint64(86120));
    QCOMPARE(e.usdPerMillion, 3.00);
    QVERIFY(e.hasCost());
    QVERIFY(qFuzzyCompare(e.costUsd, 86120 * 3.00 / 1e6));
    QCOMPARE(e.model, QStringLiteral("gpt-4o-mini-2024-07-18"));
}

void tst_CostEstimate::billedTokensAreCappedAtTheLimit()
{
    // gpt-3.5-turbo-0613 trains on at most 4,096 tokens per example.
    const QList<qint32> tokens = {4095, 4096, 4097, 100000};
    const CostEstimate e = CostEstimate::compute(tokens, QStringLiteral("gpt-3.5-turbo-0613"), 8.0);
    QCOMPARE(e.tokenLimit, 4096);
    QCOMPARE(e.billedTokensPerEpoch, qint64(4095 + 4096 + 4096 + 4096));
    QCOMPARE(e.epochs, 25); // 4 examples
    QCOMPARE(e.billedTokens, e.billedTokensPerEpoch * 25);
    // The same dataset on gpt-4o: nothing over 65,536 but the last.
    const CostEstimate f = CostEstimate::compute(tokens, QStringLiteral("gpt-4o-2024-08-06"), 25.0);
    QCOMPARE(f.billedTokensPerEpoch, qint64(4095 + 4096 + 4097 + 65536));
    // Large totals don't overflow.
    const CostEstimate g = CostEstimate::fromTotals(
            3000000, qint64(3000000) * 65536, QStringLiteral("gpt-4.1"), 25.0);
    QCOMPARE(g.epochs, 1);
    QCOMPARE(g.billedTokens, qint64(196608000000));
    QVERIFY(qFuzzyCompare(g.costUsd, 196608000000.0 * 25.0 / 1e6));
}

void tst_CostEstimate::uncountedExamples()
{
    // -1 means "not counted yet": no tokens, but the example still counts for the epochs.
    const CostEstimate e =
            CostEstimate::compute({-1, 10, -1, 0, 20}, QStringLiteral("gpt-4o"), 1.0);
    QCOMPARE(e.examples, qint64(5));
    QCOMPARE(e.epochs, 20);
    QCOMPARE(e.billedTokensPerEpoch, qint64(30));
    const CostEstimate empty = CostEstimate::compute({}, QStringLiteral("gpt-4o"), 1.0);
    QCOMPARE(empty.billedTokens, qint64(0));
    QCOMPARE(empty.costUsd, 0.0);
}

void tst_CostEstimate::explicitEpochs()
{
    const CostEstimate e = CostEstimate::compute({100, 200}, QStringLiteral("gpt-4o"), 2.0, 7);
    QCOMPARE(e.epochs, 7);
    QCOMPARE(e.billedTokens, qint64(2100));
    QVERIFY(qFuzzyCompare(e.costUsd, 2100 * 2.0 / 1e6));
    // 0 and negative mean "the default".
    QCOMPARE(CostEstimate::compute({100, 200}, QStringLiteral("gpt-4o"), 2.0, 0).epochs, 25);
    QCOMPARE(CostEstimate::compute({100, 200}, QStringLiteral("gpt-4o"), 2.0, -3).epochs, 25);
}

void tst_CostEstimate::unknownPrice()
{
    const CostEstimate e = CostEstimate::compute({100}, QStringLiteral("my-model"), -1);
    QVERIFY(!e.hasCost());
    QCOMPARE(e.costUsd, -1.0);
    QCOMPARE(e.usdPerMillion, -1.0);
    QCOMPARE(e.billedTokens, qint64(2500)); // tokens and epochs are still known
    QVERIFY(!CostEstimate::compute({100}, QStringLiteral("m"), qQNaN()).hasCost());
    QVERIFY(!CostEstimate::compute({100}, QStringLiteral("m"), qInf()).hasCost());
    // A free model is a known price of 0.
    QVERIFY(CostEstimate::compute({100}, QStringLiteral("m"), 0).hasCost());
}

void tst_CostEstimate::tokenLimits_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("known");
    QTest::newRow("gpt-4o snapshot") << "gpt-4o-2024-08-06" << 65536 << true;
    QTest::newRow("gpt-4o-mini snapshot") << "gpt-4o-mini-2024-07-18" << 65536 << true;
    QTest::newRow("gpt-4o-mini alias") << "gpt-4o-mini" << 65536 << true;
    QTest::newRow("gpt-3.5 0125") << "gpt-3.5-turbo-0125" << 16385 << true;
    QTest::newRow("gpt-3.5 1106") << "gpt-3.5-turbo-1106" << 16385 << true;
    QTest::newRow("gpt-3.5 0613") << "gpt-3.5-turbo-0613" << 4096 << true;
    QTest::newRow("azure gpt-35 0613") << "gpt-35-turbo-0613" << 4096 << true;
    QTest::newRow("ft of 0613") << "ft:gpt-3.5-turbo-0613:acme::8abc" << 4096 << true;
    QTest::newRow("case and spaces") << " GPT-4o-Mini-2024-07-18 " << 65536 << true;
    QTest::newRow("gpt-4.1: not documented") << "gpt-4.1-2025-04-14" << 65536 << false;
    QTest::newRow("o4-mini: not documented") << "o4-mini-2025-04-16" << 65536 << false;
    QTest::newRow("unknown") << "llama-3-8b" << 65536 << false;
    QTest::newRow("empty") << "" << 65536 << false;
}

void tst_CostEstimate::tokenLimits()
{
    QFETCH(QString, model);
    QFETCH(int, limit);
    QFETCH(bool, known);
    QCOMPARE(fs::trainingTokenLimit(model), limit);
    QCOMPARE(fs::isTrainingTokenLimitKnown(model), known);
}

void tst_CostEstimate::baseModelName()
{
    QCOMPARE(fs::baseModelName(QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:support:abc")),
            QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(fs::baseModelName(QStringLiteral("  GPT-4.1  ")), QStringLiteral("gpt-4.1"));
    QCOMPARE(fs::baseModelName(QStringLiteral("ft:")), QString());
}

void tst_CostEstimate::costText_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << QStringLiteral("$0.00");
    QTest::newRow("tiny is not shown as zero") << 0.0026 << QStringLiteral("< $0.01");
    QTest::newRow("just under a rounded cent") << 0.0049 << QStringLiteral("< $0.01");
    QTest::newRow("rounds to a cent") << 0.005 << QStringLiteral("$0.01");
    QTest::newRow("dollars") << 12.404 << QStringLiteral("$12.40");
}

void tst_CostEstimate::costText()
{
    QFETCH(double, usd);
    QFETCH(QString, text);
    QCOMPARE(fs::formatCostUsd(usd, QLocale::c()), text);
}

QTEST_GUILESS_MAIN(tst_CostEstimate)
#include "tst_costestimate.moc"
