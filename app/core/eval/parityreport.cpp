// SPDX-License-Identifier: GPL-3.0-or-later
#include "parityreport.h"

#include "coretranslate.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace fs {

namespace {

QString tr(const char *text)
{
    return translateInCore("fs::ParityReport", text);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

/// Long answers are cut for the page (the full text is in the results file).
QString excerpt(const QString &text, int limit = 600)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() <= limit)
        return trimmed;
    return trimmed.left(limit) + QChar(0x2026);
}

QString verdictColour(ParityVerdict verdict)
{
    switch (verdict) {
    case ParityVerdict::Keeps:
    case ParityVerdict::Preferred:
        return QStringLiteral("#1b7f3b");
    case ParityVerdict::Partly:
    case ParityVerdict::Incomplete:
        return QStringLiteral("#9a6700");
    case ParityVerdict::Differs:
    case ParityVerdict::OldPreferred:
        break;
    }
    return QStringLiteral("#b3261e");
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(label), esc(value));
}

/// The verdict's three ranges of ROUGE-L, each with its colour and the class the answers
/// table marks it with: answering differently, similar things in other words, much the same
/// (ParityThresholds).
struct Zone
{
    const char *colour;
    const char *cssClass;
};

Zone zoneOf(double score)
{
    if (score >= ParityThresholds::kSimilar)
        return {"#1b7f3b", "same"};
    if (score >= ParityThresholds::kPartly)
        return {"#c98a00", "partly"};
    return {"#b3261e", "differs"};
}

/// Where the histogram's parts stand: the plot area and the scale of the bars.
struct HistogramLayout
{
    static constexpr int left = 44; // room for the count axis
    static constexpr int top = 22; // room for the ranges' names
    static constexpr int plotWidth = 500;
    static constexpr int plotHeight = 140;
    int barWidth = 0;
    int highest = 1; ///< the tallest bar's count
    int x(double score) const { return left + int(score * plotWidth); }
};

/// The verdict's three ranges as tinted bands with their names above.
QString histogramBands(const HistogramLayout &l)
{
    const struct
    {
        double from;
        double to;
        QString fill;
        QString name;
    } bands[] = {
            {0, ParityThresholds::kPartly, QStringLiteral("#fbeaea"), tr("different")},
            {ParityThresholds::kPartly, ParityThresholds::kSimilar, QStringLiteral("#fdf3dc"),
                    tr("other words")},
            {ParityThresholds::kSimilar, 1, QStringLiteral("#e6f4ea"), tr("much the same")},
    };
    QString svg;
    for (const auto &band : bands) {
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                              "fill=\"%5\"/>\n")
                       .arg(l.x(band.from))
                       .arg(l.top)
                       .arg(l.x(band.to) - l.x(band.from))
                       .arg(l.plotHeight)
                       .arg(band.fill);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"12\" fill=\"#444\" "
                              "text-anchor=\"middle\">%3</text>\n")
                       .arg((l.x(band.from) + l.x(band.to)) / 2)
                       .arg(l.top - 7)
                       .arg(esc(band.name));
    }
    return svg;
}

/// One bar a tenth, coloured by its range, with its count above (or inside at the top).
QString histogramBars(const HistogramLayout &l, const QList<int> &bins)
{
    const int left = l.left;
    const int top = l.top;
    const int plotHeight = l.plotHeight;
    const int barWidth = l.barWidth;
    QString svg;
    for (int b = 0; b < bins.size(); ++b) {
        const int h = bins.at(b) * plotHeight / l.highest;
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                              "fill=\"%5\"><title>%6</title></rect>\n")
                       .arg(left + b * barWidth + 2)
                       .arg(top + plotHeight - h)
                       .arg(barWidth - 4)
                       .arg(h)
                       .arg(QLatin1String(zoneOf((b + 0.5) / bins.size()).colour))
                       .arg(esc(tr("%1 to %2: %3 answers")
                                        .arg(QString::number(b / 10.0, 'f', 1),
                                                QString::number((b + 1) / 10.0, 'f', 1))
                                        .arg(bins.at(b))));
        // The count above its bar, or inside in white where the bar reaches the top.
        const bool inside = top + plotHeight - h - 3 < top + 12;
        if (bins.at(b) > 0)
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"12\" fill=\"%3\" "
                                  "text-anchor=\"middle\">%4</text>\n")
                           .arg(left + b * barWidth + barWidth / 2)
                           .arg(inside ? top + 14 : top + plotHeight - h - 3)
                           .arg(inside ? QStringLiteral("#fff") : QStringLiteral("#1f1f1f"))
                           .arg(bins.at(b));
    }
    return svg;
}

