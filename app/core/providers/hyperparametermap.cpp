// SPDX-License-Identifier: GPL-3.0-or-later
#include "hyperparametermap.h"

#include "modelregistry.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace fs {

namespace {

using Name = HyperparameterRule::Name;

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::HyperparameterMap", text);
}

QString serviceName(ProviderKind kind)
{
    return ModelRegistry::provider(kind).displayName();
}

bool isLearningRate(Name name)
{
    return name == Name::LearningRate || name == Name::LearningRateMultiplier;
}

/// The rules of `provider` that apply to this method and training type.
QList<HyperparameterRule> applying(
        ProviderKind provider, const QString &method, TrainingSettings::Type type)
{
    QList<HyperparameterRule> list;
    const QList<HyperparameterRule> all = JobFormRules::rules(provider);
    for (const HyperparameterRule &rule : all) {
        if (rule.appliesTo(method, type))
            list.append(rule);
    }
    return list;
}

const HyperparameterRule *findRule(const QList<HyperparameterRule> &rules, Name name)
{
    const auto it = std::find_if(rules.cbegin(), rules.cend(),
            [name](const HyperparameterRule &rule) { return rule.name == name; });
    return it == rules.cend() ? nullptr : &*it;
}

const HyperparameterRule *learningRateRule(const QList<HyperparameterRule> &rules)
{
    if (const HyperparameterRule *rule = findRule(rules, Name::LearningRate))
        return rule;
    return findRule(rules, Name::LearningRateMultiplier);
}

QString automaticText(const HyperparameterRule &rule)
{
    return rule.automaticText.isEmpty() ? tr("Automatic") : rule.automaticText;
}

QString valueText(const HyperparameterRule &rule, const Hyperparameter &value)
{
    if (value.isAuto)
        return tr("Automatic");
    const QString number = HyperparameterRange::numberText(value.value);
    return rule.name == Name::LearningRateMultiplier ? tr("%1 (multiplier)").arg(number) : number;
}

QString typeText(TrainingSettings::Type type)
{
    switch (type) {
    case TrainingSettings::Type::Lora:
        return tr("LoRA (a small add-on)");
    case TrainingSettings::Type::Full:
        return tr("Full (every weight)");
    case TrainingSettings::Type::Default:
        break;
    }
    return tr("Chosen by the service");
}

/// The nearest value `rule` allows, or nullopt when a bound is exclusive (no nearest value).
std::optional<double> clamped(const HyperparameterRule &rule, double value)
{
    if (value < rule.minimum || (rule.exclusiveMinimum && value <= rule.minimum)) {
        if (rule.exclusiveMinimum)
            return std::nullopt;
        return rule.integer ? std::ceil(rule.minimum) : rule.minimum;
    }
    if (value > rule.maximum || (rule.exclusiveMaximum && value >= rule.maximum)) {
        if (rule.exclusiveMaximum || !std::isfinite(rule.maximum))
            return std::nullopt;
        return rule.integer ? std::floor(rule.maximum) : rule.maximum;
    }
    return rule.integer ? std::round(value) : value;
}

class Mapper
{
    // lupdate files the rows' words under this class (a file-local tr() would look elsewhere).
    Q_DECLARE_TR_FUNCTIONS(fs::Mapper)

public:
    Mapper(const CreateJobRequest &source, ProviderKind from, ProviderKind to,
            const HyperparameterMap::Options &options)
        : m_source(source)
        , m_options(options)
    {
        m_result.from = from;
        m_result.to = to;
    }

