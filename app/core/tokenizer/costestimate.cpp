// SPDX-License-Identifier: GPL-3.0-or-later
#include "costestimate.h"

#include <algorithm>
#include <cmath>

#include <QLocale>
#include <QRegularExpression>

namespace fs {

QString baseModelName(const QString &model)
{
    QString name = model.trimmed().toLower();
    if (name.startsWith(QLatin1String("ft:")))
        name = name.mid(3).section(QLatin1Char(':'), 0, 0);
    return name;
}

QString withoutSnapshotDate(const QString &name)
{
    static const QRegularExpression date(QStringLiteral("-(\\d{4}-\\d{2}-\\d{2}|\\d{4})$"));
    QString n = name;
    n.remove(date);
    return n;
}

namespace {

// From the fine-tuning guide (reference §8.5). Matched on the base name: exact snapshot first,
// then the family alias (the names without a date point at the snapshots below).
struct KnownLimit
{
    const char *model;
    int limit;
};
constexpr KnownLimit kKnownLimits[] = {
        {"gpt-4o-2024-08-06", 65536},
        {"gpt-4o-mini-2024-07-18", 65536},
        {"gpt-4o", 65536},
        {"gpt-4o-mini", 65536},
        {"gpt-3.5-turbo-0125", 16385},
        {"gpt-3.5-turbo-1106", 16385},
        {"gpt-3.5-turbo-0613", 4096},
        {"gpt-3.5-turbo", 16385},
        {"gpt-35-turbo-0125", 16385},
        {"gpt-35-turbo-1106", 16385},
        {"gpt-35-turbo-0613", 4096},
        {"gpt-35-turbo", 16385},
};

const KnownLimit *findLimit(const QString &model)
{
    const QString name = baseModelName(model);
    for (const KnownLimit &k : kKnownLimits) {
        if (name == QLatin1String(k.model))
            return &k;
    }
    return nullptr;
}

} // namespace

int trainingTokenLimit(const QString &model)
{
    const KnownLimit *k = findLimit(model);
    return k ? k->limit : kDefaultTrainingTokenLimit;
}

bool isTrainingTokenLimitKnown(const QString &model)
{
    return findLimit(model) != nullptr;
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
