// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"
#include "connection.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace fs {

/**
 * @brief Where to ask and whom: a connection, a model and its sampling parameters. Used by the
 * panes of a ComparisonSession and the models of a batch comparison.
 */
struct ModelTarget
{
    Connection connection; ///< carries the key in memory; toJson() never writes it
    QString model;
    /// When set, the name requests are sent to instead of `model`: the running deployment a
    /// fine-tuned model answers through (Together AI). Not saved: deployments come and go.
    QString servedAs;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxCompletionTokens;
    std::optional<qint64> seed;

    /// A request for `messages` with these parameters.
    ChatRequest request(const QList<ChatMessage> &messages) const;
    /// A short label for tables and tallies: the model name.
    QString label() const { return model; }

    /// Connection id/name/kind/base URL (never the API key), model and the set parameters.
    QJsonObject toJson() const;
    /// The key is empty afterwards: look it up by connection.id (SecretStore) before sending.
    static ModelTarget fromJson(const QJsonObject &object);

    friend bool operator==(const ModelTarget &a, const ModelTarget &b);
};

} // namespace fs
