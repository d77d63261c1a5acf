// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsseries.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <algorithm>

namespace fs {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char *const kKeys[kMetricCount] = {"train_loss", "train_mean_token_accuracy", "valid_loss",
        "valid_mean_token_accuracy", "full_valid_loss", "full_valid_mean_token_accuracy"};

// Least-squares slope of y over x.
double slope(const QList<QPointF> &points)
{
    const int n = int(points.size());
    if (n < 2)
        return 0;
    double sx = 0, sy = 0;
    for (const QPointF &p : points) {
        sx += p.x();
        sy += p.y();
    }
    const double mx = sx / n, my = sy / n;
    double num = 0, den = 0;
    for (const QPointF &p : points) {
        num += (p.x() - mx) * (p.y() - my);
        den += (p.x() - mx) * (p.x() - mx);
    }
    return den > 0 ? num / den : 0;
}

} // namespace

QString metricKey(Metric metric)
{
    return QLatin1String(kKeys[int(metric)]);
}

QString metricDisplayName(Metric metric)
{
    switch (metric) {
    case Metric::TrainLoss:
        return QCoreApplication::translate("fs::Metrics", "Training loss");
    case Metric::TrainAccuracy:
        return QCoreApplication::translate("fs::Metrics", "Training token accuracy");
    case Metric::ValidLoss:
        return QCoreApplication::translate("fs::Metrics", "Validation loss");
    case Metric::ValidAccuracy:
        return QCoreApplication::translate("fs::Metrics", "Validation token accuracy");
    case Metric::FullValidLoss:
        return QCoreApplication::translate("fs::Metrics", "Full validation loss");
    case Metric::FullValidAccuracy:
        return QCoreApplication::translate("fs::Metrics", "Full validation token accuracy");
    }
    return {};
}

bool isLossMetric(Metric metric)
{
    return metric == Metric::TrainLoss || metric == Metric::ValidLoss
            || metric == Metric::FullValidLoss;
}

MetricPoint MetricPoint::fromJson(const QJsonObject &data)
{
    MetricPoint p;
    const QJsonValue step = data.value(QLatin1String("step"));
    p.step = step.isDouble() ? int(step.toDouble()) : 0;
    for (int i = 0; i < kMetricCount; ++i) {
        const QJsonValue v = data.value(QLatin1String(kKeys[i]));
        if (v.isDouble())
            p.values[size_t(i)] = v.toDouble();
    }
    return p;
}

QJsonObject MetricPoint::toJson() const
{
    QJsonObject o {{QStringLiteral("step"), step}};
    for (int i = 0; i < kMetricCount; ++i) {
        if (!std::isnan(values[size_t(i)]))
            o.insert(QLatin1String(kKeys[i]), values[size_t(i)]);
    }
    return o;
}

// ---- MetricsSeries ----------------------------------------------------------------------------

int MetricsSeries::addEvents(const QList<JobEvent> &events)
{
    int first = -1;
    for (const JobEvent &event : events) {
        if (event.type != QLatin1String("metrics"))
            continue;
        const QJsonValue total = event.data.value(QLatin1String("total_steps"));
        if (total.isDouble() && total.toDouble() > 0)
            m_totalSteps = int(total.toDouble());
        const MetricPoint point = MetricPoint::fromJson(event.data);
        if (point.step <= 0)
            continue;
        const int changed = insertOrMerge(point, true);
        if (changed >= 0 && (first < 0 || changed < first))
            first = changed;
    }
    if (first >= 0)
        invalidateFrom(first);
    return first;
}

int MetricsSeries::addPoints(const QList<MetricPoint> &points)
{
    int first = -1;
    for (const MetricPoint &point : points) {
        if (point.step <= 0)
            continue;
        const int changed = insertOrMerge(point, false);
        if (changed >= 0 && (first < 0 || changed < first))
            first = changed;
    }
    if (first >= 0)
        invalidateFrom(first);
    return first;
}

