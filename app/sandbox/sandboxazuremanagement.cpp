// SPDX-License-Identifier: GPL-3.0-or-later
// Azure OpenAI's deployments through Azure Resource Manager, at the root as in the published
// spec (cognitiveservices 2026-09-01): PUT/GET/DELETE …/accounts/{account}/deployments/{name}
// and the list, with a bearer token issued by the sandbox's sign-in (/login). A new deployment is
// Creating, then Succeeded; a Developer one is removed 24 hours after it was made.
#include "sandboxserver_p.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace fs::sandbox {

namespace {

const QString kApiVersion = QStringLiteral("2026-09-01");
const QString kProvider = QStringLiteral("Microsoft.CognitiveServices");
const QString kManagementAudience = QStringLiteral("https://management.azure.com");
// Sandbox seconds (times the time scale) a new deployment stays Creating.
constexpr double kCreatingSeconds = 10.0;
constexpr qint64 kDeveloperLifetimeMs = 24LL * 3600 * 1000;

Reply armError(int status, const QString &code, const QString &message)
{
    return SandboxServerPrivate::json(QJsonObject {{QStringLiteral("error"),
                                              QJsonObject {{QStringLiteral("code"), code},
                                                      {QStringLiteral("message"), message}}}},
            status);
}

Reply unauthenticated(const QString &code, const QString &message, const QString &description)
{
    Reply reply = armError(401, code, message);
    reply.headers.append({QByteArrayLiteral("WWW-Authenticate"),
            QStringLiteral("Bearer authorization_uri=\"https://login.microsoftonline.com/common\", "
                           "error=\"invalid_token\", error_description=\"%1\"")
                    .arg(description)
                    .toUtf8()});
    return reply;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool same(const QString &a, const char *b)
{
    return a.compare(QLatin1String(b), Qt::CaseInsensitive) == 0;
}

QString deploymentKey(const QString &subscription, const QString &resourceGroup,
        const QString &account, const QString &name)
{
    // Resource Manager compares names without regard to case.
    return QStringList {subscription, resourceGroup, account, name}
            .join(QLatin1Char('/'))
            .toLower();
}

/// DeveloperTier, Standard or GlobalStandard as written in Azure's docs (any case; the CLI's
/// "Developer" too); empty when unknown.
QString canonicalSku(const QString &name)
{
    if (same(name, "DeveloperTier") || same(name, "Developer"))
        return QStringLiteral("DeveloperTier");
    if (same(name, "Standard"))
        return QStringLiteral("Standard");
    if (same(name, "GlobalStandard"))
        return QStringLiteral("GlobalStandard");
    return {};
}

Reply methodNotAllowed(const QByteArray &method)
{
    return armError(405, QStringLiteral("HttpMethodNotAllowed"),
            QStringLiteral("The requested resource does not support http method '%1'.")
                    .arg(QString::fromLatin1(method)));
}

/// Only the api-version this sandbox implements.
bool checkApiVersion(const HttpRequest &request, Reply *failure)
{
    const QString version = request.query.queryItemValue(QStringLiteral("api-version"));
    if (!request.query.hasQueryItem(QStringLiteral("api-version")) || version.isEmpty()) {
        *failure = armError(400, QStringLiteral("MissingApiVersionParameter"),
                QStringLiteral("The api-version query parameter (?api-version=) is required for "
                               "all requests."));
        return false;
    }
    if (version != kApiVersion) {
        *failure = armError(400, QStringLiteral("NoRegisteredProviderFound"),
                QStringLiteral("No registered resource provider found for location 'sandbox' and "
                               "API version '%1' for type 'accounts'. The supported api-versions "
                               "are '%2'. The supported locations are 'sandbox'.")
                        .arg(version, kApiVersion));
        return false;
    }
    return true;
}

/// A deployment's sku names a known SKU; its model has a name and the OpenAI format.
bool checkSkuAndModel(const QJsonObject &sku, const QJsonObject &model, Reply *failure)
{
    const QString modelName = model.value(QLatin1String("name")).toString();
    if (canonicalSku(sku.value(QLatin1String("name")).toString()).isEmpty()) {
        *failure = armError(400, QStringLiteral("InvalidResourceProperties"),
                QStringLiteral("The specified SKU '%1' for model '%2' is not supported. Use "
                               "DeveloperTier, Standard or GlobalStandard.")
                        .arg(sku.value(QLatin1String("name")).toString(), modelName));
        return false;
    }
    if (modelName.isEmpty()
            || !same(model.value(QLatin1String("format")).toString(QStringLiteral("OpenAI")),
                    "OpenAI")) {
        *failure = armError(400, QStringLiteral("InvalidResourceProperties"),
                QStringLiteral("The deployment needs properties.model with a name and the "
                               "format 'OpenAI'."));
        return false;
    }
    return true;
}

/// The sku's capacity, when given: a whole number of at least 1.
bool checkCapacity(const QJsonValue &capacity, Reply *failure)
{
    if (!capacity.isUndefined()
            && (!capacity.isDouble() || capacity.toInt() < 1
                    || capacity.toDouble() != capacity.toInt())) {
        *failure = armError(400, QStringLiteral("InvalidCapacity"),
                QStringLiteral("The capacity must be a whole number of at least 1."));
        return false;
    }
    return true;
}

} // namespace

// ---- credentials ----------------------------------------------------------------------------

bool SandboxServerPrivate::managementAuthorized(const HttpRequest &request, Reply *failure) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.isEmpty()) {
        *failure = unauthenticated(QStringLiteral("AuthenticationFailed"),
                QStringLiteral("Authentication failed. The 'Authorization' header is missing."),
                QStringLiteral("The authentication failed because of missing 'Authorization' "
                               "header."));
        return false;
    }
    if (authorization.size() <= 7 || authorization.left(7).toLower() != "bearer ") {
        *failure = unauthenticated(QStringLiteral("AuthenticationFailed"),
                QStringLiteral("Authentication failed. The 'Authorization' header is provided in "
                               "an invalid format."),
                QStringLiteral("The authentication failed because of an invalid 'Authorization' "
                               "header."));
        return false;
    }
    const auto token = accessTokens.constFind(QString::fromUtf8(authorization.mid(7).trimmed()));
    if (token == accessTokens.constEnd()) {
        *failure = unauthenticated(QStringLiteral("InvalidAuthenticationToken"),
                QStringLiteral("The access token is invalid."),
                QStringLiteral("The access token is invalid."));
        return false;
    }
    if (token->audience != kManagementAudience) {
        *failure = unauthenticated(QStringLiteral("InvalidAuthenticationTokenAudience"),
                QStringLiteral("The access token has been obtained for wrong audience or resource "
                               "'%1'. It should exactly match with one of the allowed audiences "
                               "'https://management.core.windows.net/','https://"
                               "management.core.windows.net','https://management.azure.com/',"
                               "'https://management.azure.com'.")
                        .arg(token->audience),
                QStringLiteral("The access token has been obtained for wrong audience."));
        return false;
    }
    if (token->expiresAt <= now()) {
        *failure = unauthenticated(QStringLiteral("ExpiredAuthenticationToken"),
                QStringLiteral("The access token expiry UTC time '%1' is earlier than current UTC "
                               "time '%2'.")
                        .arg(isoTime(token->expiresAt * 1000), isoTime(now() * 1000)),
                QStringLiteral("The access token expiry UTC time is earlier than current UTC "
                               "time."));
        return false;
    }
    return true;
}

