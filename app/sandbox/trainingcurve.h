// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <optional>

namespace fs::sandbox {

/// Resolved hyperparameters and the step count they give.
struct TrainingPlan
{
    int nEpochs = 1;
    int batchSize = 1;
    double learningRateMultiplier = 1.8;
    double beta = 0.1; ///< DPO only
    int stepsPerEpoch = 1;
    int totalSteps = 1;
};

/**
 * @brief Resolves "auto" hyperparameters the way the service does for `examples` examples:
 * epochs by the cookbook rule (3, more for small files, fewer for huge ones), batch size about a
 * tenth of the examples (1 to 32), total steps = epochs × ceil(examples / batch size).
 */
TrainingPlan planTraining(int examples, std::optional<int> nEpochs, std::optional<int> batchSize,
        std::optional<double> learningRateMultiplier, std::optional<double> beta);

struct StepMetrics
{
    int step = 0;
    double trainLoss = 0;
    double trainAccuracy = 0;
    bool hasValid = false;
    double validLoss = 0;
    double validAccuracy = 0;
    bool hasFullValid = false;
    double fullValidLoss = 0;
    double fullValidAccuracy = 0;
};

/// What the loss curve depends on: the data, the plan and the seed.
struct CurveInputs
{
    quint64 seed = 0;
    int examples = 10;
    int vocabularySize = 100;
    double meanExampleTokens = 50;
    bool hasValidation = false;
    TrainingPlan plan;
};

/**
 * @brief A deterministic, realistic training curve: noisy exponential decay from a starting
 * loss that grows with the vocabulary of the data towards a floor that is lower for small
 * (easily memorised) files; validation loss tracks it with a widening gap.
 */
class TrainingCurve
{
public:
    explicit TrainingCurve(const CurveInputs &inputs);

    StepMetrics at(int step) const;
    /// Steps that get a metrics event (and a validation-batch value): every few steps, each
    /// epoch end and the last step.
    bool isReportedStep(int step) const;
    bool isEpochEnd(int step) const;
    /// Loss over the whole validation set at any step (0 without validation data).
    double validationLossAt(int step) const;
    double startingLoss() const { return m_start; }

private:
    double noise(int step, int stream) const; ///< standard normal, fixed per (seed, step)
    double smoothLoss(int step) const;

    CurveInputs m_in;
    double m_start = 2.0;
    double m_floor = 0.1;
    double m_rate = 1.0;
    double m_sigma = 0.1;
    int m_reportEvery = 1;
};

/// Token accuracy that goes with a loss value.
double accuracyForLoss(double loss);

} // namespace fs::sandbox