    HyperparameterMapping run()
    {
        const ProviderKind from = m_result.from;
        const ProviderKind to = m_result.to;
        CreateJobRequest &target = m_result.request;
        target.methodType = m_source.methodType;
        target.seed = m_source.seed;
        target.suffix = m_source.suffix;
        const ProviderKind unknown = HyperparameterMap::knowsSettings(from) ? to : from;
        if (!HyperparameterMap::knowsSettings(unknown)) {
            MappedSetting row;
            row.label = tr("Settings");
            row.problem = tr("The app does not know %1's training settings yet, so it cannot "
                             "carry this job's settings from %2 to %3.")
                                  .arg(serviceName(unknown), serviceName(from), serviceName(to));
            m_result.settings.append(row);
            return m_result;
        }
        mapTrainingType();
        const QList<HyperparameterRule> sourceRules =
                applying(from, m_source.methodType, m_source.settings.type);
        const QList<HyperparameterRule> targetRules =
                applying(to, target.methodType, target.settings.type);
        for (const HyperparameterRule &rule : targetRules) {
            if (isLearningRate(rule.name)) {
                mapLearningRate(learningRateRule(sourceRules), rule);
                continue;
            }
            const HyperparameterRule *sourceRule = findRule(sourceRules, rule.name);
            if (sourceRule)
                carry(*sourceRule, rule);
            else
                startAtDefault(rule);
        }
        for (const HyperparameterRule &rule : sourceRules) {
            const bool inTarget = isLearningRate(rule.name) ? learningRateRule(targetRules)
                                                            : findRule(targetRules, rule.name);
            if (!inTarget)
                leaveOut(rule);
        }
        return m_result;
    }

private:
    void mapTrainingType()
    {
        const JobFormShape targetShape = JobFormRules::shape(m_result.to);
        const TrainingSettings::Type from = m_source.settings.type;
        TrainingSettings::Type to = TrainingSettings::Type::Default;
        MappedSetting row;
        row.label = tr("Training type");
        row.fromText = typeText(from);
        if (!targetShape.chooseTrainingType) {
            if (from == TrainingSettings::Type::Default)
                return; // neither side lets a person choose: nothing to say
            row.explanation = tr("%1 decides how it trains; the choice is left to it.")
                                      .arg(targetShape.serviceName);
        } else if (from == TrainingSettings::Type::Default) {
            to = targetShape.defaultTrainingType;
            row.explanation = tr("%1 did not say how it trained. %2 lets you choose; LoRA "
                                 "trains a small add-on, which is faster and cheaper and suits "
                                 "keeping a model's manner of answering.")
                                      .arg(serviceName(m_result.from), targetShape.serviceName);
        } else {
            to = from;
            row.explanation = tr("The same way of training as before.");
        }
        m_result.request.settings.type = to;
        row.toText = typeText(to);
        m_result.settings.append(row);
    }

    /// The same setting on both services.
    void carry(const HyperparameterRule &sourceRule, const HyperparameterRule &rule)
    {
        const Hyperparameter value = JobFormRules::value(m_source, sourceRule.name);
        MappedSetting row = rowFor(rule);
        row.fromText = valueText(sourceRule, value);
        if (value.isAuto) {
            if (!rule.autoAllowed && rule.defaultValue) {
                setNumber(rule, *rule.defaultValue, &row);
                row.explanation = tr("Automatic before; %1 needs a number, so its usual value "
                                     "is used.")
                                          .arg(serviceName(m_result.to));
            } else {
                row.toText = automaticText(rule);
                row.explanation = tr("Automatic before, automatic again: %1 chooses it.")
                                          .arg(serviceName(m_result.to));
            }
            m_result.settings.append(row);
            return;
        }
        row.explanation = tr("The same setting on both services: the number is kept.");
        placeNumber(rule, value.value, &row);
    }

    void mapLearningRate(const HyperparameterRule *sourceRule, const HyperparameterRule &rule)
    {
        MappedSetting row = rowFor(rule);
        const Hyperparameter value =
                sourceRule ? JobFormRules::value(m_source, sourceRule->name) : Hyperparameter();
        row.fromText = sourceRule ? valueText(*sourceRule, value) : tr("Not set");
        const QString fromName = serviceName(m_result.from);
        const QString toName = serviceName(m_result.to);
        if (value.isAuto) {
            row.toText = automaticText(rule);
            row.explanation = tr("Automatic before, automatic again: %1 chooses it.").arg(toName);
            m_result.settings.append(row);
            return;
        }
        const bool fromMultiplier = sourceRule->name == Name::LearningRateMultiplier;
        const bool toMultiplier = rule.name == Name::LearningRateMultiplier;
        if (fromMultiplier == toMultiplier) {
            row.explanation = fromMultiplier
                    ? tr("Both services scale their own learning rate by this multiplier: the "
                         "number is kept.")
                    : tr("Both services take the learning rate itself: the number is kept.");
            placeNumber(rule, value.value, &row);
            return;
        }
        if (fromMultiplier) {
            if (!rule.defaultValue || *rule.defaultValue <= 0) {
                row.problem = tr("%1 publishes no usual learning rate to scale the multiplier "
                                 "by. Enter a learning rate for %1 yourself.")
                                      .arg(toName);
                m_result.settings.append(row);
                return;
            }
            const double base = *rule.defaultValue;
            const double rate = value.value * base;
            row.explanation =
                    tr("%1 multiplies a learning rate it does not publish by this number; %2 "
                       "takes the rate itself. A multiplier of 1 is read as %2's usual rate "
                       "(%3), so %4 becomes %5.")
                            .arg(fromName, toName, HyperparameterRange::numberText(base),
                                    HyperparameterRange::numberText(value.value),
                                    HyperparameterRange::numberText(rate));
            placeNumber(rule, rate, &row);
            return;
        }
        if (!sourceRule->defaultValue || *sourceRule->defaultValue <= 0) {
            row.problem = tr("%1 publishes no usual learning rate, so its rate cannot be turned "
                             "into a multiplier. Enter a multiplier for %2 yourself.")
                                  .arg(fromName, toName);
            m_result.settings.append(row);
            return;
        }
        const double base = *sourceRule->defaultValue;
        const double multiplier = value.value / base;
        row.explanation = tr("%1 takes the learning rate itself; %2 multiplies a rate it does "
                             "not publish. %1's usual rate (%3) is read as a multiplier of 1, "
                             "so %4 becomes %5.")
                                  .arg(fromName, toName, HyperparameterRange::numberText(base),
                                          HyperparameterRange::numberText(value.value),
                                          HyperparameterRange::numberText(multiplier));
        placeNumber(rule, multiplier, &row);
    }

