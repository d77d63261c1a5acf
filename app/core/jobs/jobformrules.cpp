// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobformrules.h"

#include "costestimate.h"
#include "modelregistry.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace fs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::JobFormRules", text);
}

} // namespace

QString HyperparameterRule::rangeText() const
{
    // The same words as the model registry's ranges.
    HyperparameterRange range;
    range.minimum = minimum;
    range.exclusiveMinimum = exclusiveMinimum;
    range.maximum = maximum;
    range.exclusiveMaximum = exclusiveMaximum;
    return range.rangeText();
}

bool HyperparameterRule::appliesTo(const QString &method, TrainingSettings::Type type) const
{
    if (dpoOnly && method != QLatin1String("dpo"))
        return false;
    return !loraOnly || type == TrainingSettings::Type::Lora;
}

QString HyperparameterRule::check(double value) const
{
    const bool low = exclusiveMinimum ? !(value > minimum) : !(value >= minimum);
    const bool high = exclusiveMaximum ? !(value < maximum) : value > maximum;
    if (!std::isfinite(value) || low || high)
        return autoAllowed
                ? QCoreApplication::translate("fs::JobFormRules", "%1 must be %2, or automatic.")
                          .arg(label, rangeText())
                : QCoreApplication::translate("fs::JobFormRules", "%1 must be %2.")
                          .arg(label, rangeText());
    if (integer && value != std::floor(value))
        return QCoreApplication::translate("fs::JobFormRules", "%1 must be a whole number.")
                .arg(label);
    return {};
}

HyperparameterRule JobFormRules::rule(HyperparameterRule::Name name)
{
    return rule(name, ProviderKind::OpenAI);
}

// Long because it is one flat table: each setting's key, words and step, one case a setting;
// split, a reader would look in two places for one table.
HyperparameterRule JobFormRules::describe(HyperparameterRule::Name name)
{
    HyperparameterRule r;
    r.name = name;
    switch (name) {
    case HyperparameterRule::Name::Epochs:
        r.key = QStringLiteral("n_epochs");
        r.label = tr("Epochs");
        r.explanation = tr("How many times the model reads the whole training file. More "
                           "epochs learn your examples more closely, but too many make it "
                           "repeat them instead of generalising.");
        break;
    case HyperparameterRule::Name::BatchSize:
        r.key = QStringLiteral("batch_size");
        r.label = tr("Batch size");
        r.explanation = tr("How many examples the model looks at before each adjustment. "
                           "Larger batches learn more steadily but adjust less often.");
        break;
    case HyperparameterRule::Name::LearningRateMultiplier:
        r.key = QStringLiteral("learning_rate_multiplier");
        r.label = tr("Learning rate multiplier");
        r.explanation = tr("How big each adjustment is. Higher values learn faster but can "
                           "overshoot; lower values are careful but may need more epochs.");
        r.suggestedStep = 0.1;
        r.decimals = 3;
        break;
    case HyperparameterRule::Name::Beta:
        r.key = QStringLiteral("beta");
        r.label = tr("Beta");
        r.explanation = tr("For preference training: higher values keep the model close to "
                           "how it answered before; lower values follow your preferred "
                           "answers more strongly.");
        r.suggestedStep = 0.05;
        r.decimals = 3;
        r.dpoOnly = true;
        break;
    case HyperparameterRule::Name::LearningRate:
        r.key = QStringLiteral("learning_rate");
        r.label = tr("Learning rate");
        r.explanation = tr("How big each adjustment is, as an exact number (such as 0.00001). "
                           "Higher values learn faster but can overshoot; lower values are "
                           "careful but may need more epochs.");
        r.integer = false;
        r.suggestedStep = 0.000001;
        r.decimals = 8; // the service's smallest rate is 0.00000001
        break;
    case HyperparameterRule::Name::LoraRank:
        r.key = QStringLiteral("lora_r");
        r.label = tr("LoRA rank");
        r.explanation = tr("How much the small add-on that LoRA trains can hold. Higher ranks "
                           "can learn more detail; 8 to 16 suits most tasks.");
        r.loraOnly = true;
        r.autoAllowed = false;
        break;
    case HyperparameterRule::Name::LoraAlpha:
        r.key = QStringLiteral("lora_alpha");
        r.label = tr("LoRA alpha");
        r.explanation = tr("How strongly the add-on's changes count. Automatic uses twice the "
                           "rank, which suits most tasks.");
        r.loraOnly = true;
        break;
    case HyperparameterRule::Name::LoraDropout:
        r.key = QStringLiteral("lora_dropout");
        r.label = tr("LoRA dropout");
        r.explanation = tr("The share of the add-on left out at random at each step, which "
                           "helps against learning the examples by heart. 0 turns it off.");
        r.integer = false;
        r.suggestedStep = 0.05;
        r.decimals = 2;
        r.loraOnly = true;
        break;
    case HyperparameterRule::Name::Evaluations:
        r.key = QStringLiteral("n_evals");
        r.label = tr("Evaluations");
        r.explanation = tr("How many times during training the model is tried on the "
                           "validation examples; each try shows in the loss chart. Needs "
                           "validation examples.");
        r.minimum = 0;
        r.maximum = 100;
        r.defaultValue = 0;
        break;
    case HyperparameterRule::Name::Checkpoints:
        r.key = QStringLiteral("n_checkpoints");
        r.label = tr("Checkpoints");
        r.explanation = tr("How many in-between versions of the model are kept, so an earlier "
                           "one can be tried if later training went too far.");
        r.minimum = 1;
        r.maximum = 100;
        r.defaultValue = 1;
        break;
    case HyperparameterRule::Name::MaxContextLength:
        r.key = QStringLiteral("max_context_length");
        r.label = tr("Longest example");
        r.explanation = tr("The longest example, in tokens, that training reads in full; "
                           "longer ones are cut. Longer limits cost more memory and time.");
        r.suggestedStep = 1024;
        break;
    }
    return r;
}

