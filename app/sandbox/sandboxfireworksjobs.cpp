// SPDX-License-Identifier: GPL-3.0-or-later
// Fireworks AI's supervisedFineTuningJobs, their metrics file and on-demand deployments under
// /fireworks/v1/accounts/{account}/…, on the shared engine (jobs, curve, endpoints).
#include "fireworkswire.h"
#include "sandboxserver_p.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>
#include <cmath>

namespace fs::sandbox {

using namespace fireworks;

namespace {

/// A number field in [minimum, maximum] (whole when asked); absent: `fallback`.
bool readNumber(const QJsonObject &body, const char *name, bool integer, double minimum,
        double maximum, double fallback, double *out, Reply *failure)
{
    const QJsonValue value = body.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull()) {
        *out = fallback;
        return true;
    }
    const double number = value.toDouble();
    if (!value.isDouble() || number < minimum || number > maximum
            || (integer && number != std::floor(number))) {
        *failure = fireworks::error(400,
                QStringLiteral("Invalid %1: expected %2 from %3 to %4.")
                        .arg(QLatin1String(name),
                                integer ? QStringLiteral("a whole number")
                                        : QStringLiteral("a number"))
                        .arg(minimum)
                        .arg(maximum));
        return false;
    }
    *out = number;
    return true;
}

/// epochs, learningRate, loraRank and maxContextLength as given (checked) or their defaults,
/// into `settings`.
bool readTrainingSettings(const QJsonObject &body, QJsonObject *settings, Reply *failure)
{
    double epochs = 1, learningRate = kDefaultLearningRate, rank = 8, context = 8192;
    if (!readNumber(body, "epochs", true, 1, 20, 1, &epochs, failure)
            || !readNumber(body, "learningRate", false, 1e-8, 1.0, kDefaultLearningRate,
                    &learningRate, failure)
            || !readNumber(body, "loraRank", true, 4, 64, 8, &rank, failure)
            || !readNumber(body, "maxContextLength", true, 512, 131072, 8192, &context, failure))
        return false;
    settings->insert(QStringLiteral("epochs"), int(epochs));
    settings->insert(QStringLiteral("learningRate"), learningRate);
    settings->insert(QStringLiteral("loraRank"), int(rank));
    settings->insert(QStringLiteral("maxContextLength"), int(context));
    return true;
}

QString shortUuid()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(12);
}

/// How the curve feels an absolute learning rate: Fireworks' default trains like OpenAI's.
double curveMultiplier(double learningRate)
{
    return qBound(0.1, 1.8 * std::sqrt(learningRate / kDefaultLearningRate), 10.0);
}

// States (sandbox seconds) a deployment passes through, as the Together endpoints do.
void enterState(StoredEndpoint &endpoint, const char *state)
{
    endpoint.state = QLatin1String(state);
    endpoint.phaseElapsed = 0;
    endpoint.idleSeconds = 0;
}

} // namespace

// ---- jobs -----------------------------------------------------------------------------------

