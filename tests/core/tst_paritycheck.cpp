// SPDX-License-Identifier: GPL-3.0-or-later
// The parity check against an in-process sandbox: a capture's held-out prompts sent to the new
// model, ROUGE against the old answers, the blind round, the verdict's edges and the report.
#include "batchrunner.h"
#include "evalsandboxfixture.h"
#include "paritycheck.h"
#include "parityreport.h"
#include "sandboxhttp.h"
#include "sandboxserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;

Q_DECLARE_METATYPE(fs::PairTally)

class tst_ParityCheck : public QObject, public fs::test::EvalSandboxFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdictEdges_data();
    void verdictEdges();
    void summaryHoldsTheBatchNumbers();
    void reportHoldsTheNumbersAndIsEscaped();
    void checkAgainstTheSandboxWritesTheReportBesideTheDataset();
    void leftAndResumedSendsNothingTwice();
    void blindVotesAreKeptAndCount();
    void anyTwoModelsAsksTheOldOneFirst();

private:
    /// A capture: each training prompt with an answer (`exact`: the training answer itself).
    QString writeCapture(const QString &name, int count, bool exact);

    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;
};

namespace {

PairTally tally(int newWins, int oldWins, int ties, int bothBad = 0)
{
    PairTally t;
    t.modelA = QStringLiteral("new"); // alphabetical: "new" < "old"
    t.modelB = QStringLiteral("old");
    t.winsA = newWins;
    t.winsB = oldWins;
    t.ties = ties;
    t.bothBad = bothBad;
    return t;
}

BatchResults resultsWith(const QStringList &oldAnswers, const QStringList &newAnswers)
{
    QList<BatchItem> items;
    for (int i = 0; i < oldAnswers.size(); ++i) {
        BatchItem item;
        item.prompt = {Message(QStringLiteral("user"), QStringLiteral("question <%1>").arg(i))};
        item.reference = oldAnswers.at(i);
        item.sourceLine = i + 1;
        items.append(item);
    }
    ModelTarget model;
    model.model = QStringLiteral("new");
    BatchResults results(items, {model});
    for (int i = 0; i < newAnswers.size(); ++i) {
        Generation g;
        g.status =
                newAnswers.at(i).isNull() ? Generation::Status::Failed : Generation::Status::Done;
        g.text = newAnswers.at(i);
        g.error = QStringLiteral("refused");
        results.setGeneration(i, 0, g);
    }
    return results;
}

} // namespace

void tst_ParityCheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
    sandbox::SandboxOptions options;
    options.timeScale = 0.01;
    QVERIFY(startSandbox(options));
    QVERIFY(trainModel());
    QCOMPARE(m_training.size(), 12);
}

QString tst_ParityCheck::writeCapture(const QString &name, int count, bool exact)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < count; ++i) {
        QJsonObject example = m_training.at(i % m_training.size());
        QJsonArray messages = example.value(QLatin1String("messages")).toArray();
        if (!exact) {
            QJsonObject answer = messages.last().toObject();
            answer.insert(QStringLiteral("content"),
                    QStringLiteral("Something else entirely, number %1.").arg(i));
            messages.replace(messages.size() - 1, answer);
        }
        example.insert(QStringLiteral("messages"), messages);
        file.write(QJsonDocument(example).toJson(QJsonDocument::Compact) + '\n');
    }
    return path;
}

