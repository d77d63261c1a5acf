// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace fs::ui {

class RecentFiles;

/// What the Datasets area shows when no dataset is open: start a new one, open a file, a recent
/// one, or one of the samples that ship with the app.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(RecentFiles *recent, QWidget *parent = nullptr);

    /// The samples compiled into the app: resource path → plain description.
    struct Sample
    {
        QString path;
        QString title;
        QString description;
    };
    static QList<Sample> samples();

Q_SIGNALS:
    void newRequested();
    void openRequested();
    void importRequested();
    void openFileRequested(const QString &path);
    void openSampleRequested(const QString &resourcePath);

private:
    void rebuildRecent();
    /// Clicking an item (or Enter) emits `signal` with the item's path.
    void openOnOneClick(QListWidget *list, void (WelcomePage::*signal)(const QString &));

    RecentFiles *m_recent;
    QListWidget *m_recentListWidget;
    QListWidget *m_samplesListWidget;
};

} // namespace fs::ui
