// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectiontester.h"

#include <QColor>
#include <QIcon>
#include <QToolButton>

namespace fs {
class ActiveConnection;
}

namespace fs::ui {

/// The colour of the state dot: green connected, grey checking, amber refused, red unreachable.
QColor stateColor(bool settled, const ConnectionCheck &check);
/// A round dot of `color` for labels and buttons.
QIcon dotIcon(const QColor &color, int size = 12);

/**
 * @brief Status-bar button: a coloured dot, the active connection's name and its state.
 * Clicking it (or Enter while focused) emits clicked(); the main window opens the dialog.
 */
class ConnectionStatusWidget : public QToolButton
{
    Q_OBJECT
public:
    explicit ConnectionStatusWidget(ActiveConnection *active, QWidget *parent = nullptr);

    /// The colour of the dot now shown (for tests).
    QColor dotColor() const { return m_color; }

private:
    void updateView();

    ActiveConnection *m_active;
    QColor m_color;
};

} // namespace fs::ui
