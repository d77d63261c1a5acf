// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lintfinding.h"

#include <QPointer>
#include <QScrollArea>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace fs {
class DatasetDocument;
}

namespace fs::ui {

class AutoGrowingTextEdit;
class MessageCard;

/**
 * @brief The example being edited: one card per message, or for a preference (DPO) example the
 * prompt followed by the two answers side by side. Every change goes to the document as one
 * undoable edit; the editor follows the document (undo/redo) without losing the caret.
 */
class ConversationEditor : public QScrollArea
{
    Q_OBJECT
public:
    explicit ConversationEditor(QWidget *parent = nullptr);

    void setDocument(DatasetDocument *document);
    /// Shows the example at `row` (-1: nothing).
    void setRow(int row);
    int row() const { return m_row; }
    /// The linter's findings of the current example, shown on the cards.
    void setFindings(const LintFindings &findings);

    QList<MessageCard *> cards() const { return m_cards; }
    /// Puts the caret in a message (after a jump from a finding).
    void focusMessage(int index);
    /// The message with the keyboard focus, or -1.
    int focusedMessage() const;

public Q_SLOTS:
    void appendMessage();
    void insertMessageBelowFocus();
    void removeFocusedMessage();
    void moveFocusedMessage(int delta);

private:
    void rebuild();
    void refresh();
    void applyFindings();
    void addCard(int index);
    QString nextRole() const;

    QPointer<DatasetDocument> m_document;
    int m_row = -1;
    LintFindings m_findings;
    QWidget *m_content;
    QVBoxLayout *m_cardsLayout;
    QLabel *m_titleLabel;
    QLabel *m_emptyLabel;
    QList<MessageCard *> m_cards;
    QPushButton *m_addButton;
    QWidget *m_dpoWidget = nullptr;
    AutoGrowingTextEdit *m_preferredEdit = nullptr;
    AutoGrowingTextEdit *m_nonPreferredEdit = nullptr;
    int m_shownFormat = -1;
    int m_shownCount = -1;
};

} // namespace fs::ui
