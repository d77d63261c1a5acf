// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace fs::ui {

/**
 * @brief Keeps the mouse wheel scrolling the panel, not changing a value under the pointer.
 * A combo box or spin box inside a scrollable panel takes focus only by click or Tab
 * (Qt::StrongFocus) and ignores wheel events until it has focus; the panel scrolls instead.
 */
void guardWheel(QWidget *field);

/// guardWheel() on every combo box and spin box inside `panel`.
void guardWheelInside(QWidget *panel);

} // namespace fs::ui
