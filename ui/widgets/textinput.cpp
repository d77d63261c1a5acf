// SPDX-License-Identifier: GPL-3.0-or-later
#include "textinput.h"

#include "testhook.h"

#include <QInputDialog>

namespace fs::ui {

void TextInput::setTestHook(Hook hook)
{
    testHookOf<Hook>() = std::move(hook);
}

bool TextInput::hasTestHook()
{
    return bool(testHookOf<Hook>());
}

std::optional<QString> TextInput::ask(QWidget *parent, const TextRequest &request)
{
    if (const Hook &hook = testHookOf<Hook>())
        return hook(request);
    bool ok = false;
    const QString text = QInputDialog::getText(
            parent, request.title, request.label, QLineEdit::Normal, request.text, &ok);
    return ok ? std::optional<QString>(text) : std::nullopt;
}

} // namespace fs::ui
