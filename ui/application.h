// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QApplication;
class QLocale;

namespace fs::ui {

/// Installs the translators for the system language (Japanese catalogue on a Japanese desktop).
void installTranslators(QApplication &app);
/// Same for a given locale (tests); replaces the translators installed by an earlier call.
/// Returns true when the app's own catalogue for that language was loaded.
bool installTranslators(QApplication &app, const QLocale &locale);

/// Registers the icons, samples and translations compiled into fs_ui (once; any thread that
/// makes widgets). The main window calls it, so areas and tests can rely on ":/icons/…".
void initResources();

/// Builds the main window on the saved (or the sandbox) connection and runs the event loop.
int runGui(QApplication &app);

} // namespace fs::ui