HyperparameterRule JobFormRules::rule(HyperparameterRule::Name name, ProviderKind provider)
{
    HyperparameterRule r = describe(name);
    // Together names beta after its method.
    if (provider == ProviderKind::Together && name == HyperparameterRule::Name::Beta)
        r.key = QStringLiteral("dpo_beta");
    // The bounds and the service's default from the model registry.
    if (const HyperparameterRange *range = ModelRegistry::provider(provider).range(r.key)) {
        r.integer = range->integer;
        r.minimum = range->minimum;
        r.exclusiveMinimum = range->exclusiveMinimum;
        r.maximum = range->maximum;
        r.exclusiveMaximum = range->exclusiveMaximum;
        bool isNumber = false;
        const double value = range->defaultValue.toDouble(&isNumber);
        if (isNumber && range->defaultValue.typeId() != QMetaType::QString)
            r.defaultValue = value;
    }
    if (provider != ProviderKind::OpenAI) {
        // OpenAI's "auto" depends on the data; elsewhere it is the service's fixed default.
        if (name == HyperparameterRule::Name::BatchSize)
            r.automaticText = tr("Automatic (the largest that fits)");
        else if (name == HyperparameterRule::Name::LoraAlpha)
            r.automaticText = tr("Automatic (twice the rank)");
        else if (r.defaultValue)
            r.automaticText =
                    tr("Automatic (%1)").arg(HyperparameterRange::numberText(*r.defaultValue));
    }
    return r;
}

QList<HyperparameterRule> JobFormRules::rules(ProviderKind provider)
{
    using N = HyperparameterRule::Name;
    QList<N> names;
    if (provider == ProviderKind::Fireworks)
        names = {N::Epochs, N::LearningRate, N::LoraRank, N::MaxContextLength};
    else if (shape(provider).absoluteLearningRate)
        names = {N::Epochs, N::LearningRate, N::BatchSize, N::LoraRank, N::LoraAlpha,
                N::LoraDropout, N::Beta, N::Evaluations, N::Checkpoints};
    else
        names = {N::Epochs, N::BatchSize, N::LearningRateMultiplier, N::Beta};
    QList<HyperparameterRule> list;
    for (const N name : std::as_const(names))
        list.append(rule(name, provider));
    return list;
}

