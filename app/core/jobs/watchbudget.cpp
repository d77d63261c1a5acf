// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchbudget.h"

namespace fs {

WatchBudget::WatchBudget(const ApiLimits &limits)
    : m_limits(limits)
{
    restart();
}

void WatchBudget::restart()
{
    succeeded();
    m_lastError = {};
    m_spent = Spent::Not;
}

void WatchBudget::succeeded()
{
    m_failures = 0;
    m_wrongAnswers = 0;
    m_sinceGood.start();
}

bool WatchBudget::failed(const ApiError &error)
{
    m_lastError = error;
    ++m_failures;
    m_wrongAnswers = error.isTransient() ? 0 : m_wrongAnswers + 1;
    if (m_wrongAnswers >= m_limits.watchWrongAnswers)
        m_spent = Spent::WrongAnswers;
    else if (m_failures >= m_limits.watchFailures)
        m_spent = Spent::Failures;
    else if (m_sinceGood.elapsed() >= m_limits.watchQuietMs)
        m_spent = Spent::Time;
    return isSpent();
}

QString WatchBudget::sentence() const
{
    const QString problem = m_lastError.plainMessage();
    switch (m_spent) {
    case Spent::Not:
        break;
    case Spent::Failures:
    case Spent::WrongAnswers:
        if (m_failures == 1)
            return tr("%1 Stopped watching.").arg(problem);
        return tr("%1 Stopped watching after %2 failed checks in a row.")
                .arg(problem)
                .arg(m_failures);
    case Spent::Time:
        return tr("%1 Stopped watching: no good answer for %2.")
                .arg(problem, durationInWords(m_limits.watchQuietMs));
    }
    return {};
}

} // namespace fs