// ---- state ----------------------------------------------------------------------------------

QString SandboxServerPrivate::azureDeploymentState(const AzureDeployment &deployment) const
{
    const double creatingMs = kCreatingSeconds * options.timeScale * 1000.0;
    return nowMs() - deployment.createdMs < qint64(creatingMs) ? QStringLiteral("Creating")
                                                               : QStringLiteral("Succeeded");
}

void SandboxServerPrivate::expireAzureDeployments()
{
    for (auto it = azureDeployments.begin(); it != azureDeployments.end();) {
        if (it->skuName == QLatin1String("DeveloperTier")
                && nowMs() - it->createdMs >= kDeveloperLifetimeMs)
            it = azureDeployments.erase(it);
        else
            ++it;
    }
}

const AzureDeployment *SandboxServerPrivate::succeededAzureDeployment(const QString &name)
{
    expireAzureDeployments();
    for (const AzureDeployment &deployment : std::as_const(azureDeployments)) {
        if (deployment.name.compare(name, Qt::CaseInsensitive) == 0
                && azureDeploymentState(deployment) == QLatin1String("Succeeded"))
            return &deployment;
    }
    return nullptr;
}

bool SandboxServerPrivate::azureDeployable(
        const QString &model, QString *jobId, QString *servedModel) const
{
    jobId->clear();
    *servedModel = model;
    const auto base = models.constFind(model);
    if (base != models.constEnd() && base->jobId.isEmpty() && base->listed)
        return true;
    if (const StoredJob *job = azureJobByModel(model)) {
        *jobId = job->id;
        return true;
    }
    // A checkpoint, by its id (ftchkpt-…) or its model name, of a finished or paused job.
    for (const StoredJob &job : std::as_const(jobs)) {
        if (job.dialect != kAzureDialect)
            continue;
        for (const CheckpointRecord &checkpoint : job.checkpoints) {
            const bool ready = job.modelPublished || job.status == QLatin1String("paused");
            if (ready && (checkpoint.id == model || checkpoint.model == model)) {
                *jobId = job.id;
                *servedModel = checkpoint.model;
                return true;
            }
        }
    }
    return false;
}

