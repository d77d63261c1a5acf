// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationeditor.h"

#include "autogrowingtextedit.h"
#include "datasetdocument.h"
#include "messagecard.h"

#include <QApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace fs::ui {

ConversationEditor::ConversationEditor(QWidget *parent)
    : QScrollArea(parent)
{
    setObjectName(QStringLiteral("conversationEditor"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(this);
    auto *outer = new QVBoxLayout(m_content);
    m_titleLabel = new QLabel(m_content);
    m_titleLabel->setObjectName(QStringLiteral("exampleTitleLabel"));
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_emptyLabel = new QLabel(
            tr("Choose an example in the list to see and edit its messages."), m_content);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_cardsLayout = new QVBoxLayout;
    m_cardsLayout->setSpacing(8);
    m_addButton = new QPushButton(tr("Add a Message"), m_content);
    m_addButton->setObjectName(QStringLiteral("addMessagePushButton"));
    m_addButton->setToolTip(tr("Add a message at the end (Ctrl+Shift+Return)"));
    connect(m_addButton, &QPushButton::clicked, this, &ConversationEditor::appendMessage);
    outer->addWidget(m_titleLabel);
    outer->addWidget(m_emptyLabel);
    outer->addLayout(m_cardsLayout);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addButton);
    addRow->addStretch(1);
    outer->addLayout(addRow);
    outer->addStretch(1);
    setWidget(m_content);

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this, slot);
        s->setContext(Qt::WidgetWithChildrenShortcut);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { insertMessageBelowFocus(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), [this] { appendMessage(); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveFocusedMessage(-1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveFocusedMessage(1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace),
            [this] { removeFocusedMessage(); });
    rebuild();
}

void ConversationEditor::setDocument(DatasetDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_row = -1;
    if (m_document) {
        connect(m_document, &DatasetDocument::exampleChanged, this, [this](int row) {
            if (row == m_row)
                refresh();
        });
        connect(m_document, &DatasetDocument::examplesChanged, this, [this](int first, int last) {
            if (m_row >= first && m_row <= last)
                refresh();
        });
        connect(m_document, &DatasetDocument::reset, this, [this] { setRow(-1); });
    }
    rebuild();
}

void ConversationEditor::setRow(int row)
{
    if (!m_document || row < 0 || row >= m_document->count())
        row = -1;
    if (row == m_row && row >= 0) {
        refresh();
        return;
    }
    m_row = row;
    m_findings.clear();
    rebuild();
}

void ConversationEditor::setFindings(const LintFindings &findings)
{
    m_findings = findings;
    applyFindings();
}

void ConversationEditor::applyFindings()
{
    for (MessageCard *card : std::as_const(m_cards)) {
        QStringList texts;
        bool error = false;
        for (const LintFinding &finding : std::as_const(m_findings)) {
            if (finding.messageIndex == card->index()) {
                texts << finding.message;
                error = error || finding.isError();
            }
        }
        card->setProblem(texts.join(QLatin1Char('\n')), error);
    }
}

QString ConversationEditor::nextRole() const
{
    // A new message usually answers the last one.
    const Example example = m_document->example(m_row);
    const QString last = example.message(example.messageCount() - 1).role();
    return last == QLatin1String("user") || last == QLatin1String("tool")
            ? QStringLiteral("assistant")
            : QStringLiteral("user");
}

void ConversationEditor::rebuild()
{
    qDeleteAll(m_cards);
    m_cards.clear();
    delete m_dpoWidget;
    m_dpoWidget = nullptr;
    m_preferredEdit = m_nonPreferredEdit = nullptr;

    const bool shown = m_document && m_row >= 0;
    m_emptyLabel->setVisible(!shown);
    m_titleLabel->setVisible(shown);
    m_addButton->setVisible(shown);
    m_shownFormat = -1;
    m_shownCount = -1;
    if (!shown)
        return;
    const Example example = m_document->example(m_row);
    m_shownFormat = int(example.format());
    m_shownCount = example.messageCount();
    const bool preference = example.isPreference();
    m_titleLabel->setText(preference ? tr("Example %1 · the prompt").arg(m_row + 1)
                                     : tr("Example %1").arg(m_row + 1));
    if (!example.isValidJson() || example.format() == Example::Format::NotObject) {
        m_emptyLabel->setText(tr("This line of the file could not be read as an example. The "
                                 "list of problems says what is wrong with it."));
        m_emptyLabel->show();
        m_addButton->hide();
        return;
    }
    for (int i = 0; i < example.messageCount(); ++i)
        addCard(i);
    if (preference) {
        m_dpoWidget = new QWidget(m_content);
        m_dpoWidget->setObjectName(QStringLiteral("preferenceWidget"));
        auto *row = new QHBoxLayout(m_dpoWidget);
        row->setContentsMargins(0, 8, 0, 0);
        auto makeSide = [this, row](const QString &title, const QString &name, const QString &tip) {
            auto *box = new QGroupBox(title, m_dpoWidget);
            auto *edit = new AutoGrowingTextEdit(box);
            edit->setObjectName(name);
            edit->setMinimumLines(4);
            edit->setToolTip(tip);
            edit->setAccessibleName(title);
            auto *layout = new QVBoxLayout(box);
            layout->addWidget(edit);
            row->addWidget(box, 1);
            return edit;
        };
        m_preferredEdit = makeSide(tr("Preferred answer"), QStringLiteral("preferredPlainTextEdit"),
                tr("The answer the model should learn to give"));
        m_nonPreferredEdit =
                makeSide(tr("Answer to avoid"), QStringLiteral("nonPreferredPlainTextEdit"),
                        tr("A worse answer the model should learn not to give"));
        connect(m_preferredEdit, &AutoGrowingTextEdit::textEdited, this,
                [this](const QString &text) { m_document->setPreferredText(m_row, text); });
        connect(m_nonPreferredEdit, &AutoGrowingTextEdit::textEdited, this,
                [this](const QString &text) { m_document->setNonPreferredText(m_row, text); });
        // The answers sit after the "Add a message" button, below the prompt.
        auto *outer = qobject_cast<QVBoxLayout *>(m_content->layout());
        outer->insertWidget(outer->count() - 1, m_dpoWidget);
        m_addButton->setText(tr("Add a Message to the Prompt"));
    } else {
        m_addButton->setText(tr("Add a Message"));
    }
    refresh();
}

void ConversationEditor::addCard(int index)
{
    auto *card = new MessageCard(index, m_content);
    connect(card, &MessageCard::roleEdited, this,
            [this](int i, const QString &role) { m_document->setMessageRole(m_row, i, role); });
    connect(card, &MessageCard::textEdited, this,
            [this](int i, const QString &text) { m_document->setMessageText(m_row, i, text); });
    connect(card, &MessageCard::weightEdited, this, [this](int i, std::optional<int> weight) {
        m_document->setMessageWeight(m_row, i, weight);
    });
    connect(card, &MessageCard::toolCallsEdited, this, [this](int i, const QJsonArray &calls) {
        m_document->setMessageToolCalls(m_row, i, calls);
    });
    connect(card, &MessageCard::toolCallIdEdited, this,
            [this](int i, const QString &id) { m_document->setMessageToolCallId(m_row, i, id); });
    connect(card, &MessageCard::insertBelowRequested, this, [this](int i) {
        m_document->insertMessage(m_row, i + 1, Message(nextRole(), QString()));
        focusMessage(i + 1);
    });
    connect(card, &MessageCard::removeRequested, this,
            [this](int i) { m_document->removeMessage(m_row, i); });
    connect(card, &MessageCard::moveRequested, this, [this](int from, int to) {
        m_document->moveMessage(m_row, from, to);
        focusMessage(to);
    });
    m_cardsLayout->insertWidget(index, card);
    m_cards.insert(index, card);
}

void ConversationEditor::refresh()
{
    if (!m_document || m_row < 0)
        return;
    const Example example = m_document->example(m_row);
    if (int(example.format()) != m_shownFormat || example.messageCount() != m_shownCount) {
        const int focus = focusedMessage();
        rebuild();
        if (focus >= 0)
            focusMessage(qMin(focus, int(m_cards.size()) - 1));
        return;
    }
    for (int i = 0; i < m_cards.size(); ++i) {
        m_cards.at(i)->setIndex(i, int(m_cards.size()));
        m_cards.at(i)->setMessage(example.message(i));
    }
    if (m_preferredEdit) {
        m_preferredEdit->setTextSilently(example.preferredOutput().value(0).text());
        m_nonPreferredEdit->setTextSilently(example.nonPreferredOutput().value(0).text());
    }
    applyFindings();
}

void ConversationEditor::focusMessage(int index)
{
    if (index < 0 || index >= m_cards.size())
        return;
    MessageCard *card = m_cards.at(index);
    card->focusContent();
    ensureWidgetVisible(card);
}

int ConversationEditor::focusedMessage() const
{
    const QWidget *focus = QApplication::focusWidget();
    for (MessageCard *card : m_cards) {
        if (focus && card->isAncestorOf(focus))
            return card->index();
    }
    return -1;
}

void ConversationEditor::appendMessage()
{
    if (!m_document || m_row < 0)
        return;
    const int index = m_document->example(m_row).messageCount();
    m_document->appendMessage(m_row, Message(nextRole(), QString()));
    focusMessage(index);
}

void ConversationEditor::insertMessageBelowFocus()
{
    if (!m_document || m_row < 0)
        return;
    const int focus = focusedMessage();
    if (focus < 0) {
        appendMessage();
        return;
    }
    m_document->insertMessage(m_row, focus + 1, Message(nextRole(), QString()));
    focusMessage(focus + 1);
}

void ConversationEditor::removeFocusedMessage()
{
    const int focus = focusedMessage();
    if (!m_document || focus < 0)
        return;
    m_document->removeMessage(m_row, focus);
    focusMessage(qMin(focus, int(m_cards.size()) - 1));
}

void ConversationEditor::moveFocusedMessage(int delta)
{
    const int focus = focusedMessage();
    if (!m_document || focus < 0)
        return;
    const int to = focus + delta;
    if (to < 0 || to >= m_cards.size())
        return;
    m_document->moveMessage(m_row, focus, to);
    focusMessage(to);
}

} // namespace fs::ui
