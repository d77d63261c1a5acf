// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobclock.h"

#include <QDateTime>

namespace fs {

JobClock::JobClock(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &JobClock::tick);
    m_timer.start();
}

qint64 JobClock::now() const
{
    return m_fixedNow > 0 ? m_fixedNow : QDateTime::currentSecsSinceEpoch();
}

void JobClock::setNowForTesting(qint64 now)
{
    m_fixedNow = now;
    tick();
}

void JobClock::tick()
{
    Q_EMIT ticked(now());
}

} // namespace fs
