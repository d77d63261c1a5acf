// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain.h"
#include "providerkind.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace fs {

/// One hyperparameter's allowed values on one provider (resources/modelregistry/*.json).
struct HyperparameterRange
{
    QString key; ///< the wire name: n_epochs, batch_size, learning_rate_multiplier, lora_r, …
    double minimum = 0;
    bool exclusiveMinimum = false;
    double maximum = 0; ///< +inf when none is published
    bool exclusiveMaximum = false;
    bool integer = false;
    QVariant defaultValue; ///< a number, or a word such as "auto" or "max"
    QString method; ///< only for this method ("dpo"); empty for every method
    QString trainingType; ///< only for this training type ("lora"); empty for every type
    QString source; ///< where the bounds come from, and whether they are assumed

    /// The setting in plain words ("LoRA rank"), translated.
    QString label() const;
    /// "1 to 50", "more than 0", "0 or more, less than 1", translated.
    QString rangeText() const;
    /// Empty when `value` is allowed, else a translated sentence saying what is allowed.
    QString check(double value) const;
    /// A bound or default as people write it: "0.00001", "1,024" (never "1e-05").
    static QString numberText(double value);
};

/// One fine-tunable base model of one provider.
struct RegisteredModel
{
    ProviderKind provider = ProviderKind::OpenAI;
    QString id;
    QStringList aliases; ///< names without the snapshot date ("gpt-4.1-mini")
    QStringList methods; ///< supervised, dpo, reinforcement
    QStringList trainingTypes; ///< full, lora
    bool legacy = false; ///< an older model the service may no longer train
    double trainingUsdPerMillion = -1; ///< -1 when not published (see priceSource)
    bool billedPerHour = false; ///< reinforcement fine-tuning: per hour, not per token
    double trainingUsdPerHour = -1;
    double inputUsdPerMillion = -1; ///< inference of the fine-tuned model; -1 when not known
    double cachedInputUsdPerMillion = -1;
    double outputUsdPerMillion = -1;
    QString priceSource;
    int contextLimit = 0; ///< the longest training example, in tokens
    bool contextLimitKnown = false; ///< published, rather than the provider's assumed default
    QString contextLimitSource;
    QString tokenizer; ///< "o200k_base", "cl100k_base" or "approximate"

    bool supportsMethod(const QString &method) const { return methods.contains(method); }
    bool hasTrainingPrice() const { return trainingUsdPerMillion >= 0; }
};

/// The parts of a fine-tuned model's name. Valid when `base` is set.
struct FineTunedName
{
    ProviderKind provider = ProviderKind::OpenAI;
    QString base; ///< the base model as the name spells it
    QString organization; ///< OpenAI's org, Together's account
    QString suffix; ///< what the person chose to call it; may be empty
    QString jobId; ///< OpenAI's short id, Azure's and Together's job id
    qint64 checkpointStep = 0; ///< > 0 for a checkpoint
    QString model; ///< the fine-tuned model a checkpoint was saved for; else the name itself

    bool isValid() const { return !base.isEmpty(); }
};

/**
 * @brief What one provider offers for fine-tuning: its base models with prices, limits,
 * tokenizer, methods and ranges, how its fine-tuned models are named and whether they must be
 * deployed before they answer. One per provider, read once from resources/modelregistry/.
 */
class ProviderModels
{
public:
    ProviderKind kind() const { return m_kind; }
    QString displayName() const { return m_displayName; }
    QString source() const { return m_source; }
    QDate pricesCapturedOn() const { return m_pricesCapturedOn; }
    QString pricesSource() const { return m_pricesSource; }
    /// A fine-tuned model answers only once deployed (an endpoint, an Azure deployment).
    bool needsDeployment() const { return m_needsDeployment; }
    /// Token counts are exact (the provider's own tokenizer) rather than an estimate.
    bool countsTokensExactly() const { return m_countsTokensExactly; }
    QString tokenCounting() const { return m_tokenCounting; } ///< how counts are made, untranslated
    /// "multiplier" (OpenAI's learning_rate_multiplier) or "absolute" (Together's learning_rate).
    QString learningRateKind() const { return m_learningRateKind; }
    QStringList trainingTypes() const { return m_trainingTypes; }
    int defaultContextLimit() const { return m_defaultContextLimit; }
    QString defaultTokenizer() const { return m_defaultTokenizer; }
    const QList<RegisteredModel> &models() const { return m_models; }
    const QList<HyperparameterRange> &ranges() const { return m_ranges; }
    /// Deployment types or accelerators whose hourly price the service's API does not give
    /// (Azure's Standard, Fireworks' GPUs), from the data file's `deploymentPrices`; each
    /// marked as an estimate when the file says the figure is not confirmed.
    const QList<HardwareOption> &deploymentPrices() const { return m_deploymentPrices; }
    /// The option of `deploymentPrices()` with this id (any case); else null.
    const HardwareOption *deploymentPrice(const QString &id) const;
    QString deploymentPricesSource() const { return m_deploymentPricesSource; }

