// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelregistry.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <limits>

// The JSON lives in a resource of a static library: the linker drops its object unless something
// refers to it, hence this call (outside any namespace, as Q_INIT_RESOURCE requires).
static void initModelRegistryResources()
{
    Q_INIT_RESOURCE(fs_modelregistry);
}

namespace fs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::ModelRegistry", text);
}

QString number(double value)
{
    return HyperparameterRange::numberText(value);
}

const QLatin1String kOpenAiPrefix("ft:");
const QLatin1String kCheckpointMark(":ckpt-step-");
const QLatin1String kAzureMark(".ft-");

double priceOf(const QJsonObject &object, const QString &key)
{
    const QJsonValue v = object.value(key);
    return v.isDouble() && v.toDouble() >= 0 ? v.toDouble() : -1;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list << v.toString();
    return list;
}

} // namespace

// ---- HyperparameterRange ----------------------------------------------------------------------

QString HyperparameterRange::numberText(double value)
{
    const QLocale locale;
    const QString text = locale.toString(value, 'g', 6);
    if (!text.contains(QLatin1Char('e'), Qt::CaseInsensitive) || std::abs(value) >= 1)
        return text;
    // People read 0.00001, not 1e-05.
    QString plain = locale.toString(value, 'f', 12);
    while (plain.endsWith(QLatin1Char('0')))
        plain.chop(1);
    return plain;
}

QString HyperparameterRange::label() const
{
    if (key == QLatin1String("n_epochs"))
        return tr("Epochs");
    if (key == QLatin1String("batch_size"))
        return tr("Batch size");
    if (key == QLatin1String("learning_rate_multiplier"))
        return tr("Learning rate multiplier");
    if (key == QLatin1String("learning_rate"))
        return tr("Learning rate");
    if (key == QLatin1String("lora_r"))
        return tr("LoRA rank");
    if (key == QLatin1String("lora_alpha"))
        return tr("LoRA alpha");
    if (key == QLatin1String("lora_dropout"))
        return tr("LoRA dropout");
    if (key == QLatin1String("beta") || key == QLatin1String("dpo_beta"))
        return tr("Beta");
    return key;
}

QString HyperparameterRange::rangeText() const
{
    const QString low = exclusiveMinimum
            ? QCoreApplication::translate("fs::ModelRegistry", "more than %1").arg(number(minimum))
            : QCoreApplication::translate("fs::ModelRegistry", "at least %1").arg(number(minimum));
    if (!std::isfinite(maximum))
        return low;
    if (!exclusiveMinimum && !exclusiveMaximum)
        return QCoreApplication::translate("fs::ModelRegistry", "%1 to %2")
                .arg(number(minimum), number(maximum));
    const QString high = exclusiveMaximum
            ? QCoreApplication::translate("fs::ModelRegistry", "less than %1").arg(number(maximum))
            : QCoreApplication::translate("fs::ModelRegistry", "at most %1").arg(number(maximum));
    return QCoreApplication::translate("fs::ModelRegistry", "%1, %2").arg(low, high);
}

QString HyperparameterRange::check(double value) const
{
    const bool low = exclusiveMinimum ? !(value > minimum) : !(value >= minimum);
    const bool high = exclusiveMaximum ? !(value < maximum) : value > maximum;
    if (!std::isfinite(value) || low || high)
        return QCoreApplication::translate("fs::ModelRegistry", "%1 must be %2.")
                .arg(label(), rangeText());
    if (integer && value != std::floor(value))
        return QCoreApplication::translate("fs::ModelRegistry", "%1 must be a whole number.")
                .arg(label());
    return {};
}

// ---- Naming, one function pair per provider ----------------------------------------------------

