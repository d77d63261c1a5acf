// SPDX-License-Identifier: GPL-3.0-or-later
// The rules of the "Your first fine-tune" checklist: which steps tick, at their edges, and the
// facts read from a real document, its linter and the job history.
#include "apitypes.h"
#include "datasetdocument.h"
#include "datasetstatistics.h"
#include "firstfinetuneguide.h"
#include "linter.h"
#include "lintrunner.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;
using Id = GuideStep::Id;
using State = GuideStep::State;

namespace {

GuideFacts openDataset(int examples)
{
    GuideFacts facts;
    facts.datasetOpen = true;
    facts.examples = examples;
    return facts;
}

Example goodExample(int i)
{
    return Example::fromLine(
            QStringLiteral(R"({"messages":[{"role":"system","content":"Be brief."},)"
                           R"({"role":"user","content":"Question %1?"},)"
                           R"({"role":"assistant","content":"Answer %1."}]})")
                    .arg(i)
                    .toUtf8());
}

FineTuningJob job(FineTuningJob::Status status, const QString &validationFile = {})
{
    FineTuningJob job;
    job.id = QStringLiteral("ftjob-%1").arg(int(status));
    job.status = status;
    job.validationFile = validationFile;
    return job;
}

/// The document's statistics as the statistics panel computes them (kept until the next call).
const fs::DatasetStatistics *statsOf(const fs::DatasetDocument &document)
{
    static fs::DatasetStatistics stats;
    stats = fs::DatasetStatistics::compute(
            document, fs::Linter::trainingLimit(QStringLiteral("gpt-4.1-mini-2025-04-14")));
    return &stats;
}

} // namespace

