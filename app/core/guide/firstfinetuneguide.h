// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace fs {

class DatasetDocument;
class LintState;
struct DatasetStatistics;
struct FineTuningJob;

/// What the first fine-tune guide knows about the person's work: plain values, gathered from
/// the open dataset, the linter and the job history (GuideFacts::gather) or made up by tests.
struct GuideFacts
{
    bool datasetOpen = false;
    int examples = 0;
    bool checksComplete = true; ///< the linter has looked at every example
    int errors = 0;
    int warnings = 0;
    /// A validation file was exported next to the dataset, or a job was started with one.
    bool validationSet = false;
    std::optional<double> costUsd; ///< the training estimate; nullopt: not known (yet)
    QString costModel; ///< the model the estimate is for
    int costEpochs = 0;
    bool practiceService = false; ///< the built-in sandbox is the active connection
    int jobsStarted = 0;
    int jobsRunning = 0; ///< not finished yet
    int jobsSucceeded = 0;
    int jobsStopped = 0; ///< failed or cancelled

    /**
     * @brief Reads the facts from the pieces the app has.
     * @param document the open dataset, or null when none is open
     * @param lint the linter's results for `document` (may be null: nothing checked yet)
     * @param checksComplete whether the linter has finished every example
     * @param jobs the connection's jobs (from the history), newest first
     * @param stats the statistics of `document` as last computed (the statistics panel sums
     *        big datasets up off the GUI thread; null: not yet, so no cost)
     * @param model the model the cost is estimated for
     * @param usdPerMillion its training price (negative: unknown)
     */
    static GuideFacts gather(const DatasetDocument *document, const LintState *lint,
            bool checksComplete, const QList<FineTuningJob> &jobs, const DatasetStatistics *stats,
            const QString &model, double usdPerMillion);
    /// Where Export → "Training and Validation Files" puts the validation file of `datasetPath`
    /// by default ("NAME-validation.jsonl" beside it); empty for an unsaved dataset.
    static QString defaultValidationPath(const QString &datasetPath);
};

/// One line of the checklist.
struct GuideStep
{
    enum class Id { Prompting, Examples, Checks, Validation, Cost, JobStarted, JobFinished };
    enum class State {
        Advice, ///< something to read; nothing to tick
        Todo, ///< not done yet (the status says what to do)
        Done, ///< ticked
    };
    Id id = Id::Prompting;
    State state = State::Advice;
    QString title; ///< "At least 10 examples"
    QString status; ///< how it stands now: "You have 24 examples."
    QString advice; ///< the explanation for someone who has never fine-tuned
};

/**
 * @brief The rules of "Your first fine-tune": which steps are done given the facts, and what
 * to say about each. No widgets; the Help → Guide panel only shows the result.
 */
class FirstFineTuneGuide
{
    Q_DECLARE_TR_FUNCTIONS(fs::FirstFineTuneGuide)
public:
    /// The service refuses fewer training examples than this.
    static constexpr int kMinimumExamples = 10;
    /// From about here on a difference usually shows (OpenAI suggests 50 to 100 to start).
    static constexpr int kNoticeableExamples = 50;

    static QList<GuideStep> steps(const GuideFacts &facts);
    static GuideStep step(const GuideFacts &facts, GuideStep::Id id);
    /// How many steps are ticked, and how many can be.
    static int doneCount(const QList<GuideStep> &steps);
    static int tickableCount(const QList<GuideStep> &steps);

private:
    static QString money(double usd);
    static GuideStep prompting();
    static GuideStep examples(const GuideFacts &facts);
    static GuideStep checks(const GuideFacts &facts);
    static GuideStep validation(const GuideFacts &facts);
    static GuideStep cost(const GuideFacts &facts);
    static GuideStep jobStarted(const GuideFacts &facts);
    static GuideStep jobFinished(const GuideFacts &facts);
};

} // namespace fs