int MetricsSeries::insertOrMerge(const MetricPoint &point, bool overwrite)
{
    // Steps mostly arrive in order: check the end before searching.
    int index;
    bool exists = false;
    if (m_steps.isEmpty() || point.step > m_steps.last()) {
        index = int(m_steps.size());
    } else {
        const auto it = std::lower_bound(m_steps.cbegin(), m_steps.cend(), point.step);
        index = int(it - m_steps.cbegin());
        exists = it != m_steps.cend() && *it == point.step;
    }
    if (!exists) {
        m_steps.insert(index, point.step);
        for (int m = 0; m < kMetricCount; ++m) {
            const double v = point.values[size_t(m)];
            m_columns[size_t(m)].insert(index, v);
            if (!std::isnan(v))
                ++m_counts[size_t(m)];
        }
        return index;
    }
    bool changed = false;
    for (int m = 0; m < kMetricCount; ++m) {
        const double v = point.values[size_t(m)];
        if (std::isnan(v))
            continue;
        double &cell = m_columns[size_t(m)][index];
        if (std::isnan(cell)) {
            cell = v;
            ++m_counts[size_t(m)];
            changed = true;
        } else if (overwrite && cell != v) {
            cell = v;
            changed = true;
        }
    }
    return changed ? index : -1;
}

void MetricsSeries::invalidateFrom(int index)
{
    for (SmoothCache &cache : m_smooth) {
        if (cache.validUpTo > index) {
            // EMA state cannot be rewound cheaply; restart this metric from the beginning.
            cache.validUpTo = 0;
            cache.values.clear();
            cache.last = 0;
            cache.power = 1;
        }
    }
}

void MetricsSeries::clear()
{
    m_steps.clear();
    for (auto &column : m_columns)
        column.clear();
    m_counts.fill(0);
    m_totalSteps = 0;
    m_checkpointSteps.clear();
    for (SmoothCache &cache : m_smooth)
        cache = SmoothCache();
}

MetricPoint MetricsSeries::pointAt(int index) const
{
    MetricPoint p;
    if (index < 0 || index >= size())
        return p;
    p.step = m_steps.at(index);
    for (int m = 0; m < kMetricCount; ++m)
        p.values[size_t(m)] = m_columns[size_t(m)].at(index);
    return p;
}

QList<MetricPoint> MetricsSeries::points() const
{
    QList<MetricPoint> list;
    list.reserve(size());
    for (int i = 0; i < size(); ++i)
        list.append(pointAt(i));
    return list;
}

int MetricsSeries::indexOfStep(int step) const
{
    const auto it = std::lower_bound(m_steps.cbegin(), m_steps.cend(), step);
    return it != m_steps.cend() && *it == step ? int(it - m_steps.cbegin()) : -1;
}

double MetricsSeries::latest(Metric metric) const
{
    const QVector<double> &column = m_columns[size_t(metric)];
    for (qsizetype i = column.size() - 1; i >= 0; --i) {
        if (!std::isnan(column.at(i)))
            return column.at(i);
    }
    return kNaN;
}

double MetricsSeries::progress() const
{
    if (m_totalSteps <= 0)
        return -1;
    return std::clamp(double(lastStep()) / double(m_totalSteps), 0.0, 1.0);
}

void MetricsSeries::setCheckpoints(const QList<Checkpoint> &checkpoints)
{
    m_checkpointSteps.clear();
    for (const Checkpoint &c : checkpoints)
        m_checkpointSteps.append(int(c.stepNumber));
    std::sort(m_checkpointSteps.begin(), m_checkpointSteps.end());
    m_checkpointSteps.erase(std::unique(m_checkpointSteps.begin(), m_checkpointSteps.end()),
            m_checkpointSteps.end());
}

