// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"
#include "signindialog.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QToolButton>

class QAction;
class QTimer;

namespace fs {
class AzureTokenStore;
class DeploymentHub;
class DeploymentManager;
} // namespace fs

namespace fs::ui {

class DeployDialog;
class DeploymentsDialog;

class MainWindow;

/// The status bar's line while anything is deployed: how many run and what they cost so far.
/// Hidden when nothing bills; a click opens the Deployments list.
class DeploymentStatusWidget : public QToolButton
{
    Q_OBJECT
public:
    explicit DeploymentStatusWidget(fs::DeploymentHub *hub, QWidget *parent = nullptr);
    void update();

private:
    fs::DeploymentHub *m_hub;
    QTimer *m_timer;
};

/**
 * @brief Deployments in the main window: the status bar line, View → Deployments…, "Deploy to
 * try it" for any area, the idle warning, and the questions before leaving the Playground or
 * quitting while something bills. Shows and forwards; the rules are DeploymentHub's.
 */
class DeploymentsUi : public QObject
{
    Q_OBJECT
public:
    /// Installs itself on `window` (status bar, View menu, close question). `hub` not owned.
    DeploymentsUi(MainWindow *window, fs::DeploymentHub *hub);

    fs::DeploymentHub *hub() const { return m_hub; }
    DeploymentStatusWidget *statusWidget() const { return m_statusWidget; }
    QAction *showAction() const { return m_showAction; }
    /// The Deployments list (made on first use; kept).
    DeploymentsDialog *deploymentsDialog();
    void showDeployments();
    /// "Deploy to try it" for `model` on `connection` (window-modal, returns at once); null when
    /// the connection's service has no deployments. On Azure the Microsoft sign-in comes first
    /// when there is none kept (signInDialog() while it shows), and nothing opens while the
    /// connection lacks its management details (a message says which).
    DeployDialog *offerDeploy(const fs::Connection &connection, const QString &model);
    /// The Microsoft sign-in showing now, else null.
    SignInDialog *signInDialog() const { return m_signInDialog; }
    fs::AzureTokenStore *azureTokens() const { return m_tokens; }
    /// Asks the leaving (or quitting) question while something bills: stop it, keep it
    /// running, or (quitting only) cancel. False: stay.
    bool askAboutRunning(bool quitting);
    /// The Playground's page: leaving it while something bills asks once per deployment.
    void setPlayground(QWidget *page);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Renews Azure sign-ins while deployments are followed.
    void keepAzureSignInsFresh();
    /// View > Deployments…
    void addShowAction();
    /// Asks whether a deployment nobody used lately keeps running.
    void onIdleWarning(fs::DeploymentManager *manager, const QString &id, qint64 secondsLeft);
    void onAreaChanged(int index);
    /// Azure: a valid token on the deploy dialog's manager, signing in first when needed.
    void signInForDeploy(const fs::Connection &connection, DeployDialog *dialog);
    void renewAzureSignIns();
    void finishQuitWhenStopped();

    MainWindow *m_window;
    fs::DeploymentHub *m_hub;
    DeploymentStatusWidget *m_statusWidget;
    QAction *m_showAction;
    QPointer<DeploymentsDialog> m_dialog;
    QPointer<QWidget> m_playground;
    int m_lastArea = -1;
    QSet<QString> m_askedOnLeaving; ///< deployments the person chose to keep running
    bool m_quitAfterStop = false;
    bool m_closeAllowed = false;
    fs::AzureTokenStore *m_tokens;
    QPointer<SignInDialog> m_signInDialog;
    QTimer *m_renewTimer; ///< keeps Azure sign-ins of connections with deployments fresh
    QSet<QString> m_triedSignIn; ///< Azure connections whose kept sign-in was looked for
};

/// "Deploy to try it" from a widget of the window: through the window's DeploymentsUi (which
/// signs in to Azure first), or a plain DeployDialog on `manager` when the window has none.
/// Null when nothing opened.
DeployDialog *offerDeploy(QWidget *from, fs::DeploymentManager *manager,
        const fs::Connection &connection, const QString &model);

} // namespace fs::ui
