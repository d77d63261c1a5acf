// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

class QLocale;

namespace fs {

/// The longest training example (in tokens) a model takes; longer ones are cut from the end.
/// Known: gpt-4o / gpt-4o-mini snapshots 65,536; gpt-3.5-turbo-0125 / -1106 16,385;
/// gpt-3.5-turbo-0613 4,096. Unknown models (gpt-4.1 family, o-series, anything else) get
/// kDefaultTrainingTokenLimit. Fine-tuned names ("ft:base:org::id") use their base model.
int trainingTokenLimit(const QString &model);
/// Whether the limit above comes from the documentation rather than the default.
bool isTrainingTokenLimitKnown(const QString &model);
/// The default for models whose limit is not documented: that of the newest documented models
/// (gpt-4o), since the models offered for fine-tuning today succeed them.
constexpr int kDefaultTrainingTokenLimit = 65536;

/// The OpenAI cookbook's rule for the default number of epochs: 3, raised so that at least 100
/// examples are seen, lowered so that at most 25,000 are, and kept within 1..25.
struct EpochRule
{
    static constexpr int kTargetEpochs = 3;
    static constexpr qint64 kMinTargetExamples = 100;
    static constexpr qint64 kMaxTargetExamples = 25000;
    static constexpr int kMinDefaultEpochs = 1;
    static constexpr int kMaxDefaultEpochs = 25;
    /// The epochs the service picks by default for `examples` examples (3 for 0 examples).
    static int defaultEpochs(qint64 examples);
};

/// The training estimate of a dataset for one model.
struct CostEstimate
{
    QString model;
    qint64 examples = 0;
    int epochs = 0;
    int tokenLimit = 0; ///< trainingTokenLimit(model)
    qint64 billedTokensPerEpoch = 0; ///< Σ min(tokenLimit, tokens_i)
    qint64 billedTokens = 0; ///< billedTokensPerEpoch × epochs
    double usdPerMillion = -1; ///< the price used; -1 when unknown
    double costUsd = -1; ///< billedTokens × price / 1e6; -1 when the price is unknown

    bool hasCost() const { return costUsd >= 0; }

    /// From each example's token count. `epochs` 0 means the cookbook's default; a negative
    /// token count (not counted yet) is skipped but the example still counts for the epochs.
    static CostEstimate compute(const QList<qint32> &exampleTokens, const QString &model,
            double usdPerMillion, int epochs = 0);
    /// From totals already known (billed tokens already capped at the limit per example).
    static CostEstimate fromTotals(qint64 examples, qint64 billedTokensPerEpoch,
            const QString &model, double usdPerMillion, int epochs = 0);
};

/// The base model of a fine-tuned model name ("ft:gpt-4o-mini-2024-07-18:org::id" →
/// "gpt-4o-mini-2024-07-18"), lower-cased and trimmed; other names are returned the same way.
QString baseModelName(const QString &model);
/// A model name without its dated-version suffix: "gpt-4.1-mini-2025-04-14" → "gpt-4.1-mini",
/// "gpt-3.5-turbo-0125" → "gpt-3.5-turbo"; a name without a date is returned as it is.
QString withoutSnapshotDate(const QString &name);

/// A training cost for people: "$12.40", or "< $0.01" for a small non-zero amount (instead of a
/// misleading "$0.00"). Uses `locale` for the digits.
QString formatCostUsd(double usd, const QLocale &locale);

} // namespace fs
