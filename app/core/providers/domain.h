// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The domain every area speaks (Files, Jobs, the chart, the Playground, the CLI): files, jobs,
// events, metric points, checkpoints, models, deployments. Each service's dialect
// (openaidialect.h, togetherdialect.h) maps its wire shapes onto these. The fromJson() members
// are OpenAI's wire shapes, kept for the call sites that predate the dialects; new code goes
// through a Dialect.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace fs {

/// The per-step values a fine-tuning job reports (metrics events, the result CSV, checkpoints).
enum class Metric {
    TrainLoss,
    TrainAccuracy, ///< train_mean_token_accuracy (the CSV calls it train_accuracy)
    ValidLoss, ///< on a small validation batch, some steps only
    ValidAccuracy,
    FullValidLoss, ///< on the whole validation file, at epoch ends and the last step
    FullValidAccuracy,
};
constexpr int kMetricCount = 6;

/// The JSON key of a metric in metrics events and checkpoints ("train_loss", …).
QString metricKey(Metric metric);
/// A short translated name for legends and tooltips ("Training loss", …).
QString metricDisplayName(Metric metric);
bool isLossMetric(Metric metric);

/// One step. A value that was not reported is NaN (use has()).
struct MetricPoint
{
    int step = 0;
    std::array<double, kMetricCount> values {std::numeric_limits<double>::quiet_NaN(),
            std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
            std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
            std::numeric_limits<double>::quiet_NaN()};

    double value(Metric m) const { return values[size_t(m)]; }
    void set(Metric m, double v) { values[size_t(m)] = v; }
    bool has(Metric m) const { return !std::isnan(values[size_t(m)]); }

    /// From a metrics event's `data` (or a checkpoint's `metrics`); step 0 when it has none.
    static MetricPoint fromJson(const QJsonObject &data);
    QJsonObject toJson() const; ///< only the values present
};

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

/// How a job trains, beyond OpenAI's three hyperparameters: what Together (and later other
/// services) let a person choose. Unset values are left to the service.
struct TrainingSettings
{
    enum class Type { Default, Full, Lora }; ///< Default: whatever the service does
    Type type = Type::Default;
    std::optional<int> loraRank; ///< Together: lora_r
    std::optional<int> loraAlpha; ///< Together: lora_alpha (its client uses 2 × rank when unset)
    std::optional<double> loraDropout;
    QString loraTrainableModules; ///< e.g. "all-linear"; empty: the service's default
    /// An absolute learning rate (Together); OpenAI takes a multiplier instead
    /// (Hyperparameters::learningRateMultiplier). A dialect refuses the one its service lacks.
    std::optional<double> learningRate;
    std::optional<int> nEvals; ///< evaluations on the validation file during training
    std::optional<int> nCheckpoints; ///< checkpoints kept during training
    std::optional<int> maxContextLength; ///< Fireworks: maxContextLength, in tokens
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
    TrainingSettings settings; ///< LoRA, absolute learning rate, evaluations (Together)
    std::optional<qint64> totalSteps;
    std::optional<qint64> stepsCompleted;
    std::optional<qint64> epochsCompleted;
    std::optional<qint64> secondsRemaining; ///< the service's own estimate, when it gives one
    std::optional<double> totalPrice; ///< as the service reports it (Together: total_price)
    /// The name the result will have (Together knows it from the start); fineTunedModel is set
    /// only once the job succeeded.
    QString outputModelName;
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
    QString kind; ///< the service's word, e.g. Together's "Intermediate" / "Final"; may be empty
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
    TrainingSettings settings; ///< refused by the OpenAI dialect when set (it has no such knobs)
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

// ---- what other services add ---------------------------------------------------------------

/// A base model's limits for fine-tuning, as the service states them (Together:
/// /fine-tunes/models/limits). Absent values are nullopt.
struct ModelLimits
{
    QString model;
    std::optional<int> maxEpochs;
    std::optional<int> maxEvals;
    std::optional<double> minLearningRate;
    std::optional<double> maxLearningRate;
    bool supportsFullTraining = false;
    bool supportsLora = false;
    std::optional<int> maxLoraRank;
    std::optional<int> minBatchSize;
    std::optional<int> maxBatchSize; ///< LoRA's when LoRA is offered, else full training's
    std::optional<int> maxBatchSizeDpo;
    QJsonObject raw;
};

/// What a job would cost before it starts, with what the account allows.
struct PriceEstimate
{
    std::optional<double> estimatedCost; ///< in the service's currency (US dollars)
    std::optional<qint64> trainTokens;
    std::optional<qint64> evalTokens;
    std::optional<double> accountLimit; ///< the account's remaining credit limit
    bool allowed = true; ///< false: the service says the account may not start this job
    QJsonObject raw;
};

/// A machine type a model can be deployed on.
struct HardwareOption
{
    enum class Availability { Available, Unavailable, Insufficient, Unknown };
    QString id; ///< e.g. "2x_nvidia_a100_80gb_sxm"
    QString name; ///< for people, e.g. "2 × A100 80GB SXM (80 GB each)"
    std::optional<double> pricePerHour; ///< US dollars
    /// The price is the app's estimate, not the service's own figure: say so, and where the
    /// real price is (`priceCheckUrl`).
    bool priceIsEstimate = false;
    QUrl priceCheckUrl;
    Availability availability = Availability::Unknown;
    QString availabilityText; ///< the service's word
    QJsonObject raw;
};

/**
 * @brief A model running on hardware of its own, billed while it runs (Together endpoints,
 * later Azure and Fireworks deployments). Anything that bills while it runs is visible.
 */
struct Deployment
{
    enum class State { Pending, Starting, Running, Stopping, Stopped, Failed, Unknown };
    QString id;
    QString name; ///< the name chat requests use as `model` (Together: the endpoint's name)
    QString displayName;
    QString model;
    QString hardware; ///< a HardwareOption id; empty when the service did not say
    State state = State::Unknown;
    QString stateText; ///< the service's own word ("STARTED", …), also for unknown ones
    qint64 createdAt = 0; ///< unix seconds, 0 when unknown
    std::optional<double> pricePerHour; ///< US dollars; from the hardware list when known
    bool priceIsEstimate = false; ///< pricePerHour is the app's estimate (HardwareOption)
    std::optional<double> billedSoFar; ///< US dollars, when the service reports it
    std::optional<int> inactiveTimeoutMinutes; ///< auto-stop after this long without requests
    QJsonObject raw;

    bool isBilling() const
    {
        return state == State::Pending || state == State::Starting || state == State::Running
                || state == State::Stopping || state == State::Unknown;
    }
};

/// What to deploy, on which hardware.
struct DeploymentRequest
{
    QString model;
    QString hardware;
    QString displayName; ///< omitted when empty
    std::optional<int> inactiveTimeoutMinutes;
    int minReplicas = 1;
    int maxReplicas = 1;
};

/// New metric steps of a job. `points` are sorted by step with no step twice.
struct MetricsPage
{
    QList<MetricPoint> points;
    std::optional<qint64> totalSteps; ///< when the service says
    int lastStep = -1; ///< the highest step in `points`, -1 when none
    int skipped = 0; ///< entries without a step number, which cannot be placed on a chart
};

} // namespace fs
