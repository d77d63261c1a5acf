// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the dataset benchmarks: the generated 100,000-example file and /proc figures.
#pragma once

#include <QByteArray>

namespace fs::bench {

/// A chat dataset of `examples` lines (one in three Japanese, 1–3 turns, a fixed seed): about
/// 1.1 KB per example, so 100,000 make the ~110 MB file of the speed requirements.
QByteArray generateChatDataset(int examples);

/// A field of /proc/self/status in kB (e.g. "VmHWM:"), or -1.
qint64 procStatusKb(const char *key);

} // namespace fs::bench
