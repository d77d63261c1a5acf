// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appsettings.h"

#include <QString>

namespace fs {

/**
 * @brief Where a file dialog starts: the folder last used for that kind of file (kept in the
 * settings, so it outlives the session), or the home folder when none was used yet or it has
 * gone since. Never the folder the app happened to be started from.
 */
class LastFolder
{
public:
    /// `settings` is not owned; null means AppSettings::standard().
    LastFolder(AppSettings *settings, AppSettings::Folder kind);

    /// The folder to start in (an existing one).
    QString folder() const;
    /// `fileName` in folder() (a suggested name for a save dialog); folder() when empty.
    QString startPath(const QString &fileName = {}) const;
    /// Remembers the folder of a file the person chose (a folder is taken as it is). Empty
    /// paths (Cancel) and resource paths (":/…") are ignored.
    void remember(const QString &chosenPath);

private:
    AppSettings &m_settings;
    AppSettings::Folder m_kind;
};

} // namespace fs
