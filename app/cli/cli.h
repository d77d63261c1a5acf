// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace fs::cli {

/// True when the arguments name a verb (sandbox, files, jobs, models, chat, …) or --help/--version.
bool isCommandLine(const QStringList &arguments);

/// Runs a verb to completion inside a QCoreApplication the caller created; returns the exit code.
int run(const QStringList &arguments);

} // namespace fs::cli
