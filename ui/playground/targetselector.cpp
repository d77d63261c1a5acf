// SPDX-License-Identifier: GPL-3.0-or-later
#include "targetselector.h"

#include "connectionstore.h"
#include "modelpicker.h"
#include "playgroundconnections.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace fs::ui {

TargetSelector::TargetSelector(PlaygroundConnections *connections, QWidget *parent)
    : QWidget(parent)
    , m_connections(connections)
{
    m_connectionComboBox = new QComboBox(this);
    m_connectionComboBox->setObjectName(QStringLiteral("connectionComboBox"));
    m_connectionComboBox->setToolTip(tr("Where this model runs"));
    m_connectionComboBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_modelPicker = new ModelPicker(this);
    m_modelPicker->setObjectName(QStringLiteral("modelComboBox"));
    m_modelPicker->setToolTip(tr("The model that answers"));
    m_modelPicker->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b02020;"));
    m_problemLabel->setVisible(false);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_connectionComboBox);
    row->addWidget(m_modelPicker, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_problemLabel);

    rebuildConnections();
    connect(m_connections->store(), &ConnectionStore::connectionsChanged, this,
            &TargetSelector::rebuildConnections);
    connect(m_connectionComboBox, &QComboBox::currentIndexChanged, this, [this] {
        loadModels();
        Q_EMIT targetChanged();
    });
    connect(m_modelPicker, &ModelPicker::modelChanged, this, &TargetSelector::targetChanged);
    connect(m_connections, &PlaygroundConnections::ready, this, &TargetSelector::onReady);
    connect(m_connections, &PlaygroundConnections::failed, this, &TargetSelector::onFailed);
    connect(m_connections, &PlaygroundConnections::invalidated, this, [this](const QString &id) {
        if (id.isEmpty() || id == connectionId())
            loadModels();
    });
    loadModels();
}

void TargetSelector::rebuildConnections()
{
    const QString keep =
            connectionId().isEmpty() ? m_connections->store()->activeId() : connectionId();
    const QSignalBlocker blocker(m_connectionComboBox);
    m_connectionComboBox->clear();
    for (const Connection &connection : m_connections->store()->connections())
        m_connectionComboBox->addItem(connection.name, connection.id);
    const int index = m_connectionComboBox->findData(keep);
    m_connectionComboBox->setCurrentIndex(index >= 0 ? index : 0);
    m_connectionComboBox->setVisible(m_connectionComboBox->count() > 1);
    if (m_connectionComboBox->currentData().toString() != keep)
        loadModels();
}

void TargetSelector::setCompact(bool compact)
{
    m_connectionComboBox->setVisible(!compact || m_connectionComboBox->count() > 1);
}

QString TargetSelector::connectionId() const
{
    return m_connectionComboBox->currentData().toString();
}

void TargetSelector::setConnectionId(const QString &id)
{
    const int index = m_connectionComboBox->findData(id);
    if (index >= 0)
        m_connectionComboBox->setCurrentIndex(index);
}

QString TargetSelector::model() const
{
    return m_ready ? m_modelPicker->currentModel() : m_wantedModel;
}

void TargetSelector::setModel(const QString &model)
{
    m_wantedModel = model;
    if (m_ready)
        m_modelPicker->setCurrentModel(model);
    Q_EMIT targetChanged();
}

ModelTarget TargetSelector::target() const
{
    ModelTarget target;
    if (m_connections->isReady(connectionId()))
        target.connection = m_connections->connection(connectionId());
    else if (const auto found = m_connections->store()->connection(connectionId()))
        target.connection = *found;
    target.model = model();
    return target;
}

void TargetSelector::setTarget(const ModelTarget &target)
{
    if (!target.connection.id.isEmpty())
        setConnectionId(target.connection.id);
    setModel(target.model);
}

bool TargetSelector::isReady() const
{
    return m_ready;
}

void TargetSelector::loadModels()
{
    const QString id = connectionId();
    if (id.isEmpty())
        return;
    const bool wasReady = m_ready;
    if (m_ready && !m_modelPicker->currentModel().isEmpty())
        m_wantedModel = m_modelPicker->currentModel();
    m_ready = false;
    m_problemLabel->setVisible(false);
    if (m_connections->isReady(id)) {
        onReady(id);
        return;
    }
    m_modelPicker->setPlaceholder(tr("Loading models…"));
    m_modelPicker->setEnabled(false);
    if (wasReady)
        Q_EMIT readyChanged(false);
    m_connections->load(id);
}

void TargetSelector::onReady(const QString &connectionId)
{
    if (connectionId != this->connectionId())
        return;
    const QList<ModelChoice> models = m_connections->models(connectionId);
    m_problemLabel->setVisible(false);
    m_modelPicker->setEnabled(true);
    if (models.isEmpty()) {
        m_modelPicker->setPlaceholder(tr("This connection offers no models"));
        m_ready = false;
        return;
    }
    // A list read again keeps the model shown (the person may have chosen it since); a new
    // list shows the model asked for before it arrived.
    if (m_ready && !m_modelPicker->currentModel().isEmpty())
        m_wantedModel = m_modelPicker->currentModel();
    m_modelPicker->setChoices(models);
    if (!m_wantedModel.isEmpty())
        m_modelPicker->setCurrentModel(m_wantedModel);
    const bool changed = !m_ready;
    m_ready = true;
    if (changed)
        Q_EMIT readyChanged(true);
    Q_EMIT targetChanged();
}

void TargetSelector::onFailed(const QString &connectionId, const QString &message)
{
    if (connectionId != this->connectionId())
        return;
    m_modelPicker->setPlaceholder(tr("No models"));
    m_modelPicker->setEnabled(false);
    m_problemLabel->setText(message);
    m_problemLabel->setVisible(true);
    m_ready = false;
}

} // namespace fs::ui
