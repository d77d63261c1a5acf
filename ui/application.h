// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

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

class DatasetArea;
class MainWindow;

/// Builds the main window on the saved (or the sandbox) connection and runs the event loop,
/// opening `files` (absolute paths from the command line). When the app already runs for this
/// user, hands the files to it instead and returns 0 at once.
int runGui(QApplication &app, const QStringList &files);

/// What the window does once it is up: opens `files`, or (without files) offers unsaved work
/// left by a session that crashed.
void startUp(MainWindow *window, DatasetArea *datasets, const QStringList &files);

/// Files given to the app: brings the window to the front on the Datasets area and opens them
/// there (DatasetArea::openFiles()).
void openFilesInWindow(MainWindow *window, DatasetArea *datasets, const QStringList &files);

} // namespace fs::ui
