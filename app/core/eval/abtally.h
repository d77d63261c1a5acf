// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace fs {

/// A confidence interval for a proportion; all three values in [0, 1].
struct WilsonInterval
{
    double estimate = 0; ///< successes / trials (0 when there are no trials)
    double lower = 0;
    double upper = 0;
};

constexpr double kWilsonZ95 = 1.959964; ///< two-sided 95%

/**
 * The Wilson score interval for `successes` out of `trials` (successes may be fractional: a tie
 * counts as half a win, see PairTally). With p = s/n:
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 * trials ≤ 0 gives {0, 0, 1} (nothing is known).
 */
WilsonInterval wilsonInterval(double successes, double trials, double z = kWilsonZ95);

/// What the rater chose, in terms of the sides shown (keys 1 2 3 4).
enum class Vote { A, B, Tie, BothBad };

/**
 * @brief The votes between two models (an unordered pair, stored with the names sorted).
 *
 * How outcomes count: a win is a win; a **tie counts as half a win for each side** (the usual
 * convention for pairwise preference rates); **"both bad" is excluded** from the win rate and its
 * interval (it says nothing about which one is better) and is shown as its own count. So for
 * model X: rate = (wins_X + ties/2) / (wins_X + wins_Y + ties), Wilson interval over that many
 * trials. With no decisive votes and no ties the rate is 0 and the interval [0, 1].
 */
struct PairTally
{
    QString modelA; ///< alphabetically first
    QString modelB;
    int winsA = 0;
    int winsB = 0;
    int ties = 0;
    int bothBad = 0;

    int votes() const { return winsA + winsB + ties + bothBad; }
    int rated() const { return winsA + winsB + ties; } ///< the trials of the rate
    /// Win rate and 95% interval of `model` (modelA or modelB) against the other.
    WilsonInterval winRate(const QString &model, double z = kWilsonZ95) const;
    /// "12 wins, 5 losses, 3 ties, 2 both bad" from `model`'s point of view (translated).
    QString summary(const QString &model) const;
};

/**
 * @brief Tallies of every pair of models rated so far. Votes name the real models.
 */
class AbTally
{
public:
    /// Records one comparison between `first` and `second` (any order). For Vote::A `first`
    /// won, for Vote::B `second` won. Same names: ignored.
    void record(const QString &first, const QString &second, Vote vote);
    /// Takes a vote back (undo); no-op when there is nothing to take back.
    void unrecord(const QString &first, const QString &second, Vote vote);
    void clear() { m_pairs.clear(); }

    QList<PairTally> pairs() const { return m_pairs; }
    /// The tally of this pair (empty counts when never rated).
    PairTally pair(const QString &x, const QString &y) const;

    QJsonObject toJson() const;
    static AbTally fromJson(const QJsonObject &object);

private:
    PairTally *find(const QString &x, const QString &y, bool create);
    QList<PairTally> m_pairs;
};

} // namespace fs
