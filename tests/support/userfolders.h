// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Points the user's data, settings and cache folders (job history, recent files, upload
// journals, downloads) into a test's own temporary folder, so no test sees what another left.
#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace fs::test {

/// Call before anything asks QStandardPaths for a folder; false when `home` is not usable.
inline bool useTemporaryUserFolders(const QTemporaryDir &home)
{
    if (!home.isValid())
        return false;
    for (const char *name : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"})
        qputenv(name, home.filePath(QString::fromLatin1(name)).toUtf8());
    return true;
}

} // namespace fs::test
