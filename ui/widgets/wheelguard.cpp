// SPDX-License-Identifier: GPL-3.0-or-later
#include "wheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QObject>
#include <QWidget>

namespace fs::ui {

namespace {

class WheelGuard : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Wheel) {
            auto *widget = qobject_cast<QWidget *>(watched);
            if (widget && !widget->hasFocus()) {
                event->ignore(); // goes on to the scroll area around it
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void guardWheel(QWidget *field)
{
    field->setFocusPolicy(Qt::StrongFocus);
    field->installEventFilter(new WheelGuard(field));
}

void guardWheelInside(QWidget *panel)
{
    const QList<QComboBox *> combos = panel->findChildren<QComboBox *>();
    for (QComboBox *combo : combos)
        guardWheel(combo);
    const QList<QAbstractSpinBox *> spins = panel->findChildren<QAbstractSpinBox *>();
    for (QAbstractSpinBox *spin : spins)
        guardWheel(spin);
}

} // namespace fs::ui
