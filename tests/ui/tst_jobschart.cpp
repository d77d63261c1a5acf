// SPDX-License-Identifier: GPL-3.0-or-later
#include "filedialog.h"
#include "messagebox.h"
#include "metricschart.h"
#include "metricsseries.h"
#include "screenshot.h"

#include <QChart>
#include <QChartView>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXYSeries>

#include <cmath>

using fs::JobMetrics;
using fs::Metric;
using fs::MetricPoint;
using fs::ui::FileDialog;
using fs::ui::FileRequest;
using fs::ui::MetricsChart;

namespace {

/// A deterministic pseudo-random number in [-1, 1] per step and salt.
double noise(int step, int salt)
{
    quint32 x = quint32(step) * 2654435761u ^ quint32(salt) * 40503u;
    x ^= x >> 13;
    x *= 0x5bd1e995u;
    x ^= x >> 15;
    return (x % 20001) / 10000.0 - 1.0;
}

/// A job of `steps` steps and 6 epochs as the service reports it: training loss every step
/// (noisy, falling), validation loss every 10 steps, full validation at epoch ends. With
/// `overfit`, validation loss turns up in the second half while training loss keeps falling.
QList<MetricPoint> realisticPoints(int steps, bool overfit)
{
    QList<MetricPoint> points;
    const int epoch = steps / 6;
    for (int step = 1; step <= steps; ++step) {
        MetricPoint p;
        p.step = step;
        const double trend = 0.25 + 1.8 * std::exp(-step / (steps / 5.0));
        p.set(Metric::TrainLoss, std::max(0.01, trend * (1 + 0.25 * noise(step, 1))));
        p.set(Metric::TrainAccuracy,
                std::clamp(1.0 - trend / 2.4 + 0.03 * noise(step, 2), 0.0, 1.0));
        const double rise = overfit && step > steps / 2 ? 0.9 * (step - steps / 2.0) / steps : 0;
        if (step % 10 == 0) {
            p.set(Metric::ValidLoss, trend * 1.15 + rise + 0.05 * noise(step, 3));
            p.set(Metric::ValidAccuracy, std::clamp(1.0 - trend / 2.2 - rise / 3, 0.0, 1.0));
        }
        if (step % epoch == 0) {
            p.set(Metric::FullValidLoss, trend * 1.12 + rise);
            p.set(Metric::FullValidAccuracy, std::clamp(1.0 - trend / 2.2 - rise / 3, 0.0, 1.0));
        }
        points << p;
    }
    return points;
}

QList<fs::Checkpoint> checkpointsAt(const QList<int> &steps)
{
    QList<fs::Checkpoint> list;
    for (int step : steps) {
        fs::Checkpoint c;
        c.id = QStringLiteral("ftckpt_%1").arg(step);
        c.stepNumber = step;
        c.fineTunedModelCheckpoint =
                QStringLiteral("ft:gpt-4o-mini:org::abc:ckpt-step-%1").arg(step);
        list << c;
    }
    return list;
}

/// Pixels of roughly this colour in the image (the lines are drawn antialiased).
int countColour(const QImage &image, const QColor &colour, int tolerance = 40)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgb(line[x]);
            if (std::abs(c.red() - colour.red()) < tolerance
                    && std::abs(c.green() - colour.green()) < tolerance
                    && std::abs(c.blue() - colour.blue()) < tolerance)
                ++count;
        }
    }
    return count;
}

double variance(const QList<QPointF> &points)
{
    if (points.size() < 2)
        return 0;
    double mean = 0;
    for (const QPointF &p : points)
        mean += p.y();
    mean /= points.size();
    double sum = 0;
    for (const QPointF &p : points)
        sum += (p.y() - mean) * (p.y() - mean);
    return sum / points.size();
}

QList<QPointF> pointsOf(const QXYSeries *series)
{
    return series->points();
}

} // namespace

class tst_JobsChart : public QObject
{
    Q_OBJECT

    std::unique_ptr<JobMetrics> m_metrics;
    std::unique_ptr<MetricsChart> m_chart;

    void makeChart(int steps, bool overfit)
    {
        m_metrics = std::make_unique<JobMetrics>(QStringLiteral("ftjob-test"));
        m_metrics->setTotalSteps(steps);
        m_metrics->addPoints(realisticPoints(steps, overfit));
        m_metrics->setCheckpoints(checkpointsAt({steps * 4 / 6, steps * 5 / 6, steps}));
        m_chart = std::make_unique<MetricsChart>();
        m_chart->resize(1000, 620);
        m_chart->setMetrics(m_metrics.get());
        m_chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_chart.get()));
        QCoreApplication::processEvents();
        m_chart->refresh(); // the plot area has its real size now
    }

