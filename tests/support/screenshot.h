// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one place UI tests make pictures of what they show, to look at by eye: written only when
// FS_SCREENSHOT_DIR is set (as DIR/NAME.png, the layout settled first), so a test run writes
// nothing outside its own temporary folders.

#include <QColor>
#include <QCoreApplication>
#include <QDir>
#include <QPainter>
#include <QPixmap>
#include <QString>
#include <QWidget>

namespace fs::test {

/// The folder pictures go to (FS_SCREENSHOT_DIR), empty when none was asked for.
inline QString screenshotDir()
{
    return qEnvironmentVariable("FS_SCREENSHOT_DIR");
}

namespace detail {

/// Lets pending layout and paint requests run, so the picture shows the settled layout.
inline void settle()
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

inline void drawOver(QPixmap *canvas, const QPixmap &top, bool dim)
{
    QPainter painter(canvas);
    if (dim)
        painter.fillRect(canvas->rect(), QColor(0, 0, 0, 60));
    painter.drawPixmap(
            (canvas->width() - top.width()) / 2, (canvas->height() - top.height()) / 3, top);
}

/// DIR/NAME.png with the layout settled, or empty when no pictures were asked for.
inline QString picturePath(const QString &name)
{
    const QString dir = screenshotDir();
    if (dir.isEmpty())
        return {};
    settle();
    return QDir(dir).filePath(name + QStringLiteral(".png"));
}

} // namespace detail

/// Saves what `widget` shows as DIR/NAME.png when FS_SCREENSHOT_DIR is set.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    if (const QString path = detail::picturePath(name); !path.isEmpty())
        widget->grab().save(path);
}

/// The window dimmed with `dialog` drawn over it, as a person sees both.
inline void saveScreenshotOver(QWidget *window, QWidget *dialog, const QString &name)
{
    if (const QString path = detail::picturePath(name); !path.isEmpty()) {
        QPixmap canvas = window->grab();
        detail::drawOver(&canvas, dialog->grab(), true);
        canvas.save(path);
    }
}

/// The window with `child` (e.g. a floating dock) drawn where it sits on the screen.
inline void saveScreenshotWith(QWidget *window, QWidget *child, const QString &name)
{
    if (const QString path = detail::picturePath(name); !path.isEmpty()) {
        QPixmap canvas = window->grab();
        QPainter painter(&canvas);
        painter.drawPixmap(
                child->geometry().topLeft() - window->geometry().topLeft(), child->grab());
        painter.end();
        canvas.save(path);
    }
}

} // namespace fs::test