    /// A setting only the target has.
    void startAtDefault(const HyperparameterRule &rule)
    {
        MappedSetting row = rowFor(rule);
        row.fromText = tr("Not a setting on %1").arg(serviceName(m_result.from));
        if (!rule.autoAllowed && rule.defaultValue) {
            setNumber(rule, *rule.defaultValue, &row);
        } else {
            row.toText = automaticText(rule);
        }
        row.explanation = tr("%1 has no such setting, so %2's usual value is used.")
                                  .arg(serviceName(m_result.from), serviceName(m_result.to));
        m_result.settings.append(row);
    }

    /// A setting only the source had: said only when it was not automatic.
    void leaveOut(const HyperparameterRule &sourceRule)
    {
        const Hyperparameter value = JobFormRules::value(m_source, sourceRule.name);
        if (value.isAuto)
            return;
        MappedSetting row = rowFor(sourceRule);
        row.fromText = valueText(sourceRule, value);
        row.toText = tr("Left out");
        row.leftOut = true;
        row.explanation =
                tr("%1 has no such setting; it decides this itself.").arg(serviceName(m_result.to));
        m_result.settings.append(row);
    }

    /// Checks `value` against the target's range (clamping on request) and records it.
    void placeNumber(const HyperparameterRule &rule, double value, MappedSetting *row)
    {
        const double rounded = rule.integer ? std::round(value) : value;
        const QString problem = rule.check(rounded);
        if (problem.isEmpty()) {
            setNumber(rule, rounded, row);
        } else if (const std::optional<double> nearest =
                           m_options.clampToRange ? clamped(rule, value) : std::nullopt) {
            setNumber(rule, *nearest, row);
            row->explanation += QLatin1Char(' ')
                    + tr("%1 would be outside what %2 allows (%3), so the nearest allowed "
                         "value is used.")
                              .arg(HyperparameterRange::numberText(value), serviceName(m_result.to),
                                      rule.rangeText());
        } else {
            row->toText = HyperparameterRange::numberText(value);
            row->problem =
                    tr("%1 allows %2 %3; the old job's setting becomes %4. Choose a "
                       "value in that range.")
                            .arg(serviceName(m_result.to), rule.label.toLower(), rule.rangeText(),
                                    HyperparameterRange::numberText(value));
        }
        m_result.settings.append(*row);
    }

    void setNumber(const HyperparameterRule &rule, double value, MappedSetting *row)
    {
        Hyperparameter number;
        number.isAuto = false;
        number.value = value;
        JobFormRules::setValue(&m_result.request, rule.name, number);
        row->toText = HyperparameterRange::numberText(value);
    }

    static MappedSetting rowFor(const HyperparameterRule &rule)
    {
        MappedSetting row;
        row.name = rule.name;
        row.label = rule.label;
        return row;
    }

    const CreateJobRequest &m_source;
    HyperparameterMap::Options m_options;
    HyperparameterMapping m_result;
};

} // namespace

QStringList HyperparameterMapping::problems() const
{
    QStringList list;
    for (const MappedSetting &row : settings) {
        if (!row.problem.isEmpty())
            list.append(row.problem);
    }
    return list;
}

bool HyperparameterMap::knowsSettings(ProviderKind provider)
{
    return !ModelRegistry::provider(provider).ranges().isEmpty();
}

HyperparameterMapping HyperparameterMap::map(
        const CreateJobRequest &source, ProviderKind from, ProviderKind to, const Options &options)
{
    return Mapper(source, from, to, options).run();
}

CreateJobRequest HyperparameterMap::requestFrom(const FineTuningJob &job)
{
    CreateJobRequest request;
    request.model = job.model;
    request.trainingFile = job.trainingFile;
    request.validationFile = job.validationFile;
    request.suffix = job.suffix;
    request.seed = job.seed;
    request.methodType = job.methodType.isEmpty() ? QStringLiteral("supervised") : job.methodType;
    request.hyperparameters = job.hyperparameters;
    request.settings = job.settings;
    return request;
}

} // namespace fs
