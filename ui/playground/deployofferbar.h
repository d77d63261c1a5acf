// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modeltarget.h"

#include <QFrame>
#include <QList>

class QLabel;
class QPushButton;

namespace fs::ui {

class PlaygroundConnections;

/**
 * @brief The line a Playground page shows when a model it would ask must be deployed first:
 * the sentence and "Deploy to Try It…" (the same dialog as the Side by Side panes). Hidden
 * otherwise. Routing itself is core's (DeploymentHub::route()).
 */
class DeployOfferBar : public QFrame
{
    Q_OBJECT
public:
    explicit DeployOfferBar(PlaygroundConnections *connections, QWidget *parent = nullptr);

    /// Points every target at its running deployment where one is needed. True when all can
    /// be asked; else the bar shows why (the first model that cannot) and false: send nothing.
    bool route(QList<ModelTarget> *targets);
    /// The same for one target.
    bool route(ModelTarget *target);

    QLabel *label() const { return m_label; }
    QPushButton *deployButton() const { return m_button; }

Q_SIGNALS:
    /// The offered model runs now: asking again reaches it.
    void deployed();

private:
    void deploy();

    PlaygroundConnections *m_connections;
    ModelTarget m_offered;
    QLabel *m_label;
    QPushButton *m_button;
};

} // namespace fs::ui