/// The axes: answers counted up the side, ROUGE-L along the bottom.
QString histogramAxes(const HistogramLayout &l)
{
    const int left = l.left;
    const int top = l.top;
    const int plotWidth = l.plotWidth;
    const int plotHeight = l.plotHeight;
    QString svg;
    svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#888\"/>\n")
                   .arg(left)
                   .arg(top + plotHeight)
                   .arg(left + plotWidth);
    for (const int count : {0, l.highest})
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" "
                              "text-anchor=\"end\">%3</text>\n")
                       .arg(left - 6)
                       .arg(top + plotHeight - count * plotHeight / l.highest + 4)
                       .arg(count);
    svg += QStringLiteral("<text x=\"12\" y=\"%1\" font-size=\"11\" text-anchor=\"middle\" "
                          "transform=\"rotate(-90 12 %1)\">%2</text>\n")
                   .arg(top + plotHeight / 2)
                   .arg(esc(tr("answers")));
    for (const int tick : {0, 2, 4, 6, 8, 10})
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" "
                              "text-anchor=\"middle\">%3</text>\n")
                       .arg(left + tick * l.barWidth)
                       .arg(top + plotHeight + 15)
                       .arg(QString::number(tick / 10.0, 'f', 1));
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" "
                          "text-anchor=\"middle\">%3</text>\n")
                   .arg(left + plotWidth / 2)
                   .arg(top + plotHeight + 34)
                   .arg(esc(tr("ROUGE-L of the new answer against the old one (1 = word for "
                               "word the same)")));
    return svg;
}

/// Ten bars (how many answers in each tenth of ROUGE-L), coloured by the verdict's ranges, on
/// tinted bands that name the ranges, with both axes labelled in words.
QString histogramSvg(const QList<int> &bins)
{
    HistogramLayout layout;
    layout.barWidth = layout.plotWidth / int(bins.size());
    layout.highest = std::max(1, *std::max_element(bins.cbegin(), bins.cend()));
    const int width = layout.left + layout.plotWidth + 10;
    const int height = layout.top + layout.plotHeight + 44;
    QString svg = QStringLiteral("<svg class=\"hist\" width=\"%1\" height=\"%2\" role=\"img\" "
                                 "aria-label=\"%3\" font-family=\"sans-serif\">\n")
                          .arg(width)
                          .arg(height)
                          .arg(esc(tr("How many answers fall in each ROUGE-L range")));
    svg += histogramBands(layout);
    svg += histogramBars(layout, bins);
    svg += histogramAxes(layout);
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace

QList<int> ParityReport::histogram(const BatchResults &results)
{
    QList<int> bins(10, 0);
    if (results.modelCount() == 0)
        return bins;
    for (int i = 0; i < results.itemCount(); ++i) {
        const Generation &g = results.generation(i, 0);
        if (g.status != Generation::Status::Done)
            continue;
        const int bin = std::clamp(int(g.scores.rougeL.fmeasure * 10), 0, 9);
        ++bins[bin];
    }
    return bins;
}

/// The page's head (title, style), its heading and the verdict.
QString ParityReport::headSection(const ParitySummary &s, const QDateTime &when)
{
    QString page;
    page += QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%1</title>\n")
                    .arg(esc(tr("Parity check: %1 against %2").arg(s.newModel, s.oldModel)));
    page += QStringLiteral(
            "<style>body{font-family:sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;"
            "color:#1f1f1f;line-height:1.4}h1{font-size:1.5em;margin-bottom:.2em}"
            "h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}"
            ".verdict{border-left:6px solid;padding:.6em 1em;background:#f6f6f6}"
            ".verdict h2{border:none;margin:0 0 .3em 0}table{border-collapse:collapse}"
            "th,td{text-align:left;vertical-align:top;padding:.25em .6em;border-bottom:1px "
            "solid #eee}table.figures th{font-weight:normal;color:#555}"
            "table.answers td{white-space:pre-wrap;font-size:.92em}table.answers "
            "th{white-space:nowrap}"
            "table.answers tr.differs td:first-child{border-left:4px solid #b3261e}"
            "table.answers tr.partly td:first-child{border-left:4px solid #c98a00}"
            "table.answers tr.same td:first-child{border-left:4px solid #1b7f3b}"
            ".small{color:#666;font-size:.9em}</style>\n</head><body>\n");
    page += QStringLiteral("<h1>%1</h1>\n")
                    .arg(esc(tr("Does the new model answer like the old one?")));
    page += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(tr("Old: %1. New: %2.").arg(s.oldModel, s.newModel)));
    page += QStringLiteral("<p class=\"small\">%1</p>\n")
                    .arg(esc(tr("Checked on %1 with %2 held-out prompts: the old model's "
                                "answers against the new model's.")
                                     .arg(QLocale().toString(when, QLocale::LongFormat))
                                     .arg(s.prompts)));

    page += QStringLiteral("<div class=\"verdict\" id=\"verdict\" style=\"border-color:%1\">"
                           "<h2>%2</h2><p>%3</p></div>\n")
                    .arg(verdictColour(s.verdict), esc(s.verdictTitle), esc(s.verdictText));
    return page;
}