class tst_FirstFineTuneGuide : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStepInOrder()
    {
        const QList<GuideStep> steps = FirstFineTuneGuide::steps(GuideFacts());
        QList<Id> ids;
        for (const GuideStep &step : steps) {
            ids << step.id;
            QVERIFY(!step.title.isEmpty());
            QVERIFY(!step.status.isEmpty());
            QVERIFY(!step.advice.isEmpty());
        }
        QCOMPARE(ids,
                QList<Id>({Id::Prompting, Id::Examples, Id::Checks, Id::Validation, Id::Cost,
                        Id::JobStarted, Id::JobFinished}));
        // Only the advice about prompting is not a box to tick.
        QCOMPARE(steps.at(0).state, State::Advice);
        QCOMPARE(FirstFineTuneGuide::tickableCount(steps), 6);
    }

    void noDatasetTicksNothing()
    {
        const QList<GuideStep> steps = FirstFineTuneGuide::steps(GuideFacts());
        QCOMPARE(FirstFineTuneGuide::doneCount(steps), 0);
        const GuideStep examples = FirstFineTuneGuide::step(GuideFacts(), Id::Examples);
        QCOMPARE(examples.state, State::Todo);
        QVERIFY2(examples.status.contains(QLatin1String("No dataset is open")),
                qPrintable(examples.status));
        // No examples is not "no errors".
        QCOMPARE(FirstFineTuneGuide::step(GuideFacts(), Id::Checks).state, State::Todo);
        QCOMPARE(FirstFineTuneGuide::step(openDataset(0), Id::Checks).state, State::Todo);
        QVERIFY(FirstFineTuneGuide::step(GuideFacts(), Id::Cost)
                        .status.contains(QLatin1String("open a dataset")));
    }

    void tenExamplesIsTheEdge_data()
    {
        QTest::addColumn<int>("examples");
        QTest::addColumn<bool>("done");
        QTest::addColumn<QString>("says");
        QTest::newRow("1") << 1 << false << QStringLiteral("You have one example. Add 9 more.");
        QTest::newRow("9") << 9 << false << QStringLiteral("You have 9 examples. Add one more.");
        QTest::newRow("10") << 10 << true << QStringLiteral("You have 10 examples.");
        QTest::newRow("49") << 49 << true << QStringLiteral("50 to 100");
        QTest::newRow("50") << 50 << true << QStringLiteral("You have 50 examples.");
    }

    void tenExamplesIsTheEdge()
    {
        QFETCH(int, examples);
        QFETCH(bool, done);
        QFETCH(QString, says);
        const GuideStep step = FirstFineTuneGuide::step(openDataset(examples), Id::Examples);
        QCOMPARE(step.state, done ? State::Done : State::Todo);
        QVERIFY2(step.status.contains(says), qPrintable(step.status));
        if (examples >= FirstFineTuneGuide::kNoticeableExamples)
            QVERIFY(!step.status.contains(QLatin1String("50 to 100")));
    }

    void errorsKeepTheChecksOpen()
    {
        GuideFacts facts = openDataset(24);
        facts.errors = 2;
        facts.warnings = 1;
        GuideStep step = FirstFineTuneGuide::step(facts, Id::Checks);
        QCOMPARE(step.state, State::Todo);
        QVERIFY2(step.status.startsWith(QLatin1String("2 errors to fix")), qPrintable(step.status));

        facts.errors = 1;
        step = FirstFineTuneGuide::step(facts, Id::Checks);
        QVERIFY2(step.status.startsWith(QLatin1String("One error")), qPrintable(step.status));

        facts.errors = 0;
        step = FirstFineTuneGuide::step(facts, Id::Checks);
        QCOMPARE(step.state, State::Done);
        QCOMPARE(step.status, QStringLiteral("No errors; one warning worth a look."));

        // While the linter is still busy, nothing is claimed.
        facts.checksComplete = false;
        step = FirstFineTuneGuide::step(facts, Id::Checks);
        QCOMPARE(step.state, State::Todo);
        QVERIFY(step.status.contains(QLatin1String("Checking")));
    }

    void validationSetAndCost()
    {
        GuideFacts facts = openDataset(24);
        GuideStep validation = FirstFineTuneGuide::step(facts, Id::Validation);
        QCOMPARE(validation.state, State::Todo);
        QVERIFY2(validation.status.contains(QLatin1String("Export Training and Validation")),
                qPrintable(validation.status));
        facts.validationSet = true;
        QCOMPARE(FirstFineTuneGuide::step(facts, Id::Validation).state, State::Done);

        QCOMPARE(FirstFineTuneGuide::step(facts, Id::Cost).state, State::Todo);
        facts.costUsd = 0.4249;
        facts.costModel = QStringLiteral("gpt-4.1-mini-2025-04-14");
        facts.costEpochs = 5;
        GuideStep cost = FirstFineTuneGuide::step(facts, Id::Cost);
        QCOMPARE(cost.state, State::Done);
        QCOMPARE(cost.status,
                QStringLiteral("Estimated cost: $0.42 (gpt-4.1-mini-2025-04-14, 5 passes)."));
        facts.costUsd = 0.001;
        QVERIFY(FirstFineTuneGuide::step(facts, Id::Cost)
                        .status.contains(QLatin1String("less than $0.01")));
        QVERIFY(!FirstFineTuneGuide::step(facts, Id::Cost)
                         .advice.contains(QLatin1String("practice service")));
        facts.practiceService = true;
        QVERIFY(FirstFineTuneGuide::step(facts, Id::Cost)
                        .advice.contains(QLatin1String("practice service charges nothing")));
    }

    void jobsStartedAndFinished()
    {
        GuideFacts facts = openDataset(24);
        QCOMPARE(FirstFineTuneGuide::step(facts, Id::JobStarted).state, State::Todo);
        QCOMPARE(FirstFineTuneGuide::step(facts, Id::JobFinished).state, State::Todo);

        facts.jobsStarted = 1;
        facts.jobsRunning = 1;
        QCOMPARE(FirstFineTuneGuide::step(facts, Id::JobStarted).state, State::Done);
        GuideStep finished = FirstFineTuneGuide::step(facts, Id::JobFinished);
        QCOMPARE(finished.state, State::Todo);
        QVERIFY(finished.status.contains(QLatin1String("running")));

        facts.jobsRunning = 0;
        facts.jobsStopped = 1;
        finished = FirstFineTuneGuide::step(facts, Id::JobFinished);
        QCOMPARE(finished.state, State::Todo);
        QVERIFY(finished.status.contains(QLatin1String("stopped")));

        facts.jobsSucceeded = 1;
        finished = FirstFineTuneGuide::step(facts, Id::JobFinished);
        QCOMPARE(finished.state, State::Done);
        QVERIFY2(finished.status.contains(QLatin1String("validation loss should fall")),
                qPrintable(finished.status));
    }

    void factsFromJobs()
    {
        const GuideFacts none = GuideFacts::gather(nullptr, nullptr, true, {}, nullptr, {}, -1);
        QVERIFY(!none.datasetOpen);
        QCOMPARE(none.jobsStarted, 0);
        QVERIFY(!none.validationSet);

        const GuideFacts facts = GuideFacts::gather(nullptr, nullptr, true,
                {job(FineTuningJob::Status::Running),
                        job(FineTuningJob::Status::Succeeded, QStringLiteral("file-val")),
                        job(FineTuningJob::Status::Cancelled), job(FineTuningJob::Status::Failed)},
                nullptr, {}, -1);
        QCOMPARE(facts.jobsStarted, 4);
        QCOMPARE(facts.jobsRunning, 1);
        QCOMPARE(facts.jobsSucceeded, 1);
        QCOMPARE(facts.jobsStopped, 2);
        // A job trained with a validation file: the set was held out.
        QVERIFY(facts.validationSet);
    }

    void factsFromARealDocument()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DatasetDocument document;
        for (int i = 0; i < 9; ++i)
            document.appendExample(goodExample(i));
        LintRunner runner(&document);
        QTRY_VERIFY(runner.isComplete());
        const QString model = QStringLiteral("gpt-4.1-mini-2025-04-14");

        GuideFacts facts = GuideFacts::gather(
                &document, &runner.state(), runner.isComplete(), {}, statsOf(document), model, 5.0);
        QVERIFY(facts.datasetOpen);
        QCOMPARE(facts.examples, 9);
        QVERIFY(facts.checksComplete);
        // Fewer than 10 examples is an error the service would give too.
        QVERIFY(facts.errors > 0);
        QCOMPARE(FirstFineTuneGuide::step(facts, Id::Examples).state, State::Todo);
        QVERIFY(facts.costUsd.has_value());
        QVERIFY(*facts.costUsd > 0);
        QCOMPARE(facts.costModel, model);
        QVERIFY(!facts.validationSet); // not saved: no place for a validation file

        document.appendExample(goodExample(9));
        QTRY_VERIFY(runner.isComplete());
        facts = GuideFacts::gather(
                &document, &runner.state(), runner.isComplete(), {}, statsOf(document), model, 5.0);
        QCOMPARE(facts.examples, 10);
        QCOMPARE(facts.errors, 0);
        QCOMPARE(FirstFineTuneGuide::step(facts, Id::Examples).state, State::Done);
        QCOMPARE(FirstFineTuneGuide::step(facts, Id::Checks).state, State::Done);
        // An unknown price gives no estimate rather than a wrong one.
        QVERIFY(!GuideFacts::gather(
                &document, &runner.state(), true, {}, statsOf(document), model, -1)
                         .costUsd.has_value());
        // Statistics not summed up yet (the panel works in the background): no cost, no guess.
        QVERIFY(!GuideFacts::gather(&document, &runner.state(), true, {}, nullptr, model, 5.0)
                         .costUsd.has_value());

        // Saved, with the validation file Export writes beside it.
        const QString path = dir.filePath(QStringLiteral("support.jsonl"));
        QVERIFY(!document.saveAs(path).isError());
        QCOMPARE(GuideFacts::defaultValidationPath(path),
                dir.filePath(QStringLiteral("support-validation.jsonl")));
        QVERIFY(!GuideFacts::gather(
                &document, &runner.state(), true, {}, statsOf(document), model, 5.0)
                         .validationSet);
        QFile validation(GuideFacts::defaultValidationPath(path));
        QVERIFY(validation.open(QIODevice::WriteOnly));
        validation.close();
        QVERIFY(GuideFacts::gather(
                &document, &runner.state(), true, {}, statsOf(document), model, 5.0)
                        .validationSet);
    }
};

QTEST_MAIN(tst_FirstFineTuneGuide)
#include "tst_firstfinetuneguide.moc"
