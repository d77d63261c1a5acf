// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the chart benchmarks: timings with median and maximum, one report line each, a
// deterministic noise for generated loss curves, and the chart's update and redraw loops.

#include "metricschart.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QStringList>
#include <QtGlobal>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <utility>

namespace fs::bench {

/// A deterministic pseudo-random number in [-1, 1] per step and salt.
inline double noise(int step, int salt)
{
    quint32 x = quint32(step) * 2654435761u ^ quint32(salt) * 40503u;
    x ^= x >> 13;
    x *= 0x5bd1e995u;
    x ^= x >> 15;
    return (x % 20001) / 10000.0 - 1.0;
}

struct Stats
{
    QList<double> ms;
    void add(qint64 ns) { ms << ns / 1e6; }
    double median() const
    {
        QList<double> s = ms;
        std::sort(s.begin(), s.end());
        return s.isEmpty() ? 0 : s.at(s.size() / 2);
    }
    double max() const { return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
};

/// "what  median … ms  max … ms  (n=…, under aim)"; `aim` 0: no aim.
inline void report(const char *what, const Stats &stats, double aim)
{
    std::printf("%-62s median %8.2f ms   max %8.2f ms   (n=%lld%s)\n", what, stats.median(),
            stats.max(), qint64(stats.ms.size()),
            aim > 0 ? (stats.median() < aim ? ", under aim" : ", OVER AIM") : "");
}

/// Whole-number options ("--steps 50000") from `args`, each replacing its default.
inline void readOptions(
        const QStringList &args, std::initializer_list<std::pair<const char *, int *>> options)
{
    for (int i = 1; i + 1 < args.size(); ++i) {
        for (const auto &option : options) {
            if (args.at(i) == QLatin1String("--") + QLatin1String(option.first))
                *option.second = args.at(i + 1).toInt();
        }
    }
}

/// The chart view rendered into `image` (cleared first), as a paint of the screen would do.
inline void paintInto(fs::ui::MetricsChart &chart, QImage *image)
{
    image->fill(Qt::white);
    QPainter painter(image);
    chart.chartView()->render(&painter);
}

/// `repeat` chart updates: `prepare(i)` (not timed) makes batch i, `add(i)` merges it into the
/// chart's metrics, then the chart is refreshed (`update`: add + refresh) and painted
/// (`painted`: the same plus the paint).
inline void measureUpdates(fs::ui::MetricsChart &chart, QImage *image, int repeat,
        const std::function<void(int)> &prepare, const std::function<void(int)> &add, Stats *update,
        Stats *painted)
{
    QElapsedTimer timer;
    for (int i = 0; i < repeat; ++i) {
        prepare(i);
        timer.start();
        add(i);
        chart.refresh(); // what the chart's coalesced update does
        update->add(timer.nsecsElapsed());
        paintInto(chart, image);
        painted->add(timer.nsecsElapsed());
    }
}

/// `repeat` full redraws (the smoothing changes, so every series is read again), each rendered
/// into `image`; with `grab`, a grab() of the view after each is timed too.
inline Stats measureRedraws(
        fs::ui::MetricsChart &chart, QImage *image, int repeat, Stats *grab = nullptr)
{
    Stats redraw;
    QElapsedTimer timer;
    for (int i = 0; i < repeat; ++i) {
        chart.setSmoothing(i % 2 ? 0.6 : 0.61);
        timer.start();
        chart.refresh();
        paintInto(chart, image);
        redraw.add(timer.nsecsElapsed());
        if (grab) {
            timer.start();
            const QPixmap pixmap = chart.chartView()->grab();
            grab->add(timer.nsecsElapsed());
            Q_UNUSED(pixmap)
        }
    }
    return redraw;
}

} // namespace fs::bench
