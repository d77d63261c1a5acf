// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QSettings;

namespace fs {

/**
 * @brief What the app shows a person once: the welcome on the very first start.
 *
 * Remembered in the settings (key welcomeShownKey()), so a new user sees it once and a test
 * with its own settings file decides for itself.
 */
class FirstStart
{
public:
    static QString welcomeShownKey() { return QStringLiteral("welcome/shown"); }
    /// True until markWelcomeShown() was called on these settings.
    static bool shouldShowWelcome(const QSettings &settings);
    static void markWelcomeShown(QSettings &settings);
};

} // namespace fs
