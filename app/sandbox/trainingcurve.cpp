// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingcurve.h"

#include "costestimate.h"

#include <QtMath>
#include <algorithm>

namespace fs::sandbox {

namespace {

quint64 splitMix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

double unit(quint64 x)
{
    // 53 random bits into (0, 1): never 0, so log() below is safe.
    return (double(x >> 11) + 0.5) / 9007199254740992.0;
}

} // namespace

TrainingPlan planTraining(int examples, std::optional<int> nEpochs, std::optional<int> batchSize,
        std::optional<double> learningRateMultiplier, std::optional<double> beta)
{
    TrainingPlan plan;
    const int n = qMax(1, examples);
    // The cookbook's rule, the one the app's estimate uses.
    plan.nEpochs = nEpochs ? *nEpochs : fs::EpochRule::defaultEpochs(n);
    plan.batchSize = batchSize ? *batchSize : qBound(1, n / 10, 32);
    plan.learningRateMultiplier = learningRateMultiplier ? *learningRateMultiplier : 1.8;
    plan.beta = beta ? *beta : 0.1;
    plan.stepsPerEpoch = (n + plan.batchSize - 1) / plan.batchSize;
    plan.totalSteps = plan.nEpochs * plan.stepsPerEpoch;
    return plan;
}

double accuracyForLoss(double loss)
{
    return qBound(0.0, 1.0 - 0.3 * qPow(qMax(0.0, loss), 0.8), 1.0);
}

TrainingCurve::TrainingCurve(const CurveInputs &inputs)
    : m_in(inputs)
{
    // Richer vocabulary and longer examples are harder to predict at first.
    m_start = 0.6 + 0.35 * qLn(1.0 + qMax(0, m_in.vocabularySize))
            + 0.08 * qLn(1.0 + qMax(0.0, m_in.meanExampleTokens));
    m_start = qBound(1.0, m_start, 4.5);
    // Few examples are memorised: the loss can fall much further.
    const double size = qMin(1.0, m_in.examples / 400.0);
    m_floor = m_start * (0.03 + 0.12 * size);
    // Higher learning rates fall faster; about 95 % of the way down after three epochs at 1.8.
    m_rate = 1.0 * qSqrt(qMax(0.01, m_in.plan.learningRateMultiplier) / 1.8);
    m_sigma = 0.05 + 0.16 / qSqrt(double(qMax(1, m_in.plan.batchSize)));
    m_reportEvery = qMax(1, m_in.plan.totalSteps / 25);
}

double TrainingCurve::noise(int step, int stream) const
{
    const quint64 base = splitMix(m_in.seed ^ splitMix(quint64(step) * 4 + quint64(stream)));
    const double u1 = unit(base);
    const double u2 = unit(splitMix(base));
    return qSqrt(-2.0 * qLn(u1)) * qCos(2.0 * M_PI * u2);
}

double TrainingCurve::smoothLoss(int step) const
{
    const double epochs = double(step) / double(qMax(1, m_in.plan.stepsPerEpoch));
    return m_floor + (m_start - m_floor) * qExp(-m_rate * epochs);
}

bool TrainingCurve::isEpochEnd(int step) const
{
    return step > 0 && step % qMax(1, m_in.plan.stepsPerEpoch) == 0;
}

double TrainingCurve::validationLossAt(int step) const
{
    if (!m_in.hasValidation)
        return 0;
    const double epochs = double(step) / double(qMax(1, m_in.plan.stepsPerEpoch));
    return smoothLoss(step) * (1.08 + 0.05 * epochs);
}

bool TrainingCurve::isReportedStep(int step) const
{
    return step == 1 || step % m_reportEvery == 0 || isEpochEnd(step)
            || step == m_in.plan.totalSteps;
}

StepMetrics TrainingCurve::at(int step) const
{
    StepMetrics m;
    m.step = step;
    const double smooth = smoothLoss(step);
    m.trainLoss = qMax(0.0, smooth * qExp(m_sigma * noise(step, 0)));
    m.trainAccuracy = qBound(0.0, accuracyForLoss(m.trainLoss) + 0.01 * noise(step, 1), 1.0);
    if (m_in.hasValidation) {
        const double epochs = double(step) / double(qMax(1, m_in.plan.stepsPerEpoch));
        // Held-out data is a little harder, and more so as the model starts to overfit.
        const double gap = 1.08 + 0.05 * epochs;
        if (isReportedStep(step)) {
            m.hasValid = true;
            m.validLoss = qMax(0.0, smooth * gap * qExp(m_sigma * noise(step, 2)));
            m.validAccuracy = accuracyForLoss(m.validLoss);
        }
        if (isEpochEnd(step) || step == m_in.plan.totalSteps) {
            m.hasFullValid = true;
            m.fullValidLoss = validationLossAt(step);
            m.fullValidAccuracy = accuracyForLoss(m.fullValidLoss);
        }
    }
    return m;
}

} // namespace fs::sandbox
