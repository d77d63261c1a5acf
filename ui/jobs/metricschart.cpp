// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricschart.h"

#include "axisscale.h"
#include "filedialog.h"
#include "messagebox.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QSaveFile>
#include <QScatterSeries>
#include <QSlider>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace fs::ui {

namespace {

/// The loss axis has 4 to 7 intervals: enough to read values, few enough at 600 pixels high.
constexpr int kMinLossIntervals = 4;
constexpr int kMaxLossIntervals = 7;

const QColor kTrainColor(31, 119, 180);
const QColor kValidColor(255, 127, 14);
const QColor kFullValidColor(214, 39, 40);
const QColor kTrainAccuracyColor(44, 160, 44);
const QColor kValidAccuracyColor(148, 103, 189);
const QColor kCheckpointColor(90, 90, 90);

QColor faint(QColor color)
{
    color.setAlpha(70);
    return color;
}

QLineSeries *makeLine(
        const QString &name, const QColor &color, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color, width, style);
    pen.setCapStyle(Qt::RoundCap);
    series->setPen(pen);
    series->setPointsVisible(false);
    return series;
}

struct Range
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(const QList<QPointF> &points, double xMin, double xMax)
    {
        for (const QPointF &p : points) {
            if (p.x() < xMin || p.x() > xMax || !std::isfinite(p.y()))
                continue;
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
    }
    bool isValid() const { return lo <= hi; }
};

} // namespace

/// The chart's view: mouse handling (hover, pan, zoom) and what is drawn over the series
/// (checkpoint markers, the hover line and its tooltip).
class MetricsChartView : public QChartView
{
public:
    MetricsChartView(QChart *chart, MetricsChart *owner)
        : QChartView(chart, owner)
        , m_owner(owner)
    {
        setMouseTracking(true);
        viewport()->setMouseTracking(true);
        setRenderHint(QPainter::Antialiasing);
        setRubberBand(QChartView::NoRubberBand);
        setMinimumHeight(240);
    }

