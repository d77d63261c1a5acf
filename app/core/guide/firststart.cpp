// SPDX-License-Identifier: GPL-3.0-or-later
#include "firststart.h"

#include <QSettings>

namespace fs {

bool FirstStart::shouldShowWelcome(const QSettings &settings)
{
    return !settings.value(welcomeShownKey(), false).toBool();
}

void FirstStart::markWelcomeShown(QSettings &settings)
{
    settings.setValue(welcomeShownKey(), true);
}

} // namespace fs
