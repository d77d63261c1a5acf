// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingspanel.h"

#include "datasetdocument.h"
#include "lintfixer.h"
#include "lintrunner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fs::ui {

namespace {
enum Column { LineColumn, MessageColumn, CodeColumn, FixColumn };
constexpr int kFindingIndexRole = Qt::UserRole + 1;
constexpr int kMaximumFixButtons = 300;
constexpr int kTextMargins = 12; // left and right of a cell's text, together

/// Rows as tall as their problem text needs when it wraps at the column's width.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize hint = QStyledItemDelegate::sizeHint(option, index);
        const int width = m_view->header()->sectionSize(index.column()) - kTextMargins;
        if (width <= 0)
            return hint;
        const QRect text = option.fontMetrics.boundingRect(
                QRect(0, 0, width, 100000), Qt::TextWordWrap, index.data().toString());
        hint.setHeight(qMax(hint.height(), text.height() + 8));
        return hint;
    }

private:
    QTreeView *m_view;
};
} // namespace

FindingsPanel::FindingsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("findingsPanel"));
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("findingsSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_treeWidget = new QTreeWidget(this);
    m_treeWidget->setObjectName(QStringLiteral("findingsTreeWidget"));
    m_treeWidget->setAccessibleName(tr("Problems"));
    m_treeWidget->setRootIsDecorated(false);
    // A problem's text wraps and its row grows to hold it (Japanese sentences are long).
    m_treeWidget->setUniformRowHeights(false);
    m_treeWidget->setWordWrap(true);
    m_treeWidget->setTextElideMode(Qt::ElideNone);
    m_treeWidget->setItemDelegateForColumn(MessageColumn, new WrappingDelegate(m_treeWidget));
    m_treeWidget->setHeaderLabels({tr("Example"), tr("Problem"), tr("Code"), QString()});
    m_treeWidget->header()->setSectionResizeMode(LineColumn, QHeaderView::ResizeToContents);
    m_treeWidget->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    m_treeWidget->header()->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);
    m_treeWidget->header()->setSectionResizeMode(FixColumn, QHeaderView::ResizeToContents);
    m_treeWidget->header()->setStretchLastSection(false);
    // Rows take their height from the problem column's width: measure again when it changes.
    connect(m_treeWidget->header(), &QHeaderView::sectionResized, this,
            [this](int section, int oldSize, int newSize) {
                if (section == MessageColumn && oldSize != newSize)
                    QTimer::singleShot(0, m_treeWidget, &QTreeWidget::doItemsLayout);
            });
    // The code is for looking things up; where the list is narrow the problem text needs the
    // room more, and the code moves into the problem's tooltip.
    m_treeWidget->installEventFilter(this);
    connect(m_treeWidget, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { onCurrentItemChanged(item); });
    connect(m_treeWidget, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { onCurrentItemChanged(item); });
    m_fixButton = new QPushButton(tr("Fix"), this);
    m_fixButton->setObjectName(QStringLiteral("fixSelectedPushButton"));
    m_fixButton->setEnabled(false);
    connect(m_treeWidget, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const int i = item ? item->data(0, kFindingIndexRole).toInt() : -1;
        const bool fixable = i >= 0 && i < m_shown.size() && LintFixer::canFix(m_shown.at(i));
        m_fixButton->setEnabled(fixable);
        m_fixButton->setText(fixable ? LintFixer::label(m_shown.at(i)) : tr("Fix"));
    });
    connect(m_fixButton, &QPushButton::clicked, this, [this] {
        QTreeWidgetItem *item = m_treeWidget->currentItem();
        const int i = item ? item->data(0, kFindingIndexRole).toInt() : -1;
        if (i >= 0 && i < m_shown.size())
            Q_EMIT fixRequested(m_shown.at(i));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_treeWidget, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_fixButton);
    layout->addLayout(buttons);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(150); // typing re-lints at every key: rebuild the list calmly
    connect(m_refreshTimer, &QTimer::timeout, this, &FindingsPanel::refresh);
    refresh();
}

