// SPDX-License-Identifier: GPL-3.0-or-later
// ROUGE against rouge-score's published cases and hand-computed ones (tests/data/rouge).
#include "rouge.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <map>

using fs::RougeScore;
using fs::RougeScorer;
using fs::RougeScores;

class tst_Rouge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void committedCases_data();
    void committedCases();
    void tokenizer();
    void bitParallelLcsEqualsTheTable();
    void scorerReuseDoesNotLeak();
    void scoreAllEqualsOneByOne();
    void matchesAStraightforwardImplementation();
};

namespace {

QJsonArray loadCases()
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/rouge/rouge-cases.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("cases")).toArray();
}

void compareScore(const char *metric, const RougeScore &got, const QJsonValue &expected, int places)
{
    if (!expected.isArray())
        return;
    const QJsonArray e = expected.toArray();
    const double tolerance = 0.6 * std::pow(10.0, -places);
    const double values[3] = {got.precision, got.recall, got.fmeasure};
    const char *names[3] = {"precision", "recall", "fmeasure"};
    for (int k = 0; k < 3; ++k) {
        const QString message = QStringLiteral("%1 %2: got %3, expected %4")
                                        .arg(QLatin1String(metric), QLatin1String(names[k]))
                                        .arg(values[k], 0, 'f', 10)
                                        .arg(e.at(k).toDouble(), 0, 'f', 10);
        QVERIFY2(std::abs(values[k] - e.at(k).toDouble()) <= tolerance, qPrintable(message));
    }
}

} // namespace

void tst_Rouge::committedCases_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    const QJsonArray cases = loadCases();
    QVERIFY2(cases.size() >= 20, "tests/data/rouge/rouge-cases.json is missing or short");
    for (const QJsonValue &value : cases) {
        const QJsonObject object = value.toObject();
        QTest::newRow(object.value(QLatin1String("name")).toString().toUtf8().constData())
                << object;
    }
}

void tst_Rouge::committedCases()
{
    QFETCH(QJsonObject, testCase);
    const bool stem = testCase.value(QLatin1String("stem")).toBool();
    const int places = testCase.value(QLatin1String("places")).toInt(8);
    const RougeScores scores = fs::rougeScore(testCase.value(QLatin1String("target")).toString(),
            testCase.value(QLatin1String("prediction")).toString(), stem);
    compareScore("rouge1", scores.rouge1, testCase.value(QLatin1String("rouge1")), places);
    compareScore("rouge2", scores.rouge2, testCase.value(QLatin1String("rouge2")), places);
    compareScore("rougeL", scores.rougeL, testCase.value(QLatin1String("rougeL")), places);
}

void tst_Rouge::tokenizer()
{
    QCOMPARE(fs::rougeTokens(QStringLiteral("Don't STOP—the 2nd café!"), false),
            (QStringList {QStringLiteral("don"), QStringLiteral("t"), QStringLiteral("stop"),
                    QStringLiteral("the"), QStringLiteral("2nd"), QStringLiteral("caf")}));
    // Stemming only touches tokens longer than three characters.
    QCOMPARE(fs::rougeTokens(QStringLiteral("was running cats ties"), true),
            (QStringList {QStringLiteral("was"), QStringLiteral("run"), QStringLiteral("cat"),
                    QStringLiteral("tie")}));
    // Python's lower() turns İ into i + a combining dot and the Kelvin sign into k.
    QCOMPARE(fs::rougeTokens(QStringLiteral("\u0130stanbul 5\u212A"), false),
            (QStringList {QStringLiteral("i"), QStringLiteral("stanbul"), QStringLiteral("5k")}));
    QVERIFY(fs::rougeTokens(QStringLiteral(" \t\n.,;"), true).isEmpty());
}

void tst_Rouge::bitParallelLcsEqualsTheTable()
{
    // Lengths around the 64-bit word boundaries, small alphabets (many matches) and large ones.
    QRandomGenerator random(7);
    RougeScorer scorer;
    for (int round = 0; round < 400; ++round) {
        const int alphabet = 2 + int(random.bounded(30));
        const int n = int(random.bounded(200));
        const int m = round % 4 == 0 ? 63 + int(random.bounded(3)) : int(random.bounded(200));
        QStringList a;
        QStringList b;
        std::vector<int> ai;
        std::vector<int> bi;
        for (int i = 0; i < n; ++i) {
            const int t = int(random.bounded(alphabet));
            a << QStringLiteral("w%1").arg(t);
            ai.push_back(t);
        }
        for (int i = 0; i < m; ++i) {
            const int t = int(random.bounded(alphabet));
            b << QStringLiteral("w%1").arg(t);
            bi.push_back(t);
        }
        const int lcs = fs::rouge_detail::lcsLengthDp(ai, bi);
        const RougeScores scores = scorer.score(a.join(QLatin1Char(' ')), b.join(QLatin1Char(' ')));
        const double expectedRecall = n && m ? double(lcs) / n : 0.0;
        QVERIFY2(std::abs(scores.rougeL.recall - expectedRecall) < 1e-12,
                qPrintable(QStringLiteral("n=%1 m=%2 alphabet=%3 lcs=%4 recall=%5")
                                   .arg(n)
                                   .arg(m)
                                   .arg(alphabet)
                                   .arg(lcs)
                                   .arg(scores.rougeL.recall)));
    }
}

