// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrationflow.h"

#include "batchresults.h"
#include "costestimate.h"
#include "datasetdocument.h"
#include "datasetexport.h"
#include "filevalidation.h"
#include "modelregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QUuid>

namespace fs {

namespace {

using Step = MigrationState::Step;
using Name = HyperparameterRule::Name;

QString tr(const char *text)
{
    return QCoreApplication::translate("fs::MigrationFlow", text);
}

const QList<Name> &allNames()
{
    static const QList<Name> names = {Name::Epochs, Name::BatchSize, Name::LearningRateMultiplier,
            Name::Beta, Name::LearningRate, Name::LoraRank, Name::LoraAlpha, Name::LoraDropout,
            Name::Evaluations, Name::Checkpoints};
    return names;
}

QString typeWord(TrainingSettings::Type type)
{
    switch (type) {
    case TrainingSettings::Type::Full:
        return QStringLiteral("full");
    case TrainingSettings::Type::Lora:
        return QStringLiteral("lora");
    case TrainingSettings::Type::Default:
        break;
    }
    return QStringLiteral("default");
}

TrainingSettings::Type typeFrom(const QString &word)
{
    if (word == QLatin1String("full"))
        return TrainingSettings::Type::Full;
    if (word == QLatin1String("lora"))
        return TrainingSettings::Type::Lora;
    return TrainingSettings::Type::Default;
}

/// A job's settings as stored with the flow: method, training type, seed, suffix and every
/// setting that is not automatic (by its OpenAI-side key: JobFormRules names them all).
QJsonObject settingsToJson(const CreateJobRequest &request)
{
    QJsonObject values;
    for (const Name name : allNames()) {
        const Hyperparameter value = JobFormRules::value(request, name);
        if (!value.isAuto)
            values.insert(JobFormRules::rule(name).key, value.value);
    }
    QJsonObject object {{QStringLiteral("method"), request.methodType},
            {QStringLiteral("type"), typeWord(request.settings.type)},
            {QStringLiteral("values"), values}};
    if (request.seed)
        object.insert(QStringLiteral("seed"), QString::number(*request.seed));
    if (!request.suffix.isEmpty())
        object.insert(QStringLiteral("suffix"), request.suffix);
    return object;
}

CreateJobRequest settingsFromJson(const QJsonObject &object)
{
    CreateJobRequest request;
    const QString method = object.value(QLatin1String("method")).toString();
    if (!method.isEmpty())
        request.methodType = method;
    request.settings.type = typeFrom(object.value(QLatin1String("type")).toString());
    const QJsonObject values = object.value(QLatin1String("values")).toObject();
    for (const Name name : allNames()) {
        const QJsonValue value = values.value(JobFormRules::rule(name).key);
        if (!value.isDouble())
            continue;
        Hyperparameter number;
        number.isAuto = false;
        number.value = value.toDouble();
        JobFormRules::setValue(&request, name, number);
    }
    bool ok = false;
    const qint64 seed = object.value(QLatin1String("seed")).toString().toLongLong(&ok);
    if (ok)
        request.seed = seed;
    request.suffix = object.value(QLatin1String("suffix")).toString();
    return request;
}

QString kindWord(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAI:
        return QStringLiteral("openai");
    case ProviderKind::AzureOpenAI:
        return QStringLiteral("azure");
    case ProviderKind::Together:
        return QStringLiteral("together");
    case ProviderKind::Fireworks:
        break;
    }
    return QStringLiteral("fireworks");
}

ProviderKind kindFrom(const QString &word)
{
    if (word == QLatin1String("azure"))
        return ProviderKind::AzureOpenAI;
    if (word == QLatin1String("together"))
        return ProviderKind::Together;
    if (word == QLatin1String("fireworks"))
        return ProviderKind::Fireworks;
    return ProviderKind::OpenAI;
}

const char *const kStepWords[] = {
        "capture", "split", "target", "train", "deploy", "parity", "done"};

QString stepWord(Step step)
{
    return QString::fromLatin1(kStepWords[int(step)]);
}

Step stepFrom(const QString &word)
{
    for (int i = 0; i <= int(Step::Done); ++i) {
        if (word == QLatin1String(kStepWords[i]))
            return Step(i);
    }
    return Step::Capture;
}

/// NAME.jsonl → DIR/NAME.suffix
QString beside(const QString &path, const QString &suffix)
{
    const QFileInfo info(path);
    return info.dir().filePath(info.completeBaseName() + suffix);
}

void touch(MigrationState *state, Step step)
{
    state->step = step;
    state->lastError.clear();
    state->updated = QDateTime::currentDateTimeUtc();
}

QString refuse(MigrationState *state, const QString &problem)
{
    state->lastError = problem;
    return problem;
}

} // namespace