JobFormShape JobFormRules::shape(ProviderKind provider)
{
    const ProviderModels &models = ModelRegistry::provider(provider);
    JobFormShape shape;
    shape.provider = provider;
    shape.serviceName = models.displayName();
    shape.absoluteLearningRate = models.learningRateKind() == QLatin1String("absolute");
    const bool lora = models.trainingTypes().contains(QLatin1String("lora"));
    // A choice only where there is one: Fireworks trains LoRA adapters only.
    shape.chooseTrainingType = lora && models.trainingTypes().size() > 1;
    if (lora)
        shape.defaultTrainingType = TrainingSettings::Type::Lora; // smaller, faster, cheaper
    if (provider == ProviderKind::Together) {
        shape.metadata = false;
        shape.maxSuffixLength = kMaxTogetherSuffixLength;
        shape.servicePricesJob = true; // /fine-tunes/estimate-price
        shape.serviceListsBaseModels = true; // /fine-tunes/models/supported
        shape.serviceStatesModelLimits = true; // /fine-tunes/models/limits
    }
    if (provider == ProviderKind::Fireworks) {
        shape.metadata = false;
        shape.maxSuffixLength = 63; // displayName: fewer than 64 characters
        shape.serviceListsBaseModels = true; // accounts/fireworks/models, tunable ones
    }
    return shape;
}

HyperparameterRule JobFormRules::withLimits(
        HyperparameterRule rule, const ModelLimits &limits, const QString &method)
{
    const HyperparameterRule ours = rule;
    const auto setMaximum = [&rule](const auto &maximum) {
        if (maximum) {
            rule.maximum = double(*maximum);
            rule.exclusiveMaximum = false;
        }
    };
    switch (rule.name) {
    case HyperparameterRule::Name::Epochs:
        setMaximum(limits.maxEpochs);
        break;
    case HyperparameterRule::Name::Evaluations:
        setMaximum(limits.maxEvals);
        break;
    case HyperparameterRule::Name::LearningRate:
        if (limits.minLearningRate && *limits.minLearningRate > 0) {
            rule.minimum = *limits.minLearningRate;
            rule.exclusiveMinimum = false;
        }
        setMaximum(limits.maxLearningRate);
        break;
    case HyperparameterRule::Name::LoraRank:
        setMaximum(limits.maxLoraRank);
        break;
    case HyperparameterRule::Name::BatchSize:
        if (limits.minBatchSize)
            rule.minimum = *limits.minBatchSize;
        setMaximum(method == QLatin1String("dpo") && limits.maxBatchSizeDpo ? limits.maxBatchSizeDpo
                                                                            : limits.maxBatchSize);
        break;
    default:
        break;
    }
    if (rule.minimum > rule.maximum) // a service's answer that contradicts itself: keep ours
        return ours;
    return rule;
}

