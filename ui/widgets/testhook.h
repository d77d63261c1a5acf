// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace fs::ui {

/// Where a dialog wrapper (FileDialog, TextInput) keeps the function that answers instead of a
/// person in tests: one per hook type, empty until a test installs one.
template<typename Hook>
Hook &testHookOf()
{
    static Hook hook;
    return hook;
}

} // namespace fs::ui
