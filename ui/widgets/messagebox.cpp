// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebox.h"

#include <QPushButton>
#include <cstdio>

namespace fs::ui {

namespace {

MessageBox::Hook &testHook()
{
    static MessageBox::Hook hook;
    return hook;
}

QMessageBox::StandardButton defaultOf(const MessageRequest &request)
{
    if (request.defaultButton != QMessageBox::NoButton)
        return request.defaultButton;
    // The first button in QMessageBox's own order, as a person pressing Enter would get.
    for (int bit = QMessageBox::FirstButton; bit <= QMessageBox::LastButton; bit <<= 1) {
        if (request.buttons.testFlag(static_cast<QMessageBox::StandardButton>(bit)))
            return static_cast<QMessageBox::StandardButton>(bit);
    }
    return QMessageBox::Ok;
}

} // namespace

void MessageBox::setTestHook(Hook hook)
{
    testHook() = std::move(hook);
}

bool MessageBox::hasTestHook()
{
    return bool(testHook());
}

QMessageBox::StandardButton MessageBox::show(QWidget *parent, const MessageRequest &request)
{
    if (testHook())
        return testHook()(request);
    if (qEnvironmentVariableIsSet("FS_MESSAGEBOX_AUTOANSWER")) {
        std::fprintf(stderr, "message box: %s: %s\n", qUtf8Printable(request.title),
                qUtf8Printable(request.text));
        return defaultOf(request);
    }
    QMessageBox box(request.icon, request.title, request.text, request.buttons, parent);
    box.setInformativeText(request.informativeText);
    if (request.defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(request.defaultButton);
    box.setTextFormat(Qt::PlainText);
    for (auto it = request.buttonTexts.cbegin(); it != request.buttonTexts.cend(); ++it) {
        if (QAbstractButton *button = box.button(it.key()))
            button->setText(it.value());
    }
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

void MessageBox::information(
        QWidget *parent, const QString &title, const QString &text, const QString &informativeText)
{
    show(parent,
            {QMessageBox::Information, title, text, informativeText, QMessageBox::Ok,
                    QMessageBox::Ok, {}});
}

void MessageBox::warning(
        QWidget *parent, const QString &title, const QString &text, const QString &informativeText)
{
    show(parent,
            {QMessageBox::Warning, title, text, informativeText, QMessageBox::Ok, QMessageBox::Ok,
                    {}});
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title,
        const QString &text, QMessageBox::StandardButtons buttons,
        QMessageBox::StandardButton defaultButton, const QString &informativeText)
{
    return show(parent,
            {QMessageBox::Question, title, text, informativeText, buttons, defaultButton, {}});
}

} // namespace fs::ui