QList<QPointF> MetricsSeries::raw(Metric metric) const
{
    const QVector<double> &column = m_columns[size_t(metric)];
    QList<QPointF> points;
    points.reserve(m_counts[size_t(metric)]);
    for (int i = 0; i < size(); ++i) {
        const double v = column.at(i);
        if (!std::isnan(v))
            points.append(QPointF(m_steps.at(i), v));
    }
    return points;
}

QVector<double> MetricsSeries::ema(const QVector<double> &values, double weight)
{
    const double w = std::clamp(weight, 0.0, 0.99);
    QVector<double> out(values.size(), kNaN);
    double last = 0;
    double power = 1;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double v = values.at(i);
        if (std::isnan(v))
            continue;
        last = last * w + (1 - w) * v;
        power *= w;
        // Debias as TensorBoard does: the average starts at 0, so divide by the weight missing.
        const double debias = 1 - power;
        out[i] = debias > 0 ? last / debias : v;
    }
    return out;
}

const QVector<double> &MetricsSeries::smoothedColumn(Metric metric, double w) const
{
    SmoothCache &cache = m_smooth[size_t(metric)];
    if (cache.weight != w) {
        cache = SmoothCache();
        cache.weight = w;
    }
    const QVector<double> &column = m_columns[size_t(metric)];
    // Only the points added since the last call are smoothed.
    cache.values.resize(size());
    for (int i = cache.validUpTo; i < size(); ++i) {
        const double v = column.at(i);
        if (std::isnan(v)) {
            cache.values[i] = kNaN;
            continue;
        }
        cache.last = cache.last * w + (1 - w) * v;
        cache.power *= w;
        const double debias = 1 - cache.power;
        cache.values[i] = debias > 0 ? cache.last / debias : v;
    }
    cache.validUpTo = size();
    return cache.values;
}

double MetricsSeries::valueAt(Metric metric, int index, double smoothingWeight) const
{
    if (index < 0 || index >= size())
        return kNaN;
    const double w = std::clamp(smoothingWeight, 0.0, 0.99);
    return w > 0 ? smoothedColumn(metric, w).at(index) : m_columns[size_t(metric)].at(index);
}

QList<QPointF> MetricsSeries::smoothed(Metric metric, double weight) const
{
    const double w = std::clamp(weight, 0.0, 0.99);
    if (w <= 0)
        return raw(metric);
    const QVector<double> &values = smoothedColumn(metric, w);
    QList<QPointF> points;
    points.reserve(m_counts[size_t(metric)]);
    for (int i = 0; i < size(); ++i) {
        if (!std::isnan(values.at(i)))
            points.append(QPointF(m_steps.at(i), values.at(i)));
    }
    return points;
}

QList<QPointF> MetricsSeries::decimate(
        const QList<QPointF> &points, double xMin, double xMax, int pixelWidth)
{
    if (points.isEmpty())
        return {};
    if (std::isnan(xMin))
        xMin = points.first().x();
    if (std::isnan(xMax))
        xMax = points.last().x();
    // Visible range plus one point each side, so lines run to the plot's edges.
    auto lo = std::lower_bound(points.cbegin(), points.cend(), xMin,
            [](const QPointF &p, double x) { return p.x() < x; });
    auto hi = std::upper_bound(points.cbegin(), points.cend(), xMax,
            [](double x, const QPointF &p) { return x < p.x(); });
    if (lo != points.cbegin())
        --lo;
    if (hi != points.cend())
        ++hi;
    const qsizetype count = hi - lo;
    const int width = std::max(1, pixelWidth);
    if (count <= qsizetype(width) * 4 || xMax <= xMin)
        return QList<QPointF>(lo, hi);

    QList<QPointF> out;
    out.reserve(width * 4 + 2);
    const double span = xMax - xMin;
    auto bucketOf = [&](double x) { return int(std::floor((x - xMin) / span * width)); };
    auto it = lo;
    while (it != hi) {
        const int bucket = bucketOf(it->x());
        const QPointF *first = &*it;
        const QPointF *minP = first;
        const QPointF *maxP = first;
        const QPointF *last = first;
        ++it;
        while (it != hi && bucketOf(it->x()) == bucket) {
            if (it->y() < minP->y())
                minP = &*it;
            if (it->y() > maxP->y())
                maxP = &*it;
            last = &*it;
            ++it;
        }
        // first, min, max, last in x order, each once.
        const QPointF *keep[4] = {first, minP, maxP, last};
        std::sort(std::begin(keep), std::end(keep),
                [](const QPointF *a, const QPointF *b) { return a < b; });
        const QPointF *previous = nullptr;
        for (const QPointF *p : keep) {
            if (p != previous)
                out.append(*p);
            previous = p;
        }
    }
    return out;
}

