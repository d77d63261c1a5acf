// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace fs {

/// A value axis with round ticks: from `min` to `max` in steps of `step`.
struct AxisScale
{
    double min = 0;
    double max = 1;
    double step = 0.25;
    int decimals = 2; ///< digits after the point that show every tick exactly

    int intervals() const;

    /**
     * Round ticks for values from `lo` to `hi`: a step of 1, 2, 2.5 or 5 times a power of ten
     * that covers them in `minIntervals` to `maxIntervals` intervals with the least room left
     * over (ties: fewer ticks). The ends are multiples of the step, so the axis ends at the first
     * tick at or above `hi` — a loss peaking at 2.9 ends at 3.0, not at 4.0. A single value gets
     * one step around it.
     */
    static AxisScale nice(double lo, double hi, int minIntervals = 4, int maxIntervals = 8);
};

} // namespace fs
