// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lintfinding.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace fs {
class LintRunner;
}

namespace fs::ui {

/**
 * @brief The linter's findings: severity, example number, plain message and code. Clicking one
 * jumps to the example and message; findings with an obvious fix get a "Fix" button.
 */
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    /// Rows shown at most (a broken 100,000-line file would otherwise build a huge list).
    static constexpr int kMaximumShown = 2000;
    /// Narrower than this, the list hides its Code column (the code stays in the tooltip).
    static constexpr int kWidthForCodes = 560;

    explicit FindingsPanel(QWidget *parent = nullptr);

    void setRunner(LintRunner *runner);
    QTreeWidget *treeWidget() const { return m_treeWidget; }
    LintFindings shownFindings() const { return m_shown; }
    /// Rebuilds the list now (normally it follows the runner with a short delay).
    void refresh();

Q_SIGNALS:
    /// row = finding.line - 1 (-1 for the whole file), messageIndex as the linter numbers it.
    void jumpRequested(int row, int messageIndex);
    void fixRequested(const fs::LintFinding &finding);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCurrentItemChanged(QTreeWidgetItem *item);

    QPointer<LintRunner> m_runner;
    QTreeWidget *m_treeWidget;
    QLabel *m_summaryLabel;
    QPushButton *m_fixButton;
    QTimer *m_refreshTimer;
    LintFindings m_shown;
};

} // namespace fs::ui
