// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialect.h"

namespace fs {

/**
 * @brief Together AI's wire shapes (https://api.together.xyz/v1), after its published OpenAPI
 * spec (shared/reference/together/openapi.yaml) and the upload flow of its own clients.
 *
 * Statuses map onto the domain's (the service's word is kept in statusText, also for values
 * that appear later); per-step metrics come from /fine-tunes/{id}/metrics as flat objects
 * ({"train/loss": 0.5, "train/global_step": 7}); a fine-tuned model answers only through a
 * dedicated endpoint (a Deployment).
 */
class TogetherDialect : public Dialect
{
public:
    QString id() const override { return QStringLiteral("together"); }
    QString serviceName() const override { return QStringLiteral("Together AI"); }

    /// Together's job status → the domain's; unknown words → Unknown (statusText keeps them).
    static FineTuningJob::Status jobStatus(const QString &text);
    /// Together's endpoint state → the domain's.
    static Deployment::State deploymentState(const QString &text);
    /// Unix seconds from Together's date-times ("2023-05-17T17:35:45.123Z",
    /// "2025-02-04 10:43:55.405000+00:00") or a number of seconds; 0 when unreadable.
    static qint64 timeFromJson(const QJsonValue &value);

    Expected<HttpCall> listFiles(const FileListQuery &query) const override;
    Expected<Page<FileObject>> parseFileList(const HttpAnswer &answer) const override;
    Expected<HttpCall> retrieveFile(const QString &fileId) const override;
    Expected<FileObject> parseFile(const HttpAnswer &answer) const override;
    Expected<HttpCall> uploadFile(const QString &filename, const QByteArray &content,
            const QString &purpose) const override;
    Expected<HttpCall> startPresignedUpload(
            const QString &filename, const QString &purpose) const override;
    Expected<PresignedUpload> parsePresignedUpload(const HttpAnswer &answer) const override;
    Expected<HttpCall> putPresigned(const QUrl &url, const QByteArray &content) const override;
    Expected<HttpCall> deleteFile(const QString &fileId) const override;
    Expected<DeletedObject> parseDeleted(const HttpAnswer &answer) const override;
    Expected<HttpCall> fileContent(const QString &fileId) const override;

    Expected<HttpCall> createJob(const CreateJobRequest &request) const override;
    Expected<FineTuningJob> parseJob(const HttpAnswer &answer) const override;
    Expected<HttpCall> listJobs(const QString &after, int limit) const override;
    Expected<Page<FineTuningJob>> parseJobList(const HttpAnswer &answer) const override;
    Expected<HttpCall> retrieveJob(const QString &jobId) const override;
    Expected<HttpCall> cancelJob(const QString &jobId) const override;
    Expected<HttpCall> listEvents(
            const QString &jobId, const QString &after, int limit) const override;
    Expected<Page<JobEvent>> parseEvents(const HttpAnswer &answer) const override;
    Expected<HttpCall> listCheckpoints(const QString &jobId) const override;
    Expected<Page<Checkpoint>> parseCheckpoints(
            const HttpAnswer &answer, const QString &jobId) const override;
    Expected<HttpCall> listMetrics(const QString &jobId, int fromStep) const override;
    Expected<MetricsPage> parseMetrics(const HttpAnswer &answer, int fromStep) const override;
    Expected<HttpCall> estimatePrice(const CreateJobRequest &request) const override;
    Expected<PriceEstimate> parsePriceEstimate(const HttpAnswer &answer) const override;

    Expected<HttpCall> listModels() const override;
    Expected<QList<ModelObject>> parseModelList(const HttpAnswer &answer) const override;
    Expected<HttpCall> listBaseModels() const override;
    Expected<QList<ModelObject>> parseModels(const HttpAnswer &answer) const override;
    Expected<HttpCall> modelLimits(const QString &model) const override;
    Expected<ModelLimits> parseModelLimits(const HttpAnswer &answer) const override;

    Expected<HttpCall> listHardware(const QString &model) const override;
    Expected<QList<HardwareOption>> parseHardware(const HttpAnswer &answer) const override;
    Expected<HttpCall> createDeployment(const DeploymentRequest &request) const override;
    Expected<Deployment> parseDeployment(const HttpAnswer &answer) const override;
    Expected<HttpCall> retrieveDeployment(const QString &deploymentId) const override;
    Expected<HttpCall> listDeployments() const override;
    Expected<QList<Deployment>> parseDeployments(const HttpAnswer &answer) const override;
    Expected<HttpCall> deleteDeployment(const QString &deploymentId) const override;

    Expected<HttpCall> chat(const ChatRequest &request, bool stream) const override;
    Expected<ChatCompletion> parseChat(const HttpAnswer &answer) const override;

private:
    Expected<FineTuningJob> jobFromJson(const QJsonObject &object) const;
    Expected<Deployment> deploymentFromJson(const QJsonObject &object) const;
    Expected<QJsonObject> trainingBody(const CreateJobRequest &request) const;
    /// The `data` array of a list answer, or an error naming `what`.
    Expected<QJsonArray> listData(const HttpAnswer &answer, const QString &what) const;
};

} // namespace fs
