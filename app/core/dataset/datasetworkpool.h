// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QThreadPool;

namespace fs {

/// Where a dataset's background work runs (loading, saving, autosave, bulk edits and their
/// parallel loops): a pool of its own, not QThreadPool::globalInstance(). Qt's raster painting
/// hands work to the global pool and waits for it, so a long task there stalls the window.
QThreadPool *datasetWorkPool();

} // namespace fs
