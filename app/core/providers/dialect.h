// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain.h"
#include "httpcall.h"

#include <QCoreApplication>

#include <memory>
#include <optional>
#include <utility>

namespace fs {

class Multipart;
struct Connection;

/// Why a dialect could not build a call or read an answer: a sentence for people.
struct DialectError
{
    enum class Kind {
        Unsupported, ///< the service has no such operation ("OpenAI has no deployments")
        InvalidRequest, ///< the request asks for something the service cannot take
        UnexpectedAnswer, ///< the answer is not of the shape the service documents
    };
    Kind kind = Kind::UnexpectedAnswer;
    QString message; ///< translated, plain words

    /// The code ApiError carries for it ("unsupported_operation", "invalid_request",
    /// "unexpected_answer").
    QString code() const;
};

/// A value or the reason there is none. Dialects return errors by value, never a blank object.
template<typename T>
class Expected
{
public:
    Expected(T value)
        : m_value(std::move(value))
    {
    }
    Expected(DialectError error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const DialectError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    DialectError m_error;
};

/// Together's presigned upload: where to put the bytes and the id the file will have.
struct PresignedUpload
{
    QUrl url; ///< may be relative to the call's URL; the client resolves it
    QString fileId;
};

/**
 * @brief One service's wire shapes: per operation, the HTTP call to make and how to read its
 * answer into domain types.
 *
 * Pure functions (no network, no clock): a test builds a call and compares it field by field,
 * or feeds an answer and checks the domain value or the error sentence. ProviderClient runs the
 * calls over ApiClient. Operations a service lacks answer with DialectError::Kind::Unsupported
 * (the defaults here), so callers can ask any dialect anything.
 */
class Dialect
{
    Q_DECLARE_TR_FUNCTIONS(Dialect)
public:
    virtual ~Dialect();

    virtual QString id() const = 0; ///< "openai", "together"
    virtual QString serviceName() const = 0; ///< for sentences: "OpenAI", "Together AI"

    // Files
    virtual Expected<HttpCall> listFiles(const FileListQuery &query) const;
    virtual Expected<Page<FileObject>> parseFileList(const HttpAnswer &answer) const;
    virtual Expected<HttpCall> retrieveFile(const QString &fileId) const;
    virtual Expected<FileObject> parseFile(const HttpAnswer &answer) const;
    /// The documented one-request upload (multipart).
    virtual Expected<HttpCall> uploadFile(
            const QString &filename, const QByteArray &content, const QString &purpose) const;
    /// Presigned flow, step 1: ask where to put the bytes (answered by a redirect).
    virtual Expected<HttpCall> startPresignedUpload(
            const QString &filename, const QString &purpose) const;
    virtual Expected<PresignedUpload> parsePresignedUpload(const HttpAnswer &answer) const;
    /// Step 2: the bytes to `url` (resolved); step 3 is retrieveFile(fileId).
    virtual Expected<HttpCall> putPresigned(const QUrl &url, const QByteArray &content) const;
    virtual Expected<HttpCall> deleteFile(const QString &fileId) const;
    virtual Expected<DeletedObject> parseDeleted(const HttpAnswer &answer) const;
    virtual Expected<HttpCall> fileContent(const QString &fileId) const;

    // Jobs
    virtual Expected<HttpCall> createJob(const CreateJobRequest &request) const;
    virtual Expected<FineTuningJob> parseJob(const HttpAnswer &answer) const;
    virtual Expected<HttpCall> listJobs(const QString &after, int limit) const;
    virtual Expected<Page<FineTuningJob>> parseJobList(const HttpAnswer &answer) const;
    virtual Expected<HttpCall> retrieveJob(const QString &jobId) const;
    virtual Expected<HttpCall> cancelJob(const QString &jobId) const; ///< answered with the job
    /// Pausing and resuming a running job (OpenAI); answered with the job.
    virtual Expected<HttpCall> pauseJob(const QString &jobId) const;
    virtual Expected<HttpCall> resumeJob(const QString &jobId) const;
    virtual Expected<HttpCall> listEvents(
            const QString &jobId, const QString &after, int limit) const;
    virtual Expected<Page<JobEvent>> parseEvents(const HttpAnswer &answer) const;
    virtual Expected<HttpCall> listCheckpoints(const QString &jobId) const;
    virtual Expected<Page<Checkpoint>> parseCheckpoints(
            const HttpAnswer &answer, const QString &jobId) const;
    /// The steps from `fromStep` on (inclusive, so late values of the last known step arrive).
    virtual Expected<HttpCall> listMetrics(const QString &jobId, int fromStep) const;
    /// Drops steps before `fromStep` that the service sent anyway and merges repeated steps.
    virtual Expected<MetricsPage> parseMetrics(const HttpAnswer &answer, int fromStep) const;
    virtual Expected<HttpCall> estimatePrice(const CreateJobRequest &request) const;
    virtual Expected<PriceEstimate> parsePriceEstimate(const HttpAnswer &answer) const;