private Q_SLOTS:
    void initTestCase()
    {
        fs::ui::MessageBox::setTestHook(
                [](const fs::ui::MessageRequest &) { return QMessageBox::Ok; });
    }

    void cleanup()
    {
        m_chart.reset();
        m_metrics.reset();
    }

    void emptyStates()
    {
        MetricsChart chart;
        chart.resize(800, 500);
        chart.show();
        QVERIFY(chart.isEmptyStateShown());
        QVERIFY(!chart.findChild<QLabel *>(QStringLiteral("chartEmptyLabel"))->text().isEmpty());
        JobMetrics metrics(QStringLiteral("ftjob-empty"));
        chart.setMetrics(&metrics);
        QVERIFY(chart.isEmptyStateShown());
        MetricPoint p;
        p.step = 1;
        p.set(Metric::TrainLoss, 1.5);
        metrics.addPoints({p});
        QTRY_VERIFY(!chart.isEmptyStateShown()); // the change arrives through changed()
        QCOMPARE(chart.series(Metric::TrainLoss, true)->count(), 1);
        QVERIFY(!chart.isOverfittingHintShown());
    }

    void rendersARealisticSeries()
    {
        makeChart(3000, false);
        QVERIFY(!m_chart->isEmptyStateShown());
        const int width = int(m_chart->chart()->plotArea().width());
        QVERIFY2(width > 500, qPrintable(QString::number(width)));
        // Decimated to the pixel width: min/max per column, never every step.
        const int raw = m_chart->series(Metric::TrainLoss, true)->count();
        QVERIFY2(raw > width && raw <= 4 * width + 8, qPrintable(QString::number(raw)));
        QVERIFY(m_chart->series(Metric::TrainLoss)->count() > 100);
        QVERIFY(m_chart->series(Metric::ValidLoss)->count() > 100);
        QCOMPARE(m_chart->series(Metric::FullValidLoss)->count(), 6); // one per epoch end
        QVERIFY(m_chart->series(Metric::TrainAccuracy)->count() > 100);
        // Accuracy is drawn in percent on its own axis.
        for (const QPointF &p : pointsOf(m_chart->series(Metric::TrainAccuracy)))
            QVERIFY(p.y() >= 0 && p.y() <= 100);
        const auto *stepAxis =
                qobject_cast<QValueAxis *>(m_chart->chart()->axes(Qt::Horizontal).first());
        QCOMPARE(stepAxis->min(), 0.0);
        QCOMPARE(stepAxis->max(), 3000.0);

        const QImage image = m_chart->grab().toImage();
        QVERIFY(!image.isNull());
        // The smoothed training line (blue) and the full-validation markers (red) are visible.
        QVERIFY2(countColour(image, QColor(31, 119, 180)) > 500, "no training loss line drawn");
        QVERIFY2(countColour(image, QColor(214, 39, 40), 30) > 30,
                "no full-validation markers drawn");
        fs::test::saveScreenshot(m_chart.get(), QStringLiteral("jobsui-chart"));
    }

    void lossAxisEndsJustAboveTheData()
    {
        // A loss peaking at 2.9 (the reported chart ran its axis to 4.0): round ticks that end
        // at the first one above, 3.0.
        m_metrics = std::make_unique<JobMetrics>(QStringLiteral("ftjob-peak"));
        m_metrics->setTotalSteps(100);
        QList<MetricPoint> points;
        for (int step = 1; step <= 100; ++step) {
            MetricPoint p;
            p.step = step;
            p.set(Metric::TrainLoss, 0.3 + 2.6 * std::exp(-(step - 1) / 20.0));
            points << p;
        }
        m_metrics->addPoints(points);
        m_chart = std::make_unique<MetricsChart>();
        m_chart->resize(1000, 620);
        m_chart->setMetrics(m_metrics.get());
        m_chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_chart.get()));
        m_chart->refresh();
        QValueAxis *loss = nullptr;
        for (QAbstractAxis *axis : m_chart->chart()->axes(Qt::Vertical)) {
            if (axis->titleText().startsWith(QLatin1String("Loss")))
                loss = qobject_cast<QValueAxis *>(axis);
        }
        QVERIFY(loss);
        QCOMPARE(loss->max(), 3.0);
        QCOMPARE(loss->min(), 0.0);
        QCOMPARE(loss->tickInterval(), 0.5);
        QCOMPARE(loss->tickAnchor(), 0.0);
        QCOMPARE(loss->labelFormat(), QStringLiteral("%.1f"));
    }

    void tooltipShowsExactValues()
    {
        makeChart(600, false);
        const QList<MetricPoint> points = realisticPoints(600, false);
        const QLocale locale;
        const MetricPoint at120 = points.at(119);
        const QString text = m_chart->tooltipText(120);
        QVERIFY2(text.contains(QStringLiteral("120")), qPrintable(text));
        QVERIFY2(text.contains(locale.toString(600)), qPrintable(text));
        QVERIFY2(text.contains(locale.toString(at120.value(Metric::TrainLoss), 'f', 4)),
                qPrintable(text));
        QVERIFY2(text.contains(locale.toString(at120.value(Metric::ValidLoss), 'f', 4)),
                qPrintable(text));
        QVERIFY2(text.contains(locale.toString(at120.value(Metric::TrainAccuracy) * 100, 'f', 1)),
                qPrintable(text));
        QVERIFY2(text.contains(fs::metricDisplayName(Metric::ValidLoss)), qPrintable(text));
        // A step without validation does not invent one.
        const QString at121 = m_chart->tooltipText(121);
        QVERIFY2(!at121.contains(fs::metricDisplayName(Metric::ValidLoss) + QLatin1Char(':')),
                qPrintable(at121));
        // Checkpoint steps say so.
        QVERIFY(m_chart->tooltipText(600).contains(
                QStringLiteral("checkpoint"), Qt::CaseInsensitive));

        // Hovering with the mouse picks the step under the cursor.
        QChartView *view = m_chart->chartView();
        const QPointF pos = m_chart->chart()->mapToPosition(
                QPointF(300, 1.0), m_chart->series(Metric::TrainLoss));
        const QPoint viewPos = view->mapFromScene(m_chart->chart()->mapToScene(pos));
        QTest::mouseMove(view->viewport(), viewPos);
        QTRY_VERIFY(m_chart->hoveredStep() > 0);
        QVERIFY2(std::abs(m_chart->hoveredStep() - 300) <= 2,
                qPrintable(QString::number(m_chart->hoveredStep())));
        const QImage hovered = m_chart->grab().toImage();
        QVERIFY(!hovered.isNull());
        fs::test::saveScreenshot(m_chart.get(), QStringLiteral("jobsui-chart-hover"));
        m_chart->hoverStep(-1);
        QCOMPARE(m_chart->hoveredStep(), -1);
    }

    void smoothingFollowsTheSlider()
    {
        makeChart(600, false);
        auto *slider = m_chart->findChild<QSlider *>(QStringLiteral("smoothingSlider"));
        QVERIFY(slider);
        slider->setValue(0);
        QCOMPARE(m_chart->smoothing(), 0.0);
        // No smoothing: the line is the raw points.
        QCOMPARE(pointsOf(m_chart->series(Metric::TrainLoss)),
                pointsOf(m_chart->series(Metric::TrainLoss, true)));
        slider->setValue(95);
        QCOMPARE(m_chart->smoothing(), 0.95);
        const QList<QPointF> raw = pointsOf(m_chart->series(Metric::TrainLoss, true));
        const QList<QPointF> smooth = pointsOf(m_chart->series(Metric::TrainLoss));
        // Over the flat tail the smoothed line is much calmer than the raw points.
        auto tail = [](const QList<QPointF> &points) {
            QList<QPointF> out;
            for (const QPointF &p : points) {
                if (p.x() > 400)
                    out << p;
            }
            return out;
        };
        QVERIFY2(variance(tail(smooth)) * 4 < variance(tail(raw)),
                qPrintable(QStringLiteral("%1 vs %2")
                                   .arg(variance(tail(smooth)))
                                   .arg(variance(tail(raw)))));
        // The raw points stay, faint, underneath.
        QVERIFY(m_chart->series(Metric::TrainLoss, true)->isVisible());
        QVERIFY(m_chart->series(Metric::TrainLoss, true)->pen().color().alpha() < 128);
        m_chart->setSmoothing(2.0); // clamped
        QCOMPARE(m_chart->smoothing(), 0.99);
        QCOMPARE(slider->value(), 99);
    }

    void overfittingHintForRisingValidation()
    {
        makeChart(600, true);
        QVERIFY(m_chart->isOverfittingHintShown());
        QVERIFY(!m_chart->overfittingHintText().isEmpty());
        QCOMPARE(m_chart->overfittingHintText(), m_metrics->series().overfitting().text);
        fs::test::saveScreenshot(m_chart.get(), QStringLiteral("jobsui-chart-overfit"));
    }

    void noHintWhileValidationFalls()
    {
        makeChart(600, false);
        QVERIFY(!m_chart->isOverfittingHintShown());
        QVERIFY(m_chart->overfittingHintText().isEmpty());
    }

    void zoomAndPan()
    {
        makeChart(3000, false);
        QVERIFY(!m_chart->isZoomed());
        m_chart->setStepRange(1000, 1200);
        QVERIFY(m_chart->isZoomed());
        const auto *stepAxis =
                qobject_cast<QValueAxis *>(m_chart->chart()->axes(Qt::Horizontal).first());
        QCOMPARE(stepAxis->min(), 1000.0);
        QCOMPARE(stepAxis->max(), 1200.0);
        // Decimated over the visible steps only: every step of the range is there.
        const QList<QPointF> raw = pointsOf(m_chart->series(Metric::TrainLoss, true));
        int inside = 0;
        for (const QPointF &p : raw)
            inside += p.x() >= 1000 && p.x() <= 1200 ? 1 : 0;
        QCOMPARE(inside, 201);
        // Dragging moves the range.
        QChartView *view = m_chart->chartView();
        const QPoint centre = view->viewport()->rect().center();
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseMove(view->viewport(), centre + QPoint(100, 0));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, centre + QPoint(100, 0));
        QVERIFY2(m_chart->visibleMin() < 1000, qPrintable(QString::number(m_chart->visibleMin())));
        QVERIFY(std::abs((m_chart->visibleMax() - m_chart->visibleMin()) - 200) < 1e-6);
        // The wheel zooms in around the cursor.
        const double before = m_chart->visibleMax() - m_chart->visibleMin();
        QWheelEvent wheel(QPointF(centre), view->viewport()->mapToGlobal(QPointF(centre)), QPoint(),
                QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(m_chart->visibleMax() - m_chart->visibleMin() < before);
        // Shift+drag zooms to the range dragged over.
        m_chart->resetZoom();
        const QRectF plot = m_chart->chart()->mapRectToScene(m_chart->chart()->plotArea());
        const QPoint from =
                view->mapFromScene(QPointF(plot.left() + plot.width() * 0.25, plot.center().y()));
        const QPoint to = view->mapFromScene(
                QPointF(plot.left() + plot.width() * 0.5, plot.center().y() + 20));
        QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(view->viewport(), to);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, to);
        QVERIFY(m_chart->isZoomed());
        QVERIFY2(std::abs(m_chart->visibleMin() - 750) < 60,
                qPrintable(QString::number(m_chart->visibleMin())));
        QVERIFY2(std::abs(m_chart->visibleMax() - 1500) < 60,
                qPrintable(QString::number(m_chart->visibleMax())));
        // Never outside the job.
        m_chart->setStepRange(-500, 100);
        QCOMPARE(m_chart->visibleMin(), 0.0);
        m_chart->resetZoom();
        QVERIFY(!m_chart->isZoomed());
        QCOMPARE(stepAxis->max(), 3000.0);
        // Double-click also shows everything again.
        m_chart->setStepRange(10, 50);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
        QVERIFY(!m_chart->isZoomed());
    }

    void liveUpdatesReplaceTheSeries()
    {
        makeChart(600, false);
        JobMetrics live(QStringLiteral("ftjob-live"));
        live.setTotalSteps(600);
        m_chart->setMetrics(&live);
        const QList<MetricPoint> points = realisticPoints(600, false);
        // Batches as a poller delivers them: the chart follows each one.
        for (int first = 0; first < 300; first += 50) {
            live.addPoints(points.mid(first, 50));
            QTRY_COMPARE(m_chart->series(Metric::TrainLoss, true)->count(), first + 50);
        }
        QCOMPARE(m_chart->series(Metric::TrainLoss, true)->points().constLast().x(), 300.0);
        m_chart->setMetrics(nullptr);
        QVERIFY(m_chart->isEmptyStateShown());
    }

    void exportsPngAndCsv()
    {
        makeChart(600, false);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        const QString csv = dir.filePath(QStringLiteral("chart.csv"));
        const FileDialog::ScopedTestHook fileDialogs([&](const FileRequest &request) {
            return QStringList {request.kind == QLatin1String("png") ? png : csv};
        });
        m_chart->exportPngInteractive();
        m_chart->exportCsvInteractive();
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 500);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 601);
        QVERIFY(lines.first().startsWith("step,train_loss"));
        QVERIFY(lines.at(10).startsWith("10,"));
        // Step 10 has a validation loss; step 11 leaves it empty.
        QCOMPARE(lines.at(10).split(',').size(), lines.first().split(',').size());
        QVERIFY(lines.at(11).contains(",,"));
        // A path that cannot be written is refused in plain words, not silently.
        QString problem;
        QVERIFY(!m_chart->exportCsv(dir.filePath(QStringLiteral("missing/dir/x.csv")), &problem));
        QVERIFY(!problem.isEmpty());
    }
};

QTEST_MAIN(tst_JobsChart)
#include "tst_jobschart.moc"