Hyperparameter JobFormRules::value(const CreateJobRequest &request, HyperparameterRule::Name name)
{
    const auto fromOptional = [](const auto &optional) {
        Hyperparameter value;
        value.isAuto = !optional.has_value();
        value.value = optional ? double(*optional) : 0;
        return value;
    };
    const TrainingSettings &settings = request.settings;
    switch (name) {
    case HyperparameterRule::Name::Epochs:
        return request.hyperparameters.nEpochs;
    case HyperparameterRule::Name::BatchSize:
        return request.hyperparameters.batchSize;
    case HyperparameterRule::Name::LearningRateMultiplier:
        return request.hyperparameters.learningRateMultiplier;
    case HyperparameterRule::Name::Beta:
        return request.hyperparameters.beta;
    case HyperparameterRule::Name::LearningRate:
        return fromOptional(settings.learningRate);
    case HyperparameterRule::Name::LoraRank:
        return fromOptional(settings.loraRank);
    case HyperparameterRule::Name::LoraAlpha:
        return fromOptional(settings.loraAlpha);
    case HyperparameterRule::Name::LoraDropout:
        return fromOptional(settings.loraDropout);
    case HyperparameterRule::Name::Evaluations:
        return fromOptional(settings.nEvals);
    case HyperparameterRule::Name::Checkpoints:
        return fromOptional(settings.nCheckpoints);
    case HyperparameterRule::Name::MaxContextLength:
        return fromOptional(settings.maxContextLength);
    }
    return {};
}

std::optional<double> JobFormRules::automaticValue(
        const HyperparameterRule &rule, const CreateJobRequest &request)
{
    if (rule.name == HyperparameterRule::Name::LoraAlpha)
        return request.settings.loraRank ? std::optional<double>(2.0 * *request.settings.loraRank)
                                         : std::nullopt;
    return rule.defaultValue;
}

void JobFormRules::setValue(
        CreateJobRequest *request, HyperparameterRule::Name name, const Hyperparameter &value)
{
    const auto whole = [&value]() -> std::optional<int> {
        return value.isAuto ? std::nullopt : std::optional<int>(qRound(value.value));
    };
    const auto real = [&value]() -> std::optional<double> {
        return value.isAuto ? std::nullopt : std::optional<double>(value.value);
    };
    TrainingSettings &settings = request->settings;
    switch (name) {
    case HyperparameterRule::Name::Epochs:
        request->hyperparameters.nEpochs = value;
        break;
    case HyperparameterRule::Name::BatchSize:
        request->hyperparameters.batchSize = value;
        break;
    case HyperparameterRule::Name::LearningRateMultiplier:
        request->hyperparameters.learningRateMultiplier = value;
        break;
    case HyperparameterRule::Name::Beta:
        request->hyperparameters.beta = value;
        break;
    case HyperparameterRule::Name::LearningRate:
        settings.learningRate = real();
        break;
    case HyperparameterRule::Name::LoraRank:
        settings.loraRank = whole();
        break;
    case HyperparameterRule::Name::LoraAlpha:
        settings.loraAlpha = whole();
        break;
    case HyperparameterRule::Name::LoraDropout:
        settings.loraDropout = real();
        break;
    case HyperparameterRule::Name::Evaluations:
        settings.nEvals = whole();
        break;
    case HyperparameterRule::Name::Checkpoints:
        settings.nCheckpoints = whole();
        break;
    case HyperparameterRule::Name::MaxContextLength:
        settings.maxContextLength = whole();
        break;
    }
}

QList<HyperparameterRule> JobFormRules::rules(const QString &method)
{
    QList<HyperparameterRule> list {rule(HyperparameterRule::Name::Epochs),
            rule(HyperparameterRule::Name::BatchSize),
            rule(HyperparameterRule::Name::LearningRateMultiplier)};
    if (method == QLatin1String("dpo"))
        list.append(rule(HyperparameterRule::Name::Beta));
    return list;
}

QString JobFormRules::checkSuffix(const QString &suffix, int maxLength)
{
    if (suffix.isEmpty())
        return {};
    if (suffix.size() > maxLength && maxLength == kMaxSuffixLength)
        return tr("The name suffix may have at most 64 characters.");
    if (suffix.size() > maxLength)
        return QCoreApplication::translate(
                "fs::JobFormRules", "The name suffix may have at most %1 characters.")
                .arg(maxLength);
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (!allowed.match(suffix).hasMatch())
        return tr("The name suffix becomes part of the model's name: use only letters a-z, "
                  "digits, '-' and '_' (no spaces).");
    return {};
}

