// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagecard.h"

#include "autogrowingtextedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

QString roleLabel(const QString &role)
{
    if (role == QLatin1String("system"))
        return MessageCard::tr("System (instructions)");
    if (role == QLatin1String("developer"))
        return MessageCard::tr("Developer (instructions)");
    if (role == QLatin1String("user"))
        return MessageCard::tr("User");
    if (role == QLatin1String("assistant"))
        return MessageCard::tr("Assistant (the model)");
    if (role == QLatin1String("tool"))
        return MessageCard::tr("Tool result");
    return role;
}

QString cardColor(const QString &role)
{
    if (role == QLatin1String("system") || role == QLatin1String("developer"))
        return QStringLiteral("#f3f0e8");
    if (role == QLatin1String("assistant"))
        return QStringLiteral("#e9f3ec");
    if (role == QLatin1String("tool"))
        return QStringLiteral("#eef0f7");
    return QStringLiteral("#ffffff");
}

QToolButton *smallButton(
        QWidget *parent, const QIcon &icon, const QString &tip, const QString &name)
{
    auto *button = new QToolButton(parent);
    button->setIcon(icon);
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setAutoRaise(true);
    button->setObjectName(name);
    return button;
}

} // namespace

MessageCard::MessageCard(int index, QWidget *parent)
    : QFrame(parent)
    , m_index(index)
{
    setObjectName(QStringLiteral("messageCard"));
    setFrameShape(QFrame::StyledPanel);

    QHBoxLayout *header = buildHeader();
    buildTextEdits();
    QHBoxLayout *idRow = buildToolCallIdRow();
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addLayout(idRow);
    layout->addWidget(m_contentEdit);
    layout->addWidget(m_toolCallsLabel);
    layout->addWidget(m_toolCallsEdit);
    layout->addWidget(m_toolCallsErrorLabel);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_weightCheckBox);
    footer->addStretch(1);
    footer->addWidget(m_addToolCallButton);
    layout->addLayout(footer);
    layout->addWidget(m_problemLabel);
    m_toolCallsErrorLabel->hide();
}

QHBoxLayout *MessageCard::buildHeader()
{
    m_numberLabel = new QLabel(this);
    m_roleComboBox = new QComboBox(this);
    m_roleComboBox->setObjectName(QStringLiteral("roleComboBox"));
    m_roleComboBox->setAccessibleName(tr("Role"));
    for (const QString &role : Message::knownRoles())
        m_roleComboBox->addItem(roleLabel(role), role);
    connect(m_roleComboBox, &QComboBox::activated, this, [this](int item) {
        Q_EMIT roleEdited(m_index, m_roleComboBox->itemData(item).toString());
    });

    // The weight box and "Add a tool call" sit in the footer; made here, they keep their
    // place in the keyboard order.
    m_weightCheckBox = new QCheckBox(tr("Learn from this answer"), this);
    m_weightCheckBox->setObjectName(QStringLiteral("weightCheckBox"));
    m_weightCheckBox->setToolTip(tr("When unticked, the model sees this answer as context but is "
                                    "not trained to give it (weight 0)."));
    connect(m_weightCheckBox, &QCheckBox::clicked, this, [this](bool checked) {
        // Ticked is the service's default, so the key is dropped rather than written as 1.
        Q_EMIT weightEdited(m_index, checked ? std::nullopt : std::optional<int>(0));
    });

    m_upButton = smallButton(this, style()->standardIcon(QStyle::SP_ArrowUp),
            tr("Move message up (Alt+Up)"), QStringLiteral("moveUpToolButton"));
    m_downButton = smallButton(this, style()->standardIcon(QStyle::SP_ArrowDown),
            tr("Move message down (Alt+Down)"), QStringLiteral("moveDownToolButton"));
    m_insertButton = smallButton(this, QIcon(QString::fromLatin1(kInsertBelowIcon)),
            tr("Insert a message below (Ctrl+Return)"), QStringLiteral("insertToolButton"));
    m_removeButton = smallButton(this, style()->standardIcon(QStyle::SP_TrashIcon),
            tr("Delete this message"), QStringLiteral("removeToolButton"));
    m_addToolCallButton = new QToolButton(this);
    m_addToolCallButton->setObjectName(QStringLiteral("addToolCallToolButton"));
    m_addToolCallButton->setText(tr("Add a tool call"));
    m_addToolCallButton->setAutoRaise(true);
    connect(m_upButton, &QToolButton::clicked, this,
            [this] { Q_EMIT moveRequested(m_index, m_index - 1); });
    connect(m_downButton, &QToolButton::clicked, this,
            [this] { Q_EMIT moveRequested(m_index, m_index + 1); });
    connect(m_insertButton, &QToolButton::clicked, this,
            [this] { Q_EMIT insertBelowRequested(m_index); });
    connect(m_removeButton, &QToolButton::clicked, this,
            [this] { Q_EMIT removeRequested(m_index); });

    // The header holds what every message has; the answer's options go below its text, so a
    // card fits a narrow window without cutting its labels.
    auto *header = new QHBoxLayout;
    header->addWidget(m_numberLabel);
    header->addWidget(m_roleComboBox);
    header->addStretch(1);
    header->addWidget(m_upButton);
    header->addWidget(m_downButton);
    header->addWidget(m_insertButton);
    header->addWidget(m_removeButton);
    return header;
}

