// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace fs::ui {

/// What a one-line text question would have asked; handed to the test hook instead.
struct TextRequest
{
    QString title;
    QString label;
    QString text; ///< what the field starts with
};

/**
 * @brief The one way this app asks for a line of text (like MessageBox and FileDialog).
 *
 * Tests install a hook that answers instead of a person, so no GUI test can hang on the modal
 * dialog.
 */
class TextInput
{
public:
    /// The answer; nullopt: Cancel.
    using Hook = std::function<std::optional<QString>(const TextRequest &)>;

    /// The text typed (nullopt: Cancel).
    static std::optional<QString> ask(QWidget *parent, const TextRequest &request);

    /// Installs (or, with an empty hook, removes) the function that answers instead of a person.
    static void setTestHook(Hook hook);
    static bool hasTestHook();
};

} // namespace fs::ui
