// SPDX-License-Identifier: GPL-3.0-or-later
#include "abtally.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace fs {

WilsonInterval wilsonInterval(double successes, double trials, double z)
{
    WilsonInterval interval;
    if (trials <= 0) {
        interval.upper = 1;
        return interval;
    }
    const double p = std::clamp(successes / trials, 0.0, 1.0);
    const double z2 = z * z;
    const double denominator = 1 + z2 / trials;
    const double centre = (p + z2 / (2 * trials)) / denominator;
    const double half =
            z * std::sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / denominator;
    interval.estimate = p;
    interval.lower = std::max(0.0, centre - half);
    interval.upper = std::min(1.0, centre + half);
    return interval;
}

WilsonInterval PairTally::winRate(const QString &model, double z) const
{
    const double wins = model == modelA ? winsA : model == modelB ? winsB : 0;
    return wilsonInterval(wins + 0.5 * ties, rated(), z);
}

QString PairTally::summary(const QString &model) const
{
    const bool first = model == modelA;
    const int wins = first ? winsA : winsB;
    const int losses = first ? winsB : winsA;
    // Singular and plural spelled out: English has no plural catalogue to fill in "%n".
    const auto part = [](int n, const char *one, const char *many) {
        return QCoreApplication::translate("fs::AbTally", n == 1 ? one : many).arg(n);
    };
    // QT_TRANSLATE_NOOP lets lupdate find the texts that part() translates.
    return QStringList {part(wins, QT_TRANSLATE_NOOP("fs::AbTally", "%1 win"),
                                QT_TRANSLATE_NOOP("fs::AbTally", "%1 wins")),
            part(losses, QT_TRANSLATE_NOOP("fs::AbTally", "%1 loss"),
                    QT_TRANSLATE_NOOP("fs::AbTally", "%1 losses")),
            part(ties, QT_TRANSLATE_NOOP("fs::AbTally", "%1 tie"),
                    QT_TRANSLATE_NOOP("fs::AbTally", "%1 ties")),
            part(bothBad, QT_TRANSLATE_NOOP("fs::AbTally", "%1 both bad"),
                    QT_TRANSLATE_NOOP("fs::AbTally", "%1 both bad"))}
            .join(QCoreApplication::translate("fs::AbTally", ", "));
}

PairTally *AbTally::find(const QString &x, const QString &y, bool create)
{
    const QString a = std::min(x, y);
    const QString b = std::max(x, y);
    for (PairTally &pair : m_pairs) {
        if (pair.modelA == a && pair.modelB == b)
            return &pair;
    }
    if (!create)
        return nullptr;
    PairTally pair;
    pair.modelA = a;
    pair.modelB = b;
    m_pairs.append(pair);
    return &m_pairs.last();
}

namespace {

// The count a vote goes to; `first` is the model shown as A.
int &counter(PairTally *pair, const QString &first, Vote vote)
{
    switch (vote) {
    case Vote::A:
        return first == pair->modelA ? pair->winsA : pair->winsB;
    case Vote::B:
        return first == pair->modelA ? pair->winsB : pair->winsA;
    case Vote::Tie:
        return pair->ties;
    case Vote::BothBad:
        break;
    }
    return pair->bothBad;
}

} // namespace

void AbTally::record(const QString &first, const QString &second, Vote vote)
{
    if (first == second)
        return;
    counter(find(first, second, true), first, vote) += 1;
}

void AbTally::unrecord(const QString &first, const QString &second, Vote vote)
{
    PairTally *pair = find(first, second, false);
    if (!pair || counter(pair, first, vote) <= 0)
        return;
    counter(pair, first, vote) -= 1;
}

PairTally AbTally::pair(const QString &x, const QString &y) const
{
    const QString a = std::min(x, y);
    const QString b = std::max(x, y);
    for (const PairTally &pair : m_pairs) {
        if (pair.modelA == a && pair.modelB == b)
            return pair;
    }
    PairTally empty;
    empty.modelA = a;
    empty.modelB = b;
    return empty;
}

QJsonObject AbTally::toJson() const
{
    QJsonArray pairs;
    for (const PairTally &pair : m_pairs) {
        pairs.append(QJsonObject {
                {QStringLiteral("model_a"), pair.modelA},
                {QStringLiteral("model_b"), pair.modelB},
                {QStringLiteral("wins_a"), pair.winsA},
                {QStringLiteral("wins_b"), pair.winsB},
                {QStringLiteral("ties"), pair.ties},
                {QStringLiteral("both_bad"), pair.bothBad},
        });
    }
    return QJsonObject {{QStringLiteral("pairs"), pairs}};
}

AbTally AbTally::fromJson(const QJsonObject &object)
{
    AbTally tally;
    const QJsonArray pairs = object.value(QLatin1String("pairs")).toArray();
    for (const QJsonValue &value : pairs) {
        const QJsonObject o = value.toObject();
        const QString a = o.value(QLatin1String("model_a")).toString();
        const QString b = o.value(QLatin1String("model_b")).toString();
        if (a.isEmpty() || b.isEmpty() || a == b)
            continue;
        PairTally *pair = tally.find(a, b, true);
        // Stored sorted; if a file has them the other way round, swap the counts with them.
        const bool swapped = pair->modelA != a;
        const int winsA = std::max(0, o.value(QLatin1String("wins_a")).toInt());
        const int winsB = std::max(0, o.value(QLatin1String("wins_b")).toInt());
        pair->winsA += swapped ? winsB : winsA;
        pair->winsB += swapped ? winsA : winsB;
        pair->ties += std::max(0, o.value(QLatin1String("ties")).toInt());
        pair->bothBad += std::max(0, o.value(QLatin1String("both_bad")).toInt());
    }
    return tally;
}

} // namespace fs
