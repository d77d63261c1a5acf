// SPDX-License-Identifier: GPL-3.0-or-later
#include "modeltarget.h"

namespace fs {

ChatRequest ModelTarget::request(const QList<ChatMessage> &messages) const
{
    ChatRequest request;
    request.model = servedAs.isEmpty() ? model : servedAs;
    request.messages = messages;
    request.temperature = temperature;
    request.topP = topP;
    request.maxCompletionTokens = maxCompletionTokens;
    request.seed = seed;
    return request;
}

QJsonObject ModelTarget::toJson() const
{
    // The API key stays out on purpose: session and result files get shared and committed.
    QJsonObject conn {
            {QStringLiteral("id"), connection.id},
            {QStringLiteral("name"), connection.name},
            {QStringLiteral("kind"), Connection::kindToString(connection.kind)},
            {QStringLiteral("base_url"), connection.baseUrl.toString()},
    };
    if (!connection.organization.isEmpty())
        conn.insert(QStringLiteral("organization"), connection.organization);
    if (!connection.project.isEmpty())
        conn.insert(QStringLiteral("project"), connection.project);
    QJsonObject object {
            {QStringLiteral("connection"), conn},
            {QStringLiteral("model"), model},
    };
    if (temperature)
        object.insert(QStringLiteral("temperature"), *temperature);
    if (topP)
        object.insert(QStringLiteral("top_p"), *topP);
    if (maxCompletionTokens)
        object.insert(QStringLiteral("max_completion_tokens"), *maxCompletionTokens);
    if (seed)
        object.insert(QStringLiteral("seed"), double(*seed));
    return object;
}

ModelTarget ModelTarget::fromJson(const QJsonObject &object)
{
    ModelTarget target;
    const QJsonObject conn = object.value(QLatin1String("connection")).toObject();
    target.connection.id = conn.value(QLatin1String("id")).toString();
    target.connection.name = conn.value(QLatin1String("name")).toString();
    bool ok = false;
    const Connection::Kind kind =
            Connection::kindFromString(conn.value(QLatin1String("kind")).toString(), &ok);
    if (ok)
        target.connection.kind = kind;
    target.connection.baseUrl = QUrl(conn.value(QLatin1String("base_url")).toString());
    target.connection.organization = conn.value(QLatin1String("organization")).toString();
    target.connection.project = conn.value(QLatin1String("project")).toString();
    target.model = object.value(QLatin1String("model")).toString();
    const QJsonValue temperature = object.value(QLatin1String("temperature"));
    if (temperature.isDouble())
        target.temperature = temperature.toDouble();
    const QJsonValue topP = object.value(QLatin1String("top_p"));
    if (topP.isDouble())
        target.topP = topP.toDouble();
    const QJsonValue maxTokens = object.value(QLatin1String("max_completion_tokens"));
    if (maxTokens.isDouble())
        target.maxCompletionTokens = maxTokens.toInt();
    const QJsonValue seed = object.value(QLatin1String("seed"));
    if (seed.isDouble())
        target.seed = qint64(seed.toDouble());
    return target;
}

bool operator==(const ModelTarget &a, const ModelTarget &b)
{
    return a.connection.id == b.connection.id && a.connection.baseUrl == b.connection.baseUrl
            && a.connection.kind == b.connection.kind && a.connection.apiKey == b.connection.apiKey
            && a.model == b.model && a.temperature == b.temperature && a.topP == b.topP
            && a.maxCompletionTokens == b.maxCompletionTokens && a.seed == b.seed;
}

} // namespace fs