QList<QPointF> MetricsSeries::decimated(
        Metric metric, int pixelWidth, double smoothingWeight, double xMin, double xMax) const
{
    // Works on the columns directly: no list of every point is built, only the visible ones
    // are visited.
    const double w = std::clamp(smoothingWeight, 0.0, 0.99);
    const QVector<double> &values = w > 0 ? smoothedColumn(metric, w) : m_columns[size_t(metric)];
    const int n = size();
    if (n == 0 || m_counts[size_t(metric)] == 0)
        return {};
    int lo = 0;
    int hi = n;
    if (!std::isnan(xMin))
        lo = int(std::lower_bound(m_steps.cbegin(), m_steps.cend(), int(std::ceil(xMin)))
                - m_steps.cbegin());
    if (!std::isnan(xMax))
        hi = int(std::upper_bound(m_steps.cbegin(), m_steps.cend(), int(std::floor(xMax)))
                - m_steps.cbegin());
    // One point with a value on each side, so lines run to the plot's edges.
    for (int i = lo - 1; i >= 0; --i) {
        if (!std::isnan(values.at(i))) {
            lo = i;
            break;
        }
    }
    for (int i = hi; i < n; ++i) {
        if (!std::isnan(values.at(i))) {
            hi = i + 1;
            break;
        }
    }
    QList<QPointF> out;
    if (lo >= hi)
        return out;
    const int width = std::max(1, pixelWidth);
    const double x0 = std::isnan(xMin) ? double(m_steps.at(lo)) : xMin;
    const double x1 = std::isnan(xMax) ? double(m_steps.at(hi - 1)) : xMax;
    if (hi - lo <= width * 4 || x1 <= x0) {
        out.reserve(hi - lo);
        for (int i = lo; i < hi; ++i) {
            if (!std::isnan(values.at(i)))
                out.append(QPointF(m_steps.at(i), values.at(i)));
        }
        return out;
    }
    out.reserve(width * 4 + 2);
    const double scale = width / (x1 - x0);
    int i = lo;
    while (i < hi) {
        if (std::isnan(values.at(i))) {
            ++i;
            continue;
        }
        const int bucket = int(std::floor((m_steps.at(i) - x0) * scale));
        int first = i, minI = i, maxI = i, last = i;
        for (++i; i < hi; ++i) {
            const double v = values.at(i);
            if (std::isnan(v))
                continue;
            if (int(std::floor((m_steps.at(i) - x0) * scale)) != bucket)
                break;
            if (v < values.at(minI))
                minI = i;
            if (v > values.at(maxI))
                maxI = i;
            last = i;
        }
        int keep[4] = {first, minI, maxI, last};
        std::sort(std::begin(keep), std::end(keep));
        int previous = -1;
        for (int k : keep) {
            if (k != previous)
                out.append(QPointF(m_steps.at(k), values.at(k)));
            previous = k;
        }
    }
    return out;
}

