// SPDX-License-Identifier: GPL-3.0-or-later
// `jobs watch ID`: a job's events and training steps as they come, until it ends.
#include "jobwatch.h"

#include "clicontext.h"
#include "jobtexts.h"
#include "jobtracker.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace fs::cli {

namespace {

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

} // namespace

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

} // namespace fs::cli