    double stepAt(const QPoint &pos) const
    {
        const QPointF inChart = chart()->mapFromScene(mapToScene(pos));
        return chart()->mapToValue(inChart, m_owner->m_trainSmooth).x();
    }

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)) {
            m_rubberBanding = true;
            setRubberBand(QChartView::HorizontalRubberBand);
            QChartView::mousePressEvent(event);
            return;
        }
        if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
            m_panning = true;
            m_lastPanX = event->position().x();
            setCursor(Qt::ClosedHandCursor);
            event->accept();
            return;
        }
        QChartView::mousePressEvent(event);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (m_rubberBanding) {
            QChartView::mouseMoveEvent(event);
            return;
        }
        if (m_panning) {
            const double width = chart()->plotArea().width();
            const double dx = event->position().x() - m_lastPanX;
            m_lastPanX = event->position().x();
            if (width > 0)
                m_owner->panBy(-dx * (m_owner->visibleMax() - m_owner->visibleMin()) / width);
            event->accept();
            return;
        }
        const QPointF inChart = chart()->mapFromScene(mapToScene(event->pos()));
        if (chart()->plotArea().contains(inChart))
            m_owner->hoverStep(int(std::lround(stepAt(event->pos()))));
        else
            m_owner->hoverStep(-1);
        QChartView::mouseMoveEvent(event);
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (m_rubberBanding) {
            // The view zooms the axes itself; the owner re-reads the series for that range.
            QChartView::mouseReleaseEvent(event);
            setRubberBand(QChartView::NoRubberBand);
            m_rubberBanding = false;
            const auto *axis = m_owner->m_stepAxis;
            if (event->button() == Qt::LeftButton)
                m_owner->setStepRange(axis->min(), axis->max());
            return;
        }
        if (m_panning) {
            m_panning = false;
            unsetCursor();
            event->accept();
            return;
        }
        QChartView::mouseReleaseEvent(event);
    }

    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        m_owner->resetZoom();
        event->accept();
    }

    void wheelEvent(QWheelEvent *event) override
    {
        const int delta = event->angleDelta().y();
        if (delta == 0) {
            event->ignore();
            return;
        }
        const double factor = std::pow(0.85, delta / 120.0);
        m_owner->zoomBy(factor, stepAt(event->position().toPoint()));
        event->accept();
    }

    void leaveEvent(QEvent *event) override
    {
        m_owner->hoverStep(-1);
        QChartView::leaveEvent(event);
    }

    void drawForeground(QPainter *painter, const QRectF &rect) override
    {
        QChartView::drawForeground(painter, rect);
        const fs::JobMetrics *metrics = m_owner->m_metrics;
        if (!metrics || metrics->series().isEmpty())
            return;
        const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
        auto xOf = [this](double step) {
            const QPointF p = chart()->mapToPosition(QPointF(step, 0), m_owner->m_trainSmooth);
            return chart()->mapToScene(p).x();
        };
        painter->save();
        painter->setClipRect(plot.adjusted(-1, -20, 1, 1));

        // Checkpoints: a dashed line and a small label at the top.
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        painter->setFont(small);
        for (int step : metrics->series().checkpointSteps()) {
            if (step < m_owner->visibleMin() || step > m_owner->visibleMax())
                continue;
            const double x = xOf(step);
            painter->setPen(QPen(kCheckpointColor, 1, Qt::DashLine));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            painter->setPen(kCheckpointColor);
            painter->drawText(QPointF(x + 3, plot.top() + painter->fontMetrics().ascent() + 2),
                    MetricsChart::tr("checkpoint"));
        }

        // Where validation loss started to rise.
        const fs::OverfittingHint &hint = m_owner->m_hint;
        if (hint.detected && hint.sinceStep >= m_owner->visibleMin()
                && hint.sinceStep <= m_owner->visibleMax()) {
            const double x = xOf(hint.sinceStep);
            painter->fillRect(QRectF(QPointF(x, plot.top()), QPointF(plot.right(), plot.bottom())),
                    QColor(255, 200, 0, 28));
        }

        const int step = m_owner->m_hoveredStep;
        if (step >= 0 && step >= m_owner->visibleMin() && step <= m_owner->visibleMax()) {
            const double x = xOf(step);
            painter->setPen(QPen(QColor(0, 0, 0, 120), 1));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            painter->setClipping(false);
            painter->setFont(font());
            const QString text = m_owner->tooltipText(step);
            const QFontMetrics fm = painter->fontMetrics();
            QRect box =
                    fm.boundingRect(QRect(0, 0, 400, 400), Qt::AlignLeft | Qt::TextWordWrap, text);
            box.adjust(-8, -6, 8, 6);
            QPointF topLeft(x + 12, plot.top() + 8);
            if (topLeft.x() + box.width() > plot.right())
                topLeft.setX(x - 12 - box.width());
            box.moveTopLeft(topLeft.toPoint());
            painter->setPen(QColor(120, 120, 120));
            painter->setBrush(QColor(255, 255, 255, 235));
            painter->drawRoundedRect(box, 4, 4);
            painter->setPen(palette().color(QPalette::ToolTipText).lightness() > 128
                            ? QColor(Qt::black)
                            : palette().color(QPalette::ToolTipText));
            painter->drawText(box.adjusted(8, 6, -8, -6), Qt::AlignLeft | Qt::TextWordWrap, text);
        }
        painter->restore();
    }

private:
    MetricsChart *m_owner;
    bool m_panning = false;
    bool m_rubberBanding = false;
    double m_lastPanX = 0;
};

