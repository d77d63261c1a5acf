// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace fs::cli {

class Context;

/// `files upload FILE`: the app's one upload path (the pre-flight check, the upload, the
/// service's check), with progress, Ctrl-C leaving a resumable upload, and a resumed one
/// continued; the exit code.
int uploadFile(Context &context, const QString &path);

} // namespace fs::cli
