// SPDX-License-Identifier: GPL-3.0-or-later
#include "sendshortcuts.h"

#include <QKeySequence>
#include <QShortcut>
#include <QWidget>

namespace fs::ui {

namespace {

void addShortcut(QWidget *page, const QKeySequence &keys, const std::function<void()> &action)
{
    auto *shortcut = new QShortcut(keys, page);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(shortcut, &QShortcut::activated, page, action);
}

} // namespace

void addSendShortcuts(
        QWidget *page, const std::function<void()> &send, const std::function<void()> &stop)
{
    addShortcut(page, QKeySequence(Qt::CTRL | Qt::Key_Return), send);
    addShortcut(page, QKeySequence(Qt::CTRL | Qt::Key_Enter), send);
    addShortcut(page, QKeySequence(Qt::Key_Escape), stop);
}

} // namespace fs::ui
