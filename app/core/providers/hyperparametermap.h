// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "jobformrules.h"
#include "providerkind.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fs {

/// One setting of a job carried from one service to another, with what it became and why.
struct MappedSetting
{
    HyperparameterRule::Name name = HyperparameterRule::Name::Epochs; ///< on the target (or the
                                                                      ///< source, when left out)
    QString label; ///< translated ("Learning rate")
    QString fromText; ///< the old job's value in words ("0.5 (multiplier)", "Automatic")
    QString toText; ///< the new job's value in words ("0.000005", "Automatic (1)", "Left out")
    QString explanation; ///< why, in plain words (translated)
    QString problem; ///< non-empty when the value cannot be carried over (translated sentence)
    bool leftOut = false; ///< the target has no such setting
};

/// The old job's settings as the new service's, row by row.
struct HyperparameterMapping
{
    ProviderKind from = ProviderKind::OpenAI;
    ProviderKind to = ProviderKind::OpenAI;
    /// The new job's method, training type and settings (model and files are left to the
    /// caller). Settings with a problem are left automatic here.
    CreateJobRequest request;
    QList<MappedSetting> settings;

    QStringList problems() const; ///< every row's problem, in order
    bool isAcceptable() const { return problems().isEmpty(); }
};

/**
 * @brief Carries a fine-tuning job's settings from one service to another (OpenAI, Azure OpenAI,
 * Together AI, Fireworks AI), in core so the move wizard, the CLI and tests agree.
 *
 * - The same setting on both sides (epochs, batch size, beta, LoRA rank …) keeps its number when
 *   the target allows it; an "automatic" value stays automatic (the target's own default).
 * - OpenAI's learning-rate *multiplier* scales a rate OpenAI does not publish; Together and
 *   Fireworks take an *absolute* rate. A multiplier of 1 is read as the target's default rate
 *   (from the model registry), so m becomes m × default; back, a rate r becomes r / default of
 *   the source.
 * - A setting only the target has starts at the target's default; one only the source had is
 *   left out (and said so). LoRA or full training: the target's default when the source did not
 *   say (OpenAI never does).
 * - A number outside the target's range is refused with a sentence (the row's problem), unless
 *   `clampToRange` asks for the nearest allowed value instead.
 * - A service the model registry has no settings for (Fireworks before its data exists) is
 *   refused with one sentence.
 */
class HyperparameterMap
{
public:
    struct Options
    {
        bool clampToRange = false;
    };

    static HyperparameterMapping map(const CreateJobRequest &source, ProviderKind from,
            ProviderKind to, const Options &options);
    static HyperparameterMapping map(
            const CreateJobRequest &source, ProviderKind from, ProviderKind to)
    {
        return map(source, from, to, Options());
    }
    /// The settings a finished job ran with, as a request (what the service reports back).
    static CreateJobRequest requestFrom(const FineTuningJob &job);
    /// Whether the model registry knows the settings of `provider`.
    static bool knowsSettings(ProviderKind provider);
};

} // namespace fs
