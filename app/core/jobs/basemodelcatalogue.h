// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "pricetable.h"

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
    bool fineTuned = false; ///< an ft: model (continued training)
    QString note; ///< one translated line for the picker (price and limit in words)

    bool supportsMethod(const QString &method) const;
};

/**
 * @brief The fine-tunable base models the app knows (reference §10) merged with a connection's
 * /models list: known models first (current ones, then legacy), then the connection's own
 * fine-tuned models (continued training), then other connection models that share a known
 * model's family. Prices come from the user's PriceTable.
 */
class BaseModelCatalogue
{
public:
    static QList<BaseModelInfo> knownModels(const PriceTable &prices = PriceTable());
    /// `includeUnknown`: also offer connection models of no known family (for compatible
    /// servers that train their own models); speech, image and embedding models never.
    static QList<BaseModelInfo> merged(const QList<ModelObject> &connectionModels,
            const PriceTable &prices = PriceTable(), bool includeUnknown = false);
    /// The known entry for `model` (a snapshot, an alias or an ft: name of it), else nullopt.
    static std::optional<BaseModelInfo> find(
            const QString &model, const PriceTable &prices = PriceTable());
};

} // namespace fs
