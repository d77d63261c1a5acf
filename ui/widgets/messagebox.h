// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QMessageBox>
#include <QString>
#include <functional>

class QWidget;

namespace fs::ui {

/// What a message box would have shown; handed to the test hook instead of showing it.
struct MessageRequest
{
    QMessageBox::Icon icon = QMessageBox::Information;
    QString title;
    QString text;
    QString informativeText;
    QMessageBox::StandardButtons buttons = QMessageBox::Ok;
    QMessageBox::StandardButton defaultButton = QMessageBox::NoButton;
    /// Words for buttons instead of the standard ones ("Stop It" for Yes), where given.
    QMap<QMessageBox::StandardButton, QString> buttonTexts;
};

/**
 * @brief The one way this app shows modal message boxes.
 *
 * Tests install a hook that answers instead of a person, so no GUI test can hang on a modal
 * dialog. With the environment variable FS_MESSAGEBOX_AUTOANSWER set (used by the smoke test),
 * every box is answered with its default button and its text printed to stderr.
 */
class MessageBox
{
public:
    using Hook = std::function<QMessageBox::StandardButton(const MessageRequest &)>;

    static QMessageBox::StandardButton show(QWidget *parent, const MessageRequest &request);

    static void information(QWidget *parent, const QString &title, const QString &text,
            const QString &informativeText = {});
    static void warning(QWidget *parent, const QString &title, const QString &text,
            const QString &informativeText = {});
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title,
            const QString &text,
            QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
            QMessageBox::StandardButton defaultButton = QMessageBox::NoButton,
            const QString &informativeText = {});

    /// Installs (or, with an empty hook, removes) the function that answers instead of a person.
    static void setTestHook(Hook hook);
    static bool hasTestHook();
};

} // namespace fs::ui