QString JobFormRules::checkSeed(qint64 seed)
{
    if (seed < 0 || seed > kMaxSeed)
        return tr("The seed must be a whole number from 0 to 2147483647.");
    return {};
}

QString JobFormRules::checkMetadata(const QMap<QString, QString> &metadata)
{
    if (metadata.size() > kMaxMetadataPairs)
        return tr("At most 16 notes (metadata pairs) can be attached to a job.");
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it) {
        if (it.key().trimmed().isEmpty())
            return tr("Every note (metadata pair) needs a name.");
        if (it.key().size() > kMaxMetadataKeyLength)
            return QCoreApplication::translate(
                    "fs::JobFormRules", "The note name \"%1\" is too long: at most 64 characters.")
                    .arg(it.key().left(20) + QStringLiteral("…"));
        if (it.value().size() > kMaxMetadataValueLength)
            return QCoreApplication::translate(
                    "fs::JobFormRules", "The note \"%1\" is too long: at most 512 characters.")
                    .arg(it.key());
    }
    return {};
}

QList<FormProblem> JobFormRules::validate(const CreateJobRequest &request)
{
    return validate(request, ProviderKind::OpenAI);
}

QList<FormProblem> JobFormRules::validate(
        const CreateJobRequest &request, ProviderKind provider, const ModelLimits *limits)
{
    const JobFormShape form = shape(provider);
    QList<FormProblem> problems;
    if (request.model.trimmed().isEmpty())
        problems.append({QStringLiteral("model"), tr("Choose a base model to fine-tune.")});
    if (request.trainingFile.trimmed().isEmpty())
        problems.append({QStringLiteral("training_file"), tr("Choose a training file.")});
    if (!request.validationFile.isEmpty() && request.validationFile == request.trainingFile)
        problems.append({QStringLiteral("validation_file"),
                tr("The validation file must be a different file from the training file: "
                   "examples the model trained on say nothing about new questions.")});
    if (request.methodType != QLatin1String("supervised")
            && request.methodType != QLatin1String("dpo"))
        problems.append({QStringLiteral("method"),
                tr("Choose supervised training or preference training (DPO).")});
    problems += trainingTypeProblems(request, form, limits);
    // OpenAI's request leaves beta out of supervised training; other services refuse it.
    const bool dropsOtherMethodsSettings =
            provider == ProviderKind::OpenAI || provider == ProviderKind::AzureOpenAI;
    for (HyperparameterRule r : rules(provider)) {
        if (limits)
            r = withLimits(r, *limits, request.methodType);
        const Hyperparameter v = value(request, r.name);
        if (v.isAuto)
            continue;
        if (r.dpoOnly && request.methodType != QLatin1String("dpo")) {
            if (!dropsOtherMethodsSettings)
                problems.append({r.key, tr("Beta applies only to preference training (DPO).")});
            continue;
        }
        if (r.loraOnly && request.settings.type != TrainingSettings::Type::Lora)
            continue; // said by trainingTypeProblems()
        const QString problem = r.check(v.value);
        if (!problem.isEmpty())
            problems.append({r.key, problem});
    }
    if (request.settings.nEvals.value_or(0) > 0 && request.validationFile.isEmpty())
        problems.append({QStringLiteral("n_evals"),
                tr("Evaluations need validation examples: choose a validation file, or set "
                   "evaluations to 0.")});
    const QString suffix = checkSuffix(request.suffix, form.maxSuffixLength);
    if (!suffix.isEmpty())
        problems.append({QStringLiteral("suffix"), suffix});
    if (request.seed) {
        const QString seed = checkSeed(*request.seed);
        if (!seed.isEmpty())
            problems.append({QStringLiteral("seed"), seed});
    }
    const QString metadata = form.metadata || request.metadata.isEmpty()
            ? checkMetadata(request.metadata)
            : QCoreApplication::translate(
                    "fs::JobFormRules", "%1 does not keep notes (metadata) with a job.")
                      .arg(form.serviceName);
    if (!metadata.isEmpty())
        problems.append({QStringLiteral("metadata"), metadata});
    return problems;
}

