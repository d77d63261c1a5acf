// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messagebox.h"

namespace fs::test {

/// From now on every message box is answered with its default button (OK when it has none), as
/// by a person who agrees to everything: for GUI tests whose message boxes are not the point.
inline void answerMessageBoxesWithTheirDefault()
{
    ui::MessageBox::setTestHook([](const ui::MessageRequest &request) {
        return request.defaultButton != QMessageBox::NoButton ? request.defaultButton
                                                              : QMessageBox::Ok;
    });
}

} // namespace fs::test