QJsonObject SandboxServerPrivate::fireworksJobJson(const StoredJob &job) const
{
    const QJsonObject &settings = job.providerSettings;
    const QString account = settings.value(QLatin1String("account")).toString();
    QJsonObject object {
            {QStringLiteral("name"),
                    QStringLiteral("accounts/%1/supervisedFineTuningJobs/%2").arg(account, job.id)},
            {QStringLiteral("displayName"), settings.value(QLatin1String("displayName"))},
            {QStringLiteral("createTime"), rfc3339(job.createdAt)},
            {QStringLiteral("updateTime"), rfc3339(job.finishedAt.value_or(now()))},
            {QStringLiteral("createdBy"), QStringLiteral("sandbox@example.com")},
            {QStringLiteral("state"), jobState(job)},
            {QStringLiteral("dataset"), settings.value(QLatin1String("dataset"))},
            {QStringLiteral("baseModel"), job.model},
            {QStringLiteral("outputModel"), job.plannedModel},
            {QStringLiteral("epochs"), settings.value(QLatin1String("epochs"))},
            {QStringLiteral("learningRate"), settings.value(QLatin1String("learningRate"))},
            {QStringLiteral("loraRank"), settings.value(QLatin1String("loraRank"))},
            {QStringLiteral("maxContextLength"),
                    settings.value(QLatin1String("maxContextLength"))}};
    if (settings.contains(QLatin1String("evaluationDataset")))
        object.insert(QStringLiteral("evaluationDataset"),
                settings.value(QLatin1String("evaluationDataset")));
    if (job.finishedAt)
        object.insert(QStringLiteral("completedTime"), rfc3339(*job.finishedAt));
    if (job.status == QLatin1String("failed"))
        object.insert(QStringLiteral("status"),
                QJsonObject {{QStringLiteral("code"), QStringLiteral("INVALID_ARGUMENT")},
                        {QStringLiteral("message"), job.errorMessage}});
    else
        object.insert(QStringLiteral("status"),
                QJsonObject {{QStringLiteral("code"), QStringLiteral("OK")},
                        {QStringLiteral("message"), QString()}});
    if (job.resolved) {
        const TrainingPlan &plan = job.curve.plan;
        const int total = qMax(1, plan.totalSteps);
        const int perEpoch = qMax(1, plan.stepsPerEpoch);
        object.insert(QStringLiteral("jobProgress"),
                QJsonObject {{QStringLiteral("percent"),
                                     job.status == QLatin1String("succeeded")
                                             ? 100
                                             : int(100.0 * job.stepsDone / total)},
                        {QStringLiteral("epoch"),
                                qMin(plan.nEpochs - 1, job.stepsDone / perEpoch)}});
    }
    if (job.stepsDone > 0)
        object.insert(QStringLiteral("metricsFileSignedUrl"),
                fireworksSignedUrl(QStringLiteral("metrics/") + job.id));
    if (job.trainedTokens) {
        // Fireworks writes money as google.type.Money: units (int64 as a string) and nanos.
        const double dollars = double(*job.trainedTokens) * 0.5 / 1e6;
        object.insert(QStringLiteral("estimatedCost"),
                QJsonObject {{QStringLiteral("currencyCode"), QStringLiteral("USD")},
                        {QStringLiteral("units"), QString::number(qint64(dollars))},
                        {QStringLiteral("nanos"),
                                qint64(std::llround((dollars - std::floor(dollars)) * 1e9))}});
    }
    return object;
}

Reply SandboxServerPrivate::fireworksJobs(
        const HttpRequest &request, const QString &account, const QStringList &s)
{
    const QByteArray &m = request.method;
    if (s.size() == 1 && m == "GET")
        return listFireworksJobs(account);
    if (s.size() == 1 && m == "POST")
        return createFireworksJob(request, account);
    if (s.size() != 2)
        return noSuchPath(request);
    const QString id = s.at(1);
    auto it = jobs.find(id);
    if (it == jobs.end() || it->dialect != kDialect
            || it->providerSettings.value(QLatin1String("account")).toString() != account)
        return fireworks::error(
                404, QStringLiteral("Supervised fine-tuning job %1 not found.").arg(id));
    if (m == "GET")
        return json(fireworksJobJson(*it));
    if (m == "DELETE") {
        // No cancel for SFT jobs: deleting stops a running one and removes it.
        jobs.erase(it);
        scheduleSave();
        return json(QJsonObject());
    }
    return noSuchPath(request);
}

Reply SandboxServerPrivate::listFireworksJobs(const QString &account) const
{
    QList<const StoredJob *> list;
    for (const StoredJob &job : std::as_const(jobs)) {
        if (job.dialect == kDialect
                && job.providerSettings.value(QLatin1String("account")).toString() == account)
            list.append(&job);
    }
    sortNewestFirst(list);
    QJsonArray array;
    for (const StoredJob *job : std::as_const(list))
        array.append(fireworksJobJson(*job));
    return onePage(QStringLiteral("supervisedFineTuningJobs"), array);
}

QString SandboxServerPrivate::fireworksDatasetFile(
        const QString &account, const QString &name, Reply *failure) const
{
    const QString prefix = QStringLiteral("accounts/%1/datasets/").arg(account);
    const auto it = datasets.constFind(lastSegment(name));
    if (!name.startsWith(prefix) || it == datasets.constEnd()) {
        *failure = fireworks::error(404, QStringLiteral("Dataset %1 not found.").arg(name));
        return {};
    }
    if (fireworksDatasetJson(*it).value(QLatin1String("state")).toString()
            != QLatin1String("READY")) {
        *failure = fireworks::error(412, QStringLiteral("Dataset %1 is not READY yet.").arg(name));
        return {};
    }
    return it->fileId;
}

