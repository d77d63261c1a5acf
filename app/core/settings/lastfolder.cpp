// SPDX-License-Identifier: GPL-3.0-or-later
#include "lastfolder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace fs {

LastFolder::LastFolder(QSettings *settings, const QString &key)
    : m_settings(settings)
    , m_key(key)
{
}

QString LastFolder::folder() const
{
    const QString saved =
            m_settings ? m_settings->value(m_key).toString() : QSettings().value(m_key).toString();
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
    if (m_settings) {
        m_settings->setValue(m_key, dir);
    } else {
        QSettings settings;
        settings.setValue(m_key, dir);
    }
}

} // namespace fs
