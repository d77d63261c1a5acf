// SPDX-License-Identifier: GPL-3.0-or-later
// WatchBudget: how long a watcher keeps trying (issue 13, finding 3), at its edges.
#include "apilimits.h"
#include "watchbudget.h"

#include <QTest>

using namespace fs;

namespace {

ApiError httpError(int status)
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = status;
    return error;
}

ApiError wrongShape()
{
    ApiError error;
    error.kind = ApiError::Kind::Protocol;
    error.code = QStringLiteral("html_answer");
    return error;
}

ApiLimits limits(int failures, int wrong, int quietMs)
{
    ApiLimits limits;
    limits.watchFailures = failures;
    limits.watchWrongAnswers = wrong;
    limits.watchQuietMs = quietMs;
    return limits;
}

} // namespace

class tst_WatchBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAndOverrides();
    void transientFailuresUpToTheLimit();
    void wrongAnswersStopSooner();
    void aGoodAnswerStartsTheCountAgain();
    void tooLongWithoutAGoodAnswer();
    void restartIsKeepTrying();
};

void tst_WatchBudget::defaultsAndOverrides()
{
    const ApiLimits defaults;
    QCOMPARE(defaults.watchFailures, 10);
    QCOMPARE(defaults.watchWrongAnswers, 3);
    QCOMPARE(defaults.watchQuietMs, 10 * 60 * 1000);
    const ApiLimits changed = ApiLimits::withOverrides(
            defaults, QStringLiteral("watch-failures=4,watch-wrong=2,watch-time=1500"));
    QCOMPARE(changed.watchFailures, 4);
    QCOMPARE(changed.watchWrongAnswers, 2);
    QCOMPARE(changed.watchQuietMs, 1500);
    // Bad values are ignored: the budget never becomes zero.
    const ApiLimits same =
            ApiLimits::withOverrides(defaults, QStringLiteral("watch-failures=0,watch-wrong=x"));
    QCOMPARE(same.watchFailures, 10);
    QCOMPARE(same.watchWrongAnswers, 3);
}

void tst_WatchBudget::transientFailuresUpToTheLimit()
{
    WatchBudget budget(limits(3, 2, 600000));
    QVERIFY(!budget.failed(httpError(503)));
    QVERIFY(!budget.failed(httpError(429)));
    QVERIFY(budget.sentence().isEmpty());
    QVERIFY(budget.failed(httpError(503)));
    QCOMPARE(budget.spent(), WatchBudget::Spent::Failures);
    QCOMPARE(budget.failuresInARow(), 3);
    QCOMPARE(budget.sentence(),
            httpError(503).plainMessage()
                    + QStringLiteral(" Stopped watching after 3 failed checks in a row."));
}

void tst_WatchBudget::wrongAnswersStopSooner()
{
    WatchBudget budget(limits(10, 2, 600000));
    QVERIFY(!budget.failed(wrongShape()));
    QVERIFY(!budget.failed(httpError(503))); // a transient one in between breaks the row
    QVERIFY(!budget.failed(wrongShape()));
    QVERIFY(budget.failed(wrongShape()));
    QCOMPARE(budget.spent(), WatchBudget::Spent::WrongAnswers);
    QVERIFY2(budget.sentence().endsWith(QLatin1String("after 4 failed checks in a row.")),
            qPrintable(budget.sentence()));
    // One check allowed: the sentence does not count.
    WatchBudget once(limits(10, 1, 600000));
    QVERIFY(once.failed(wrongShape()));
    QCOMPARE(once.sentence(), wrongShape().plainMessage() + QStringLiteral(" Stopped watching."));
}

void tst_WatchBudget::aGoodAnswerStartsTheCountAgain()
{
    WatchBudget budget(limits(2, 2, 600000));
    QVERIFY(!budget.failed(wrongShape()));
    budget.succeeded();
    QVERIFY(!budget.failed(httpError(500)));
    budget.succeeded();
    QVERIFY(!budget.failed(wrongShape()));
    QVERIFY(budget.failed(wrongShape()));
}

void tst_WatchBudget::tooLongWithoutAGoodAnswer()
{
    WatchBudget budget(limits(1000, 1000, 100));
    QElapsedTimer clock;
    clock.start();
    int failures = 0;
    while (!budget.failed(httpError(503))) {
        ++failures;
        QTest::qWait(10); // paces the failures until the budget's time runs out (the condition)
    }
    QVERIFY(clock.elapsed() >= 100);
    QVERIFY(failures > 0);
    QCOMPARE(budget.spent(), WatchBudget::Spent::Time);
    QVERIFY2(budget.sentence().endsWith(
                     QLatin1String("Stopped watching: no good answer for 1 second.")),
            qPrintable(budget.sentence()));
}

void tst_WatchBudget::restartIsKeepTrying()
{
    WatchBudget budget(limits(1, 1, 600000));
    QVERIFY(budget.failed(httpError(503)));
    QVERIFY(budget.isSpent());
    budget.restart();
    QVERIFY(!budget.isSpent());
    QCOMPARE(budget.failuresInARow(), 0);
    QVERIFY(budget.sentence().isEmpty());
    QCOMPARE(budget.lastError().kind, ApiError::Kind::None);
}

QTEST_GUILESS_MAIN(tst_WatchBudget)
#include "tst_watchbudget.moc"
