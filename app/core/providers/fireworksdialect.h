// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialect.h"

namespace fs {

/**
 * @brief Fireworks AI's wire shapes (https://api.fireworks.ai), after the REST shapes its
 * official SDK sends and parses (shared/reference/fireworks/API-NOTES.md).
 *
 * Control-plane paths name the account (/v1/accounts/{account}/…), JSON is lowerCamelCase and
 * resources are full names (accounts/{a}/datasets/{id}). A file is a dataset: created empty,
 * filled (one multipart :upload, or a signed URL, :validateUpload), READY once checked. Jobs are
 * supervisedFineTuningJobs (no cancel: deleting stops one); metrics come from the file the job
 * names in metricsFileSignedUrl; a fine-tuned model answers through an on-demand deployment,
 * chat at /inference/v1/chat/completions with `model` = "<model>#<deployment name>".
 */
class FireworksDialect : public Dialect
{
public:
    explicit FireworksDialect(const QString &account)
        : m_account(account)
    {
    }

    QString id() const override { return QStringLiteral("fireworks"); }
    QString serviceName() const override { return QStringLiteral("Fireworks AI"); }
    QString account() const { return m_account; }

    /// JOB_STATE_* → the domain's; unknown words → Unknown (statusText keeps them).
    static FineTuningJob::Status jobStatus(const QString &state);
    /// A deployment's state (CREATING, READY, …) → the domain's.
    static Deployment::State deploymentState(const QString &state);
    /// The last segment of a resource name ("accounts/a/datasets/x" → "x"); ids stay as they are.
    static QString shortId(const QString &name);
    /// A dataset id Fireworks accepts, made from a file name and something unique: lower-case
    /// letters, digits and '-', starting with a letter, at most 63 characters.
    static QString datasetIdFor(const QString &filename, const QString &unique);
    /// Files up to this size go in one :upload request (the SDK's docstring: "up to 150Mb").
    static constexpr qint64 kDirectUploadLimit = 150LL * 1024 * 1024;

    Expected<HttpCall> listFiles(const FileListQuery &query) const override;
    Expected<Page<FileObject>> parseFileList(const HttpAnswer &answer) const override;
    Expected<HttpCall> retrieveFile(const QString &fileId) const override;
    Expected<FileObject> parseFile(const HttpAnswer &answer) const override;
    Expected<HttpCall> putPresigned(const QUrl &url, const QByteArray &content) const override;
    Expected<HttpCall> deleteFile(const QString &fileId) const override;
    Expected<DeletedObject> parseDeleted(const HttpAnswer &answer) const override;
    Expected<HttpCall> fileContent(const QString &fileId) const override;

    bool uploadsIntoDatasets() const override { return true; }
    Expected<HttpCall> createDataset(const QString &datasetId, const QString &filename,
            std::optional<qint64> examples) const override;
    Expected<HttpCall> uploadToDataset(const QString &datasetId, const QString &filename,
            const QByteArray &content) const override;
    Expected<HttpCall> datasetUploadEndpoint(
            const QString &datasetId, const QString &filename, qint64 bytes) const override;
    Expected<PresignedUpload> parseDatasetUploadEndpoint(const HttpAnswer &answer,
            const QString &datasetId, const QString &filename) const override;
    Expected<HttpCall> validateDatasetUpload(const QString &datasetId) const override;

    Expected<HttpCall> createJob(const CreateJobRequest &request) const override;
    Expected<FineTuningJob> parseJob(const HttpAnswer &answer) const override;
    Expected<HttpCall> listJobs(const QString &after, int limit) const override;
    Expected<Page<FineTuningJob>> parseJobList(const HttpAnswer &answer) const override;
    Expected<HttpCall> retrieveJob(const QString &jobId) const override;
    Expected<HttpCall> cancelJob(const QString &jobId) const override;
    Expected<HttpCall> deleteJob(const QString &jobId) const override;
    Expected<HttpCall> listMetrics(const QString &jobId, int fromStep) const override;
    bool metricsInFile() const override { return true; }
    Expected<std::optional<HttpCall>> metricsFileCall(const HttpAnswer &jobAnswer) const override;
    Expected<MetricsPage> parseMetrics(const HttpAnswer &answer, int fromStep) const override;

    Expected<HttpCall> listModels() const override;
    Expected<QList<ModelObject>> parseModelList(const HttpAnswer &answer) const override;
    Expected<HttpCall> listBaseModels() const override;
    Expected<QList<ModelObject>> parseModels(const HttpAnswer &answer) const override;

    std::optional<QList<HardwareOption>> documentedHardware() const override;
    Expected<HttpCall> createDeployment(const DeploymentRequest &request) const override;
    Expected<Deployment> parseDeployment(const HttpAnswer &answer) const override;
    Expected<HttpCall> retrieveDeployment(const QString &deploymentId) const override;
    Expected<HttpCall> listDeployments() const override;
    Expected<QList<Deployment>> parseDeployments(const HttpAnswer &answer) const override;
    Expected<HttpCall> deleteDeployment(const QString &deploymentId) const override;

    Expected<HttpCall> chat(const ChatRequest &request, bool stream) const override;
    Expected<ChatCompletion> parseChat(const HttpAnswer &answer) const override;

private:
    /// "/v1/accounts/{account}" + `rest`, or an error asking for the account id.
    Expected<QString> accountPath(const QString &rest) const;
    /// A call without a body to accountPath(`rest`).
    Expected<HttpCall> accountCall(const QByteArray &verb, const QString &rest,
            const QList<QPair<QString, QString>> &query = {}) const;
    /// `collection` + "/" + the short id of `id`, encoded: one item's path under the account.
    static QString itemPath(const QString &collection, const QString &id);
    /// `id` as a full resource name under this account ("accounts/{a}/{collection}/{id}").
    QString resourceName(const QString &collection, const QString &id) const;
    Expected<FineTuningJob> jobFromJson(const QJsonObject &object) const;
    Expected<FileObject> datasetFromJson(const QJsonObject &object) const;
    Expected<Deployment> deploymentFromJson(const QJsonObject &object) const;
    /// The `key` array of a list answer (each entry an object) and its nextPageToken.
    Expected<QJsonArray> listItems(const HttpAnswer &answer, QLatin1String key, const QString &what,
            QString *nextPageToken) const;

    QString m_account;
};

} // namespace fs
