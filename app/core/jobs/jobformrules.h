// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"
#include "providerkind.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace fs {

/// A setting of the New-job form on one provider and its valid range; the bounds come from the
/// model registry (OpenAI: the OpenAPI spec, reference §4.1; Together: its spec and limits).
struct HyperparameterRule
{
    enum class Name {
        Epochs,
        BatchSize,
        LearningRateMultiplier, ///< OpenAI
        Beta, ///< DPO only
        LearningRate, ///< an absolute learning rate (Together)
        LoraRank,
        LoraAlpha,
        LoraDropout,
        Evaluations, ///< checks on the validation file during training
        Checkpoints, ///< in-between versions kept
        MaxContextLength, ///< the longest example trained on, in tokens (Fireworks)
    };

    Name name = Name::Epochs;
    /// The wire name on the provider: n_epochs, batch_size, learning_rate_multiplier, beta;
    /// Together: learning_rate, lora_r, lora_alpha, lora_dropout, dpo_beta, n_evals,
    /// n_checkpoints.
    QString key;
    QString label; ///< translated ("Epochs")
    QString explanation; ///< one translated line in plain words
    bool integer = true;
    double minimum = 1;
    bool exclusiveMinimum = false;
    double maximum = 50; ///< +inf when the spec sets none
    bool exclusiveMaximum = false;
    double suggestedStep = 1; ///< for a spin box
    int decimals = 0;
    bool dpoOnly = false;
    bool loraOnly = false; ///< only for LoRA training
    /// False: the form always sends a number (Together needs a LoRA rank for LoRA training).
    bool autoAllowed = true;
    /// The value the service uses when none is sent, when published (shown next to "Automatic"
    /// and where the number starts).
    std::optional<double> defaultValue;
    /// What "Automatic" means, translated ("Automatic (1)"); empty: just "Automatic".
    QString automaticText;

    /// Whether the setting is part of a job with this method and training type.
    bool appliesTo(const QString &method, TrainingSettings::Type type) const;
    /// Empty when `value` is allowed, else the problem in plain words.
    QString check(double value) const;
    /// "1 to 50", "more than 0", "more than 0, at most 2"
    QString rangeText() const;
};

/// What the New-job form offers on one provider: the fields beyond the settings rows.
struct JobFormShape
{
    ProviderKind provider = ProviderKind::OpenAI;
    QString serviceName; ///< "OpenAI", "Together AI"
    bool absoluteLearningRate = false; ///< Together's learning_rate; else a multiplier
    bool chooseTrainingType = false; ///< LoRA or full training can be chosen
    TrainingSettings::Type defaultTrainingType = TrainingSettings::Type::Default;
    bool metadata = true; ///< notes kept with the job (OpenAI only)
    int maxSuffixLength = 64;
    /// The service estimates a job's price (and says whether the account may start it) before
    /// it starts; the form asks it and starts only after showing the answer.
    bool servicePricesJob = false;
    /// The service lists exactly the base models it can fine-tune (Together's
    /// /fine-tunes/models/supported), so the form asks it.
    bool serviceListsBaseModels = false;
    /// The service states each model's limits (Together's /fine-tunes/models/limits): the form
    /// asks it and uses those ranges (JobFormRules::withLimits()).
    bool serviceStatesModelLimits = false;
};

/// A field of the form and what is wrong with it.
struct FormProblem
{
    QString field; ///< model, training_file, validation_file, suffix, seed, metadata, n_epochs, …
    QString message; ///< translated, plain words
};

/**
 * @brief The New-job form's rules in core: ranges, limits and plain-word refusals.
 */
class JobFormRules
{
public:
    static constexpr int kMaxSuffixLength = 64;
    static constexpr int kMaxTogetherSuffixLength = 40;
    static constexpr int kMaxMetadataPairs = 16;
    static constexpr int kMaxMetadataKeyLength = 64;
    static constexpr int kMaxMetadataValueLength = 512;
    static constexpr qint64 kMaxSeed = 2147483647;

