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
    auto *intro = new QLabel(tr("Teach the model from this comparison. The better answer is "
                                "added to the open dataset; you can improve it first."),
            this);
    intro->setWordWrap(true);
    auto *promptLabel = new QLabel(tr("<b>The message:</b> %1").arg(prompt.toHtmlEscaped()), this);
    promptLabel->setWordWrap(true);
    promptLabel->setTextFormat(Qt::RichText);

    m_answerEdit = new QPlainTextEdit(preferred, this);
    m_answerEdit->setObjectName(QStringLiteral("preferredAnswerEdit"));
    auto *answerLabel = new QLabel(tr("The better answer:"), this);
    answerLabel->setBuddy(m_answerEdit);

    m_correctedRadio =
            new QRadioButton(tr("As a &corrected example (message and better answer)"), this);
    m_correctedRadio->setObjectName(QStringLiteral("correctedRadioButton"));
    m_preferenceRadio = new QRadioButton(
            tr("As a &preference pair: the better answer preferred over the worse one (for DPO "
               "training)"),
            this);
    m_preferenceRadio->setObjectName(QStringLiteral("preferenceRadioButton"));
    m_correctedRadio->setChecked(true);

    auto *worse = new QLabel(
            tr("<b>The worse answer:</b> %1").arg(nonPreferred.left(400).toHtmlEscaped()), this);
    worse->setWordWrap(true);
    worse->setTextFormat(Qt::RichText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Example"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_answerEdit, &QPlainTextEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
                ->setEnabled(!m_answerEdit->toPlainText().trimmed().isEmpty());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(promptLabel);
    layout->addWidget(answerLabel);
    layout->addWidget(m_answerEdit, 1);
    layout->addWidget(worse);
    layout->addWidget(m_correctedRadio);
    layout->addWidget(m_preferenceRadio);
    layout->addWidget(buttons);
    resize(560, 420);
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
