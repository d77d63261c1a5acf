// SPDX-License-Identifier: GPL-3.0-or-later
// The Wilson interval, the A/B tally and blind rounds (shuffle, votes, training data).
#include "abtally.h"
#include "blindcomparison.h"
#include "datasetdocument.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using fs::AbTally;
using fs::BlindComparison;
using fs::PairTally;
using fs::Vote;
using fs::WilsonInterval;

class tst_AbTally : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wilsonKnownValues_data();
    void wilsonKnownValues();
    void wilsonWithoutTrials();
    void tiesCountHalfBothBadExcluded();
    void summaryInSingularAndPlural();
    void pairIsUnorderedAndVotesFollowTheRealModels();
    void unrecordTakesBackOneVote();
    void tallyJsonRoundTrip();
    void shuffleIsSeededAndUsesBothOrders();
    void votesAreRecordedAgainstRealModels();
    void changingAVoteMovesTheCount();
    void revealOnDemand();
    void lostRoundBecomesTrainingData();
    void noWinnerNoTrainingData();
    void dpoLineLandsInTheDataset();
    void bothBadRoundTakesAWrittenAnswer();
};

void tst_AbTally::wilsonKnownValues_data()
{
    QTest::addColumn<double>("successes");
    QTest::addColumn<double>("trials");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    // Second method: the bounds are the roots of (p̂ − p)² = z²·p(1 − p)/n, i.e.
    // (1 + z²/n)p² − (2p̂ + z²/n)p + p̂² = 0, solved with the quadratic formula (z = 1.959964):
    //   0/10:   a = 1.38415, b = −0.38415, c = 0      → p = 0 and 0.38415/1.38415 = 0.2775328
    //   10/10:  a = 1.38415, b = −2.38415, c = 1      → 0.7224672 and 1
    //   5/10:   a = 1.38415, b = −1.38415, c = 0.25   → 0.5 ∓ 0.2634069 = 0.2365931, 0.7634069
    //   81/263: p̂ = 0.3079848, a = 1.0146064, b = −0.6305761, c = 0.0948546
    //           → 0.2552885 and 0.3662096 (Wikipedia's "Binomial proportion confidence
    //           interval" example gives 0.2553–0.3662)
    //   7.5/12 (a tie as half a win): 0.3543690 and 0.8350075
    QTest::newRow("0/10") << 0.0 << 10.0 << 0.0 << 0.2775328030;
    QTest::newRow("10/10") << 10.0 << 10.0 << 0.7224671970 << 1.0;
    QTest::newRow("5/10") << 5.0 << 10.0 << 0.2365930890 << 0.7634069110;
    QTest::newRow("81/263") << 81.0 << 263.0 << 0.2552885195 << 0.3662095775;
    QTest::newRow("7.5/12") << 7.5 << 12.0 << 0.3543690116 << 0.8350074860;
    QTest::newRow("1/1") << 1.0 << 1.0 << 0.2065493118 << 1.0;
}

void tst_AbTally::wilsonKnownValues()
{
    QFETCH(double, successes);
    QFETCH(double, trials);
    QFETCH(double, lower);
    QFETCH(double, upper);
    const WilsonInterval interval = fs::wilsonInterval(successes, trials);
    QVERIFY2(qAbs(interval.lower - lower) < 1e-9,
            qPrintable(QString::number(interval.lower, 'f', 10)));
    QVERIFY2(qAbs(interval.upper - upper) < 1e-9,
            qPrintable(QString::number(interval.upper, 'f', 10)));
    QCOMPARE(interval.estimate, successes / trials);
}

void tst_AbTally::wilsonWithoutTrials()
{
    const WilsonInterval interval = fs::wilsonInterval(0, 0);
    QCOMPARE(interval.estimate, 0.0);
    QCOMPARE(interval.lower, 0.0);
    QCOMPARE(interval.upper, 1.0);
}

