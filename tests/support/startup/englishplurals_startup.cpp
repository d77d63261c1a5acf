// SPDX-License-Identifier: GPL-3.0-or-later
// Linked into every test: English plurals for "%n" texts, as the app installs them at start.
#include "englishplurals.h"

#include <QCoreApplication>

namespace {

void installEnglishPlurals()
{
    fs::EnglishPlurals::install();
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglishPlurals)
