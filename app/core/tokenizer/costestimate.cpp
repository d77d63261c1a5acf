// SPDX-License-Identifier: GPL-3.0-or-later
#include "costestimate.h"

#include "modelregistry.h"

#include <algorithm>
#include <cmath>

#include <QLocale>
#include <QRegularExpression>

namespace fs {

QString baseModelName(const QString &model)
{
    return ModelRegistry::baseModelName(model);
}

int trainingTokenLimit(const QString &model)
{
    return ModelRegistry::contextLimit(model);
}

bool isTrainingTokenLimitKnown(const QString &model)
{
    return ModelRegistry::isContextLimitKnown(model);
}

int EpochRule::defaultEpochs(qint64 examples)
{
    int epochs = kTargetEpochs;
    if (examples <= 0)
        return epochs;
    if (examples * kTargetEpochs < kMinTargetExamples)
        epochs = int(std::min<qint64>(kMaxDefaultEpochs, kMinTargetExamples / examples));
    else if (examples * kTargetEpochs > kMaxTargetExamples)
        epochs = int(std::max<qint64>(kMinDefaultEpochs, kMaxTargetExamples / examples));
    return epochs;
}

CostEstimate CostEstimate::compute(
        const QList<qint32> &exampleTokens, const QString &model, double usdPerMillion, int epochs)
{
    const qint64 limit = trainingTokenLimit(model);
    qint64 billed = 0;
    for (const qint32 t : exampleTokens) {
        if (t > 0)
            billed += std::min<qint64>(limit, t);
    }
    return fromTotals(exampleTokens.size(), billed, model, usdPerMillion, epochs);
}

CostEstimate CostEstimate::fromTotals(qint64 examples, qint64 billedTokensPerEpoch,
        const QString &model, double usdPerMillion, int epochs)
{
    CostEstimate e;
    e.model = model;
    e.examples = examples;
    e.tokenLimit = trainingTokenLimit(model);
    e.epochs = epochs > 0 ? epochs : EpochRule::defaultEpochs(examples);
    e.billedTokensPerEpoch = billedTokensPerEpoch;
    e.billedTokens = billedTokensPerEpoch * e.epochs;
    if (usdPerMillion >= 0 && std::isfinite(usdPerMillion)) {
        e.usdPerMillion = usdPerMillion;
        e.costUsd = double(e.billedTokens) * usdPerMillion / 1e6;
    }
    return e;
}

QString formatCostUsd(double usd, const QLocale &locale)
{
    if (usd > 0 && usd < 0.005)
        return QStringLiteral("< $") + locale.toString(0.01, 'f', 2);
    return QStringLiteral("$") + locale.toString(usd, 'f', 2);
}

} // namespace fs
