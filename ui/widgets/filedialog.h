// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileDialog>
#include <QString>
#include <QStringList>
#include <functional>

class QWidget;

namespace fs::ui {

/// What a file dialog would have asked; handed to the test hook instead of showing it.
struct FileRequest
{
    enum class Mode {
        Open, ///< one existing file
        OpenMany, ///< one or more existing files
        Save, ///< a file to write
    };
    Mode mode = Mode::Open;
    /// What the file is for, named by the caller ("open", "csv", "saveSession"…): how a test
    /// tells one dialog from another.
    QString kind;
    QString title;
    QString path; ///< the folder, or the suggested file, it starts at
    QString filter;
    QFileDialog::Options options;
};

/**
 * @brief The one way this app asks for file names (like MessageBox for message boxes).
 *
 * Tests install a hook that answers instead of a person, so no GUI test can hang on a modal
 * dialog; ScopedTestHook installs one for a scope.
 */
class FileDialog
{
public:
    /// The chosen paths; empty: Cancel. Only the first counts unless the mode is OpenMany.
    using Hook = std::function<QStringList(const FileRequest &)>;

    /// The chosen paths (empty: Cancel).
    static QStringList ask(QWidget *parent, const FileRequest &request);

    static QString getOpenFileName(QWidget *parent, const QString &kind, const QString &title,
            const QString &path, const QString &filter = {});
    static QStringList getOpenFileNames(QWidget *parent, const QString &kind, const QString &title,
            const QString &path, const QString &filter = {});
    static QString getSaveFileName(QWidget *parent, const QString &kind, const QString &title,
            const QString &path, const QString &filter = {}, QFileDialog::Options options = {});

    /// Installs (or, with an empty hook, removes) the function that answers instead of a person.
    static void setTestHook(Hook hook);
    static bool hasTestHook();

    /// Installs `hook` until the end of the scope, then puts back the one before.
    class ScopedTestHook
    {
    public:
        explicit ScopedTestHook(Hook hook);
        ~ScopedTestHook();
        ScopedTestHook(const ScopedTestHook &) = delete;
        ScopedTestHook &operator=(const ScopedTestHook &) = delete;

    private:
        Hook m_previous;
    };
};

} // namespace fs::ui
