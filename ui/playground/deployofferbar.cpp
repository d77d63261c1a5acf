// SPDX-License-Identifier: GPL-3.0-or-later
#include "deployofferbar.h"

#include "deploydialog.h"
#include "deploymenthub.h"
#include "deploymentsui.h"
#include "modelpicker.h"
#include "playgroundconnections.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace fs::ui {

DeployOfferBar::DeployOfferBar(PlaygroundConnections *connections, QWidget *parent)
    : QFrame(parent)
    , m_connections(connections)
    , m_label(new QLabel(this))
    , m_button(new QPushButton(tr("Deploy to Try It…"), this))
{
    setObjectName(QStringLiteral("deployOfferBar"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(
            QStringLiteral("#deployOfferBar { background: #fff4e0; border: 1px solid #e0b060; }"));
    m_label->setObjectName(QStringLiteral("deployOfferLabel"));
    m_label->setWordWrap(true);
    m_button->setObjectName(QStringLiteral("deployOfferPushButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button, 0, Qt::AlignVCenter);
    hide();
    connect(m_button, &QPushButton::clicked, this, &DeployOfferBar::deploy);
}

bool DeployOfferBar::route(QList<ModelTarget> *targets)
{
    for (ModelTarget &target : *targets) {
        if (!route(&target))
            return false;
    }
    return true;
}

bool DeployOfferBar::route(ModelTarget *target)
{
    DeploymentHub *hub = m_connections->deployments();
    const QString problem =
            hub ? hub->route(target, ModelChoice::describe(target->model)) : QString();
    if (problem.isEmpty()) {
        hide();
        // A chat through a deployment: it is in use (the idle auto-stop counts from here).
        if (!target->servedAs.isEmpty())
            hub->manager(target->connection)->reportUse(target->model);
        return true;
    }
    m_offered = *target;
    m_label->setText(problem);
    // While it comes up the same dialog shows how far it got.
    const auto latest = hub->manager(target->connection)->latestFor(target->model);
    m_button->setText(
            latest && latest->isComingUp() ? tr("Show Progress…") : tr("Deploy to Try It…"));
    show();
    return false;
}

void DeployOfferBar::deploy()
{
    DeploymentHub *hub = m_connections->deployments();
    DeploymentManager *manager = hub ? hub->manager(m_offered.connection) : nullptr;
    if (!manager || m_offered.model.isEmpty())
        return;
    DeployDialog *dialog = offerDeploy(this, manager, m_offered.connection, m_offered.model);
    if (!dialog)
        return;
    connect(dialog, &DeployDialog::deploymentReady, this, [this] {
        hide();
        Q_EMIT deployed();
    });
}

} // namespace fs::ui
