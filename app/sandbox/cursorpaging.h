// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// OpenAI's `after` cursor, as the sandbox's lists answer it (files, jobs, events, checkpoints).

#include <QString>
#include <QtGlobal>

namespace fs::sandbox {

/// A list shown from its start: the index of the first item after the one whose id is `after`;
/// 0 without a cursor, the list's size for an unknown one (an empty page).
template<typename List, typename IdOf>
qsizetype startAfter(const QString &after, const List &list, IdOf idOf)
{
    if (after.isEmpty())
        return 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (idOf(list.at(i)) == after)
            return i + 1;
    }
    return list.size();
}

/// A list shown from its end (newest last, shown first): the index of the item before the one
/// whose id is `after`; the last index without a cursor, -1 for an unknown one (an empty page).
template<typename List, typename IdOf>
qsizetype startBefore(const QString &after, const List &list, IdOf idOf)
{
    if (after.isEmpty())
        return list.size() - 1;
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        if (idOf(list.at(i)) == after)
            return i - 1;
    }
    return -1;
}

} // namespace fs::sandbox