MetricsChart::MetricsChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    setObjectName(QStringLiteral("metricsChart"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    createSeries();
    createAxes();
    addSeriesToChart();

    m_view = new MetricsChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("metricsChartView"));

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("chartEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setEnabled(false);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_view);

    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("overfittingHintLabel"));
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setStyleSheet(QStringLiteral(
            "QLabel { background: #fff4ce; color: #3b2f00; border: 1px solid #e0c060;"
            " border-radius: 4px; padding: 6px; }"));
    m_hintLabel->hide();

    createControls();

    auto *help = m_helpLabel =
            new QLabel(tr("Hover for exact values · wheel to zoom · drag to move · "
                          "Shift+drag to zoom to a range · double-click to show all"),
                    this);
    help->setObjectName(QStringLiteral("chartHelpLabel"));
    help->setEnabled(false);
    help->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hintLabel);
    layout->addWidget(m_controls);
    layout->addWidget(m_stack, 1);
    layout->addWidget(help);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &MetricsChart::refresh);

    setSmoothing(m_smoothing);
    updateEmptyState();
}

/// Losses (each step faint, smoothed bold), full validation markers and token accuracy.
void MetricsChart::createSeries()
{
    m_trainRaw = makeLine(tr("Training loss (each step)"), faint(kTrainColor), 1);
    m_trainSmooth = makeLine(fs::metricDisplayName(fs::Metric::TrainLoss), kTrainColor, 2.2);
    m_validRaw = makeLine(tr("Validation loss (each step)"), faint(kValidColor), 1);
    m_validSmooth = makeLine(fs::metricDisplayName(fs::Metric::ValidLoss), kValidColor, 2.2);
    m_fullValid = new QScatterSeries;
    m_fullValid->setName(fs::metricDisplayName(fs::Metric::FullValidLoss));
    m_fullValid->setColor(kFullValidColor);
    m_fullValid->setBorderColor(Qt::white);
    m_fullValid->setMarkerSize(10);
    m_trainAccuracy = makeLine(fs::metricDisplayName(fs::Metric::TrainAccuracy),
            kTrainAccuracyColor, 1.6, Qt::DashLine);
    m_validAccuracy = makeLine(fs::metricDisplayName(fs::Metric::ValidAccuracy),
            kValidAccuracyColor, 1.6, Qt::DashLine);
}

/// Steps below, loss on the left, accuracy on the right.
void MetricsChart::createAxes()
{
    m_stepAxis = new QValueAxis(this);
    m_stepAxis->setTitleText(tr("Training step"));
    m_stepAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_lossAxis = new QValueAxis(this);
    m_lossAxis->setTitleText(tr("Loss (lower is better)"));
    m_lossAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_lossAxis->setTickType(QValueAxis::TicksDynamic);
    m_accuracyAxis = new QValueAxis(this);
    m_accuracyAxis->setTitleText(tr("Token accuracy"));
    m_accuracyAxis->setLabelFormat(QStringLiteral("%.0f%%"));
    m_accuracyAxis->setGridLineVisible(false);
    m_accuracyAxis->setTickCount(5);
    m_chart->addAxis(m_stepAxis, Qt::AlignBottom);
    m_chart->addAxis(m_lossAxis, Qt::AlignLeft);
    m_chart->addAxis(m_accuracyAxis, Qt::AlignRight);
}

void MetricsChart::addSeriesToChart()
{
    // Drawing order: accuracy and raw points underneath, smoothed lines and markers on top.
    const QList<QXYSeries *> order {m_trainAccuracy, m_validAccuracy, m_trainRaw, m_validRaw,
            m_validSmooth, m_trainSmooth, m_fullValid};
    for (QXYSeries *series : order) {
        m_chart->addSeries(series);
        series->attachAxis(m_stepAxis);
        const bool accuracy = series == m_trainAccuracy || series == m_validAccuracy;
        series->attachAxis(accuracy ? m_accuracyAxis : m_lossAxis);
    }
    // The faint raw series need no legend entry of their own.
    for (QXYSeries *series :
            {static_cast<QXYSeries *>(m_trainRaw), static_cast<QXYSeries *>(m_validRaw)}) {
        const auto markers = m_chart->legend()->markers(series);
        for (QLegendMarker *marker : markers)
            marker->setVisible(false);
    }
}

