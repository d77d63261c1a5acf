// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatuswidget.h"

#include "activeconnection.h"
#include "simulation.h"

#include <QPainter>
#include <QPixmap>

namespace fs::ui {

QColor stateColor(bool settled, const ConnectionCheck &check)
{
    if (!settled)
        return QColor(0x9e, 0x9e, 0x9e);
    if (check.ok())
        return QColor(0x2e, 0x7d, 0x32);
    // The server answered but refused: something the user can fix in the settings.
    if (check.reachable())
        return QColor(0xef, 0x8f, 0x00);
    return QColor(0xc6, 0x28, 0x28);
}

QIcon dotIcon(const QColor &color, int size)
{
    QPixmap pixmap(size * 2, size * 2); // drawn at 2x so it stays round on high-DPI screens
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.0, 1.0, size - 2.0, size - 2.0));
    return QIcon(pixmap);
}

ConnectionStatusWidget::ConnectionStatusWidget(ActiveConnection *active, QWidget *parent)
    : QToolButton(parent)
    , m_active(active)
{
    setObjectName(QStringLiteral("connectionStatusWidget"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    setFocusPolicy(Qt::TabFocus);
    setCursor(Qt::PointingHandCursor);
    connect(m_active, &ActiveConnection::connectionChanged, this,
            &ConnectionStatusWidget::updateView);
    connect(m_active, &ActiveConnection::stateChanged, this, &ConnectionStatusWidget::updateView);
    updateView();
}

void ConnectionStatusWidget::updateView()
{
    m_color = stateColor(m_active->isSettled(), m_active->check());
    setIcon(dotIcon(m_color));
    const Connection &connection = m_active->connection();
    QString tip = m_active->message();
    if (isSimulated(connection)) {
        // Said in plain words: nothing on the sandbox is really trained or billed.
        //: Status bar for the built-in sandbox: its name, then its state, e.g.
        //: "Sandbox (practice, simulated): Connected"
        setText(tr("%1 (practice, simulated): %2").arg(connection.name, m_active->shortText()));
        tip += QLatin1Char('\n')
                + tr("The built-in practice service runs on this computer, costs nothing and "
                     "only pretends to train.");
    } else {
        //: Status bar: connection name, then its state, e.g. "My OpenAI: Connected"
        setText(tr("%1: %2").arg(connection.name, m_active->shortText()));
    }
    setToolTip(tip + QLatin1Char('\n') + tr("Click to manage connections."));
    setAccessibleName(text());
}

} // namespace fs::ui
