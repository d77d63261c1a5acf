// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "azuremanagement.h"
#include "openaidialect.h"

namespace fs {

/**
 * @brief Azure OpenAI: OpenAI's wire shapes on the data plane (`{endpoint}/openai/v1`, the
 * `api-key` header) with Azure's variations, and deployments through Azure's management API.
 *
 * - Jobs: Azure's statuses include "pausing" (still running until it has paused) and
 *   "resuming"; "pending" is queued. Fine-tuned models are named `<base>.ft-<job id>`.
 * - Deployments: `PUT/GET/DELETE {management}/subscriptions/{sub}/resourceGroups/{rg}/providers/
 *   Microsoft.CognitiveServices/accounts/{account}/deployments/{name}?api-version=2026-09-01`
 *   with the Microsoft sign-in's bearer token (the API key does not work there). The deployment
 *   types are fixed (fixedHardware()): Developer (`DeveloperTier`, no hosting fee, removed by
 *   Azure after 24 hours) and Standard (an hourly hosting fee). Only deployments of fine-tuned
 *   models are listed: base-model deployments are the person's own business and never stopped.
 */
class AzureDialect : public OpenAiDialect
{
public:
    /// Parsing works without details; deployment calls need `management` complete and signed in.
    explicit AzureDialect(AzureManagement management = {}, QUrl managementRoot = {});

    QString id() const override { return QStringLiteral("azure"); }
    QString serviceName() const override { return QStringLiteral("Azure OpenAI"); }

    Expected<FineTuningJob> parseJob(const HttpAnswer &answer) const override;
    Expected<Page<FineTuningJob>> parseJobList(const HttpAnswer &answer) const override;

    std::optional<QList<HardwareOption>> fixedHardware(const QString &model) const override;
    Expected<HttpCall> createDeployment(const DeploymentRequest &request) const override;
    Expected<Deployment> parseDeployment(const HttpAnswer &answer) const override;
    Expected<HttpCall> retrieveDeployment(const QString &deploymentId) const override;
    Expected<HttpCall> listDeployments() const override;
    Expected<QList<Deployment>> parseDeployments(const HttpAnswer &answer) const override;
    Expected<HttpCall> deleteDeployment(const QString &deploymentId) const override;

    /// How long an uploaded file is kept: Azure's longest, 30 days (`expires_after`, 14 to 30
    /// days). Files without an expiry count against a quota of 500 per resource.
    static constexpr int kFileExpirySeconds = 30 * 24 * 3600;

    static QString developerSku() { return QStringLiteral("DeveloperTier"); }
    static QString standardSku() { return QStringLiteral("Standard"); }
    /// Developer deployments are removed by Azure this long after they were made.
    static constexpr int kDeveloperLifetimeHours = 24;

    /// The deployment name the app gives `model`: Azure allows letters, digits, "-", "_" and
    /// "." up to 64 characters; anything else becomes "-", and a long name keeps its end (the
    /// job id) so two fine-tunes of one base never share a name.
    static QString deploymentNameFor(const QString &model);
    /// Azure's job status words mapped onto the domain's (with `statusText` kept).
    static void applyAzureStatus(FineTuningJob &job);
    /// One management-plane deployment object read into the domain.
    static Deployment deploymentFromJson(const QJsonObject &object);

protected:
    /// Azure's v1 spec requires `expires_after` with an upload: sent as
    /// `expires_after[anchor]=created_at` and `expires_after[seconds]`, the form the `openai`
    /// clients use and Microsoft's v1 how-to passes.
    QList<QPair<QString, QString>> uploadFields(const QString &purpose) const override;

private:
    Expected<HttpCall> managementCall(const QByteArray &verb, const QString &name) const;

    AzureManagement m_management;
    QUrl m_root;
};

} // namespace fs
