// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"

#include <QColor>
#include <QString>
#include <optional>

namespace fs {

/// Plain words and colours for job states and events, shared by the job list, the monitor and
/// the CLI (translated in the "fs::JobTexts" context).
namespace JobTexts {

/// "Validating files", "Queued", "Running", "Paused", "Succeeded", "Failed", "Cancelled"; an
/// unknown status shows its raw text.
QString statusText(FineTuningJob::Status status, const QString &rawText = {});
QString statusText(const FineTuningJob &job);
/// Badge colour: blue running, grey waiting, amber paused, green succeeded, red failed, dark
/// grey cancelled, purple unknown.
QColor statusColor(FineTuningJob::Status status);
/// Whether the user may cancel / pause / resume a job in this status.
bool canCancel(FineTuningJob::Status status);
bool canPause(FineTuningJob::Status status);
bool canResume(FineTuningJob::Status status);

/// How long a job ran (until finished_at) or has been running (until `now`, unix seconds);
/// nullopt when unknown. The one rule behind the job list's Duration and the monitor's.
std::optional<qint64> durationSeconds(const FineTuningJob &job, qint64 now);
/// durationSeconds() in words: "12 min 5 s", "2 h 3 min", "-" when unknown.
QString durationText(const FineTuningJob &job, qint64 now);
/// Time left until estimated_finish in words ("about 3 min"), empty when unknown.
QString timeLeftText(const FineTuningJob &job, qint64 now);

/// A job error code (job.error.code or an error event's data.error_code) in plain words,
/// e.g. invalid_n_examples → "The training file has too few examples (at least 10 are
/// needed)."; empty for unknown codes.
QString errorCodeText(const QString &code);
/// An error event or job error for people: the plain explanation of its code, then the
/// service's own message.
QString errorText(const QString &code, const QString &message);
/// The error code of an event (data.error_code), empty for none.
QString eventErrorCode(const JobEvent &event);

/// Colour per event level: info default (invalid QColor), warn amber, error red.
QColor levelColor(const QString &level);

} // namespace JobTexts

} // namespace fs
