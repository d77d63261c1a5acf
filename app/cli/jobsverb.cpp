// SPDX-License-Identifier: GPL-3.0-or-later
// `finetune-studio jobs list | create … | watch ID | cancel ID`
#include "clicontext.h"
#include "jobtexts.h"
#include "jobtracker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>

#include <cmath>

namespace fs::cli {

namespace {

QString durationText(const FineTuningJob &job)
{
    if (!job.finishedAt || *job.finishedAt < job.createdAt)
        return QStringLiteral("-");
    const qint64 seconds = *job.finishedAt - job.createdAt;
    return QStringLiteral("%1m%2s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

int listJobs(Context &context)
{
    return context.report(
            context.client().listJobs(QString(), 100), [&context](const QJsonObject &json) {
                const Page<FineTuningJob> page = parseJobPage(json);
                if (page.data.isEmpty()) {
                    context.out() << Context::tr("No fine-tuning jobs.") << '\n';
                    return int(ExitOk);
                }
                context.out() << QStringLiteral("ID").leftJustified(32) << ' '
                              << QStringLiteral("STATUS").leftJustified(17) << ' '
                              << QStringLiteral("CREATED").leftJustified(19) << "  "
                              << QStringLiteral("TIME").leftJustified(7) << ' '
                              << QStringLiteral("BASE MODEL").leftJustified(26)
                              << " FINE-TUNED MODEL\n";
                for (const FineTuningJob &job : page.data) {
                    context.out() << job.id.leftJustified(32) << ' '
                                  << job.statusText.leftJustified(17) << ' '
                                  << formatTime(job.createdAt) << "  "
                                  << durationText(job).leftJustified(7) << ' '
                                  << job.model.leftJustified(26) << ' '
                                  << (job.fineTunedModel.isEmpty() ? QStringLiteral("-")
                                                                   : job.fineTunedModel)
                                  << '\n';
                }
                if (page.hasMore)
                    context.out() << Context::tr("(more jobs exist; the newest 100 are shown)")
                                  << '\n';
                return int(ExitOk);
            });
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

int createJob(Context &context, const QCommandLineParser &parser)
{
    CreateJobRequest request;
    request.model = parser.value(QStringLiteral("model"));
    request.trainingFile = parser.value(QStringLiteral("training-file"));
    request.validationFile = parser.value(QStringLiteral("validation-file"));
    request.suffix = parser.value(QStringLiteral("suffix"));
    if (request.model.isEmpty() || request.trainingFile.isEmpty()) {
        context.err() << Context::tr(
                "usage: finetune-studio jobs create --model MODEL --training-file "
                "FILE_ID [--validation-file FILE_ID] [--suffix TEXT] [--n-epochs N]")
                      << '\n';
        return ExitUsage;
    }
    if (request.suffix.size() > 64) {
        context.err() << Context::tr("error: the suffix may have at most 64 characters.") << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("n-epochs"))) {
        bool ok = false;
        const int epochs = parser.value(QStringLiteral("n-epochs")).toInt(&ok);
        if (!ok || epochs < 1 || epochs > 50) {
            context.err() << Context::tr("error: --n-epochs takes a whole number from 1 to 50.")
                          << '\n';
            return ExitUsage;
        }
        request.hyperparameters.nEpochs.isAuto = false;
        request.hyperparameters.nEpochs.value = epochs;
    }
    return context.report(context.client().createJob(request), [&context](const QJsonObject &json) {
        const FineTuningJob job = FineTuningJob::fromJson(json);
        printJobSummary(context, job);
        context.out() << Context::tr("Follow it with: finetune-studio jobs watch %1").arg(job.id)
                      << '\n';
        return ExitOk;
    });
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

int watchJob(Context &context, const QCommandLineParser &parser, const QString &jobId)
{
    bool ok = false;
    const double interval = parser.value(QStringLiteral("interval")).toDouble(&ok);
    if (!ok || interval <= 0) {
        context.err() << Context::tr("error: --interval takes a positive number of seconds.")
                      << '\n';
        return ExitUsage;
    }
    JobTracker tracker(&context.client());
    const int intervalMs = static_cast<int>(interval * 1000);
    TrackerIntervals intervals;
    intervals.runningMs = intervalMs;
    intervals.waitingMs = intervalMs * 2;
    intervals.maxBackoffMs = std::max(30000, intervalMs * 8);
    tracker.setIntervals(intervals);

    QEventLoop loop;
    int exitCode = ExitOk;
    QObject::connect(&tracker, &JobTracker::eventsAdded, &loop,
            [&context, &tracker](const QString &id, const QList<JobEvent> &events) {
                bool metrics = false;
                for (const JobEvent &event : events) {
                    metrics = metrics || event.type == QLatin1String("metrics");
                    if (context.json()) {
                        context.printJson(QJsonObject {{QStringLiteral("id"), event.id},
                                {QStringLiteral("object"), QStringLiteral("fine_tuning.job.event")},
                                {QStringLiteral("created_at"), event.createdAt},
                                {QStringLiteral("level"), event.level},
                                {QStringLiteral("message"), event.message},
                                {QStringLiteral("type"), event.type},
                                {QStringLiteral("data"), event.data}});
                        continue;
                    }
                    QString message = event.message;
                    const QString code = JobTexts::eventErrorCode(event);
                    if (event.level == QLatin1String("error") && !code.isEmpty())
                        message = JobTexts::errorText(code, event.message);
                    context.out() << formatTime(event.createdAt) << "  "
                                  << event.level.leftJustified(5) << "  " << message << '\n';
                }
                // One progress line per batch that brought new steps, not one per event.
                if (metrics && !context.json()) {
                    if (const JobMetrics *m = tracker.metrics(id))
                        context.out() << progressLine(tracker.job(id), m->series()) << '\n';
                }
                context.out().flush();
            });
    QObject::connect(&tracker, &JobTracker::pollFailed, &loop,
            [&context, &loop, &exitCode](const QString &, const ApiError &error, bool willRetry) {
                if (willRetry) {
                    context.err() << Context::tr("warning: %1 Trying again shortly.")
                                             .arg(error.plainMessage())
                                  << Qt::endl;
                    return;
                }
                context.printError(error);
                exitCode = ExitFailure;
                loop.quit();
            });
    QObject::connect(&tracker, &JobTracker::finished, &loop,
            [&context, &loop, &exitCode, &tracker](const FineTuningJob &job) {
                if (!context.json()) {
                    if (const JobMetrics *m = tracker.metrics(job.id); m && m->isComplete())
                        context.out()
                                << Context::tr("  result file: %1 steps, final training "
                                               "loss %2")
                                           .arg(m->series().size())
                                           .arg(m->series().latest(Metric::TrainLoss), 0, 'f', 3)
                                << '\n';
                    if (const JobMetrics *m = tracker.metrics(job.id)) {
                        const OverfittingHint hint = m->series().overfitting();
                        if (hint.detected)
                            context.out() << "  " << hint.text << '\n';
                    }
                    context.out() << '\n';
                    printJobSummary(context, job);
                }
                if (job.status == FineTuningJob::Status::Succeeded)
                    exitCode = ExitOk;
                else if (job.status == FineTuningJob::Status::Cancelled)
                    exitCode = ExitCancelled;
                else
                    exitCode = ExitFailure;
                loop.quit();
            });
    tracker.watch(jobId);
    if (tracker.isWatching(jobId))
        loop.exec();
    return exitCode;
}

int cancelJob(Context &context, const QString &jobId)
{
    return context.report(context.client().cancelJob(jobId), [&context](const QJsonObject &json) {
        const FineTuningJob job = FineTuningJob::fromJson(json);
        context.out() << Context::tr("Job %1 is now %2.").arg(job.id, job.statusText) << '\n';
        return ExitOk;
    });
}

} // namespace

int runJobs(const QStringList &arguments)
{
    Context context;
    QCommandLineParser parser;
    Context::addCommonOptions(parser);
    parser.addOption({QStringLiteral("model"), Context::tr("Base model to fine-tune."),
            QStringLiteral("model")});
    parser.addOption({QStringLiteral("training-file"),
            Context::tr("Id of the uploaded training file."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("validation-file"),
            Context::tr("Id of the uploaded validation file."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("suffix"),
            Context::tr("Up to 64 characters added to the model's name."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("n-epochs"),
            Context::tr("Passes over the training data (1-50; default: "
                        "chosen by the service)."),
            QStringLiteral("n")});
    parser.addOption(
            {QStringLiteral("interval"), Context::tr("Seconds between checks while watching."),
                    QStringLiteral("seconds"), QStringLiteral("2")});
    parser.addPositionalArgument(QStringLiteral("action"),
            Context::tr("list | create --model M --training-file ID | watch ID | cancel ID"));
    int exitCode = ExitOk;
    if (!context.parse(parser, arguments,
                Context::tr("Lists, creates, watches or cancels fine-tuning jobs."), &exitCode))
        return exitCode;

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool known = ((action == QLatin1String("list") || action == QLatin1String("create"))
                               && positional.size() == 1)
            || ((action == QLatin1String("watch") || action == QLatin1String("cancel"))
                    && positional.size() == 2);
    if (!known) {
        context.err() << Context::tr(
                "usage: finetune-studio jobs list | create --model M --training-file ID "
                "| watch ID | cancel ID")
                      << '\n';
        return ExitUsage;
    }
    if (!context.connect(parser))
        return ExitFailure;
    if (action == QLatin1String("list"))
        return listJobs(context);
    if (action == QLatin1String("create"))
        return createJob(context, parser);
    if (action == QLatin1String("watch"))
        return watchJob(context, parser, positional.at(1));
    return cancelJob(context, positional.at(1));
}

} // namespace fs::cli
