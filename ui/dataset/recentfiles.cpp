// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace fs::ui {

namespace {
const QString kKey = QStringLiteral("datasets/recentFiles");
}

RecentFiles::RecentFiles(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    if (m_settings) {
        m_files = m_settings->value(kKey).toStringList();
    } else {
        QSettings defaults;
        m_files = defaults.value(kKey).toStringList();
    }
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
    if (m_settings) {
        m_settings->setValue(kKey, m_files);
    } else {
        QSettings defaults;
        defaults.setValue(kKey, m_files);
    }
    Q_EMIT changed();
}

} // namespace fs::ui
