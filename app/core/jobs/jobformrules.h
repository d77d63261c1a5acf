// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apitypes.h"

#include <QList>
#include <QMap>
#include <QString>

namespace fs {

/// A hyperparameter of the New-job form and its valid range (OpenAPI spec, reference §4.1); the
/// bounds come from the model registry.
struct HyperparameterRule
{
    enum class Name { Epochs, BatchSize, LearningRateMultiplier, Beta };

    Name name = Name::Epochs;
    QString key; ///< n_epochs, batch_size, learning_rate_multiplier, beta
    QString label; ///< translated ("Epochs")
    QString explanation; ///< one translated line in plain words
    bool integer = true;
    double minimum = 1;
    bool exclusiveMinimum = false;
    double maximum = 50; ///< +inf when the spec sets none
    double suggestedStep = 1; ///< for a spin box
    int decimals = 0;
    bool dpoOnly = false;

    /// Empty when `value` is allowed, else the problem in plain words.
    QString check(double value) const;
    /// "1 to 50", "more than 0", "more than 0, at most 2"
    QString rangeText() const;
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
    static constexpr int kMaxMetadataPairs = 16;
    static constexpr int kMaxMetadataKeyLength = 64;
    static constexpr int kMaxMetadataValueLength = 512;
    static constexpr qint64 kMaxSeed = 2147483647;

    static HyperparameterRule rule(HyperparameterRule::Name name);
    /// The rules shown for a method: supervised has three, dpo adds beta.
    static QList<HyperparameterRule> rules(const QString &method);

    /// Empty when fine. The suffix may be empty (not sent); else 1..64 characters of letters,
    /// digits, '-' and '_' (the name of the model is built from it).
    static QString checkSuffix(const QString &suffix);
    static QString checkSeed(qint64 seed);
    static QString checkMetadata(const QMap<QString, QString> &metadata);
    /// Every problem of a request, in form order; empty when it can be sent.
    static QList<FormProblem> validate(const CreateJobRequest &request);

    /// Why job creation was refused, in plain words, with what to do: 403
    /// training_not_available (use another connection), 429 daily_rate_limit_exceeded, a file
    /// not processed yet, an invalid file; else ApiError::plainMessage().
    static QString refusalMessage(const ApiError &error);
    /// The form field a refusal is about (from error.param, e.g. "training_file"), or empty.
    static QString refusalField(const ApiError &error);
    /// Whether waiting a little and trying again may help (file still processing).
    static bool refusalIsTemporary(const ApiError &error);
};

} // namespace fs
