// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio jobs list | create … | watch ID | cancel ID`
#include "clicontext.h"
#include "jobtexts.h"
#include "jobtracker.h"
#include "modelregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace fs::cli {

namespace {

const VerbSyntax kSyntax = {
        QT_TRANSLATE_NOOP("fs::cli", "Lists, creates, watches or cancels fine-tuning jobs."),
        {
                {"model", QT_TRANSLATE_NOOP("fs::cli", "Base model to fine-tune."), "model"},
                {"training-file", QT_TRANSLATE_NOOP("fs::cli", "Id of the uploaded training file."),
                        "id"},
                {"validation-file",
                        QT_TRANSLATE_NOOP("fs::cli", "Id of the uploaded validation file."), "id"},
                {"suffix",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Up to 64 characters (Together AI: 40) added to the model's name."),
                        "text"},
                {"epochs|n-epochs",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Passes over the training data (OpenAI: 1-50; default: chosen by "
                                "the service)."),
                        "n"},
                {"method",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "sft (supervised, the default) or dpo (preference pairs)."),
                        "sft|dpo"},
                {"beta",
                        QT_TRANSLATE_NOOP(
                                "fs::cli", "DPO only: how far the model may move from the base."),
                        "x"},
                {"batch-size", QT_TRANSLATE_NOOP("fs::cli", "Examples per training step."), "n"},
                {"learning-rate-multiplier",
                        QT_TRANSLATE_NOOP(
                                "fs::cli", "OpenAI: a multiplier of its own learning rate."),
                        "x"},
                {"learning-rate",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Together AI: an absolute learning rate, such as 0.00001."),
                        "x"},
                {"lora",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Together AI: train a small LoRA adapter (cheaper, faster).")},
                {"full", QT_TRANSLATE_NOOP("fs::cli", "Together AI: train every weight.")},
                {"lora-rank",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "LoRA: the adapter's rank (default: the service's, 8 on Together "
                                "AI)."),
                        "n"},
                {"lora-alpha",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "LoRA: the adapter's scaling (default: twice the rank)."),
                        "n"},
                {"lora-dropout",
                        QT_TRANSLATE_NOOP("fs::cli", "LoRA: dropout, 0 or more and below 1."), "x"},
                {"n-evals",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Together AI: evaluations on the validation file during "
                                "training."),
                        "n"},
                {"n-checkpoints",
                        QT_TRANSLATE_NOOP(
                                "fs::cli", "Together AI: checkpoints kept during training."),
                        "n"},
                {"max-context-length",
                        QT_TRANSLATE_NOOP("fs::cli",
                                "Fireworks AI: the longest example trained on, in tokens."),
                        "n"},
                {"interval", QT_TRANSLATE_NOOP("fs::cli", "Seconds between checks while watching."),
                        "seconds", "2"},
        },
        "action",
        QT_TRANSLATE_NOOP("fs::cli",
                "list | create --model M --training-file ID | watch ID | cancel ID | delete ID"),
};