/// The figures: the two models, the counts and the ROUGE means.
QString ParityReport::figuresSection(const ParitySummary &s)
{
    QString page;
    page += QStringLiteral("<h2>%1</h2>\n<table class=\"figures\" id=\"figures\">\n")
                    .arg(esc(tr("Figures")));
    page += row(tr("Old model"), s.oldModel);
    page += row(tr("New model"), s.newModel);
    page += row(tr("Held-out prompts"), QString::number(s.prompts));
    page += row(tr("Answered by the new model"), QString::number(s.answered));
    page += row(tr("No answer (errors)"), QString::number(s.failed));
    page += row(tr("Words in common, average (ROUGE-1)"), parityScoreText(s.mean.rouge1.fmeasure));
    page += row(
            tr("Word pairs in common, average (ROUGE-2)"), parityScoreText(s.mean.rouge2.fmeasure));
    page += row(tr("Same words in the same order, average (ROUGE-L)"),
            parityScoreText(s.mean.rougeL.fmeasure));
    page += QStringLiteral("</table>\n");
    page += QStringLiteral("<p class=\"small\">%1</p>\n")
                    .arg(esc(tr("Each score runs from 0 (nothing in common with the old "
                                "model's answer) to 1 (word for word the same).")));
    return page;
}

/// How alike the answers are: the histogram with what its bars mean.
QString ParityReport::histogramSection(const BatchResults &results)
{
    QString page;
    page += QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
                    .arg(esc(tr("How alike the answers are")),
                            esc(tr("Each bar counts the new answers whose ROUGE-L against the "
                                   "old answer falls in that range. Bars on the right (green) "
                                   "mean the new model answers much like the old one; bars on "
                                   "the left (red) mean it answers differently.")));
    page += histogramSvg(histogram(results));
    return page;
}

/// The blind round's tally, or that nobody rated blind.
QString ParityReport::blindSection(const ParitySummary &s)
{
    QString page;
    page += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("Blind round")));
    if (s.blind.votes() == 0) {
        page += QStringLiteral("<p id=\"blind\">%1</p>\n")
                        .arg(esc(tr("Nobody rated answers without knowing which model wrote "
                                    "them. The verdict rests on the ROUGE figures alone.")));
    } else {
        const PairTally &t = s.blind;
        const bool newIsA = t.modelA == s.newModel;
        page += QStringLiteral("<table class=\"figures\" id=\"blind\">\n");
        page += row(tr("Votes"), QString::number(t.votes()));
        page += row(tr("New model preferred"), QString::number(newIsA ? t.winsA : t.winsB));
        page += row(tr("Old model preferred"), QString::number(newIsA ? t.winsB : t.winsA));
        page += row(tr("Equally good"), QString::number(t.ties));
        page += row(tr("Both bad"), QString::number(t.bothBad));
        page += row(tr("New model's share (ties count half)"),
                tr("%1% (95% interval %2% to %3%)")
                        .arg(qRound(s.newWinRate.estimate * 100))
                        .arg(qRound(s.newWinRate.lower * 100))
                        .arg(qRound(s.newWinRate.upper * 100)));
        page += QStringLiteral("</table>\n");
    }
    return page;
}

