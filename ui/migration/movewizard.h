// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "migrationflow.h"
#include "migrationstore.h"

#include <QWizard>

#include <functional>

class QNetworkAccessManager;

namespace fs {
class AppSettings;
class DeploymentHub;
} // namespace fs

namespace fs::ui {

class PlaygroundConnections;

/**
 * @brief "Move to Another Service…": a guided flow from a (retiring) model to a new fine-tune
 * on another service, ending in a parity report. Pages: captured answers → check and split →
 * the new service, base model, mapped settings and price → upload and train → deploy (when the
 * new service needs it) → parity check. Every rule is core's MigrationFlow; after each step the
 * state is stored (MigrationStore, in the job history), so closing the wizard and opening it
 * again for the same model resumes where it was left.
 */
class MoveWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { CapturePage, SplitPage, TargetPage, TrainPage, DeployPage, ParityPage };

    /// `state`: a new flow (MigrationFlow::begin) or one read back from the store. None of the
    /// pointers is owned; `hub` may be null when no target needs a deployment.
    MoveWizard(const MigrationState &state, PlaygroundConnections *connections, DeploymentHub *hub,
            QWidget *parent = nullptr);
    ~MoveWizard() override;

    /// Where the state is kept (default: the job history file); call before show().
    void setStorePath(const QString &path);
    /// The user's prices (the price table) for the estimate; null: the defaults.
    void setSettings(AppSettings *settings) { m_settings = settings; }
    /// Offers "Capture Now…" on the first page, calling `handler` (which calls
    /// useCaptureFile() when the capture is done).
    void setCaptureHandler(std::function<void(MoveWizard *)> handler);

    /// Offers "Manage Connections…" on the target page when no connection of another service
    /// exists (the main window's connections dialog).
    void setManageConnectionsHandler(std::function<void()> handler);
    std::function<void()> manageConnectionsHandler() const { return m_manageConnectionsHandler; }

    const MigrationState &state() const { return m_state; }
    MigrationState *mutableState() { return &m_state; }
    PlaygroundConnections *connections() const { return m_connections; }
    DeploymentHub *deployments() const { return m_hub; }
    QNetworkAccessManager *networkAccessManager() const;
    AppSettings *settings() const { return m_settings; }
    std::function<void(MoveWizard *)> captureHandler() const { return m_captureHandler; }

    /// Puts a finished capture into the first page (and goes on when it is shown).
    void useCaptureFile(const QString &path);
    /// Stores the state now (each page does after its step). False with a message shown.
    bool saveState();
    /// The page to open at for `state` (MigrationFlow::resumeStep).
    static int pageFor(const MigrationState &state);

Q_SIGNALS:
    void captureFileChosen(const QString &path);

private:
    MigrationState m_state;
    MigrationStore m_store;
    QString m_storePath;
    bool m_storeOpen = false;
    PlaygroundConnections *m_connections;
    DeploymentHub *m_hub;
    AppSettings *m_settings = nullptr;
    std::function<void(MoveWizard *)> m_captureHandler;
    std::function<void()> m_manageConnectionsHandler;
};

} // namespace fs::ui