QString durationText(const FineTuningJob &job)
{
    if (!job.finishedAt || *job.finishedAt < job.createdAt)
        return QStringLiteral("-");
    const qint64 seconds = *job.finishedAt - job.createdAt;
    return QStringLiteral("%1m%2s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

int listJobs(Context &context)
{
    const std::optional<Page<FineTuningJob>> page = context.call<Page<FineTuningJob>>(
            [&context](auto done) { return context.provider().listJobs(QString(), 100, done); });
    if (!page)
        return context.failureCode();
    if (context.json()) {
        context.printJson(context.lastBody());
        return ExitOk;
    }
    if (page->data.isEmpty()) {
        context.out() << Context::tr("No fine-tuning jobs.") << '\n';
        return ExitOk;
    }
    int idWidth = 32;
    int modelWidth = 26;
    for (const FineTuningJob &job : page->data) {
        idWidth = std::max(idWidth, int(job.id.size()));
        modelWidth = std::max(modelWidth, int(job.model.size()));
    }
    context.out() << QStringLiteral("ID").leftJustified(idWidth) << ' '
                  << QStringLiteral("STATUS").leftJustified(17) << ' '
                  << QStringLiteral("CREATED").leftJustified(19) << "  "
                  << QStringLiteral("TIME").leftJustified(7) << ' '
                  << QStringLiteral("BASE MODEL").leftJustified(modelWidth)
                  << " FINE-TUNED MODEL\n";
    for (const FineTuningJob &job : page->data) {
        context.out() << job.id.leftJustified(idWidth) << ' ' << job.statusText.leftJustified(17)
                      << ' ' << formatTime(job.createdAt) << "  "
                      << durationText(job).leftJustified(7) << ' '
                      << job.model.leftJustified(modelWidth) << ' '
                      << (job.fineTunedModel.isEmpty() ? QStringLiteral("-") : job.fineTunedModel)
                      << '\n';
    }
    if (page->hasMore)
        context.out() << Context::tr("(more jobs exist; the newest 100 are shown)") << '\n';
    return ExitOk;
}

void printJobSummary(Context &context, const FineTuningJob &job)
{
    context.out() << Context::tr("Job %1: %2").arg(job.id, job.statusText) << '\n'
                  << Context::tr("  base model:  %1").arg(job.model) << '\n'
                  << Context::tr("  training:    %1").arg(job.trainingFile) << '\n';
    if (!job.validationFile.isEmpty())
        context.out() << Context::tr("  validation:  %1").arg(job.validationFile) << '\n';
    if (!job.fineTunedModel.isEmpty())
        context.out() << Context::tr("  fine-tuned:  %1").arg(job.fineTunedModel) << '\n';
    if (job.error)
        context.out() << Context::tr("  error:       %1")
                                 .arg(JobTexts::errorText(job.error->code, job.error->message))
                      << '\n';
}

/// A training setting given on the command line and the model registry's names for it (the
/// first one the provider has is used: OpenAI calls DPO's beta "beta", Together "dpo_beta").
struct SettingOption
{
    QString option;
    QStringList keys;
};

/// How any provider's registry labels `key` ("LoRA rank"); empty when none knows it.
QString settingLabel(const QString &key)
{
    for (ProviderKind kind : ModelRegistry::providers()) {
        if (const HyperparameterRange *range = ModelRegistry::provider(kind).range(key))
            return range->label();
    }
    return {};
}

/**
 * Reads --OPTION as a number and checks it against what the provider offers (the model
 * registry): a setting another provider has but this one lacks is refused, a value outside the
 * provider's range too. Settings no registry describes are left to the dialect. False with
 * `*problem` set when refused.
 */
bool readSetting(const QCommandLineParser &parser, const ProviderModels &provider,
        const SettingOption &setting, const CreateJobRequest &request, double *value,
        QString *problem)
{
    bool ok = false;
    *value = parser.value(setting.option).toDouble(&ok);
    if (!ok) {
        *problem = Context::tr("--%1 takes a number.").arg(setting.option);
        return false;
    }
    const bool absolute = provider.learningRateKind() == QLatin1String("absolute");
    if (setting.keys.contains(QLatin1String("learning_rate_multiplier")) && absolute) {
        *problem = Context::tr("%1 takes an absolute learning rate; use --learning-rate.")
                           .arg(provider.displayName());
        return false;
    }
    if (setting.keys.contains(QLatin1String("learning_rate")) && !absolute) {
        *problem = Context::tr("%1 takes a learning rate multiplier; use "
                               "--learning-rate-multiplier.")
                           .arg(provider.displayName());
        return false;
    }
    const HyperparameterRange *range = nullptr;
    for (const QString &key : setting.keys) {
        if ((range = provider.range(key)))
            break;
    }
    if (!range) {
        const QString label = settingLabel(setting.keys.constFirst());
        if (!label.isEmpty()) {
            *problem = Context::tr("%1 has no setting for %2 (--%3).")
                               .arg(provider.displayName(), label, setting.option);
            return false;
        }
        if (*value < 0 || *value != std::floor(*value)) {
            *problem = Context::tr("--%1 takes a whole number.").arg(setting.option);
            return false;
        }
        return true; // the dialect says whether the service has it
    }
    if (!range->method.isEmpty() && range->method != request.methodType) {
        *problem = Context::tr("%1 applies only to preference (DPO) training: add --method dpo.")
                           .arg(range->label());
        return false;
    }
    if (range->trainingType == QLatin1String("lora")
            && request.settings.type == TrainingSettings::Type::Full) {
        *problem = Context::tr("%1 applies only to LoRA training; leave out --full.")
                           .arg(range->label());
        return false;
    }
    *problem = provider.checkHyperparameter(range->key, *value);
    return problem->isEmpty();
}

Hyperparameter fixedValue(double value)
{
    Hyperparameter parameter;
    parameter.isAuto = false;
    parameter.value = value;
    return parameter;
}

/// The training settings a command line can give, and the registry's names for each.
const QList<SettingOption> &settingOptions()
{
    static const QList<SettingOption> options = {
            {QStringLiteral("epochs"), {QStringLiteral("n_epochs")}},
            {QStringLiteral("batch-size"), {QStringLiteral("batch_size")}},
            {QStringLiteral("learning-rate"), {QStringLiteral("learning_rate")}},
            {QStringLiteral("learning-rate-multiplier"),
                    {QStringLiteral("learning_rate_multiplier")}},
            {QStringLiteral("beta"), {QStringLiteral("beta"), QStringLiteral("dpo_beta")}},
            {QStringLiteral("lora-rank"), {QStringLiteral("lora_r")}},
            {QStringLiteral("lora-alpha"), {QStringLiteral("lora_alpha")}},
            {QStringLiteral("lora-dropout"), {QStringLiteral("lora_dropout")}},
            {QStringLiteral("n-evals"), {QStringLiteral("n_evals")}},
            {QStringLiteral("n-checkpoints"), {QStringLiteral("n_checkpoints")}},
            {QStringLiteral("max-context-length"), {QStringLiteral("max_context_length")}},
    };
    return options;
}

/// Where the request keeps each setting given as a fixed value, by the registry's name.
const std::pair<const char *, Hyperparameter Hyperparameters::*> kHyperparameters[] = {
        {"n_epochs", &Hyperparameters::nEpochs},
        {"batch_size", &Hyperparameters::batchSize},
        {"learning_rate_multiplier", &Hyperparameters::learningRateMultiplier},
        {"beta", &Hyperparameters::beta},
};
const std::pair<const char *, std::optional<double> TrainingSettings::*> kFractions[] = {
        {"learning_rate", &TrainingSettings::learningRate},
        {"lora_dropout", &TrainingSettings::loraDropout},
};
const std::pair<const char *, std::optional<int> TrainingSettings::*> kCounts[] = {
        {"lora_r", &TrainingSettings::loraRank},
        {"lora_alpha", &TrainingSettings::loraAlpha},
        {"n_evals", &TrainingSettings::nEvals},
        {"n_checkpoints", &TrainingSettings::nCheckpoints},
        {"max_context_length", &TrainingSettings::maxContextLength},
};

/// Puts a checked setting's value where the request keeps it (`key`: the registry's name).
void applySetting(const QString &key, double value, CreateJobRequest *request)
{
    for (const auto &[name, member] : kHyperparameters) {
        if (key == QLatin1String(name))
            request->hyperparameters.*member = fixedValue(value);
    }
    for (const auto &[name, member] : kFractions) {
        if (key == QLatin1String(name))
            request->settings.*member = value;
    }
    for (const auto &[name, member] : kCounts) {
        if (key == QLatin1String(name))
            request->settings.*member = qRound(value);
    }
}

/// --method, checked against what the model can be trained with on the provider.
bool readMethod(const QCommandLineParser &parser, const ProviderModels &provider,
        CreateJobRequest *request, QString *problem)
{
    const QString method = parser.value(QStringLiteral("method")).toLower();
    if (method == QLatin1String("dpo")) {
        request->methodType = QStringLiteral("dpo");
    } else if (method.isEmpty() || method == QLatin1String("sft")
            || method == QLatin1String("supervised")) {
        request->methodType = QStringLiteral("supervised");
    } else {
        *problem = Context::tr("--method takes sft (supervised) or dpo (preference).");
        return false;
    }
    const RegisteredModel *model = provider.find(request->model);
    if (!model || model->supportsMethod(request->methodType))
        return true;
    *problem = Context::tr("%1 cannot be trained with %2 on %3.")
                       .arg(request->model,
                               request->methodType == QLatin1String("dpo")
                                       ? Context::tr("preference (DPO) training")
                                       : Context::tr("supervised training"),
                               provider.displayName());
    return false;
}

/// --lora / --full (LoRA values alone mean LoRA where the provider has it).
bool readTrainingType(const QCommandLineParser &parser, const ProviderModels &provider,
        TrainingSettings *settings, QString *problem)
{
    const bool lora = parser.isSet(QStringLiteral("lora"));
    const bool full = parser.isSet(QStringLiteral("full"));
    if (lora && full) {
        *problem = Context::tr("choose either --lora or --full.");
        return false;
    }
    const bool loraValues = parser.isSet(QStringLiteral("lora-rank"))
            || parser.isSet(QStringLiteral("lora-alpha"))
            || parser.isSet(QStringLiteral("lora-dropout"));
    if (full)
        settings->type = TrainingSettings::Type::Full;
    else if (lora || (loraValues && provider.trainingTypes().contains(QLatin1String("lora"))))
        settings->type = TrainingSettings::Type::Lora;
    return true;
}

/// The request the options describe, checked against the provider's registry; false with
/// `*problem` (a sentence) when an option does not fit the provider.
bool buildJobRequest(const QCommandLineParser &parser, const ProviderModels &provider,
        CreateJobRequest *request, QString *problem)
{
    request->model = parser.value(QStringLiteral("model"));
    request->trainingFile = parser.value(QStringLiteral("training-file"));
    request->validationFile = parser.value(QStringLiteral("validation-file"));
    request->suffix = parser.value(QStringLiteral("suffix"));
    if (request->suffix.size() > 64) {
        *problem = Context::tr("the suffix may have at most 64 characters.");
        return false;
    }
    if (!readMethod(parser, provider, request, problem)
            || !readTrainingType(parser, provider, &request->settings, problem))
        return false;
    for (const SettingOption &option : settingOptions()) {
        if (!parser.isSet(option.option))
            continue;
        double value = 0;
        if (!readSetting(parser, provider, option, *request, &value, problem))
            return false;
        applySetting(option.keys.constFirst(), value, request);
    }
    // LoRA without a rank: the provider's default rank.
    TrainingSettings &settings = request->settings;
    if (settings.type == TrainingSettings::Type::Lora && !settings.loraRank) {
        if (const HyperparameterRange *rank = provider.range(QStringLiteral("lora_r"));
                rank && rank->defaultValue.canConvert<double>() && rank->defaultValue.toInt() > 0)
            settings.loraRank = rank->defaultValue.toInt();
    }
    return true;
}

/// "LoRA (rank 8, alpha 16)", "full", or empty when the service chooses.
QString trainingTypeText(const TrainingSettings &settings)
{
    if (settings.type == TrainingSettings::Type::Full)
        return Context::tr("full");
    if (settings.type != TrainingSettings::Type::Lora)
        return {};
    QStringList parts;
    if (settings.loraRank)
        parts << Context::tr("rank %1").arg(*settings.loraRank);
    if (settings.loraAlpha)
        parts << Context::tr("alpha %1").arg(*settings.loraAlpha);
    if (settings.loraDropout)
        parts << Context::tr("dropout %1").arg(*settings.loraDropout);
    return parts.isEmpty() ? Context::tr("LoRA")
                           : Context::tr("LoRA (%1)").arg(parts.join(QStringLiteral(", ")));
}

int createJob(Context &context)
{
    CreateJobRequest request;
    QString problem;
    if (!buildJobRequest(context.parser(), ModelRegistry::provider(context.providerKind()),
                &request, &problem)) {
        context.err() << Context::tr("error: %1").arg(problem) << '\n';
        return ExitUsage;
    }
    if (request.model.isEmpty() || request.trainingFile.isEmpty()) {
        context.err() << Context::tr(
                "usage: finetune-studio jobs create --model MODEL --training-file "
                "FILE_ID [--validation-file FILE_ID] [--suffix TEXT] [--epochs N]")
                      << '\n';
        return ExitUsage;
    }
    const std::optional<FineTuningJob> job =
            context.call<FineTuningJob>([&context, &request](auto done) {
                return context.provider().createJob(request, done);
            });
    if (!job)
        return context.failureCode();
    if (context.json()) {
        context.printJson(job->raw);
        return ExitOk;
    }
    printJobSummary(context, *job);
    QStringList settings;
    const QString type = trainingTypeText(job->settings);
    if (!type.isEmpty())
        settings << type;
    if (job->settings.learningRate)
        settings << Context::tr("learning rate %1").arg(*job->settings.learningRate);
    if (!job->hyperparameters.nEpochs.isAuto)
        settings << Context::tr("%n epoch(s)", nullptr, qRound(job->hyperparameters.nEpochs.value));
    if (!settings.isEmpty())
        context.out() << Context::tr("  settings:    %1").arg(settings.join(QStringLiteral(", ")))
                      << '\n';
    if (job->fineTunedModel.isEmpty() && !job->outputModelName.isEmpty())
        context.out() << Context::tr("  model name:  %1 (once trained)").arg(job->outputModelName)
                      << '\n';
    context.out() << Context::tr("Follow it with: finetune-studio jobs watch %1").arg(job->id)
                  << '\n';
    return ExitOk;
}

QString progressLine(const FineTuningJob &job, const MetricsSeries &series)
{
    QString line = QStringLiteral("  progress: step %1").arg(series.lastStep());
    if (series.totalSteps() > 0)
        line += QStringLiteral("/%1 (%2%)")
                        .arg(series.totalSteps())
                        .arg(qRound(series.progress() * 100));
    const double train = series.latest(Metric::TrainLoss);
    if (!std::isnan(train))
        line += Context::tr(", training loss %1").arg(train, 0, 'f', 3);
    const double valid = series.latest(Metric::ValidLoss);
    if (!std::isnan(valid))
        line += Context::tr(", validation loss %1").arg(valid, 0, 'f', 3);
    const QString left = series.progress() < 1
            ? JobTexts::timeLeftText(job, QDateTime::currentSecsSinceEpoch())
            : QString();
    if (!left.isEmpty())
        line += QStringLiteral(", ") + left;
    return line;
}

QJsonObject eventJson(const JobEvent &event)
{
    return QJsonObject {{QStringLiteral("id"), event.id},
            {QStringLiteral("object"), QStringLiteral("fine_tuning.job.event")},
            {QStringLiteral("created_at"), event.createdAt}, {QStringLiteral("level"), event.level},
            {QStringLiteral("message"), event.message}, {QStringLiteral("type"), event.type},
            {QStringLiteral("data"), event.data}};
}

/// The job's new events, a line (or JSON object) each, then its progress when steps came.
void printEvents(Context &context, const JobTracker &tracker, const QString &id,
        const QList<JobEvent> &events)
{
    bool metrics = false;
    for (const JobEvent &event : events) {
        metrics = metrics || event.type == QLatin1String("metrics");
        if (context.json()) {
            context.printJson(eventJson(event));
            continue;
        }
        QString message = event.message;
        const QString code = JobTexts::eventErrorCode(event);
        if (event.level == QLatin1String("error") && !code.isEmpty())
            message = JobTexts::errorText(code, event.message);
        context.out() << formatTime(event.createdAt) << "  " << event.level.leftJustified(5) << "  "
                      << message << '\n';
    }
    // One progress line per batch that brought new steps, not one per event.
    if (metrics && !context.json()) {
        if (const JobMetrics *m = tracker.metrics(id))
            context.out() << progressLine(tracker.job(id), m->series()) << '\n';
    }
    context.out().flush();
}

QJsonObject metricPointJson(const MetricPoint &point, const QString &id, int totalSteps)
{
    QJsonObject object = point.toJson();
    object.insert(QStringLiteral("object"), QStringLiteral("fine_tuning.job.metrics"));
    object.insert(QStringLiteral("job_id"), id);
    object.insert(QStringLiteral("step"), point.step);
    if (totalSteps > 0)
        object.insert(QStringLiteral("total_steps"), totalSteps);
    return object;
}

/// "Step 12/40: training loss=1.2345, validation loss=1.3456", as OpenAI's metrics events read.
QString metricPointLine(const MetricPoint &point, int totalSteps)
{
    QString line = totalSteps > 0 ? QStringLiteral("Step %1/%2").arg(point.step).arg(totalSteps)
                                  : QStringLiteral("Step %1").arg(point.step);
    QStringList values;
    if (point.has(Metric::TrainLoss))
        values << QStringLiteral("training loss=%1").arg(point.value(Metric::TrainLoss), 0, 'f', 4);
    if (point.has(Metric::ValidLoss))
        values << QStringLiteral("validation loss=%1")
                          .arg(point.value(Metric::ValidLoss), 0, 'f', 4);
    if (point.has(Metric::FullValidLoss))
        values << QStringLiteral("full validation loss=%1")
                          .arg(point.value(Metric::FullValidLoss), 0, 'f', 4);
    if (!values.isEmpty())
        line += QStringLiteral(": ") + values.join(QStringLiteral(", "));
    return line;
}

/// Steps from a metrics endpoint (Together AI), a line (or JSON object) each, then the progress.
void printMetricPoints(Context &context, const JobTracker &tracker, const QString &id,
        const QList<MetricPoint> &points)
{
    const JobMetrics *m = tracker.metrics(id);
    const int total = m ? m->series().totalSteps() : 0;
    for (const MetricPoint &point : points) {
        if (context.json())
            context.printJson(metricPointJson(point, id, total));
        else
            context.out() << metricPointLine(point, total) << '\n';
    }
    if (!context.json() && m)
        context.out() << progressLine(tracker.job(id), m->series()) << '\n';
    context.out().flush();
}

/// Not a brief outage (the retry budget of ApiLimits ran out): the problem in a sentence.
void printGaveUp(Context &context, const ApiError &error, const QString &sentence)
{
    context.err() << Context::tr("error: %1").arg(sentence);
    // The technical line, unless it only repeats a dialect's sentence.
    if (error.message != error.plainMessage())
        context.err() << " (" << error.technicalSummary() << ')';
    context.err() << Qt::endl;
}

/// The end of a watched job for people: its metrics' last word, then its summary.
void printFinished(Context &context, const JobTracker &tracker, const FineTuningJob &job)
{
    const JobMetrics *m = tracker.metrics(job.id);
    if (m && m->isComplete())
        context.out() << (tracker.metricsFromEndpoint()
                        ? Context::tr("  metrics: %1 steps, final training "
                                      "loss %2")
                        : Context::tr("  result file: %1 steps, final "
                                      "training loss %2"))
                                 .arg(m->series().size())
                                 .arg(m->series().latest(Metric::TrainLoss), 0, 'f', 3)
                      << '\n';
    if (m) {
        const OverfittingHint hint = m->series().overfitting();
        if (hint.detected)
            context.out() << "  " << hint.text << '\n';
    }
    context.out() << '\n';
    printJobSummary(context, job);
}

int finishedExitCode(const FineTuningJob &job)
{
    if (job.status == FineTuningJob::Status::Succeeded)
        return ExitOk;
    return job.status == FineTuningJob::Status::Cancelled ? ExitCancelled : ExitFailure;
}

/// Polls every --interval seconds while running, twice that while queued.
TrackerIntervals watchIntervals(double seconds)
{
    const int intervalMs = static_cast<int>(seconds * 1000);
    TrackerIntervals intervals;
    intervals.runningMs = intervalMs;
    intervals.waitingMs = intervalMs * 2;
    intervals.maxBackoffMs = std::max(30000, intervalMs * 8);
    return intervals;
}

int watchJob(Context &context, const QString &jobId)
{
    double interval = 0;
    if (!context.interval(&interval))
        return ExitUsage;
    JobTracker tracker(&context.client());
    tracker.setIntervals(watchIntervals(interval));
    QEventLoop loop;
    int exitCode = ExitOk;
    const auto fail = [&loop, &exitCode] {
        exitCode = ExitFailure;
        loop.quit();
    };
    QObject::connect(&tracker, &JobTracker::eventsAdded, &loop,
            [&](const QString &id, const QList<JobEvent> &events) {
                printEvents(context, tracker, id, events);
            });
    QObject::connect(&tracker, &JobTracker::metricsAdded, &loop,
            [&](const QString &id, const QList<MetricPoint> &points) {
                printMetricPoints(context, tracker, id, points);
            });
    QObject::connect(&tracker, &JobTracker::pollFailed, &loop,
            [&](const QString &, const ApiError &error, bool willRetry) {
                if (willRetry) {
                    context.err() << Context::tr("warning: %1 Trying again shortly.")
                                             .arg(error.plainMessage())
                                  << Qt::endl;
                    return;
                }
                context.printError(error);
                fail();
            });
    QObject::connect(&tracker, &JobTracker::gaveUp, &loop,
            [&](const QString &, const ApiError &error, const QString &sentence) {
                printGaveUp(context, error, sentence);
                fail();
            });
    QObject::connect(&tracker, &JobTracker::finished, &loop, [&](const FineTuningJob &job) {
        if (!context.json())
            printFinished(context, tracker, job);
        exitCode = finishedExitCode(job);
        loop.quit();
    });
    tracker.watch(jobId);
    if (tracker.isWatching(jobId))
        loop.exec();
    return exitCode;
}

int cancelJob(Context &context, const QString &jobId)
{
    const std::optional<FineTuningJob> job = context.call<FineTuningJob>(
            [&context, &jobId](auto done) { return context.provider().cancelJob(jobId, done); });
    if (!job)
        return context.failureCode();
    if (context.json()) {
        context.printJson(job->raw);
        return ExitOk;
    }
    context.out() << Context::tr("Job %1 is now %2.").arg(job->id, job->statusText) << '\n';
    return ExitOk;
}

int deleteJob(Context &context, const QString &jobId)
{
    const std::optional<bool> deleted = context.call<bool>(
            [&context, &jobId](auto done) { return context.provider().deleteJob(jobId, done); });
    if (!deleted)
        return context.failureCode();
    if (context.json()) {
        context.printJson(
                QJsonObject {{QStringLiteral("id"), jobId}, {QStringLiteral("deleted"), true}});
        return ExitOk;
    }
    context.out() << Context::tr("Job %1 is deleted (a running job stops).").arg(jobId) << '\n';
    return ExitOk;
}

int runVerb(Context &context)
{
    const QString action = context.action(
            {{"list", 0, 0}, {"create", 0, 0}, {"watch", 1, 1}, {"cancel", 1, 1}, {"delete", 1, 1}},
            Context::tr("usage: finetune-studio jobs list | create --model M --training-file ID "
                        "| watch ID | cancel ID | delete ID"));
    if (action.isEmpty())
        return ExitUsage;
    if (!context.connect())
        return ExitFailure;
    if (action == QLatin1String("list"))
        return listJobs(context);
    if (action == QLatin1String("create"))
        return createJob(context);
    const QString jobId = context.words().at(1);
    if (action == QLatin1String("watch"))
        return watchJob(context, jobId);
    if (action == QLatin1String("delete"))
        return deleteJob(context, jobId);
    return cancelJob(context, jobId);
}

} // namespace

const Verb jobsVerb = {kSyntax, runVerb};

} // namespace fs::cli
