// SPDX-License-Identifier: GPL-3.0-or-later
#include "blindcomparison.h"

namespace fs {

namespace {
Message assistant(const QString &text)
{
    return Message(QStringLiteral("assistant"), text);
}
} // namespace

Example correctedChatExample(const Messages &conversation, const QString &preferredAnswer)
{
    Messages messages = conversation;
    messages.append(assistant(preferredAnswer));
    return Example::chat(messages);
}

Example dpoExample(
        const Messages &conversation, const QString &preferred, const QString &nonPreferred)
{
    return Example::preference(conversation, assistant(preferred), assistant(nonPreferred));
}

BlindComparison::BlindComparison(QObject *parent)
    : QObject(parent)
    , m_random(QRandomGenerator::securelySeeded())
{
}

BlindComparison::BlindComparison(quint64 seed, QObject *parent)
    : QObject(parent)
    , m_random(quint32(seed ^ (seed >> 32)))
{
}

void BlindComparison::setSeed(quint64 seed)
{
    m_random.seed(quint32(seed ^ (seed >> 32)));
}

int BlindComparison::beginRound(
        const QString &model0, const QString &model1, const Messages &conversation)
{
    Round round;
    round.conversation = conversation;
    round.paneA = int(m_random.bounded(2));
    round.modelA = round.paneA == 0 ? model0 : model1;
    round.modelB = round.paneA == 0 ? model1 : model0;
    m_rounds.append(round);
    Q_EMIT roundsChanged();
    return int(m_rounds.size()) - 1;
}

void BlindComparison::setPaneAnswer(int index, int pane, const QString &answer)
{
    if (index < 0 || index >= m_rounds.size() || pane < 0 || pane > 1)
        return;
    Round &round = m_rounds[index];
    (pane == round.paneA ? round.answerA : round.answerB) = answer;
}

int BlindComparison::paneOnSide(int index, Side side) const
{
    if (index < 0 || index >= m_rounds.size())
        return side == Side::A ? 0 : 1;
    const int paneA = m_rounds.at(index).paneA;
    return side == Side::A ? paneA : 1 - paneA;
}

bool BlindComparison::vote(int index, Vote vote)
{
    if (index < 0 || index >= m_rounds.size())
        return false;
    Round &round = m_rounds[index];
    if (round.vote)
        m_tally.unrecord(round.modelA, round.modelB, *round.vote);
    round.vote = vote;
    m_tally.record(round.modelA, round.modelB, vote);
    Q_EMIT voted(index);
    return true;
}

void BlindComparison::reveal(int index)
{
    if (index < 0 || index >= m_rounds.size() || m_rounds.at(index).revealed)
        return;
    m_rounds[index].revealed = true;
    Q_EMIT revealed(index);
}

void BlindComparison::revealAll()
{
    for (int i = 0; i < m_rounds.size(); ++i)
        reveal(i);
}

void BlindComparison::clear()
{
    m_rounds.clear();
    m_tally.clear();
    Q_EMIT roundsChanged();
}

bool BlindComparison::hasLoser(int index) const
{
    if (index < 0 || index >= m_rounds.size())
        return false;
    const std::optional<Vote> vote = m_rounds.at(index).vote;
    return vote && (*vote == Vote::A || *vote == Vote::B);
}

std::optional<Example> BlindComparison::correctedExample(
        int index, const QString &editedAnswer) const
{
    if (!hasLoser(index))
        return std::nullopt;
    const Round &round = m_rounds.at(index);
    const QString winner = *round.vote == Vote::A ? round.answerA : round.answerB;
    return correctedChatExample(round.conversation, editedAnswer.isEmpty() ? winner : editedAnswer);
}

std::optional<Example> BlindComparison::dpoExample(int index, const QString &editedAnswer) const
{
    if (!hasLoser(index))
        return std::nullopt;
    const Round &round = m_rounds.at(index);
    const bool aWon = *round.vote == Vote::A;
    const QString winner = aWon ? round.answerA : round.answerB;
    const QString loser = aWon ? round.answerB : round.answerA;
    return fs::dpoExample(
            round.conversation, editedAnswer.isEmpty() ? winner : editedAnswer, loser);
}

bool BlindComparison::bothBad(int index) const
{
    if (index < 0 || index >= m_rounds.size())
        return false;
    const std::optional<Vote> vote = m_rounds.at(index).vote;
    return vote && *vote == Vote::BothBad;
}

std::optional<Example> BlindComparison::writtenExample(int index, const QString &answer) const
{
    if (index < 0 || index >= m_rounds.size() || answer.trimmed().isEmpty())
        return std::nullopt;
    return correctedChatExample(m_rounds.at(index).conversation, answer);
}

} // namespace fs
