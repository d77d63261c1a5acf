// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

namespace fs {
class DeploymentHub;
}

namespace fs::ui {

class MainWindow;
class MoveWizard;
class ParityDialog;
class PlaygroundArea;

/**
 * @brief Where the move and the parity check are opened from: Tools → "Move to Another
 * Service…" and "Parity Check…", and a "Parity Check…" button beside the Playground's tabs.
 * keepBehaviour() is the retirement banner's action.
 */
class MoveUi : public QObject
{
    Q_OBJECT
public:
    MoveUi(MainWindow *window, PlaygroundArea *playground, DeploymentHub *hub);

    /// "Other Sources…" on the wizard's first page (e.g. the CaptureDialog: Playground history,
    /// a pasted list); the handler calls MoveWizard::useCaptureFile() with the capture made.
    void setCaptureHandler(std::function<void(MoveWizard *)> handler)
    {
        m_captureHandler = std::move(handler);
    }
    /// Where flows are kept (tests; default: the job history file).
    void setStorePath(const QString &path) { m_storePath = path; }
    MoveWizard *wizard() const;
    ParityDialog *parityDialog() const;

public Q_SLOTS:
    /// "Keep this model's behaviour…": opens the move wizard for `modelId` on the connection
    /// named `connectionName` (empty or unknown: the active connection), resuming an unfinished
    /// move of the same model where it was left.
    void keepBehaviour(const QString &modelId, const QString &connectionName);
    /// The same by connection id.
    void startMove(const QString &connectionId, const QString &modelId);
    /// Tools → Move to Another Service…: the newest fine-tuned model of the active connection.
    void moveActiveModel();
    /// The Playground's "Parity Check…" between any two models.
    void openParityCheck();

private:
    MainWindow *m_window;
    PlaygroundArea *m_playground;
    DeploymentHub *m_hub;
    QString m_storePath;
    std::function<void(MoveWizard *)> m_captureHandler;
    QPointer<MoveWizard> m_wizard;
    QPointer<ParityDialog> m_parity;
};

} // namespace fs::ui
