// SPDX-License-Identifier: GPL-3.0-or-later
// A Together AI job with 50,000 metric steps: the Jobs chart fed from /fine-tunes/{id}/metrics.
// (1) The tracker against a fake Together service (one job, steps served from global_step_from
//     on): the first catch-up, then per poll cycle once caught up the requests and bytes, and how
//     many metric entries each metrics request brought (only the new steps + the last known one).
// (2) The chart like bench_chart: an update after a poll (parse the metrics page, merge the
//     points, replace the series; aim < 16 ms) and a full redraw rendered into an image (aim
//     < 50 ms). Sets QT_QPA_PLATFORM=offscreen when unset.
// Usage: bench_together_metrics [--steps N] [--batch N] [--repeat N]

#include "apiclient.h"
#include "benchstats.h"
#include "faketogether.h"
#include "jobtracker.h"
#include "metricschart.h"
#include "metricsseries.h"
#include "togetherdialect.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QImage>
#include <QTest>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

using fs::bench::noise;
using fs::bench::report;
using fs::bench::Stats;

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int steps = 50000;
    int batch = 100;
    int repeat = 20;
    fs::bench::readOptions(
            app.arguments(), {{"steps", &steps}, {"batch", &batch}, {"repeat", &repeat}});
    std::printf("bench_together_metrics: %d steps, %d new steps per poll, %d polls, platform %s\n",
            steps, batch, repeat, qPrintable(QGuiApplication::platformName()));
    const int initial = steps - batch * repeat;
    const QString jobId = QStringLiteral("ft-bench");

    // ---- (1) the tracker against the fake service -------------------------------------------
    // Training loss every step (noisy, falling), an evaluation every 500 steps, 4 epochs.
    fs::test::FakeTogether nam(jobId);
    nam.status = QStringLiteral("running");
    nam.totalSteps = steps;
    nam.stepsPerEpoch = steps / 4;
    nam.evalEvery = 500;
    const auto trend = [steps](int step) { return 0.25 + 1.8 * std::exp(-step / (steps / 5.0)); };
    nam.trainLoss = [trend](int step) { return trend(step) * (1 + 0.25 * noise(step, 1)); };
    nam.evalLoss = [trend](int step) { return trend(step) * 1.12; };
    nam.stepsDone = initial;
    fs::ApiClient client(&nam, fs::test::FakeTogether::connection());
    fs::JobTracker tracker(&client);
    fs::TrackerIntervals intervals;
    intervals.runningMs = 5;
    intervals.waitingMs = 5;
    tracker.setIntervals(intervals);

    fs::ui::MetricsChart chart;
    chart.resize(1280, 720);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        return 1;

    QElapsedTimer timer;
    timer.start();
    tracker.watch(jobId);
    chart.setMetrics(tracker.metrics(jobId));
    if (!QTest::qWaitFor(
                [&] { return tracker.metrics(jobId)->series().lastStep() == initial; }, 120000))
        return 2;
    std::printf("  catch-up: %d steps in %d requests, %.1f kB, %.1f ms (first cycle)\n", initial,
            tracker.requestCount(jobId), tracker.bytesReceived(jobId) / 1024.0,
            timer.nsecsElapsed() / 1e6);

    const int cycles0 = tracker.cycleCount(jobId);
    const int requests0 = tracker.requestCount(jobId);
    const qint64 bytes0 = tracker.bytesReceived(jobId);
    const int metricsRequests0 = int(nam.metricsFrom.size());
    const int entries0 = nam.entriesServed;
    const qint64 metricsBytes0 = nam.metricsBytes;
    for (int i = 0; i < repeat; ++i) {
        nam.stepsDone += batch;
        const int target = nam.stepsDone;
        if (!QTest::qWaitFor(
                    [&] { return tracker.metrics(jobId)->series().lastStep() == target; }, 20000))
            return 3;
    }
    const int cycles = tracker.cycleCount(jobId) - cycles0;
    const int requests = tracker.requestCount(jobId) - requests0;
    const qint64 bytes = tracker.bytesReceived(jobId) - bytes0;
    const int metricsRequests = int(nam.metricsFrom.size()) - metricsRequests0;
    const int entries = nam.entriesServed - entries0;
    std::printf("  caught up, %d polls that brought %d new steps each, over %d cycles:\n", repeat,
            batch, cycles);
    std::printf("    requests per cycle: %.2f (job every cycle + metrics when steps are new + "
                "events every %d cycles)\n",
            double(requests) / std::max(1, cycles), intervals.jobRefreshEvery);
    std::printf("    bytes per cycle: %.0f (all answers); metrics requests: %d, %.1f entries "
                "and %.0f bytes each (%d new steps + the last known one)\n",
            double(bytes) / std::max(1, cycles), metricsRequests,
            double(entries) / std::max(1, metricsRequests),
            double(nam.metricsBytes - metricsBytes0) / std::max(1, metricsRequests), batch);
    tracker.unwatchAll();

    // ---- (2) the chart: an update per poll and a full redraw -----------------------------------
    fs::JobMetrics metrics(jobId);
    chart.setMetrics(&metrics);
    const fs::TogetherDialect dialect;
    {
        nam.stepsDone = initial;
        fs::HttpAnswer first;
        first.body = nam.metricsPage(0);
        const auto page = dialect.parseMetrics(first, 0);
        metrics.setTotalSteps(steps);
        metrics.addPoints(page.value().points);
        chart.refresh();
    }
    QImage image(chart.chartView()->size(), QImage::Format_ARGB32_Premultiplied);
    Stats update;
    Stats updatePainted;
    fs::HttpAnswer answer;
    int from = 0;
    fs::bench::measureUpdates(
            chart, &image, repeat,
            [&](int i) {
                from = initial + i * batch;
                nam.stepsDone = from + batch;
                answer.body = nam.metricsPage(from);
            },
            [&](int) {
                const auto page = dialect.parseMetrics(answer, from); // what the tracker reads
                metrics.addPoints(page.value().points); // what it merges
            },
            &update, &updatePainted);
    report("update after a poll (parse page + merge + series replace)", update, 16);
    report("update after a poll, painted into an image", updatePainted, 0);

    const Stats redraw = fs::bench::measureRedraws(chart, &image, repeat);
    report("full redraw (every series re-read, rendered to an image)", redraw, 50);
    std::printf("  series: %d steps, %d evaluations, %lld raw training points drawn\n",
            metrics.series().size(), metrics.series().count(fs::Metric::FullValidLoss),
            qint64(chart.series(fs::Metric::TrainLoss, true)->count()));
    return 0;
}