void tst_AbTally::tiesCountHalfBothBadExcluded()
{
    AbTally tally;
    const QString base = QStringLiteral("gpt-4o-mini");
    const QString tuned = QStringLiteral("ft:gpt-4o-mini:acme::abc");
    for (int i = 0; i < 6; ++i)
        tally.record(tuned, base, Vote::A); // tuned shown as A wins
    for (int i = 0; i < 2; ++i)
        tally.record(base, tuned, Vote::A); // base shown as A wins
    tally.record(base, tuned, Vote::Tie);
    tally.record(tuned, base, Vote::Tie);
    for (int i = 0; i < 3; ++i)
        tally.record(base, tuned, Vote::BothBad);

    const PairTally pair = tally.pair(base, tuned);
    QCOMPARE(pair.votes(), 13);
    QCOMPARE(pair.rated(), 10);
    QCOMPARE(pair.bothBad, 3);
    QCOMPARE(pair.ties, 2);
    // tuned: (6 + 2/2) / 10 = 0.7; base: (2 + 1) / 10 = 0.3 — the two rates add up to 1.
    const WilsonInterval tunedRate = pair.winRate(tuned);
    const WilsonInterval baseRate = pair.winRate(base);
    QCOMPARE(tunedRate.estimate, 0.7);
    QCOMPARE(baseRate.estimate, 0.3);
    const WilsonInterval expected = fs::wilsonInterval(7, 10);
    QCOMPARE(tunedRate.lower, expected.lower);
    QCOMPARE(tunedRate.upper, expected.upper);
    QCOMPARE(pair.summary(tuned), QStringLiteral("6 wins, 2 losses, 2 ties, 3 both bad"));
    QCOMPARE(pair.summary(base), QStringLiteral("2 wins, 6 losses, 2 ties, 3 both bad"));
}

void tst_AbTally::summaryInSingularAndPlural()
{
    AbTally tally;
    tally.record(QStringLiteral("a"), QStringLiteral("b"), Vote::A);
    tally.record(QStringLiteral("a"), QStringLiteral("b"), Vote::B);
    tally.record(QStringLiteral("a"), QStringLiteral("b"), Vote::Tie);
    tally.record(QStringLiteral("a"), QStringLiteral("b"), Vote::BothBad);
    QCOMPARE(tally.pair(QStringLiteral("a"), QStringLiteral("b")).summary(QStringLiteral("a")),
            QStringLiteral("1 win, 1 loss, 1 tie, 1 both bad"));
    QCOMPARE(
            PairTally().summary(QString()), QStringLiteral("0 wins, 0 losses, 0 ties, 0 both bad"));
}

void tst_AbTally::pairIsUnorderedAndVotesFollowTheRealModels()
{
    AbTally tally;
    tally.record(QStringLiteral("zeta"), QStringLiteral("alpha"), Vote::A);
    tally.record(QStringLiteral("alpha"), QStringLiteral("zeta"), Vote::B);
    tally.record(QStringLiteral("alpha"), QStringLiteral("alpha"), Vote::A); // ignored
    QCOMPARE(tally.pairs().size(), 1);
    const PairTally pair = tally.pairs().first();
    QCOMPARE(pair.modelA, QStringLiteral("alpha"));
    QCOMPARE(pair.modelB, QStringLiteral("zeta"));
    QCOMPARE(pair.winsA, 0);
    QCOMPARE(pair.winsB, 2);
    QCOMPARE(tally.pair(QStringLiteral("zeta"), QStringLiteral("alpha")).winsB, 2);
    QCOMPARE(tally.pair(QStringLiteral("x"), QStringLiteral("y")).votes(), 0);
}

void tst_AbTally::unrecordTakesBackOneVote()
{
    AbTally tally;
    tally.record(QStringLiteral("a"), QStringLiteral("b"), Vote::Tie);
    tally.unrecord(QStringLiteral("b"), QStringLiteral("a"), Vote::Tie);
    QCOMPARE(tally.pair(QStringLiteral("a"), QStringLiteral("b")).ties, 0);
    tally.unrecord(QStringLiteral("a"), QStringLiteral("b"), Vote::Tie); // nothing to take back
    QCOMPARE(tally.pair(QStringLiteral("a"), QStringLiteral("b")).ties, 0);
}

void tst_AbTally::tallyJsonRoundTrip()
{
    AbTally tally;
    tally.record(QStringLiteral("m1"), QStringLiteral("m2"), Vote::A);
    tally.record(QStringLiteral("m1"), QStringLiteral("m3"), Vote::BothBad);
    const QJsonObject json = tally.toJson();
    const AbTally back =
            AbTally::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
    QCOMPARE(back.pairs().size(), 2);
    QCOMPARE(back.pair(QStringLiteral("m2"), QStringLiteral("m1")).winsA, 1);
    QCOMPARE(back.pair(QStringLiteral("m3"), QStringLiteral("m1")).bothBad, 1);
    QVERIFY(AbTally::fromJson(QJsonObject()).pairs().isEmpty());
}

