// SPDX-License-Identifier: GPL-3.0-or-later
#include "workpool.h"

#include <QThread>
#include <QThreadPool>

namespace fs {

namespace {

Q_GLOBAL_STATIC(QThreadPool, appPool)

} // namespace

QThreadPool *workPool()
{
    QThreadPool *pool = appPool();
    // At least two threads, so that a save or an autosave never waits for a long load.
    static const bool sized = [pool] {
        pool->setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
        return true;
    }();
    Q_UNUSED(sized)
    return pool;
}

} // namespace fs
