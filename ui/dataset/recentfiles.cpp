// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentfiles.h"

#include "appsettings.h"

#include <QFileInfo>

namespace fs::ui {

RecentFiles::RecentFiles(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings ? settings : &AppSettings::standard())
    , m_files(m_settings->recentFiles())
{
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > kMaximum)
        m_files.removeLast();
    save();
}

void RecentFiles::remove(const QString &path)
{
    if (m_files.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        save();
}

void RecentFiles::clear()
{
    m_files.clear();
    save();
}

void RecentFiles::save()
{
    m_settings->setRecentFiles(m_files);
    Q_EMIT changed();
}

} // namespace fs::ui