void tst_ParityCheck::verdictEdges_data()
{
    QTest::addColumn<int>("answered");
    QTest::addColumn<double>("rougeL");
    QTest::addColumn<PairTally>("blind");
    QTest::addColumn<int>("verdict");
    const auto v = [](ParityVerdict verdict) { return int(verdict); };
    QTest::newRow("nothing answered") << 0 << 1.0 << tally(9, 0, 0) << v(ParityVerdict::Incomplete);
    QTest::newRow("0.60 keeps") << 5 << 0.60 << PairTally() << v(ParityVerdict::Keeps);
    QTest::newRow("just under 0.60 partly")
            << 5 << 0.5999 << PairTally() << v(ParityVerdict::Partly);
    QTest::newRow("0.35 partly") << 5 << 0.35 << PairTally() << v(ParityVerdict::Partly);
    QTest::newRow("just under 0.35 differs")
            << 5 << 0.3499 << PairTally() << v(ParityVerdict::Differs);
    // The blind round decides only from 5 rated votes; both-bad votes do not count.
    QTest::newRow("4 old wins do not decide")
            << 5 << 0.9 << tally(0, 4, 0, 3) << v(ParityVerdict::Keeps);
    QTest::newRow("5 old wins: old preferred")
            << 5 << 0.9 << tally(0, 5, 0) << v(ParityVerdict::OldPreferred);
    QTest::newRow("even split keeps") << 5 << 0.9 << tally(3, 3, 4) << v(ParityVerdict::Keeps);
    QTest::newRow("5 new wins: preferred")
            << 5 << 0.1 << tally(5, 0, 0) << v(ParityVerdict::Preferred);
    QTest::newRow("4 new wins: differs") << 5 << 0.1 << tally(4, 0, 0) << v(ParityVerdict::Differs);
    QTest::newRow("ties only: no preference")
            << 5 << 0.1 << tally(0, 0, 8) << v(ParityVerdict::Differs);
}

void tst_ParityCheck::verdictEdges()
{
    QFETCH(int, answered);
    QFETCH(double, rougeL);
    QFETCH(PairTally, blind);
    QFETCH(int, verdict);
    if (blind.modelA.isEmpty()) {
        blind.modelA = QStringLiteral("new");
        blind.modelB = QStringLiteral("old");
    }
    QCOMPARE(int(ParitySummary::decide(answered, rougeL, blind, QStringLiteral("new"))), verdict);
}

void tst_ParityCheck::summaryHoldsTheBatchNumbers()
{
    QStringList oldAnswers;
    QStringList newAnswers;
    for (int i = 0; i < 14; ++i) {
        oldAnswers << QStringLiteral("the cat sat on the mat number %1").arg(i);
        // Answer i shares fewer words the lower i is; the last one fails.
        newAnswers << (i == 13 ? QString()
                               : QStringLiteral("the cat sat on the mat number %1")
                                         .arg(i)
                                         .section(QLatin1Char(' '), 0, i % 8));
    }
    const BatchResults results = resultsWith(oldAnswers, newAnswers);
    const ParitySummary s =
            ParitySummary::from(results, AbTally(), QStringLiteral("old"), QStringLiteral("new"));
    int count = 0;
    const RougeScores mean = results.average(0, &count);
    QCOMPARE(s.prompts, 14);
    QCOMPARE(s.answered, count);
    QCOMPARE(s.answered, 13);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.mean.rougeL.fmeasure, mean.rougeL.fmeasure);
    QCOMPARE(s.mean.rouge2.fmeasure, mean.rouge2.fmeasure);
    QCOMPARE(s.mostDifferent.size(), ParityThresholds::kMostDifferent);
    for (int k = 1; k < s.mostDifferent.size(); ++k)
        QVERIFY(results.generation(s.mostDifferent.at(k - 1), 0).scores.rougeL.fmeasure
                <= results.generation(s.mostDifferent.at(k), 0).scores.rougeL.fmeasure);
    QVERIFY(!s.mostDifferent.contains(13)); // a failure is not an answer that differs
    QVERIFY(s.verdictText.contains(QLatin1String("1 prompt got no answer")));
    QVERIFY(s.verdictText.contains(parityScoreText(mean.rougeL.fmeasure)));
}

