// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobeventlog.h"

#include <algorithm>

namespace fs {

JobEventLog::Merge JobEventLog::merge(const QList<JobEvent> &newestFirst)
{
    Merge result;
    QSet<QString> seenInThisMerge;
    for (const JobEvent &event : newestFirst) {
        if (m_ids.contains(event.id)) {
            result.reachedKnown = true;
            continue;
        }
        // Overlapping pages can repeat an event inside one merge as well.
        if (seenInThisMerge.contains(event.id))
            continue;
        seenInThisMerge.insert(event.id);
        result.added.append(event);
    }
    std::reverse(result.added.begin(), result.added.end());
    // Several events share a second; the server's order (reversed) breaks ties, so a stable sort
    // on created_at keeps it.
    std::stable_sort(result.added.begin(), result.added.end(),
            [](const JobEvent &a, const JobEvent &b) { return a.createdAt < b.createdAt; });

    for (const JobEvent &event : std::as_const(result.added)) {
        m_ids.insert(event.id);
        // Usually appended at the end; an event older than the newest known one (a back-filled
        // gap) is inserted at its place in time.
        auto position = std::upper_bound(m_events.begin(), m_events.end(), event.createdAt,
                [](qint64 createdAt, const JobEvent &known) {
                    return createdAt < known.createdAt;
                });
        m_events.insert(position, event);
    }
    return result;
}

} // namespace fs
