// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

namespace fs::cli {

/**
 * @brief While it lives, Ctrl-C (SIGINT) and SIGTERM do not end the process: `onStop` runs on
 * the event loop instead (`sandbox` stops its server, `files upload` leaves a resumable upload).
 * Destroyed, the default handling is back.
 */
class StopSignals
{
public:
    explicit StopSignals(std::function<void()> onStop);
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

private:
    QObject m_receiver; ///< owns the socket notifier
    bool m_handling = false;
};

} // namespace fs::cli
