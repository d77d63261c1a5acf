// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace fs::cli {

/// True when the arguments name a verb (sandbox, files, jobs, models, chat, …) or --help/--version.
bool isCommandLine(const QStringList &arguments);

/// What the arguments of one start ask for.
struct Launch
{
    enum class Kind {
        Gui, ///< the desktop app, with `files` to open (may be empty)
        Command, ///< a verb (run()), --help or --version
        Unknown, ///< a word that is neither a verb nor an existing file: a typo
    };
    Kind kind = Kind::Gui;
    QStringList files; ///< absolute paths of the files to open
    QString unknown; ///< the first word that is neither a verb nor a file
};

/// Sorts the arguments (argv, the program first): a verb; otherwise the desktop app with the
/// files named (paths or file:// URLs, as a file manager passes them). Options starting with '-'
/// are left to Qt (-platform NAME, -style NAME, …), with the value of those that take one.
Launch classify(const QStringList &arguments);

/// Prints "unknown command" with the list of verbs to stderr; returns the usage exit code (2).
int reportUnknown(const QString &word);
/// A build without the desktop window (-DFS_BUILD_UI=OFF) asked to open it: says so, lists the
/// commands and returns the usage exit code.
int reportNoWindow();

/// Runs a verb to completion inside a QCoreApplication the caller created; returns the exit code.
int run(const QStringList &arguments);

} // namespace fs::cli
