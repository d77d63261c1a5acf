// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace fs::ui {

/// Paints the examples list's problem badges (red for errors, amber for warnings) and marks
/// token counts over the model's limit.
class ExampleDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
            const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor errorColor() { return QColor(0xc6, 0x28, 0x28); }
    static QColor warningColor() { return QColor(0xe0, 0x8e, 0x00); }
};

} // namespace fs::ui
