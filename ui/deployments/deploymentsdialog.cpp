// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentsdialog.h"

#include "deploymenthub.h"
#include "deploymentlistmodel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fs::ui {

DeploymentsDialog::DeploymentsDialog(DeploymentHub *hub, QWidget *parent)
    : QDialog(parent)
    , m_hub(hub)
    , m_model(new DeploymentListModel(hub, this))
{
    setObjectName(QStringLiteral("deploymentsDialog"));
    setWindowTitle(tr("Deployments"));
    auto *intro = new QLabel(tr("Fine-tuned models deployed so that they answer. Each bills at "
                                "its price per hour for as long as it runs (some services by "
                                "the minute), also while nobody chats with it. Stop what you "
                                "do not use."),
            this);
    intro->setWordWrap(true);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("deploymentsSummaryLabel"));
    m_summaryLabel->setWordWrap(true);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("deploymentsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // the end of a model's name tells it apart
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(
            DeploymentListModel::Model, QHeaderView::Stretch);

    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setObjectName(QStringLiteral("stopDeploymentButton"));
    m_stopButton->setToolTip(tr("Stop the selected deployment: billing ends once it stopped"));
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_refreshButton->setToolTip(tr("Ask the services again what runs"));
    m_idleSpinBox = new QSpinBox(this);
    m_idleSpinBox->setObjectName(QStringLiteral("idleStopSpinBox"));
    m_idleSpinBox->setRange(0, 24 * 60);
    m_idleSpinBox->setSuffix(tr(" min"));
    m_idleSpinBox->setSpecialValueText(tr("never"));
    m_idleSpinBox->setValue(hub->idleStopMinutes());
    auto *idleLabel = new QLabel(tr("Stop a deployment after this long without a chat:"), this);
    idleLabel->setBuddy(m_idleSpinBox);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_stopButton);
    actions->addWidget(m_refreshButton);
    actions->addStretch(1);
    actions->addWidget(idleLabel);
    actions->addWidget(m_idleSpinBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summaryLabel);
    layout->addLayout(actions);
    layout->addWidget(buttons);
    resize(860, 380);

    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, m_model, &DeploymentListModel::refresh);
    connect(m_stopButton, &QPushButton::clicked, this, &DeploymentsDialog::stopSelected);
    connect(m_refreshButton, &QPushButton::clicked, this, [this] {
        for (DeploymentManager *manager : m_hub->managers())
            manager->refresh();
    });
    connect(m_idleSpinBox, &QSpinBox::valueChanged, this, [this](int minutes) {
        m_hub->setIdleStopMinutes(minutes);
        DeploymentHub::saveIdleStopMinutes(minutes);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &DeploymentsDialog::updateState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DeploymentsDialog::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeploymentsDialog::updateState);
    updateState();
}

void DeploymentsDialog::stopSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? -1 : rows.first().row();
    const HubDeployment d = m_model->deploymentAt(row);
    if (d.manager && d.tracked.isBilling())
        d.manager->stop(d.tracked.deployment.id);
}

void DeploymentsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    for (DeploymentManager *manager : m_hub->managers())
        manager->refresh();
    m_model->refresh();
    m_timer->start();
}

void DeploymentsDialog::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QDialog::hideEvent(event);
}

void DeploymentsDialog::updateState()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const HubDeployment d = m_model->deploymentAt(rows.isEmpty() ? -1 : rows.first().row());
    m_stopButton->setEnabled(d.manager && d.tracked.isBilling() && !d.tracked.stopRequested);
    const QString summary = m_hub->summaryText();
    m_summaryLabel->setText(summary.isEmpty()
                    ? (m_model->rowCount() == 0 ? tr("Nothing is deployed.")
                                                : tr("Nothing is running: nothing is billed."))
                    : summary);
}

} // namespace fs::ui
