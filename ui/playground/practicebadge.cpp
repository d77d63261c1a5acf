// SPDX-License-Identifier: GPL-3.0-or-later
#include "practicebadge.h"

namespace fs::ui {

PracticeBadge::PracticeBadge(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("practiceBadge"));
    setWordWrap(true);
    setToolTip(explanation());
    // A quiet yellow note that reads in light and dark themes alike.
    setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; "
                                 "border: 1px solid #e6cf85; border-radius: 3px; "
                                 "padding: 2px 6px; }"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setVisible(false);
}

QString PracticeBadge::simulatedText()
{
    return tr("Practice answer — simulated by the built-in sandbox");
}

QString PracticeBadge::explanation()
{
    return tr("The sandbox is a practice service built into Finetune Studio. It costs nothing "
              "and only pretends to train and answer: its answers are put together from your "
              "training examples, not written by a real model. To try a real model, add a "
              "connection under Connection → Manage Connections….");
}

void PracticeBadge::setSimulated(bool simulated)
{
    showText(simulated ? simulatedText() : QString());
}

void PracticeBadge::showText(const QString &text)
{
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace fs::ui