namespace {

/// OpenAI: ft:BASE:ORG:SUFFIX:ID, a checkpoint ft:BASE:ORG:SUFFIX:ID:ckpt-step-N.
FineTunedName parseOpenAiName(const QString &id)
{
    FineTunedName name;
    name.provider = ProviderKind::OpenAI;
    const QString s = id.trimmed();
    if (!s.startsWith(kOpenAiPrefix, Qt::CaseInsensitive))
        return name;
    QString model = s;
    if (const qsizetype at = s.lastIndexOf(kCheckpointMark); at >= 0) {
        bool ok = false;
        const qint64 step = s.mid(at + kCheckpointMark.size()).toLongLong(&ok);
        if (ok && step > 0) {
            name.checkpointStep = step;
            model = s.left(at);
        }
    }
    const QStringList parts = model.mid(kOpenAiPrefix.size()).split(QLatin1Char(':'));
    name.base = parts.value(0);
    name.organization = parts.value(1);
    name.suffix = parts.value(2);
    name.jobId = parts.value(3);
    name.model = model;
    return name;
}

QString buildOpenAiName(const FineTunedName &parts)
{
    QString name = QStringLiteral("ft:%1:%2:%3:%4")
                           .arg(parts.base, parts.organization, parts.suffix, parts.jobId);
    if (parts.checkpointStep > 0)
        name += kCheckpointMark + QString::number(parts.checkpointStep);
    return name;
}

bool isStep(const QString &text, qint64 *step);

/// Azure OpenAI: BASE.ft-JOBID (the job id without its "ftjob-" prefix); a checkpoint is
/// BASE.ft-JOBID:ckpt-step-N.
FineTunedName parseAzureName(const QString &id)
{
    FineTunedName name;
    name.provider = ProviderKind::AzureOpenAI;
    QString s = id.trimmed();
    if (const qsizetype mark = s.lastIndexOf(kCheckpointMark); mark > 0) {
        qint64 step = 0;
        if (!isStep(s.mid(mark + kCheckpointMark.size()), &step))
            return name;
        name.checkpointStep = step;
        s.truncate(mark);
    }
    const qsizetype at = s.lastIndexOf(kAzureMark);
    if (at <= 0 || at + kAzureMark.size() >= s.size() || s.contains(QLatin1Char('/')))
        return name;
    name.base = s.left(at);
    name.jobId = s.mid(at + kAzureMark.size());
    name.model = s;
    return name;
}

QString buildAzureName(const FineTunedName &parts)
{
    QString job = parts.jobId;
    if (job.startsWith(QLatin1String("ftjob-")))
        job = job.mid(6);
    QString name = parts.base + kAzureMark + job;
    if (parts.checkpointStep > 0)
        name += kCheckpointMark + QString::number(parts.checkpointStep);
    return name;
}

bool isStep(const QString &text, qint64 *step)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (ok && v > 0)
        *step = v;
    return ok && v > 0;
}

/// Together: ACCOUNT/BASE:SUFFIX:JOBID (BASE may hold its own "org/"); older jobs
/// ACCOUNT/ORG/MODEL-JOBID; a checkpoint is the output name followed by ":STEP".
/// Fireworks: accounts/ACCOUNT/models/MODEL; a model outside Fireworks' own catalogue account
/// ("fireworks") is the account's fine-tune. The name does not say its base: `base` holds the
/// model's id.
FineTunedName parseFireworksName(const QString &id)
{
    FineTunedName name;
    name.provider = ProviderKind::Fireworks;
    const QStringList parts = id.trimmed().section(QLatin1Char('#'), 0, 0).split(QLatin1Char('/'));
    if (parts.size() != 4 || parts.at(0) != QLatin1String("accounts")
            || parts.at(2) != QLatin1String("models") || parts.at(1).isEmpty()
            || parts.at(3).isEmpty() || parts.at(1) == QLatin1String("fireworks"))
        return name;
    name.organization = parts.at(1);
    name.base = parts.at(3);
    name.model = id.trimmed();
    return name;
}

