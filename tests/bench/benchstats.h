// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the chart benchmarks: timings with median and maximum, one report line each, and a
// deterministic noise for generated loss curves.

#include <QList>
#include <QtGlobal>

#include <algorithm>
#include <cstdio>

namespace fs::bench {

/// A deterministic pseudo-random number in [-1, 1] per step and salt.
inline double noise(int step, int salt)
{
    quint32 x = quint32(step) * 2654435761u ^ quint32(salt) * 40503u;
    x ^= x >> 13;
    x *= 0x5bd1e995u;
    x ^= x >> 15;
    return (x % 20001) / 10000.0 - 1.0;
}

struct Stats
{
    QList<double> ms;
    void add(qint64 ns) { ms << ns / 1e6; }
    double median() const
    {
        QList<double> s = ms;
        std::sort(s.begin(), s.end());
        return s.isEmpty() ? 0 : s.at(s.size() / 2);
    }
    double max() const { return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
};

/// "what  median … ms  max … ms  (n=…, under aim)"; `aim` 0: no aim.
inline void report(const char *what, const Stats &stats, double aim)
{
    std::printf("%-62s median %8.2f ms   max %8.2f ms   (n=%lld%s)\n", what, stats.median(),
            stats.max(), qint64(stats.ms.size()),
            aim > 0 ? (stats.median() < aim ? ", under aim" : ", OVER AIM") : "");
}

} // namespace fs::bench