void tst_Rouge::scorerReuseDoesNotLeak()
{
    // A scorer keeps token ids and buffers between calls: a pair must score the same before and
    // after other pairs.
    RougeScorer scorer(true);
    const QString target = QStringLiteral("the quick brown fox jumps over the lazy dog");
    const QString prediction = QStringLiteral("the quick brown dog jumps on the log");
    const RougeScores first = scorer.score(target, prediction);
    scorer.score(QStringLiteral("completely different words here"), QStringLiteral("nothing"));
    scorer.score(QString(), prediction);
    const RougeScores again = scorer.score(target, prediction);
    QCOMPARE(again.rouge1.fmeasure, first.rouge1.fmeasure);
    QCOMPARE(again.rouge2.fmeasure, first.rouge2.fmeasure);
    QCOMPARE(again.rougeL.fmeasure, first.rougeL.fmeasure);
    const RougeScores fresh = fs::rougeScore(target, prediction, true);
    QCOMPARE(fresh.rougeL.fmeasure, first.rougeL.fmeasure);
    QVERIFY(first.rougeL.fmeasure > 0.5 && first.rougeL.fmeasure < 1);
}

void tst_Rouge::scoreAllEqualsOneByOne()
{
    QStringList targets;
    QStringList predictions;
    QRandomGenerator random(11);
    const QStringList words {QStringLiteral("model"), QStringLiteral("answers"),
            QStringLiteral("answer"), QStringLiteral("the"), QStringLiteral("question"),
            QStringLiteral("questions"), QStringLiteral("quickly"), QStringLiteral("fine-tuned")};
    for (int i = 0; i < 500; ++i) {
        QStringList t;
        QStringList p;
        for (int k = 0; k < 20; ++k) {
            t << words.at(int(random.bounded(int(words.size()))));
            p << words.at(int(random.bounded(int(words.size()))));
        }
        targets << t.join(QLatin1Char(' '));
        predictions << p.join(QLatin1Char(' '));
    }
    const QList<RougeScores> all = RougeScorer::scoreAll(targets, predictions, true, 4);
    QCOMPARE(all.size(), targets.size());
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const RougeScores one = fs::rougeScore(targets.at(i), predictions.at(i), true);
        QCOMPARE(all.at(i).rouge1.fmeasure, one.rouge1.fmeasure);
        QCOMPARE(all.at(i).rouge2.fmeasure, one.rouge2.fmeasure);
        QCOMPARE(all.at(i).rougeL.fmeasure, one.rougeL.fmeasure);
    }
}

void tst_Rouge::matchesAStraightforwardImplementation()
{
    // The scorer's hash tables and bit-parallel LCS against plain maps and the DP table, over
    // many distinct words (the tables grow) and repeated ones (counts are clipped).
    QRandomGenerator random(3);
    RougeScorer scorer(true);
    for (int round = 0; round < 300; ++round) {
        const int vocabulary = round % 2 ? 5000 : 12;
        QStringList t;
        QStringList p;
        const int n = int(random.bounded(150));
        const int m = int(random.bounded(150));
        for (int i = 0; i < n; ++i)
            t << QStringLiteral("word%1s").arg(random.bounded(vocabulary));
        for (int i = 0; i < m; ++i)
            p << QStringLiteral("word%1s").arg(random.bounded(vocabulary));
        const QString target = t.join(QLatin1Char(' '));
        const QString prediction = p.join(QStringLiteral(", "));
        const RougeScores got = scorer.score(target, prediction);

        const QStringList tt = fs::rougeTokens(target, true);
        const QStringList pt = fs::rougeTokens(prediction, true);
        const auto overlap = [](const QStringList &a, const QStringList &b, int order) {
            std::map<QString, int> counts;
            for (qsizetype i = 0; i + order <= a.size(); ++i)
                ++counts[a.mid(i, order).join(QLatin1Char(' '))];
            int common = 0;
            for (qsizetype i = 0; i + order <= b.size(); ++i) {
                int &c = counts[b.mid(i, order).join(QLatin1Char(' '))];
                if (c > 0) {
                    --c;
                    ++common;
                }
            }
            return common;
        };
        std::map<QString, int> ids;
        std::vector<int> ti;
        std::vector<int> pi;
        for (const QString &token : tt)
            ti.push_back(ids.emplace(token, int(ids.size())).first->second);
        for (const QString &token : pt)
            pi.push_back(ids.emplace(token, int(ids.size())).first->second);
        const int lcs = fs::rouge_detail::lcsLengthDp(ti, pi);
        const auto expected = [](int common, qsizetype predicted, qsizetype total) {
            const double precision = double(common) / std::max<qsizetype>(predicted, 1);
            const double recall = double(common) / std::max<qsizetype>(total, 1);
            return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        };
        const bool empty = tt.isEmpty() || pt.isEmpty();
        QCOMPARE(got.rouge1.fmeasure,
                empty ? 0.0 : expected(overlap(tt, pt, 1), pt.size(), tt.size()));
        QCOMPARE(got.rouge2.fmeasure,
                empty ? 0.0 : expected(overlap(tt, pt, 2), pt.size() - 1, tt.size() - 1));
        QCOMPARE(got.rougeL.fmeasure, empty ? 0.0 : expected(lcs, pt.size(), tt.size()));
    }
}

QTEST_GUILESS_MAIN(tst_Rouge)
#include "tst_rouge.moc"
