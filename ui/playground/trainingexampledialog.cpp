// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingexampledialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fs::ui {

TrainingExampleDialog::TrainingExampleDialog(const QString &prompt, const QString &preferred,
        const QString &nonPreferred, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("trainingExampleDialog"));
    setWindowTitle(tr("Add to the Dataset"));
    m_introLabel = new QLabel(tr("Teach the model from this comparison. The better answer is "
                                 "added to the open dataset; you can improve it first."),
            this);
    m_introLabel->setWordWrap(true);
    auto *promptLabel = new QLabel(tr("<b>The message:</b> %1").arg(prompt.toHtmlEscaped()), this);
    promptLabel->setWordWrap(true);
    promptLabel->setTextFormat(Qt::RichText);

    m_answerEdit = new QPlainTextEdit(preferred, this);
    m_answerEdit->setObjectName(QStringLiteral("preferredAnswerEdit"));
    m_answerLabel = new QLabel(tr("The better answer:"), this);
    m_answerLabel->setBuddy(m_answerEdit);

    m_correctedRadio =
            new QRadioButton(tr("As a &corrected example (message and better answer)"), this);
    m_correctedRadio->setObjectName(QStringLiteral("correctedRadioButton"));
    m_preferenceRadio = new QRadioButton(
            tr("As a &preference pair: the better answer preferred over the worse one (for DPO "
               "training)"),
            this);
    m_preferenceRadio->setObjectName(QStringLiteral("preferenceRadioButton"));
    m_correctedRadio->setChecked(true);

    m_worseLabel = new QLabel(
            tr("<b>The worse answer:</b> %1").arg(nonPreferred.left(400).toHtmlEscaped()), this);
    m_worseLabel->setObjectName(QStringLiteral("worseAnswerLabel"));
    m_worseLabel->setWordWrap(true);
    m_worseLabel->setTextFormat(Qt::RichText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(tr("Add Example"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_answerEdit, &QPlainTextEdit::textChanged, this, &TrainingExampleDialog::updateOk);
    updateOk();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(promptLabel);
    layout->addWidget(m_answerLabel);
    layout->addWidget(m_answerEdit, 1);
    layout->addWidget(m_worseLabel);
    layout->addWidget(m_correctedRadio);
    layout->addWidget(m_preferenceRadio);
    layout->addWidget(buttons);
    resize(560, 420);
}

TrainingExampleDialog *TrainingExampleDialog::forWrittenAnswer(
        const QString &prompt, const QString &answerA, const QString &answerB, QWidget *parent)
{
    auto *dialog = new TrainingExampleDialog(prompt, QString(), QString(), parent);
    dialog->m_written = true;
    dialog->setWindowTitle(tr("Write the Better Answer"));
    dialog->m_introLabel->setText(
            tr("Both answers were bad. Write the answer the model should have given: it is "
               "added to the open dataset as a corrected example, so the model learns it."));
    dialog->m_answerLabel->setText(tr("&Your answer:"));
    dialog->m_answerEdit->setPlaceholderText(tr("The ideal answer to the message above"));
    dialog->m_worseLabel->setText(
            tr("<b>The answers you rated bad:</b><br>A: %1<br>B: %2")
                    .arg(answerA.left(300).toHtmlEscaped(), answerB.left(300).toHtmlEscaped()));
    dialog->m_correctedRadio->setChecked(true);
    dialog->m_correctedRadio->setVisible(false);
    dialog->m_preferenceRadio->setVisible(false);
    dialog->m_answerEdit->setFocus();
    return dialog;
}

void TrainingExampleDialog::updateOk()
{
    m_okButton->setEnabled(!m_answerEdit->toPlainText().trimmed().isEmpty());
}

TrainingExampleDialog::Kind TrainingExampleDialog::kind() const
{
    return m_preferenceRadio->isChecked() ? Kind::Preference : Kind::Corrected;
}

void TrainingExampleDialog::setKind(Kind kind)
{
    (kind == Kind::Preference ? m_preferenceRadio : m_correctedRadio)->setChecked(true);
}

QString TrainingExampleDialog::preferredAnswer() const
{
    return m_answerEdit->toPlainText();
}

void TrainingExampleDialog::setPreferredAnswer(const QString &text)
{
    m_answerEdit->setPlainText(text);
}

} // namespace fs::ui