void FindingsPanel::setRunner(LintRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (m_runner) {
        connect(m_runner, &LintRunner::findingsChanged, m_refreshTimer,
                qOverload<>(&QTimer::start));
        // The end of a run already applies every example's counts in this event: the list
        // (hundreds of rows and fix buttons) is built in a later one, not in the same stall.
        connect(m_runner, &LintRunner::finished, this,
                [this] { QTimer::singleShot(1, this, &FindingsPanel::refresh); });
    }
    refresh();
}

void FindingsPanel::refresh()
{
    m_refreshTimer->stop();
    // Only what the list shows is collected: a big file can have hundreds of thousands.
    m_shown = m_runner ? m_runner->allFindings(kMaximumShown) : LintFindings();
    m_treeWidget->clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const int rowHeight = QPushButton(tr("Fix")).sizeHint().height();
    QList<QTreeWidgetItem *> items;
    items.reserve(m_shown.size());
    for (int i = 0; i < m_shown.size(); ++i) {
        const LintFinding &finding = m_shown.at(i);
        auto *item = new QTreeWidgetItem;
        item->setIcon(LineColumn, finding.isError() ? errorIcon : warningIcon);
        item->setText(LineColumn, finding.line > 0 ? QString::number(finding.line) : tr("File"));
        item->setToolTip(LineColumn,
                finding.isError() ? tr("Error: the service will refuse the file")
                                  : tr("Warning: worth a look"));
        item->setText(MessageColumn, finding.message);
        item->setToolTip(
                MessageColumn, QStringLiteral("%1 (%2)").arg(finding.message, finding.code));
        item->setText(CodeColumn, finding.code);
        // Every row as tall as one with a Fix button, so icons, texts and buttons line up.
        item->setSizeHint(LineColumn, QSize(0, rowHeight));
        item->setData(0, kFindingIndexRole, i);
        items << item;
    }
    m_treeWidget->addTopLevelItems(items);
    int buttons = 0;
    for (int i = 0; i < m_shown.size() && buttons < kMaximumFixButtons; ++i) {
        if (!LintFixer::canFix(m_shown.at(i)))
            continue;
        auto *button = new QPushButton(tr("Fix"));
        button->setObjectName(QStringLiteral("fixPushButton"));
        button->setToolTip(LintFixer::label(m_shown.at(i)));
        const LintFinding finding = m_shown.at(i);
        connect(button, &QPushButton::clicked, this,
                [this, finding] { Q_EMIT fixRequested(finding); });
        m_treeWidget->setItemWidget(items.at(i), FixColumn, button);
        ++buttons;
    }
    const int errors = m_runner ? m_runner->errorCount() : 0;
    const int warnings = m_runner ? m_runner->warningCount() : 0;
    QString summary;
    if (!m_runner || (errors == 0 && warnings == 0)) {
        summary = m_runner && m_runner->isRunning() ? tr("Checking the examples…")
                                                    : tr("No problems found.");
    } else {
        summary = tr("Errors: %1, warnings: %2")
                          .arg(QLocale().toString(errors), QLocale().toString(warnings));
        if (errors + warnings > m_shown.size())
            summary += QLatin1Char(' ')
                    + tr("(showing the first %1)").arg(QLocale().toString(int(m_shown.size())));
        if (errors > 0)
            summary += QLatin1Char('\n')
                    + tr("Errors must be fixed before the file can be used for training.");
    }
    m_summaryLabel->setText(summary);
}

bool FindingsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_treeWidget && event->type() == QEvent::Resize)
        m_treeWidget->setColumnHidden(CodeColumn, m_treeWidget->width() < kWidthForCodes);
    return QWidget::eventFilter(watched, event);
}

void FindingsPanel::onCurrentItemChanged(QTreeWidgetItem *item)
{
    const int i = item ? item->data(0, kFindingIndexRole).toInt() : -1;
    if (i < 0 || i >= m_shown.size())
        return;
    const LintFinding &finding = m_shown.at(i);
    Q_EMIT jumpRequested(finding.line - 1, finding.messageIndex);
}

} // namespace fs::ui
