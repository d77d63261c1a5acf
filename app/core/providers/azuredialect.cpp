// SPDX-License-Identifier: GPL-3.0-or-later
#include "azuredialect.h"

#include "modelregistry.h"
#include "togetherdialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>

namespace fs {

namespace {

Deployment::State stateFromProvisioning(const QString &text)
{
    using State = Deployment::State;
    const QString word = text.toLower();
    if (word == QLatin1String("accepted") || word == QLatin1String("creating"))
        return State::Starting;
    if (word == QLatin1String("succeeded"))
        return State::Running;
    if (word == QLatin1String("deleting"))
        return State::Stopping;
    if (word == QLatin1String("failed"))
        return State::Failed;
    if (word == QLatin1String("canceled") || word == QLatin1String("disabled"))
        return State::Stopped;
    return State::Unknown; // "Moving" and words not yet known: followed as billing
}

bool isFineTunedModel(const QString &model)
{
    return ModelRegistry::provider(ProviderKind::AzureOpenAI).parseFineTuned(model).isValid();
}

/// A deployment type with its hourly price from the model registry's data (openai.json,
/// "azureDeploymentPrices"), which says where the figure comes from and whether it is an estimate.
HardwareOption deploymentType(const QString &sku, const QString &name)
{
    const HardwareOption *registered =
            ModelRegistry::provider(ProviderKind::AzureOpenAI).deploymentPrice(sku);
    HardwareOption option = registered ? *registered : HardwareOption();
    option.id = sku;
    option.name = name;
    option.availability = HardwareOption::Availability::Available;
    return option;
}

} // namespace

AzureDialect::AzureDialect(AzureManagement management, QUrl managementRoot)
    : m_management(std::move(management))
    , m_root(std::move(managementRoot))
{
}

void AzureDialect::applyAzureStatus(FineTuningJob &job)
{
    using Status = FineTuningJob::Status;
    const QString word = job.statusText.toLower();
    if (word == QLatin1String("pausing") || word == QLatin1String("resuming"))
        job.status = Status::Running; // it trains until it has paused
    else if (word == QLatin1String("canceled") || word == QLatin1String("cancelling"))
        job.status = word == QLatin1String("canceled") ? Status::Cancelled : Status::Running;
    else if (word == QLatin1String("notrunning"))
        job.status = Status::Queued;
}

QList<QPair<QString, QString>> AzureDialect::uploadFields(const QString &purpose) const
{
    return OpenAiDialect::uploadFields(purpose)
            << qMakePair(QStringLiteral("expires_after[anchor]"), QStringLiteral("created_at"))
            << qMakePair(QStringLiteral("expires_after[seconds]"),
                       QString::number(kFileExpirySeconds));
}

Expected<FineTuningJob> AzureDialect::parseJob(const HttpAnswer &answer) const
{
    Expected<FineTuningJob> job = OpenAiDialect::parseJob(answer);
    if (job.ok())
        applyAzureStatus(job.value());
    return job;
}

Expected<Page<FineTuningJob>> AzureDialect::parseJobList(const HttpAnswer &answer) const
{
    Expected<Page<FineTuningJob>> page = OpenAiDialect::parseJobList(answer);
    if (page.ok()) {
        for (FineTuningJob &job : page.value().data)
            applyAzureStatus(job);
    }
    return page;
}

std::optional<QList<HardwareOption>> AzureDialect::fixedHardware(const QString &) const
{
    return QList<HardwareOption> {
            deploymentType(developerSku(),
                    tr("Developer (no hosting fee; Azure removes it after %1 hours)")
                            .arg(kDeveloperLifetimeHours)),
            deploymentType(standardSku(), tr("Standard (a hosting fee for as long as it exists)"))};
}

QString AzureDialect::deploymentNameFor(const QString &model)
{
    static const QRegularExpression invalid(QStringLiteral("[^A-Za-z0-9._-]"));
    QString name = model.trimmed();
    name.replace(invalid, QStringLiteral("-"));
    while (name.startsWith(QLatin1Char('-')) || name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    constexpr int kMax = 64;
    if (name.size() > kMax)
        name = name.right(kMax);
    while (name.startsWith(QLatin1Char('-')) || name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    return name;
}

Expected<HttpCall> AzureDialect::managementCall(const QByteArray &verb, const QString &name) const
{
    if (!m_management.isComplete())
        return invalidRequest(m_management.missingText());
    // Azure Resource Manager refuses anything else (400 InvalidSubscriptionId): say so first.
    if (QUuid::fromString(m_management.subscription.trimmed()).isNull())
        return invalidRequest(
                tr("“%1” is not a subscription ID. It is a long id such as "
                   "1234abcd-12ab-34cd-56ef-1234567890ab, shown as “Subscription ID” on the "
                   "resource's Overview page in the Azure portal. Correct it in Settings › "
                   "Connections.")
                        .arg(m_management.subscription.trimmed()));
    if (m_management.accessToken.isEmpty())
        return invalidRequest(
                tr("Sign in with Microsoft first: deployments on Azure are made with your "
                   "Microsoft account, not with the API key."));
    QUrl url = m_root.isEmpty() ? QUrl(AzureManagement::defaultManagementUrl()) : m_root;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    path += m_management.deploymentsPath();
    if (!name.isEmpty())
        path += QLatin1Char('/') + encodedPathSegment(name);
    url.setPath(path, QUrl::TolerantMode);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("api-version"), AzureManagement::apiVersion());
    url.setQuery(query);
    HttpCall call;
    call.verb = verb;
    call.absoluteUrl = url;
    call.headers.append({QByteArray("Authorization"),
            QByteArray("Bearer ") + m_management.accessToken.toUtf8()});
    call.headers.append({QByteArray("Accept"), QByteArray("application/json")});
    return call;
}

Expected<HttpCall> AzureDialect::createDeployment(const DeploymentRequest &request) const
{
    const QString sku = request.hardware.isEmpty() ? developerSku() : request.hardware;
    if (sku != developerSku() && sku != standardSku() && sku != QLatin1String("GlobalStandard"))
        return invalidRequest(
                tr("Azure has no deployment type “%1”: choose Developer or Standard.").arg(sku));
    // Only fine-tunes and their checkpoints: a base model's deployment would be hidden from the
    // list (parseDeployments) and so bill unseen.
    if (!isFineTunedModel(request.model) && !request.model.startsWith(QLatin1String("ftchkpt-")))
        return invalidRequest(
                tr("“%1” is a base model, not one you fine-tuned. The app deploys only "
                   "fine-tuned models on Azure; deploy base models in the Azure portal.")
                        .arg(request.model));
    const QString name =
            deploymentNameFor(request.displayName.isEmpty() ? request.model : request.displayName);
    if (name.size() < 2)
        return invalidRequest(
                tr("“%1” cannot be deployed on Azure: a deployment needs a name of at least two "
                   "letters or digits.")
                        .arg(request.model));
    Expected<HttpCall> call = managementCall("PUT", name);
    if (!call.ok())
        return call;
    const QJsonObject body {
            {QStringLiteral("sku"),
                    QJsonObject {{QStringLiteral("name"), sku}, {QStringLiteral("capacity"), 1}}},
            {QStringLiteral("properties"),
                    QJsonObject {{QStringLiteral("model"),
                            QJsonObject {{QStringLiteral("format"), QStringLiteral("OpenAI")},
                                    {QStringLiteral("name"), request.model},
                                    {QStringLiteral("version"), QStringLiteral("1")}}}}},
    };
    call.value().body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.value().contentType = "application/json";
    return call;
}

Deployment AzureDialect::deploymentFromJson(const QJsonObject &object)
{
    const QJsonObject properties = object.value(QLatin1String("properties")).toObject();
    const QJsonObject sku = object.value(QLatin1String("sku")).toObject();
    Deployment deployment;
    deployment.name = object.value(QLatin1String("name")).toString();
    deployment.id = deployment.name; // the management paths name a deployment by its name
    deployment.displayName = deployment.name;
    deployment.model = properties.value(QLatin1String("model"))
                               .toObject()
                               .value(QLatin1String("name"))
                               .toString();
    deployment.hardware = sku.value(QLatin1String("name")).toString();
    deployment.stateText = properties.value(QLatin1String("provisioningState")).toString();
    deployment.state = stateFromProvisioning(deployment.stateText);
    deployment.createdAt = TogetherDialect::timeFromJson(
            object.value(QLatin1String("systemData")).toObject().value(QLatin1String("createdAt")));
    // Hosting prices are those of fine-tuned models; a base model's deployment bills by token.
    const HardwareOption *price =
            ModelRegistry::provider(ProviderKind::AzureOpenAI).deploymentPrice(deployment.hardware);
    if (price && (isFineTunedModel(deployment.model) || price->pricePerHour == 0.0)) {
        deployment.pricePerHour = price->pricePerHour;
        deployment.priceIsEstimate = price->priceIsEstimate;
    }
    deployment.raw = object;
    return deployment;
}

Expected<Deployment> AzureDialect::parseDeployment(const HttpAnswer &answer) const
{
    const auto object = answerObject(answer, tr("a deployment"));
    if (!object.ok())
        return object.error();
    const Deployment deployment = deploymentFromJson(object.value());
    if (deployment.name.isEmpty())
        return unexpected(tr("Azure answered, but not with a deployment (it has no name)."));
    return deployment;
}

Expected<HttpCall> AzureDialect::retrieveDeployment(const QString &deploymentId) const
{
    return managementCall("GET", deploymentId);
}

Expected<HttpCall> AzureDialect::listDeployments() const
{
    return managementCall("GET", QString());
}

Expected<QList<Deployment>> AzureDialect::parseDeployments(const HttpAnswer &answer) const
{
    const auto object = answerObject(answer, tr("the deployments"));
    if (!object.ok())
        return object.error();
    const QJsonValue value = object.value().value(QLatin1String("value"));
    if (!value.isArray())
        return unexpected(tr("Azure answered, but not with a list of deployments."));
    QList<Deployment> list;
    for (const QJsonValue &item : value.toArray()) {
        const Deployment deployment = deploymentFromJson(item.toObject());
        // Base-model deployments are not the app's to follow, bill or stop.
        if (!deployment.name.isEmpty() && isFineTunedModel(deployment.model))
            list.append(deployment);
    }
    return list;
}

Expected<HttpCall> AzureDialect::deleteDeployment(const QString &deploymentId) const
{
    Expected<HttpCall> call = managementCall("DELETE", deploymentId);
    if (call.ok())
        call.value().expectJson = false; // 200, 202 (Location) or 204, often without a body
    return call;
}

} // namespace fs