QJsonObject SandboxServerPrivate::azureDeploymentJson(const AzureDeployment &d) const
{
    const QString id = QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/%3/accounts/"
                                      "%4/deployments/%5")
                               .arg(d.subscription, d.resourceGroup, kProvider, d.account, d.name);
    const QJsonObject properties {
            {QStringLiteral("model"),
                    QJsonObject {{QStringLiteral("format"), QStringLiteral("OpenAI")},
                            {QStringLiteral("name"), d.model},
                            {QStringLiteral("version"), d.modelVersion}}},
            {QStringLiteral("versionUpgradeOption"), QStringLiteral("NoAutoUpgrade")},
            {QStringLiteral("capabilities"),
                    QJsonObject {{QStringLiteral("chatCompletion"), QStringLiteral("true")}}},
            {QStringLiteral("provisioningState"), azureDeploymentState(d)},
            {QStringLiteral("currentCapacity"), d.capacity},
            {QStringLiteral("deploymentState"), QStringLiteral("Running")},
            {QStringLiteral("rateLimits"),
                    QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("request")},
                                        {QStringLiteral("renewalPeriod"), 10},
                                        {QStringLiteral("count"), d.capacity}},
                            QJsonObject {{QStringLiteral("key"), QStringLiteral("token")},
                                    {QStringLiteral("renewalPeriod"), 60},
                                    {QStringLiteral("count"), d.capacity * 1000}}}}};
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name"), d.name},
            {QStringLiteral("type"), QString(kProvider + QStringLiteral("/accounts/deployments"))},
            {QStringLiteral("sku"),
                    QJsonObject {{QStringLiteral("name"), d.skuName},
                            {QStringLiteral("capacity"), d.capacity}}},
            {QStringLiteral("systemData"),
                    QJsonObject {{QStringLiteral("createdBy"), d.createdBy},
                            {QStringLiteral("createdByType"), QStringLiteral("User")},
                            {QStringLiteral("createdAt"), isoTime(d.createdMs)},
                            {QStringLiteral("lastModifiedBy"), d.createdBy},
                            {QStringLiteral("lastModifiedByType"), QStringLiteral("User")},
                            {QStringLiteral("lastModifiedAt"), isoTime(d.modifiedMs)}}},
            {QStringLiteral("etag"), d.etag}, {QStringLiteral("properties"), properties}};
}

