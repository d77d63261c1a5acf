// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace fs {
class AppSettings;
}

namespace fs::ui {

/// The datasets opened lately, newest first, kept in the settings (paths only).
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaximum = 8;

    /// `settings` is not owned; null means the application's settings.
    explicit RecentFiles(AppSettings *settings = nullptr, QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void save();

    AppSettings *m_settings;
    QStringList m_files;
};

} // namespace fs::ui
