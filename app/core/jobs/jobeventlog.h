// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"

#include <QList>
#include <QSet>

namespace fs {

/**
 * @brief A job's events merged incrementally from newest-first pages, each kept once.
 *
 * The events endpoint returns the newest events first and pages towards older ones with `after`.
 * A poller reads page 1 and, when it does not reach an event it already knows, follows `after`
 * until it does (or the list ends): merging that run of pages (still newest first) yields the new
 * events oldest first, with no gaps and no repeats.
 */
class JobEventLog
{
public:
    struct Merge
    {
        QList<JobEvent> added; ///< events not seen before, oldest first
        bool reachedKnown = false; ///< the pages overlapped events already in the log
    };

    /// Merges pages given newest first (page 1 first, then older pages).
    Merge merge(const QList<JobEvent> &newestFirst);

    bool isEmpty() const { return m_events.isEmpty(); }
    bool contains(const QString &eventId) const { return m_ids.contains(eventId); }
    /// Every event, oldest first: by created_at, then in the order they were emitted.
    const QList<JobEvent> &events() const { return m_events; }

private:
    QList<JobEvent> m_events;
    QSet<QString> m_ids;
};

} // namespace fs