void tst_ParityCheck::reportHoldsTheNumbersAndIsEscaped()
{
    const BatchResults results = resultsWith(
            {QStringLiteral("Use <b>Reset</b> & wait"), QStringLiteral("alpha beta gamma")},
            {QStringLiteral("Press <script>x</script>"), QStringLiteral("alpha beta gamma")});
    AbTally votes;
    votes.record(QStringLiteral("old"), QStringLiteral("new"), Vote::B);
    const ParitySummary s =
            ParitySummary::from(results, votes, QStringLiteral("old"), QStringLiteral("new"));
    const QString html = ParityReport::html(s, results, QDateTime(QDate(2026, 12, 7), QTime(7, 0)));
    QVERIFY(html.contains(parityScoreText(results.average(0).rouge1.fmeasure)));
    QVERIFY(html.contains(parityScoreText(results.average(0).rouge2.fmeasure)));
    QVERIFY(html.contains(parityScoreText(results.average(0).rougeL.fmeasure)));
    QVERIFY(html.contains(s.verdictTitle.toHtmlEscaped()));
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;")));
    QVERIFY(html.contains(QLatin1String("Use &lt;b&gt;Reset&lt;/b&gt; &amp; wait")));
    QVERIFY(html.contains(QLatin1String("question &lt;0&gt;")));
    // Thresholds are written out.
    QVERIFY(html.contains(parityScoreText(ParityThresholds::kSimilar)));
    QVERIFY(html.contains(parityScoreText(ParityThresholds::kPartly)));
    // The blind round: one vote for the new model.
    QVERIFY(html.contains(QLatin1String("<tr><th>New model preferred</th><td>1</td></tr>")));
    QVERIFY(html.contains(QLatin1String("<tr><th>Old model preferred</th><td>0</td></tr>")));
    // The histogram: the identical answer in the top bin.
    const QList<int> bins = ParityReport::histogram(results);
    QCOMPARE(bins.size(), 10);
    QCOMPARE(bins.at(9), 1);
    QCOMPARE(bins.at(0), 1);
}

void tst_ParityCheck::checkAgainstTheSandboxWritesTheReportBesideTheDataset()
{
    // The fine-tuned sandbox model answers in the manner of its training data: a capture of
    // those answers is matched closely; one of unrelated answers is not.
    for (const bool exact : {true, false}) {
        const QString capture = writeCapture(
                exact ? QStringLiteral("held-out.jsonl") : QStringLiteral("other.jsonl"), 12,
                exact);
        ParityCheck check(&m_nam);
        QCOMPARE(check.setPromptsFile(capture), QString());
        check.setOldModelName(QStringLiteral("ft:gpt-4o-mini:old"));
        check.setNewModel(target(m_tuned));
        check.setConcurrency(4);
        QSignalSpy finished(&check, &ParityCheck::finished);
        check.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(check.phase(), ParityCheck::Phase::Finished);
        const BatchResults &results = check.results();
        QCOMPARE(results.itemCount(), 12);
        QCOMPARE(results.doneCount(), 12);
        QCOMPARE(results.failedCount(), 0);
        const ParitySummary s = check.summary();
        QCOMPARE(s.answered, 12);
        QCOMPARE(s.mean.rougeL.fmeasure, results.average(0).rougeL.fmeasure);
        if (exact)
            QCOMPARE(s.verdict, ParityVerdict::Keeps);
        else
            QCOMPARE(s.verdict, ParityVerdict::Differs);
        QCOMPARE(check.saveReport(), QString());
        const QString reportPath = check.reportPath();
        QCOMPARE(QFileInfo(reportPath).dir(), QFileInfo(capture).dir());
        QVERIFY(reportPath.endsWith(exact ? QLatin1String("held-out.parity.html")
                                          : QLatin1String("other.parity.html")));
        QFile report(reportPath);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(report.readAll());
        QVERIFY(html.contains(parityScoreText(results.average(0).rougeL.fmeasure)));
        QVERIFY(html.contains(QStringLiteral("<tr><th>Answered by the new model</th><td>12</td>")));
        // The ten that differ most: each with its score as the results hold it.
        for (const int item : s.mostDifferent)
            QVERIFY(html.contains(
                    QStringLiteral("<td>%1</td></tr>")
                            .arg(parityScoreText(
                                    results.generation(item, 0).scores.rougeL.fmeasure))));
        // Kept beside the dataset as they arrived.
        QVERIFY(QFile::exists(check.resultsPath()));
    }
}