Reply SandboxServerPrivate::createFireworksJob(const HttpRequest &request, const QString &account)
{
    QJsonObject body;
    Reply failure;
    QString datasetName;
    if (!readBody(request, &body, &failure)
            || !requiredText(body, "dataset", &datasetName, &failure))
        return failure;
    StoredJob job;
    job.trainingFile = fireworksDatasetFile(account, datasetName, &failure);
    if (job.trainingFile.isEmpty())
        return failure;
    const QString evaluation = body.value(QLatin1String("evaluationDataset")).toString();
    if (!evaluation.isEmpty()) {
        job.validationFile = fireworksDatasetFile(account, evaluation, &failure);
        if (job.validationFile.isEmpty())
            return failure;
    }
    const QString base = body.value(QLatin1String("baseModel")).toString();
    if (base.isEmpty() || !isBaseModel(base))
        return fireworks::error(400,
                QStringLiteral("baseModel '%1' cannot be fine-tuned: see "
                               "GET /v1/accounts/fireworks/models.")
                        .arg(base));
    QJsonObject settings {{QStringLiteral("account"), account},
            {QStringLiteral("dataset"), datasetName},
            {QStringLiteral("displayName"), body.value(QLatin1String("displayName")).toString()}};
    if (!readTrainingSettings(body, &settings, &failure))
        return failure;
    if (!evaluation.isEmpty())
        settings.insert(QStringLiteral("evaluationDataset"), evaluation);
    QString id = request.query.queryItemValue(QStringLiteral("supervisedFineTuningJobId"));
    if (id.isEmpty())
        id = QStringLiteral("sftj-") + shortUuid();
    static const QRegularExpression allowed(QStringLiteral("^[a-z][a-z0-9-]{0,62}$"));
    if (!allowed.match(id).hasMatch() || jobs.contains(id))
        return fireworks::error(400, QStringLiteral("Invalid or taken job id '%1'.").arg(id));
    job.id = id;
    job.dialect = kDialect;
    job.createdAt = now();
    job.seq = ++sequence;
    job.model = base;
    job.seed = 42;
    job.method = QStringLiteral("supervised");
    job.requestedHyperparameters = QJsonObject {
            {QStringLiteral("n_epochs"), settings.value(QLatin1String("epochs")).toInt()},
            {QStringLiteral("learning_rate_multiplier"),
                    curveMultiplier(settings.value(QLatin1String("learningRate")).toDouble())}};
    job.metadata = QJsonValue::Null;
    const QString output = body.value(QLatin1String("outputModel")).toString(id);
    job.plannedModel = output.startsWith(QLatin1String("accounts/"))
            ? output
            : QStringLiteral("accounts/%1/models/%2").arg(account, output);
    job.providerSettings = settings;
    return json(fireworksJobJson(startJob(job)));
}

