// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialect.h"

namespace fs {

/**
 * @brief OpenAI's wire shapes (also Azure OpenAI's data plane and OpenAI-compatible servers).
 *
 * Wraps the parsing of apitypes.h, after checking that each answer has the shape the API
 * promises (ids and statuses as text, lists of objects); what OpenAI lacks (LoRA settings, an
 * absolute learning rate, price estimates, deployments, a metrics list — its metrics come as
 * events) answers "OpenAI has no …" by value.
 */
class OpenAiDialect : public Dialect
{
public:
    QString id() const override { return QStringLiteral("openai"); }
    QString serviceName() const override { return QStringLiteral("OpenAI"); }

    Expected<HttpCall> listFiles(const FileListQuery &query) const override;
    Expected<Page<FileObject>> parseFileList(const HttpAnswer &answer) const override;
    Expected<HttpCall> retrieveFile(const QString &fileId) const override;
    Expected<FileObject> parseFile(const HttpAnswer &answer) const override;
    Expected<HttpCall> uploadFile(const QString &filename, const QByteArray &content,
            const QString &purpose) const override;
    Expected<HttpCall> deleteFile(const QString &fileId) const override;
    Expected<DeletedObject> parseDeleted(const HttpAnswer &answer) const override;
    Expected<HttpCall> fileContent(const QString &fileId) const override;

    Expected<HttpCall> createJob(const CreateJobRequest &request) const override;
    Expected<FineTuningJob> parseJob(const HttpAnswer &answer) const override;
    Expected<HttpCall> listJobs(const QString &after, int limit) const override;
    Expected<Page<FineTuningJob>> parseJobList(const HttpAnswer &answer) const override;
    Expected<HttpCall> retrieveJob(const QString &jobId) const override;
    Expected<HttpCall> cancelJob(const QString &jobId) const override;
    Expected<HttpCall> pauseJob(const QString &jobId) const override;
    Expected<HttpCall> resumeJob(const QString &jobId) const override;
    Expected<HttpCall> listEvents(
            const QString &jobId, const QString &after, int limit) const override;
    Expected<Page<JobEvent>> parseEvents(const HttpAnswer &answer) const override;
    Expected<HttpCall> listCheckpoints(const QString &jobId) const override;
    Expected<Page<Checkpoint>> parseCheckpoints(
            const HttpAnswer &answer, const QString &jobId) const override;

    Expected<HttpCall> listModels() const override;
    Expected<QList<ModelObject>> parseModelList(const HttpAnswer &answer) const override;
    Expected<HttpCall> listBaseModels() const override;
    Expected<QList<ModelObject>> parseModels(const HttpAnswer &answer) const override;

    Expected<HttpCall> chat(const ChatRequest &request, bool stream) const override;
    Expected<ChatCompletion> parseChat(const HttpAnswer &answer) const override;

protected:
    /// The form fields sent before the file in an upload, in order: `purpose` here.
    virtual QList<QPair<QString, QString>> uploadFields(const QString &purpose) const;
    /// The answer's object when `keys` hold text in it; else a sentence naming what is wrong
    /// (a wrong shape is an error, never a blank row).
    Expected<QJsonObject> describedObject(
            const HttpAnswer &answer, const QString &what, const QStringList &keys) const;
    /// The answer's object when it is a list: "data" an array whose entries are objects with
    /// text in `keys`, "has_more" (when given) true or false; else a sentence.
    Expected<QJsonObject> listObject(
            const HttpAnswer &answer, const QString &what, const QStringList &keys) const;
};

} // namespace fs
