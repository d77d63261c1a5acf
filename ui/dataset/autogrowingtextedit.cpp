// SPDX-License-Identifier: GPL-3.0-or-later
#include "autogrowingtextedit.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QTextBlock>

namespace fs::ui {

AutoGrowingTextEdit::AutoGrowingTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    // The document's undo stack owns undo: Ctrl+Z must reach the Edit menu, not the text box.
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &AutoGrowingTextEdit::updateHeight);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_silent)
            Q_EMIT textEdited(toPlainText());
    });
    updateHeight();
}

void AutoGrowingTextEdit::setMinimumLines(int lines)
{
    m_minimumLines = qMax(1, lines);
    updateHeight();
}

void AutoGrowingTextEdit::setMaximumLines(int lines)
{
    m_maximumLines = qMax(m_minimumLines, lines);
    updateHeight();
}

void AutoGrowingTextEdit::setTextSilently(const QString &text)
{
    if (text == toPlainText())
        return;
    m_silent = true;
    const int position = textCursor().position();
    setPlainText(text);
    // Keep the caret where it was when the model echoes an edit back (undo/redo elsewhere).
    QTextCursor cursor = textCursor();
    cursor.setPosition(qMin(position, text.size()));
    setTextCursor(cursor);
    m_silent = false;
}

bool AutoGrowingTextEdit::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->keyCombination());
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)
                || pressed == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)) {
            // Left unaccepted, so the application's Undo/Redo shortcuts fire.
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void AutoGrowingTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateHeight();
}

void AutoGrowingTextEdit::updateHeight()
{
    // QPlainTextDocumentLayout measures the document in (wrapped) lines.
    const int lines = qBound(m_minimumLines,
            int(document()->documentLayout()->documentSize().height()), m_maximumLines);
    const int margins = int(2 * document()->documentMargin()) + 2 * frameWidth()
            + contentsMargins().top() + contentsMargins().bottom();
    const int height = lines * fontMetrics().lineSpacing() + margins;
    if (height != this->height())
        setFixedHeight(height);
    setVerticalScrollBarPolicy(
            lines >= m_maximumLines ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

} // namespace fs::ui
