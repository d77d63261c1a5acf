// SPDX-License-Identifier: GPL-3.0-or-later
#include "textinput.h"

#include <QInputDialog>

namespace fs::ui {

namespace {

TextInput::Hook &testHook()
{
    static TextInput::Hook hook;
    return hook;
}

} // namespace

void TextInput::setTestHook(Hook hook)
{
    testHook() = std::move(hook);
}

bool TextInput::hasTestHook()
{
    return bool(testHook());
}

std::optional<QString> TextInput::ask(QWidget *parent, const TextRequest &request)
{
    if (testHook())
        return testHook()(request);
    bool ok = false;
    const QString text = QInputDialog::getText(
            parent, request.title, request.label, QLineEdit::Normal, request.text, &ok);
    return ok ? std::optional<QString>(text) : std::nullopt;
}

} // namespace fs::ui