void tst_ParityCheck::leftAndResumedSendsNothingTwice()
{
    const QString capture = writeCapture(QStringLiteral("resume.jsonl"), 24, true);
    int chatCount = 0;
    const QMetaObject::Connection counting =
            connect(m_server.get(), &sandbox::SandboxServer::requestServed, this,
                    [&chatCount](const QString &, const QString &path, int status) {
                        if (path.endsWith(QLatin1String("/chat/completions")) && status == 200)
                            ++chatCount;
                    });
    int answeredFirst = 0;
    {
        ParityCheck check(&m_nam);
        QCOMPARE(check.setPromptsFile(capture), QString());
        check.setNewModel(target(m_tuned));
        check.setConcurrency(1);
        QSignalSpy finished(&check, &ParityCheck::finished);
        connect(check.runner(), &BatchRunner::progress, &check, [&check](int done, int) {
            if (done == 5)
                check.cancel();
        });
        check.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), true);
        answeredFirst = check.results().doneCount();
        QVERIFY(answeredFirst >= 5);
        QVERIFY(answeredFirst < 24);
    }
    // Left (the object is gone) and started again: only the prompts without an answer are sent.
    chatCount = 0;
    ParityCheck again(&m_nam);
    QCOMPARE(again.setPromptsFile(capture), QString());
    again.setNewModel(target(m_tuned));
    QSignalSpy finished(&again, &ParityCheck::finished);
    again.start();
    QCOMPARE(again.runner()->total(), 24 - answeredFirst);
    QVERIFY(finished.wait(30000));
    QCOMPARE(again.results().doneCount(), 24);
    disconnect(counting);
    QCOMPARE(chatCount, 24 - answeredFirst);
}

void tst_ParityCheck::blindVotesAreKeptAndCount()
{
    const QString capture = writeCapture(QStringLiteral("blind.jsonl"), 12, true);
    QList<int> items;
    {
        ParityCheck check(&m_nam);
        QCOMPARE(check.setPromptsFile(capture), QString());
        check.setOldModelName(QStringLiteral("old-model"));
        check.setNewModel(target(m_tuned));
        QSignalSpy finished(&check, &ParityCheck::finished);
        check.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(check.prepareBlindRounds(), ParityThresholds::kBlindRounds);
        BlindComparison *blind = check.blind();
        // Vote for whichever side shows the new model (pane 1) in each of six rounds.
        for (int r = 0; r < 6; ++r) {
            const bool newOnA = blind->paneOnSide(r, BlindComparison::Side::A) == 1;
            QVERIFY(blind->vote(r, newOnA ? Vote::A : Vote::B));
            const BlindComparison::Round round = blind->round(r);
            QCOMPARE(newOnA ? round.modelA : round.modelB, m_tuned);
        }
        QCOMPARE(check.summary().blind.rated(), 6);
        QVERIFY(check.saveVotes());
    }
    ParityCheck again(&m_nam);
    QCOMPARE(again.setPromptsFile(capture), QString());
    again.setOldModelName(QStringLiteral("old-model"));
    again.setNewModel(target(m_tuned));
    again.restoreResults();
    QCOMPARE(again.results().doneCount(), 12);
    QCOMPARE(again.prepareBlindRounds(), ParityThresholds::kBlindRounds);
    const ParitySummary s = again.summary();
    const bool newIsA = s.blind.modelA == m_tuned;
    QCOMPARE(newIsA ? s.blind.winsA : s.blind.winsB, 6);
    QCOMPARE(s.blind.rated(), 6);
    QVERIFY(s.newWinRate.lower > 0.5);
    QVERIFY(s.verdictText.contains(QLatin1String("won 100% of 6 votes")));
}

void tst_ParityCheck::anyTwoModelsAsksTheOldOneFirst()
{
    const QString prompts = writeCapture(QStringLiteral("two-models.jsonl"), 6, true);
    ParityCheck check(&m_nam);
    QCOMPARE(check.setPromptsFile(prompts), QString());
    check.setOldModel(target(m_base));
    check.setNewModel(target(m_tuned));
    QSignalSpy phases(&check, &ParityCheck::phaseChanged);
    QSignalSpy finished(&check, &ParityCheck::finished);
    check.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(phases.size(), 3); // old, new, finished
    QCOMPARE(phases.at(0).first().value<ParityCheck::Phase>(), ParityCheck::Phase::AskingOld);
    QCOMPARE(phases.at(1).first().value<ParityCheck::Phase>(), ParityCheck::Phase::AskingNew);
    QCOMPARE(check.oldModelName(), m_base);
    // The references are the base model's answers, not the file's.
    const std::optional<BatchResults> old = BatchResults::load(
            QFileInfo(prompts).dir().filePath(QStringLiteral("two-models.parity-old.jsonl")));
    QVERIFY(old);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(check.results().items().at(i).reference, old->generation(i, 0).text);
    QCOMPARE(check.results().doneCount(), 6);
}

QTEST_GUILESS_MAIN(tst_ParityCheck)
#include "tst_paritycheck.moc"
