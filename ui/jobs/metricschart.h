// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metricsseries.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QAbstractSeries;
class QChart;
class QChartView;
class QCheckBox;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QSlider;
class QStackedWidget;
class QTimer;
class QToolButton;
class QValueAxis;
class QXYSeries;

namespace fs::ui {

class MetricsChartView;

/**
 * @brief The loss chart of one job: training loss per step (raw points faint, smoothed line on
 * top), validation loss, full-validation loss at epoch ends and token accuracy on a second axis.
 *
 * Every series is decimated to the plot's pixel width over the visible steps and set with
 * replace() (never appended point by point), so 100,000 steps redraw quickly. Wheel zooms the
 * steps around the cursor, dragging moves them, Shift+drag zooms to a range, double-click shows
 * everything. Hovering shows the exact values at that step; checkpoints are marked; the core's
 * overfitting detector drives a plain-language hint above the chart.
 */
class MetricsChart : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsChart(QWidget *parent = nullptr);
    ~MetricsChart() override;

    /// The job's metrics (not owned; the tracker owns them). Null shows the empty state.
    void setMetrics(fs::JobMetrics *metrics);
    fs::JobMetrics *metrics() const { return m_metrics; }

    /// 0 (raw) … 0.99 (very smooth); the slider shows it.
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }
    void setAccuracyVisible(bool visible);
    bool isAccuracyVisible() const;

    /// Shows steps [min, max] (zoom); resetZoom() shows the whole job again.
    void setStepRange(double min, double max);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }
    double visibleMin() const;
    double visibleMax() const;

    /// Re-reads every series from the metrics (what a change of the data triggers, coalesced).
    void refresh();

    /// The text of the hover tooltip for the step nearest to `step` (empty without data).
    QString tooltipText(int step) const;
    /// Shows the tooltip at the step nearest to `step` (as hovering there would); -1 hides it.
    void hoverStep(int step);
    int hoveredStep() const { return m_hoveredStep; }

    /// What the empty chart says instead of the default (e.g. for a job that ended before
    /// training); empty: the default text.
    void setEmptyMessage(const QString &text);

    bool isOverfittingHintShown() const;
    QString overfittingHintText() const;
    bool isEmptyStateShown() const;

    QChartView *chartView() const;
    QChart *chart() const { return m_chart; }
    /// The series drawn for a metric: the smoothed line (raw false) or the faint raw points.
    QXYSeries *series(fs::Metric metric, bool raw = false) const;

    /// Writes the chart as shown (PNG) / every step's values (CSV). False with a plain reason.
    bool exportPng(const QString &path, QString *problem = nullptr) const;
    bool exportCsv(const QString &path, QString *problem = nullptr) const;
    /// Every step's values as CSV text (header: step and the metrics' JSON keys).
    QByteArray csvText() const;

    /// How long the last refresh() took (decimation + replace), in microseconds.
    qint64 lastRefreshMicroseconds() const { return m_lastRefreshUs; }

public Q_SLOTS:
    void exportPngInteractive();
    void exportCsvInteractive();

Q_SIGNALS:
    void hoveredStepChanged(int step);
    void smoothingChanged(double weight);

private:
    friend class MetricsChartView;
    void createSeries();
    void createAxes();
    /// Adds the series in drawing order on their axes; the faint ones get no legend entry.
    void addSeriesToChart();
    void createControls();
    void onMetricsChanged();
    void scheduleRefresh();
    void updateHint();
    void updateEmptyState();
    void zoomBy(double factor, double centerStep);
    void panBy(double steps);
    double fullMin() const;
    double fullMax() const;
    int plotPixelWidth() const;
    QString askPath(const QString &kind);

    QPointer<fs::JobMetrics> m_metrics;
    double m_smoothing = 0.6;
    bool m_zoomed = false;
    double m_viewMin = 0;
    double m_viewMax = 0;
    int m_hoveredStep = -1;
    bool m_refreshPending = false;
    qint64 m_lastRefreshUs = 0;
    QString m_emptyMessage;
    fs::OverfittingHint m_hint; ///< the detector's answer at the last refresh
    QWidget *m_controls = nullptr;
    QLabel *m_helpLabel = nullptr;

    QChart *m_chart;
    MetricsChartView *m_view;
    QValueAxis *m_stepAxis;
    QValueAxis *m_lossAxis;
    QValueAxis *m_accuracyAxis;
    QLineSeries *m_trainRaw;
    QLineSeries *m_trainSmooth;
    QLineSeries *m_validRaw;
    QLineSeries *m_validSmooth;
    QScatterSeries *m_fullValid;
    QLineSeries *m_trainAccuracy;
    QLineSeries *m_validAccuracy;
    QLabel *m_hintLabel;
    QLabel *m_emptyLabel;
    QStackedWidget *m_stack;
    QSlider *m_smoothingSlider;
    QLabel *m_smoothingValueLabel;
    QCheckBox *m_accuracyCheckBox;
    QToolButton *m_resetZoomButton;
    QToolButton *m_exportButton;
    QTimer *m_refreshTimer;
};

} // namespace fs::ui
