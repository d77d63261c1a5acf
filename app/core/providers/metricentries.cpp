// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricentries.h"

#include "wirefields.h"

#include <cmath>

namespace fs {

MetricsPage metricsByStep(
        const QList<QJsonObject> &entries, int fromStep, const MetricEntryKeys &keys)
{
    MetricsPage page;
    QMap<int, MetricPoint> byStep;
    for (const QJsonObject &entry : entries) {
        std::optional<double> step;
        for (const QLatin1String key : keys.step) {
            step = wire::number(entry, key);
            if (step)
                break;
        }
        const bool placed = step && *step >= 0 && std::llround(*step) >= fromStep;
        if (placed || keys.totalsFromEveryEntry) {
            for (const QLatin1String key : keys.totalSteps) {
                if (const auto total = wire::number(entry, key))
                    page.totalSteps = static_cast<qint64>(std::llround(*total));
            }
        }
        if (!step || *step < 0) {
            ++page.skipped;
            continue;
        }
        if (!placed)
            continue; // already known: the service sent more than was asked
        const int stepNumber = static_cast<int>(std::llround(*step));
        MetricPoint &point = byStep[stepNumber];
        point.step = stepNumber;
        for (auto it = entry.constBegin(); it != entry.constEnd(); ++it) {
            const auto metric = keys.metrics.constFind(it.key());
            const std::optional<double> value = wire::number(it.value());
            if (metric != keys.metrics.constEnd() && value && std::isfinite(*value))
                point.set(*metric, *value);
        }
    }
    page.points = byStep.values();
    if (!page.points.isEmpty())
        page.lastStep = page.points.constLast().step;
    return page;
}

} // namespace fs
