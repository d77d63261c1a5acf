// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Typed views of the OpenAI objects the app uses. Parsing is tolerant: unknown keys are kept in
// `raw`, unknown enum strings are kept as text, null and missing fields become empty/nullopt,
// and `error` given as {} or with all fields null means "no error".

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace fs {

struct FileObject
{
    QString id;
    qint64 bytes = 0;
    qint64 createdAt = 0; ///< unix seconds
    std::optional<qint64> expiresAt;
    QString filename;
    QString purpose; ///< kept as text: new purposes appear over time
    QString status; ///< uploaded | processed | error | (unknown kept)
    QString statusDetails;
    QJsonObject raw;
    static FileObject fromJson(const QJsonObject &object);
};

struct DeletedObject
{
    QString id;
    QString object;
    bool deleted = false;
    static DeletedObject fromJson(const QJsonObject &object);
};

struct UploadObject
{
    QString id;
    qint64 bytes = 0;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    QString filename;
    QString purpose;
    QString status; ///< pending | completed | cancelled | expired
    std::optional<FileObject> file;
    QJsonObject raw;
    static UploadObject fromJson(const QJsonObject &object);
};

struct UploadPart
{
    QString id;
    QString uploadId;
    qint64 createdAt = 0;
    static UploadPart fromJson(const QJsonObject &object);
};

/// A hyperparameter is "auto" or a number.
struct Hyperparameter
{
    bool isAuto = true;
    double value = 0;
    static Hyperparameter fromJson(const QJsonValue &value);
    QJsonValue toJson() const;
};

struct Hyperparameters
{
    Hyperparameter batchSize;
    Hyperparameter learningRateMultiplier;
    Hyperparameter nEpochs;
    Hyperparameter beta; ///< DPO only
    static Hyperparameters fromJson(const QJsonObject &object);
};

struct JobError
{
    QString code;
    QString message;
    QString param;
    bool isEmpty() const { return code.isEmpty() && message.isEmpty() && param.isEmpty(); }
};

struct FineTuningJob
{
    enum class Status {
        ValidatingFiles,
        Queued,
        Running,
        Paused,
        Succeeded,
        Failed,
        Cancelled,
        Unknown
    };

    QString id;
    qint64 createdAt = 0;
    std::optional<qint64> finishedAt;
    QString model;
    QString fineTunedModel; ///< empty until success
    QString organizationId;
    Status status = Status::Unknown;
    QString statusText; ///< the raw status string, also for unknown ones
    QString trainingFile;
    QString validationFile;
    QStringList resultFiles;
    std::optional<qint64> trainedTokens;
    QString methodType; ///< supervised | dpo | reinforcement; "supervised" when absent
    Hyperparameters hyperparameters; ///< from method.<type>.hyperparameters, else the top level
    std::optional<JobError> error; ///< nullopt for null, {} or all-null
    std::optional<qint64> seed;
    std::optional<qint64> estimatedFinish; ///< nullopt for null or 0
    QString suffix; ///< user_provided_suffix when present
    QMap<QString, QString> metadata;
    QJsonObject raw;

    bool isTerminal() const
    {
        return status == Status::Succeeded || status == Status::Failed
                || status == Status::Cancelled;
    }
    static Status statusFromString(const QString &text);
    static QString statusToString(Status status);
    static FineTuningJob fromJson(const QJsonObject &object);
};

struct JobEvent
{
    QString id;
    qint64 createdAt = 0;
    QString level; ///< info | warn | error (unknown kept)
    QString message;
    QString type; ///< message | metrics | moderation_checks | … (may be empty)
    QJsonObject data; ///< empty for null
    static JobEvent fromJson(const QJsonObject &object);
};

struct Checkpoint
{
    QString id;
    qint64 createdAt = 0;
    QString fineTunedModelCheckpoint;
    qint64 stepNumber = 0;
    QString jobId;
    QMap<QString, double> metrics;
    static Checkpoint fromJson(const QJsonObject &object);
};

struct ModelObject
{
    QString id;
    qint64 created = 0;
    QString ownedBy;
    QString shutdownDate; ///< YYYY-MM-DD or empty
    /// A fine-tuned model or checkpoint, by its provider's naming (ModelRegistry).
    bool isFineTuned() const;
    static ModelObject fromJson(const QJsonObject &object);
};

/// One page of a list endpoint.
template<typename T>
struct Page
{
    QList<T> data;
    bool hasMore = false;
    QString firstId;
    QString lastId; ///< last_id when given, else the id of the last item
};

Page<FileObject> parseFilePage(const QJsonObject &object);
Page<FineTuningJob> parseJobPage(const QJsonObject &object);
Page<JobEvent> parseEventPage(const QJsonObject &object);
Page<Checkpoint> parseCheckpointPage(const QJsonObject &object);
Page<ModelObject> parseModelPage(const QJsonObject &object);

// ---- requests ------------------------------------------------------------------------------

struct FileListQuery
{
    QString purpose; ///< empty: any
    QString order; ///< "asc" | "desc" | empty (server default)
    QString after;
    int limit = 0; ///< 0: server default
};

struct CreateUploadRequest
{
    QString filename;
    QString purpose = QStringLiteral("fine-tune");
    qint64 bytes = 0;
    QString mimeType = QStringLiteral("text/jsonl");
    QJsonObject toJson() const;
};

struct CreateJobRequest
{
    QString model;
    QString trainingFile;
    QString validationFile; ///< omitted when empty
    QString suffix; ///< omitted when empty
    std::optional<qint64> seed;
    QString methodType = QStringLiteral("supervised"); ///< supervised | dpo
    Hyperparameters hyperparameters; ///< "auto" values are omitted
    QMap<QString, QString> metadata;
    /// Fields that are not set are left out, never sent as null.
    QJsonObject toJson() const;
};

struct ChatMessage
{
    QString role;
    QString content;
};

struct ChatRequest
{
    QString model;
    QList<ChatMessage> messages;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxCompletionTokens;
    std::optional<qint64> seed;
    /// stream/stream_options are added by the client for streamed calls.
    QJsonObject toJson(bool stream) const;
};

struct Usage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 totalTokens = 0;
    static Usage fromJson(const QJsonObject &object);
};

struct ChatCompletion
{
    QString id;
    QString model;
    QString content; ///< choices[0].message.content
    QString finishReason;
    std::optional<Usage> usage;
    static ChatCompletion fromJson(const QJsonObject &object);
};

} // namespace fs