/// Smoothing, token accuracy on or off, "Show all steps" and Export, in one row.
void MetricsChart::createControls()
{
    m_smoothingSlider = new QSlider(Qt::Horizontal, this);
    m_smoothingSlider->setObjectName(QStringLiteral("smoothingSlider"));
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setValue(int(std::lround(m_smoothing * 100)));
    m_smoothingSlider->setMaximumWidth(180);
    m_smoothingSlider->setAccessibleName(tr("Smoothing"));
    m_smoothingSlider->setToolTip(tr("Smoothing averages neighbouring steps so the trend is "
                                     "easier to see. The exact values stay faint underneath."));
    m_smoothingValueLabel = new QLabel(this);
    m_smoothingValueLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0.00")));
    connect(m_smoothingSlider, &QSlider::valueChanged, this,
            [this](int value) { setSmoothing(value / 100.0); });

    m_accuracyCheckBox = new QCheckBox(tr("Token accuracy"), this);
    m_accuracyCheckBox->setObjectName(QStringLiteral("accuracyCheckBox"));
    m_accuracyCheckBox->setChecked(true);
    m_accuracyCheckBox->setToolTip(tr("The share of answer tokens the model predicted exactly "
                                      "(right-hand axis; higher is better)."));
    connect(m_accuracyCheckBox, &QCheckBox::toggled, this, &MetricsChart::setAccuracyVisible);

    m_resetZoomButton = new QToolButton(this);
    m_resetZoomButton->setObjectName(QStringLiteral("resetZoomToolButton"));
    m_resetZoomButton->setText(tr("Show all steps"));
    m_resetZoomButton->setEnabled(false);
    connect(m_resetZoomButton, &QToolButton::clicked, this, &MetricsChart::resetZoom);

    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportToolButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_exportButton);
    exportMenu->addAction(tr("Picture (PNG)…"), this, &MetricsChart::exportPngInteractive);
    exportMenu->addAction(tr("Values (CSV)…"), this, &MetricsChart::exportCsvInteractive);
    m_exportButton->setMenu(exportMenu);

    m_controls = new QWidget(this);
    auto *controls = new QHBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(new QLabel(tr("Smoothing:"), m_controls));
    controls->addWidget(m_smoothingSlider);
    controls->addWidget(m_smoothingValueLabel);
    controls->addSpacing(12);
    controls->addWidget(m_accuracyCheckBox);
    controls->addStretch(1);
    controls->addWidget(m_resetZoomButton);
    controls->addWidget(m_exportButton);
}

MetricsChart::~MetricsChart() = default;

void MetricsChart::setMetrics(fs::JobMetrics *metrics)
{
    if (m_metrics == metrics)
        return;
    if (m_metrics)
        disconnect(m_metrics, nullptr, this, nullptr);
    m_metrics = metrics;
    m_zoomed = false;
    m_hoveredStep = -1;
    m_resetZoomButton->setEnabled(false);
    if (m_metrics) {
        connect(m_metrics, &fs::JobMetrics::changed, this, &MetricsChart::onMetricsChanged);
        connect(m_metrics, &fs::JobMetrics::checkpointsChanged, this,
                [this] { m_view->viewport()->update(); });
        connect(m_metrics, &fs::JobMetrics::completed, this, &MetricsChart::scheduleRefresh);
        connect(m_metrics, &QObject::destroyed, this, [this] {
            m_metrics = nullptr;
            refresh();
        });
    }
    refresh();
}

void MetricsChart::setSmoothing(double weight)
{
    weight = std::clamp(weight, 0.0, 0.99);
    const bool changed = !qFuzzyCompare(weight + 1, m_smoothing + 1);
    m_smoothing = weight;
    {
        const QSignalBlocker blocker(m_smoothingSlider);
        m_smoothingSlider->setValue(int(std::lround(weight * 100)));
    }
    m_smoothingValueLabel->setText(QLocale().toString(weight, 'f', 2));
    if (changed) {
        refresh();
        Q_EMIT smoothingChanged(weight);
    }
}