OverfittingHint MetricsSeries::overfitting(int window) const
{
    OverfittingHint hint;
    window = std::max(3, window);
    // Full validation loss is the reliable measure (one point per epoch, few); the per-batch
    // one is noisy, so smooth it and look at its last `window` points only.
    QList<QPointF> allValid;
    QList<QPointF> valid;
    if (count(Metric::FullValidLoss) >= 3) {
        hint.basis = Metric::FullValidLoss;
        allValid = raw(Metric::FullValidLoss);
        valid = allValid.mid(std::max<qsizetype>(0, allValid.size() - window));
    } else {
        hint.basis = Metric::ValidLoss;
        if (count(Metric::ValidLoss) < window)
            return hint;
        const QVector<double> &smooth = smoothedColumn(Metric::ValidLoss, 0.6);
        for (int i = size() - 1; i >= 0 && valid.size() < window; --i) {
            if (!std::isnan(smooth.at(i)))
                valid.prepend(QPointF(m_steps.at(i), smooth.at(i)));
        }
        allValid = valid;
    }
    // The lowest validation point so far must lie before the end of the window, and the loss
    // must rise from it, to call it a trend rather than noise.
    auto minIt = std::min_element(allValid.cbegin(), allValid.cend(),
            [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    if (minIt == allValid.cend() || minIt == allValid.cend() - 1)
        return hint;
    const double rise = allValid.last().y() - minIt->y();
    if (slope(valid) <= 0 || rise <= 0.02 * std::max(1e-9, std::abs(minIt->y())))
        return hint;
    // Training loss over the same steps, straight from the smoothed column (no copies).
    const double from = minIt->x();
    const QVector<double> &train = smoothedColumn(Metric::TrainLoss, 0.6);
    const int start =
            int(std::lower_bound(m_steps.cbegin(), m_steps.cend(), int(from)) - m_steps.cbegin());
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = start; i < size(); ++i) {
        const double y = train.at(i);
        if (std::isnan(y))
            continue;
        const double x = m_steps.at(i) - from; // centred near 0 for precision
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double denominator = n * sxx - sx * sx;
    if (n < 2 || denominator <= 0 || (n * sxy - sx * sy) / denominator >= 0)
        return hint;
    hint.detected = true;
    hint.sinceStep = int(from);
    hint.text = QCoreApplication::translate("fs::Metrics",
            "Since step %1 the validation loss has been rising while the training loss keeps "
            "falling: the model is starting to memorise the training examples instead of "
            "learning from them (overfitting). A checkpoint from around step %1, or fewer "
            "epochs, will probably work better on new questions.")
                        .arg(hint.sinceStep);
    return hint;
}

// ---- JobMetrics -------------------------------------------------------------------------------

JobMetrics::JobMetrics(const QString &jobId, QObject *parent)
    : QObject(parent)
    , m_jobId(jobId)
{
}

int JobMetrics::addEvents(const QList<JobEvent> &events)
{
    const int total = m_series.totalSteps();
    const int first = m_series.addEvents(events);
    if (first >= 0 || total != m_series.totalSteps())
        Q_EMIT changed(first >= 0 ? first : m_series.size());
    return first;
}

int JobMetrics::addPoints(const QList<MetricPoint> &points)
{
    const int first = m_series.addPoints(points);
    if (first >= 0)
        Q_EMIT changed(first);
    return first;
}

void JobMetrics::setCheckpoints(const QList<Checkpoint> &checkpoints)
{
    const QList<int> before = m_series.checkpointSteps();
    m_series.setCheckpoints(checkpoints);
    if (before != m_series.checkpointSteps())
        Q_EMIT checkpointsChanged();
}

void JobMetrics::setTotalSteps(int steps)
{
    if (steps == m_series.totalSteps())
        return;
    m_series.setTotalSteps(steps);
    Q_EMIT changed(m_series.size());
}

void JobMetrics::clear()
{
    m_series.clear();
    m_complete = false;
    Q_EMIT changed(0);
}

void JobMetrics::setComplete(bool complete)
{
    if (m_complete == complete)
        return;
    m_complete = complete;
    if (complete)
        Q_EMIT completed();
}

} // namespace fs
