// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomedialog.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel *bold(const QString &text, QWidget *parent, qreal scale = 1.0)
{
    auto *label = wrapped(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    return label;
}

/// A round step number, drawn with the palette's highlight colours.
QLabel *stepNumber(int number, QWidget *parent)
{
    auto *label = new QLabel(QString::number(number), parent);
    label->setAlignment(Qt::AlignCenter);
    label->setFixedSize(26, 26);
    label->setStyleSheet(QStringLiteral("QLabel { border-radius: 13px; font-weight: bold; "
                                        "background: palette(highlight); "
                                        "color: palette(highlighted-text); }"));
    return label;
}

} // namespace

WelcomeDialog::WelcomeDialog(bool practiceService, const QString &connectionName, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to Finetune Studio"));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(bold(tr("Teach a chat model to answer your way"), this, 1.4));
    layout->addWidget(
            wrapped(tr("Finetune Studio takes you through a fine-tune in four steps:"), this));
    layout->addLayout(buildSteps());
    layout->addWidget(buildWhereFrame(practiceService, connectionName));
    layout->addWidget(wrapped(
            tr("New to fine-tuning? The guide ticks off each step as you go. You can open it, "
               "and this welcome, again from the Help menu."),
            this));
    layout->addStretch();
    layout->addWidget(buildButtons());
    setMinimumWidth(520);
    resize(600, sizeHint().height());
}

QGridLayout *WelcomeDialog::buildSteps()
{
    struct Step
    {
        QString title;
        QString text;
    };
    const QList<Step> steps = {
            {tr("Build examples"),
                    tr("Write conversations that show the answers you want, or import them "
                       "(Datasets). Each one is checked as you type.")},
            {tr("Upload"), tr("Send the examples to the fine-tuning service (Files).")},
            {tr("Train and watch"),
                    tr("Start a training job and watch the chart as the model learns (Jobs).")},
            {tr("Compare"),
                    tr("Ask the original and your fine-tuned model the same questions, side by "
                       "side (Playground).")},
    };
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(6);
    grid->setColumnStretch(2, 1);
    for (int i = 0; i < steps.size(); ++i) {
        grid->addWidget(stepNumber(i + 1, this), i, 0, Qt::AlignTop);
        grid->addWidget(bold(steps.at(i).title, this), i, 1, Qt::AlignTop);
        grid->addWidget(wrapped(steps.at(i).text, this), i, 2, Qt::AlignTop);
    }
    return grid;
}

QFrame *WelcomeDialog::buildWhereFrame(bool practiceService, const QString &connectionName)
{
    auto *where = new QFrame(this);
    where->setObjectName(QStringLiteral("welcomeWhereFrame"));
    where->setFrameShape(QFrame::StyledPanel);
    where->setStyleSheet(QStringLiteral("#welcomeWhereFrame { background: #fff8e1; "
                                        "border: 1px solid #f0c36d; border-radius: 4px; } "
                                        "#welcomeWhereFrame QLabel { color: #3e2f00; }"));
    auto *whereLayout = new QVBoxLayout(where);
    whereLayout->addWidget(
            bold(practiceService ? tr("You are on the practice service")
                                 : tr("You are connected to “%1”").arg(connectionName),
                    where));
    m_whereLabel = wrapped(practiceService
                    ? tr("The app starts on its built-in practice service, “Sandbox”. It runs on "
                         "this computer, costs nothing and only pretends to train: its "
                         "fine-tuned models imitate your examples rather than learn from them. "
                         "Everything else works as on a real service, so you can try the whole "
                         "way safely.")
                    : tr("Jobs you start there are real and are billed by the service. The "
                         "built-in practice service, “Sandbox”, is always there to try "
                         "things for free: it only pretends to train."),
            where);
    m_whereLabel->setObjectName(QStringLiteral("welcomeWhereLabel"));
    whereLayout->addWidget(m_whereLabel);
    auto *connectLabel =
            wrapped(tr("To use a real service — OpenAI, Azure OpenAI, Together AI or a "
                       "compatible server — choose Connection → Manage Connections… and press "
                       "Add."),
                    where);
    connectLabel->setObjectName(QStringLiteral("welcomeConnectLabel"));
    whereLayout->addWidget(connectLabel);
    return where;
}

QDialogButtonBox *WelcomeDialog::buildButtons()
{
    auto *buttons = new QDialogButtonBox(this);
    auto *guide = buttons->addButton(tr("Open the &Guide"), QDialogButtonBox::ActionRole);
    guide->setObjectName(QStringLiteral("welcomeGuideButton"));
    auto *connections =
            buttons->addButton(tr("&Manage Connections…"), QDialogButtonBox::ActionRole);
    connections->setObjectName(QStringLiteral("welcomeConnectionsButton"));
    auto *start = buttons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    start->setObjectName(QStringLiteral("welcomeStartButton"));
    start->setDefault(true);

    QObject::connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    QObject::connect(guide, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT guideRequested();
    });
    QObject::connect(connections, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT manageConnectionsRequested();
    });
    return buttons;
}

QString WelcomeDialog::whereText() const
{
    return m_whereLabel->text();
}

} // namespace fs::ui