FineTunedName parseTogetherName(const QString &id)
{
    FineTunedName name;
    name.provider = ProviderKind::Together;
    const QString s = id.trimmed();
    const qsizetype slash = s.indexOf(QLatin1Char('/'));
    if (slash <= 0 || s.startsWith(kOpenAiPrefix, Qt::CaseInsensitive))
        return name;
    const QString account = s.left(slash);
    const QString rest = s.mid(slash + 1);
    QStringList parts = rest.split(QLatin1Char(':'));
    qint64 step = 0;
    if (parts.size() >= 3) {
        if (parts.size() == 4 && isStep(parts.at(3), &step))
            parts.removeLast();
        if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(2).isEmpty())
            return name;
        name.base = parts.at(0);
        name.suffix = parts.at(1);
        name.jobId = parts.at(2);
    } else {
        // The older form: ACCOUNT/ORG/MODEL-JOBID, perhaps with ":STEP".
        QString output = rest;
        if (parts.size() == 2) {
            if (!isStep(parts.at(1), &step))
                return name;
            output = parts.at(0);
        }
        // The job part is a number or a hex id, so that a path-like name of another service
        // ("hf.co/org/Model-GGUF") is not taken for a fine-tune.
        static const QRegularExpression jobPart(QStringLiteral("^[0-9a-fA-F]{6,}$"));
        const qsizetype dash = output.lastIndexOf(QLatin1Char('-'));
        if (!output.contains(QLatin1Char('/')) || dash <= 0
                || !jobPart.match(output.mid(dash + 1)).hasMatch())
            return name;
        name.base = output.left(dash);
        name.jobId = output.mid(dash + 1);
    }
    name.organization = account;
    name.checkpointStep = step;
    name.model = step > 0 ? s.left(s.lastIndexOf(QLatin1Char(':'))) : s;
    return name;
}

QString buildTogetherName(const FineTunedName &parts)
{
    QString name = QStringLiteral("%1/%2:%3:%4")
                           .arg(parts.organization, parts.base, parts.suffix, parts.jobId);
    if (parts.checkpointStep > 0)
        name += QLatin1Char(':') + QString::number(parts.checkpointStep);
    return name;
}

} // namespace

FineTunedName ProviderModels::parseFineTuned(const QString &id) const
{
    switch (m_kind) {
    case ProviderKind::OpenAI:
        return parseOpenAiName(id);
    case ProviderKind::AzureOpenAI:
        return parseAzureName(id);
    case ProviderKind::Together:
        return parseTogetherName(id);
    case ProviderKind::Fireworks:
        return parseFireworksName(id);
    }
    FineTunedName none;
    none.provider = m_kind;
    return none;
}

QString ProviderModels::fineTunedName(const FineTunedName &parts) const
{
    if (parts.base.isEmpty())
        return {};
    switch (m_kind) {
    case ProviderKind::OpenAI:
        return buildOpenAiName(parts);
    case ProviderKind::AzureOpenAI:
        return buildAzureName(parts);
    case ProviderKind::Together:
        return buildTogetherName(parts);
    case ProviderKind::Fireworks:
        if (!parts.organization.isEmpty())
            return QStringLiteral("accounts/%1/models/%2").arg(parts.organization, parts.base);
        break;
    }
    return {};
}

// ---- ProviderModels ----------------------------------------------------------------------------

const RegisteredModel *ProviderModels::find(const QString &model) const
{
    const QString name = ModelRegistry::baseModelName(model);
    if (name.isEmpty())
        return nullptr;
    for (const RegisteredModel &m : m_models) {
        if (m.id.compare(name, Qt::CaseInsensitive) == 0)
            return &m;
    }
    for (const RegisteredModel &m : m_models) {
        for (const QString &alias : m.aliases) {
            if (alias.compare(name, Qt::CaseInsensitive) == 0)
                return &m;
        }
    }
    return nullptr;
}

const ProviderModels::ContextLimit *ProviderModels::findExtraLimit(const QString &model) const
{
    const QString name = ModelRegistry::baseModelName(model);
    for (const ContextLimit &l : m_extraLimits) {
        if (l.model.compare(name, Qt::CaseInsensitive) == 0)
            return &l;
    }
    return nullptr;
}

int ProviderModels::contextLimit(const QString &model) const
{
    const RegisteredModel *m = find(model);
    if (m && m->contextLimitKnown)
        return m->contextLimit;
    if (const ContextLimit *l = findExtraLimit(model))
        return l->limit;
    return m ? m->contextLimit : m_defaultContextLimit;
}

bool ProviderModels::isContextLimitKnown(const QString &model) const
{
    const RegisteredModel *m = find(model);
    return (m && m->contextLimitKnown) || findExtraLimit(model);
}

QString ProviderModels::tokenizer(const QString &model) const
{
    if (const RegisteredModel *m = find(model))
        return m->tokenizer;
    const QString name = ModelRegistry::baseModelName(model);
    for (const TokenizerRule &rule : m_tokenizerRules) {
        if (rule.exact ? name == rule.prefix : name.startsWith(rule.prefix))
            return rule.tokenizer;
    }
    return m_defaultTokenizer;
}

