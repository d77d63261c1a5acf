// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"

#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QVector>

#include <array>
#include <cmath>
#include <limits>

namespace fs {

// Metric and MetricPoint are domain types (providers/domain.h, through apitypes.h).

/// What the overfitting detector found.
struct OverfittingHint
{
    bool detected = false;
    int sinceStep = 0; ///< where validation loss started to rise
    Metric basis = Metric::ValidLoss; ///< FullValidLoss when enough epoch ends exist
    QString text; ///< a plain-language hint (translated), empty when not detected
};

/**
 * @brief Every step's metrics of one job, kept sorted by step: plain data, cheap to extend.
 *
 * Values are stored column-wise so that a metric's raw, smoothed and decimated points come out
 * without per-point allocation; 100,000 steps stay cheap. Adding a step that is already known
 * fills in the values it lacked (an event's values win over the CSV's rounded ones) and never
 * duplicates the step. The add functions return the index of the first point that changed (or
 * -1 when nothing did), so a chart redraws only from there.
 */
class MetricsSeries
{
public:
    /// Metrics events (type "metrics") from `events`; other events are ignored. Also updates
    /// totalSteps() from `total_steps`.
    int addEvents(const QList<JobEvent> &events);
    /// Points in any order (e.g. a result CSV or the history store).
    int addPoints(const QList<MetricPoint> &points);
    void clear();

    int size() const { return int(m_steps.size()); }
    bool isEmpty() const { return m_steps.isEmpty(); }
    MetricPoint pointAt(int index) const;
    QList<MetricPoint> points() const;
    const QVector<int> &steps() const { return m_steps; }
    /// Index of `step`, or -1.
    int indexOfStep(int step) const;
    int lastStep() const { return m_steps.isEmpty() ? 0 : m_steps.last(); }
    bool has(Metric metric) const { return m_counts[size_t(metric)] > 0; }
    int count(Metric metric) const { return m_counts[size_t(metric)]; }
    /// The newest value of a metric (NaN when none).
    double latest(Metric metric) const;

    /// Steps of the whole job (from `total_steps`, or set by the caller); 0 when unknown.
    int totalSteps() const { return m_totalSteps; }
    void setTotalSteps(int steps) { m_totalSteps = steps; }
    /// lastStep() / totalSteps() in 0..1, or -1 when the total is unknown.
    double progress() const;

    /// Steps at which a checkpoint was saved (sorted, unique).
    QList<int> checkpointSteps() const { return m_checkpointSteps; }
    void setCheckpoints(const QList<Checkpoint> &checkpoints);

    /// The metric's reported points (x = step), skipping steps without a value.
    QList<QPointF> raw(Metric metric) const;
    /// TensorBoard-style exponential moving average, debiased so the first points are not
    /// pulled towards 0. `weight` is clamped to 0..0.99 (0 = raw). Cached per metric; extending
    /// the series only smooths the new points.
    QList<QPointF> smoothed(Metric metric, double weight) const;
    /// The value at `index` (NaN when missing there), smoothed with `smoothingWeight` (0: raw),
    /// without building any list: for tooltips.
    double valueAt(Metric metric, int index, double smoothingWeight = 0) const;
    /// raw() or smoothed(), reduced to at most about 4 points per pixel column over
    /// [xMin, xMax] (min and max of each column, in step order, so spikes stay visible).
    /// xMin/xMax NaN: the whole series. Ready for QXYSeries::replace().
    QList<QPointF> decimated(Metric metric, int pixelWidth, double smoothingWeight = 0,
            double xMin = std::numeric_limits<double>::quiet_NaN(),
            double xMax = std::numeric_limits<double>::quiet_NaN()) const;

    /// Validation loss rising over the last `window` validation points while training loss
    /// falls over the same steps.
    OverfittingHint overfitting(int window = 5) const;

    /// Min/max per pixel column of points sorted by x; keeps each column's first, min, max and
    /// last point in x order.
    static QList<QPointF> decimate(
            const QList<QPointF> &sortedByX, double xMin, double xMax, int pixelWidth);
    /// Debiased EMA of `values` (NaN entries are skipped and stay NaN).
    static QVector<double> ema(const QVector<double> &values, double weight);

private:
    int insertOrMerge(const MetricPoint &point, bool overwrite);
    /// The smoothed value per index (NaN where the metric is missing), brought up to date.
    const QVector<double> &smoothedColumn(Metric metric, double weight) const;
    void invalidateFrom(int index);

    QVector<int> m_steps;
    std::array<QVector<double>, kMetricCount> m_columns;
    std::array<int, kMetricCount> m_counts {};
    int m_totalSteps = 0;
    QList<int> m_checkpointSteps;

    struct SmoothCache
    {
        double weight = -1;
        int validUpTo = 0; ///< points [0, validUpTo) are smoothed
        QVector<double> values; ///< smoothed value per index (NaN where the metric is missing)
        double last = 0; ///< EMA state after validUpTo
        double power = 1; ///< weight^(values seen), for debiasing
    };
    mutable std::array<SmoothCache, kMetricCount> m_smooth;
};

/**
 * @brief A MetricsSeries for a chart: the same data and a changed() signal.
 *
 * The job tracker owns one per watched job; the chart connects to changed() and re-reads only
 * from `firstChangedIndex` (or redraws all when it is 0).
 */
class JobMetrics : public QObject
{
    Q_OBJECT
public:
    explicit JobMetrics(const QString &jobId = {}, QObject *parent = nullptr);

    QString jobId() const { return m_jobId; }
    const MetricsSeries &series() const { return m_series; }

    int addEvents(const QList<JobEvent> &events);
    int addPoints(const QList<MetricPoint> &points);
    void setCheckpoints(const QList<Checkpoint> &checkpoints);
    void setTotalSteps(int steps);
    void clear();
    /// True once the result CSV completed the series (after the job ended).
    bool isComplete() const { return m_complete; }
    void setComplete(bool complete);

Q_SIGNALS:
    /// Points from `firstChangedIndex` on are new or changed (0 after clear()).
    void changed(int firstChangedIndex);
    void checkpointsChanged();
    void completed();

private:
    QString m_jobId;
    MetricsSeries m_series;
    bool m_complete = false;
};

} // namespace fs