QJsonObject MigrationState::toJson() const
{
    return {
            {QStringLiteral("id"), id},
            {QStringLiteral("created"), created.toString(Qt::ISODateWithMs)},
            {QStringLiteral("updated"), updated.toString(Qt::ISODateWithMs)},
            {QStringLiteral("step"), stepWord(step)},
            {QStringLiteral("source"),
                    QJsonObject {{QStringLiteral("connection"), sourceConnectionId},
                            {QStringLiteral("provider"), kindWord(sourceProvider)},
                            {QStringLiteral("model"), sourceModel},
                            {QStringLiteral("settings"), settingsToJson(sourceSettings)}}},
            {QStringLiteral("capture"),
                    QJsonObject {{QStringLiteral("path"), capturePath},
                            {QStringLiteral("examples"), captureExamples}}},
            {QStringLiteral("split"),
                    QJsonObject {{QStringLiteral("held_out_ratio"), heldOutRatio},
                            {QStringLiteral("seed"), qint64(splitSeed)},
                            {QStringLiteral("training"), trainingPath},
                            {QStringLiteral("held_out"), heldOutPath},
                            {QStringLiteral("training_examples"), trainingExamples},
                            {QStringLiteral("held_out_examples"), heldOutExamples},
                            {QStringLiteral("warnings"), lintWarnings}}},
            {QStringLiteral("target"),
                    QJsonObject {{QStringLiteral("connection"), targetConnectionId},
                            {QStringLiteral("provider"), kindWord(targetProvider)},
                            {QStringLiteral("model"), targetModel},
                            {QStringLiteral("settings"), settingsToJson(targetSettings)},
                            {QStringLiteral("clamp"), clampToRange}}},
            {QStringLiteral("train"),
                    QJsonObject {{QStringLiteral("file"), trainingFileId},
                            {QStringLiteral("job"), jobId},
                            {QStringLiteral("model"), fineTunedModel}}},
            {QStringLiteral("deploy"),
                    QJsonObject {{QStringLiteral("needed"), needsDeployment},
                            {QStringLiteral("id"), deploymentId},
                            {QStringLiteral("served_as"), servedAs}}},
            {QStringLiteral("parity"),
                    QJsonObject {{QStringLiteral("report"), reportPath},
                            {QStringLiteral("verdict"), verdict}}},
            {QStringLiteral("last_error"), lastError},
    };
}

MigrationState MigrationState::fromJson(const QJsonObject &o)
{
    MigrationState s;
    const auto str = [](const QJsonObject &object, const char *key) {
        return object.value(QLatin1String(key)).toString();
    };
    s.id = str(o, "id");
    s.created = QDateTime::fromString(str(o, "created"), Qt::ISODateWithMs);
    s.updated = QDateTime::fromString(str(o, "updated"), Qt::ISODateWithMs);
    s.step = stepFrom(str(o, "step"));
    const QJsonObject source = o.value(QLatin1String("source")).toObject();
    s.sourceConnectionId = str(source, "connection");
    s.sourceProvider = kindFrom(str(source, "provider"));
    s.sourceModel = str(source, "model");
    s.sourceSettings = settingsFromJson(source.value(QLatin1String("settings")).toObject());
    const QJsonObject capture = o.value(QLatin1String("capture")).toObject();
    s.capturePath = str(capture, "path");
    s.captureExamples = capture.value(QLatin1String("examples")).toInt();
    const QJsonObject split = o.value(QLatin1String("split")).toObject();
    s.heldOutRatio = split.value(QLatin1String("held_out_ratio")).toDouble(0.2);
    s.splitSeed = quint32(split.value(QLatin1String("seed")).toInteger(20261207));
    s.trainingPath = str(split, "training");
    s.heldOutPath = str(split, "held_out");
    s.trainingExamples = split.value(QLatin1String("training_examples")).toInt();
    s.heldOutExamples = split.value(QLatin1String("held_out_examples")).toInt();
    s.lintWarnings = split.value(QLatin1String("warnings")).toInt();
    const QJsonObject target = o.value(QLatin1String("target")).toObject();
    s.targetConnectionId = str(target, "connection");
    s.targetProvider = kindFrom(str(target, "provider"));
    s.targetModel = str(target, "model");
    s.targetSettings = settingsFromJson(target.value(QLatin1String("settings")).toObject());
    s.clampToRange = target.value(QLatin1String("clamp")).toBool();
    const QJsonObject train = o.value(QLatin1String("train")).toObject();
    s.trainingFileId = str(train, "file");
    s.jobId = str(train, "job");
    s.fineTunedModel = str(train, "model");
    const QJsonObject deploy = o.value(QLatin1String("deploy")).toObject();
    s.needsDeployment = deploy.value(QLatin1String("needed")).toBool();
    s.deploymentId = str(deploy, "id");
    s.servedAs = str(deploy, "served_as");
    const QJsonObject parity = o.value(QLatin1String("parity")).toObject();
    s.reportPath = str(parity, "report");
    s.verdict = parity.value(QLatin1String("verdict")).toInt(-1);
    s.lastError = str(o, "last_error");
    return s;
}

