// SPDX-License-Identifier: GPL-3.0-or-later
// The Jobs monitor with a job of 100,000 metric steps: how long a chart update takes after a
// new batch of events (aim < 16 ms), a full redraw rendered into an image (aim < 50 ms), and the
// event log with 100,000 events (insert, scroll, filter). Sets QT_QPA_PLATFORM=offscreen when
// unset. Usage: bench_chart [--steps N] [--batch N] [--repeat N]

#include "benchstats.h"
#include "jobeventmodel.h"
#include "metricschart.h"
#include "metricsseries.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

using fs::bench::noise;
using fs::bench::report;
using fs::bench::Stats;

/// A metrics event as the service sends it for one step.
fs::JobEvent metricsEvent(int step, int total)
{
    const double trend = 0.25 + 1.8 * std::exp(-step / (total / 5.0));
    QJsonObject data {{QStringLiteral("step"), step}, {QStringLiteral("total_steps"), total},
            {QStringLiteral("train_loss"), trend * (1 + 0.25 * noise(step, 1))},
            {QStringLiteral("train_mean_token_accuracy"), std::clamp(1 - trend / 2.4, 0.0, 1.0)}};
    if (step % 10 == 0) {
        data.insert(QStringLiteral("valid_loss"), trend * 1.15 + 0.05 * noise(step, 3));
        data.insert(
                QStringLiteral("valid_mean_token_accuracy"), std::clamp(1 - trend / 2.2, 0.0, 1.0));
    }
    if (step % (total / 10) == 0)
        data.insert(QStringLiteral("full_valid_loss"), trend * 1.12);
    fs::JobEvent event;
    event.id = QStringLiteral("ftevent-%1").arg(step);
    event.createdAt = 1750000000 + step;
    event.level = step % 997 == 0 ? QStringLiteral("warn") : QStringLiteral("info");
    event.type = QStringLiteral("metrics");
    event.message = QStringLiteral("Step %1/%2: training loss=%3")
                            .arg(step)
                            .arg(total)
                            .arg(data.value(QLatin1String("train_loss")).toDouble(), 0, 'f', 4);
    event.data = data;
    return event;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int steps = 100000;
    int batch = 100;
    int repeat = 20;
    fs::bench::readOptions(
            app.arguments(), {{"steps", &steps}, {"batch", &batch}, {"repeat", &repeat}});
    std::printf("bench_chart: %d steps, batches of %d events, %d repetitions, platform %s\n", steps,
            batch, repeat, qPrintable(QGuiApplication::platformName()));

    QList<fs::JobEvent> events;
    events.reserve(steps);
    for (int step = 1; step <= steps; ++step)
        events << metricsEvent(step, steps);

    // ---- the chart -------------------------------------------------------------------------
    fs::JobMetrics metrics(QStringLiteral("ftjob-bench"));
    fs::ui::MetricsChart chart;
    chart.resize(1280, 720);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        return 1;
    chart.setMetrics(&metrics);

    QElapsedTimer timer;
    timer.start();
    const int initial = steps - batch * repeat;
    metrics.addEvents(events.mid(0, initial));
    const qint64 loadNs = timer.nsecsElapsed();
    timer.restart();
    chart.refresh();
    const qint64 firstRefreshNs = timer.nsecsElapsed();
    QImage image(chart.chartView()->size(), QImage::Format_ARGB32_Premultiplied);
    std::printf("  %d events into the metrics series: %.1f ms; first refresh: %.1f ms; plot %d px "
                "wide, "
                "%lld raw training points drawn\n",
            initial, loadNs / 1e6, firstRefreshNs / 1e6, int(chart.chart()->plotArea().width()),
            qint64(chart.series(fs::Metric::TrainLoss, true)->count()));

    Stats update;
    Stats updatePainted;
    QList<fs::JobEvent> next;
    fs::bench::measureUpdates(
            chart, &image, repeat, [&](int i) { next = events.mid(initial + i * batch, batch); },
            [&](int) { metrics.addEvents(next); }, // what the tracker does with a batch
            &update, &updatePainted);
    report("update after a batch (add events + series replace)", update, 16);
    report("update after a batch, painted into an image", updatePainted, 0);

    Stats grab;
    const Stats redraw = fs::bench::measureRedraws(chart, &image, repeat, &grab);
    report("full redraw (every series re-read, rendered to an image)", redraw, 50);
    report("grab() of the chart view", grab, 50);

    Stats zoom;
    for (int i = 0; i < repeat; ++i) {
        timer.restart();
        chart.setStepRange(steps * 0.3 + i * 10, steps * 0.6 + i * 10);
        fs::bench::paintInto(chart, &image);
        zoom.add(timer.nsecsElapsed());
    }
    report("zoom/pan to a new range, rendered", zoom, 50);
    chart.resetZoom();

    Stats hover;
    for (int i = 0; i < repeat; ++i) {
        timer.restart();
        chart.hoverStep(steps / 3 + i * 7);
        const QString text = chart.tooltipText(steps / 3 + i * 7);
        hover.add(timer.nsecsElapsed());
        Q_UNUSED(text)
    }
    report("hover tooltip (nearest step + exact values)", hover, 16);
    chart.hide();

    // ---- the event log -------------------------------------------------------------------------
    fs::JobEventModel model;
    fs::JobEventFilterModel filter;
    filter.setSourceModel(&model);
    QTableView view;
    view.setModel(&filter);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.verticalHeader()->hide();
    view.setWordWrap(false);
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(1000, 600);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return 1;

    Stats insertBatch;
    timer.restart();
    QElapsedTimer all;
    all.start();
    for (int first = 0; first < steps; first += batch) {
        timer.restart();
        model.addEvents(events.mid(first, batch));
        view.scrollToBottom();
        insertBatch.add(timer.nsecsElapsed());
    }
    const qint64 insertAllNs = all.nsecsElapsed();
    std::printf("  event log: %d events in batches of %d: %.1f ms in all\n", steps, batch,
            insertAllNs / 1e6);
    report("event log: insert a batch and follow the end", insertBatch, 16);

    fs::JobEventModel bulk;
    timer.restart();
    bulk.setEvents(events);
    std::printf("  event log: setEvents with %d events at once (opening a job): %.1f ms\n", steps,
            timer.nsecsElapsed() / 1e6);

    Stats scroll;
    QScrollBar *bar = view.verticalScrollBar();
    for (int i = 0; i < repeat; ++i) {
        timer.restart();
        bar->setValue(bar->maximum() * (i % 10) / 10);
        view.viewport()->repaint();
        scroll.add(timer.nsecsElapsed());
    }
    report("event log: jump-scroll and repaint", scroll, 16);

    Stats filterTime;
    const QStringList texts {
            QStringLiteral("loss=1.2"), QString(), QStringLiteral("Step 99"), QString()};
    for (const QString &text : texts) {
        timer.restart();
        filter.setText(text);
        view.viewport()->repaint();
        filterTime.add(timer.nsecsElapsed());
    }
    report("event log: filter by text over all events", filterTime, 0);
    timer.restart();
    filter.setLevels(fs::JobEventFilterModel::Warning | fs::JobEventFilterModel::Error);
    view.viewport()->repaint();
    std::printf("  event log: warnings only: %d rows, %.1f ms\n", filter.rowCount(),
            timer.nsecsElapsed() / 1e6);
    return 0;
}