/// The answers that differ most, side by side.
QString ParityReport::differSection(const ParitySummary &s, const BatchResults &results)
{
    QString page;
    page += QStringLiteral("<h2>%1</h2>\n")
                    .arg(esc(s.mostDifferent.size() == 1 ? tr("The answer that differs most")
                                                         : tr("The %1 answers that differ most")
                                                                   .arg(s.mostDifferent.size())));
    if (s.mostDifferent.isEmpty()) {
        page += QStringLiteral("<p>%1</p>\n").arg(esc(tr("No answers yet.")));
    } else {
        page += QStringLiteral("<p class=\"small\">%1</p>\n")
                        .arg(esc(tr("The least alike first: read them to judge whether a "
                                    "difference matters. \"Example\" is the prompt's line in "
                                    "the held-out file.")));
        page += QStringLiteral("<table class=\"answers\" id=\"differ\">\n<tr><th>%1</th><th>%2"
                               "</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                        .arg(esc(tr("Example")), esc(tr("Prompt")), esc(tr("Old answer")),
                                esc(tr("New answer")), esc(tr("ROUGE-L")));
        for (const int item : s.mostDifferent) {
            const BatchItem &it = results.items().at(item);
            const Generation &g = results.generation(item, 0);
            page += QStringLiteral("<tr class=\"%6\"><td>%1</td><td>%2</td><td>%3</td>"
                                   "<td>%4</td><td>%5</td></tr>\n")
                            .arg(it.sourceLine)
                            .arg(esc(excerpt(lastUserText(it.prompt), 300)),
                                    esc(excerpt(it.reference)), esc(excerpt(g.text)),
                                    parityScoreText(g.scores.rougeL.fmeasure),
                                    QLatin1String(zoneOf(g.scores.rougeL.fmeasure).cssClass));
        }
        page += QStringLiteral("</table>\n");
    }
    return page;
}

/// How the verdict is decided, in words.
QString ParityReport::rulesSection()
{
    QString page;
    page += QStringLiteral("<h2>%1</h2>\n<ul id=\"rules\">\n")
                    .arg(esc(tr("How the verdict is decided")));
    const QStringList rules = {
            tr("ROUGE counts the words (ROUGE-1), word pairs (ROUGE-2) and the longest run of "
               "words in the same order (ROUGE-L) that a new answer shares with the old answer to "
               "the same prompt, as Google's rouge-score computes them (F-measure)."),
            tr("An average ROUGE-L of %1 or more counts as answering much like the old model; "
               "%2 to %1 as similar things in other words; below %2 as answering differently.")
                    .arg(parityScoreText(ParityThresholds::kSimilar),
                            parityScoreText(ParityThresholds::kPartly)),
            tr("The blind round decides only with at least %1 votes that are not \"both bad\". "
               "When the new model's share is surely below half (the top of its 95% Wilson "
               "interval under 50%), the old model was preferred and the verdict is \"not "
               "yet\", whatever ROUGE says. When it is surely above half, a new model that "
               "words things differently is still called preferred.")
                    .arg(ParityThresholds::kMinBlindVotes),
            tr("Prompts that got no answer are left out of the averages and counted apart."),
    };
    for (const QString &rule : rules)
        page += QStringLiteral("<li>%1</li>\n").arg(esc(rule));
    page += QStringLiteral("</ul>\n");
    return page;
}

QString ParityReport::html(
        const ParitySummary &s, const BatchResults &results, const QDateTime &when)
{
    return headSection(s, when) + figuresSection(s) + histogramSection(results) + blindSection(s)
            + differSection(s, results) + rulesSection() + QStringLiteral("</body></html>\n");
}

} // namespace fs
