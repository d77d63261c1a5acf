// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "abtally.h"
#include "example.h"
#include "message.h"

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <optional>

namespace fs {

/// A corrected chat example: the conversation (system/user/assistant turns before the answer)
/// followed by the preferred answer as the final assistant message.
Example correctedChatExample(const Messages &conversation, const QString &preferredAnswer);
/// A preference (DPO) example: {"input":{"messages":conversation}, "preferred_output":
/// [{"role":"assistant","content":preferred}], "non_preferred_output":[… nonPreferred]}.
Example dpoExample(
        const Messages &conversation, const QString &preferred, const QString &nonPreferred);

/**
 * @brief Blind A/B rating: for each prompt the two models' answers are shown as "A" and "B" in an
 * order shuffled per round; votes are recorded in the tally against the real models; names are
 * revealed on demand.
 *
 * The UI streams the two answers (e.g. panes 0 and 1 of a ComparisonSession), starts a round with
 * beginRound(), shows the pane answerOnSide(A) on the left, then calls vote().
 */
class BlindComparison : public QObject
{
    Q_OBJECT
public:
    enum class Side { A, B };

    struct Round
    {
        Messages conversation; ///< what both models were asked (system + turns, no answer)
        QString modelA; ///< the real model behind side A
        QString modelB;
        int paneA = 0; ///< which of the two panes (0 or 1 as given to beginRound) is shown as A
        QString answerA;
        QString answerB;
        std::optional<Vote> vote;
        bool revealed = false;
    };

    /// seed: the shuffle's seed (tests inject one); without it a random one is drawn.
    explicit BlindComparison(QObject *parent = nullptr);
    explicit BlindComparison(quint64 seed, QObject *parent = nullptr);
    void setSeed(quint64 seed);

    /// Starts a round between pane 0 (model `model0`) and pane 1 (`model1`), choosing at random
    /// which one is shown as A. Returns the round's index.
    int beginRound(const QString &model0, const QString &model1, const Messages &conversation);
    /// The answer text of the pane: stored on the side that pane is shown on.
    void setPaneAnswer(int round, int pane, const QString &answer);
    /// Which pane (0/1) is shown on `side` in this round.
    int paneOnSide(int round, Side side) const;

    /// Records (or changes) the vote of a round; the tally counts the real models.
    /// False when the round does not exist.
    bool vote(int round, Vote vote);
    void reveal(int round);
    void revealAll();

    int roundCount() const { return int(m_rounds.size()); }
    Round round(int index) const { return m_rounds.value(index); }
    const AbTally &tally() const { return m_tally; }
    void clear();

    /// True when the round was voted and one side lost (A or B won): there is a better answer
    /// to learn from.
    bool hasLoser(int round) const;
    /// The winning answer (`editedAnswer` replaces it when not empty) after the conversation;
    /// nullopt when the round has no winner.
    std::optional<Example> correctedExample(int round, const QString &editedAnswer = {}) const;
    /// The round as a DPO pair: winner preferred (edited when given), loser non-preferred.
    std::optional<Example> dpoExample(int round, const QString &editedAnswer = {}) const;
    /// True when the round was voted "both are bad": neither answer is worth keeping, the
    /// person may write the better one.
    bool bothBad(int round) const;
    /// The conversation with the answer the person wrote as a corrected example; nullopt
    /// when the round does not exist or the answer is blank.
    std::optional<Example> writtenExample(int round, const QString &answer) const;

Q_SIGNALS:
    void roundsChanged();
    void voted(int round);
    void revealed(int round);

private:
    QRandomGenerator m_random;
    QList<Round> m_rounds;
    AbTally m_tally;
};

} // namespace fs
