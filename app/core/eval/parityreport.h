// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "paritycheck.h"

#include <QDateTime>
#include <QString>

namespace fs {

/**
 * @brief The parity check's one-page HTML report: the verdict in plain words, the figures
 * (ROUGE-1/2/L means, a histogram of ROUGE-L per answer, the blind round's tally with its 95%
 * interval), the ten answers that differ most side by side, and how the verdict is decided
 * (ParityThresholds). Self-contained (inline style and SVG, no scripts, no outside files), every
 * text HTML-escaped.
 */
class ParityReport
{
public:
    static QString html(
            const ParitySummary &summary, const BatchResults &results, const QDateTime &when);
    /// ROUGE-L F of the answered prompts in ten bins [0, 0.1), …, [0.9, 1.0].
    static QList<int> histogram(const BatchResults &results);

private:
    // The page's parts, top to bottom (members, so their words keep this class's context).
    static QString headSection(const ParitySummary &s, const QDateTime &when);
    static QString figuresSection(const ParitySummary &s);
    static QString histogramSection(const BatchResults &results);
    static QString blindSection(const ParitySummary &s);
    static QString differSection(const ParitySummary &s, const BatchResults &results);
    static QString rulesSection();
};

} // namespace fs