    // Models
    /// Every model the connection answers with (the connection test, the Playground's lists).
    virtual Expected<HttpCall> listModels() const;
    /// An answer of another shape (a web page, a proxy's JSON) is an error, never an empty list.
    virtual Expected<QList<ModelObject>> parseModelList(const HttpAnswer &answer) const;
    /// The models one can fine-tune (OpenAI: every model of /models; Together: supported ones).
    virtual Expected<HttpCall> listBaseModels() const;
    virtual Expected<QList<ModelObject>> parseModels(const HttpAnswer &answer) const;
    virtual Expected<HttpCall> modelLimits(const QString &model) const;
    virtual Expected<ModelLimits> parseModelLimits(const HttpAnswer &answer) const;

    // Deployments
    /// A service whose deployment types are fixed (Azure: Developer and Standard) answers them
    /// here without a request; nullopt: ask with listHardware().
    virtual std::optional<QList<HardwareOption>> fixedHardware(const QString &model) const;
    virtual Expected<HttpCall> listHardware(const QString &model) const;
    virtual Expected<QList<HardwareOption>> parseHardware(const HttpAnswer &answer) const;
    virtual Expected<HttpCall> createDeployment(const DeploymentRequest &request) const;
    virtual Expected<Deployment> parseDeployment(const HttpAnswer &answer) const;
    virtual Expected<HttpCall> retrieveDeployment(const QString &deploymentId) const;
    virtual Expected<HttpCall> listDeployments() const;
    virtual Expected<QList<Deployment>> parseDeployments(const HttpAnswer &answer) const;
    virtual Expected<HttpCall> deleteDeployment(const QString &deploymentId) const;

    // Datasets (Fireworks: a file is a dataset made first, then filled, then READY)
    /// True when an upload first creates an empty dataset (createDataset), then sends the bytes
    /// to it (uploadToDataset, or datasetUploadEndpoint + putPresigned + validateDatasetUpload).
    virtual bool uploadsIntoDatasets() const { return false; }
    virtual Expected<HttpCall> createDataset(const QString &datasetId, const QString &filename,
            std::optional<qint64> examples) const;
    /// One multipart request with the bytes (small files); answered with an upload receipt.
    virtual Expected<HttpCall> uploadToDataset(
            const QString &datasetId, const QString &filename, const QByteArray &content) const;
    /// Large files: where to PUT the bytes (PresignedUpload::fileId is the dataset's id).
    virtual Expected<HttpCall> datasetUploadEndpoint(
            const QString &datasetId, const QString &filename, qint64 bytes) const;
    virtual Expected<PresignedUpload> parseDatasetUploadEndpoint(
            const HttpAnswer &answer, const QString &datasetId, const QString &filename) const;
    /// After the PUT: asks the service to check what arrived.
    virtual Expected<HttpCall> validateDatasetUpload(const QString &datasetId) const;

    /// Deleting a job (Fireworks has no cancel for fine-tuning jobs: deleting stops it).
    virtual Expected<HttpCall> deleteJob(const QString &jobId) const;
    /// Services that publish a job's metrics as a file at a signed address (Fireworks): then
    /// listMetrics() reads the job and metricsFileCall() the file it names; parseMetrics()
    /// reads the file.
    virtual bool metricsInFile() const { return false; }
    /// The call that fetches the metrics file named in the answer to listMetrics(); nullopt
    /// when the job names none yet (no steps to show).
    virtual Expected<std::optional<HttpCall>> metricsFileCall(const HttpAnswer &jobAnswer) const;
    /// Hardware the service documents rather than lists (Fireworks' accelerator types):
    /// listHardware() is answered with these, without a request. nullopt: ask the service.
    virtual std::optional<QList<HardwareOption>> documentedHardware() const { return std::nullopt; }

