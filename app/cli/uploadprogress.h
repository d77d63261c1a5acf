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
/// "Sending: 1.2 MB of 4 MB (30%), 250 kB/s, about 12 s left, part 2 of 5" — the line of
/// `files upload` and `storage send` while the bytes go out; `withTimeLeft` adds the estimate.
QString sendingLine(const UploadProgress &progress, bool withTimeLeft);

} // namespace fs::cli