void tst_AbTally::shuffleIsSeededAndUsesBothOrders()
{
    BlindComparison first(42);
    BlindComparison second(42);
    QList<int> sidesFirst;
    QList<int> sidesSecond;
    for (int i = 0; i < 40; ++i) {
        sidesFirst << first.round(first.beginRound(QStringLiteral("x"), QStringLiteral("y"), {}))
                              .paneA;
        sidesSecond << second.round(second.beginRound(QStringLiteral("x"), QStringLiteral("y"), {}))
                               .paneA;
    }
    QCOMPARE(sidesFirst, sidesSecond);
    QVERIFY(sidesFirst.contains(0));
    QVERIFY(sidesFirst.contains(1));
    BlindComparison other(43);
    QList<int> sidesOther;
    for (int i = 0; i < 40; ++i)
        sidesOther << other.round(other.beginRound(QStringLiteral("x"), QStringLiteral("y"), {}))
                              .paneA;
    QVERIFY(sidesOther != sidesFirst);
}

void tst_AbTally::votesAreRecordedAgainstRealModels()
{
    BlindComparison blind(7);
    const QString base = QStringLiteral("base");
    const QString tuned = QStringLiteral("tuned");
    int tunedWins = 0;
    for (int i = 0; i < 10; ++i) {
        const int round = blind.beginRound(
                base, tuned, {fs::Message(QStringLiteral("user"), QStringLiteral("q%1").arg(i))});
        // The rater always prefers pane 1 (the tuned model), wherever it is shown.
        const bool tunedOnA = blind.paneOnSide(round, BlindComparison::Side::A) == 1;
        QCOMPARE(blind.round(round).modelA, tunedOnA ? tuned : base);
        QVERIFY(blind.vote(round, tunedOnA ? Vote::A : Vote::B));
        ++tunedWins;
    }
    const PairTally pair = blind.tally().pair(base, tuned);
    QCOMPARE(pair.winsB, tunedWins); // "tuned" sorts after "base"
    QCOMPARE(pair.winsA, 0);
    QCOMPARE(pair.winRate(tuned).estimate, 1.0);
    QVERIFY(!blind.vote(99, Vote::A));
}

void tst_AbTally::changingAVoteMovesTheCount()
{
    BlindComparison blind(1);
    const int round = blind.beginRound(QStringLiteral("m0"), QStringLiteral("m1"), {});
    QSignalSpy voted(&blind, &BlindComparison::voted);
    blind.vote(round, Vote::A);
    blind.vote(round, Vote::Tie);
    QCOMPARE(voted.count(), 2);
    const PairTally pair = blind.tally().pair(QStringLiteral("m0"), QStringLiteral("m1"));
    QCOMPARE(pair.votes(), 1);
    QCOMPARE(pair.ties, 1);
}

void tst_AbTally::revealOnDemand()
{
    BlindComparison blind(3);
    const int r0 = blind.beginRound(QStringLiteral("m0"), QStringLiteral("m1"), {});
    const int r1 = blind.beginRound(QStringLiteral("m0"), QStringLiteral("m1"), {});
    QVERIFY(!blind.round(r0).revealed);
    QSignalSpy revealed(&blind, &BlindComparison::revealed);
    blind.reveal(r0);
    QVERIFY(blind.round(r0).revealed);
    QVERIFY(!blind.round(r1).revealed);
    blind.revealAll();
    QVERIFY(blind.round(r1).revealed);
    QCOMPARE(revealed.count(), 2);
}

