// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionpage.h"

#include "activeconnection.h"
#include "connectionstatuswidget.h"
#include "connectionstore.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

ConnectionPage::ConnectionPage(ActiveConnection *active, ConnectionStore *store, QWidget *parent)
    : QWidget(parent)
    , m_active(active)
    , m_store(store)
{
    setObjectName(QStringLiteral("connectionPage"));

    m_nameLabel = makeLabel(QStringLiteral("nameLabel"), this);
    QFont titleFont = m_nameLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_nameLabel->setFont(titleFont);

    m_sandboxNoteLabel = makeLabel(QStringLiteral("sandboxNoteLabel"), this);
    m_sandboxNoteLabel->setFrameShape(QFrame::StyledPanel);
    m_sandboxNoteLabel->setMargin(8);
    m_sandboxNoteLabel->setBackgroundRole(QPalette::AlternateBase);
    m_sandboxNoteLabel->setAutoFillBackground(true);

    m_kindLabel = makeLabel(QStringLiteral("kindLabel"), this);
    m_addressLabel = makeLabel(QStringLiteral("addressLabel"), this);
    m_stateDotLabel = new QLabel(this);
    m_stateLabel = makeLabel(QStringLiteral("stateLabel"), this);
    m_stateLabel->setWordWrap(false);
    QFont boldFont = m_stateLabel->font();
    boldFont.setBold(true);
    m_stateLabel->setFont(boldFont);
    m_messageLabel = makeLabel(QStringLiteral("messageLabel"), this);

    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_stateDotLabel);
    stateRow->addWidget(m_stateLabel);
    stateRow->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("Kind:"), m_kindLabel);
    form->addRow(tr("Address:"), m_addressLabel);
    form->addRow(tr("State:"), stateRow);
    // Spans the row: as a field, a word-wrapped label is given odd heights.
    form->addRow(m_messageLabel);

    m_testAgainPushButton = new QPushButton(tr("&Test Again"), this);
    m_testAgainPushButton->setObjectName(QStringLiteral("testAgainPushButton"));
    m_manageConnectionsPushButton = new QPushButton(tr("&Manage Connections…"), this);
    m_manageConnectionsPushButton->setObjectName(QStringLiteral("manageConnectionsPushButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_testAgainPushButton);
    buttons->addWidget(m_manageConnectionsPushButton);
    buttons->addStretch();

    m_modelsSummaryLabel = makeLabel(QStringLiteral("modelsSummaryLabel"), this);
    m_modelsTreeWidget = new QTreeWidget(this);
    m_modelsTreeWidget->setObjectName(QStringLiteral("modelsTreeWidget"));
    m_modelsTreeWidget->setRootIsDecorated(false);
    m_modelsTreeWidget->setAlternatingRowColors(true);
    m_modelsTreeWidget->setHeaderLabels({tr("Model"), tr("Type"), tr("Owner"), tr("Created")});
    m_modelsTreeWidget->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_modelsTreeWidget->header()->setStretchLastSection(false);

    auto *modelsTitle = new QLabel(tr("Models this connection offers"), this);
    modelsTitle->setFont(boldFont);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_nameLabel);
    layout->addWidget(m_sandboxNoteLabel);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addSpacing(8);
    layout->addWidget(modelsTitle);
    layout->addWidget(m_modelsSummaryLabel);
    layout->addWidget(m_modelsTreeWidget, 1);

    connect(m_testAgainPushButton, &QPushButton::clicked, m_active, &ActiveConnection::refresh);
    connect(m_manageConnectionsPushButton, &QPushButton::clicked, this,
            &ConnectionPage::manageConnectionsRequested);
    connect(m_active, &ActiveConnection::connectionChanged, this, &ConnectionPage::updateView);
    connect(m_active, &ActiveConnection::stateChanged, this, &ConnectionPage::updateView);
    connect(m_store, &ConnectionStore::connectionsChanged, this, &ConnectionPage::updateView);
    updateView();
}

void ConnectionPage::updateView()
{
    const Connection connection = m_active->connection();
    const bool isSandbox = connection.kind == Connection::Kind::Sandbox;
    m_nameLabel->setText(connection.name);

    m_sandboxNoteLabel->setVisible(isSandbox);
    if (isSandbox && !m_store->hasUserConnections()) {
        m_sandboxNoteLabel->setText(
                tr("No connection has been set up yet, so you are using the built-in sandbox. It "
                   "runs on this computer, costs nothing and only pretends to train, so you can "
                   "try everything safely. To fine-tune real models, add your OpenAI or "
                   "Together AI account with “Manage Connections…”."));
    } else if (isSandbox) {
        m_sandboxNoteLabel->setText(
                tr("You are using the built-in sandbox. It runs on this computer, costs nothing "
                   "and only pretends to train. Switch to one of your connections with "
                   "“Manage Connections…” or the Connection menu."));
    }

    m_kindLabel->setText(Connection::kindDisplayName(connection.kind));
    const QUrl address = connection.apiBaseUrl();
    if (isSandbox && address.isEmpty())
        m_addressLabel->setText(tr("(not running)"));
    else if (isSandbox)
        m_addressLabel->setText(tr("%1 (on this computer)").arg(address.toDisplayString()));
    else
        m_addressLabel->setText(address.toDisplayString());

    const ConnectionCheck check = m_active->check();
    m_stateDotLabel->setPixmap(dotIcon(stateColor(m_active->isSettled(), check)).pixmap(12, 12));
    m_stateLabel->setText(m_active->shortText());
    m_messageLabel->setText(m_active->message());
    m_testAgainPushButton->setEnabled(m_active->isSettled());
    updateModels();
}

void ConnectionPage::updateModels()
{
    m_modelsTreeWidget->clear();
    const ConnectionCheck check = m_active->check();
    if (!m_active->isSettled()) {
        m_modelsSummaryLabel->setText(tr("Asking the server which models it offers…"));
        return;
    }
    if (!check.ok()) {
        m_modelsSummaryLabel->setText(
                tr("The list of models will appear here once the connection works."));
        return;
    }
    if (check.models.isEmpty()) {
        m_modelsSummaryLabel->setText(tr("The server does not list any models."));
        return;
    }
    const int fineTuned = check.fineTunedCount();
    if (fineTuned == 0)
        m_modelsSummaryLabel->setText(tr("None of these models is fine-tuned yet."));
    else
        m_modelsSummaryLabel->setText(
                tr("Your fine-tuned models are listed first and shown in bold (%1 of %2).")
                        .arg(fineTuned)
                        .arg(check.modelCount()));
    QList<QTreeWidgetItem *> items;
    items.reserve(check.models.size());
    for (const ModelObject &model : check.models) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, model.id);
        item->setText(1, model.isFineTuned() ? tr("Fine-tuned") : tr("Base model"));
        item->setText(2, model.ownedBy);
        if (model.created > 0)
            item->setText(3,
                    QLocale().toString(QDateTime::fromSecsSinceEpoch(model.created).date(),
                            QLocale::ShortFormat));
        item->setData(0, Qt::UserRole, model.isFineTuned());
        if (model.isFineTuned()) {
            QFont font = item->font(0);
            font.setBold(true);
            for (int column = 0; column < 4; ++column)
                item->setFont(column, font);
            item->setToolTip(0, tr("A model fine-tuned by you or your organization."));
        }
        items << item;
    }
    m_modelsTreeWidget->addTopLevelItems(items);
    m_modelsTreeWidget->resizeColumnToContents(1);
    m_modelsTreeWidget->resizeColumnToContents(2);
    m_modelsTreeWidget->resizeColumnToContents(3);
}

} // namespace fs::ui
