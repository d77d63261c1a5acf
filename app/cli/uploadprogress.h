// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace fs {
struct UploadProgress;
}

namespace fs::cli {

/// "2.5 MB/s", for people.
QString formatRate(qint64 bytesPerSecond);
/// "about 40 s left", "about 3 min left", "about 1.5 h left"; empty when unknown (< 0).
QString formatTimeLeft(int seconds);
/// "Sending: 1.2 MB of 4.0 MB sent · 250.0 kB/s · about 12 s left · 2 of 5 parts" — the line of
/// `files upload` and `storage send` while the bytes go out, in the Files area's words
/// (UploadTask::progressText); `withTimeLeft` adds the estimate.
QString sendingLine(const UploadProgress &progress, bool withTimeLeft);

} // namespace fs::cli