    // Chat (streamed answers are read by ChatStream, the services share OpenAI's events)
    virtual Expected<HttpCall> chat(const ChatRequest &request, bool stream) const;
    virtual Expected<ChatCompletion> parseChat(const HttpAnswer &answer) const;

protected:
    /// "<service> has no <what>." as an Unsupported error.
    DialectError unsupported(const QString &what) const;
    /// The answer's body as a JSON object, or an error naming `what` ("the job").
    Expected<QJsonObject> answerObject(const HttpAnswer &answer, const QString &what) const;
    DialectError unexpected(const QString &sentence) const;
    /// The answer's object read by `read` (a member's `…FromJson`), or the error naming `what`.
    template<typename T, typename Read>
    Expected<T> readAnswer(const HttpAnswer &answer, const QString &what, Read read) const
    {
        const auto object = answerObject(answer, what);
        if (!object.ok())
            return object.error();
        return read(object.value());
    }
    /// `object[key]` when it is an array of objects (absent or null: empty); else `wrongForm`
    /// or, for an entry that is not an object, `badEntry` as an UnexpectedAnswer.
    Expected<QJsonArray> objectArray(const QJsonObject &object, QLatin1String key,
            const QString &wrongForm, const QString &badEntry) const;
    /// An OpenAI-shaped chat answer; `noReply` when it holds no "choices".
    Expected<ChatCompletion> chatAnswer(const HttpAnswer &answer, const QString &noReply) const;
};

/// The dialect a connection speaks: Together AI for Together connections, OpenAI otherwise.
std::unique_ptr<Dialect> dialectFor(const Connection &connection);
/// The dialect whose id() is `id` (as stored, e.g. in the job history); OpenAI for an empty or
/// unknown id.
std::unique_ptr<Dialect> dialectForId(const QString &id);

// Helpers shared by the dialects.
/// Ids of compatible servers may hold "/" (e.g. "meta-llama/Llama-3"): kept one segment.
QString encodedPathSegment(const QString &id);
/// A multipart boundary derived from the content (its SHA-1), so a dialect stays a pure function.
QByteArray contentBoundary(const QByteArray &content);
/// OpenAI-style paging: after=ID&limit=N, each only when set.
QList<QPair<QString, QString>> pagingQuery(const QString &after, int limit);
/// An InvalidRequest error with its sentence.
DialectError invalidRequest(const QString &sentence);
/// A value set by hand rather than left to the service ("auto").
Hyperparameter fixedHyperparameter(double value);
/// Every item of a list answer read by `read` (QJsonObject → Expected<T>); the first error stops.
template<typename T, typename Read>
Expected<QList<T>> readEach(const QJsonArray &items, Read read)
{
    QList<T> list;
    for (const QJsonValue &item : items) {
        Expected<T> one = read(item.toObject());
        if (!one.ok())
            return one.error();
        list.append(std::move(one.value()));
    }
    return list;
}
/// The bytes PUT to a presigned address outside the service (no JSON answer).
HttpCall presignedPut(const QUrl &url, const QByteArray &content);
/// A multipart form POSTed to `path`.
HttpCall multipartCall(const QString &path, const Multipart &multipart);
/// OpenAI's "GET /files/{id}/content": any type, no JSON expected.
HttpCall fileContentCall(const QString &fileId);
/// OpenAI's chat body, with the answer's length limit named max_tokens (Together, Fireworks).
HttpCall maxTokensChatCall(const QString &path, const ChatRequest &request, bool stream);
HttpCall jsonCall(const QByteArray &verb, const QString &path, const QJsonObject &body);
HttpCall plainCall(const QByteArray &verb, const QString &path,
        const QList<QPair<QString, QString>> &query = {});

} // namespace fs
