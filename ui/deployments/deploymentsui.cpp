// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentsui.h"

#include "azuretokenstore.h"
#include "deploydialog.h"
#include "deploymenthub.h"
#include "deploymentsdialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "signindialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>

namespace fs::ui {

// ---- DeploymentStatusWidget ----------------------------------------------------------------

DeploymentStatusWidget::DeploymentStatusWidget(DeploymentHub *hub, QWidget *parent)
    : QToolButton(parent)
    , m_hub(hub)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("deploymentStatusButton"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setToolTip(tr("Deployed models bill while they run: click to see them and stop them"));
    setStyleSheet(QStringLiteral("QToolButton { color: #8a4b00; font-weight: bold; }"));
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &DeploymentStatusWidget::update);
    connect(m_hub, &DeploymentHub::changed, this, &DeploymentStatusWidget::update);
    update();
}

void DeploymentStatusWidget::update()
{
    const QString text = m_hub->summaryText();
    setText(text);
    setVisible(!text.isEmpty());
    if (text.isEmpty())
        m_timer->stop();
    else if (!m_timer->isActive())
        m_timer->start();
}

// ---- DeploymentsUi -------------------------------------------------------------------------

DeploymentsUi::DeploymentsUi(MainWindow *window, DeploymentHub *hub)
    : QObject(window)
    , m_window(window)
    , m_hub(hub)
    , m_statusWidget(new DeploymentStatusWidget(hub, window))
    , m_tokens(new AzureTokenStore(window->secretStore(), window->networkAccessManager(), this))
    , m_renewTimer(new QTimer(this))
{
    keepAzureSignInsFresh();
    window->statusBar()->addPermanentWidget(m_statusWidget);
    connect(m_statusWidget, &QToolButton::clicked, this, &DeploymentsUi::showDeployments);
    addShowAction();

    connect(hub, &DeploymentHub::idleWarning, this, &DeploymentsUi::onIdleWarning);
    connect(hub, &DeploymentHub::autoStopped, this,
            [this](DeploymentManager *manager, const QString &id) {
                const auto tracked = manager->deployment(id);
                m_window->statusBar()->showMessage(
                        tr("%1 was stopped: it was not used for %2.")
                                .arg(tracked ? tracked->deployment.model : id,
                                        DeploymentManager::formatDuration(
                                                qint64(manager->idleStopMinutes()) * 60)),
                        15000);
            });
    connect(hub, &DeploymentHub::failed, this,
            [this](DeploymentManager *, const QString &, const QString &problem) {
                m_window->statusBar()->showMessage(problem, 15000);
            });
    connect(hub, &DeploymentHub::changed, this, &DeploymentsUi::finishQuitWhenStopped);
    connect(window, &MainWindow::currentAreaChanged, this, &DeploymentsUi::onAreaChanged);
    m_lastArea = window->currentArea();
    window->installEventFilter(this);
}

void DeploymentsUi::keepAzureSignInsFresh()
{
    // Azure's access tokens last about an hour: renewed before they run out while deployments
    // are followed (freshToken() renews within two minutes of the end).
    m_renewTimer->setInterval(60 * 1000);
    connect(m_renewTimer, &QTimer::timeout, this, &DeploymentsUi::renewAzureSignIns);
    m_renewTimer->start();
    connect(m_hub, &DeploymentHub::changed, this, [this] {
        for (DeploymentManager *manager : m_hub->managers()) {
            if (manager->connection().kind == Connection::Kind::Azure
                    && !m_triedSignIn.contains(manager->connection().id)) {
                renewAzureSignIns();
                return;
            }
        }
    });
}

void DeploymentsUi::addShowAction()
{
    // Next to the areas in the View menu: it is a place to look at, not a setting.
    QMenu *view = nullptr;
    for (QAction *action : m_window->menuBar()->actions()) {
        if (action->menu() && action->menu()->title() == MainWindow::tr("&View"))
            view = action->menu();
    }
    m_showAction = new QAction(tr("&Deployments…"), this);
    m_showAction->setObjectName(QStringLiteral("showDeploymentsAction"));
    m_showAction->setToolTip(tr("Deployed models, what they cost so far, and Stop"));
    connect(m_showAction, &QAction::triggered, this, &DeploymentsUi::showDeployments);
    if (view) {
        view->addSeparator();
        view->addAction(m_showAction);
    } else {
        m_window->addAction(m_showAction);
    }
}