QList<FormProblem> JobFormRules::trainingTypeProblems(
        const CreateJobRequest &request, const JobFormShape &form, const ModelLimits *limits)
{
    QList<FormProblem> problems;
    const TrainingSettings &settings = request.settings;
    if (limits && settings.type == TrainingSettings::Type::Full && !limits->supportsFullTraining)
        problems.append({QStringLiteral("training_type"),
                QCoreApplication::translate(
                        "fs::JobFormRules", "%1 cannot be trained in full on %2; choose LoRA.")
                        .arg(request.model, form.serviceName)});
    if (limits && settings.type == TrainingSettings::Type::Lora && !limits->supportsLora)
        problems.append({QStringLiteral("training_type"),
                QCoreApplication::translate("fs::JobFormRules",
                        "%1 cannot be trained with LoRA on %2; choose full training.")
                        .arg(request.model, form.serviceName)});
    const RegisteredModel *model = ModelRegistry::provider(form.provider).find(request.model);
    if (settings.type == TrainingSettings::Type::Full && model && !model->trainingTypes.isEmpty()
            && !model->trainingTypes.contains(QLatin1String("full")))
        problems.append({QStringLiteral("training_type"),
                QCoreApplication::translate(
                        "fs::JobFormRules", "%1 cannot be trained in full on %2; choose LoRA.")
                        .arg(request.model, form.serviceName)});
    if (form.absoluteLearningRate && !request.hyperparameters.learningRateMultiplier.isAuto)
        problems.append({QStringLiteral("learning_rate"),
                QCoreApplication::translate("fs::JobFormRules",
                        "%1 takes an exact learning rate (such as 0.00001), not a multiplier.")
                        .arg(form.serviceName)});
    const bool loraValues = settings.loraRank || settings.loraAlpha || settings.loraDropout
            || !settings.loraTrainableModules.isEmpty();
    if (settings.type != TrainingSettings::Type::Lora && loraValues)
        problems.append({QStringLiteral("lora_r"),
                tr("LoRA rank, alpha and dropout apply only to LoRA training.")});
    if (settings.type == TrainingSettings::Type::Lora && !settings.loraRank)
        problems.append({QStringLiteral("lora_r"),
                tr("LoRA training needs a rank: choose one (8 suits most tasks).")});
    return problems;
}

QList<FileObject> JobFormRules::trainingFiles(QList<FileObject> files)
{
    files.erase(std::remove_if(files.begin(), files.end(),
                        [](const FileObject &file) {
                            return !file.purpose.isEmpty()
                                    && file.purpose != QLatin1String("fine-tune");
                        }),
            files.end());
    std::stable_sort(files.begin(), files.end(),
            [](const FileObject &a, const FileObject &b) { return a.createdAt > b.createdAt; });
    return files;
}

