// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QApplication;

namespace fs::ui {

/// Installs the translators for the system language (Japanese catalogue on a Japanese desktop).
void installTranslators(QApplication &app);

/// Builds the main window on the saved (or the sandbox) connection and runs the event loop.
int runGui(QApplication &app);

} // namespace fs::ui