    /// OpenAI's rule for a setting (the form as it has always been).
    static HyperparameterRule rule(HyperparameterRule::Name name);
    /// The rule for a setting on `provider`, bounds and default from its model registry.
    static HyperparameterRule rule(HyperparameterRule::Name name, ProviderKind provider);
    /// The rules shown for a method on OpenAI: supervised has three, dpo adds beta.
    static QList<HyperparameterRule> rules(const QString &method);
    /// Every setting the form has on `provider`, in form order, for every method and training
    /// type (appliesTo() says which are shown). OpenAI: epochs, batch size, learning rate
    /// multiplier, beta. Together: epochs, learning rate, batch size, LoRA rank, alpha and
    /// dropout, beta, evaluations, checkpoints. Fireworks: epochs, learning rate, LoRA rank,
    /// longest example.
    static QList<HyperparameterRule> rules(ProviderKind provider);
    static JobFormShape shape(ProviderKind provider);
    /// `rule` narrowed (or widened) to what the service states for one model
    /// (Together: /fine-tunes/models/limits): epochs, evaluations, learning rate, LoRA rank and
    /// batch size (DPO's own maximum for `method` "dpo"). Other rules are returned as they are.
    static HyperparameterRule withLimits(
            HyperparameterRule rule, const ModelLimits &limits, const QString &method);

    /// The request's value of a setting ("auto" when not set).
    static Hyperparameter value(const CreateJobRequest &request, HyperparameterRule::Name name);
    /// The number an automatic setting stands for in `request`, when known: the service's
    /// default, or twice the LoRA rank for LoRA alpha (as Together's own client does).
    static std::optional<double> automaticValue(
            const HyperparameterRule &rule, const CreateJobRequest &request);
    /// Puts a setting's value where the domain keeps it (hyperparameters or TrainingSettings);
    /// an automatic value is left unset.
    static void setValue(
            CreateJobRequest *request, HyperparameterRule::Name name, const Hyperparameter &value);

    /// Empty when fine. The suffix may be empty (not sent); else 1..maxLength characters of
    /// letters, digits, '-' and '_' (the name of the model is built from it).
    static QString checkSuffix(const QString &suffix, int maxLength = kMaxSuffixLength);
    static QString checkSeed(qint64 seed);
    static QString checkMetadata(const QMap<QString, QString> &metadata);
    /// Every problem of a request to OpenAI, in form order; empty when it can be sent.
    static QList<FormProblem> validate(const CreateJobRequest &request);
    /// Every problem of a request to `provider`, in form order; empty when it can be sent. With
    /// `limits` (the model's, as the service states them) the ranges are the service's.
    static QList<FormProblem> validate(const CreateJobRequest &request, ProviderKind provider,
            const ModelLimits *limits = nullptr);

    /// The files a job can train on, newest first: those made for fine-tuning (a service that
    /// lists every file at once, like Together AI, also lists others).
    static QList<FileObject> trainingFiles(QList<FileObject> files);

    /// The service's price estimate in plain words (price, tokens, the account's limit and
    /// whether it may start the job); `serviceName` as in JobFormShape.
    static QString priceEstimateText(const PriceEstimate &estimate, const QString &serviceName);
    /// Why no estimate could be had, in plain words.
    static QString priceEstimateFailure(const ApiError &error, const QString &serviceName);

    /// Why job creation was refused, in plain words, with what to do: 403
    /// training_not_available (use another connection), 429 daily_rate_limit_exceeded, a file
    /// not processed yet, an invalid file; else ApiError::plainMessage().
    static QString refusalMessage(const ApiError &error);
    /// The form field a refusal is about (from error.param, e.g. "training_file"), or empty.
    static QString refusalField(const ApiError &error);
    /// Whether waiting a little and trying again may help (file still processing).
    static bool refusalIsTemporary(const ApiError &error);

private:
    /// A setting's key, label, explanation and step, before any provider's bounds.
    static HyperparameterRule describe(HyperparameterRule::Name name);
    /// LoRA or full training, and the learning rate's kind.
    static QList<FormProblem> trainingTypeProblems(
            const CreateJobRequest &request, const JobFormShape &form, const ModelLimits *limits);
};

} // namespace fs
