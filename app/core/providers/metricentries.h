// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain.h"

#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QMap>

namespace fs {

/// How a service names the fields of its flat metric entries ({"train/loss": 0.5, "step": 7}).
struct MetricEntryKeys
{
    QList<QLatin1String> step; ///< the first one an entry holds is its step
    QList<QLatin1String> totalSteps; ///< the last one read wins
    QMap<QString, Metric> metrics; ///< which domain metric a key holds; other keys are ignored
    /// Fireworks' metrics file: every entry may say the total. Together's list: only the entries
    /// that are placed (with a step, from `fromStep` on).
    bool totalsFromEveryEntry = false;
};

/// The entries as points by step, from `fromStep` on: a later entry for the same step wins per
/// metric, values that are not finite numbers are dropped, entries without a step are counted
/// as skipped (they cannot be placed on a chart).
MetricsPage metricsByStep(
        const QList<QJsonObject> &entries, int fromStep, const MetricEntryKeys &keys);

} // namespace fs
