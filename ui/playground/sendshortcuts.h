// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

class QWidget;

namespace fs::ui {

/// The keys of a Playground page that asks models: Ctrl+Return (or Ctrl+Enter) calls `send`,
/// Esc calls `stop`, wherever the focus is inside `page`.
void addSendShortcuts(
        QWidget *page, const std::function<void()> &send, const std::function<void()> &stop);

} // namespace fs::ui
