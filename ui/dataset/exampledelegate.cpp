// SPDX-License-Identifier: GPL-3.0-or-later
#include "exampledelegate.h"

#include "datasetdocument.h"
#include "examplesmodel.h"

#include <QApplication>
#include <QPainter>

namespace fs::ui {

namespace {

/// A rounded badge with a number; returns its width.
int paintBadge(QPainter *painter, const QRect &cell, int x, int count, const QColor &color)
{
    const QString text = QString::number(count);
    const QFontMetrics metrics(painter->font());
    const int height = qMin(cell.height() - 4, metrics.height() + 2);
    const int width = qMax(height, metrics.horizontalAdvance(text) + 10);
    const QRect badge(x, cell.center().y() - height / 2, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
    return width;
}

} // namespace

void ExampleDelegate::paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == ExamplesModel::TokensColumn
            && index.data(ExamplesModel::OverLimitRole).toBool()) {
        QStyleOptionViewItem over(option);
        initStyleOption(&over, index);
        over.palette.setColor(QPalette::Text, errorColor());
        over.font.setBold(true);
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &over, painter, over.widget);
        return;
    }
    if (index.column() != ExamplesModel::IssuesColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's background (selection) without its text; the badges replace the text.
    QStyleOptionViewItem background(option);
    initStyleOption(&background, index);
    background.text.clear();
    QApplication::style()->drawControl(
            QStyle::CE_ItemViewItem, &background, painter, background.widget);
    const int errors = index.data(ExamplesModel::ErrorsRole).toInt();
    const int warnings = index.data(ExamplesModel::WarningsRole).toInt();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setBold(true);
    painter->setFont(font);
    int x = option.rect.left() + 4;
    if (errors > 0)
        x += paintBadge(painter, option.rect, x, errors, errorColor()) + 4;
    if (warnings > 0)
        paintBadge(painter, option.rect, x, warnings, warningColor());
    painter->restore();
}

QSize ExampleDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == ExamplesModel::IssuesColumn)
        size.setWidth(qMax(size.width(), 72));
    return size;
}

} // namespace fs::ui
