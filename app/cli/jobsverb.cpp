// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio jobs list | create … | watch ID | cancel ID | delete ID`
#include "clicontext.h"
#include "jobrequest.h"
#include "jobwatch.h"
#include "modelregistry.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

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
