// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "message.h"

#include <QFrame>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace fs::ui {

class AutoGrowingTextEdit;

/**
 * @brief One message of a conversation as a card: its role, its text, the "learn from this
 * answer" toggle on assistant turns, tool calls as checked JSON and the tool call id on tool
 * results. The card only shows and forwards: every change goes out as a signal.
 */
class MessageCard : public QFrame
{
    Q_OBJECT
public:
    /// The icon of "Insert a message below" (a message with a new one under it).
    static constexpr const char *kInsertBelowIcon = ":/icons/message-insert-below.svg";

    explicit MessageCard(int index, QWidget *parent = nullptr);

    int index() const { return m_index; }
    void setIndex(int index, int count);
    /// Shows `message` (without emitting the edit signals).
    void setMessage(const Message &message);
    /// A problem the linter found in this message (empty hides it).
    void setProblem(const QString &text, bool error);
    AutoGrowingTextEdit *contentEdit() const { return m_contentEdit; }
    void focusContent();

Q_SIGNALS:
    void roleEdited(int index, const QString &role);
    void textEdited(int index, const QString &text);
    void weightEdited(int index, std::optional<int> weight);
    void toolCallsEdited(int index, const QJsonArray &toolCalls);
    void toolCallIdEdited(int index, const QString &id);
    void insertBelowRequested(int index);
    void removeRequested(int index);
    void moveRequested(int from, int to);

private:
    /// Number, role, move, insert and delete; also makes the footer's controls.
    QHBoxLayout *buildHeader();
    /// The message text and the tool calls with their error line.
    void buildTextEdits();
    QHBoxLayout *buildToolCallIdRow();
    void updateVisibility();
    void checkToolCalls();

    int m_index;
    int m_count = 0;
    QString m_role;
    QComboBox *m_roleComboBox;
    QLabel *m_numberLabel;
    AutoGrowingTextEdit *m_contentEdit;
    QCheckBox *m_weightCheckBox;
    QToolButton *m_addToolCallButton;
    QLabel *m_toolCallsLabel;
    AutoGrowingTextEdit *m_toolCallsEdit;
    QLabel *m_toolCallsErrorLabel;
    QLabel *m_toolCallIdLabel;
    QLineEdit *m_toolCallIdLineEdit;
    QLabel *m_problemLabel;
    QToolButton *m_upButton;
    QToolButton *m_downButton;
    QToolButton *m_insertButton;
    QToolButton *m_removeButton;
    bool m_updating = false;
};

} // namespace fs::ui
