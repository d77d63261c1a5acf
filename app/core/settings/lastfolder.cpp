// SPDX-License-Identifier: GPL-3.0-or-later
#include "lastfolder.h"

#include <QDir>
#include <QFileInfo>

namespace fs {

LastFolder::LastFolder(AppSettings *settings, AppSettings::Folder kind)
    : m_settings(settings ? *settings : AppSettings::standard())
    , m_kind(kind)
{
}

QString LastFolder::folder() const
{
    const QString saved = m_settings.lastFolder(m_kind);
    if (!saved.isEmpty() && QFileInfo(saved).isDir())
        return saved;
    return QDir::homePath();
}

QString LastFolder::startPath(const QString &fileName) const
{
    return fileName.isEmpty() ? folder() : QDir(folder()).filePath(fileName);
}

void LastFolder::remember(const QString &chosenPath)
{
    if (chosenPath.isEmpty() || chosenPath.startsWith(QLatin1Char(':')))
        return;
    const QFileInfo info(chosenPath);
    const QString dir = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    m_settings.setLastFolder(m_kind, dir);
}

} // namespace fs