void MessageCard::buildTextEdits()
{
    m_contentEdit = new AutoGrowingTextEdit(this);
    m_contentEdit->setObjectName(QStringLiteral("contentPlainTextEdit"));
    m_contentEdit->setAccessibleName(tr("Message text"));
    m_contentEdit->setMinimumLines(2);
    m_contentEdit->setPlaceholderText(tr("Write the message here"));
    connect(m_contentEdit, &AutoGrowingTextEdit::textEdited, this,
            [this](const QString &text) { Q_EMIT textEdited(m_index, text); });

    m_toolCallsLabel = new QLabel(tr("Tool calls (JSON):"), this);
    m_toolCallsEdit = new AutoGrowingTextEdit(this);
    m_toolCallsEdit->setObjectName(QStringLiteral("toolCallsPlainTextEdit"));
    m_toolCallsEdit->setAccessibleName(tr("Tool calls"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_toolCallsEdit->setFont(mono);
    m_toolCallsEdit->setMinimumLines(3);
    m_toolCallsErrorLabel = new QLabel(this);
    m_toolCallsErrorLabel->setObjectName(QStringLiteral("toolCallsErrorLabel"));
    m_toolCallsErrorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_toolCallsErrorLabel->setWordWrap(true);
    connect(m_toolCallsEdit, &AutoGrowingTextEdit::textEdited, this, &MessageCard::checkToolCalls);
    connect(m_addToolCallButton, &QToolButton::clicked, this, [this] {
        m_toolCallsEdit->setPlainText(QStringLiteral(
                "[\n  {\n    \"id\": \"call_1\",\n    \"type\": \"function\",\n    \"function\": "
                "{\n      \"name\": \"\",\n      \"arguments\": \"{}\"\n    }\n  }\n]"));
        m_toolCallsEdit->setVisible(true);
        m_toolCallsLabel->setVisible(true);
        m_toolCallsEdit->setFocus();
    });
}

QHBoxLayout *MessageCard::buildToolCallIdRow()
{
    m_toolCallIdLabel = new QLabel(tr("Answers the tool call:"), this);
    m_toolCallIdLineEdit = new QLineEdit(this);
    m_toolCallIdLineEdit->setObjectName(QStringLiteral("toolCallIdLineEdit"));
    m_toolCallIdLineEdit->setAccessibleName(tr("Tool call id"));
    connect(m_toolCallIdLineEdit, &QLineEdit::textEdited, this,
            [this](const QString &id) { Q_EMIT toolCallIdEdited(m_index, id); });
    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_toolCallIdLabel);
    idRow->addWidget(m_toolCallIdLineEdit, 1);
    return idRow;
}

void MessageCard::setIndex(int index, int count)
{
    m_index = index;
    m_count = count;
    //: Number of a message in the conversation
    m_numberLabel->setText(tr("%1.").arg(index + 1));
    m_upButton->setEnabled(index > 0);
    m_downButton->setEnabled(index + 1 < count);
}

void MessageCard::setMessage(const Message &message)
{
    m_updating = true;
    m_role = message.role();
    int item = m_roleComboBox->findData(m_role);
    if (item < 0 && !m_role.isEmpty()) {
        // A role the service does not know stays visible so the person can see and fix it.
        m_roleComboBox->addItem(tr("“%1” (unknown)").arg(m_role), m_role);
        item = m_roleComboBox->count() - 1;
    }
    m_roleComboBox->setCurrentIndex(item);
    m_contentEdit->setTextSilently(message.text());
    const std::optional<int> weight = message.weightValue();
    m_weightCheckBox->setChecked(!weight || *weight != 0);
    const QString calls = message.toolCallsText();
    if (!m_toolCallsEdit->hasFocus())
        m_toolCallsEdit->setTextSilently(calls);
    m_toolCallIdLineEdit->setText(message.toolCallId());
    setStyleSheet(QStringLiteral("fs--ui--MessageCard { background: %1; border: 1px solid #c8c8c8; "
                                 "border-radius: 6px; }")
                          .arg(cardColor(m_role)));
    updateVisibility();
    m_updating = false;
}

void MessageCard::updateVisibility()
{
    const bool assistant = m_role == QLatin1String("assistant");
    m_weightCheckBox->setVisible(assistant);
    const bool hasCalls = !m_toolCallsEdit->toPlainText().trimmed().isEmpty();
    m_toolCallsLabel->setVisible(assistant && hasCalls);
    m_toolCallsEdit->setVisible(assistant && hasCalls);
    m_addToolCallButton->setVisible(assistant && !hasCalls);
    const bool tool = m_role == QLatin1String("tool");
    m_toolCallIdLabel->setVisible(tool);
    m_toolCallIdLineEdit->setVisible(tool);
}

void MessageCard::checkToolCalls()
{
    QString error;
    const std::optional<QJsonArray> calls =
            Message::parseToolCalls(m_toolCallsEdit->toPlainText(), &error);
    if (!calls) {
        m_toolCallsEdit->setStyleSheet(QStringLiteral("border: 2px solid #b00020;"));
        m_toolCallsErrorLabel->setText(error);
        m_toolCallsErrorLabel->show();
        return;
    }
    m_toolCallsEdit->setStyleSheet(QString());
    m_toolCallsErrorLabel->hide();
    Q_EMIT toolCallsEdited(m_index, *calls);
}

void MessageCard::setProblem(const QString &text, bool error)
{
    m_problemLabel->setVisible(!text.isEmpty());
    m_problemLabel->setText(text);
    m_problemLabel->setStyleSheet(
            error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #8a5a00;"));
}

void MessageCard::focusContent()
{
    m_contentEdit->setFocus();
}

} // namespace fs::ui
