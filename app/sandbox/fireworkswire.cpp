// SPDX-License-Identifier: GPL-3.0-or-later
#include "fireworkswire.h"

#include <QDateTime>
#include <QJsonDocument>

namespace fs::sandbox::fireworks {

const QStringList &baseModels()
{
    // research note §3.1: Fireworks' tunable catalogue (Llama, Qwen).
    static const QStringList list = {
            QStringLiteral("accounts/fireworks/models/llama-v3p1-8b-instruct"),
            QStringLiteral("accounts/fireworks/models/llama-v3p3-70b-instruct"),
            QStringLiteral("accounts/fireworks/models/qwen3-8b"),
            QStringLiteral("accounts/fireworks/models/qwen2p5-7b-instruct")};
    return list;
}

bool isBaseModel(const QString &name)
{
    return baseModels().contains(name);
}

const QStringList &accelerators()
{
    static const QStringList list = {QStringLiteral("NVIDIA_A100_80GB"),
            QStringLiteral("NVIDIA_H100_80GB"), QStringLiteral("NVIDIA_H200_141GB"),
            QStringLiteral("NVIDIA_B200_180GB"), QStringLiteral("AMD_MI300X_192GB")};
    return list;
}

QString rfc3339(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

QString jobState(const StoredJob &job)
{
    const QString &s = job.status;
    if (s == QLatin1String("validating_files"))
        return QStringLiteral("JOB_STATE_VALIDATING");
    if (s == QLatin1String("queued"))
        return QStringLiteral("JOB_STATE_PENDING");
    if (s == QLatin1String("running"))
        return QStringLiteral("JOB_STATE_RUNNING");
    if (s == QLatin1String("paused"))
        return QStringLiteral("JOB_STATE_PAUSED");
    if (s == QLatin1String("succeeded"))
        return QStringLiteral("JOB_STATE_COMPLETED");
    if (s == QLatin1String("failed"))
        return QStringLiteral("JOB_STATE_FAILED");
    if (s == QLatin1String("cancelled"))
        return QStringLiteral("JOB_STATE_CANCELLED");
    return QStringLiteral("JOB_STATE_UNSPECIFIED");
}

QString deploymentState(const StoredEndpoint &endpoint)
{
    const QString &s = endpoint.state;
    if (s == QLatin1String("PENDING") || s == QLatin1String("STARTING"))
        return QStringLiteral("CREATING");
    if (s == QLatin1String("STARTED"))
        return QStringLiteral("READY");
    if (s == QLatin1String("STOPPING"))
        return QStringLiteral("DELETING");
    if (s == QLatin1String("STOPPED"))
        return QStringLiteral("DELETED");
    if (s == QLatin1String("ERROR"))
        return QStringLiteral("FAILED");
    return QStringLiteral("STATE_UNSPECIFIED");
}

Reply onePage(const QString &key, const QJsonArray &items)
{
    return SandboxServerPrivate::json(
            QJsonObject {{key, items}, {QStringLiteral("nextPageToken"), QString()}});
}

bool readBody(const HttpRequest &request, QJsonObject *body, Reply *failure)
{
    if (SandboxServerPrivate::parseJsonBody(request, body, failure))
        return true;
    *failure = error(400, QStringLiteral("The body is not a JSON object."));
    return false;
}

bool requiredText(const QJsonObject &body, const char *name, QString *value, Reply *failure)
{
    *value = body.value(QLatin1String(name)).toString();
    if (!value->isEmpty())
        return true;
    *failure = error(400, QStringLiteral("%1 is required.").arg(QLatin1String(name)));
    return false;
}

Reply noSuchPath(const HttpRequest &request)
{
    return error(404, QStringLiteral("No such path: %1").arg(request.path));
}

Reply error(int httpStatus, const QString &message)
{
    // google.rpc codes by HTTP status, as grpc-gateway maps them.
    int code = 2; // UNKNOWN
    switch (httpStatus) {
    case 400:
        code = 3; // INVALID_ARGUMENT
        break;
    case 401:
        code = 16; // UNAUTHENTICATED
        break;
    case 403:
        code = 7; // PERMISSION_DENIED
        break;
    case 404:
        code = 5; // NOT_FOUND
        break;
    case 409:
        code = 6; // ALREADY_EXISTS
        break;
    case 412:
        code = 9; // FAILED_PRECONDITION
        break;
    case 429:
        code = 8; // RESOURCE_EXHAUSTED
        break;
    default:
        break;
    }
    Reply reply;
    reply.status = httpStatus;
    reply.body = QJsonDocument(
            QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
                    {QStringLiteral("details"), QJsonArray()}})
                         .toJson(QJsonDocument::Compact);
    return reply;
}

QString lastSegment(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
}

} // namespace fs::sandbox::fireworks