void DeploymentsUi::onIdleWarning(DeploymentManager *manager, const QString &id, qint64 secondsLeft)
{
    const auto tracked = manager->deployment(id);
    if (!tracked)
        return;
    const QString model = tracked->deployment.model;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Deployment Not in Use"),
            tr("%1 has not been used for a while and stops by itself in %2 — it "
               "bills while it runs.")
                    .arg(model, DeploymentManager::formatDuration(secondsLeft)),
            QMessageBox::Yes | QMessageBox::No, m_window);
    box->setObjectName(QStringLiteral("idleWarningBox"));
    box->button(QMessageBox::Yes)->setText(tr("Keep It Running"));
    box->button(QMessageBox::No)->setText(tr("Stop Now"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<DeploymentManager> guard(manager);
    connect(box, &QMessageBox::finished, this, [guard, id, model](int result) {
        if (!guard)
            return;
        if (result == QMessageBox::Yes)
            guard->reportUse(model);
        else
            guard->stop(id);
    });
    box->open();
    m_window->statusBar()->showMessage(
            tr("%1 stops in %2 unless it is used.")
                    .arg(model, DeploymentManager::formatDuration(secondsLeft)),
            10000);
}

DeploymentsDialog *DeploymentsUi::deploymentsDialog()
{
    if (!m_dialog)
        m_dialog = new DeploymentsDialog(m_hub, m_window);
    return m_dialog;
}

void DeploymentsUi::showDeployments()
{
    DeploymentsDialog *dialog = deploymentsDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

DeployDialog *DeploymentsUi::offerDeploy(const Connection &connection, const QString &model)
{
    const bool azure = connection.kind == Connection::Kind::Azure;
    if (azure && !connection.azure.isComplete()) {
        MessageBox::information(
                m_window, tr("Where Is the Azure Resource?"), connection.azure.missingText());
        return nullptr;
    }
    DeploymentManager *manager = m_hub->manager(connection);
    if (!manager)
        return nullptr;
    auto *dialog = new DeployDialog(manager, model, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    if (azure)
        signInForDeploy(connection, dialog);
    return dialog;
}

void DeploymentsUi::signInForDeploy(const Connection &connection, DeployDialog *dialog)
{
    QPointer<DeployDialog> deploy(dialog);
    m_tokens->freshToken(
            connection, this, [this, connection, deploy](const AzureTokenStore::Result &result) {
                if (result.ok()) {
                    Connection signedIn = connection;
                    signedIn.azure.accessToken = result.token.accessToken;
                    m_hub->manager(signedIn);
                    return;
                }
                if (!deploy)
                    return;
                auto *signIn = new SignInDialog(m_window->networkAccessManager(),
                        connection.azure.loginRoot(connection.baseUrl),
                        connection.azure.effectiveTenant(), connection.name, deploy);
                signIn->setAttribute(Qt::WA_DeleteOnClose);
                signIn->setWindowModality(Qt::WindowModal);
                m_signInDialog = signIn;
                connect(signIn, &SignInDialog::signedIn, this,
                        [this, connection](const AzureToken &token) {
                            m_tokens->save(connection.id, token, this);
                            Connection signedIn = connection;
                            signedIn.azure.accessToken = token.accessToken;
                            m_hub->manager(signedIn);
                        });
                // Without a sign-in nothing can be deployed there: the deploy dialog closes.
                connect(signIn, &QDialog::rejected, deploy, &QDialog::reject);
                signIn->open();
            });
}

void DeploymentsUi::renewAzureSignIns()
{
    for (DeploymentManager *manager : m_hub->managers()) {
        const Connection connection = manager->connection();
        if (connection.kind != Connection::Kind::Azure || !connection.azure.isComplete())
            continue;
        // A sign-in kept from an earlier run is used at once (what runs there shows in the
        // status bar); one expiring soon is renewed. Nobody is asked to sign in here.
        if (connection.azure.accessToken.isEmpty() && m_triedSignIn.contains(connection.id))
            continue;
        m_triedSignIn.insert(connection.id);
        m_tokens->freshToken(
                connection, this, [this, connection](const AzureTokenStore::Result &result) {
                    if (!result.ok() || result.token.accessToken == connection.azure.accessToken)
                        return;
                    Connection renewed = connection;
                    renewed.azure.accessToken = result.token.accessToken;
                    m_hub->manager(renewed);
                });
    }
}

bool DeploymentsUi::askAboutRunning(bool quitting)
{
    const QList<HubDeployment> billing = m_hub->billing();
    if (billing.isEmpty())
        return true;
    MessageRequest request;
    request.icon = QMessageBox::Question;
    request.title =
            quitting ? tr("Quit While a Deployment Runs?") : tr("Leave a Deployment Running?");
    request.text = (billing.size() == 1 ? tr("A deployed model is still running and billing:")
                                        : tr("%1 deployed models are still running and billing:")
                                                  .arg(billing.size()))
            + QLatin1Char('\n') + m_hub->billingSentence();
    const int idle = m_hub->idleStopMinutes();
    request.informativeText = idle > 0
            ? tr("Stop it now? If you keep it running, it is billed until it is stopped; it "
                 "stops by itself after %1 without a chat.")
                      .arg(DeploymentManager::formatDuration(qint64(idle) * 60))
            : tr("Stop it now? If you keep it running, it is billed until you stop it.");
    request.buttons = QMessageBox::Yes | QMessageBox::No;
    if (quitting)
        request.buttons |= QMessageBox::Cancel;
    request.defaultButton = QMessageBox::Yes;
    request.buttonTexts = {
            {QMessageBox::Yes, tr("Stop It")}, {QMessageBox::No, tr("Keep It Running")}};
    const QMessageBox::StandardButton answer = MessageBox::show(m_window, request);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Yes) {
        m_hub->stopAll();
    } else {
        for (const HubDeployment &d : billing)
            m_askedOnLeaving.insert(d.tracked.deployment.id);
    }
    return true;
}

void DeploymentsUi::setPlayground(QWidget *page)
{
    m_playground = page;
}

void DeploymentsUi::onAreaChanged(int index)
{
    const int previous = m_lastArea;
    m_lastArea = index;
    if (!m_playground || previous < 0 || m_window->area(previous) != m_playground
            || m_window->area(index) == m_playground)
        return;
    bool anyNew = false;
    for (const HubDeployment &d : m_hub->billing())
        anyNew = anyNew || !m_askedOnLeaving.contains(d.tracked.deployment.id);
    if (anyNew)
        askAboutRunning(false);
}

bool DeploymentsUi::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close && !m_closeAllowed) {
        if (m_quitAfterStop) { // still waiting for the services to confirm the stop
            event->ignore();
            return true;
        }
        if (m_hub->billing().isEmpty())
            return QObject::eventFilter(watched, event);
        if (!askAboutRunning(true)) {
            event->ignore();
            return true;
        }
        // Stopping: the services must hear it before the app goes, so the window closes once
        // every stop was confirmed.
        if (!m_hub->billing().isEmpty()) {
            bool allConfirmed = true;
            for (const HubDeployment &d : m_hub->billing())
                allConfirmed = allConfirmed
                        && (!d.tracked.stopRequested
                                || d.tracked.deployment.state == Deployment::State::Stopping);
            if (!allConfirmed) {
                m_quitAfterStop = true;
                m_window->statusBar()->showMessage(tr("Stopping the deployments, then quitting…"));
                event->ignore();
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

void DeploymentsUi::finishQuitWhenStopped()
{
    if (!m_quitAfterStop)
        return;
    for (const HubDeployment &d : m_hub->billing()) {
        if (!d.tracked.stopRequested) {
            // A stop the service refused: say so and stay.
            m_quitAfterStop = false;
            m_window->statusBar()->showMessage(tr("%1 could not be stopped; the app stays open.")
                                                       .arg(d.tracked.deployment.model),
                    15000);
            return;
        }
        if (d.tracked.deployment.state != Deployment::State::Stopping)
            return;
    }
    m_quitAfterStop = false;
    m_closeAllowed = true;
    m_window->close();
    m_closeAllowed = false;
}

DeployDialog *offerDeploy(QWidget *from, DeploymentManager *manager, const Connection &connection,
        const QString &model)
{
    if (auto *deployments = from->window()->findChild<DeploymentsUi *>())
        return deployments->offerDeploy(connection, model);
    auto *dialog = new DeployDialog(manager, model, from->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

} // namespace fs::ui