const HyperparameterRange *ProviderModels::range(const QString &key) const
{
    for (const HyperparameterRange &r : m_ranges) {
        if (r.key == key)
            return &r;
    }
    return nullptr;
}

QString ProviderModels::checkHyperparameter(const QString &key, double value) const
{
    if (const HyperparameterRange *r = range(key))
        return r->check(value);
    return QCoreApplication::translate("fs::ModelRegistry", "%1 has no setting “%2”.")
            .arg(m_displayName, key);
}

// ---- Loading -----------------------------------------------------------------------------------

namespace {

QJsonObject readResource(const QString &file)
{
    QFile f(QStringLiteral(":/modelregistry/") + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("Cannot open the model registry %s", qUtf8Printable(f.fileName()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject()) // compiled in: failing here is a broken build, not a user error
        qFatal("Cannot read the model registry %s: %s", qUtf8Printable(f.fileName()),
                qUtf8Printable(error.errorString()));
    return doc.object();
}

} // namespace

class ModelRegistryLoader
{
public:
    /// `deploymentPrices`: {estimate, checkAt, source, options: [{id, name, usdPerHour}]}.
    static void readDeploymentPrices(ProviderModels &p, const QJsonObject &block)
    {
        p.m_deploymentPrices.clear();
        p.m_deploymentPricesSource = block.value(QLatin1String("source")).toString();
        const bool estimate = block.value(QLatin1String("estimate")).toBool(true);
        const QUrl checkAt(block.value(QLatin1String("checkAt")).toString());
        for (const QJsonValue &value : block.value(QLatin1String("options")).toArray()) {
            const QJsonObject o = value.toObject();
            HardwareOption option;
            option.id = o.value(QLatin1String("id")).toString();
            option.name = o.value(QLatin1String("name")).toString();
            if (o.value(QLatin1String("usdPerHour")).isDouble())
                option.pricePerHour = o.value(QLatin1String("usdPerHour")).toDouble();
            option.priceIsEstimate = o.value(QLatin1String("estimate")).toBool(estimate);
            option.priceCheckUrl = checkAt;
            option.availability = HardwareOption::Availability::Available;
            p.m_deploymentPrices.append(option);
        }
    }

    static ProviderModels load(ProviderKind kind, const QJsonObject &o)
    {
        ProviderModels p;
        p.m_kind = kind;
        p.m_displayName = o.value(QLatin1String("displayName")).toString();
        p.m_source = o.value(QLatin1String("source")).toString();
        p.m_pricesCapturedOn = QDate::fromString(
                o.value(QLatin1String("pricesCapturedOn")).toString(), Qt::ISODate);
        p.m_pricesSource = o.value(QLatin1String("pricesSource")).toString(p.m_source);
        p.m_needsDeployment = o.value(QLatin1String("needsDeployment")).toBool();
        p.m_countsTokensExactly = o.value(QLatin1String("countsTokensExactly")).toBool(true);
        p.m_tokenCounting = o.value(QLatin1String("tokenCounting")).toString();
        p.m_learningRateKind = o.value(QLatin1String("learningRate")).toString();
        p.m_trainingTypes = strings(o.value(QLatin1String("trainingTypes")));
        p.m_defaultContextLimit = o.value(QLatin1String("defaultContextLimit")).toInt();
        p.m_defaultTokenizer = o.value(QLatin1String("defaultTokenizer")).toString();
        readDeploymentPrices(p, o.value(QLatin1String("deploymentPrices")).toObject());
        const QString defaultLimitSource =
                o.value(QLatin1String("defaultContextLimitSource")).toString();
        for (const QJsonValue &v : o.value(QLatin1String("tokenizerRules")).toArray()) {
            const QJsonObject r = v.toObject();
            const bool exact = r.contains(QLatin1String("exact"));
            p.m_tokenizerRules.append(
                    {r.value(QLatin1String(exact ? "exact" : "prefix")).toString(), exact,
                            r.value(QLatin1String("tokenizer")).toString()});
        }
        for (const QJsonValue &v : o.value(QLatin1String("contextLimits")).toArray()) {
            const QJsonObject r = v.toObject();
            p.m_extraLimits.append({r.value(QLatin1String("model")).toString(),
                    r.value(QLatin1String("limit")).toInt()});
        }
        const QJsonObject ranges = o.value(QLatin1String("hyperparameters")).toObject();
        for (auto it = ranges.begin(); it != ranges.end(); ++it) {
            const QJsonObject r = it.value().toObject();
            HyperparameterRange range;
            range.key = it.key();
            range.minimum = r.value(QLatin1String("min")).toDouble();
            range.exclusiveMinimum = r.value(QLatin1String("exclusiveMinimum")).toBool();
            range.maximum =
                    r.value(QLatin1String("max")).toDouble(std::numeric_limits<double>::infinity());
            range.exclusiveMaximum = r.value(QLatin1String("exclusiveMaximum")).toBool();
            range.integer = r.value(QLatin1String("integer")).toBool();
            range.defaultValue = r.value(QLatin1String("default")).toVariant();
            range.method = r.value(QLatin1String("method")).toString();
            range.trainingType = r.value(QLatin1String("trainingType")).toString();
            range.source = r.value(QLatin1String("source")).toString();
            p.m_ranges.append(range);
        }
        for (const QJsonValue &v : o.value(QLatin1String("models")).toArray()) {
            const QJsonObject m = v.toObject();
            RegisteredModel model;
            model.provider = kind;
            model.id = m.value(QLatin1String("id")).toString();
            model.aliases = strings(m.value(QLatin1String("aliases")));
            model.methods = strings(m.value(QLatin1String("methods")));
            model.trainingTypes = m.contains(QLatin1String("trainingTypes"))
                    ? strings(m.value(QLatin1String("trainingTypes")))
                    : p.m_trainingTypes;
            model.legacy = m.value(QLatin1String("legacy")).toBool();
            model.trainingUsdPerMillion = priceOf(m, QStringLiteral("trainingUsdPerMillion"));
            model.billedPerHour = m.value(QLatin1String("billedPerHour")).toBool();
            model.trainingUsdPerHour = priceOf(m, QStringLiteral("trainingUsdPerHour"));
            const QJsonObject inference = m.value(QLatin1String("inference")).toObject();
            model.inputUsdPerMillion = priceOf(inference, QStringLiteral("input"));
            model.cachedInputUsdPerMillion = priceOf(inference, QStringLiteral("cachedInput"));
            model.outputUsdPerMillion = priceOf(inference, QStringLiteral("output"));
            model.priceSource = m.value(QLatin1String("priceSource")).toString(p.m_pricesSource);
            model.contextLimitKnown = m.contains(QLatin1String("contextLimit"));
            model.contextLimit =
                    m.value(QLatin1String("contextLimit")).toInt(p.m_defaultContextLimit);
            model.contextLimitSource =
                    m.value(QLatin1String("contextLimitSource")).toString(defaultLimitSource);
            p.m_models.append(model);
        }
        // Each model's tokenizer: its own entry, else the provider's rules, else its default.
        for (RegisteredModel &model : p.m_models) {
            model.tokenizer = p.m_defaultTokenizer;
            const QString name = model.id.toLower();
            for (const ProviderModels::TokenizerRule &rule : std::as_const(p.m_tokenizerRules)) {
                if (rule.exact ? name == rule.prefix : name.startsWith(rule.prefix)) {
                    model.tokenizer = rule.tokenizer;
                    break;
                }
            }
        }
        return p;
    }

    /// Azure OpenAI trains OpenAI's models: the same data, its own naming and deployments.
    static ProviderModels azure(const ProviderModels &openAi, const QJsonObject &deploymentPrices)
    {
        ProviderModels p = openAi;
        p.m_kind = ProviderKind::AzureOpenAI;
        p.m_displayName = QStringLiteral("Azure OpenAI");
        p.m_needsDeployment = true;
        readDeploymentPrices(p, deploymentPrices);
        for (RegisteredModel &model : p.m_models)
            model.provider = ProviderKind::AzureOpenAI;
        return p;
    }

    static ProviderModels empty(ProviderKind kind, const QString &displayName)
    {
        ProviderModels p;
        p.m_kind = kind;
        p.m_displayName = displayName;
        p.m_needsDeployment = true;
        p.m_countsTokensExactly = false;
        p.m_defaultTokenizer = QStringLiteral("approximate");
        return p;
    }
};

namespace {

struct Registry
{
    std::array<ProviderModels, 4> providers;

    Registry()
    {
        initModelRegistryResources();
        const QJsonObject openAiData = readResource(QStringLiteral("openai.json"));
        const ProviderModels openAi = ModelRegistryLoader::load(ProviderKind::OpenAI, openAiData);
        providers[size_t(ProviderKind::OpenAI)] = openAi;
        providers[size_t(ProviderKind::AzureOpenAI)] = ModelRegistryLoader::azure(
                openAi, openAiData.value(QLatin1String("azureDeploymentPrices")).toObject());
        providers[size_t(ProviderKind::Together)] = ModelRegistryLoader::load(
                ProviderKind::Together, readResource(QStringLiteral("together.json")));
        providers[size_t(ProviderKind::Fireworks)] = ModelRegistryLoader::load(
                ProviderKind::Fireworks, readResource(QStringLiteral("fireworks.json")));
    }
};

const Registry &registry()
{
    static const Registry instance; // loaded once, thread-safe
    return instance;
}

/// The providers a model name is looked up in: OpenAI's data once (Azure shares it), then
/// Together.
constexpr ProviderKind kLookupOrder[] = {
        ProviderKind::OpenAI, ProviderKind::Together, ProviderKind::Fireworks};

} // namespace

// ---- ModelRegistry -----------------------------------------------------------------------------

const HardwareOption *ProviderModels::deploymentPrice(const QString &id) const
{
    for (const HardwareOption &option : m_deploymentPrices) {
        if (option.id.compare(id, Qt::CaseInsensitive) == 0)
            return &option;
    }
    return nullptr;
}

const ProviderModels &ModelRegistry::provider(ProviderKind kind)
{
    return registry().providers.at(size_t(kind));
}

QList<ProviderKind> ModelRegistry::providers()
{
    return {ProviderKind::OpenAI, ProviderKind::AzureOpenAI, ProviderKind::Together,
            ProviderKind::Fireworks};
}

const RegisteredModel *ModelRegistry::find(const QString &model)
{
    for (const ProviderKind kind : kLookupOrder) {
        if (const RegisteredModel *m = provider(kind).find(model))
            return m;
    }
    return nullptr;
}

FineTunedName ModelRegistry::parseFineTuned(const QString &id)
{
    const QString s = id.trimmed();
    if (s.startsWith(kOpenAiPrefix, Qt::CaseInsensitive))
        return parseOpenAiName(s);
    if (s.startsWith(QLatin1String("accounts/")))
        return parseFireworksName(s);
    if (s.contains(QLatin1Char('/')))
        return parseTogetherName(s);
    return parseAzureName(s);
}

QString ModelRegistry::baseModelName(const QString &model)
{
    const QString name = model.trimmed().toLower();
    const FineTunedName parts = parseFineTuned(name);
    if (parts.isValid())
        return parts.base;
    return name.startsWith(kOpenAiPrefix) ? QString() : name;
}

QString ModelRegistry::withoutSnapshot(const QString &name)
{
    static const QRegularExpression date(QStringLiteral("-(\\d{4}-\\d{2}-\\d{2}|\\d{4})$"));
    QString n = name;
    n.remove(date);
    return n;
}

int ModelRegistry::contextLimit(const QString &model)
{
    for (const ProviderKind kind : kLookupOrder) {
        if (provider(kind).find(model) || provider(kind).findExtraLimit(model))
            return provider(kind).contextLimit(model);
    }
    return provider(ProviderKind::OpenAI).contextLimit(model);
}

bool ModelRegistry::isContextLimitKnown(const QString &model)
{
    for (const ProviderKind kind : kLookupOrder) {
        if (provider(kind).isContextLimitKnown(model))
            return true;
    }
    return false;
}

QString ModelRegistry::tokenizer(const QString &model)
{
    if (const RegisteredModel *m = find(model))
        return m->tokenizer;
    return provider(ProviderKind::OpenAI).tokenizer(model);
}

} // namespace fs
