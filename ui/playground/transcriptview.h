// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace fs::ui {

/**
 * @brief One pane's conversation, turn after turn: the person's message, then the answer as it
 * streams in. Fragments are appended at the end of the document (never a full re-set), so a
 * token costs one small layout and one repaint of the last lines.
 */
class TranscriptView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit TranscriptView(QWidget *parent = nullptr);

    /// Starts a turn: shows the person's message, then an empty answer under `answerLabel`.
    void beginTurn(const QString &userText, const QString &answerLabel);
    /// Appends a fragment of the current answer. Fragments that arrive in the same pass of the
    /// event loop are inserted together (one layout of the growing paragraph instead of one per
    /// token, so a fast stream never starves painting); flushAnswer() inserts them now.
    void appendAnswer(const QString &fragment);
    void flushAnswer();
    /// Ends the answer; a non-empty note (e.g. "Stopped.") is shown under it, an error in red.
    void endTurn(const QString &note = {}, bool isError = false);
    /// Shows a whole finished turn (a loaded session).
    void addFinishedTurn(const QString &userText, const QString &answerLabel, const QString &answer,
            const QString &note = {}, bool isError = false);
    void clearTurns();

    int turnCount() const { return m_turns; }
    bool isAnswering() const { return m_answering; }

private:
    void appendBlock(const QString &text, const QTextCharFormat &format);
    bool atBottom() const;
    void keepAtBottom(bool wasAtBottom);

    int m_turns = 0;
    bool m_answering = false;
    QString m_pending; ///< fragments not inserted yet
    bool m_flushQueued = false;
};

} // namespace fs::ui
