// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstfinetuneguide.h"

#include "apitypes.h"
#include "datasetdocument.h"
#include "datasetstatistics.h"
#include "linter.h"
#include "lintstate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <algorithm>

namespace fs {

static_assert(FirstFineTuneGuide::kMinimumExamples == Linter::kMinimumExamples,
        "the guide counts like the linter");

namespace {

QString number(int n)
{
    return QLocale().toString(n);
}

/// A step not done yet; its status is filled in by the caller.
GuideStep makeStep(GuideStep::Id id, const QString &title, const QString &advice)
{
    GuideStep step;
    step.id = id;
    step.state = GuideStep::State::Todo;
    step.title = title;
    step.advice = advice;
    return step;
}

/// Ticks the step (or not) and says how it stands.
void settle(GuideStep &step, bool done, const QString &status)
{
    step.state = done ? GuideStep::State::Done : GuideStep::State::Todo;
    step.status = status;
}

} // namespace

// Singular and plural are spelled out: English has no plural catalogue to fill in "%n".

QString FirstFineTuneGuide::money(double usd)
{
    if (usd > 0 && usd < 0.005)
        return tr("less than $0.01");
    //: A cost in US dollars; %1 is the amount with two decimals
    return tr("$%1").arg(QLocale().toString(usd, 'f', 2));
}

GuideStep FirstFineTuneGuide::prompting()
{
    GuideStep step;
    step.id = GuideStep::Id::Prompting;
    step.title = tr("Should you fine-tune at all?");
    step.status = tr("Try a good prompt first.");
    step.advice = tr("A clear system message and two or three examples in the prompt already "
                     "change a model’s tone and format a lot — try that in the Playground. "
                     "Fine-tune when prompting is not enough: to make answers reliably follow "
                     "your style or format, or to make long prompts short.");
    return step;
}

GuideStep FirstFineTuneGuide::examples(const GuideFacts &facts)
{
    GuideStep step = makeStep(GuideStep::Id::Examples, tr("At least 10 examples"),
            tr("Each example is a conversation with the answer you want. The service needs "
               "at least 10; 50 to 100 good, varied examples usually show a clear "
               "difference."));
    if (!facts.datasetOpen) {
        step.status = tr("No dataset is open yet: open a sample or start a new dataset in "
                         "Datasets.");
        return step;
    }
    const QString have =
            (facts.examples == 1 ? tr("You have one example.")
                                 : tr("You have %1 examples.").arg(number(facts.examples)));
    if (facts.examples < FirstFineTuneGuide::kMinimumExamples) {
        const int missing = FirstFineTuneGuide::kMinimumExamples - facts.examples;
        step.status = have + QLatin1Char(' ')
                + (missing == 1 ? tr("Add one more.") : tr("Add %1 more.").arg(number(missing)));
        return step;
    }
    step.state = GuideStep::State::Done;
    step.status = have;
    if (facts.examples < FirstFineTuneGuide::kNoticeableExamples)
        step.status += QLatin1Char(' ')
                + tr("Enough to start; 50 to 100 usually show a clearer difference.");
    return step;
}

GuideStep FirstFineTuneGuide::checks(const GuideFacts &facts)
{
    GuideStep step = makeStep(GuideStep::Id::Checks, tr("No errors in the checks"),
            tr("The app checks every example as you type, like the service will. Errors "
               "make the service refuse the file; warnings are worth a look."));
    if (!facts.datasetOpen || facts.examples == 0) {
        step.status = tr("Nothing to check yet.");
        return step;
    }
    if (!facts.checksComplete) {
        step.status = tr("Checking the examples…");
        return step;
    }
    if (facts.errors > 0) {
        step.status = (facts.errors == 1
                        ? tr("One error to fix: see the Problems tab.")
                        : tr("%1 errors to fix: see the Problems tab.").arg(number(facts.errors)));
        return step;
    }
    step.state = GuideStep::State::Done;
    step.status = facts.warnings == 0
            ? tr("No errors.")
            : (facts.warnings == 1 ? tr("No errors; one warning worth a look.")
                                   : tr("No errors; %1 warnings worth a look.")
                                             .arg(number(facts.warnings)));
    return step;
}

GuideStep FirstFineTuneGuide::validation(const GuideFacts &facts)
{
    GuideStep step = makeStep(GuideStep::Id::Validation, tr("Hold out a validation set"),
            tr("Keep about one example in ten out of training. The service tests the "
               "model on them while it trains, so the chart shows whether it learns the "
               "task or only memorises your examples."));
    settle(step, facts.validationSet,
            facts.validationSet ? tr("A validation file is ready.")
                                : tr("Not yet: File → Export Training and Validation Files…"));
    return step;
}

GuideStep FirstFineTuneGuide::cost(const GuideFacts &facts)
{
    GuideStep step = makeStep(GuideStep::Id::Cost, tr("Know what it will cost"),
            tr("Training is billed per token, for every pass over the examples. The "
               "“Tokens and Cost” tab beside the examples shows the estimate and lets you pick "
               "the model."));
    if (facts.practiceService)
        step.advice += QLatin1Char(' ')
                + tr("The practice service charges nothing; this is what a real service "
                     "would bill.");
    if (!facts.costUsd) {
        step.state = GuideStep::State::Todo;
        step.status = facts.datasetOpen && facts.examples > 0
                ? tr("Not estimated yet: the tokens are still being counted, or the model’s "
                     "price is unknown.")
                : tr("Not estimated yet: open a dataset first.");
        return step;
    }
    step.state = GuideStep::State::Done;
    step.status = facts.costModel.isEmpty() ? tr("Estimated cost: %1.").arg(money(*facts.costUsd))
                                            : tr("Estimated cost: %1 (%2, %3 passes).")
                                                      .arg(money(*facts.costUsd), facts.costModel,
                                                              QLocale().toString(facts.costEpochs));
    return step;
}

GuideStep FirstFineTuneGuide::jobStarted(const GuideFacts &facts)
{
    GuideStep step = makeStep(GuideStep::Id::JobStarted, tr("Start a training job"),
            tr("In Jobs, “New job…” uploads the open dataset and starts training. Leave "
               "the settings on Auto the first time."));
    if (facts.jobsStarted == 0)
        settle(step, false, tr("Not yet."));
    else
        settle(step, true,
                facts.jobsStarted == 1
                        ? tr("A job was started.")
                        : tr("%1 jobs were started.").arg(number(facts.jobsStarted)));
    return step;
}

GuideStep FirstFineTuneGuide::jobFinished(const GuideFacts &facts)
{
    GuideStep step = makeStep(GuideStep::Id::JobFinished, tr("Look at the chart, then compare"),
            tr("Validation loss should fall along with training loss. If it rises while "
               "training loss keeps falling, the model is memorising: use fewer passes or "
               "more varied examples. Then compare the base and the fine-tuned model in "
               "the Playground."));
    if (facts.jobsSucceeded > 0) {
        step.state = GuideStep::State::Done;
        step.status = tr("A job finished: look at its chart in Jobs — validation loss should "
                         "fall.");
    } else if (facts.jobsRunning > 0) {
        step.status = tr("A job is running: watch its chart in Jobs.");
    } else if (facts.jobsStopped > 0) {
        step.status = tr("A job stopped before the end: its events in Jobs say why.");
    } else {
        step.status = tr("Waiting for a job to finish.");
    }
    return step;
}

QString GuideFacts::defaultValidationPath(const QString &datasetPath)
{
    if (datasetPath.isEmpty() || datasetPath.startsWith(QLatin1Char(':')))
        return {};
    const QFileInfo info(datasetPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-validation.jsonl"));
}

GuideFacts GuideFacts::gather(const DatasetDocument *document, const LintState *lint,
        bool checksComplete, const QList<FineTuningJob> &jobs, const DatasetStatistics *stats,
        const QString &model, double usdPerMillion)
{
    GuideFacts facts;
    if (document) {
        facts.datasetOpen = true;
        facts.examples = document->count();
        facts.checksComplete = checksComplete && lint;
        if (lint) {
            facts.errors = lint->totalErrors();
            facts.warnings = lint->totalWarnings();
        }
        const QString validationPath = defaultValidationPath(document->filePath());
        facts.validationSet = !validationPath.isEmpty() && QFileInfo::exists(validationPath);

        if (stats && stats->examples > 0 && stats->countedExamples == stats->examples
                && usdPerMillion >= 0) {
            const TrainingEstimate estimate = stats->estimate(model, usdPerMillion);
            facts.costUsd = estimate.costUsd;
            facts.costModel = model;
            facts.costEpochs = estimate.epochs;
        }
    }
    for (const FineTuningJob &job : jobs) {
        ++facts.jobsStarted;
        if (!job.validationFile.isEmpty())
            facts.validationSet = true;
        if (job.status == FineTuningJob::Status::Succeeded)
            ++facts.jobsSucceeded;
        else if (job.isTerminal())
            ++facts.jobsStopped;
        else
            ++facts.jobsRunning;
    }
    return facts;
}

QList<GuideStep> FirstFineTuneGuide::steps(const GuideFacts &facts)
{
    return {prompting(), examples(facts), checks(facts), validation(facts), cost(facts),
            jobStarted(facts), jobFinished(facts)};
}

GuideStep FirstFineTuneGuide::step(const GuideFacts &facts, GuideStep::Id id)
{
    for (const GuideStep &step : steps(facts)) {
        if (step.id == id)
            return step;
    }
    return {};
}

int FirstFineTuneGuide::doneCount(const QList<GuideStep> &steps)
{
    return int(std::count_if(steps.cbegin(), steps.cend(),
            [](const GuideStep &step) { return step.state == GuideStep::State::Done; }));
}

int FirstFineTuneGuide::tickableCount(const QList<GuideStep> &steps)
{
    return int(std::count_if(steps.cbegin(), steps.cend(),
            [](const GuideStep &step) { return step.state != GuideStep::State::Advice; }));
}

} // namespace fs
