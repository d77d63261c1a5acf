// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "hyperparametermap.h"
#include "pricetable.h"
#include "providerkind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace fs {

/**
 * @brief Where a "Move to Another Service" stands: everything each step decided, so the flow
 * can be left after any step and resumed later (MigrationStore keeps it in the job history).
 */
struct MigrationState
{
    /// The steps in order. Deploy is skipped when the target's models answer without one.
    enum class Step { Capture, Split, Target, Train, Deploy, Parity, Done };

    QString id; ///< "move-…", chosen by begin()
    QDateTime created;
    QDateTime updated;
    Step step = Step::Capture;

    // Where the behaviour comes from.
    QString sourceConnectionId;
    ProviderKind sourceProvider = ProviderKind::OpenAI;
    QString sourceModel; ///< the model whose behaviour is kept (often a fine-tune)
    CreateJobRequest
            sourceSettings; ///< the settings the old job ran with (all automatic if unknown)

    // Capture: a chat JSONL whose last assistant turns are the old model's answers.
    QString capturePath;
    int captureExamples = 0;

    // Lint and split.
    double heldOutRatio = 0.2;
    quint32 splitSeed = 20261207;
    QString trainingPath; ///< beside the capture: NAME.train.jsonl
    QString heldOutPath; ///< NAME.held-out.jsonl: kept for the parity check, never trained on
    int trainingExamples = 0;
    int heldOutExamples = 0;
    int lintWarnings = 0;

    // Target.
    QString targetConnectionId;
    ProviderKind targetProvider = ProviderKind::Together;
    QString targetModel; ///< the base model to fine-tune there
    CreateJobRequest targetSettings; ///< mapped (and maybe changed by the person)
    bool clampToRange = false;

    // Train.
    QString trainingFileId;
    QString jobId;
    QString fineTunedModel;
    QString lastError; ///< the last step's problem, plain words

    // Deploy.
    bool needsDeployment = false;
    QString deploymentId;
    QString servedAs; ///< the name the deployment answers to

    // Parity check and report.
    QString reportPath;
    int verdict = -1; ///< ParityVerdict once checked

    QJsonObject toJson() const;
    static MigrationState fromJson(const QJsonObject &object);
    friend bool operator==(const MigrationState &a, const MigrationState &b)
    {
        return a.toJson() == b.toJson();
    }
};

/**
 * @brief The rules of the "Move to Another Service" flow, step by step. Each call checks its
 * input and moves `state` on; a refusal is returned as a sentence and the state stays where it
 * was. No network: uploading, training, deploying and the parity check are done by the usual
 * core pieces (UploadQueue, JobTracker, DeploymentManager, ParityCheck), whose results are
 * recorded here.
 */
class MigrationFlow
{
public:
    static constexpr int kMinHeldOut = 5; ///< fewer prompts say nothing in a parity check

    /// A new flow for `sourceModel` on a connection; `sourceJob` (from the job history) gives
    /// the settings the old model was trained with.
    static MigrationState begin(const QString &sourceConnectionId, ProviderKind sourceProvider,
            const QString &sourceModel, const std::optional<FineTuningJob> &sourceJob = {});

    /// Capture: the file with the old model's answers (made now or earlier).
    static QString useCapture(MigrationState *state, const QString &capturePath);
    /// Lint and split: errors in the capture block; the held-out part is kept for the check.
    static QString lintAndSplit(MigrationState *state, double heldOutRatio, quint32 seed);
    static QString lintAndSplit(MigrationState *state)
    {
        return lintAndSplit(state, state->heldOutRatio, state->splitSeed);
    }
    /// The old job's settings on `provider` (explanations for the page).
    static HyperparameterMapping mapping(
            const MigrationState &state, ProviderKind provider, bool clampToRange = false);
    /// Target: where to train and on what; `settings` defaults to the mapped settings.
    static QString chooseTarget(MigrationState *state, const QString &connectionId,
            ProviderKind provider, const QString &model, bool clampToRange = false,
            const std::optional<CreateJobRequest> &settings = {});
    /// The price of training in words, as the New-job form says it: for a service with a price
    /// per token, the estimate over the training part's exact token counts (CostEstimate) with
    /// `prices` (the user's price table); for a service that states its own price (Together
    /// AI), a sentence that it will after the upload (JobFormRules::priceEstimateText then).
    static QString priceText(const MigrationState &state, const PriceTable &prices);
    /// The request that starts the job (the training file id filled in).
    static CreateJobRequest jobRequest(const MigrationState &state);
    /// Train: the upload is done and the job started.
    static void trainingStarted(
            MigrationState *state, const QString &trainingFileId, const QString &jobId);
    /// Train: the job as the service reports it; moves on once it succeeded.
    static QString trainingUpdate(MigrationState *state, const FineTuningJob &job);
    /// Deploy: the new model runs and answers to `servedAs`.
    static QString deployed(
            MigrationState *state, const QString &deploymentId, const QString &servedAs);
    /// Parity: the check ran and its report was written.
    static QString parityChecked(MigrationState *state, const QString &reportPath, int verdict);

    /// The step to resume at: the stored step, or an earlier one when what it rests on is gone
    /// (a capture or split file deleted since).
    static MigrationState::Step resumeStep(const MigrationState &state);
    /// Goes back to an earlier step to change it (later steps are done again).
    static bool goBack(MigrationState *state, MigrationState::Step step);

    static QString stepTitle(MigrationState::Step step); ///< "Capture answers", translated
    /// One line on where the flow stands ("Training on Together AI: job ft-…"), translated.
    static QString statusText(const MigrationState &state);
    static QList<MigrationState::Step> steps(); ///< every step in order, Done excluded
};

} // namespace fs