MigrationState MigrationFlow::begin(const QString &sourceConnectionId, ProviderKind sourceProvider,
        const QString &sourceModel, const std::optional<FineTuningJob> &sourceJob)
{
    MigrationState state;
    state.id = QStringLiteral("move-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    state.created = QDateTime::currentDateTimeUtc();
    state.updated = state.created;
    state.sourceConnectionId = sourceConnectionId;
    state.sourceProvider = sourceProvider;
    state.sourceModel = sourceModel;
    if (sourceJob)
        state.sourceSettings = HyperparameterMap::requestFrom(*sourceJob);
    // The other service people move to most: Together AI when leaving OpenAI or Azure.
    state.targetProvider = sourceProvider == ProviderKind::Together ? ProviderKind::OpenAI
                                                                    : ProviderKind::Together;
    return state;
}

QString MigrationFlow::useCapture(MigrationState *state, const QString &capturePath)
{
    const BatchItemsLoad load = loadBatchItems(capturePath);
    if (!load.error.isEmpty())
        return refuse(state, load.error);
    const int needed = DatasetSplit::minimumTrainingExamples() + kMinHeldOut;
    if (load.items.size() < needed)
        return refuse(state,
                tr("The capture has %1 answered examples; moving needs at least %2 (%3 to "
                   "train on and %4 kept back for the check). Capture more prompts.")
                        .arg(load.items.size())
                        .arg(needed)
                        .arg(DatasetSplit::minimumTrainingExamples())
                        .arg(kMinHeldOut));
    if (state->capturePath != capturePath) {
        state->trainingPath.clear();
        state->heldOutPath.clear();
    }
    state->capturePath = capturePath;
    state->captureExamples = int(load.items.size());
    touch(state, Step::Split);
    return {};
}

QString MigrationFlow::lintAndSplit(MigrationState *state, double heldOutRatio, quint32 seed)
{
    if (state->capturePath.isEmpty())
        return refuse(state, tr("Choose the captured answers first."));
    LintOptions options;
    options.countTokens = false; // the rules only; the target's limits are checked on upload
    FileValidation validation;
    const DatasetError read = validateFile(state->capturePath, options, &validation);
    if (read.isError())
        return refuse(state, read.message);
    if (validation.errorCount() > 0)
        return refuse(state,
                tr("The captured answers have problems a service would refuse (%1). Open "
                   "the file in the Datasets area, fix them, and split again.")
                        .arg(validation.errorCount()));
    DatasetDocument document;
    const DatasetError opened = document.open(state->capturePath);
    if (opened.isError())
        return refuse(state, opened.message);
    const DatasetSplit split = DatasetSplit::make(document.count(), heldOutRatio, seed);
    if (split.hasTooFewForTraining() || split.validation.size() < kMinHeldOut)
        return refuse(state,
                tr("With %1 examples, keeping %2% back leaves %3 to train on and %4 for the "
                   "check; at least %5 and %6 are needed. Change the share kept back or "
                   "capture more prompts.")
                        .arg(document.count())
                        .arg(qRound(heldOutRatio * 100))
                        .arg(split.training.size())
                        .arg(split.validation.size())
                        .arg(DatasetSplit::minimumTrainingExamples())
                        .arg(kMinHeldOut));
    const QString training = beside(state->capturePath, QStringLiteral(".train.jsonl"));
    const QString heldOut = beside(state->capturePath, QStringLiteral(".held-out.jsonl"));
    const DatasetError written = DatasetExporter::exportSplit(document, split, training, heldOut);
    if (written.isError())
        return refuse(state, written.message);
    state->heldOutRatio = heldOutRatio;
    state->splitSeed = seed;
    state->trainingPath = training;
    state->heldOutPath = heldOut;
    state->trainingExamples = int(split.training.size());
    state->heldOutExamples = int(split.validation.size());
    state->lintWarnings = validation.warningCount();
    touch(state, Step::Target);
    return {};
}

HyperparameterMapping MigrationFlow::mapping(
        const MigrationState &state, ProviderKind provider, bool clampToRange)
{
    HyperparameterMap::Options options;
    options.clampToRange = clampToRange;
    return HyperparameterMap::map(state.sourceSettings, state.sourceProvider, provider, options);
}

QString MigrationFlow::chooseTarget(MigrationState *state, const QString &connectionId,
        ProviderKind provider, const QString &model, bool clampToRange,
        const std::optional<CreateJobRequest> &settings)
{
    if (state->step < Step::Target)
        return refuse(state, tr("Split the captured answers first."));
    if (connectionId.isEmpty() || model.isEmpty())
        return refuse(state, tr("Choose a connection and a base model to train."));
    CreateJobRequest request;
    if (settings) {
        request = *settings;
    } else {
        const HyperparameterMapping mapped = mapping(*state, provider, clampToRange);
        if (!mapped.isAcceptable())
            return refuse(state, mapped.problems().join(QLatin1Char(' ')));
        request = mapped.request;
    }
    request.model = model;
    request.trainingFile = QStringLiteral("file-placeholder"); // checked with the form's rules
    const QList<FormProblem> problems = JobFormRules::validate(request, provider);
    if (!problems.isEmpty()) {
        QStringList words;
        for (const FormProblem &problem : problems)
            words.append(problem.message);
        return refuse(state, words.join(QLatin1Char(' ')));
    }
    request.trainingFile.clear();
    if (state->targetConnectionId != connectionId || state->targetModel != model) {
        state->trainingFileId.clear();
        state->jobId.clear();
        state->fineTunedModel.clear();
    }
    state->targetConnectionId = connectionId;
    state->targetProvider = provider;
    state->targetModel = model;
    state->targetSettings = request;
    state->clampToRange = clampToRange;
    state->needsDeployment = ModelRegistry::provider(provider).needsDeployment();
    touch(state, Step::Train);
    return {};
}

QString MigrationFlow::priceText(const MigrationState &state, const PriceTable &prices)
{
    const JobFormShape shape = JobFormRules::shape(state.targetProvider);
    if (state.targetModel.isEmpty())
        return tr("Choose a base model to see the price.");
    if (shape.servicePricesJob)
        return tr("%1 states the price once the training part is uploaded; you see it before "
                  "training starts.")
                .arg(shape.serviceName);
    LintOptions options;
    options.model = state.targetModel;
    FileValidation validation;
    if (state.trainingPath.isEmpty()
            || validateFile(state.trainingPath, options, &validation).isError())
        return tr("The price is not known: the training part could not be read.");
    QList<qint32> tokens;
    tokens.reserve(validation.counts.size());
    for (const ExampleCounts &counts : std::as_const(validation.counts))
        tokens.append(counts.tokens);
    const Hyperparameter epochs = state.targetSettings.hyperparameters.nEpochs;
    const CostEstimate estimate = CostEstimate::compute(tokens, state.targetModel,
            prices.price(state.targetModel), epochs.isAuto ? 0 : int(epochs.value));
    const QLocale locale;
    if (!estimate.hasCost())
        return tr("The price of %1 is not in the price table: %2 tokens would be billed.")
                .arg(state.targetModel, locale.toString(estimate.billedTokens));
    return tr("Estimated training cost: %1 (%2 examples × %3 epochs, %4 tokens at %5 per "
              "million). The service bills what it actually trains.")
            .arg(formatCostUsd(estimate.costUsd, locale), locale.toString(estimate.examples),
                    locale.toString(estimate.epochs), locale.toString(estimate.billedTokens),
                    formatCostUsd(estimate.usdPerMillion, locale));
}

CreateJobRequest MigrationFlow::jobRequest(const MigrationState &state)
{
    CreateJobRequest request = state.targetSettings;
    request.model = state.targetModel;
    request.trainingFile = state.trainingFileId;
    return request;
}

void MigrationFlow::trainingStarted(
        MigrationState *state, const QString &trainingFileId, const QString &jobId)
{
    state->trainingFileId = trainingFileId;
    state->jobId = jobId;
    touch(state, Step::Train);
}

QString MigrationFlow::trainingUpdate(MigrationState *state, const FineTuningJob &job)
{
    if (job.id != state->jobId)
        return {};
    switch (job.status) {
    case FineTuningJob::Status::Succeeded:
        state->fineTunedModel = job.fineTunedModel;
        touch(state, state->needsDeployment ? Step::Deploy : Step::Parity);
        return {};
    case FineTuningJob::Status::Failed:
    case FineTuningJob::Status::Cancelled: {
        const QString reason = job.error && !job.error->message.isEmpty()
                ? job.error->message
                : tr("The job ended without a model (%1).").arg(job.statusText);
        // Start again from the target page: the job id is dropped, the upload kept.
        state->jobId.clear();
        state->step = Step::Train;
        return refuse(state,
                tr("Training did not finish: %1 Check the settings and start it again.")
                        .arg(reason));
    }
    default:
        return {};
    }
}

QString MigrationFlow::deployed(
        MigrationState *state, const QString &deploymentId, const QString &servedAs)
{
    if (state->fineTunedModel.isEmpty())
        return refuse(state, tr("There is no new model to deploy yet."));
    state->deploymentId = deploymentId;
    state->servedAs = servedAs;
    touch(state, Step::Parity);
    return {};
}

QString MigrationFlow::parityChecked(MigrationState *state, const QString &reportPath, int verdict)
{
    if (state->fineTunedModel.isEmpty())
        return refuse(state, tr("There is no new model to check yet."));
    state->reportPath = reportPath;
    state->verdict = verdict;
    touch(state, Step::Done);
    return {};
}

Step MigrationFlow::resumeStep(const MigrationState &state)
{
    if (state.step > Step::Capture && !QFileInfo::exists(state.capturePath))
        return Step::Capture;
    if (state.step > Step::Split
            && (!QFileInfo::exists(state.trainingPath) || !QFileInfo::exists(state.heldOutPath)))
        return Step::Split;
    if (state.step > Step::Target && state.targetModel.isEmpty())
        return Step::Target;
    if (state.step > Step::Train && state.fineTunedModel.isEmpty())
        return Step::Train;
    if (state.step == Step::Done && !QFileInfo::exists(state.reportPath))
        return Step::Parity;
    return state.step;
}

bool MigrationFlow::goBack(MigrationState *state, Step step)
{
    if (step > state->step)
        return false;
    touch(state, step);
    return true;
}

QList<Step> MigrationFlow::steps()
{
    return {Step::Capture, Step::Split, Step::Target, Step::Train, Step::Deploy, Step::Parity};
}

QString MigrationFlow::stepTitle(Step step)
{
    switch (step) {
    case Step::Capture:
        return tr("Capture answers");
    case Step::Split:
        return tr("Check and split");
    case Step::Target:
        return tr("Choose the new service");
    case Step::Train:
        return tr("Upload and train");
    case Step::Deploy:
        return tr("Deploy");
    case Step::Parity:
        return tr("Parity check");
    case Step::Done:
        break;
    }
    return tr("Done");
}

QString MigrationFlow::statusText(const MigrationState &state)
{
    const QString target = ModelRegistry::provider(state.targetProvider).displayName();
    switch (state.step) {
    case Step::Capture:
        return tr("Moving %1: capture its answers first.").arg(state.sourceModel);
    case Step::Split:
        return tr("Moving %1: %2 answers captured; check and split them next.")
                .arg(state.sourceModel)
                .arg(state.captureExamples);
    case Step::Target:
        return tr("Moving %1: %2 examples to train on, %3 kept back; choose where to train.")
                .arg(state.sourceModel)
                .arg(state.trainingExamples)
                .arg(state.heldOutExamples);
    case Step::Train:
        return state.jobId.isEmpty() ? tr("Moving %1 to %2: ready to upload and train %3.")
                                               .arg(state.sourceModel, target, state.targetModel)
                                     : tr("Moving %1 to %2: training (job %3).")
                                               .arg(state.sourceModel, target, state.jobId);
    case Step::Deploy:
        return tr("Moving %1 to %2: %3 is trained; deploy it to try it.")
                .arg(state.sourceModel, target, state.fineTunedModel);
    case Step::Parity:
        return tr("Moving %1 to %2: check %3 against the old answers.")
                .arg(state.sourceModel, target, state.fineTunedModel);
    case Step::Done:
        break;
    }
    return tr("Moved %1 to %2 as %3; the parity report is at %4.")
            .arg(state.sourceModel, target, state.fineTunedModel, state.reportPath);
}

} // namespace fs
