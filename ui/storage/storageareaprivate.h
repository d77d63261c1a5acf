// SPDX-License-Identifier: GPL-3.0-or-later
// What the Storage area's files share: the roles of the object list and how sizes and names read.
#pragma once

#include <QLocale>
#include <QString>
#include <Qt>

namespace fs::ui {

constexpr int KeyRole = Qt::UserRole + 1;
constexpr int FolderRole = Qt::UserRole + 2;

inline QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

inline QString lastSegment(const QString &path)
{
    QString trimmed = path;
    if (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    return trimmed.mid(trimmed.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace fs::ui
