// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace fs {
class DeploymentHub;
class DeploymentListModel;
} // namespace fs

namespace fs::ui {

/**
 * @brief The Deployments list: what runs on every connection (state, model, hardware, price
 * per hour, running for, cost so far), Stop, and the idle auto-stop setting.
 */
class DeploymentsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DeploymentsDialog(fs::DeploymentHub *hub, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    fs::DeploymentListModel *model() const { return m_model; }
    QPushButton *stopButton() const { return m_stopButton; }
    QSpinBox *idleSpinBox() const { return m_idleSpinBox; }
    QLabel *summaryLabel() const { return m_summaryLabel; }

    /// Stops the selected deployment.
    void stopSelected();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateState();

    fs::DeploymentHub *m_hub;
    fs::DeploymentListModel *m_model;
    QTableView *m_view;
    QLabel *m_summaryLabel;
    QPushButton *m_stopButton;
    QPushButton *m_refreshButton;
    QSpinBox *m_idleSpinBox;
    QTimer *m_timer;
};

} // namespace fs::ui
