// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace fs {
struct FineTuningJob;
}

namespace fs::cli {

class Context;

/// A job's summary for people: its state, models, files and error.
void printJobSummary(Context &context, const FineTuningJob &job);
/// `jobs watch ID`: the job's events and steps as they come, until it ends; the exit code (0
/// succeeded, 1 failed, 3 cancelled).
int watchJob(Context &context, const QString &jobId);

} // namespace fs::cli
