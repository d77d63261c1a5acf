// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QThreadPool;

namespace fs {

/// Where BackgroundTask and parallelFor run by default: a pool of the app's own, not
/// QThreadPool::globalInstance(). Qt's raster painting hands work to the global pool and waits
/// for it, so a long task there froze the window (14.6 s seen during a bulk change).
QThreadPool *workPool();

} // namespace fs
