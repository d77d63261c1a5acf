// SPDX-License-Identifier: GPL-3.0-or-later
#include "moveui.h"

#include "activeconnection.h"
#include "connectionstore.h"
#include "jobhistory.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "migrationstore.h"
#include "movewizard.h"
#include "paritydialog.h"
#include "playgroundarea.h"
#include "playgroundconnections.h"

#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>

namespace fs::ui {

MoveUi::MoveUi(MainWindow *window, PlaygroundArea *playground, DeploymentHub *hub)
    : QObject(window)
    , m_window(window)
    , m_playground(playground)
    , m_hub(hub)
{
    setObjectName(QStringLiteral("moveUi"));
    auto *tools = new QMenu(tr("&Tools"), window);
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction *move =
            tools->addAction(tr("&Move to Another Service…"), this, &MoveUi::moveActiveModel);
    move->setObjectName(QStringLiteral("moveAction"));
    QAction *parity = tools->addAction(tr("&Parity Check…"), this, &MoveUi::openParityCheck);
    parity->setObjectName(QStringLiteral("parityAction"));
    window->menuBar()->insertMenu(window->helpMenu()->menuAction(), tools);
    if (playground) {
        auto *button = new QPushButton(tr("Parity Check…"));
        button->setObjectName(QStringLiteral("playgroundParityButton"));
        button->setToolTip(tr("Is one model as good as another? Compare them on your prompts."));
        connect(button, &QPushButton::clicked, this, &MoveUi::openParityCheck);
        playground->addCornerButton(button);
    }
}

MoveWizard *MoveUi::wizard() const
{
    return m_wizard;
}

ParityDialog *MoveUi::parityDialog() const
{
    return m_parity;
}

void MoveUi::keepBehaviour(const QString &modelId, const QString &connectionName)
{
    const QList<Connection> connections = m_window->connectionStore()->connections();
    for (const Connection &connection : connections) {
        if (connection.name == connectionName) {
            startMove(connection.id, modelId);
            return;
        }
    }
    startMove(m_window->activeConnection()->connection().id, modelId);
}

void MoveUi::startMove(const QString &connectionId, const QString &modelId)
{
    if (!m_playground)
        return;
    if (m_wizard)
        m_wizard->close();
    const std::optional<Connection> source = m_window->connectionStore()->connection(connectionId);
    if (!source)
        return;
    MigrationStore store;
    std::optional<MigrationState> state;
    if (store.open(m_storePath))
        state = store.unfinishedFor(modelId);
    if (!state) {
        // The settings the old model was trained with, when its job is in the history.
        std::optional<FineTuningJob> job;
        JobHistory history(connectionId);
        if (history.open()) {
            const QList<FineTuningJob> jobs = history.jobs();
            for (const FineTuningJob &candidate : jobs) {
                if (candidate.fineTunedModel == modelId)
                    job = candidate;
            }
        }
        state = MigrationFlow::begin(connectionId, source->providerKind(), modelId, job);
    }
    m_wizard = new MoveWizard(*state, m_playground->connections(), m_hub, m_window);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard->setStorePath(m_storePath);
    if (m_captureHandler)
        m_wizard->setCaptureHandler(m_captureHandler);
    m_wizard->setManageConnectionsHandler([window = m_window] { window->manageConnections(); });
    m_wizard->resize(900, 560);
    m_wizard->show();
}

void MoveUi::moveActiveModel()
{
    const Connection active = m_window->activeConnection()->connection();
    JobHistory history(active.id);
    QStringList models;
    if (history.open())
        models = history.fineTunedModels();
    if (models.isEmpty()) {
        MessageBox::information(m_window, tr("Move to Another Service"),
                tr("No fine-tuned model is in the job history of %1 yet. Moving keeps the "
                   "behaviour of a fine-tuned model: use the connection where it was trained.")
                        .arg(active.name));
        return;
    }
    startMove(active.id, models.first());
}

void MoveUi::openParityCheck()
{
    if (!m_playground)
        return;
    if (!m_parity) {
        m_parity = new ParityDialog(m_playground->connections(), m_window);
        m_parity->setAttribute(Qt::WA_DeleteOnClose);
        m_parity->resize(900, 560);
    }
    m_parity->show();
    m_parity->raise();
}

} // namespace fs::ui
