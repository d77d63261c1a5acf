// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Together AI's wire shapes for the sandbox's shared engine: how files, jobs, events, metrics,
// checkpoints, endpoints and hardware look under /together/v1 (openapi.yaml of
// togethercomputer/openapi). Pure rendering: no state of its own besides the fixed catalogues.

#include "sandboxserver_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace fs::sandbox::together {

inline const QString kDialect = QStringLiteral("together");
/// The default absolute learning rate of a job (the spec's default).
constexpr double kDefaultLearningRate = 1e-5;

/// A fine-tunable base model of the sandbox's Together catalogue.
struct BaseModel
{
    const char *name;
    double loraDollarsPerMillion; ///< training price per million tokens, LoRA
    double fullDollarsPerMillion; ///< training price per million tokens, full training
    int maxRank;
    int maxBatchSize;
};

const QList<BaseModel> &baseModels();
const BaseModel *findBaseModel(const QString &name);

/// A hardware configuration for dedicated endpoints, priced per minute as the spec does.
struct Hardware
{
    const char *id;
    const char *gpuType;
    double gpuMemory;
    int gpuCount;
    double centsPerMinute;
};

const QList<Hardware> &hardwareList();
const Hardware *findHardware(const QString &id);

/// ISO-8601 with milliseconds in UTC, as Together writes timestamps.
QString isoTime(qint64 unixSeconds);

/// The engine's status (OpenAI's words) in Together's enum.
QString jobStatus(const StoredJob &job);
/// `meta-llama/Meta-Llama-3.1-8B-Instruct-Reference` → `sandbox/Meta-Llama-…:suffix:1a2b3c4d`
/// (Together's ACCOUNT/BASE:SUFFIX:JOB_ID, as the model registry names it).
QString outputModelName(const QString &baseModel, const QString &suffix, const QString &hash);

QJsonObject fileJson(const StoredFile &file, bool processed);
/// The job as FinetuneResponseTruncated (create, list, cancel) or FinetuneResponse (retrieve).
QJsonObject jobJson(const StoredJob &job, qint64 now, double secondsRemaining, bool full);
QJsonArray eventsJson(const StoredJob &job);
QJsonArray checkpointsJson(const StoredJob &job);
/// Per-step metrics with global_step in [from, to] (to < 0: no upper bound), oldest first.
QJsonArray metricsJson(const StoredJob &job, qint64 from, qint64 to);
/// Steps at which a validation pass runs (n_evals of them, evenly spread).
bool isEvalStep(const StoredJob &job, int step);
QJsonObject endpointJson(const StoredEndpoint &endpoint);
QJsonObject hardwareJson(const Hardware &hardware, qint64 now);
QJsonObject modelLimitsJson(const BaseModel &model);

} // namespace fs::sandbox::together
