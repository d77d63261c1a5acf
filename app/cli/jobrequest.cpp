// SPDX-License-Identifier: GPL-3.0-or-later
// `jobs create`: the job request the options describe, checked against the provider's registry.
#include "jobrequest.h"

#include "clicontext.h"
#include "modelregistry.h"

#include <cmath>

namespace fs::cli {

namespace {

/// A training setting given on the command line and the model registry's names for it (the
/// first one the provider has is used: OpenAI calls DPO's beta "beta", Together "dpo_beta").
struct SettingOption
{
    QString option;
    QStringList keys;
};

/// How any provider's registry labels `key` ("LoRA rank"); empty when none knows it.
QString settingLabel(const QString &key)
{
    for (ProviderKind kind : ModelRegistry::providers()) {
        if (const HyperparameterRange *range = ModelRegistry::provider(kind).range(key))
            return range->label();
    }
    return {};
}

/**
 * Reads --OPTION as a number and checks it against what the provider offers (the model
 * registry): a setting another provider has but this one lacks is refused, a value outside the
 * provider's range too. Settings no registry describes are left to the dialect. False with
 * `*problem` set when refused.
 */
bool readSetting(const QCommandLineParser &parser, const ProviderModels &provider,
        const SettingOption &setting, const CreateJobRequest &request, double *value,
        QString *problem)
{
    bool ok = false;
    *value = parser.value(setting.option).toDouble(&ok);
    if (!ok) {
        *problem = Context::tr("--%1 takes a number.").arg(setting.option);
        return false;
    }
    const bool absolute = provider.learningRateKind() == QLatin1String("absolute");
    if (setting.keys.contains(QLatin1String("learning_rate_multiplier")) && absolute) {
        *problem = Context::tr("%1 takes an absolute learning rate; use --learning-rate.")
                           .arg(provider.displayName());
        return false;
    }
    if (setting.keys.contains(QLatin1String("learning_rate")) && !absolute) {
        *problem = Context::tr("%1 takes a learning rate multiplier; use "
                               "--learning-rate-multiplier.")
                           .arg(provider.displayName());
        return false;
    }
    const HyperparameterRange *range = nullptr;
    for (const QString &key : setting.keys) {
        if ((range = provider.range(key)))
            break;
    }
    if (!range) {
        const QString label = settingLabel(setting.keys.constFirst());
        if (!label.isEmpty()) {
            *problem = Context::tr("%1 has no setting for %2 (--%3).")
                               .arg(provider.displayName(), label, setting.option);
            return false;
        }
        if (*value < 0 || *value != std::floor(*value)) {
            *problem = Context::tr("--%1 takes a whole number.").arg(setting.option);
            return false;
        }
        return true; // the dialect says whether the service has it
    }
    if (!range->method.isEmpty() && range->method != request.methodType) {
        *problem = Context::tr("%1 applies only to preference (DPO) training: add --method dpo.")
                           .arg(range->label());
        return false;
    }
    if (range->trainingType == QLatin1String("lora")
            && request.settings.type == TrainingSettings::Type::Full) {
        *problem = Context::tr("%1 applies only to LoRA training; leave out --full.")
                           .arg(range->label());
        return false;
    }
    *problem = provider.checkHyperparameter(range->key, *value);
    return problem->isEmpty();
}

Hyperparameter fixedValue(double value)
{
    Hyperparameter parameter;
    parameter.isAuto = false;
    parameter.value = value;
    return parameter;
}

/// The training settings a command line can give, and the registry's names for each.
const QList<SettingOption> &settingOptions()
{
    static const QList<SettingOption> options = {
            {QStringLiteral("epochs"), {QStringLiteral("n_epochs")}},
            {QStringLiteral("batch-size"), {QStringLiteral("batch_size")}},
            {QStringLiteral("learning-rate"), {QStringLiteral("learning_rate")}},
            {QStringLiteral("learning-rate-multiplier"),
                    {QStringLiteral("learning_rate_multiplier")}},
            {QStringLiteral("beta"), {QStringLiteral("beta"), QStringLiteral("dpo_beta")}},
            {QStringLiteral("lora-rank"), {QStringLiteral("lora_r")}},
            {QStringLiteral("lora-alpha"), {QStringLiteral("lora_alpha")}},
            {QStringLiteral("lora-dropout"), {QStringLiteral("lora_dropout")}},
            {QStringLiteral("n-evals"), {QStringLiteral("n_evals")}},
            {QStringLiteral("n-checkpoints"), {QStringLiteral("n_checkpoints")}},
            {QStringLiteral("max-context-length"), {QStringLiteral("max_context_length")}},
    };
    return options;
}

/// Where the request keeps each setting given as a fixed value, by the registry's name.
const std::pair<const char *, Hyperparameter Hyperparameters::*> kHyperparameters[] = {
        {"n_epochs", &Hyperparameters::nEpochs},
        {"batch_size", &Hyperparameters::batchSize},
        {"learning_rate_multiplier", &Hyperparameters::learningRateMultiplier},
        {"beta", &Hyperparameters::beta},
};
const std::pair<const char *, std::optional<double> TrainingSettings::*> kFractions[] = {
        {"learning_rate", &TrainingSettings::learningRate},
        {"lora_dropout", &TrainingSettings::loraDropout},
};
const std::pair<const char *, std::optional<int> TrainingSettings::*> kCounts[] = {
        {"lora_r", &TrainingSettings::loraRank},
        {"lora_alpha", &TrainingSettings::loraAlpha},
        {"n_evals", &TrainingSettings::nEvals},
        {"n_checkpoints", &TrainingSettings::nCheckpoints},
        {"max_context_length", &TrainingSettings::maxContextLength},
};

/// Puts a checked setting's value where the request keeps it (`key`: the registry's name).
void applySetting(const QString &key, double value, CreateJobRequest *request)
{
    for (const auto &[name, member] : kHyperparameters) {
        if (key == QLatin1String(name))
            request->hyperparameters.*member = fixedValue(value);
    }
    for (const auto &[name, member] : kFractions) {
        if (key == QLatin1String(name))
            request->settings.*member = value;
    }
    for (const auto &[name, member] : kCounts) {
        if (key == QLatin1String(name))
            request->settings.*member = qRound(value);
    }
}

/// --method, checked against what the model can be trained with on the provider.
bool readMethod(const QCommandLineParser &parser, const ProviderModels &provider,
        CreateJobRequest *request, QString *problem)
{
    const QString method = parser.value(QStringLiteral("method")).toLower();
    if (method == QLatin1String("dpo")) {
        request->methodType = QStringLiteral("dpo");
    } else if (method.isEmpty() || method == QLatin1String("sft")
            || method == QLatin1String("supervised")) {
        request->methodType = QStringLiteral("supervised");
    } else {
        *problem = Context::tr("--method takes sft (supervised) or dpo (preference).");
        return false;
    }
    const RegisteredModel *model = provider.find(request->model);
    if (!model || model->supportsMethod(request->methodType))
        return true;
    *problem = Context::tr("%1 cannot be trained with %2 on %3.")
                       .arg(request->model,
                               request->methodType == QLatin1String("dpo")
                                       ? Context::tr("preference (DPO) training")
                                       : Context::tr("supervised training"),
                               provider.displayName());
    return false;
}

/// --lora / --full (LoRA values alone mean LoRA where the provider has it).
bool readTrainingType(const QCommandLineParser &parser, const ProviderModels &provider,
        TrainingSettings *settings, QString *problem)
{
    const bool lora = parser.isSet(QStringLiteral("lora"));
    const bool full = parser.isSet(QStringLiteral("full"));
    if (lora && full) {
        *problem = Context::tr("choose either --lora or --full.");
        return false;
    }
    const bool loraValues = parser.isSet(QStringLiteral("lora-rank"))
            || parser.isSet(QStringLiteral("lora-alpha"))
            || parser.isSet(QStringLiteral("lora-dropout"));
    if (full)
        settings->type = TrainingSettings::Type::Full;
    else if (lora || (loraValues && provider.trainingTypes().contains(QLatin1String("lora"))))
        settings->type = TrainingSettings::Type::Lora;
    return true;
}

} // namespace

/// The request the options describe, checked against the provider's registry; false with
/// `*problem` (a sentence) when an option does not fit the provider.
bool buildJobRequest(const QCommandLineParser &parser, const ProviderModels &provider,
        CreateJobRequest *request, QString *problem)
{
    request->model = parser.value(QStringLiteral("model"));
    request->trainingFile = parser.value(QStringLiteral("training-file"));
    request->validationFile = parser.value(QStringLiteral("validation-file"));
    request->suffix = parser.value(QStringLiteral("suffix"));
    if (request->suffix.size() > 64) {
        *problem = Context::tr("the suffix may have at most 64 characters.");
        return false;
    }
    if (!readMethod(parser, provider, request, problem)
            || !readTrainingType(parser, provider, &request->settings, problem))
        return false;
    for (const SettingOption &option : settingOptions()) {
        if (!parser.isSet(option.option))
            continue;
        double value = 0;
        if (!readSetting(parser, provider, option, *request, &value, problem))
            return false;
        applySetting(option.keys.constFirst(), value, request);
    }
    // LoRA without a rank: the provider's default rank.
    TrainingSettings &settings = request->settings;
    if (settings.type == TrainingSettings::Type::Lora && !settings.loraRank) {
        if (const HyperparameterRange *rank = provider.range(QStringLiteral("lora_r"));
                rank && rank->defaultValue.canConvert<double>() && rank->defaultValue.toInt() > 0)
            settings.loraRank = rank->defaultValue.toInt();
    }
    return true;
}

} // namespace fs::cli
