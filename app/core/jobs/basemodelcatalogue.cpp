// SPDX-License-Identifier: GPL-3.0-or-later
#include "basemodelcatalogue.h"

#include "costestimate.h"
#include "jobformrules.h"
#include "linter.h"
#include "modelregistry.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace fs {

namespace {

QString priceTextFor(const BaseModelInfo &info)
{
    if (info.reinforcement && !info.supervised)
        return QCoreApplication::translate("fs::BaseModelCatalogue", "billed per hour of training");
    if (info.trainingUsdPerMillion >= 0)
        return QCoreApplication::translate("fs::BaseModelCatalogue", "$%1 per 1M training tokens")
                .arg(QString::number(info.trainingUsdPerMillion, 'f', 2));
    return QCoreApplication::translate("fs::BaseModelCatalogue", "price not known");
}

/// Fills priceText and note. `pricingService`: the service that states a job's price before it
/// starts (JobFormShape::servicePricesJob), used when the price table has none.
void describe(BaseModelInfo *info, const QString &pricingService = {})
{
    info->priceText = priceTextFor(*info);
    QString price;
    if (!pricingService.isEmpty() && info->trainingUsdPerMillion < 0) {
        info->priceText = QCoreApplication::translate(
                "fs::BaseModelCatalogue", "priced by %1 before you start")
                                  .arg(pricingService);
        price = QCoreApplication::translate("fs::BaseModelCatalogue",
                "%1 states the price of the job, and whether your account may start it, "
                "before it starts.")
                        .arg(pricingService);
    } else if (info->reinforcement && !info->supervised)
        price = QCoreApplication::translate("fs::BaseModelCatalogue",
                "Training is billed per hour, so the app cannot estimate its cost.");
    else if (info->trainingUsdPerMillion >= 0)
        price = QCoreApplication::translate(
                "fs::BaseModelCatalogue", "Training costs $%1 per million tokens.")
                        .arg(QString::number(info->trainingUsdPerMillion, 'f', 2));
    else
        price = QCoreApplication::translate("fs::BaseModelCatalogue",
                "The app does not know the training price of this model, so it cannot "
                "estimate the cost; you can add the price under Prices… in the dataset's "
                "statistics.");
    const QString limit = info->tokenLimitKnown
            ? QCoreApplication::translate(
                    "fs::BaseModelCatalogue", "Examples can be up to %L1 tokens long.")
                      .arg(info->trainingTokenLimit)
            : QCoreApplication::translate("fs::BaseModelCatalogue",
                    "How long an example may be for this model is not published; the app "
                    "assumes %L1 tokens, the limit of the gpt-4o models.")
                      .arg(info->trainingTokenLimit);
    info->note = price + QLatin1Char(' ') + limit;
    if (info->legacy)
        info->note += QLatin1Char(' ')
                + QCoreApplication::translate("fs::BaseModelCatalogue",
                        "An older model: the service may no longer train it.");
}

BaseModelInfo infoFor(const RegisteredModel &k, const QString &id, const PriceTable &prices)
{
    BaseModelInfo info;
    info.id = id;
    info.supervised = k.supportsMethod(QStringLiteral("supervised"));
    info.dpo = k.supportsMethod(QStringLiteral("dpo"));
    info.reinforcement = k.supportsMethod(QStringLiteral("reinforcement"));
    info.trainingUsdPerMillion = info.supervised || info.dpo ? prices.price(id) : -1;
    info.trainingTokenLimit = Linter::trainingLimit(id);
    info.tokenLimitKnown = isTrainingTokenLimitKnown(id);
    info.legacy = k.legacy;
    info.fineTuned = ModelRegistry::isFineTuned(id);
    const JobFormShape form = JobFormRules::shape(k.provider);
    describe(&info, form.servicePricesJob ? form.serviceName : QString());
    return info;
}

/// The registered model `model` names on `kind` (a snapshot, an alias or a fine-tuned name).
const RegisteredModel *findKnown(const QString &model, ProviderKind kind)
{
    return ModelRegistry::provider(kind).find(model);
}

bool neverFineTunable(const QString &id)
{
    static const QRegularExpression pattern(
            QStringLiteral("whisper|tts|dall-e|embedding|moderation|audio|realtime|transcribe|"
                           "image|search|computer-use|sora|codex"),
            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(id).hasMatch();
}

} // namespace

bool BaseModelInfo::supportsMethod(const QString &method) const
{
    if (method == QLatin1String("dpo"))
        return dpo;
    if (method == QLatin1String("reinforcement"))
        return reinforcement;
    return supervised;
}

QList<BaseModelInfo> BaseModelCatalogue::knownModels(
        const PriceTable &prices, ProviderKind provider)
{
    QList<BaseModelInfo> list;
    for (const RegisteredModel &k : ModelRegistry::provider(provider).models()) {
        BaseModelInfo info = infoFor(k, k.id, prices);
        info.known = true;
        list.append(info);
    }
    return list;
}

std::optional<BaseModelInfo> BaseModelCatalogue::find(
        const QString &model, const PriceTable &prices)
{
    const RegisteredModel *k = ModelRegistry::find(model);
    if (!k)
        return std::nullopt;
    BaseModelInfo info = infoFor(*k, model, prices);
    info.known = model == k->id;
    return info;
}

QList<BaseModelInfo> BaseModelCatalogue::merged(const QList<ModelObject> &connectionModels,
        const PriceTable &prices, bool includeUnknown, ProviderKind provider)
{
    QSet<QString> listed;
    for (const ModelObject &m : connectionModels)
        listed.insert(m.id);
    QList<BaseModelInfo> list = knownModels(prices, provider);
    QSet<QString> seen;
    for (BaseModelInfo &info : list) {
        info.listedByConnection = listed.contains(info.id);
        seen.insert(info.id);
    }
    QList<BaseModelInfo> fineTuned, aliases, others;
    for (const ModelObject &m : connectionModels) {
        if (seen.contains(m.id) || m.id.isEmpty())
            continue;
        seen.insert(m.id);
        if (ModelRegistry::parseFineTuned(m.id).checkpointStep > 0)
            continue; // checkpoints are offered from the job's checkpoint list
        const RegisteredModel *k = findKnown(m.id, provider);
        if (k) {
            BaseModelInfo info = infoFor(*k, m.id, prices);
            info.listedByConnection = true;
            (info.fineTuned ? fineTuned : aliases).append(info);
            continue;
        }
        if (m.isFineTuned()) {
            BaseModelInfo info;
            info.id = m.id;
            info.fineTuned = true;
            info.listedByConnection = true;
            info.trainingUsdPerMillion = prices.price(m.id);
            info.trainingTokenLimit = Linter::trainingLimit(m.id);
            info.tokenLimitKnown = isTrainingTokenLimitKnown(m.id);
            describe(&info);
            fineTuned.append(info);
            continue;
        }
        if (includeUnknown && !neverFineTunable(m.id)) {
            BaseModelInfo info;
            info.id = m.id;
            info.listedByConnection = true;
            info.trainingUsdPerMillion = prices.price(m.id);
            info.trainingTokenLimit = Linter::trainingLimit(m.id);
            info.tokenLimitKnown = isTrainingTokenLimitKnown(m.id);
            const JobFormShape form = JobFormRules::shape(provider);
            describe(&info, form.servicePricesJob ? form.serviceName : QString());
            others.append(info);
        }
    }
    // Current known models first, then the legacy ones after the connection's own.
    QList<BaseModelInfo> result;
    for (const BaseModelInfo &info : std::as_const(list)) {
        if (!info.legacy)
            result.append(info);
    }
    result += aliases;
    result += fineTuned;
    result += others;
    for (const BaseModelInfo &info : std::as_const(list)) {
        if (info.legacy)
            result.append(info);
    }
    return result;
}

int BaseModelCatalogue::defaultIndex(
        const QList<BaseModelInfo> &models, const QString &lastUsed, const QString &method)
{
    if (models.isEmpty())
        return -1;
    if (!lastUsed.isEmpty()) {
        for (int i = 0; i < models.size(); ++i) {
            if (models.at(i).id == lastUsed && models.at(i).supportsMethod(method))
                return i;
        }
    }
    const bool anyListed = std::any_of(models.cbegin(), models.cend(),
            [](const BaseModelInfo &m) { return m.known && m.listedByConnection; });
    int best = -1;
    for (int i = 0; i < models.size(); ++i) {
        const BaseModelInfo &m = models.at(i);
        if (!m.known || m.legacy || m.fineTuned || !m.supportsMethod(method)
                || m.trainingUsdPerMillion < 0 || (anyListed && !m.listedByConnection))
            continue;
        if (best < 0 || m.trainingUsdPerMillion < models.at(best).trainingUsdPerMillion)
            best = i;
    }
    return best >= 0 ? best : 0;
}

QString BaseModelCatalogue::defaultModel(
        const QStringList &names, const QString &lastUsed, const PriceTable &prices)
{
    QList<BaseModelInfo> models;
    for (const QString &name : names) {
        const std::optional<BaseModelInfo> known = find(name, prices);
        BaseModelInfo info = known.value_or(BaseModelInfo {});
        info.id = name;
        if (!known)
            info.trainingUsdPerMillion = prices.price(name);
        models << info;
    }
    const int index = defaultIndex(models, lastUsed);
    return index >= 0 ? names.at(index) : QString();
}

} // namespace fs
