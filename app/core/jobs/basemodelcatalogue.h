// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "pricetable.h"
#include "providerkind.h"

#include <QList>
#include <QString>
#include <optional>

namespace fs {

/// One model the New-job form offers.
struct BaseModelInfo
{
    QString id;
    double trainingUsdPerMillion = -1; ///< PriceTable price; -1 unknown (or billed per hour)
    int trainingTokenLimit = 0; ///< longest training example (Linter::trainingLimit)
    bool tokenLimitKnown = false; ///< documented rather than the default
    bool supervised = true;
    bool dpo = false;
    bool reinforcement = false;
    bool legacy = false; ///< older models the service may no longer train
    bool known = false; ///< in the built-in catalogue
    bool listedByConnection = false; ///< the connection's /models list has it
    bool fineTuned = false; ///< a fine-tuned model (continued training)
    QString priceText; ///< translated, short: "$5.00 per 1M training tokens", "price not known"
    QString note; ///< translated sentence(s): the price and the example limit in plain words

    bool supportsMethod(const QString &method) const;
};

/**
 * @brief The fine-tunable base models of a provider's model registry (ModelRegistry) merged with a
 * connection's /models list: known models first (current ones, then legacy), then the connection's
 * own fine-tuned models (continued training), then other connection models that share a known
 * model's family. Prices come from the user's PriceTable.
 */
class BaseModelCatalogue
{
public:
    static QList<BaseModelInfo> knownModels(
            const PriceTable &prices = PriceTable(), ProviderKind provider = ProviderKind::OpenAI);
    /// `includeUnknown`: also offer connection models of no known family (for compatible
    /// servers that train their own models); speech, image and embedding models never.
    static QList<BaseModelInfo> merged(const QList<ModelObject> &connectionModels,
            const PriceTable &prices = PriceTable(), bool includeUnknown = false,
            ProviderKind provider = ProviderKind::OpenAI);
    /// The known entry for `model` (a snapshot, an alias or a fine-tuned name of it, on any
    /// provider), else nullopt.
    static std::optional<BaseModelInfo> find(
            const QString &model, const PriceTable &prices = PriceTable());

    /// The model a training form starts with: `lastUsed` when offered and it can train with
    /// `method`; else the cheapest current model of the catalogue with a known price that can
    /// (among those the connection lists, when it lists any); else the first one. -1 when empty.
    static int defaultIndex(const QList<BaseModelInfo> &models, const QString &lastUsed,
            const QString &method = QStringLiteral("supervised"));
    /// The same for a list of model names (the dataset's cost panel); empty when `names` is.
    static QString defaultModel(
            const QStringList &names, const QString &lastUsed, const PriceTable &prices);
};

} // namespace fs
