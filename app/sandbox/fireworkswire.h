// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Fireworks AI's wire shapes for the sandbox's shared engine (/fireworks): the base-model
// catalogue, accelerators, states and errors as shared/reference/fireworks/API-NOTES.md
// records them. Pure rendering, no state.

#include "sandboxserver_p.h"

namespace fs::sandbox::fireworks {

inline const QString kDialect = QStringLiteral("fireworks");
/// Fireworks' own catalogue account: accounts/fireworks/models/…
inline const QString kCatalogue = QStringLiteral("fireworks");
constexpr double kDefaultLearningRate = 1e-4;

/// Fine-tunable base models of the sandbox's catalogue (full names).
const QStringList &baseModels();
bool isBaseModel(const QString &name);
/// acceleratorType values a deployment may ask for (API-NOTES §3).
const QStringList &accelerators();

/// RFC 3339 in UTC, as the SDK's datetime fields.
QString rfc3339(qint64 unixSeconds);
/// The engine's status (OpenAI's words) as JOB_STATE_*.
QString jobState(const StoredJob &job);
/// A Together-style endpoint state as a Fireworks deployment state.
QString deploymentState(const StoredEndpoint &endpoint);
/// A google.rpc error as Fireworks' gateway writes it: {"code": N, "message": …, "details": []}.
Reply error(int httpStatus, const QString &message);
/// The request's JSON object; false with Fireworks' 400 in `failure`.
bool readBody(const HttpRequest &request, QJsonObject *body, Reply *failure);
/// The text field `name` of `body`; false with "NAME is required." in `failure` when empty.
bool requiredText(const QJsonObject &body, const char *name, QString *value, Reply *failure);
/// The 404 of a path the sandbox does not serve: "No such path: PATH".
Reply noSuchPath(const HttpRequest &request);
/// A whole list in one page, as the sandbox answers every list: {key: items, nextPageToken: ""}.
Reply onePage(const QString &key, const QJsonArray &items);
/// "accounts/{a}/datasets/x" → "x"; anything else unchanged.
QString lastSegment(const QString &name);

} // namespace fs::sandbox::fireworks