QString JobFormRules::priceEstimateText(const PriceEstimate &estimate, const QString &serviceName)
{
    const QLocale locale;
    // Rich text: "< $0.01" must not start a tag.
    const QString price = estimate.estimatedCost
            ? formatCostUsd(*estimate.estimatedCost, locale).toHtmlEscaped()
            : tr("not stated");
    QString text =
            QCoreApplication::translate("fs::JobFormRules", "<b>Price estimated by %1: %2</b>")
                    .arg(serviceName.toHtmlEscaped(), price);
    if (estimate.trainTokens) {
        text += QLatin1Char(' ')
                + (estimate.evalTokens && *estimate.evalTokens > 0
                                ? QCoreApplication::translate("fs::JobFormRules",
                                        "(%1 tokens trained, %2 tokens evaluated).")
                                          .arg(locale.toString(*estimate.trainTokens),
                                                  locale.toString(*estimate.evalTokens))
                                : QCoreApplication::translate(
                                        "fs::JobFormRules", "(%1 tokens trained).")
                                          .arg(locale.toString(*estimate.trainTokens)));
    }
    const QString limit = estimate.accountLimit
            ? formatCostUsd(*estimate.accountLimit, locale).toHtmlEscaped()
            : QString();
    if (!estimate.allowed) {
        text += QLatin1Char(' ')
                + (limit.isEmpty() ? QCoreApplication::translate("fs::JobFormRules",
                           "<b>Your account may not start this job.</b> Add "
                           "credit on %1's billing page, or train on fewer "
                           "examples or epochs.")
                                             .arg(serviceName.toHtmlEscaped())
                                   : QCoreApplication::translate("fs::JobFormRules",
                                           "<b>Your account may not start this job:</b> its limit "
                                           "is %1. Add credit on %2's billing page, or train on "
                                           "fewer examples or epochs.")
                                             .arg(limit, serviceName.toHtmlEscaped()));
        return text;
    }
    text += QLatin1Char(' ')
            + (limit.isEmpty() ? tr("Your account may start this job.")
                               : QCoreApplication::translate("fs::JobFormRules",
                                       "Your account may start this job (its limit is %1).")
                                         .arg(limit));
    text += QLatin1Char(' ') + tr("The service bills what it actually trains.");
    return text;
}

QString JobFormRules::priceEstimateFailure(const ApiError &error, const QString &serviceName)
{
    return QCoreApplication::translate("fs::JobFormRules",
            "%1 could not estimate the price: %2 The job can start once the price is known; "
            "check the settings, then press “Estimate Again”.")
            .arg(serviceName, error.plainMessage());
}

namespace {

bool isFileNotReady(const ApiError &error)
{
    if (error.code == QLatin1String("file_not_ready")
            || error.code == QLatin1String("file_not_processed"))
        return true;
    static const QRegularExpression pattern(
            QStringLiteral("not (yet )?ready|still (being )?process|not (yet )?(been )?processed|"
                           "is being processed"),
            QRegularExpression::CaseInsensitiveOption);
    return error.httpStatus == 400 && pattern.match(error.message).hasMatch();
}

QString fileWord(const QString &param)
{
    if (param == QLatin1String("validation_file"))
        return tr("The validation file");
    return tr("The training file");
}

} // namespace

QString JobFormRules::refusalMessage(const ApiError &error)
{
    if (!error.isError())
        return {};
    if (error.code == QLatin1String("training_not_available"))
        return error.plainMessage();
    if (error.isDailyCap()) {
        QString text = error.plainMessage();
        if (!error.message.isEmpty())
            text += QLatin1Char(' ')
                    + QCoreApplication::translate("fs::JobFormRules", "(The service says: %1)")
                              .arg(error.message);
        return text;
    }
    if (isFileNotReady(error))
        return QCoreApplication::translate("fs::JobFormRules",
                "%1 is still being checked by the service. Wait a minute, then start the job "
                "again; the form keeps your choices.")
                .arg(fileWord(error.param));
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 400
            && (error.param == QLatin1String("training_file")
                    || error.param == QLatin1String("validation_file")))
        return QCoreApplication::translate("fs::JobFormRules",
                "%1 was not accepted: %2 Check it in the Datasets area (Validate), upload it "
                "again, and choose the new file.")
                .arg(fileWord(error.param), error.message);
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 400
            && error.param == QLatin1String("model"))
        return QCoreApplication::translate("fs::JobFormRules",
                "This base model cannot be fine-tuned with this connection: %1 Choose another "
                "model.")
                .arg(error.message);
    return error.plainMessage();
}

QString JobFormRules::refusalField(const ApiError &error)
{
    if (error.param.startsWith(QLatin1String("hyperparameters.")))
        return error.param.mid(16);
    if (error.param.startsWith(QLatin1String("method.")))
        return QStringLiteral("method");
    return error.param;
}

bool JobFormRules::refusalIsTemporary(const ApiError &error)
{
    return isFileNotReady(error);
}

} // namespace fs
