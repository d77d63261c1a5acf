// SPDX-License-Identifier: GPL-3.0-or-later
// Dedicated endpoints (Together's deployment step): PENDING → STARTING → STARTED on the
// sandbox's time scale, billed per started minute, STOPPING → STOPPED on delete, on request or
// after `inactive_timeout` idle minutes.
#include "sandboxserver_p.h"
#include "togetherwire.h"

#include <QUuid>

namespace fs::sandbox {

using namespace together;

namespace {

// State lengths in sandbox seconds; real time is this times the time scale.
constexpr double kPendingSeconds = 2.0;
constexpr double kStartingSeconds = 8.0;
constexpr double kStoppingSeconds = 2.0;

const QString kInvalid = QStringLiteral("invalid_request_error");

Reply endpointNotFound(const QString &id)
{
    return SandboxServerPrivate::error(404, QStringLiteral("Endpoint %1 not found.").arg(id),
            kInvalid, QStringLiteral("endpointId"), QStringLiteral("not_found"));
}

bool readAutoscaling(const QJsonObject &body, StoredEndpoint *endpoint, Reply *failure)
{
    const QJsonObject scaling = body.value(QLatin1String("autoscaling")).toObject();
    const QJsonValue minimum = scaling.value(QLatin1String("min_replicas"));
    const QJsonValue maximum = scaling.value(QLatin1String("max_replicas"));
    if (!minimum.isDouble() || !maximum.isDouble() || minimum.toInt() < 1
            || maximum.toInt() < minimum.toInt()) {
        *failure = SandboxServerPrivate::error(400,
                QStringLiteral("'autoscaling' needs min_replicas and max_replicas, whole numbers "
                               "with 1 <= min_replicas <= max_replicas."),
                kInvalid, QStringLiteral("autoscaling"), QStringLiteral("invalid_value"));
        return false;
    }
    endpoint->minReplicas = minimum.toInt();
    endpoint->maxReplicas = maximum.toInt();
    return true;
}

bool readInactiveTimeout(const QJsonObject &body, StoredEndpoint *endpoint, Reply *failure)
{
    const QJsonValue value = body.value(QLatin1String("inactive_timeout"));
    if (value.isUndefined())
        return true;
    if (value.isNull()) {
        endpoint->inactiveTimeout.reset();
        return true;
    }
    if (!value.isDouble() || value.toDouble() < 0
            || value.toDouble() != std::floor(value.toDouble())) {
        *failure = SandboxServerPrivate::error(400,
                QStringLiteral("'inactive_timeout' is a whole number of minutes (0: never)."),
                kInvalid, QStringLiteral("inactive_timeout"), QStringLiteral("invalid_value"));
        return false;
    }
    endpoint->inactiveTimeout = value.toInt();
    return true;
}

void enter(StoredEndpoint &endpoint, const char *state)
{
    endpoint.state = QLatin1String(state);
    endpoint.phaseElapsed = 0;
    endpoint.idleSeconds = 0;
}

/// Moves one endpoint on by `seconds` of sandbox time.
void advance(StoredEndpoint &e, double seconds)
{
    while (seconds > 0) {
        if (e.state == QLatin1String("STARTED")) {
            e.billedSeconds += seconds;
            e.idleSeconds += seconds;
            const int timeout = e.inactiveTimeout.value_or(0);
            if (timeout > 0 && e.idleSeconds >= timeout * 60.0)
                enter(e, "STOPPING");
            return;
        }
        double length = 0;
        const char *next = nullptr;
        if (e.state == QLatin1String("PENDING")) {
            length = kPendingSeconds;
            next = "STARTING";
        } else if (e.state == QLatin1String("STARTING")) {
            length = kStartingSeconds;
            next = "STARTED";
        } else if (e.state == QLatin1String("STOPPING")) {
            length = kStoppingSeconds;
            next = "STOPPED";
        } else {
            return; // STOPPED and ERROR stay
        }
        const double needed = length - e.phaseElapsed;
        if (seconds < needed) {
            e.phaseElapsed += seconds;
            return;
        }
        seconds -= needed;
        enter(e, next);
    }
}

} // namespace

bool SandboxServerPrivate::anyEndpointTicking() const
{
    for (const StoredEndpoint &endpoint : endpoints) {
        if (endpoint.state != QLatin1String("STOPPED") && endpoint.state != QLatin1String("ERROR"))
            return true;
    }
    return false;
}

void SandboxServerPrivate::advanceEndpoints(double seconds)
{
    for (StoredEndpoint &endpoint : endpoints)
        advance(endpoint, seconds);
}

StoredEndpoint *SandboxServerPrivate::startedEndpointFor(const QString &model)
{
    for (StoredEndpoint &endpoint : endpoints) {
        if (endpoint.state == QLatin1String("STARTED")
                && (endpoint.model == model || endpoint.name == model))
            return &endpoint;
    }
    return nullptr;
}

Reply SandboxServerPrivate::routeTogetherEndpoints(const HttpRequest &request, const QStringList &s)
{
    const QByteArray &m = request.method;
    if (s.size() == 1)
        return m == "POST" ? createEndpoint(request)
                           : (m == "GET" ? listEndpoints() : notFoundPath(request));
    if (s.size() != 2)
        return notFoundPath(request);
    if (m == "GET")
        return retrieveEndpoint(s.at(1));
    if (m == "PATCH")
        return updateEndpoint(s.at(1), request);
    if (m == "DELETE")
        return deleteEndpoint(s.at(1));
    return notFoundPath(request);
}

Reply SandboxServerPrivate::createEndpoint(const HttpRequest &request)
{
    QJsonObject body;
    Reply failure;
    if (!parseJsonBody(request, &body, &failure))
        return failure;
    const QString model = body.value(QLatin1String("model")).toString();
    if (model.isEmpty())
        return missingParameter(QStringLiteral("model"));
    if (!findBaseModel(model) && !togetherJobByOutputName(model))
        return error(404,
                QStringLiteral("Model %1 was not found, or its fine-tuning job has not "
                               "completed.")
                        .arg(model),
                kInvalid, QStringLiteral("model"), QStringLiteral("model_not_found"));
    const Hardware *hardware = findHardware(body.value(QLatin1String("hardware")).toString());
    if (!hardware)
        return error(400,
                QStringLiteral("Unknown hardware '%1': see GET /hardware for the choices.")
                        .arg(body.value(QLatin1String("hardware")).toString()),
                kInvalid, QStringLiteral("hardware"), QStringLiteral("invalid_value"));
    StoredEndpoint endpoint;
    if (!readAutoscaling(body, &endpoint, &failure)
            || !readInactiveTimeout(body, &endpoint, &failure))
        return failure;
    endpoint.id = QStringLiteral("endpoint-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    endpoint.name = QStringLiteral("sandbox/%1-%2")
                            .arg(model.section(QLatin1Char('/'), -1)
                                            .replace(QLatin1Char(':'), QLatin1Char('-')),
                                    newId(QString(), 8).toLower());
    endpoint.displayName = body.value(QLatin1String("display_name")).toString(endpoint.name);
    endpoint.model = model;
    endpoint.hardware = QString::fromLatin1(hardware->id);
    endpoint.centsPerMinute = hardware->centsPerMinute;
    endpoint.createdAt = now();
    const bool stopped = body.value(QLatin1String("state")).toString() == QLatin1String("STOPPED");
    enter(endpoint, stopped ? "STOPPED" : "PENDING");
    auto it = endpoints.insert(endpoint.id, endpoint);
    ensureTicking();
    return json(endpointJson(*it));
}

Reply SandboxServerPrivate::listEndpoints() const
{
    QJsonArray data;
    for (const StoredEndpoint &endpoint : endpoints) {
        if (endpoint.dialect.isEmpty()) // Fireworks' deployments are listed under /fireworks
            data.append(endpointJson(endpoint));
    }
    return json(QJsonObject {
            {QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
}

Reply SandboxServerPrivate::retrieveEndpoint(const QString &id) const
{
    const auto it = endpoints.constFind(id);
    if (it == endpoints.constEnd())
        return endpointNotFound(id);
    return json(endpointJson(*it));
}

Reply SandboxServerPrivate::updateEndpoint(const QString &id, const HttpRequest &request)
{
    const auto it = endpoints.find(id);
    if (it == endpoints.end() || it->deleted)
        return endpointNotFound(id);
    QJsonObject body;
    Reply failure;
    if (!parseJsonBody(request, &body, &failure))
        return failure;
    StoredEndpoint changed = *it;
    if (!readInactiveTimeout(body, &changed, &failure)
            || (body.contains(QLatin1String("autoscaling"))
                    && !readAutoscaling(body, &changed, &failure)))
        return failure;
    const QString state = body.value(QLatin1String("state")).toString();
    if (state == QLatin1String("STOPPED") && changed.state != QLatin1String("STOPPED"))
        enter(changed, "STOPPING");
    else if (state == QLatin1String("STARTED") && changed.state == QLatin1String("STOPPED"))
        enter(changed, "PENDING");
    else if (!state.isEmpty() && state != QLatin1String("STARTED")
            && state != QLatin1String("STOPPED"))
        return error(400, QStringLiteral("'state' is STARTED or STOPPED."), kInvalid,
                QStringLiteral("state"), QStringLiteral("invalid_value"));
    changed.displayName = body.value(QLatin1String("display_name")).toString(changed.displayName);
    *it = changed;
    ensureTicking();
    return json(endpointJson(*it));
}

Reply SandboxServerPrivate::deleteEndpoint(const QString &id)
{
    const auto it = endpoints.find(id);
    if (it == endpoints.end() || it->deleted)
        return endpointNotFound(id);
    it->deleted = true;
    if (it->state != QLatin1String("STOPPED"))
        enter(*it, "STOPPING");
    ensureTicking();
    Reply reply;
    reply.status = 204;
    return reply;
}

} // namespace fs::sandbox