void tst_AbTally::lostRoundBecomesTrainingData()
{
    BlindComparison blind(5);
    const fs::Messages conversation {
            fs::Message(QStringLiteral("system"), QStringLiteral("Be brief.")),
            fs::Message(QStringLiteral("user"), QStringLiteral("What is 2+2?"))};
    const int round =
            blind.beginRound(QStringLiteral("base"), QStringLiteral("tuned"), conversation);
    blind.setPaneAnswer(round, 0, QStringLiteral("Four."));
    blind.setPaneAnswer(round, 1, QStringLiteral("It is 5."));
    // The rater prefers pane 0's answer, on whichever side it is.
    const bool pane0OnA = blind.paneOnSide(round, BlindComparison::Side::A) == 0;
    QCOMPARE(pane0OnA ? blind.round(round).answerA : blind.round(round).answerB,
            QStringLiteral("Four."));
    blind.vote(round, pane0OnA ? Vote::A : Vote::B);
    QVERIFY(blind.hasLoser(round));

    const std::optional<fs::Example> dpo = blind.dpoExample(round);
    QVERIFY(dpo);
    QVERIFY(dpo->isPreference());
    QCOMPARE(dpo->messages(), conversation);
    QCOMPARE(dpo->preferredOutput().size(), 1);
    QCOMPARE(dpo->preferredOutput().first().role(), QStringLiteral("assistant"));
    QCOMPARE(dpo->preferredOutput().first().text(), QStringLiteral("Four."));
    QCOMPARE(dpo->nonPreferredOutput().first().text(), QStringLiteral("It is 5."));

    const std::optional<fs::Example> edited = blind.dpoExample(round, QStringLiteral("2 + 2 = 4."));
    QCOMPARE(edited->preferredOutput().first().text(), QStringLiteral("2 + 2 = 4."));
    QCOMPARE(edited->nonPreferredOutput().first().text(), QStringLiteral("It is 5."));

    const std::optional<fs::Example> corrected = blind.correctedExample(round);
    QVERIFY(corrected && corrected->isChat());
    QCOMPARE(corrected->messageCount(), 3);
    QCOMPARE(corrected->message(2).role(), QStringLiteral("assistant"));
    QCOMPARE(corrected->message(2).text(), QStringLiteral("Four."));
    QCOMPARE(blind.correctedExample(round, QStringLiteral("4"))->message(2).text(),
            QStringLiteral("4"));
}

void tst_AbTally::noWinnerNoTrainingData()
{
    BlindComparison blind(5);
    const int round = blind.beginRound(QStringLiteral("a"), QStringLiteral("b"), {});
    QVERIFY(!blind.hasLoser(round));
    QVERIFY(!blind.dpoExample(round));
    blind.vote(round, Vote::BothBad);
    QVERIFY(!blind.hasLoser(round));
    QVERIFY(!blind.correctedExample(round));
    blind.vote(round, Vote::Tie);
    QVERIFY(!blind.dpoExample(round));
    QVERIFY(!blind.dpoExample(12));
}

void tst_AbTally::dpoLineLandsInTheDataset()
{
    fs::DatasetDocument document;
    const fs::Example dpo =
            fs::dpoExample({fs::Message(QStringLiteral("user"), QStringLiteral("Hi"))},
                    QStringLiteral("Hello!"), QStringLiteral("Go away."));
    document.appendExample(dpo);
    QCOMPARE(document.count(), 1);
    QCOMPARE(document.toBytes().trimmed(),
            QByteArray(R"({"input":{"messages":[{"role":"user","content":"Hi"}]},)"
                       R"("preferred_output":[{"role":"assistant","content":"Hello!"}],)"
                       R"("non_preferred_output":[{"role":"assistant","content":"Go away."}]})"));
}

void tst_AbTally::bothBadRoundTakesAWrittenAnswer()
{
    BlindComparison blind(5);
    const int round = blind.beginRound(QStringLiteral("base"), QStringLiteral("tuned"),
            {fs::Message(QStringLiteral("system"), QStringLiteral("Be brief.")),
                    fs::Message(QStringLiteral("user"), QStringLiteral("What is 2+2?"))});
    for (int pane : {0, 1})
        blind.setPaneAnswer(
                round, pane, pane == 0 ? QStringLiteral("Five.") : QStringLiteral("Fish."));
    QVERIFY(!blind.bothBad(round));
    blind.vote(round, Vote::BothBad);
    QVERIFY(blind.bothBad(round));
    QVERIFY(!blind.hasLoser(round));
    QVERIFY(!blind.bothBad(round + 1));
    QVERIFY(!blind.bothBad(-1));

    // The person's own answer follows the conversation; neither bad answer is kept.
    const std::optional<fs::Example> written = blind.writtenExample(round, QStringLiteral("4."));
    QVERIFY(written && written->isChat());
    QCOMPARE(written->messageCount(), 3);
    QCOMPARE(written->message(0).text(), QStringLiteral("Be brief."));
    QCOMPARE(written->message(1).text(), QStringLiteral("What is 2+2?"));
    QCOMPARE(written->message(2).role(), QStringLiteral("assistant"));
    QCOMPARE(written->message(2).text(), QStringLiteral("4."));
    // Nothing written, nothing to add; no such round either.
    QVERIFY(!blind.writtenExample(round, QStringLiteral("  \n")));
    QVERIFY(!blind.writtenExample(round + 1, QStringLiteral("4.")));
}

QTEST_GUILESS_MAIN(tst_AbTally)
#include "tst_abtally.moc"
