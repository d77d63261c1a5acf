// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For tests that prove a cancelled or replaced background run delivers nothing late: wait for
// the condition "every run has returned" instead of a fixed pause.

#include "workpool.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace fs::test {

/// Blocks until every run on the app's work pool (BackgroundTask, parallelFor) has returned,
/// cancelled and replaced ones too, then delivers what they posted to this thread. Afterwards
/// nothing of theirs can still arrive.
inline void drainBackgroundWork()
{
    workPool()->waitForDone();
    QCoreApplication::sendPostedEvents();
}

} // namespace fs::test
