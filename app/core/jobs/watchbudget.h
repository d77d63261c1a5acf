// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apierror.h"
#include "apilimits.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace fs {

/**
 * @brief How long a watcher keeps trying: through brief outages, but not forever.
 *
 * A watcher (JobTracker behind `jobs watch` and the Jobs area) reports each failed check with
 * failed() and each good answer with succeeded(). The budget is spent after
 * ApiLimits::watchFailures failures in a row that waiting may cure (ApiError::isTransient(): no
 * connection, time-outs, 429, 5xx), after ApiLimits::watchWrongAnswers in a row that it does not
 * cure (an answer of the wrong shape, a refused request), or after ApiLimits::watchQuietMs
 * without a good answer, whichever comes first. Then sentence() says what is wrong and that
 * watching stopped; restart() ("Keep trying") starts afresh.
 */
class WatchBudget
{
    Q_DECLARE_TR_FUNCTIONS(WatchBudget)
public:
    /// What ran out.
    enum class Spent { Not, Failures, WrongAnswers, Time };

    explicit WatchBudget(const ApiLimits &limits = ApiLimits::defaults());

    void setLimits(const ApiLimits &limits) { m_limits = limits; }
    const ApiLimits &limits() const { return m_limits; }

    /// Starts afresh: a new watch, or "Keep trying".
    void restart();
    /// A good answer: the counts and the clock start again.
    void succeeded();
    /// A failed check; true when the budget is now spent (stop watching).
    bool failed(const ApiError &error);

    bool isSpent() const { return m_spent != Spent::Not; }
    Spent spent() const { return m_spent; }
    int failuresInARow() const { return m_failures; }
    ApiError lastError() const { return m_lastError; }
    /// Once spent: the last problem in plain words and why watching stopped ("… Stopped
    /// watching after 10 failed checks in a row."); empty before.
    QString sentence() const;

private:
    ApiLimits m_limits;
    int m_failures = 0; ///< in a row, of any kind
    int m_wrongAnswers = 0; ///< in a row, of kinds that waiting does not cure
    QElapsedTimer m_sinceGood;
    ApiError m_lastError;
    Spent m_spent = Spent::Not;
};

} // namespace fs
