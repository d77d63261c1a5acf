// SPDX-License-Identifier: GPL-3.0-or-later
#include "axisscale.h"

#include <QTest>

#include <cmath>

using fs::AxisScale;

class tst_AxisScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void niceTicksEndJustAboveTheData_data();
    void niceTicksEndJustAboveTheData();
    void everyTickIsRoundAndCoversTheData();
};

void tst_AxisScale::niceTicksEndJustAboveTheData_data()
{
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("decimals");

    // The reported chart: a loss from about 0.15 to 2.9 ran to 4.0 in steps of 1.
    QTest::newRow("loss peaking at 2.9") << 0.15 << 2.9 << 0.0 << 3.0 << 0.5 << 1;
    QTest::newRow("ends on a tick") << 0.0 << 3.0 << 0.0 << 3.0 << 0.5 << 1;
    QTest::newRow("just above a tick") << 0.2 << 3.01 << 0.0 << 3.5 << 0.5 << 1;
    QTest::newRow("0 to 1: quarters") << 0.0 << 1.0 << 0.0 << 1.0 << 0.25 << 2;
    QTest::newRow("small losses") << 0.012 << 0.087 << 0.0 << 0.1 << 0.025 << 3;
    QTest::newRow("large counts") << 0.0 << 930.0 << 0.0 << 1000.0 << 250.0 << 0;
    QTest::newRow("one value") << 2.0 << 2.0 << 1.8 << 2.2 << 0.1 << 1;
    QTest::newRow("swapped ends") << 2.9 << 0.15 << 0.0 << 3.0 << 0.5 << 1;
}

void tst_AxisScale::niceTicksEndJustAboveTheData()
{
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, step);
    QFETCH(int, decimals);

    const AxisScale scale = AxisScale::nice(lo, hi, 4, 7);
    QCOMPARE(scale.min, min);
    QCOMPARE(scale.max, max);
    QCOMPARE(scale.step, step);
    QCOMPARE(scale.decimals, decimals);
    QVERIFY(scale.intervals() >= 4 && scale.intervals() <= 7);
}

void tst_AxisScale::everyTickIsRoundAndCoversTheData()
{
    // Over many ranges: the data fit, the ends are ticks, no whole step is wasted on top, and
    // the step is 1, 2, 2.5 or 5 times a power of ten.
    for (double lo = 0; lo < 5; lo += 0.37) {
        for (double span = 0.01; span < 400; span *= 1.7) {
            const double hi = lo + span;
            const AxisScale s = AxisScale::nice(lo, hi, 4, 7);
            const QString what = QStringLiteral("%1..%2 → %3..%4 by %5")
                                         .arg(lo)
                                         .arg(hi)
                                         .arg(s.min)
                                         .arg(s.max)
                                         .arg(s.step);
            QVERIFY2(s.min <= lo + 1e-9 && s.max >= hi - 1e-9, qPrintable(what));
            QVERIFY2(s.max - hi < s.step + 1e-9, qPrintable(what));
            QVERIFY2(s.intervals() >= 4 && s.intervals() <= 7, qPrintable(what));
            const double mantissa = s.step / std::pow(10.0, std::floor(std::log10(s.step)));
            QVERIFY2(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6
                            || std::abs(mantissa - 2.5) < 1e-6 || std::abs(mantissa - 5) < 1e-6,
                    qPrintable(what));
            const double ticks = s.min / s.step;
            QVERIFY2(std::abs(ticks - std::round(ticks)) < 1e-6, qPrintable(what));
        }
    }
}

QTEST_GUILESS_MAIN(tst_AxisScale)
#include "tst_axisscale.moc"