// ---- routing --------------------------------------------------------------------------------

Reply SandboxServerPrivate::routeAzureManagement(const HttpRequest &request, const QStringList &s)
{
    Reply failure;
    if (!checkApiVersion(request, &failure))
        return failure;
    static const QRegularExpression guid(QStringLiteral(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    const QString subscription = s.value(1);
    if (!guid.match(subscription).hasMatch())
        return armError(400, QStringLiteral("InvalidSubscriptionId"),
                QStringLiteral("The provided subscription identifier '%1' is malformed or "
                               "invalid.")
                        .arg(subscription));
    const qsizetype n = s.size();
    const QByteArray &m = request.method;
    // The status monitor a create points to (Azure-AsyncOperation).
    if (n == 8 && same(s.at(2), "providers") && same(s.at(3), "Microsoft.CognitiveServices")
            && same(s.at(4), "locations") && same(s.at(6), "operationResults") && m == "GET")
        return azureOperationStatus(request, s.at(7));
    const bool deploymentsPath = (n == 9 || n == 10) && same(s.at(2), "resourceGroups")
            && same(s.at(4), "providers") && same(s.at(5), "Microsoft.CognitiveServices")
            && same(s.at(6), "accounts") && same(s.at(8), "deployments");
    if (!deploymentsPath)
        return armError(404, QStringLiteral("NotFound"),
                QStringLiteral("No HTTP resource was found that matches the request URI '%1'.")
                        .arg(request.path));
    expireAzureDeployments();
    const QString resourceGroup = s.at(3);
    const QString account = s.at(7);
    if (n == 9) {
        if (m != "GET")
            return methodNotAllowed(m);
        return listAzureDeployments(deploymentKey(subscription, resourceGroup, account, QString()));
    }
    const QString name = s.at(9);
    const QString key = deploymentKey(subscription, resourceGroup, account, name);
    if (m == "GET") {
        const auto it = azureDeployments.constFind(key);
        if (it == azureDeployments.constEnd())
            return armError(404, QStringLiteral("DeploymentNotFound"),
                    QStringLiteral("Deployment '%1' not found.").arg(name));
        return json(azureDeploymentJson(*it));
    }
    if (m == "DELETE") {
        // 200 when it was there, 204 when there was nothing to delete (the spec's answers).
        Reply reply;
        reply.status = azureDeployments.remove(key) > 0 ? 200 : 204;
        reply.contentType.clear(); // no body
        return reply;
    }
    if (m != "PUT")
        return methodNotAllowed(m);
    AzureDeployment path;
    path.subscription = subscription;
    path.resourceGroup = resourceGroup;
    path.account = account;
    path.name = name;
    return putAzureDeployment(request, path, key);
}

Reply SandboxServerPrivate::azureOperationStatus(
        const HttpRequest &request, const QString &operation)
{
    expireAzureDeployments();
    const auto it = azureDeployments.constFind(QString::fromUtf8(QByteArray::fromBase64(
            operation.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    const QString status = it == azureDeployments.constEnd() ? QStringLiteral("Failed")
                                                             : azureDeploymentState(*it);
    return json(QJsonObject {{QStringLiteral("id"), request.path},
            {QStringLiteral("name"), operation}, {QStringLiteral("status"), status}});
}

Reply SandboxServerPrivate::listAzureDeployments(const QString &keyPrefix) const
{
    QJsonArray value;
    for (auto it = azureDeployments.cbegin(); it != azureDeployments.cend(); ++it) {
        if (it.key().startsWith(keyPrefix))
            value.append(azureDeploymentJson(*it));
    }
    return json(QJsonObject {{QStringLiteral("value"), value}});
}

Reply SandboxServerPrivate::putAzureDeployment(
        const HttpRequest &request, const AzureDeployment &path, const QString &key)
{
    QJsonObject body;
    Reply failure;
    if (!parseJsonBody(request, &body, &failure))
        return armError(400, QStringLiteral("InvalidRequestContent"),
                QStringLiteral("The request content was invalid and could not be deserialized."));
    const QJsonObject sku = body.value(QLatin1String("sku")).toObject();
    const QJsonObject model = body.value(QLatin1String("properties"))
                                      .toObject()
                                      .value(QLatin1String("model"))
                                      .toObject();
    const QString skuName = canonicalSku(sku.value(QLatin1String("name")).toString());
    const QString modelName = model.value(QLatin1String("name")).toString();
    if (!checkSkuAndModel(sku, model, &failure) || !checkDeployable(skuName, modelName, &failure)
            || !checkCapacity(sku.value(QLatin1String("capacity")), &failure))
        return failure;
    auto it = azureDeployments.find(key);
    const bool created = it == azureDeployments.end();
    if (created) {
        AzureDeployment deployment = path;
        deployment.createdMs = nowMs();
        deployment.createdBy = QStringLiteral("practice.user@sandbox.invalid");
        it = azureDeployments.insert(key, deployment);
    } else if (it->model != modelName) {
        return armError(409, QStringLiteral("Conflict"),
                QStringLiteral("The deployment '%1' already serves the model '%2'; delete it "
                               "first to deploy another model under this name.")
                        .arg(path.name, it->model));
    }
    const QJsonValue capacity = sku.value(QLatin1String("capacity"));
    it->model = modelName;
    it->modelVersion = model.value(QLatin1String("version")).toString(QStringLiteral("1"));
    it->skuName = skuName;
    it->capacity = capacity.isDouble() ? capacity.toInt() : 1;
    it->modifiedMs = nowMs();
    it->etag = QStringLiteral("\"%1\"").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    Reply reply = json(azureDeploymentJson(*it), created ? 201 : 200);
    if (created)
        addOperationHeaders(path.subscription, key, &reply);
    return reply;
}

bool SandboxServerPrivate::checkDeployable(
        const QString &skuName, const QString &modelName, Reply *failure) const
{
    QString jobId, served;
    if (!azureDeployable(modelName, &jobId, &served)) {
        *failure = armError(400, QStringLiteral("DeploymentModelNotSupported"),
                QStringLiteral("The model '%1' of format 'OpenAI' is not available in this "
                               "account: use a base model, a succeeded fine-tuned model or one of "
                               "its checkpoints.")
                        .arg(modelName));
        return false;
    }
    if (skuName == QLatin1String("DeveloperTier") && jobId.isEmpty()) {
        *failure = armError(400, QStringLiteral("InvalidResourceProperties"),
                QStringLiteral("The SKU 'DeveloperTier' is only available for fine-tuned models; "
                               "'%1' is a base model.")
                        .arg(modelName));
        return false;
    }
    return true;
}

void SandboxServerPrivate::addOperationHeaders(
        const QString &subscription, const QString &key, Reply *reply) const
{
    const QString operation = QString::fromLatin1(
            key.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString monitor =
            QStringLiteral("http://127.0.0.1:%1/subscriptions/%2/providers/%3/"
                           "locations/sandbox/operationResults/%4?api-version=%5")
                    .arg(QString::number(port), subscription, kProvider, operation, kApiVersion);
    reply->headers.append({QByteArrayLiteral("Azure-AsyncOperation"), monitor.toUtf8()});
    reply->headers.append({QByteArrayLiteral("Retry-After"),
            QByteArray::number(qMax(1, qRound(kCreatingSeconds * options.timeScale)))});
}

} // namespace fs::sandbox