void MetricsChart::setAccuracyVisible(bool visible)
{
    {
        const QSignalBlocker blocker(m_accuracyCheckBox);
        m_accuracyCheckBox->setChecked(visible);
    }
    m_trainAccuracy->setVisible(visible);
    m_validAccuracy->setVisible(
            visible && m_metrics && m_metrics->series().has(Metric::ValidAccuracy));
    m_accuracyAxis->setVisible(visible);
    refresh();
}

bool MetricsChart::isAccuracyVisible() const
{
    return m_accuracyCheckBox->isChecked();
}

double MetricsChart::fullMin() const
{
    return 0;
}

double MetricsChart::fullMax() const
{
    if (!m_metrics)
        return 1;
    const MetricsSeries &s = m_metrics->series();
    // The whole planned run, so the line grows to the right instead of the axis rescaling.
    return std::max({1, s.totalSteps(), s.lastStep()});
}

double MetricsChart::visibleMin() const
{
    return m_zoomed ? m_viewMin : fullMin();
}

double MetricsChart::visibleMax() const
{
    return m_zoomed ? m_viewMax : fullMax();
}

void MetricsChart::setStepRange(double min, double max)
{
    if (!(max > min)) // also catches NaN
        return;
    const double lo = fullMin();
    const double hi = fullMax();
    const double span = std::min(max - min, hi - lo);
    min = std::clamp(min, lo, hi - span);
    max = min + span;
    m_zoomed = span < hi - lo - 1e-9;
    m_viewMin = min;
    m_viewMax = max;
    m_resetZoomButton->setEnabled(m_zoomed);
    refresh();
}

void MetricsChart::resetZoom()
{
    m_zoomed = false;
    m_resetZoomButton->setEnabled(false);
    refresh();
}

void MetricsChart::zoomBy(double factor, double centerStep)
{
    const double lo = visibleMin();
    const double hi = visibleMax();
    if (!std::isfinite(centerStep))
        centerStep = (lo + hi) / 2;
    centerStep = std::clamp(centerStep, lo, hi);
    // Never closer than a few steps: a line between two points says nothing.
    const double span = std::max(4.0, (hi - lo) * factor);
    const double ratio = hi > lo ? (centerStep - lo) / (hi - lo) : 0.5;
    const double newMin = centerStep - ratio * span;
    setStepRange(newMin, newMin + span);
}

void MetricsChart::panBy(double steps)
{
    if (!m_zoomed)
        return;
    setStepRange(m_viewMin + steps, m_viewMax + steps);
}

int MetricsChart::plotPixelWidth() const
{
    const int width = int(m_chart->plotArea().width());
    return width > 50 ? width : std::max(200, m_view->width() - 120);
}

void MetricsChart::onMetricsChanged()
{
    scheduleRefresh();
}