    /// The model for a snapshot, an alias or a fine-tuned name of it (any case); else null.
    const RegisteredModel *find(const QString &model) const;
    /// The longest training example for `model` (fine-tuned names use their base); the
    /// provider's default when not published.
    int contextLimit(const QString &model) const;
    bool isContextLimitKnown(const QString &model) const;
    /// "o200k_base", "cl100k_base" or "approximate" for `model`.
    QString tokenizer(const QString &model) const;
    /// The range of a setting, or null when the provider has no such setting.
    const HyperparameterRange *range(const QString &key) const;
    /// Empty when `value` is allowed for `key`; else a translated sentence.
    QString checkHyperparameter(const QString &key, double value) const;

    /// This provider's naming: the parts of `id`, invalid when it is not a fine-tuned name here.
    FineTunedName parseFineTuned(const QString &id) const;
    /// This provider's naming: the name a job gives its model ("ft:BASE:ORG:SUFFIX:ID").
    QString fineTunedName(const FineTunedName &parts) const;

private:
    friend class ModelRegistry;
    friend class ModelRegistryLoader;
    struct ContextLimit
    {
        QString model;
        int limit = 0;
    };
    struct TokenizerRule
    {
        QString prefix;
        bool exact = false;
        QString tokenizer;
    };
    const ContextLimit *findExtraLimit(const QString &model) const;

    ProviderKind m_kind = ProviderKind::OpenAI;
    QString m_displayName;
    QString m_source;
    QDate m_pricesCapturedOn;
    QString m_pricesSource;
    bool m_needsDeployment = false;
    bool m_countsTokensExactly = true;
    QString m_tokenCounting;
    QString m_learningRateKind;
    QStringList m_trainingTypes;
    int m_defaultContextLimit = 0;
    QString m_defaultTokenizer;
    QList<RegisteredModel> m_models;
    QList<HyperparameterRange> m_ranges;
    QList<HardwareOption> m_deploymentPrices;
    QString m_deploymentPricesSource;
    QList<ContextLimit> m_extraLimits;
    QList<TokenizerRule> m_tokenizerRules;
};

/**
 * @brief Every provider's models, loaded once from the JSON compiled into the binary
 * (resources/modelregistry/PROVENANCE.md). The user's own prices are applied on top by
 * PriceTable.
 */
class ModelRegistry
{
public:
    static const ProviderModels &provider(ProviderKind kind);
    static QList<ProviderKind> providers(); ///< every kind, OpenAI first

    /// The registered model for `model` on any provider (OpenAI first); else null.
    static const RegisteredModel *find(const QString &model);
    /// The provider whose naming `id` follows, parsed; invalid when `id` is not fine-tuned.
    static FineTunedName parseFineTuned(const QString &id);
    static bool isFineTuned(const QString &id) { return parseFineTuned(id).isValid(); }
    /// The base of a fine-tuned model ("ft:gpt-4o-mini-2024-07-18:org::id" →
    /// "gpt-4o-mini-2024-07-18"), lower-cased and trimmed; other names the same way.
    static QString baseModelName(const QString &model);
    /// "gpt-4.1-mini-2025-04-14" → "gpt-4.1-mini"; "gpt-3.5-turbo-0125" → "gpt-3.5-turbo".
    static QString withoutSnapshot(const QString &name);
    /// The longest training example for `model` on whichever provider knows it; OpenAI's
    /// default for a model no provider lists.
    static int contextLimit(const QString &model);
    static bool isContextLimitKnown(const QString &model);
    /// The tokenizer for `model` ("o200k_base", "cl100k_base", "approximate").
    static QString tokenizer(const QString &model);
};

} // namespace fs
