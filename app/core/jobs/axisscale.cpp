// SPDX-License-Identifier: GPL-3.0-or-later
#include "axisscale.h"

#include <algorithm>
#include <cmath>

namespace fs {

int AxisScale::intervals() const
{
    return step > 0 ? int(std::lround((max - min) / step)) : 0;
}

AxisScale AxisScale::nice(double lo, double hi, int minIntervals, int maxIntervals)
{
    AxisScale scale;
    if (!std::isfinite(lo) || !std::isfinite(hi))
        return scale;
    if (lo > hi)
        std::swap(lo, hi);
    minIntervals = std::max(1, minIntervals);
    maxIntervals = std::max(minIntervals, maxIntervals);
    if (hi - lo < 1e-12 * std::max(1.0, std::abs(hi))) {
        // One value: a range around it, so that it is not drawn on the edge.
        const double half = lo == 0 ? 0.5 : std::abs(lo) * 0.1;
        lo -= half;
        hi += half;
    }
    // Small tolerance: 3.0000000001 is still 3.
    const double eps = 1e-9;
    const double span = hi - lo;
    const int top = int(std::ceil(std::log10(span / minIntervals))) + 1;
    const int bottom = int(std::floor(std::log10(span / maxIntervals))) - 1;
    double bestWaste = -1;
    for (int power = bottom; power <= top; ++power) {
        const double magnitude = std::pow(10.0, power);
        for (const double mantissa : {1.0, 2.0, 2.5, 5.0}) {
            const double step = mantissa * magnitude;
            const double min = std::floor(lo / step + eps) * step;
            const double max = std::ceil(hi / step - eps) * step;
            const int n = int(std::lround((max - min) / step));
            if (n < minIntervals || n > maxIntervals)
                continue;
            const double waste = (max - min) - span;
            if (bestWaste < 0 || waste < bestWaste - eps * step
                    || (std::abs(waste - bestWaste) <= eps * step && n < scale.intervals())) {
                bestWaste = waste;
                scale.min = min;
                scale.max = max;
                scale.step = step;
                // 2.5 × 10^k needs one digit more than 10^k.
                scale.decimals = std::max(0, -power + (mantissa == 2.5 ? 1 : 0));
            }
        }
    }
    if (bestWaste < 0) {
        // Too few intervals possible (cannot happen with minIntervals <= maxIntervals / 2):
        // fall back to the plain range in maxIntervals steps.
        scale.min = lo;
        scale.max = hi;
        scale.step = span / maxIntervals;
        scale.decimals = std::max(0, 1 - int(std::floor(std::log10(scale.step))));
    }
    return scale;
}

} // namespace fs