void MetricsChart::scheduleRefresh()
{
    // Batches of events arriving together cost one redraw.
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void MetricsChart::refresh()
{
    QElapsedTimer timer;
    timer.start();
    m_refreshTimer->stop();
    updateEmptyState();
    const bool hasData = m_metrics && !m_metrics->series().isEmpty();
    if (!hasData) {
        for (QXYSeries *series : {static_cast<QXYSeries *>(m_trainRaw),
                     static_cast<QXYSeries *>(m_trainSmooth), static_cast<QXYSeries *>(m_validRaw),
                     static_cast<QXYSeries *>(m_validSmooth), static_cast<QXYSeries *>(m_fullValid),
                     static_cast<QXYSeries *>(m_trainAccuracy),
                     static_cast<QXYSeries *>(m_validAccuracy)})
            series->clear();
        m_stepAxis->setRange(0, 1);
        m_lossAxis->setRange(0, 1);
        m_accuracyAxis->setRange(0, 100);
        updateHint();
        m_lastRefreshUs = timer.nsecsElapsed() / 1000;
        return;
    }
    const MetricsSeries &s = m_metrics->series();
    const double lo = visibleMin();
    const double hi = visibleMax();
    const int px = plotPixelWidth();
    // A little beyond the edges so that lines run to the border of the plot.
    const double margin = (hi - lo) * 0.02 + 1;
    Range loss;
    // Qt Charts strokes every point of a line again on each change (its hover shape), so
    // fewer points mean faster updates: noisy raw values keep min and max per 2-pixel column,
    // a smoothed curve needs about one point per pixel.
    auto fill = [&](QXYSeries *series, Metric metric, double weight, Range *range, double scale) {
        const int columns = weight > 0 ? std::max(1, px / 4) : std::max(1, px / 2);
        QList<QPointF> points = s.decimated(metric, columns, weight, lo - margin, hi + margin);
        if (scale != 1.0) {
            for (QPointF &p : points)
                p.ry() *= scale;
        }
        if (range)
            range->add(points, lo, hi);
        series->replace(points);
    };
    fill(m_trainRaw, Metric::TrainLoss, 0, &loss, 1);
    fill(m_trainSmooth, Metric::TrainLoss, m_smoothing, &loss, 1);
    fill(m_validRaw, Metric::ValidLoss, 0, &loss, 1);
    fill(m_validSmooth, Metric::ValidLoss, m_smoothing, &loss, 1);
    fill(m_fullValid, Metric::FullValidLoss, 0, &loss, 1);
    const bool showAccuracy = m_accuracyCheckBox->isChecked();
    if (showAccuracy) {
        fill(m_trainAccuracy, Metric::TrainAccuracy, m_smoothing, nullptr, 100);
        fill(m_validAccuracy, Metric::ValidAccuracy, m_smoothing, nullptr, 100);
    } else {
        m_trainAccuracy->clear();
        m_validAccuracy->clear();
    }
    m_validRaw->setVisible(s.has(Metric::ValidLoss));
    m_validSmooth->setVisible(s.has(Metric::ValidLoss));
    m_fullValid->setVisible(s.has(Metric::FullValidLoss));
    m_trainAccuracy->setVisible(showAccuracy && s.has(Metric::TrainAccuracy));
    m_validAccuracy->setVisible(showAccuracy && s.has(Metric::ValidAccuracy));
    m_accuracyAxis->setVisible(showAccuracy && s.has(Metric::TrainAccuracy));

    m_stepAxis->setRange(lo, hi);
    if (loss.isValid()) {
        // Round ticks (0.5, 1.0, 1.5 …) that end at the first one above the highest loss: data
        // peaking at 2.9 ends at 3.0. A little room below, never under 0.
        const double pad = std::max(1e-3, (loss.hi - loss.lo) * 0.06);
        const fs::AxisScale scale = fs::AxisScale::nice(
                std::max(0.0, loss.lo - pad), loss.hi, kMinLossIntervals, kMaxLossIntervals);
        m_lossAxis->setTickAnchor(scale.min);
        m_lossAxis->setTickInterval(scale.step);
        m_lossAxis->setRange(scale.min, scale.max);
        m_lossAxis->setLabelFormat(QStringLiteral("%.%1f").arg(std::max(1, scale.decimals)));
    }
    // Accuracy keeps its whole scale, so that 90 % looks like 90 % at a glance.
    m_accuracyAxis->setRange(0, 100);
    updateHint();
    m_view->viewport()->update();
    m_lastRefreshUs = timer.nsecsElapsed() / 1000;
}

void MetricsChart::updateHint()
{
    if (!m_metrics) {
        m_hint = {};
        m_hintLabel->hide();
        return;
    }
    // Once per refresh; painting reads the stored result.
    m_hint = m_metrics->series().overfitting();
    const fs::OverfittingHint &hint = m_hint;
    m_hintLabel->setVisible(hint.detected);
    if (hint.detected)
        m_hintLabel->setText(hint.text);
}

void MetricsChart::setEmptyMessage(const QString &text)
{
    m_emptyMessage = text;
    updateEmptyState();
}

void MetricsChart::updateEmptyState()
{
    if (!m_emptyMessage.isEmpty() && (!m_metrics || m_metrics->series().isEmpty())) {
        m_emptyLabel->setText(m_emptyMessage);
        m_stack->setCurrentWidget(m_emptyLabel);
    } else if (!m_metrics) {
        m_emptyLabel->setText(tr("Choose a job in the list to see its training chart."));
        m_stack->setCurrentWidget(m_emptyLabel);
    } else if (m_metrics->series().isEmpty()) {
        m_emptyLabel->setText(tr("No training steps yet. The chart fills in as soon as the "
                                 "service reports the first step."));
        m_stack->setCurrentWidget(m_emptyLabel);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
    // Smoothing, zoom and export mean nothing without a curve.
    const bool empty = m_stack->currentWidget() == m_emptyLabel;
    m_controls->setVisible(!empty);
    m_helpLabel->setVisible(!empty);
}

bool MetricsChart::isOverfittingHintShown() const
{
    return !m_hintLabel->isHidden();
}

QString MetricsChart::overfittingHintText() const
{
    return isOverfittingHintShown() ? m_hintLabel->text() : QString();
}

bool MetricsChart::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

QChartView *MetricsChart::chartView() const
{
    return m_view;
}

QXYSeries *MetricsChart::series(fs::Metric metric, bool raw) const
{
    switch (metric) {
    case Metric::TrainLoss:
        return raw ? m_trainRaw : m_trainSmooth;
    case Metric::ValidLoss:
        return raw ? m_validRaw : m_validSmooth;
    case Metric::FullValidLoss:
        return m_fullValid;
    case Metric::TrainAccuracy:
        return m_trainAccuracy;
    case Metric::ValidAccuracy:
        return m_validAccuracy;
    case Metric::FullValidAccuracy:
        return nullptr;
    }
    return nullptr;
}

QString MetricsChart::tooltipText(int step) const
{
    if (!m_metrics || m_metrics->series().isEmpty())
        return {};
    const MetricsSeries &s = m_metrics->series();
    const QVector<int> &steps = s.steps();
    auto it = std::lower_bound(steps.cbegin(), steps.cend(), step);
    if (it == steps.cend())
        --it;
    else if (it != steps.cbegin() && step - *(it - 1) < *it - step)
        --it;
    const int index = int(it - steps.cbegin());
    const MetricPoint point = s.pointAt(index);
    const QLocale locale;
    QStringList lines;
    if (s.totalSteps() > 0)
        lines << tr("Step %1 of %2")
                         .arg(locale.toString(point.step), locale.toString(s.totalSteps()));
    else
        lines << tr("Step %1").arg(locale.toString(point.step));

    auto smoothedAt = [&](Metric metric) {
        // The step and its neighbours only: cheap with 100,000 steps (the smoothing is cached).
        const QList<QPointF> smooth =
                s.decimated(metric, 1000, m_smoothing, double(point.step), double(point.step));
        auto p = std::lower_bound(smooth.cbegin(), smooth.cend(), double(point.step),
                [](const QPointF &a, double x) { return a.x() < x; });
        return p != smooth.cend() && int(p->x()) == point.step
                ? p->y()
                : std::numeric_limits<double>::quiet_NaN();
    };
    const Metric order[] = {Metric::TrainLoss, Metric::ValidLoss, Metric::FullValidLoss,
            Metric::TrainAccuracy, Metric::ValidAccuracy, Metric::FullValidAccuracy};
    for (Metric metric : order) {
        if (!point.has(metric))
            continue;
        const double value = point.value(metric);
        QString text = fs::isLossMetric(metric)
                ? locale.toString(value, 'f', 4)
                : tr("%1 %").arg(locale.toString(value * 100, 'f', 1));
        if (m_smoothing > 0 && fs::isLossMetric(metric) && metric != Metric::FullValidLoss) {
            const double smooth = smoothedAt(metric);
            if (std::isfinite(smooth))
                text = tr("%1 (smoothed %2)").arg(text, locale.toString(smooth, 'f', 4));
        }
        lines << tr("%1: %2").arg(fs::metricDisplayName(metric), text);
    }
    if (s.checkpointSteps().contains(point.step))
        lines << tr("A checkpoint was saved at this step.");
    return lines.join(QLatin1Char('\n'));
}

void MetricsChart::hoverStep(int step)
{
    int snapped = -1;
    if (step >= 0 && m_metrics && !m_metrics->series().isEmpty()) {
        const QVector<int> &steps = m_metrics->series().steps();
        auto it = std::lower_bound(steps.cbegin(), steps.cend(), step);
        if (it == steps.cend())
            --it;
        else if (it != steps.cbegin() && step - *(it - 1) < *it - step)
            --it;
        snapped = *it;
    }
    if (snapped == m_hoveredStep)
        return;
    m_hoveredStep = snapped;
    m_view->setToolTip(QString());
    m_view->viewport()->update();
    Q_EMIT hoveredStepChanged(snapped);
}

QByteArray MetricsChart::csvText() const
{
    QByteArray out = "step";
    const Metric all[] = {Metric::TrainLoss, Metric::TrainAccuracy, Metric::ValidLoss,
            Metric::ValidAccuracy, Metric::FullValidLoss, Metric::FullValidAccuracy};
    for (Metric metric : all)
        out += ',' + fs::metricKey(metric).toUtf8();
    out += '\n';
    if (!m_metrics)
        return out;
    const MetricsSeries &s = m_metrics->series();
    out.reserve(out.size() + qsizetype(s.size()) * 48);
    for (int i = 0; i < s.size(); ++i) {
        const MetricPoint point = s.pointAt(i);
        out += QByteArray::number(point.step);
        for (Metric metric : all) {
            out += ',';
            if (point.has(metric))
                out += QByteArray::number(point.value(metric), 'g', 10);
        }
        out += '\n';
    }
    return out;
}

bool MetricsChart::exportCsv(const QString &path, QString *problem) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csvText()) < 0 || !file.commit()) {
        if (problem)
            *problem = tr("The values could not be saved to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool MetricsChart::exportPng(const QString &path, QString *problem) const
{
    const QPixmap pixmap = m_view->grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        if (problem)
            *problem = tr("The picture could not be saved to %1.").arg(path);
        return false;
    }
    return true;
}

QString MetricsChart::askPath(const QString &kind)
{
    const QString name = m_metrics && !m_metrics->jobId().isEmpty() ? m_metrics->jobId()
                                                                    : QStringLiteral("training");
    if (kind == QLatin1String("png"))
        return FileDialog::getSaveFileName(this, kind, tr("Export chart as picture"),
                name + QStringLiteral("-loss.png"), tr("PNG pictures (*.png)"));
    return FileDialog::getSaveFileName(this, kind, tr("Export chart values"),
            name + QStringLiteral("-metrics.csv"), tr("CSV files (*.csv)"));
}

void MetricsChart::exportPngInteractive()
{
    const QString path = askPath(QStringLiteral("png"));
    if (path.isEmpty())
        return;
    QString problem;
    if (!exportPng(path, &problem))
        MessageBox::warning(this, tr("Export chart"), problem);
}

void MetricsChart::exportCsvInteractive()
{
    const QString path = askPath(QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    QString problem;
    if (!exportCsv(path, &problem))
        MessageBox::warning(this, tr("Export chart"), problem);
}

} // namespace fs::ui
