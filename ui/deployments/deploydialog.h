// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTimer;

namespace fs {
class DeploymentManager;
}

namespace fs::ui {

/**
 * @brief "Deploy to try it": choose the hardware a fine-tuned model runs on (with its price per
 * hour), start it and watch it come up (state, time waited). Closes with accept() once it runs,
 * so the caller can use it; closing earlier leaves it coming up (the status bar shows it).
 */
class DeployDialog : public QDialog
{
    Q_OBJECT
public:
    DeployDialog(fs::DeploymentManager *manager, const QString &model, QWidget *parent = nullptr);

    QString model() const { return m_model; }
    QString deploymentId() const { return m_deploymentId; }
    QListWidget *hardwareList() const { return m_hardwareList; }
    QPushButton *startButton() const { return m_startButton; }
    QLabel *statusLabel() const { return m_statusLabel; }
    /// Says which prices are the app's estimates and where the real ones are; hidden when none.
    QLabel *priceNoteLabel() const { return m_priceNoteLabel; }
    QLabel *problemLabel() const { return m_problemLabel; }

Q_SIGNALS:
    /// The deployment runs: chats can go to the model now.
    void deploymentReady(const QString &model);

private:
    /// What deploying costs on `service` and how it ends (hardware billed by the minute, or
    /// Azure's deployment types when `fixedTypes`).
    QString introText(const QString &service, bool fixedTypes) const;
    /// The status line, the busy bar and the problem line, hidden until needed.
    void buildStatusParts();
    void buildButtons();
    /// Follows the manager: hardware read, deployment started, changed or failed.
    void followManager();
    void showHardware(const QList<fs::HardwareOption> &hardware);
    void start();
    void showProblem(const QString &problem);
    void updateStatus();
    void updateButtons();

    QPointer<fs::DeploymentManager> m_manager;
    QString m_model;
    QString m_deploymentId;
    QList<fs::HardwareOption> m_hardware;
    QLabel *m_introLabel;
    QListWidget *m_hardwareList;
    QLabel *m_priceNoteLabel;
    QLabel *m_statusLabel;
    QProgressBar *m_progressBar;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_startButton;
    QTimer *m_timer;
    bool m_starting = false;
};

} // namespace fs::ui
