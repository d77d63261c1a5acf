// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace fs {

/**
 * @brief One clock for everything that shows how long a job has run or has left: the job list
 * and the monitor read the same "now" and are refreshed on the same tick, so their durations
 * (JobTexts::durationText()) never disagree.
 */
class JobClock : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTickMs = 1000; ///< durations show seconds

    explicit JobClock(QObject *parent = nullptr); ///< ticks from the start
    /// Unix seconds: the system time, or the time set for testing.
    qint64 now() const;
    /// Stops at `now` (unix seconds) and ticks once at once (tests).
    void setNowForTesting(qint64 now);

Q_SIGNALS:
    void ticked(qint64 now);

private:
    void tick();

    QTimer m_timer;
    qint64 m_fixedNow = 0;
};

} // namespace fs