Reply SandboxServerPrivate::fireworksMetricsFile(const QString &jobId) const
{
    const auto it = jobs.constFind(jobId);
    if (it == jobs.constEnd() || it->dialect != kDialect || !it->resolved)
        return fireworks::error(404, QStringLiteral("No such object."));
    // The SDK does not describe this file (API-NOTES §2): the sandbox writes JSON lines, one per
    // step, with the keys other services use.
    const TrainingCurve curve(it->curve);
    const TrainingPlan &plan = it->curve.plan;
    QByteArray body;
    for (int step = 1; step <= it->stepsDone; ++step) {
        const StepMetrics metrics = curve.at(step);
        QJsonObject line {{QStringLiteral("step"), step},
                {QStringLiteral("epoch"), roundMetric(double(step) / qMax(1, plan.stepsPerEpoch))},
                {QStringLiteral("train/loss"), roundMetric(metrics.trainLoss)},
                {QStringLiteral("total_steps"), plan.totalSteps}};
        if (metrics.hasFullValid)
            line.insert(QStringLiteral("eval/loss"), roundMetric(metrics.fullValidLoss));
        body += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    Reply reply;
    reply.contentType = "application/jsonl";
    reply.body = body;
    return reply;
}

// ---- deployments ----------------------------------------------------------------------------

QJsonObject SandboxServerPrivate::fireworksDeploymentJson(const StoredEndpoint &e) const
{
    QJsonObject object {{QStringLiteral("name"), e.name},
            {QStringLiteral("displayName"), e.displayName},
            {QStringLiteral("createTime"), rfc3339(e.createdAt)},
            {QStringLiteral("baseModel"), e.model}, {QStringLiteral("state"), deploymentState(e)},
            {QStringLiteral("status"),
                    QJsonObject {{QStringLiteral("code"), QStringLiteral("OK")},
                            {QStringLiteral("message"), QString()}}},
            {QStringLiteral("acceleratorType"), e.hardware},
            {QStringLiteral("acceleratorCount"), 1},
            {QStringLiteral("minReplicaCount"), e.minReplicas},
            {QStringLiteral("maxReplicaCount"), e.maxReplicas},
            {QStringLiteral("replicaCount"), e.state == QLatin1String("STARTED") ? 1 : 0}};
    if (!e.scaleToZeroWindow.isEmpty())
        object.insert(QStringLiteral("autoscalingPolicy"),
                QJsonObject {{QStringLiteral("scaleToZeroWindow"), e.scaleToZeroWindow}});
    return object;
}

Reply SandboxServerPrivate::fireworksDeployments(
        const HttpRequest &request, const QString &account, const QStringList &s)
{
    const QByteArray &m = request.method;
    const QString prefix = QStringLiteral("accounts/%1/deployments/").arg(account);
    if (s.size() == 1 && m == "GET") {
        QJsonArray list;
        for (const StoredEndpoint &e : std::as_const(endpoints)) {
            if (e.dialect == kDialect && e.name.startsWith(prefix)
                    && !(e.deleted && e.state == QLatin1String("STOPPED")))
                list.append(fireworksDeploymentJson(e));
        }
        return onePage(QStringLiteral("deployments"), list);
    }
    if (s.size() == 1 && m == "POST")
        return createFireworksDeployment(request, prefix);
    if (s.size() != 2)
        return noSuchPath(request);
    auto it = endpoints.find(s.at(1));
    if (it == endpoints.end() || it->dialect != kDialect || !it->name.startsWith(prefix))
        return fireworks::error(404, QStringLiteral("Deployment %1 not found.").arg(s.at(1)));
    if (m == "GET") // a deleted one answers DELETING, then DELETED
        return json(fireworksDeploymentJson(*it));
    if (m == "DELETE" && !it->deleted) {
        it->deleted = true;
        if (it->state != QLatin1String("STOPPED"))
            enterState(*it, "STOPPING");
        ensureTicking();
        return json(QJsonObject());
    }
    return noSuchPath(request);
}

Reply SandboxServerPrivate::createFireworksDeployment(
        const HttpRequest &request, const QString &prefix)
{
    QJsonObject body;
    Reply failure;
    QString model;
    if (!readBody(request, &body, &failure) || !requiredText(body, "baseModel", &model, &failure))
        return failure;
    if (!isBaseModel(model) && !fireworksJobByModel(model))
        return fireworks::error(404,
                QStringLiteral("Model %1 not found, or its fine-tuning job has not "
                               "completed.")
                        .arg(model));
    const QString accelerator = body.value(QLatin1String("acceleratorType"))
                                        .toString(QStringLiteral("NVIDIA_A100_80GB"));
    if (!accelerators().contains(accelerator))
        return fireworks::error(
                400, QStringLiteral("Unknown acceleratorType '%1'.").arg(accelerator));
    double minimum = 0, maximum = 1;
    if (!readNumber(body, "minReplicaCount", true, 0, 8, 0, &minimum, &failure)
            || !readNumber(body, "maxReplicaCount", true, 1, 8, 1, &maximum, &failure))
        return failure;
    StoredEndpoint e;
    QString id = request.query.queryItemValue(QStringLiteral("deploymentId"));
    if (id.isEmpty())
        id = QStringLiteral("dep-") + shortUuid();
    if (endpoints.contains(id))
        return fireworks::error(409, QStringLiteral("Deployment %1 already exists.").arg(id));
    e.id = id;
    e.dialect = kDialect;
    e.name = prefix + id;
    e.displayName = body.value(QLatin1String("displayName")).toString(id);
    e.model = model;
    e.hardware = accelerator;
    e.minReplicas = int(minimum);
    e.maxReplicas = int(maximum);
    const QString window = body.value(QLatin1String("autoscalingPolicy"))
                                   .toObject()
                                   .value(QLatin1String("scaleToZeroWindow"))
                                   .toString();
    // Scale to zero keeps the deployment (it wakes on the next request): recorded, never
    // stopped by the engine.
    if (!window.isEmpty()
            && !QRegularExpression(QStringLiteral("^[0-9]+s$")).match(window).hasMatch())
        return fireworks::error(
                400, QStringLiteral("scaleToZeroWindow is a duration such as \"300s\"."));
    e.scaleToZeroWindow = window;
    e.createdAt = now();
    enterState(e, "PENDING");
    auto it = endpoints.insert(e.id, e);
    ensureTicking();
    return json(fireworksDeploymentJson(*it));
}

} // namespace fs::sandbox
