// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace fs {

/// Sets the organisation and application names (and version) that decide where the app keeps
/// its settings and data (~/.config/FinetuneStudio, ~/.local/share/FinetuneStudio/…). The app
/// and every helper that must find the same files call it first.
void setAppIdentity();

} // namespace fs
