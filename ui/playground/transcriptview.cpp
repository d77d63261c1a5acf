// SPDX-License-Identifier: GPL-3.0-or-later
#include "transcriptview.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

namespace fs::ui {

TranscriptView::TranscriptView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setCenterOnScroll(false);
}

bool TranscriptView::atBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 2;
}

void TranscriptView::keepAtBottom(bool wasAtBottom)
{
    // Follow the answer only when the person has not scrolled up to read something earlier.
    if (wasAtBottom)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TranscriptView::appendBlock(const QString &text, const QTextCharFormat &format)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!document()->isEmpty())
        cursor.insertBlock();
    cursor.setCharFormat(format);
    cursor.insertText(text);
}

void TranscriptView::beginTurn(const QString &userText, const QString &answerLabel)
{
    flushAnswer();
    const bool bottom = atBottom();
    if (m_answering)
        endTurn();
    QTextCharFormat heading;
    heading.setFontWeight(QFont::Bold);
    QTextCharFormat plain;
    QTextCharFormat answerHeading = heading;
    answerHeading.setForeground(palette().color(QPalette::Link));
    if (m_turns > 0)
        appendBlock(QString(), plain);
    appendBlock(tr("You"), heading);
    appendBlock(userText, plain);
    appendBlock(answerLabel, answerHeading);
    appendBlock(QString(), plain);
    ++m_turns;
    m_answering = true;
    keepAtBottom(bottom);
}

void TranscriptView::appendAnswer(const QString &fragment)
{
    if (fragment.isEmpty())
        return;
    m_pending += fragment;
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(this, &TranscriptView::flushAnswer, Qt::QueuedConnection);
}

void TranscriptView::flushAnswer()
{
    m_flushQueued = false;
    if (m_pending.isEmpty())
        return;
    const bool bottom = atBottom();
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.setCharFormat(QTextCharFormat());
    cursor.insertText(m_pending);
    m_pending.clear();
    keepAtBottom(bottom);
}

void TranscriptView::endTurn(const QString &note, bool isError)
{
    flushAnswer();
    const bool bottom = atBottom();
    if (!note.isEmpty()) {
        QTextCharFormat format;
        format.setFontItalic(true);
        format.setForeground(
                isError ? QColor(0xb0, 0x20, 0x20) : palette().color(QPalette::PlaceholderText));
        appendBlock(note, format);
    }
    m_answering = false;
    keepAtBottom(bottom);
}

void TranscriptView::addFinishedTurn(const QString &userText, const QString &answerLabel,
        const QString &answer, const QString &note, bool isError)
{
    beginTurn(userText, answerLabel);
    m_pending += answer;
    endTurn(note, isError);
}

void TranscriptView::clearTurns()
{
    m_pending.clear();
    clear();
    m_turns = 0;
    m_answering = false;
}

} // namespace fs::ui
